// The Documents tab's preview shows a document as its readers see it: a published report's chart of
// every force leaves out another force's draft figure, as the PDF and the pack do; the draft
// shows the inspectorate every force.

#include "app/documents/documentsworkspace.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "core/services/drafting.h"
#include "core/services/review.h"
#include "documents/chart.h"

#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace fwb;
using namespace fwb::app;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

void asb(Workbench& wb, const QString& force, double value, const QString& source)
{
    Metric m;
    m.programmeCode = S("peel-effectiveness-2015");
    m.forceCode = force;
    m.name = S("Anti-social behaviour incidents");
    m.measure = S("Percentage change");
    m.period = S("12 months to 30 June 2015 compared with the previous 12 months");
    m.unit = S("%");
    m.forceValue = value;
    m.nationalValue = -9;
    m.source = source;
    REQUIRE(DraftingService(wb).saveMetric(m));
}

// The categories of the preview's Figure 3 chart, or nothing when it has none yet.
QStringList figure3(const QTextDocument* doc)
{
    if (!doc)
        return {};
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().objectType() == documents::ChartObjectType) {
                const auto spec = documents::ChartSpec::fromVariant(
                    it.fragment().charFormat().property(documents::ChartSpecProperty));
                if (spec.title.startsWith(S("Figure 3:")))
                    return spec.categories;
            }
    return {};
}

QStringList previewOf(MainWindow& window, const QString& document)
{
    window.navigatorView()->selectKey(
        NavigatorKey{NavigatorKey::Kind::Force, S("peel-effectiveness-2015"), S("lancashire"), {}});
    auto* tabs = window.findChild<QTabWidget*>(S("workTabs"));
    tabs->setCurrentWidget(window.documentsWorkspace());
    DocumentsWorkspace* docs = window.documentsWorkspace();
    REQUIRE(docs->currentDocument() == document);
    QStringList shown;
    REQUIRE(apptest::eventually([&] {
        shown = figure3(docs->preview()->document());
        return !shown.isEmpty();
    }));
    return shown;
}

} // namespace

TEST_CASE(
    "Documents tab: the preview of a published report shows only other forces' published figures",
    "[app][documents][figures]")
{
    apptest::Scratch scratch;
    const QString path = scratch.path(S("demo.fwb"));
    {
        auto wb = scratch.create(S("demo.fwb"));
        asb(*wb, S("kent"), 41.3, S("HMIC data collection"));
        asb(*wb, S("west-yorkshire"), 12.9,
            S("Published statistics: ASB incidents, year to June 2015, Home Office"));
    }
    {
        MainWindow window;
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.openWorkbench(path));
        CHECK(previewOf(window, S("lancs-2015-report")) ==
              QStringList{S("Kent"), S("West Yorkshire"), S("Lancashire")});
        CHECK(window.documentsWorkspace()->preview()->toPlainText().contains(
            S("Draft figures of other forces are shown.")));
    }
    {
        auto wb = Workbench::open(path);
        REQUIRE(wb);
        ReviewService review(**wb);
        REQUIRE(review.move(S("document:lancs-2015-report"), S("ready"), {}));
        REQUIRE(review.send(S("lancs-2015-report")));
        for (const char* to : {"responded", "amended", "final", "published"})
            REQUIRE(review.move(S("document:lancs-2015-report"), S(to), {},
                                QDateTime::currentDateTimeUtc().addYears(20)));
    }
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkbench(path));
    CHECK(previewOf(window, S("lancs-2015-report")) ==
          QStringList{S("West Yorkshire"), S("Lancashire")});
    const QString text = window.documentsWorkspace()->preview()->toPlainText();
    CHECK(text.contains(S("Other forces' figures are not shown until they are published.")));
    CHECK_FALSE(text.contains(S("Kent")));
}
