// Views updated in place from the workbench's change records: the navigator and the findings list
// insert, remove and repaint rows rather than resetting; the person's place in the tree and the
// editor's caret and undo history survive an edit; a branch read when opened counts right.
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/findingeditor.h"
#include "app/drafting/findingsmodel.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/questionpage.h"
#include "app/models/models.h"
#include "app/models/navigatormodel.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "core/services/drafting.h"
#include "demowindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>
#include <QUndoStack>

using namespace fwb;
using namespace fwb::app;
using namespace Qt::StringLiterals;

namespace {

const QString kPeel = u"peel-effectiveness-2015"_s;
const QString kLancs = u"lancashire"_s;

int total(const QVariant& counts)
{
    int n = 0;
    for (const QVariant& v : counts.toMap())
        n += v.toInt();
    return n;
}

int stored(Workbench& wb, const QString& force, const QString& question = {})
{
    int n = 0;
    for (const QuestionCounts& c : wb.drafts().findingCounts(kPeel, force))
        if (question.isEmpty() || c.questionCode == question)
            n += c.count;
    return n;
}

NavigatorKey questionKey(const QString& question)
{
    return {NavigatorKey::Kind::Question, kPeel, kLancs, question};
}

struct Window : apptest::DemoWindow {
    QuestionPage* select(const QString& question)
    {
        window.navigatorView()->selectKey(questionKey(question));
        REQUIRE(window.draftingWorkspace()->key().question == question);
        return window.draftingWorkspace()->questionPage();
    }
    int navigatorCount(const NavigatorKey& key) const
    {
        return total(window.navigatorModel()->indexOf(key).data(NavigatorModel::CountsRole));
    }
};

} // namespace

