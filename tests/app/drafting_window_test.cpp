// The drafting workspace driven like a person would: typing a finding, undoing and redoing it from
// the Edit menu, finding it with Ctrl+F, grading a question, refusing impossible evidence, and
// the models under QAbstractItemModelTester.

#include "app/drafting/draftingworkspace.h"
#include "app/drafting/evidencepage.h"
#include "app/drafting/findingsmodel.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/metricspage.h"
#include "app/drafting/questionpage.h"
#include "app/drafting/searchpane.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "demowindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace fwb;
using namespace fwb::app;

namespace {

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kLancs = QStringLiteral("lancashire");

struct Window : apptest::DemoWindow {
    QuestionPage* select(const QString& question)
    {
        window.navigatorView()->selectKey(
            NavigatorKey{NavigatorKey::Kind::Question, kPeel, kLancs, question});
        REQUIRE(window.draftingWorkspace()->key().question == question);
        return window.draftingWorkspace()->questionPage();
    }
    QStringList texts(const QString& question)
    {
        QStringList out;
        for (const Finding& f : window.workbench()->drafts().findings(kPeel, kLancs, question))
            out << f.text;
        return out;
    }
};

} // namespace

TEST_CASE("A finding typed in the window is saved, undone from the Edit menu, redone, and found by "
          "search",
          "[window][drafting]")
{
    Window w;
    QuestionPage* page = w.select(QStringLiteral("Q2.1"));
    const QStringList before = w.texts(QStringLiteral("Q2.1"));

    // Ctrl+Shift+N, then type.
    page->editor()->textEdit()->setFocus();
    QTest::keyClick(&w.window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    REQUIRE(page->editor()->textEdit()->hasFocus());
    CHECK(page->editor()->markdown().isEmpty());
    QTest::keyClicks(page->editor()->textEdit(),
                     QStringLiteral("Cybercrime victims wait too long for a call back."));
    REQUIRE(apptest::eventually(
        [&] { return w.texts(QStringLiteral("Q2.1")).size() == before.size() + 1; }));
    // More typing in the same finding, after the first save.
    QTest::keyClicks(page->editor()->textEdit(), QStringLiteral(" Supervisors do not check."));
    REQUIRE(apptest::eventually([&] {
        return w.texts(QStringLiteral("Q2.1"))
            .contains(QStringLiteral(
                "Cybercrime victims wait too long for a call back. Supervisors do not check."));
    }));
    CHECK(page->editor()->wordCount() == 13);
    const QString uid = page->currentUid();
    REQUIRE(!uid.isEmpty());

    // One undo takes the whole new finding away: the typing merged into "Add Finding".
    CHECK(w.window.undoAction()->text() == QStringLiteral("&Undo Add Finding"));
    w.window.undoAction()->trigger();
    CHECK(w.texts(QStringLiteral("Q2.1")) == before);
    CHECK(w.window.redoAction()->text() == QStringLiteral("&Redo Add Finding"));
    w.window.redoAction()->trigger();
    const QStringList after = w.texts(QStringLiteral("Q2.1"));
    REQUIRE(after.size() == before.size() + 1);
    CHECK(after.contains(QStringLiteral(
        "Cybercrime victims wait too long for a call back. Supervisors do not check.")));
    CHECK(w.window.workbench()->drafts().finding(uid).has_value());

    // Ctrl+F, type, Enter: the window goes to the finding.
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    QTest::keyClick(&w.window, Qt::Key_F, Qt::ControlModifier);
    SearchPane* search = w.window.searchPane();
    REQUIRE(search->isVisible());
    REQUIRE(search->queryEdit()->hasFocus());
    QTest::keyClicks(search->queryEdit(), QStringLiteral("cybercrime call"));
    REQUIRE(apptest::eventually([&] { return search->results()->count() == 1; }));
    CHECK(search->hits().front().key == uid);
    QTest::keyClick(search->queryEdit(), Qt::Key_Return);
    CHECK(w.window.draftingWorkspace()->key().question == QStringLiteral("Q2.1"));
    CHECK(page->currentUid() == uid);
    CHECK(page->editor()->markdown().startsWith(QStringLiteral("Cybercrime victims")));
    CHECK(w.errors.isEmpty());
}

TEST_CASE(
    "Bold and lists typed in the editor are stored as Markdown, and kind changes are undoable",
    "[window][drafting]")
{
    Window w;
    QuestionPage* page = w.select(QStringLiteral("Q1.1.1"));
    REQUIRE(page->model()->rowCount() > 0);
    const Finding first =
        w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.1")).front();
    CHECK(page->currentUid() == first.uid);

    QTextEdit* edit = page->editor()->textEdit();
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral(" "));
    QTest::keyClick(edit, Qt::Key_B, Qt::ControlModifier);
    QTest::keyClicks(edit, QStringLiteral("Checked again"));
    QTest::keyClick(edit, Qt::Key_B, Qt::ControlModifier);
    REQUIRE(apptest::eventually([&] {
        return w.window.workbench()->drafts().finding(first.uid)->text.endsWith(
            QStringLiteral(" **Checked again**"));
    }));

    // Kind: a menu choice, one undo step named for it.
    page->kindCombo()->setCurrentIndex(
        page->kindCombo()->findData(QStringLiteral("cause_of_concern")));
    Q_EMIT page->kindCombo()->activated(page->kindCombo()->currentIndex());
    CHECK(w.window.workbench()->drafts().finding(first.uid)->kind ==
          QStringLiteral("cause_of_concern"));
    CHECK(w.window.undoAction()->text() == QStringLiteral("&Undo Change Kind to Cause of concern"));
    w.window.undoAction()->trigger();
    CHECK(w.window.workbench()->drafts().finding(first.uid)->kind == first.kind);
    CHECK(page->kindCombo()->currentData().toString() == first.kind);
    // And the text edit before it.
    w.window.undoAction()->trigger();
    CHECK(w.window.workbench()->drafts().finding(first.uid)->text == first.text);
    CHECK(page->editor()->markdown() == first.text);

    // Markdown written by the editor reads back the same.
    page->editor()->setMarkdown(QStringLiteral("Intro *with* **weight**.\n\n- one\n- two [^fn3]"));
    CHECK(page->editor()->markdown() ==
          QStringLiteral("Intro *with* **weight**.\n\n- one\n- two [^fn3]"));
}

