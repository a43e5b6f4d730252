#pragma once
// NavigatorModel: the tree the window navigates — programmes, under each the forces with material
// in it (or all forces), under each force the programme's question tree with that force's grades
// and finding counts. Read from a Workbench.
//
// Branches are read when opened: at first only the programmes; a programme's forces and their
// counts when it is expanded (fetchMore) or first asked for (rowCount, index, indexOf), a force's
// questions likewise. applyChanges() updates the rows in place from the workbench's change records
// (dataChanged, inserted, removed rows); only a change to everything resets the model.

#include "app/models/navigatornode.h"

#include "core/changes.h"
#include "core/domain/types.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

namespace fwb {
class Workbench;
}

namespace fwb::app {

class NavigatorModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { LabelColumn, FindingsColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // NavigatorKey::Kind as int
        PathRole,                    // NavigatorKey::path()
        ProgrammeRole,
        ForceRole,
        QuestionRole,
        GradeRole,      // grade code, or empty
        IncompleteRole, // a graded question without a judgment
        CountsRole,     // QVariantMap: finding kind → count, sub-questions included
    };

    explicit NavigatorModel(QObject* parent = nullptr);
    ~NavigatorModel() override;

    // The workbench to show, or nullptr for none. The model does not own it.
    void setWorkbench(Workbench* workbench);
    Workbench* workbench() const;

    bool showAllForces() const { return m_showAllForces; }
    void setShowAllForces(bool on);

    // Reads everything again (a reset: for a reopened file or an import of everything).
    void reload();
    // Updates the rows the changes concern, in place.
    void applyChanges(const ChangeSet& changes);

    NavigatorKey keyOf(const QModelIndex& index) const;
    // The row for `key`, or its nearest ancestor still in the tree; invalid when none.
    QModelIndex indexOf(const NavigatorKey& key) const;

    // "3 ▲ 2 ▼": counts of findings by kind, with a symbol per kind.
    static QString countsText(const QMap<QString, int>& counts);
    // "3 strengths, 2 areas for improvement".
    static QString countsInWords(const QMap<QString, int>& counts);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    struct Refresh; // what applyChanges must read again for one programme
    void ensureFetched(NavigatorNode* node) const;
    std::vector<std::unique_ptr<NavigatorNode>> loadChildren(const NavigatorNode& node) const;
    std::unique_ptr<NavigatorNode> makeForceNode(const Programme& p, const QString& code) const;
    void fetchWithSignals(NavigatorNode* node);
    void removeChildren(NavigatorNode* node);
    void refreshProgramme(NavigatorNode* pn, const Refresh& r);
    void refreshForceList(NavigatorNode* pn);
    void recount(NavigatorNode* fn);
    void regrade(NavigatorNode* fn, const QList<Judgment>& forceJudgments);
    void refreshNames();
    void refreshProgrammes(const QSet<QString>& codes, bool all);
    void readReference();
    void emitRowChanged(NavigatorNode* node);
    NavigatorNode* programmeNode(const QString& code) const;

    NavigatorNode* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(const NavigatorNode* node, int column = 0) const;
    std::unique_ptr<NavigatorNode> build() const;
    QVariant decoration(const NavigatorNode& node) const;
    QString toolTip(const NavigatorNode& node) const;

    QPointer<Workbench> m_workbench;
    bool m_showAllForces = false;
    std::unique_ptr<NavigatorNode> m_root;
    QHash<QString, Programme> m_programmes; // by code, read with the tree
    QStringList m_programmeOrder;           // newest first
    QHash<QString, Force> m_forces;
    QStringList m_allForces; // by name
};

} // namespace fwb::app
