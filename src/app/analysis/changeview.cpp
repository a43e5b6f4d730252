#include "app/analysis/changeview.h"
#include "app/panes/safetextbrowser.h"

#include "app/models/gradestyle.h"
#include "core/io/filenames.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace fwb::app {
namespace {

QString arrow(fwb::Change c)
{
    switch (c) {
    case fwb::Change::Up:
        return QStringLiteral("▲ up");
    case fwb::Change::Down:
        return QStringLiteral("▼ down");
    case fwb::Change::Same:
        return QStringLiteral("= same");
    case fwb::Change::New:
        return QStringLiteral("new");
    case fwb::Change::Gone:
        return QStringLiteral("no judgment now");
    case fwb::Change::NotComparable:
        return QStringLiteral("not comparable");
    case fwb::Change::None:
        return {};
    }
    return {};
}

QString letters(const fwb::MatrixCell& c)
{
    return c.rank ? GradeStyle::letters(c.gradeCode, c.gradeLabel) : QStringLiteral("–");
}

} // namespace

void ChangeModel::setView(fwb::ChangeView view)
{
    beginResetModel();
    m_view = std::move(view);
    endResetModel();
}

int ChangeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_view.rows.size());
}

int ChangeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstQuestionColumn + int(m_view.columns.size());
}

QVariant ChangeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_view.rows.size())
        return {};
    const ChangeRow& row = m_view.rows[index.row()];
    if (role == ForceCodeRole)
        return row.force.code;
    if (role == MovedRole || role == JudgedRole) {
        for (const ChangeCell& c : row.cells)
            if (role == JudgedRole ? c.change != fwb::Change::None
                                   : (c.change == fwb::Change::Up || c.change == fwb::Change::Down))
                return true;
        return false;
    }
    if (index.column() == ForceColumn)
        return role == Qt::DisplayRole || role == SortRole ? QVariant(row.force.name) : QVariant();
    if (index.column() == RegionColumn)
        return role == Qt::DisplayRole || role == SortRole ? QVariant(row.force.regionName)
                                                           : QVariant();
    const ChangeColumn& column = m_view.columns[index.column() - FirstQuestionColumn];
    const ChangeCell cell = row.cells.value(column.question.code);
    switch (role) {
    case QuestionCodeRole:
        return column.question.code;
    case ChangeRole:
        return changeName(cell.change);
    case SortRole: // down first, then up, then the rest
        return cell.change == fwb::Change::Down ? 0
               : cell.change == fwb::Change::Up ? 1
                                                : 2 + int(cell.change);
    case Qt::DisplayRole:
        if (cell.change == fwb::Change::None)
            return {};
        // Letters and words as well as colour: readable in greyscale and by everyone.
        return QStringLiteral("%1 → %2   %3")
            .arg(letters(cell.before), letters(cell.after), arrow(cell.change));
    case Qt::ToolTipRole:
        return plainToolTip(
            QStringLiteral("%1, %2\n%3: %4\n%5: %6%7")
                .arg(row.force.name, column.question.label(), m_view.from.label(),
                     cell.before.rank ? cell.before.gradeLabel : QStringLiteral("no judgment"),
                     m_view.to.label(),
                     cell.after.rank ? cell.after.gradeLabel : QStringLiteral("no judgment"),
                     column.comparable
                         ? QString()
                         : QStringLiteral(
                               "\nThe frameworks mark this question not comparable with %1's %2.")
                               .arg(m_view.from.label(), column.earlier.code)));
    case Qt::BackgroundRole:
        switch (cell.change) {
        case fwb::Change::Up:
            return QColor(0xdc, 0xef, 0xdd);
        case fwb::Change::Down:
            return QColor(0xf8, 0xd9, 0xd6);
        case fwb::Change::NotComparable:
            return QBrush(QColor(0xd0, 0xd4, 0xda), Qt::BDiagPattern);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        return cell.change == fwb::Change::NotComparable ? QColor(0x55, 0x5d, 0x66) : QVariant();
    default:
        return {};
    }
}

QVariant ChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section == ForceColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Force")) : QVariant();
    if (section == RegionColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Region")) : QVariant();
    const int i = section - FirstQuestionColumn;
    if (i < 0 || i >= m_view.columns.size())
        return {};
    const ChangeColumn& c = m_view.columns[i];
    if (role == Qt::DisplayRole)
        return QString(c.question.code + QStringLiteral(" ") + c.question.label() +
                       (c.comparable ? QString() : QStringLiteral(" (not comparable)")));
    if (role == Qt::ToolTipRole)
        return plainToolTip(
            QStringLiteral("%1\nfollows %2 %3%4")
                .arg(c.question.text, m_view.from.label(), c.earlier.code,
                     c.comparable ? QString()
                                  : QStringLiteral("\nnot comparable: no change is counted")));
    return {};
}