TEST_CASE("Reordering, moving and deleting findings from the window", "[window][drafting]")
{
    Window w;
    QuestionPage* page = w.select(QStringLiteral("Q1.1.2"));
    // An ungraded sub-question has no judgment box at all.
    CHECK_FALSE(page->judgmentPanel()->isGraded());
    CHECK_FALSE(page->findChild<QWidget*>(QStringLiteral("judgmentBox"))->isVisible());
    const QList<Finding> before =
        w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.2"));
    REQUIRE(before.size() >= 3);
    page->list()->setCurrentIndex(page->model()->index(1, 0));
    page->list()->setFocus();
    QTest::keyClick(page->list(), Qt::Key_Up, Qt::AltModifier);
    QList<Finding> now =
        w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.2"));
    CHECK(now[0].uid == before[1].uid);
    CHECK(now[1].uid == before[0].uid);
    CHECK(page->currentUid() == before[1].uid); // the selection follows the finding

    REQUIRE(page->moveSelectedTo(QStringLiteral("Q1.1.3")));
    CHECK(w.window.workbench()->drafts().finding(before[1].uid)->questionCode ==
          QStringLiteral("Q1.1.3"));
    CHECK(page->model()->rowCount() == before.size() - 1);

    page->list()->setCurrentIndex(page->model()->index(0, 0));
    const QString doomed = page->currentUid();
    page->deleteFindingAction()->trigger();
    CHECK_FALSE(w.window.workbench()->drafts().finding(doomed).has_value());
    CHECK(w.window.undoAction()->text() == QStringLiteral("&Undo Delete Finding"));

    // Undo all three: the question is as it was.
    w.window.undoAction()->trigger();
    w.window.undoAction()->trigger();
    w.window.undoAction()->trigger();
    now = w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.2"));
    REQUIRE(now.size() == before.size());
    for (int i = 0; i < now.size(); ++i) {
        CHECK(now[i].uid == before[i].uid);
        CHECK(now[i].text == before[i].text);
    }

    // Dragging the third finding to the top (the drop the list view makes) moves it there.
    {
        const QList<Finding> order =
            w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.2"));
        std::unique_ptr<QMimeData> mime(page->model()->mimeData({page->model()->index(2, 0)}));
        REQUIRE(mime);
        CHECK_FALSE(page->model()->dropMimeData(mime.get(), Qt::MoveAction, 0, 0,
                                                {})); // the reload moves the row
        const QList<Finding> dragged =
            w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.2"));
        CHECK(dragged[0].uid == order[2].uid);
        CHECK(dragged[1].uid == order[0].uid);
        CHECK(page->model()->index(0, 0).data(FindingsModel::UidRole).toString() == order[2].uid);
        w.window.undoAction()->trigger();
        CHECK(w.window.workbench()
                  ->drafts()
                  .findings(kPeel, kLancs, QStringLiteral("Q1.1.2"))[2]
                  .uid == order[2].uid);
    }

    // Filters: only areas for improvement; reordering is off while filtered.
    page->kindFilter()->setCurrentIndex(
        page->kindFilter()->findData(QStringLiteral("area_for_improvement")));
    for (int r = 0; r < page->model()->rowCount(); ++r)
        CHECK(page->model()->index(r, 0).data(FindingsModel::KindRole).toString() ==
              QStringLiteral("area_for_improvement"));
    CHECK_FALSE(page->moveUpAction()->isEnabled());
}

