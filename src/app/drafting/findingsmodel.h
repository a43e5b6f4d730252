#pragma once
// FindingsModel: the findings of one force under one question, in their order, optionally
// filtered by kind and status. Rows are dragged to reorder; a drop asks for the move
// (moveRequested) rather than moving rows itself, so the move goes through an undo command and the
// rows follow the workbench's change records (applyChanges): a finding saved as typed is one
// dataChanged; an add, delete or move inserts, removes or moves rows. Changing the place or the
// filter resets the model.

#include "core/changes.h"
#include "core/domain/types.h"

#include <QAbstractListModel>
#include <QPointer>

namespace fwb {
class Workbench;
}

namespace fwb::app {

class FindingsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UidRole = Qt::UserRole + 1,
        KindRole,
        StatusRole,
        MarkdownRole,
        PositionRole,
        EvidenceRole
    };

    explicit FindingsModel(QObject* parent = nullptr);

    void setWorkbench(Workbench* workbench);
    Workbench* workbench() const;
    void setPlace(const QString& programme, const QString& force, const QString& question);
    // Empty: any kind / status.
    void setFilter(const QString& kind, const QString& status);
    bool isFiltered() const { return !m_kind.isEmpty() || !m_status.isEmpty(); }
    void reload();
    // Updates the rows the changes concern, in place.
    void applyChanges(const ChangeSet& changes);
    // Whether `changes` concern the findings this model shows.
    bool concerns(const ChangeSet& changes) const;

    const QString& programme() const { return m_programme; }
    const QString& force() const { return m_force; }
    const QString& question() const { return m_question; }
    const QList<Finding>& findings() const { return m_rows; }
    std::optional<Finding> finding(int row) const;
    int rowOf(const QString& uid) const;
    // Every finding under the question, filtered or not.
    int totalCount() const { return m_total; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

Q_SIGNALS:
    // A finding was dropped at a row: move it to that 1-based position under the question.
    void moveRequested(const QString& uid, int position);

private:
    QList<Finding> read(int* total) const;
    bool passes(const Finding& f) const;
    // Brings the rows to `rows` with removes, moves, inserts and dataChanged.
    void update(QList<Finding> rows);

    QPointer<Workbench> m_workbench;
    QString m_programme, m_force, m_question, m_kind, m_status;
    QList<Finding> m_rows;
    int m_total = 0;
};

} // namespace fwb::app
