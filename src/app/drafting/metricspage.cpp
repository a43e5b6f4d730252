#include "app/drafting/metricspage.h"
#include "ui_metricspage.h"

#include "app/dialogs/cellediting.h"
#include "app/panes/safetextbrowser.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QLocale>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

QString number(double v)
{
    // As many decimals as the figure has, up to three, in the person's locale.
    return QLocale().toString(v, 'g', 12);
}

std::optional<double> parseNumber(const QString& text)
{
    bool ok = false;
    QString t = text.trimmed();
    t.remove(u'%');
    double v = QLocale().toDouble(t, &ok);
    if (!ok)
        v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace

MetricsPage::MetricsPage(const DraftingContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_ui(std::make_unique<Ui::MetricsPage>())
{
    m_ui->setupUi(this);
    m_table = m_ui->metricsTable;
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SourceColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(FigureColumn, 80);
    m_table->setColumnWidth(MeasureColumn, 160);
    m_table->setColumnWidth(PeriodColumn, 170);
    m_table->setColumnWidth(ForceColumn, 80);
    m_table->setColumnWidth(NationalColumn, 120);
    m_table->setColumnWidth(UnitColumn, 70);
    connect(m_table, &QTableWidget::itemChanged, this, &MetricsPage::onItemChanged);
    connect(m_ui->addFigure, &QPushButton::clicked, this, &MetricsPage::addMetric);
    connect(m_ui->deleteFigure, &QPushButton::clicked, this, &MetricsPage::deleteMetric);
}

MetricsPage::~MetricsPage()
{
    // The form's widgets are deleted after this, and a field losing focus as they go announces
    // an edit: the guard keeps it from being saved into a form that is no longer there.
    m_loading = true;
}

QTableWidget* MetricsPage::table() const
{
    return m_table;
}

void MetricsPage::applyChanges(const fwb::ChangeSet& changes)
{
    if (!changes.touches(EntityKind::Metric))
        return;
    // A cell open for editing keeps its typing, in the same figure's row after the reload (not
    // while the page saves that very cell: then the editor is closing with what was saved).
    const CellEdit typing = m_saving ? CellEdit{} : takeCellEdit(m_table);
    const int row = m_table->currentRow();
    const QString uid =
        typing.isOpen() && row >= 0 && row < m_metrics.size() ? m_metrics[row].uid : QString();
    reload();
    for (int r = 0; !uid.isEmpty() && r < m_metrics.size(); ++r)
        if (m_metrics[r].uid == uid)
            restoreCellEdit(m_table, m_table->model()->index(r, typing.column), typing);
}

void MetricsPage::setPlace(const QString& programme, const QString& force)
{
    m_programme = programme;
    m_force = force;
    reload();
}

void MetricsPage::reload()
{
    if (!m_context.workbench)
        return;
    const int keepRow = m_table->currentRow(), keepColumn = m_table->currentColumn();
    m_metrics = m_context.workbench->reader().metrics(m_programme, m_force);
    std::stable_sort(m_metrics.begin(), m_metrics.end(), [](const Metric& a, const Metric& b) {
        return std::tie(a.figure, a.position) < std::tie(b.figure, b.position);
    });
    m_loading = true;
    m_table->setRowCount(int(m_metrics.size()));
    const bool writable = m_context.writable();
    for (int r = 0; r < m_metrics.size(); ++r) {
        const Metric& m = m_metrics[r];
        const QStringList cells{m.figure,
                                m.name,
                                m.measure,
                                m.period,
                                number(m.forceValue),
                                m.nationalValue ? number(*m.nationalValue) : QString(),
                                m.unit,
                                m.source};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(plainToolTip(cells[c]));
            if (!writable)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            if (c == ForceColumn || c == NationalColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    if (keepRow >= 0 && keepRow < m_table->rowCount())
        m_table->setCurrentCell(keepRow, qMax(0, keepColumn));
    m_loading = false;
}

void MetricsPage::onItemChanged(QTableWidgetItem* item)
{
    if (m_loading || !item || item->row() >= m_metrics.size())
        return;
    const Metric before = m_metrics[item->row()];
    Metric after = before;
    const QString text = item->text().trimmed();
    switch (item->column()) {
    case FigureColumn:
        after.figure = text;
        break;
    case NameColumn:
        after.name = text;
        break;
    case MeasureColumn:
        after.measure = text;
        break;
    case PeriodColumn:
        after.period = text;
        break;
    case UnitColumn:
        after.unit = text;
        break;
    case SourceColumn:
        after.source = text;
        break;
    case ForceColumn:
    case NationalColumn: {
        const auto v = parseNumber(text);
        if (item->column() == NationalColumn && text.isEmpty()) {
            after.nationalValue.reset();
        } else if (!v) {
            if (m_context.errors)
                m_context.errors(tr("Edit Figure"), tr("\"%1\" is not a number.").arg(text));
            reload();
            return;
        } else if (item->column() == ForceColumn) {
            after.forceValue = *v;
        } else {
            after.nationalValue = *v;
        }
        break;
    }
    default:
        return;
    }
    if (after.name.isEmpty()) {
        if (m_context.errors)
            m_context.errors(tr("Edit Figure"), tr("A figure needs a name."));
        reload();
        return;
    }
    m_saving = true;
    const bool saved =
        m_context.run(new SaveMetricCommand(m_context.workbench, m_context.errors, before, after));
    m_saving = false;
    if (!saved)
        reload();
}

void MetricsPage::addMetric()
{
    if (!m_context.writable())
        return;
    Metric m;
    m.programmeCode = m_programme;
    m.forceCode = m_force;
    m.name = tr("New figure");
    const int row = m_table->currentRow();
    if (row >= 0 && row < m_metrics.size()) {
        m.figure = m_metrics[row].figure;
        m.period = m_metrics[row].period;
        m.source = m_metrics[row].source;
    }
    auto* command = new SaveMetricCommand(m_context.workbench, m_context.errors, std::nullopt, m);
    if (m_context.run(command)) {
        reload();
        for (int r = 0; r < m_metrics.size(); ++r)
            if (m_metrics[r].uid == command->saved().uid) {
                m_table->setCurrentCell(r, NameColumn);
                m_table->editItem(m_table->item(r, NameColumn));
            }
    }
}

void MetricsPage::deleteMetric()
{
    const int row = m_table->currentRow();
    if (row >= 0 && row < m_metrics.size())
        m_context.run(
            new DeleteMetricCommand(m_context.workbench, m_context.errors, m_metrics[row]));
}

} // namespace fwb::app
