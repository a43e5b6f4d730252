#include "app/analysis/matrixmodel.h"
#include "app/panes/safetextbrowser.h"

#include "app/models/gradestyle.h"

#include <QBrush>
#include <QColor>

namespace fwb::app {

MatrixModel::MatrixModel(QObject* parent) : QAbstractTableModel(parent) {}

void MatrixModel::setMatrix(JudgmentMatrix matrix)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    endResetModel();
}

int MatrixModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.rows.size());
}

int MatrixModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstQuestionColumn + int(m_matrix.columns.size());
}

QVariant MatrixModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MatrixRow& row = m_matrix.rows[index.row()];
    if (role == ForceCodeRole)
        return row.force.code;
    if (role == RegionRole)
        return row.force.regionName;
    if (index.column() == ForceColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return row.force.name;
        case Qt::ToolTipRole:
            return plainToolTip(row.force.name + QStringLiteral(" (") + row.force.regionName +
                                QLatin1Char(')'));
        default:
            return {};
        }
    }
    if (index.column() == RegionColumn)
        return role == Qt::DisplayRole ? QVariant(row.force.regionName) : QVariant();
    const Question& q = m_matrix.columns[index.column() - FirstQuestionColumn];
    const auto cell = row.cells.find(q.code);
    const bool judged = cell != row.cells.end();
    switch (role) {
    case QuestionCodeRole:
        return q.code;
    case GradeCodeRole:
        return judged ? cell->gradeCode : QString();
    case RankRole:
        return judged ? cell->rank : 99; // no judgment sorts last
    case Qt::DisplayRole:
        return judged ? GradeStyle::letters(cell->gradeCode, cell->gradeLabel)
                      : QStringLiteral("–");
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::BackgroundRole:
        return judged ? QBrush(GradeStyle::background(cell->gradeCode, cell->rank))
                      : QBrush(QColor(0xf4, 0xf4, 0xf4), Qt::Dense6Pattern);
    case Qt::ForegroundRole:
        return judged ? QBrush(GradeStyle::foreground(cell->gradeCode, cell->rank))
                      : QBrush(QColor(0x80, 0x80, 0x80));
    case Qt::ToolTipRole:
        return judged ? QStringLiteral("<b>%1 — %2: %3</b><p>%4</p>")
                            .arg(row.force.name.toHtmlEscaped(), q.code.toHtmlEscaped(),
                                 cell->gradeLabel.toHtmlEscaped(),
                                 cell->summary.left(600).toHtmlEscaped())
                      : plainToolTip(
                            QStringLiteral("%1 — %2: no judgment").arg(row.force.name, q.code));
    case Qt::AccessibleTextRole:
        return QString(row.force.name + QStringLiteral(", ") + q.code + QStringLiteral(": ") +
                       (judged ? cell->gradeLabel : QStringLiteral("no judgment")));
    default:
        return {};
    }
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == ForceColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Force")) : QVariant();
    if (section == RegionColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Region")) : QVariant();
    const Question& q = m_matrix.columns[section - FirstQuestionColumn];
    switch (role) {
    case Qt::DisplayRole:
        return q.shortTitle.isEmpty() ? q.code : QString(q.code + QLatin1Char('\n') + q.shortTitle);
    case Qt::ToolTipRole:
        return plainToolTip(q.code + QStringLiteral(": ") + q.text);
    default:
        return {};
    }
}

void MatrixFilter::setRegion(const QString& region)
{
    m_region = region;
    invalidateFilter();
}

void MatrixFilter::setGrade(const QString& gradeCode, const QString& question)
{
    m_grade = gradeCode;
    m_question = question;
    invalidateFilter();
}

bool MatrixFilter::filterAcceptsRow(int row, const QModelIndex& parent) const
{
    const QAbstractItemModel* m = sourceModel();
    if (!m_region.isEmpty() &&
        m->index(row, 0, parent).data(MatrixModel::RegionRole).toString() != m_region)
        return false;
    if (m_grade.isEmpty())
        return true;
    for (int c = MatrixModel::FirstQuestionColumn; c < m->columnCount(parent); ++c) {
        const QModelIndex i = m->index(row, c, parent);
        if (!m_question.isEmpty() && i.data(MatrixModel::QuestionCodeRole).toString() != m_question)
            continue;
        if (i.data(MatrixModel::GradeCodeRole).toString() == m_grade)
            return true;
    }
    return false;
}

bool MatrixFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (left.column() >= MatrixModel::FirstQuestionColumn)
        return left.data(MatrixModel::RankRole).toInt() < right.data(MatrixModel::RankRole).toInt();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace fwb::app
