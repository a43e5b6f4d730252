#pragma once
// FollowUpModel: the Follow-up tab's list as a table model that reads itself a page at a time
// (core FollowUpPages): the first page when it is reset, the next whenever the view scrolls to
// the end (canFetchMore / fetchMore), so a national list of hundreds of thousands opens as fast
// as a force's.

#include "core/services/analysis.h"

#include <QAbstractTableModel>
#include <optional>

namespace fwb::app {

class FollowUpModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ForceColumn,
        RegionColumn,
        KindColumn,
        SinceColumn,
        StatusColumn,
        AssessedColumn,
        OpenForColumn,
        TextColumn,
        ColumnCount
    };
    static constexpr int DefaultPage = 200;

    explicit FollowUpModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    // Starts the list again for this filter and reads its first page. `atMost` (0: no limit) caps
    // how many rows are ever read.
    Status reset(const Workbench& workbench, const FollowUpFilter& filter, int atMost = 0);
    void clear();
    void setPageSize(int rows) { m_page = qMax(1, rows); }
    int pageSize() const { return m_page; }

    // The items read so far, with the count of all (`total`) and the year they are open to.
    const FollowUpList& list() const { return m_list; }
    // Reads until the list is complete (or capped); false after an error.
    bool fetchAll();
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    std::optional<FollowUpPages> m_pages;
    FollowUpList m_list;
    int m_atMost = 0;
    int m_page = DefaultPage;
    QString m_error;
    bool m_fetching = false;
};

} // namespace fwb::app
