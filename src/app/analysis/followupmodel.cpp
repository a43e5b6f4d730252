#include "app/analysis/followupmodel.h"
#include "app/panes/safetextbrowser.h"

#include <QFont>
#include <QScopedValueRollback>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {

Status FollowUpModel::reset(const Workbench& workbench, const FollowUpFilter& filter, int atMost)
{
    const QScopedValueRollback fetching(m_fetching, true); // the view asks as the reset ends
    beginResetModel();
    m_pages.reset();
    m_list = {};
    m_error.clear();
    m_atMost = qMax(0, atMost);
    auto pages = FollowUpPages::open(workbench, filter);
    if (!pages) {
        m_error = pages.error().message;
        endResetModel();
        return pages.error();
    }
    m_pages = std::move(pages).value();
    m_list.total = m_pages->total();
    m_list.asOf = m_pages->asOf();
    const int first = m_atMost > 0 ? qMin(m_page, m_atMost) : m_page;
    auto items = m_pages->next(first);
    if (!items) {
        m_error = items.error().message;
        m_pages.reset();
        endResetModel();
        return items.error();
    }
    m_list.items = std::move(items).value();
    endResetModel();
    return {};
}

void FollowUpModel::clear()
{
    beginResetModel();
    m_pages.reset();
    m_list = {};
    endResetModel();
}

bool FollowUpModel::fetchAll()
{
    while (canFetchMore({}))
        fetchMore({});
    return m_error.isEmpty();
}

int FollowUpModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_list.items.size());
}

int FollowUpModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FollowUpModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_list.items.size())
        return {};
    const FollowUpItem& i = m_list.items[index.row()];
    if (role == Qt::DisplayRole) {
        const int years = m_list.yearsOpen(i);
        switch (index.column()) {
        case ForceColumn:
            return i.force.name;
        case RegionColumn:
            return i.force.regionName;
        case KindColumn:
            return findingKindLabel(i.finding.kind);
        case SinceColumn:
            return QString::number(i.since);
        case StatusColumn:
            return followUpStatusLabel(i.status());
        case AssessedColumn:
            return i.history.isEmpty() ? QString() : i.history.back().programmeCode;
        case OpenForColumn:
            return !i.isOpen()  ? QString()
                   : years == 0 ? tr("this year")
                   : years == 1 ? tr("1 year")
                                : tr("%1 years").arg(years);
        case TextColumn:
            return i.finding.text.simplified();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == TextColumn)
        return plainToolTip(i.finding.text);
    if (role == Qt::FontRole && index.column() == StatusColumn && i.isOpen()) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant FollowUpModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* names[] = {QT_TR_NOOP("Force"),    QT_TR_NOOP("Region"),
                                  QT_TR_NOOP("Kind"),     QT_TR_NOOP("Since"),
                                  QT_TR_NOOP("Status"),   QT_TR_NOOP("Assessed in"),
                                  QT_TR_NOOP("Open for"), QT_TR_NOOP("Finding")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

bool FollowUpModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_pages && !m_pages->atEnd() &&
           m_list.items.size() < m_list.total && (m_atMost == 0 || m_list.items.size() < m_atMost);
}

void FollowUpModel::fetchMore(const QModelIndex& parent)
{
    // The view asks again while it lays out the rows just inserted; it asks once more when it
    // scrolls, so that call can wait.
    if (m_fetching || !canFetchMore(parent))
        return;
    const QScopedValueRollback fetching(m_fetching, true);
    const int want = m_atMost > 0 ? qMin(m_page, m_atMost - int(m_list.items.size())) : m_page;
    auto items = m_pages->next(want);
    if (!items) {
        m_error = items.error().message;
        spdlog::warn("follow-up list: {}", m_error.toStdString());
        m_pages.reset(); // nothing more is read after an error
        return;
    }
    if (items->isEmpty())
        return;
    const int first = int(m_list.items.size());
    beginInsertRows({}, first, first + int(items->size()) - 1);
    m_list.items += *items;
    endInsertRows();
}

} // namespace fwb::app
