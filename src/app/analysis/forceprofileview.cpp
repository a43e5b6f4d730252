#include "forceprofileview.h"

#include "models/gradestyle.h"
#include "workbench.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QValueAxis>
#include <QVBoxLayout>

namespace fwb::app {
namespace {
QString esc(const QString& s) { return s.toHtmlEscaped(); }
}

ForceProfileView::ForceProfileView(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
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
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setAccessibleName(tr("The force's figures against England and Wales and its region"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Force:"), this));
    top->addWidget(m_force, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_page);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    if (m_workbench)
        for (const Force& f : m_workbench->reference().forces())
            m_force->addItem(f.name, f.code);
    connect(m_force, qOverload<int>(&QComboBox::activated), this, [this] { setForce(m_force->currentData().toString()); });
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
    QString html = QStringLiteral("<h2>%1</h2><p style='color:#555'>%2</p>").arg(esc(p.force.name), esc(p.force.regionName));
    html += QStringLiteral("<h3>%1</h3><table cellspacing='0' cellpadding='4' border='1' style='border-color:#ccc'>").arg(tr("Judgments over time"));
    for (const Programme& programme : p.programmes) {
        if (programme.gradeScaleCode.isEmpty())
            continue;
        html += QStringLiteral("<tr><td><b>%1</b></td>").arg(esc(programme.label()));
        const QList<Judgment> js = p.judgments.value(programme.code);
        if (js.isEmpty())
            html += QStringLiteral("<td colspan='8' style='color:#777'>%1</td>").arg(tr("not graded in this workbench"));
        for (const Judgment& j : js)
            html += QStringLiteral("<td align='center' style='background:%1'><a href='fwb:%2/%3/%4' style='color:%5; text-decoration:none'>"
                                   "%4<br><b>%6</b></a></td>")
                        .arg(GradeStyle::background(j.gradeCode, j.gradeRank).name(), programme.code, p.force.code, j.questionCode,
                             GradeStyle::foreground(j.gradeCode, j.gradeRank).name(), esc(j.gradeLabel));
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table><h3>%1</h3><table cellspacing='0' cellpadding='4' border='1' style='border-color:#ccc'><tr><th></th>")
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
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Areas for improvement, causes of concern and recommendations still open"));
    if (p.stillOpen.items.isEmpty()) {
        html += QStringLiteral("<p style='color:#777'>%1</p>").arg(tr("None."));
    } else {
        html += QStringLiteral("<table cellspacing='0' cellpadding='4' border='1' style='border-color:#ccc'><tr><th>%1</th><th>%2</th>"
                               "<th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(tr("Since"), tr("Kind"), tr("Finding"), tr("Status"), tr("Open for"));
        for (const FollowUpItem& i : p.stillOpen.items) {
            const int years = p.stillOpen.yearsOpen(i);
            QString status = esc(followUpStatusLabel(i.status()));
            if (!i.history.isEmpty())
                status += QStringLiteral("<br><span style='color:#777'>%1</span>").arg(esc(i.history.back().programmeCode));
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td align='right'>%5</td></tr>")
                        .arg(QString::number(i.since), esc(findingKindLabel(i.finding.kind)),
                             esc(i.finding.text.simplified().left(160)) + (i.finding.text.size() > 160 ? QStringLiteral("…") : QString()),
                             status, years == 0 ? tr("this year") : years == 1 ? tr("1 year") : tr("%1 years").arg(years));
        }
        html += QStringLiteral("</table>");
    }
    m_page->setHtml(html);

    // The figures of the latest programme that has rates or percentages, as bars.
    m_charted.clear();
    QList<ProfileFigure> figures;
    for (auto it = p.programmes.crbegin(); it != p.programmes.crend() && figures.isEmpty(); ++it) {
        for (const ProfileFigure& f : p.figures.value(it->code)) {
            const QString unit = f.metric.unit.toLower();
            if (unit.contains(QLatin1String("per 1,000")) && f.metric.nationalValue)
                figures << f;
        }
        if (!figures.isEmpty())
            m_charted = it->code;
    }
    auto* chart = new QChart;
    if (figures.isEmpty()) {
        chart->setTitle(tr("No rates per 1,000 population for %1 in the workbench").arg(p.force.name));
    } else {
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
            top = std::max({top, f.metric.forceValue, *f.metric.nationalValue, f.regionMean.value_or(0)});
        }
        series->append(mine);
        series->append(national);
        series->append(region);
        series->setLabelsVisible(true);
        series->setLabelsFormat(QStringLiteral("@value"));
        chart->addSeries(series);
        auto* y = new QBarCategoryAxis;
        y->append(categories);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        auto* x = new QValueAxis;
        x->setRange(0, top * 1.15);
        x->setTitleText(tr("per 1,000 population"));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        chart->setTitle(tr("%1 against England and Wales, %2").arg(p.force.shortName, figures.front().metric.period));
        chart->legend()->setAlignment(Qt::AlignBottom);
    }
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

} // namespace fwb::app
