#include "app/analysis/forceprofileview.h"

#include "app/models/gradestyle.h"
#include "core/domain/periods.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSet>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <QValueAxis>

namespace fwb::app {
namespace {
QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

// The choice of "one figure of every force": the programme, the figure and its period, the same
// whichever force's profile offers it, so that it carries over to another force.
QStringList everyForceChoice(const Metric& m)
{
    return {QStringLiteral("forces"), m.programmeCode, figureKey(m), m.period};
}
} // namespace

ForceProfileView::ForceProfileView(Workbench* workbench, QWidget* parent)
    : QWidget(parent), m_workbench(workbench)
{
    setObjectName(QStringLiteral("forceProfile"));
    m_force = new QComboBox(this);
    m_force->setObjectName(QStringLiteral("profileForce"));
    m_force->setAccessibleName(tr("Force"));
    m_page = new QTextBrowser(this);
    m_page->setObjectName(QStringLiteral("profilePage"));
    m_page->setOpenLinks(false);
    m_page->setAccessibleName(tr("Force profile"));
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("profileChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setAccessibleName(tr("The force's figures against England and Wales and its region"));
    m_chartChoice = new QComboBox(this);
    m_chartChoice->setObjectName(QStringLiteral("profileChartChoice"));
    m_chartChoice->setAccessibleName(tr("Chart"));
    m_chartChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chartChoice->setMinimumContentsLength(30);
    auto* top = new QHBoxLayout;
    auto* forceLabel = new QLabel(tr("&Force:"), this);
    forceLabel->setBuddy(m_force);
    top->addWidget(forceLabel);
    top->addWidget(m_force, 1);
    auto* chartSide = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(chartSide);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto* choiceRow = new QHBoxLayout;
    auto* chartLabel = new QLabel(tr("C&hart:"), chartSide);
    chartLabel->setBuddy(m_chartChoice);
    choiceRow->addWidget(chartLabel);
    choiceRow->addWidget(m_chartChoice, 1);
    chartLayout->addLayout(choiceRow);
    chartLayout->addWidget(m_chart, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_page);
    split->addWidget(chartSide);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    if (m_workbench)
        for (const Force& f : m_workbench->reader().forces())
            m_force->addItem(f.name, f.code);
    connect(m_force, qOverload<int>(&QComboBox::activated), this,
            [this] { setForce(m_force->currentData().toString()); });
    connect(m_chartChoice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { drawChart(); });
    connect(m_page, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        const QStringList parts = url.path().split(QLatin1Char('/'));
        if (url.scheme() == QLatin1String("fwb") && parts.size() == 3)
            Q_EMIT openRequested(parts[0], parts[1], parts[2]);
    });
}

void ForceProfileView::setForce(const QString& code)
{
    m_force->setCurrentIndex(qMax(0, m_force->findData(code)));
    reload();
}

void ForceProfileView::reload()
{
    if (!m_workbench)
        return;
    auto profile = forceProfile(*m_workbench, m_force->currentData().toString());
    if (!profile)
        return;
    m_profile = std::move(profile).value();
    const ForceProfile& p = m_profile;
    QString html = QStringLiteral("<h2>%1</h2><p style='color:#555'>%2</p>")
                       .arg(esc(p.force.name), esc(p.force.regionName));
    html += QStringLiteral("<h3>%1</h3><table cellspacing='0' cellpadding='4' border='1' "
                           "style='border-color:#ccc'>")
                .arg(tr("Judgments over time"));
    for (const Programme& programme : p.programmes) {
        if (programme.gradeScaleCode.isEmpty())
            continue;
        html += QStringLiteral("<tr><td><b>%1</b></td>").arg(esc(programme.label()));
        const QList<Judgment> js = p.judgments.value(programme.code);
        if (js.isEmpty())
            html += QStringLiteral("<td colspan='8' style='color:#777'>%1</td>")
                        .arg(tr("not graded in this workbench"));
        for (const Judgment& j : js)
            html += QStringLiteral("<td align='center' style='background:%1'><a "
                                   "href='fwb:%2/%3/%4' style='color:%5; text-decoration:none'>"
                                   "%4<br><b>%6</b></a></td>")
                        .arg(GradeStyle::background(j.gradeCode, j.gradeRank).name(),
                             programme.code, p.force.code, j.questionCode,
                             GradeStyle::foreground(j.gradeCode, j.gradeRank).name(),
                             esc(j.gradeLabel));
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table><h3>%1</h3><table cellspacing='0' cellpadding='4' border='1' "
                           "style='border-color:#ccc'><tr><th></th>")
                .arg(tr("Findings by kind"));
    for (const QString& k : findingKinds())
        html += QStringLiteral("<th>%1</th>").arg(esc(findingKindPluralLabel(k)));
    html += QStringLiteral("</tr>");
    for (const Programme& programme : p.programmes) {
        const QMap<QString, int> kinds = p.findings.value(programme.code);
        html += QStringLiteral("<tr><td><b>%1</b></td>").arg(esc(programme.label()));
        for (const QString& k : findingKinds())
            html += QStringLiteral("<td align='right'>%1</td>").arg(kinds.value(k));
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    // What earlier inspections asked of the force and is not yet done.
    html += QStringLiteral("<h3>%1</h3>")
                .arg(tr("Areas for improvement, causes of concern and recommendations still open"));
    if (p.stillOpen.items.isEmpty()) {
        html += QStringLiteral("<p style='color:#777'>%1</p>").arg(tr("None."));
    } else {
        if (p.stillOpen.total > p.stillOpen.items.size())
            html += QStringLiteral("<p style='color:#555'>%1</p>")
                        .arg(tr("%1 still open; the oldest %2 are below. Export CSV on the "
                                "Follow-up tab, or "
                                "fwb followup list --force, lists them all.")
                                 .arg(QLocale().toString(p.stillOpen.total))
                                 .arg(p.stillOpen.items.size()));
        html += QStringLiteral("<table cellspacing='0' cellpadding='4' border='1' "
                               "style='border-color:#ccc'><tr><th>%1</th><th>%2</th>"
                               "<th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(tr("Since"), tr("Kind"), tr("Finding"), tr("Status"), tr("Open for"));
        for (const FollowUpItem& i : p.stillOpen.items) {
            const int years = p.stillOpen.yearsOpen(i);
            QString status = esc(followUpStatusLabel(i.status()));
            if (!i.history.isEmpty())
                status += QStringLiteral("<br><span style='color:#777'>%1</span>")
                              .arg(esc(i.history.back().programmeCode));
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td "
                                   "align='right'>%5</td></tr>")
                        .arg(QString::number(i.since), esc(findingKindLabel(i.finding.kind)),
                             esc(i.finding.text.simplified().left(160)) +
                                 (i.finding.text.size() > 160 ? QStringLiteral("…") : QString()),
                             status,
                             years == 0   ? tr("this year")
                             : years == 1 ? tr("1 year")
                                          : tr("%1 years").arg(years));
        }
        html += QStringLiteral("</table>");
    }
    m_page->setHtml(html);

    fillChartChoices();
    drawChart();
}

// The charts the force's figures allow: its latest rates against England and Wales; each figure it
// has for two periods or more, over time; and each figure of the latest programme that other
// forces have too, a bar per force.
void ForceProfileView::fillChartChoices()
{
    const ForceProfile& p = m_profile;
    const QVariant was = m_chartChoice->currentData();
    const QSignalBlocker block(m_chartChoice);
    m_chartChoice->clear();
    m_charted.clear();
    for (auto it = p.programmes.crbegin(); it != p.programmes.crend() && m_charted.isEmpty(); ++it)
        for (const ProfileFigure& f : p.figures.value(it->code))
            if (f.metric.unit.contains(QLatin1String("per 1,000"), Qt::CaseInsensitive) &&
                f.metric.nationalValue)
                m_charted = it->code;
    m_chartChoice->addItem(tr("Rates per 1,000 against England and Wales and the region"),
                           QStringList{QStringLiteral("rates")});
    // Each choice is named by what it draws, not by its place, so it carries over to another force.
    for (const FigureSeries& series : p.series)
        m_chartChoice->addItem(
            tr("%1, over time").arg(series.label()),
            QStringList{QStringLiteral("series"), series.name, series.unit, series.measure});
    for (auto it = p.programmes.crbegin(); it != p.programmes.crend(); ++it) {
        bool any = false;
        for (const ProfileFigure& f : p.figures.value(it->code))
            if (f.forces > 1) {
                any = true;
                m_chartChoice->addItem(
                    tr("%1, every force (%2)").arg(f.metric.name, f.metric.period),
                    everyForceChoice(f.metric));
            }
        if (any)
            break; // the latest programme that compares the forces
    }
    m_chartChoice->setCurrentIndex(qMax(0, m_chartChoice->findData(was)));
}

void ForceProfileView::drawChart()
{
    const QStringList choice = m_chartChoice->currentData().toStringList();
    QChart* chart = nullptr;
    if (choice.size() == 4 && choice[0] == QLatin1String("series")) {
        const QString &name = choice[1], &unit = choice[2], &measure = choice[3];
        for (const FigureSeries& series : m_profile.series)
            if (!chart && series.name == name && series.unit == unit &&
                (!unit.isEmpty() || series.measure == measure))
                chart = seriesChart(series);
    } else if (choice.size() > 1 && choice[0] == QLatin1String("forces")) {
        for (const ProfileFigure& f : m_profile.figures.value(choice[1]))
            if (!chart && everyForceChoice(f.metric) == choice)
                chart = everyForceChart(f);
    }
    if (!chart)
        chart = ratesChart();
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    m_chart->setAccessibleDescription(chart->title());
    delete old;
}

QChart* ForceProfileView::ratesChart() const
{
    const ForceProfile& p = m_profile;
    // The rates of the latest period the programme gives them for, each once: with earlier years
    // among them (a figure followed over time), a bar per name would mix the years.
    QList<ProfileFigure> rates;
    QDate latest;
    for (const ProfileFigure& f : p.figures.value(m_charted))
        if (f.metric.unit.contains(QLatin1String("per 1,000"), Qt::CaseInsensitive) &&
            f.metric.nationalValue && !isComparison(f.metric.period)) {
            rates << f;
            latest = std::max(latest, periodEnd(f.metric.period));
        }
    QList<ProfileFigure> figures;
    QSet<QString> named;
    for (const ProfileFigure& f : rates)
        if (periodEnd(f.metric.period) == latest && !named.contains(f.metric.name)) {
            named.insert(f.metric.name);
            figures << f;
        }
    auto* chart = new QChart;
    if (figures.isEmpty()) {
        chart->setTitle(
            tr("No rates per 1,000 population for %1 in the workbench").arg(p.force.name));
        return chart;
    }
    auto* series = new QHorizontalBarSeries;
    auto* mine = new QBarSet(p.force.shortName);
    auto* national = new QBarSet(tr("England and Wales"));
    auto* region = new QBarSet(tr("%1 (mean)").arg(p.force.regionName));
    mine->setColor(QColor(0x1f, 0x4e, 0x79));
    national->setColor(QColor(0xa6, 0xa6, 0xa6));
    region->setColor(QColor(0x7f, 0xb3, 0xd5));
    QStringList categories;
    double top = 0;
    for (qsizetype i = figures.size() - 1; i >= 0; --i) {
        const ProfileFigure& f = figures[i];
        categories << f.metric.name;
        *mine << f.metric.forceValue;
        *national << *f.metric.nationalValue;
        *region << f.regionMean.value_or(0);
        top =
            std::max({top, f.metric.forceValue, *f.metric.nationalValue, f.regionMean.value_or(0)});
    }
    series->append(mine);
    series->append(national);
    // The region's mean beside every figure, or not at all: a bar of 0 where no other force of
    // the region has the figure would read as a mean of nothing.
    if (std::all_of(figures.cbegin(), figures.cend(),
                    [](const ProfileFigure& f) { return f.regionMean.has_value(); }))
        series->append(region);
    else
        delete region;
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(
        QAbstractBarSeries::LabelsOutsideEnd); // readable beside a short bar too
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto* x = new QValueAxis;
    x->setRange(0, top * 1.15);
    x->applyNiceNumbers();
    x->setTitleText(tr("per 1,000 population"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->setTitle(tr("%1 against England and Wales, %2")
                        .arg(p.force.shortName, figures.front().metric.period));
    return chart;
}

// A figure over time: a line for the force, England and Wales and the region's mean, each point
// at the date its period ends, so uneven gaps between periods show as such.
QChart* ForceProfileView::seriesChart(const FigureSeries& s) const
{
    auto* chart = new QChart;
    auto line = [&](const QString& name, const QColor& colour, Qt::PenStyle style, auto value) {
        auto* l = new QLineSeries;
        l->setName(name);
        QPen pen(colour, 2.5, style);
        l->setPen(pen);
        l->setPointsVisible(true);
        for (const SeriesPoint& x : s.points)
            if (const std::optional<double> v = value(x))
                l->append(double(x.end.startOfDay().toMSecsSinceEpoch()), *v);
        return l;
    };
    QList<QLineSeries*> lines{
        line(m_profile.force.shortName, QColor(0x1f, 0x4e, 0x79), Qt::SolidLine,
             [](const SeriesPoint& x) { return std::optional<double>(x.force); })};
    if (std::any_of(s.points.cbegin(), s.points.cend(),
                    [](const SeriesPoint& x) { return x.national.has_value(); }))
        lines << line(tr("England and Wales"), QColor(0x70, 0x70, 0x70), Qt::DashLine,
                      [](const SeriesPoint& x) { return x.national; });
    if (std::any_of(s.points.cbegin(), s.points.cend(),
                    [](const SeriesPoint& x) { return x.regionMean.has_value(); }))
        lines << line(tr("%1 (mean)").arg(m_profile.force.regionName), QColor(0x7f, 0xb3, 0xd5),
                      Qt::DotLine, [](const SeriesPoint& x) { return x.regionMean; });
    double lo = 0, hi = 0;
    for (QLineSeries* l : lines)
        for (const QPointF& pt : l->points()) {
            lo = std::min(lo, pt.y());
            hi = std::max(hi, pt.y());
        }
    // A label at each period's end ("Jun 2015"), where its point is, rather than evenly spaced
    // dates that fall between the points.
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    QStringList labels;
    for (const SeriesPoint& point : s.points)
        labels << QLocale().toString(point.end, QStringLiteral("MMM yyyy"));
    if (QSet<QString>(labels.cbegin(), labels.cend()).size() <
        labels.size()) { // two ends in one month: name the days
        labels.clear();
        for (const SeriesPoint& point : s.points)
            labels << QLocale().toString(point.end, QStringLiteral("d MMM yyyy"));
    }
    for (qsizetype i = 0; i < s.points.size(); ++i)
        x->append(labels[i], double(s.points[i].end.startOfDay().toMSecsSinceEpoch()));
    const qint64 first = s.points.front().end.startOfDay().toMSecsSinceEpoch();
    const qint64 last = s.points.back().end.startOfDay().toMSecsSinceEpoch();
    const qint64 pad = std::max<qint64>((last - first) / 20, 86400000LL * 15);
    x->setRange(double(first - pad), double(last + pad));
    x->setStartValue(double(first - pad));
    x->setTitleText(tr("period ending"));
    auto* y = new QValueAxis;
    y->setRange(lo, hi <= lo ? lo + 1 : hi * 1.1);
    y->applyNiceNumbers();
    y->setTitleText(s.unit.isEmpty() ? s.measure : s.unit);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* l : lines) {
        chart->addSeries(l);
        l->attachAxis(x);
        l->attachAxis(y);
    }
    chart->setTitle(QStringLiteral("<b>%1</b><br>%2")
                        .arg(tr("%1: %2").arg(m_profile.force.shortName, s.name).toHtmlEscaped(),
                             tr("%1 to %2")
                                 .arg(s.points.front().period, s.points.back().period)
                                 .toHtmlEscaped()));
    return chart;
}

// One figure of every force that has it: a bar each, highest first, this force's bar marked, and
// England and Wales as a line across.
QChart* ForceProfileView::everyForceChart(const ProfileFigure& figure) const
{
    auto* chart = new QChart;
    if (!m_workbench)
        return chart;
    const Metric& m = figure.metric;
    auto across = figureAcrossForces(*m_workbench, m);
    if (!across) {
        chart->setTitle(across.error().message);
        return chart;
    }
    auto* bars = new QBarSeries;
    auto* set = new QBarSet(tr("Forces, %1 marked").arg(m_profile.force.shortName));
    set->setColor(QColor(0xa6, 0xbd, 0xd7));
    set->setSelectedColor(QColor(0x1f, 0x4e, 0x79));
    QStringList names;
    double lo = 0, hi = 0;
    for (qsizetype i = 0; i < across->forces.size(); ++i) {
        const ForceValue& v = across->forces[i];
        *set << v.value;
        names << v.force.shortName;
        lo = std::min(lo, v.value);
        hi = std::max(hi, v.value);
        if (v.force.code == m_profile.force.code)
            set->selectBar(int(i));
    }
    bars->append(set);
    bars->setBarWidth(0.8);
    chart->addSeries(bars);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    x->setLabelsAngle(-90);
    x->setTruncateLabels(false); // 43 names stand upright; cut short they would read "…"
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    auto* y = new QValueAxis;
    if (across->national) {
        lo = std::min(lo, *across->national);
        hi = std::max(hi, *across->national);
    }
    y->setRange(lo < 0 ? lo * 1.1 : 0, hi > 0 ? hi * 1.1 : 1);
    y->applyNiceNumbers();
    y->setTitleText(m.unit.isEmpty() ? m.measure : m.unit);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
    if (across->national) {
        auto* line = new QLineSeries;
        line->setName(tr("England and Wales (%1)").arg(QLocale().toString(*across->national)));
        line->setPen(QPen(QColor(0x40, 0x40, 0x40), 2, Qt::DashLine));
        line->append(-0.5, *across->national);
        line->append(double(across->forces.size()) - 0.5, *across->national);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    chart->setTitle(QStringLiteral("<b>%1</b><br>%2")
                        .arg(tr("%1: every force, %2 marked")
                                 .arg(m.name, m_profile.force.shortName)
                                 .toHtmlEscaped(),
                             m.period.toHtmlEscaped()));
    return chart;
}

} // namespace fwb::app
