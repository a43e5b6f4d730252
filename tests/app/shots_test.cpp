// TEMPORARY: grabs the window on chosen rows to PNGs for visual review. Hidden tag; removed later.
#include "apptest.h"
#include "mainwindow.h"
#include "panes/navigatorview.h"

#include <QTest>
#include <QTextBrowser>
#include <QScrollBar>
#include <cstdio>

using namespace fwb::app;

TEST_CASE("shots", "[.shots]")
{
    const QString file = qEnvironmentVariable("FWB_SHOT_FILE");
    MainWindow w;
    w.resize(1400, 860);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.openWorkbench(file));
    const QStringList keys = qEnvironmentVariable("FWB_SHOT_KEYS").split(QLatin1Char(';'), Qt::SkipEmptyParts);
    int n = 0;
    for (const QString& k : keys) {
        const QStringList parts = k.split(QLatin1Char('/'));
        NavigatorKey key{parts.size() == 1 ? NavigatorKey::Kind::Programme : parts.size() == 2 ? NavigatorKey::Kind::Force : NavigatorKey::Kind::Question,
                         parts.value(0), parts.value(1), parts.value(2)};
        w.navigatorView()->selectKey(key);
        QTest::qWait(50);
        w.grab().save(QStringLiteral("/tmp/shot-%1.png").arg(++n));
        auto* d = w.findChild<QTextBrowser*>();
        fprintf(stderr, "doc width %f ideal %f viewport %d hmax %d\n", d->document()->size().width(), d->document()->idealWidth(), d->viewport()->width(), d->horizontalScrollBar()->maximum());
    }
}

#include "panes/detailrenderer.h"
#include "workbench.h"
#include <QFile>
#include <QRegularExpression>
TEST_CASE("bisect", "[.bisect]")
{
    auto wb = fwb::Workbench::open(QStringLiteral("/tmp/demo.fwb"));
    REQUIRE(wb.ok());
    const QString html = DetailRenderer(*wb.value()).forcePage(QStringLiteral("core-business-2014"), QStringLiteral("lancashire"));
    QTextBrowser b;
    QFile css(QStringLiteral(":/style/detail.css"));
    css.open(QIODevice::ReadOnly);
    b.document()->setDefaultStyleSheet(QString::fromUtf8(css.readAll()));
    b.document()->setDocumentMargin(28);
    b.resize(900, 700);
    b.show();
    auto measure = [&](const QString& h) { b.setHtml(h); QTest::qWait(20); return b.horizontalScrollBar()->maximum(); };
    fprintf(stderr, "full %d\n", measure(html));
    QRegularExpression table(QStringLiteral("<table.*?</table>"), QRegularExpression::DotMatchesEverythingOption);
    auto it = table.globalMatch(html);
    int i = 0;
    while (it.hasNext()) {
        auto m = it.next();
        QString h = html; h.remove(m.capturedStart(), m.capturedLength());
        fprintf(stderr, "without table %d (%s): %d\n", i++, qPrintable(m.captured(0).left(60)), measure(h));
    }
    QString h = html; h.remove(table);
    fprintf(stderr, "no tables: %d\n", measure(h));
    for (int wdt : {400, 600, 800, 900, 1000, 1100}) {
        b.resize(wdt, 700);
        fprintf(stderr, "w %d: full %d, 99%% %d\n", wdt, measure(html), measure(QString(html).replace(QStringLiteral("width=\"100%\""), QStringLiteral("width=\"99%\""))));
    }
}