TEST_CASE("Grading a question shows the definition, is undoable, and an ungraded question is "
          "marked incomplete",
          "[window][drafting]")
{
    Window w;
    QuestionPage* page = w.select(QStringLiteral("Q3"));
    JudgmentPanel* panel = page->judgmentPanel();
    REQUIRE(panel->isVisible());
    CHECK(panel->isGraded());
    CHECK(page->findChild<QWidget*>(QStringLiteral("judgmentBox"))->isVisible());
    // The demo has no judgment for Q3 (the report did not grade legitimacy here).
    const bool hadJudgment =
        w.window.workbench()->drafts().judgment(kPeel, kLancs, QStringLiteral("Q3")).has_value();
    if (hadJudgment)
        REQUIRE(w.window.workbench()->drafts().judgment(kPeel, kLancs, QStringLiteral("Q3")));
    else
        CHECK(panel->findChild<QLabel*>(QStringLiteral("missingJudgment"))->isVisible());

    QComboBox* grade = panel->gradeCombo();
    const int good = grade->findData(QStringLiteral("good"));
    REQUIRE(good > 0);
    grade->setCurrentIndex(good);
    Q_EMIT grade->activated(good);
    const auto set = w.window.workbench()->drafts().judgment(kPeel, kLancs, QStringLiteral("Q3"));
    REQUIRE(set);
    CHECK(set->gradeCode == QStringLiteral("good"));
    const QLabel* definition = panel->findChild<QLabel*>(QStringLiteral("gradeDefinition"));
    CHECK(definition->text().contains(QStringLiteral("good"), Qt::CaseInsensitive));
    CHECK_FALSE(panel->findChild<QLabel*>(QStringLiteral("missingJudgment"))->isVisible());

    panel->firstYearCheck()->setChecked(true);
    CHECK(w.window.workbench()
              ->drafts()
              .judgment(kPeel, kLancs, QStringLiteral("Q3"))
              ->firstYearGraded);
    QTextEdit* summary = panel->summaryEditor()->textEdit();
    summary->setFocus();
    QTest::keyClicks(summary, QStringLiteral("Legitimacy is good."));
    REQUIRE(apptest::eventually([&] {
        return w.window.workbench()
            ->drafts()
            .judgment(kPeel, kLancs, QStringLiteral("Q3"))
            ->summary.endsWith(QStringLiteral("Legitimacy is good."));
    }));
    w.window.undoAction()->trigger(); // the summary
    w.window.undoAction()->trigger(); // first year
    w.window.undoAction()->trigger(); // the grade
    CHECK(
        w.window.workbench()->drafts().judgment(kPeel, kLancs, QStringLiteral("Q3")).has_value() ==
        hadJudgment);
}

