#include "app/analysis/nationalchart.h"

#include "app/models/gradestyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>
#include <QValueAxis>

namespace fwb::app {

NationalChart::NationalChart(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nationalChart"));
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Forces at each grade, per question"));
    m_listTitle = new QLabel(tr("Click a bar to list its forces."), this);
    m_listTitle->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("nationalForces"));
    m_list->setAccessibleName(tr("Forces behind the bar"));
    auto* side = new QVBoxLayout;
    side->addWidget(m_listTitle);
    side->addWidget(m_list, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_view, 3);
    layout->addLayout(side, 1);
}

QStringList NationalChart::forcesAt(const QString& question, const QString& gradeCode) const
{
    QStringList out;
    for (const MatrixRow& r : m_matrix.rows) {
        if (!m_region.isEmpty() && r.force.regionName != m_region)
            continue;
        const auto cell = r.cells.find(question);
        const QString grade = cell == r.cells.end() ? QString() : cell->gradeCode;
        if (grade == gradeCode)
            out << r.force.name;
    }
    return out;
}

void NationalChart::showForces(const QString& question, const QString& gradeCode)
{
    QString label = tr("no judgment");
    for (const Grade& g : m_matrix.grades)
        if (g.code == gradeCode)
            label = g.label.toLower();
    const QStringList forces = forcesAt(question, gradeCode);
    m_listTitle->setText(forces.size() == 1
                             ? tr("%1 at %2: 1 force").arg(question, label)
                             : tr("%1 at %2: %3 forces").arg(question, label).arg(forces.size()));
    m_list->clear();
    m_list->addItems(forces);
}

void NationalChart::setMatrix(const JudgmentMatrix& matrix, const QString& region)
{
    m_matrix = matrix;
    m_region = region;
    auto* series = new QHorizontalStackedBarSeries;
    QStringList categories;
    for (qsizetype i = matrix.columns.size() - 1; i >= 0; --i) // the first question at the top
        categories << matrix.columns[i].code + QStringLiteral("  ") + matrix.columns[i].label();
    auto addSet = [&](const QString& label, const QString& code, const QColor& colour,
                      const QColor& text) {
        auto* set = new QBarSet(label);
        set->setColor(colour);
        set->setBorderColor(colour.darker(115));
        set->setLabelColor(text);
        for (qsizetype i = matrix.columns.size() - 1; i >= 0; --i)
            *set << forcesAt(matrix.columns[i].code, code).size();
        const QList<Question> columns = matrix.columns;
        connect(set, &QBarSet::clicked, this, [this, columns, code](int index) {
            showForces(columns[columns.size() - 1 - index].code, code);
        });
        series->append(set);
    };
    for (const Grade& g : matrix.grades)
        addSet(g.label, g.code, GradeStyle::background(g.code, g.rank),
               GradeStyle::foreground(g.code, g.rank));
    addSet(tr("No judgment"), QString(), QColor(0xe6, 0xe6, 0xe6), QColor(0x55, 0x55, 0x55));
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("%1: forces at each grade%2")
                        .arg(matrix.programme.label(), region.isEmpty()
                                                           ? tr(", England and Wales")
                                                           : QStringLiteral(", ") + region));
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto* x = new QValueAxis;
    int total = 0;
    for (const MatrixRow& r : matrix.rows)
        total += region.isEmpty() || r.force.regionName == region ? 1 : 0;
    x->setRange(0, qMax(1, total));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(total > 20 ? 5 : 1);
    x->setTitleText(tr("forces"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

} // namespace fwb::app
