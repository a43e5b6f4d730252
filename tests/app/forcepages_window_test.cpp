// The force's two pages on the Draft tab follow their own records: an evidence sample saved
// elsewhere shows on the evidence page while a figure being typed on the figures page keeps its
// editor and its text; figures saved elsewhere leave the evidence page as it was.
#include "app/dialogs/cellediting.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/evidencepage.h"
#include "app/drafting/metricspage.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "core/reader.h"
#include "core/services/drafting.h"
#include "core/workbench.h"
#include "demowindow.h"

#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

using namespace fwb;
using namespace fwb::app;
using namespace Qt::StringLiterals;

namespace {

const QString kPeel = u"peel-effectiveness-2015"_s;
const QString kLancs = u"lancashire"_s;
constexpr int kMark = Qt::UserRole + 77;

bool listsLabel(const QTableWidget* table, const QString& label)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0) && table->item(r, 0)->text() == label)
            return true;
    return false;
}

} // namespace

TEST_CASE("An evidence sample saved elsewhere refreshes the evidence page and a figure being "
          "typed keeps its text",
          "[window][drafting][changes]")
{
    apptest::DemoWindow w(QSize(1400, 900));
    Workbench* wb = w.window.workbench();
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    DraftingWorkspace* drafting = w.window.draftingWorkspace();
    drafting->showMetrics();
    EvidencePage* evidence = drafting->evidencePage();
    QTableWidget* samples = evidence->samplesTable();
    QTableWidget* figures = drafting->metricsPage()->table();
    REQUIRE(samples->rowCount() > 0);
    REQUIRE(figures->rowCount() > 0);

    // A figure's name being typed, not yet saved.
    QTableWidgetItem* cell = figures->item(0, MetricsPage::NameColumn);
    const QString stored = cell->text();
    figures->setCurrentItem(cell);
    figures->editItem(cell);
    QLineEdit* editor = openCellEditor(figures);
    REQUIRE(editor);
    editor->setText(u"Typed and not yet saved"_s);

    // An evidence sample relabelled elsewhere, through the service.
    auto sample = wb->reader().evidence(kPeel, kLancs).front();
    sample.label = u"Relabelled elsewhere"_s;
    REQUIRE(DraftingService(*wb).saveEvidence(sample));
    REQUIRE(apptest::eventually([&] { return listsLabel(samples, sample.label); }));

    // The figures page was not read again: the same editor is open with the same text, and
    // nothing of it was saved.
    CHECK(openCellEditor(figures) == editor);
    CHECK(editor->text() == u"Typed and not yet saved"_s);
    CHECK(figures->item(0, MetricsPage::NameColumn) == cell);
    bool savedTyping = false;
    for (const Metric& m : wb->reader().metrics(kPeel, kLancs))
        savedTyping = savedTyping || m.name == u"Typed and not yet saved"_s;
    CHECK_FALSE(savedTyping);
    CHECK_FALSE(stored.isEmpty());

    // Figures saved elsewhere: the figures page follows them (the typing kept in its row), the
    // evidence page is left as it was.
    {
        const QSignalBlocker quiet(samples);
        samples->item(0, 0)->setData(kMark, true);
    }
    auto metrics = wb->reader().metrics(kPeel, kLancs);
    REQUIRE(metrics.size() > 1);
    Metric last = metrics.back();
    last.note = u"Noted elsewhere"_s;
    REQUIRE(DraftingService(*wb).saveMetric(last));
    QTest::qWait(200);
    REQUIRE(openCellEditor(figures));
    CHECK(openCellEditor(figures)->text() == u"Typed and not yet saved"_s);
    CHECK(figures->currentRow() == 0);
    CHECK(samples->item(0, 0)->data(kMark).toBool());
    CHECK(w.errors.isEmpty());
}