TEST_CASE("Impossible evidence counts are refused in the form and nothing is saved",
          "[window][drafting]")
{
    Window w;
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    EvidencePage* page = w.window.draftingWorkspace()->evidencePage();
    REQUIRE(page->samplesTable()->rowCount() >= 1);
    page->samplesTable()->setCurrentCell(0, 0);
    const QString uid = page->currentUid();
    const auto before = w.window.workbench()->drafts().evidenceSample(uid);
    REQUIRE(before);
    REQUIRE(before->sampleSize);

    // A measure larger than the sample.
    QTableWidget* measures = page->measuresTable();
    REQUIRE(measures->rowCount() >= 1);
    measures->item(0, 1)->setText(QString::number(*before->sampleSize + 5));
    CHECK(page->problemLabel()->isVisibleTo(page));
    CHECK(page->problemLabel()->text().contains(QStringLiteral("more than the sample")));
    QTest::qWait(600);
    CHECK(w.window.workbench()->drafts().evidenceSample(uid)->measures.front().count ==
          before->measures.front().count);

    // Put it right: saved, and one undo step.
    measures->item(0, 1)->setText(QString::number(*before->sampleSize - 1));
    CHECK_FALSE(page->problemLabel()->isVisibleTo(page));
    REQUIRE(apptest::eventually([&] {
        return w.window.workbench()->drafts().evidenceSample(uid)->measures.front().count ==
               *before->sampleSize - 1;
    }));
    w.window.undoAction()->trigger();
    CHECK(w.window.workbench()->drafts().evidenceSample(uid)->measures.front().count ==
          before->measures.front().count);

    // Strata that do not add up.
    page->sizeSpin()->setValue(*before->sampleSize + 1);
    if (!before->strata.isEmpty())
        CHECK(page->problemLabel()->text().contains(QStringLiteral("strata add up")));
}

TEST_CASE("Force in numbers edits in place, refuses a value that is not a number, and undoes",
          "[window][drafting]")
{
    Window w;
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    MetricsPage* page = w.window.draftingWorkspace()->metricsPage();
    QTableWidget* table = page->table();
    REQUIRE(table->rowCount() == int(w.window.workbench()->drafts().metrics(kPeel, kLancs).size()));
    const int before = table->rowCount();
    page->addMetric();
    CHECK(table->rowCount() == before + 1);
    const int row = table->currentRow();
    table->item(row, MetricsPage::NameColumn)->setText(QStringLiteral("Recorded crime"));
    table->item(row, MetricsPage::ForceColumn)->setText(QStringLiteral("61.5"));
    table->item(row, MetricsPage::NationalColumn)->setText(QStringLiteral("plenty"));
    CHECK(w.errors.size() == 1);
    bool found = false;
    for (const Metric& m : w.window.workbench()->drafts().metrics(kPeel, kLancs))
        if (m.name == QStringLiteral("Recorded crime")) {
            found = true;
            CHECK(m.forceValue == 61.5);
            CHECK_FALSE(m.nationalValue.has_value());
        }
    CHECK(found);
    w.window.undoAction()->trigger();
    w.window.undoAction()->trigger();
    w.window.undoAction()->trigger();
    CHECK(w.window.workbench()->drafts().metrics(kPeel, kLancs).size() == before);
}

TEST_CASE("The findings model passes QAbstractItemModelTester while it loads, filters and reloads",
          "[window][drafting][model]")
{
    apptest::Scratch scratch;
    auto wb = scratch.create(QStringLiteral("m.fwb"));
    apptest::WarningRecorder warnings;
    FindingsModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setWorkbench(wb.get());
    model.setPlace(kPeel, kLancs, QStringLiteral("Q2.2.2"));
    CHECK(model.rowCount() == 11);
    model.setFilter(QStringLiteral("area_for_improvement"), {});
    CHECK(model.rowCount() < 11);
    CHECK(model.totalCount() == 11);
    model.setFilter({}, {});
    model.setPlace(kPeel, kLancs, QStringLiteral("Q9"));
    CHECK(model.rowCount() == 0);
    CHECK(warnings.modelTestFailures().isEmpty());
}