TEST_CASE("Adding and deleting a finding updates the navigator and the list without a reset",
          "[window][inplace]")
{
    Window w;
    QuestionPage* page = w.select(u"Q2.1"_s);
    NavigatorModel* nav = w.window.navigatorModel();
    QSignalSpy navReset(nav, &QAbstractItemModel::modelReset);
    QSignalSpy navChanged(nav, &QAbstractItemModel::dataChanged);
    QSignalSpy listReset(page->model(), &QAbstractItemModel::modelReset);
    QSignalSpy listInserted(page->model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy listRemoved(page->model(), &QAbstractItemModel::rowsRemoved);
    const int rows = page->model()->rowCount();
    const int before = w.navigatorCount(questionKey(u"Q2.1"_s));
    const int forceBefore = w.navigatorCount({NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    REQUIRE(before == stored(*w.window.workbench(), kLancs, u"Q2.1"_s));

    page->startNewFinding();
    QTest::keyClicks(page->editor()->textEdit(), u"The force should write this down."_s);
    page->flush();
    const QString uid = page->currentUid();
    REQUIRE_FALSE(uid.isEmpty());
    CHECK(navReset.count() == 0);
    CHECK(listReset.count() == 0);
    CHECK(navChanged.count() > 0);
    CHECK(listInserted.count() == 1);
    CHECK(page->model()->rowCount() == rows + 1);
    CHECK(w.navigatorCount(questionKey(u"Q2.1"_s)) == before + 1);
    CHECK(w.navigatorCount({NavigatorKey::Kind::Force, kPeel, kLancs, {}}) == forceBefore + 1);
    // The new finding is the current row, and still the one in the editor.
    CHECK(page->model()->finding(page->list()->currentIndex().row())->uid == uid);
    CHECK(page->editor()->markdown() == u"The force should write this down."_s);

    page->deleteFindingAction()->trigger();
    CHECK(navReset.count() == 0);
    CHECK(listReset.count() == 0);
    CHECK(listRemoved.count() == 1);
    CHECK(page->model()->rowCount() == rows);
    CHECK(w.navigatorCount(questionKey(u"Q2.1"_s)) == before);
    CHECK(page->model()->rowOf(uid) < 0);
    CHECK(page->currentUid() != uid);
    CHECK(w.errors.isEmpty());
}

TEST_CASE("A grade change keeps the navigator's open branches and its selection",
          "[window][inplace]")
{
    Window w;
    QuestionPage* page = w.select(u"Q3"_s);
    NavigatorView* view = w.window.navigatorView();
    NavigatorModel* nav = w.window.navigatorModel();
    const QModelIndex force = nav->indexOf({NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    REQUIRE(view->isExpanded(force));
    const QPersistentModelIndex question = nav->indexOf(questionKey(u"Q3"_s));
    QSignalSpy reset(nav, &QAbstractItemModel::modelReset);
    QSignalSpy changed(nav, &QAbstractItemModel::dataChanged);

    // A grade other than the one stored.
    const auto was = w.window.workbench()->drafts().judgment(kPeel, kLancs, u"Q3"_s);
    const QString code = was && was->gradeCode == u"inadequate"_s ? u"good"_s : u"inadequate"_s;
    QComboBox* grade = page->judgmentPanel()->gradeCombo();
    const int chosen = grade->findData(code);
    REQUIRE(chosen > 0);
    grade->setCurrentIndex(chosen);
    Q_EMIT grade->activated(chosen);

    CHECK(reset.count() == 0);
    CHECK(changed.count() > 0);
    CHECK(view->isExpanded(force));
    CHECK(view->currentKey() == questionKey(u"Q3"_s));
    REQUIRE(question.isValid());
    CHECK(question.data(NavigatorModel::GradeRole).toString() == code);
    // Undone: the grade goes back, in place as well.
    w.window.undoAction()->trigger();
    CHECK(reset.count() == 0);
    CHECK(question.data(NavigatorModel::GradeRole).toString() ==
          (was ? was->gradeCode : QString()));
    CHECK(view->currentKey() == questionKey(u"Q3"_s));
    CHECK(w.errors.isEmpty());
}

TEST_CASE("The editor keeps its caret and undo history across its own save and follows others'",
          "[window][inplace][typing]")
{
    Window w;
    QuestionPage* page = w.select(u"Q2.1"_s);
    const QString uid = page->currentUid();
    REQUIRE_FALSE(uid.isEmpty());
    QTextEdit* edit = page->editor()->textEdit();
    edit->setFocus();
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(5);
    edit->setTextCursor(cursor);
    QTest::keyClicks(edit, u"xyz"_s);
    const QString typed = page->editor()->markdown();
    const int caret = edit->textCursor().position();
    page->flush();
    CHECK(w.window.workbench()->drafts().finding(uid)->text == typed);
    CHECK(edit->textCursor().position() == caret);
    CHECK(edit->document()->isUndoAvailable());
    CHECK(page->editor()->markdown() == typed);

    // Told precisely that its own finding's wording changed: nothing is read again, not even the
    // force's check context.
    auto* models = w.window.findChild<Models*>();
    REQUIRE(models);
    const int loads = page->checkContextLoads();
    RecordChange own;
    own.kind = EntityKind::Finding;
    own.op = ChangeOp::Changed;
    own.uids = {uid};
    own.place = {kPeel, kLancs, u"Q2.1"_s};
    own.wordingOnly = true;
    models->apply(ChangeSet{own});
    CHECK(page->checkContextLoads() == loads);
    CHECK(edit->textCursor().position() == caret);
    CHECK(edit->document()->isUndoAvailable());

    // Hostile: the same finding changed by someone else (fwb, another window). The editor shows
    // the stored text, since it is not what the editor saved.
    auto f = w.window.workbench()->drafts().finding(uid);
    REQUIRE(f);
    f->text = u"Changed elsewhere."_s;
    REQUIRE(DraftingService(*w.window.workbench()).updateFinding(*f));
    models->apply(ChangeSet{own});
    CHECK(page->editor()->markdown() == u"Changed elsewhere."_s);
    CHECK(w.errors.isEmpty());
}

TEST_CASE("A branch read when opened counts what is stored and follows precise changes",
          "[navigator][model][inplace]")
{
    apptest::Scratch scratch;
    auto wb = scratch.create(u"demo.fwb"_s);
    apptest::WarningRecorder warnings;
    NavigatorModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setWorkbench(wb.get());
    QModelIndex peel;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, 0).data(NavigatorModel::ProgrammeRole).toString() == kPeel)
            peel = model.index(r, 0);
    REQUIRE(peel.isValid());
    // The tester has opened every branch; a fresh model shows what a view sees.
    NavigatorModel fresh;
    fresh.setWorkbench(wb.get());
    const QModelIndex p = fresh.index(peel.row(), 0);
    CHECK(fresh.hasChildren(p));
    CHECK(fresh.canFetchMore(p));
    fresh.fetchMore(p);
    CHECK_FALSE(fresh.canFetchMore(p));
    REQUIRE(fresh.rowCount(p) == wb->drafts().forcesWithMaterial(kPeel).size());
    int programmeTotal = 0;
    for (int r = 0; r < fresh.rowCount(p); ++r) {
        const QModelIndex f = fresh.index(r, 0, p);
        const QString code = f.data(NavigatorModel::ForceRole).toString();
        CHECK(total(f.data(NavigatorModel::CountsRole)) == stored(*wb, code));
        programmeTotal += stored(*wb, code);
    }
    CHECK(total(p.data(NavigatorModel::CountsRole)) == programmeTotal);
    const QModelIndex lancs = fresh.indexOf({NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    REQUIRE(lancs.isValid());
    fresh.fetchMore(lancs);
    int top = 0;
    for (int r = 0; r < fresh.rowCount(lancs); ++r)
        top += total(fresh.index(r, 0, lancs).data(NavigatorModel::CountsRole));
    CHECK(top == total(lancs.data(NavigatorModel::CountsRole)));

    // A finding added, moved and removed, each told precisely: counts follow, no reset.
    QSignalSpy reset(&fresh, &QAbstractItemModel::modelReset);
    const QPersistentModelIndex q21 = fresh.indexOf(questionKey(u"Q2.1"_s));
    const QPersistentModelIndex q3 = fresh.indexOf(questionKey(u"Q3"_s));
    const int at21 = total(q21.data(NavigatorModel::CountsRole));
    const int at3 = total(q3.data(NavigatorModel::CountsRole));
    Finding f;
    f.programmeCode = kPeel;
    f.forceCode = kLancs;
    f.questionCode = u"Q2.1"_s;
    f.kind = u"strength"_s;
    f.text = u"Added for the count."_s;
    auto added = DraftingService(*wb).addFinding(f);
    REQUIRE(added);
    const Place q21Place{kPeel, kLancs, u"Q2.1"_s};
    const Place q3Place{kPeel, kLancs, u"Q3"_s};
    fresh.applyChanges(ChangeSet{{EntityKind::Finding, ChangeOp::Added, {added->uid}, q21Place}});
    CHECK(total(q21.data(NavigatorModel::CountsRole)) == at21 + 1);
    REQUIRE(DraftingService(*wb).moveFinding(added->uid, u"Q3"_s, 0));
    RecordChange moved{EntityKind::Finding, ChangeOp::Moved, {added->uid}, q3Place, q21Place};
    fresh.applyChanges(ChangeSet{moved});
    CHECK(total(q21.data(NavigatorModel::CountsRole)) == at21);
    CHECK(total(q3.data(NavigatorModel::CountsRole)) == at3 + 1);
    REQUIRE(DraftingService(*wb).deleteFinding(added->uid));
    // Told coarsely (a kind, no uids, no place): the open branches are counted again in place.
    fresh.applyChanges(ChangeSet{{EntityKind::Finding, ChangeOp::Changed, {}, {}}});
    CHECK(total(q3.data(NavigatorModel::CountsRole)) == at3);
    CHECK(reset.count() == 0);
    // Everything: a reset, as for a reopened file.
    fresh.applyChanges(ChangeSet::everything());
    CHECK(reset.count() == 1);
    CHECK(warnings.modelTestFailures().isEmpty());
}
