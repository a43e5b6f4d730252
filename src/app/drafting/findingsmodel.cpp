#include "app/drafting/findingsmodel.h"

#include "app/models/kindstyle.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QMimeData>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace fwb::app {
namespace {
const QString kMime = QStringLiteral("application/x-fwb-finding-uid");

// The first words of a finding as plain text, for the list.
QString plain(const QString& markdown)
{
    QString s = markdown;
    static const QRegularExpression marks(
        QStringLiteral("\\*\\*|(?<!\\\\)[*_`]|\\\\(?=[*_`\\[\\]\\\\<])"));
    s.remove(marks);
    return s.simplified();
}
} // namespace

FindingsModel::FindingsModel(QObject* parent) : QAbstractListModel(parent) {}

void FindingsModel::setWorkbench(Workbench* workbench)
{
    m_workbench = workbench;
    reload();
}

Workbench* FindingsModel::workbench() const
{
    return m_workbench;
}

void FindingsModel::setPlace(const QString& programme, const QString& force,
                             const QString& question)
{
    m_programme = programme;
    m_force = force;
    m_question = question;
    reload();
}

void FindingsModel::setFilter(const QString& kind, const QString& status)
{
    m_kind = kind;
    m_status = status;
    reload();
}

bool FindingsModel::passes(const Finding& f) const
{
    return (m_kind.isEmpty() || f.kind == m_kind) && (m_status.isEmpty() || f.status == m_status);
}

QList<Finding> FindingsModel::read(int* total) const
{
    QList<Finding> rows;
    *total = 0;
    if (m_workbench && !m_question.isEmpty()) {
        const QList<Finding> all = m_workbench->reader().findings(m_programme, m_force, m_question);
        *total = int(all.size());
        for (const Finding& f : all)
            if (passes(f))
                rows.push_back(f);
    }
    return rows;
}

void FindingsModel::reload()
{
    int total = 0;
    QList<Finding> rows = read(&total);
    beginResetModel();
    m_rows = std::move(rows);
    m_total = total;
    endResetModel();
}

bool FindingsModel::concerns(const ChangeSet& changes) const
{
    if (m_question.isEmpty())
        return false;
    if (changes.isEverything())
        return true;
    const Place here{m_programme, m_force, m_question};
    auto near = [&](const Place& p) {
        return (p.programme.isEmpty() || p.programme == m_programme) &&
               (p.force.isEmpty() || p.force == m_force) &&
               (p.question.isEmpty() || p.question == m_question);
    };
    for (const RecordChange& c : changes.of(EntityKind::Finding)) {
        if (c.place.isEmpty() && c.uids.isEmpty())
            return true;
        if (!c.place.isEmpty() && (near(c.place) || (!c.from.isEmpty() && near(c.from))))
            return true;
        if (c.place.isEmpty())
            for (const QString& uid : c.uids)
                if (rowOf(uid) >= 0)
                    return true;
        if (c.place.isEmpty() && c.op != ChangeOp::Changed)
            return true; // an addition or move from elsewhere may land here
    }
    return false;
}

void FindingsModel::applyChanges(const ChangeSet& changes)
{
    if (!m_workbench || !concerns(changes))
        return;
    if (changes.isEverything()) {
        reload();
        return;
    }
    // Saving as typed: the findings named are read again, one by one, and their rows repainted.
    const QList<RecordChange> findings = changes.of(EntityKind::Finding);
    const bool wordingOnly = std::all_of(findings.cbegin(), findings.cend(), [](const auto& c) {
        return c.wordingOnly && c.op == ChangeOp::Changed && c.isPrecise();
    });
    if (wordingOnly) {
        for (const RecordChange& c : findings)
            for (const QString& uid : c.uids) {
                const int row = rowOf(uid);
                if (row < 0)
                    continue;
                if (auto f = m_workbench->reader().finding(uid)) {
                    m_rows[row] = *f;
                    Q_EMIT dataChanged(index(row, 0), index(row, 0));
                }
            }
        return;
    }
    int total = 0;
    QList<Finding> rows = read(&total);
    m_total = total;
    update(std::move(rows));
}

void FindingsModel::update(QList<Finding> rows)
{
    QSet<QString> wanted;
    for (const Finding& f : rows)
        wanted.insert(f.uid);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_rows[row].uid)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (int i = 0; i < rows.size(); ++i) {
        const int at = [&] {
            for (int j = i; j < m_rows.size(); ++j)
                if (m_rows[j].uid == rows[i].uid)
                    return j;
            return -1;
        }();
        if (at < 0) {
            beginInsertRows({}, i, i);
            m_rows.insert(i, rows[i]);
            endInsertRows();
            continue;
        }
        if (at != i) {
            beginMoveRows({}, at, at, {}, i);
            m_rows.move(at, i);
            endMoveRows();
        }
        const Finding& was = m_rows[i];
        if (was.text != rows[i].text || was.kind != rows[i].kind || was.status != rows[i].status ||
            was.position != rows[i].position || was.evidenceUids != rows[i].evidenceUids ||
            was.updatedAt != rows[i].updatedAt) {
            m_rows[i] = rows[i];
            Q_EMIT dataChanged(index(i, 0), index(i, 0));
        }
    }
}

std::optional<Finding> FindingsModel::finding(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows[row];
}

int FindingsModel::rowOf(const QString& uid) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].uid == uid)
            return i;
    return -1;
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding& f = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return plain(f.text);
    case Qt::ToolTipRole:
        return QStringLiteral("%1 · %2 · %3").arg(findingKindLabel(f.kind), f.status, f.uid);
    case Qt::AccessibleTextRole:
        return QString(findingKindLabel(f.kind) + QStringLiteral(": ") + plain(f.text));
    case Qt::DecorationRole:
        return KindStyle::colour(f.kind);
    case UidRole:
        return f.uid;
    case KindRole:
        return f.kind;
    case StatusRole:
        return f.status;
    case MarkdownRole:
        return f.text;
    case PositionRole:
        return f.position;
    case EvidenceRole:
        return f.evidenceUids;
    default:
        return {};
    }
}

Qt::ItemFlags FindingsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return isFiltered() ? Qt::NoItemFlags : Qt::ItemIsDropEnabled; // drop between rows
    // Reordering a filtered list would be ambiguous about the hidden findings.
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled |
           (isFiltered() ? Qt::NoItemFlags : Qt::ItemIsDragEnabled);
}

QStringList FindingsModel::mimeTypes() const
{
    return {kMime};
}

QMimeData* FindingsModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty() || !indexes.front().isValid())
        return nullptr;
    auto* mime = new QMimeData;
    mime->setData(kMime, m_rows[indexes.front().row()].uid.toUtf8());
    return mime;
}

bool FindingsModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                    const QModelIndex&) const
{
    return data && data->hasFormat(kMime) && action == Qt::MoveAction && !isFiltered();
}

bool FindingsModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                 const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    const QString uid = QString::fromUtf8(data->data(kMime));
    const int from = rowOf(uid);
    if (from < 0)
        return false;
    if (row < 0)
        row = parent.isValid() ? parent.row() : int(m_rows.size());
    // Dropping below itself counts the rows after its removal.
    int position = row + 1;
    if (row > from)
        position -= 1;
    if (position != from + 1)
        Q_EMIT moveRequested(uid, position);
    return false; // the view must not remove the dragged row: the reload does it
}

} // namespace fwb::app