void ChangeFilter::setMoversOnly(bool on)
{
    m_moversOnly = on;
    invalidateFilter();
}

bool ChangeFilter::filterAcceptsRow(int row, const QModelIndex& parent) const
{
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    if (!index.data(ChangeModel::JudgedRole).toBool())
        return false; // judged in neither programme: nothing to compare
    return !m_moversOnly || index.data(ChangeModel::MovedRole).toBool();
}

ChangeViewWidget::ChangeViewWidget(Workbench* workbench, QWidget* parent)
    : QWidget(parent), m_workbench(workbench)
{
    setObjectName(QStringLiteral("changeView"));
    m_from = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("changeFrom"));
    m_from->setAccessibleName(tr("Compared with"));
    m_movers = new QCheckBox(tr("Only forces that moved"), this);
    m_movers->setObjectName(QStringLiteral("moversOnly"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("changeSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_model = new ChangeModel(this);
    m_filter = new ChangeFilter(this);
    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(ChangeModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("changeTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setDefaultSectionSize(170);
    m_table->horizontalHeader()->setSectionResizeMode(ChangeModel::ForceColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ChangeModel::RegionColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the Change"),
            fileSlug(m_programme, QStringLiteral("programme")) + QStringLiteral("-change.csv"),
            tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    auto* copyButton = new QPushButton(tr("Copy"), this);
    connect(copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(QString::fromUtf8(changeCsv(shown()))); });

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Compared with:"), this));
    top->addWidget(m_from, 1);
    top->addWidget(m_movers);
    top->addWidget(exportButton);
    top->addWidget(copyButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    connect(m_from, qOverload<int>(&QComboBox::activated), this, &ChangeViewWidget::reload);
    connect(m_movers, &QCheckBox::toggled, m_filter, &ChangeFilter::setMoversOnly);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString question = index.data(ChangeModel::QuestionCodeRole).toString();
        Q_EMIT openRequested(m_programme, index.data(ChangeModel::ForceCodeRole).toString(),
                             question);
    });
}

void ChangeViewWidget::setProgramme(const QString& programme)
{
    m_programme = programme;
    const QSignalBlocker block(m_from);
    m_from->clear();
    if (!m_workbench)
        return;
    const auto later = m_workbench->reader().programme(programme);
    const QString followed = later ? followedProgramme(*later) : QString();
    for (const Programme& p : m_workbench->reader().programmes())
        if (p.code != programme && (later ? p.year <= later->year : true))
            m_from->addItem(p.label(), p.code);
    m_from->setCurrentIndex(qMax(0, m_from->findData(followed)));
    reload();
}

void ChangeViewWidget::reload()
{
    if (!m_workbench || m_programme.isEmpty() || m_from->currentIndex() < 0) {
        m_model->setView({});
        m_summary->setText(tr("No earlier programme to compare with."));
        return;
    }
    auto v = changeView(*m_workbench, m_from->currentData().toString(), m_programme);
    if (!v) {
        m_model->setView({});
        m_summary->setText(v.error().message);
        spdlog::debug("change view: {}", v.error().message.toStdString());
        return;
    }
    const auto& t = v->totals;
    m_summary->setText(tr("From %1 to %2: %3 up, %4 down, %5 the same, %6 not comparable, %7 new, "
                          "%8 with no judgment now. "
                          "Forces judged in neither are not listed.")
                           .arg(v->from.label(), v->to.label())
                           .arg(t.value(fwb::Change::Up))
                           .arg(t.value(fwb::Change::Down))
                           .arg(t.value(fwb::Change::Same))
                           .arg(t.value(fwb::Change::NotComparable))
                           .arg(t.value(fwb::Change::New))
                           .arg(t.value(fwb::Change::Gone)));
    m_model->setView(*v);
}

fwb::ChangeView ChangeViewWidget::shown() const
{
    fwb::ChangeView v = m_model->view();
    v.rows.clear();
    for (int r = 0; r < m_filter->rowCount(); ++r)
        v.rows << m_model->view().rows[m_filter->mapToSource(m_filter->index(r, 0)).row()];
    return v;
}

bool ChangeViewWidget::exportCsv(const QString& path)
{
    const Status written = writeFileAtomically(path, changeCsv(shown()));
    if (!written)
        Q_EMIT exportFailed(tr("Change not exported"), written.error().message);
    return written.ok();
}

} // namespace fwb::app
