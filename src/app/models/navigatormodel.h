#pragma once
// NavigatorModel: the tree the window navigates — programmes, under each the forces with material
// in it (or all forces), under each force the programme's question tree with that force's grades
// and finding counts. Read from a Workbench; rebuilt by reload() when the workbench changes.

#include "app/models/navigatornode.h"

#include <QAbstractItemModel>
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

    // Reads everything again (after Workbench::changed).
    void reload();

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

private:
    NavigatorNode* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(const NavigatorNode* node, int column = 0) const;
    std::unique_ptr<NavigatorNode> build() const;
    QVariant decoration(const NavigatorNode& node) const;
    QString toolTip(const NavigatorNode& node) const;

    QPointer<Workbench> m_workbench;
    bool m_showAllForces = false;
    std::unique_ptr<NavigatorNode> m_root;
};

} // namespace fwb::app
