// The Designer forms of ui/: each dialog and page sets its form up offscreen, with the widgets
// named, the tab order in reading order and a buddy for every label with a shortcut letter; each
// refuses bad input with a message and saves nothing; and the dialogs that follow the workbench
// refill only when the records they show change, keeping what the person is typing.

#include "app/dialogs/exportdialog.h"
#include "app/dialogs/frameworkdialog.h"
#include "app/dialogs/ingestdialog.h"
#include "app/dialogs/referencedialog.h"
#include "app/documents/particularsdialog.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/evidencepage.h"
#include "app/drafting/metricspage.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "core/services/frameworks.h"
#include "demowindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <functional>

using namespace fwb;
using namespace fwb::app;
using namespace Qt::StringLiterals;

namespace {
using Window = apptest::DemoWindow;
const QString kPeel = u"peel-effectiveness-2015"_s;
const QString kCore = u"core-business-2014"_s;
const QString kLancs = u"lancashire"_s;

// A shortcut letter: "&Title", not "Devon && Cornwall".
bool hasMnemonic(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i)
        if (text[i] == u'&') {
            if (text[i + 1] != u'&')
                return true;
            ++i;
        }
    return false;
}

QString names(const QList<QWidget*>& widgets)
{
    QStringList out;
    for (const QWidget* w : widgets)
        out << w->objectName();
    return out.join(u", "_s);
}

// The form is set up: the widgets named exist, Tab visits them in the order given (reading
// order), every label with a shortcut letter has a buddy, and nothing shown is cut short.
void checkForm(QWidget* form, const QString& formName, const QStringList& inputs)
{
    INFO("form " << formName.toStdString());
    CHECK(form->objectName() == formName);
    QList<QWidget*> widgets;
    for (const QString& name : inputs) {
        INFO("widget " << name.toStdString());
        auto* w = form->findChild<QWidget*>(name);
        CHECK(w); // CHECK, not REQUIRE: the forms of modal dialogs are checked in their loop
        if (!w)
            return;
        widgets << w;
    }
    QList<QWidget*> visited;
    QWidget* w = widgets.front();
    for (int steps = 0; steps < 2000 && visited.size() < widgets.size(); ++steps) {
        if (widgets.contains(w) && !visited.contains(w))
            visited << w;
        w = w->nextInFocusChain();
    }
    CHECK(names(visited).toStdString() == names(widgets).toStdString());

    for (const QLabel* label : form->findChildren<QLabel*>()) {
        if (!hasMnemonic(label->text()))
            continue;
        INFO("label " << label->objectName().toStdString() << " " << label->text().toStdString());
        CHECK(label->buddy());
    }
    for (const QAbstractButton* b : form->findChildren<QAbstractButton*>()) {
        if (!b->isVisible() || b->text().isEmpty())
            continue;
        INFO("button " << b->objectName().toStdString() << " " << b->text().toStdString());
        CHECK(b->width() >= b->minimumSizeHint().width());
    }
    for (const QLabel* label : form->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty())
            continue;
        INFO("label " << label->objectName().toStdString());
        CHECK(label->width() >= label->minimumSizeHint().width());
    }
}

QTreeWidgetItem* question(QTreeWidget* tree, const QString& code)
{
    const auto found = tree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return found.isEmpty() ? nullptr : found.front();
}

int row(QTableWidget* table, const QString& code)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0) && table->item(r, 0)->text() == code)
            return r;
    return -1;
}

// Marks a row's item: a refill of the view replaces the item and the mark goes with it.
constexpr int kMark = Qt::UserRole + 99;

Document report()
{
    Document d;
    d.uid = u"doc-1"_s;
    d.kind = u"report"_s;
    d.title = u"PEEL: Police effectiveness 2015"_s;
    d.dated = u"2016-02-01"_s;
    return d;
}

} // namespace

TEST_CASE("Every Designer form of a dialog is set up offscreen with its widgets in reading order",
          "[window][forms]")
{
    Window w(QSize(1280, 720));
    SECTION("particulars")
    {
        Person p;
        p.code = u"roger-baker"_s;
        p.name = u"Roger Baker"_s;
        Document letter = report();
        letter.kind = u"letter"_s;
        ParticularsDialog d(letter, {p}, &w.window);
        d.show();
        REQUIRE(QTest::qWaitForWindowExposed(&d));
        checkForm(&d, u"particularsDialog"_s,
                  {u"title"_s, u"subtitle"_s, u"status"_s, u"hasDate"_s, u"date"_s, u"hasEmbargo"_s,
                   u"embargo"_s, u"sender"_s, u"recipient"_s, u"reference"_s, u"buttons"_s});
        CHECK(d.findChild<QWidget*>(u"sender"_s)->isVisible());
        CHECK_FALSE(d.findChild<QWidget*>(u"reference"_s)->isVisible());
        CHECK(d.findChild<QWidget*>(u"date"_s)->isEnabled()); // dated
        CHECK_FALSE(d.findChild<QWidget*>(u"embargo"_s)->isEnabled());
        CHECK(d.particulars().dated == u"2016-02-01"_s);
        CHECK(d.particulars().senderCode.isEmpty());
    }
    SECTION("export")
    {
        ExportDialog d(kPeel, u"PEEL 2015"_s, kLancs, u"Lancashire Constabulary"_s, &w.window);
        d.show();
        REQUIRE(QTest::qWaitForWindowExposed(&d));
        checkForm(
            &d, u"exportDialog"_s,
            {u"whole"_s, u"programmeScope"_s, u"forceScope"_s, u"json"_s, u"csv"_s, u"buttons"_s});
        CHECK(d.forceButton()->isChecked());
        CHECK(d.suggestedFileName() == u"lancashire-peel-effectiveness-2015.json"_s);
    }
    SECTION("ingest")
    {
        IngestDialog d(nullptr, IngestPlan{}, u"report.txt"_s, &w.window);
        d.show();
        REQUIRE(QTest::qWaitForWindowExposed(&d));
        checkForm(&d, u"ingestDialog"_s, {u"ingestFound"_s, u"buttons"_s});
        CHECK(d.tree()->columnCount() == 4);
        CHECK_FALSE(d.writeButton()->isEnabled());
    }
    SECTION("reference data")
    {
        ReferenceDialog* d = w.window.referenceDialog();
        REQUIRE(d);
        d->show();
        REQUIRE(QTest::qWaitForWindowExposed(d));
        checkForm(d, u"referenceDialog"_s,
                  {u"tabs"_s, u"forcesTable"_s, u"peopleTable"_s, u"addPerson"_s, u"buttons"_s});
        CHECK(d->forcesTable()->columnCount() == 6);
        CHECK(d->peopleTable()->columnCount() == 8);
        CHECK(row(d->forcesTable(), kLancs) >= 0);
    }
    SECTION("frameworks")
    {
        FrameworkDialog* d = w.window.frameworkDialog();
        REQUIRE(d);
        d->show();
        REQUIRE(QTest::qWaitForWindowExposed(d));
        checkForm(d, u"frameworkDialog"_s,
                  {u"programmeList"_s, u"newProgramme"_s, u"deleteProgramme"_s, u"title"_s,
                   u"shortTitle"_s, u"year"_s, u"kind"_s, u"scale"_s, u"fieldwork"_s,
                   u"published"_s, u"questionTree"_s, u"addQuestion"_s, u"addSubQuestion"_s,
                   u"moveUp"_s, u"moveDown"_s, u"indent"_s, u"outdent"_s, u"removeQuestion"_s,
                   u"buttons"_s});
        CHECK(d->programmeList()->count() == 2);
        CHECK(d->findChild<QPushButton*>(u"moveUp"_s)->shortcut() ==
              QKeySequence(Qt::ALT | Qt::Key_Up));
    }
}

TEST_CASE("The evidence and metrics pages set up their forms in the drafting workspace",
          "[window][forms]")
{
    Window w(QSize(1280, 720));
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    DraftingWorkspace* drafting = w.window.draftingWorkspace();
    w.window.findChild<QTabWidget*>(u"workTabs"_s)->setCurrentWidget(drafting);
    EvidencePage* evidence = drafting->evidencePage();
    drafting->forceTabs()->setCurrentWidget(evidence);
    REQUIRE(evidence->isVisible());
    checkForm(evidence, u"evidencePage"_s,
              {u"evidenceSamples"_s, u"newSample"_s, u"deleteSample"_s, u"evidenceLabel"_s,
               u"evidenceMethod"_s, u"evidencePopulation"_s, u"evidenceSize"_s,
               u"evidenceDescription"_s, u"evidenceStrata"_s, u"addStratum"_s, u"removeStratum"_s,
               u"evidenceMeasures"_s, u"addMeasure"_s, u"removeMeasure"_s});
    CHECK(evidence->labelEdit() == evidence->findChild<QLineEdit*>(u"evidenceLabel"_s));
    CHECK(evidence->sizeSpin()->specialValueText() == u"not stated"_s);
    MetricsPage* metrics = drafting->metricsPage();
    drafting->forceTabs()->setCurrentWidget(metrics);
    REQUIRE(metrics->isVisible());
    checkForm(metrics, u"metricsPage"_s, {u"metricsTable"_s, u"addFigure"_s, u"deleteFigure"_s});
    CHECK(metrics->table()->columnCount() == 8);
    CHECK(metrics->table()->rowCount() > 0);
}

TEST_CASE("Particulars without a title say why and cannot be accepted", "[window][forms][hostile]")
{
    ParticularsDialog d(report(), {});
    d.show();
    REQUIRE(QTest::qWaitForWindowExposed(&d));
    auto* title = d.findChild<QLineEdit*>(u"title"_s);
    auto* problem = d.findChild<QLabel*>(u"problem"_s);
    QPushButton* ok = d.findChild<QDialogButtonBox*>(u"buttons"_s)->button(QDialogButtonBox::Ok);
    CHECK(ok->isEnabled());
    CHECK_FALSE(problem->isVisible());
    title->selectAll();
    QTest::keyClicks(title, u"   "_s);
    CHECK(d.problem() == u"A document needs a title."_s);
    CHECK(problem->isVisible());
    CHECK(problem->text() == d.problem());
    CHECK_FALSE(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    CHECK(d.isVisible());
    CHECK(d.result() != QDialog::Accepted);
    // Markup in a title is text, and a title again lets the dialog go.
    title->setText(u"<b>Effectiveness</b> & <i>legitimacy</i>"_s);
    CHECK(ok->isEnabled());
    CHECK_FALSE(problem->isVisible());
    CHECK(d.particulars().title == u"<b>Effectiveness</b> & <i>legitimacy</i>"_s);
}

TEST_CASE("The export dialog escapes names and never exports a scope it has switched off",
          "[window][forms][hostile]")
{
    SECTION("names with ampersands and markup")
    {
        ExportDialog d(u"p/../../etc"_s, u"Devon & Cornwall <b>2015</b>"_s, u"f"_s, u"A&B"_s);
        CHECK(d.programmeButton()->text() == u"The &programme Devon && Cornwall <b>2015</b>"_s);
        CHECK(d.forceButton()->text().contains(u"A&&B"_s));
        CHECK_FALSE(d.suggestedFileName().contains(u'/'));
    }
    SECTION("nothing selected")
    {
        ExportDialog d({}, {}, {}, {});
        CHECK(d.wholeButton()->isChecked());
        CHECK_FALSE(d.programmeButton()->isEnabled());
        CHECK_FALSE(d.forceButton()->isEnabled());
        d.forceButton()->setChecked(true); // off, whatever is ticked
        CHECK(d.scope().programme.isEmpty());
        CHECK(d.scope().force.isEmpty());
        d.csvButton()->setChecked(true);
        CHECK(d.suggestedFileName() == u"workbench-judgments.csv"_s);
    }
}

TEST_CASE("An ingest plan with problems cannot be written and writes nothing",
          "[window][forms][hostile]")
{
    Window w;
    IngestPlan plan;
    plan.programmeCode = kPeel;
    plan.forceCode = kLancs;
    plan.forceName = u"Lancashire Constabulary"_s;
    plan.problems << u"line 12: <b>Outstanding-ish</b> is not a grade"_s;
    const auto before = w.window.workbench()->drafts().judgments(kPeel, kLancs);
    IngestDialog d(w.window.workbench(), plan, u"damaged.txt"_s, &w.window);
    CHECK_FALSE(d.writeButton()->isEnabled());
    CHECK(d.summaryLabel()->text().contains(u"Not recognised"_s));
    CHECK(d.summaryLabel()->textFormat() == Qt::PlainText);
    REQUIRE(d.tree()->topLevelItemCount() == 3);
    CHECK(d.tree()->topLevelItem(2)->child(0)->text(3) == plan.problems.front());
    CHECK_FALSE(d.write());
    CHECK_FALSE(d.lastError().isEmpty());
    CHECK(d.summaryLabel()->text().startsWith(u"Nothing was written"_s));
    CHECK(w.window.workbench()->drafts().judgments(kPeel, kLancs).size() == before.size());
}

TEST_CASE("Forces and people refuse bad values with a message and save nothing",
          "[window][forms][hostile]")
{
    Window w;
    ReferenceDialog* d = w.window.referenceDialog();
    REQUIRE(d);
    auto ref = [&] { return w.window.workbench()->reference(); };
    SECTION("a person's code with a space")
    {
        CHECK_FALSE(d->addPerson(u"steve finnigan"_s, u"Steve"_s));
        CHECK(w.errors.size() == 1);
        CHECK_FALSE(ref().person(u"steve finnigan"_s));
    }
    SECTION("a person's code already in use")
    {
        const auto people = ref().people();
        REQUIRE_FALSE(people.isEmpty());
        const Person existing = people.front();
        CHECK_FALSE(d->addPerson(existing.code, u"Somebody Else"_s));
        REQUIRE(w.errors.size() == 1);
        CHECK(w.errors.front().contains(u"already"_s));
        CHECK(ref().person(existing.code)->name == existing.name);
    }
    SECTION("a force without a name")
    {
        const int r = row(d->forcesTable(), kLancs);
        REQUIRE(r >= 0);
        const QString name = ref().force(kLancs)->name;
        d->forcesTable()->item(r, ReferenceDialog::ForceName)->setText(u"   "_s);
        CHECK(w.errors.size() == 1);
        CHECK(ref().force(kLancs)->name == name);
        CHECK(d->forcesTable()
                  ->item(row(d->forcesTable(), kLancs), ReferenceDialog::ForceName)
                  ->text() == name);
    }
}

TEST_CASE("Programmes refuse bad codes and titles with a message and save nothing",
          "[window][forms][hostile]")
{
    Window w;
    FrameworkDialog* d = w.window.frameworkDialog();
    REQUIRE(d);
    d->show();
    const int count = int(w.window.workbench()->reference().programmes().size());
    SECTION("a code with a space")
    {
        CHECK_FALSE(d->createProgramme(u"peel 2016"_s, u"PEEL 2016"_s, 2016, {}));
        CHECK(w.errors.size() == 1);
    }
    SECTION("a copy of a programme that does not exist")
    {
        CHECK_FALSE(d->createProgramme(u"peel-2016"_s, u"PEEL 2016"_s, 2016, u"atlantis"_s));
        CHECK(w.errors.size() == 1);
    }
    SECTION("a code already in use")
    {
        CHECK_FALSE(d->createProgramme(kCore, u"Another"_s, 2016, {}));
        CHECK(w.errors.size() == 1);
        CHECK(w.window.workbench()->reference().programme(kCore)->title != u"Another"_s);
    }
    SECTION("a title cleared")
    {
        REQUIRE(d->selectProgramme(kPeel));
        const QString title = w.window.workbench()->reference().programme(kPeel)->title;
        d->titleEdit()->setText(QString());
        Q_EMIT d->titleEdit()->editingFinished();
        CHECK(w.errors.size() == 1);
        CHECK(w.window.workbench()->reference().programme(kPeel)->title == title);
        CHECK(apptest::eventually([&] { return d->titleEdit()->text() == title; }));
    }
    CHECK(int(w.window.workbench()->reference().programmes().size()) == count);
}

TEST_CASE("Evidence counts that are not numbers are refused in the form and nothing is saved",
          "[window][forms][hostile]")
{
    Window w;
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    EvidencePage* page = w.window.draftingWorkspace()->evidencePage();
    REQUIRE(page->samplesTable()->rowCount() >= 1);
    page->samplesTable()->setCurrentCell(0, 0);
    const QString uid = page->currentUid();
    const auto before = w.window.workbench()->drafts().evidenceSample(uid);
    REQUIRE(before);
    REQUIRE(page->measuresTable()->rowCount() >= 1);
    page->measuresTable()->item(0, 1)->setText(u"lots"_s);
    CHECK(page->problemLabel()->isVisibleTo(page));
    CHECK_FALSE(page->problemLabel()->text().isEmpty());
    QTest::qWait(600);
    CHECK(w.window.workbench()->drafts().evidenceSample(uid)->measures.front().count ==
          before->measures.front().count);
}

TEST_CASE("Figures refuse a value out of range and a figure without a name",
          "[window][forms][hostile]")
{
    Window w;
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    MetricsPage* page = w.window.draftingWorkspace()->metricsPage();
    QTableWidget* table = page->table();
    REQUIRE(table->rowCount() > 0);
    const auto stored = [&] { return w.window.workbench()->drafts().metrics(kPeel, kLancs); };
    const auto before = stored();
    const QString name = table->item(0, MetricsPage::NameColumn)->text();
    const QString value = table->item(0, MetricsPage::ForceColumn)->text();
    table->item(0, MetricsPage::ForceColumn)->setText(u"1e999"_s);
    CHECK(w.errors.size() == 1);
    CHECK(table->item(0, MetricsPage::ForceColumn)->text() == value);
    table->item(0, MetricsPage::NameColumn)->setText(u"  "_s);
    CHECK(w.errors.size() == 2);
    CHECK(table->item(0, MetricsPage::NameColumn)->text() == name);
    const auto after = stored();
    REQUIRE(after.size() == before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        CHECK(after[i].name == before[i].name);
        CHECK(after[i].forceValue == before[i].forceValue);
    }
}

TEST_CASE("The framework dialog refills only on changes to programmes and keeps the typing",
          "[window][forms][changes]")
{
    Window w;
    FrameworkDialog* d = w.window.frameworkDialog();
    REQUIRE(d);
    d->show();
    REQUIRE(d->selectProgramme(kPeel));
    QTreeWidgetItem* q1 = question(d->tree(), u"Q1"_s);
    REQUIRE(q1);
    {
        const QSignalBlocker quiet(d->tree()); // a mark, not an edit
        q1->setData(0, kMark, true);
    }

    // Typing in the title, not yet saved (it is saved when the field is left).
    d->titleEdit()->setFocus();
    d->titleEdit()->end(false);
    QTest::keyClicks(d->titleEdit(), u" (draft)"_s);
    const QString typed = d->titleEdit()->text();

    // A change to people, a finding's wording: nothing to do here.
    Workbench* wb = w.window.workbench();
    Q_EMIT wb->changed(ChangeSet{{EntityKind::Person, ChangeOp::Changed, {u"someone"_s}}});
    Q_EMIT wb->changed(
        ChangeSet{{EntityKind::Finding, ChangeOp::Changed, {u"F-1"_s}, {kPeel, kLancs}, {}, true}});
    QTest::qWait(50);
    REQUIRE(question(d->tree(), u"Q1"_s));
    CHECK(question(d->tree(), u"Q1"_s)->data(0, kMark).toBool());

    // A programme added elsewhere: the list and tree are refilled, the typing stays.
    Programme next;
    next.code = u"peel-2016"_s;
    next.title = u"PEEL 2016"_s;
    next.shortTitle = u"PEEL 2016"_s;
    next.year = 2016;
    const auto saved = FrameworkService(*wb).createProgramme(next);
    INFO((saved ? QString() : saved.error().message).toStdString());
    REQUIRE(saved);
    REQUIRE(apptest::eventually([&] {
        const auto* q = question(d->tree(), u"Q1"_s);
        return q && !q->data(0, kMark).toBool();
    }));
    CHECK(d->titleEdit()->text() == typed);
    bool listed = false;
    for (int i = 0; i < d->programmeList()->count(); ++i)
        listed = listed || d->programmeList()->item(i)->text().startsWith(u"PEEL 2016"_s);
    CHECK(listed);
    CHECK(d->currentProgramme() == kPeel);

    // Leaving the field saves it; the next refill shows what is stored.
    Q_EMIT d->titleEdit()->editingFinished();
    CHECK(wb->reference().programme(kPeel)->title == typed.trimmed());
    CHECK_FALSE(d->titleEdit()->isModified());
    CHECK(w.errors.isEmpty());
}

TEST_CASE("The reference dialog refills the table whose records changed and keeps a cell's typing",
          "[window][forms][changes]")
{
    Window w;
    ReferenceDialog* d = w.window.referenceDialog();
    REQUIRE(d);
    d->show();
    REQUIRE(QTest::qWaitForWindowExposed(d));
    QTableWidget* forces = d->forcesTable();
    QTableWidget* people = d->peopleTable();
    REQUIRE(people->rowCount() > 0);
    {
        const QSignalBlocker quiet(people);
        people->item(0, 0)->setData(kMark, true);
    }

    // A force's name open for editing, typed in.
    const int r = row(forces, kLancs);
    REQUIRE(r >= 0);
    forces->setCurrentCell(r, ReferenceDialog::ForceName);
    forces->editItem(forces->item(r, ReferenceDialog::ForceName));
    auto* editor = qobject_cast<QLineEdit*>(
        forces->indexWidget(forces->model()->index(r, ReferenceDialog::ForceName)));
    REQUIRE(editor);
    editor->setText(u"Lancashire Constabulary (typing)"_s);

    // A force saved elsewhere: the forces are refilled, the cell keeps its typing; the people
    // table is left alone.
    Workbench* wb = w.window.workbench();
    auto kent = wb->reference().force(u"kent"_s);
    REQUIRE(kent);
    kent->shortName = u"Kent!"_s;
    REQUIRE(FrameworkService(*wb).saveForce(*kent));
    REQUIRE(apptest::eventually([&] {
        const int k = row(forces, u"kent"_s);
        return k >= 0 && forces->item(k, ReferenceDialog::ForceShortName)->text() == u"Kent!"_s;
    }));
    CHECK(people->item(0, 0)->data(kMark).toBool());
    const int now = row(forces, kLancs);
    auto* reopened = qobject_cast<QLineEdit*>(
        forces->indexWidget(forces->model()->index(now, ReferenceDialog::ForceName)));
    REQUIRE(reopened);
    CHECK(reopened->text() == u"Lancashire Constabulary (typing)"_s);
    CHECK(wb->reference().force(kLancs)->name == u"Lancashire Constabulary"_s);

    // A person saved elsewhere: the people are refilled.
    Q_EMIT wb->changed(ChangeSet{{EntityKind::Person, ChangeOp::Changed, {}}});
    REQUIRE(apptest::eventually([&] { return !people->item(0, 0)->data(kMark).toBool(); }));
}

TEST_CASE("The evidence and metrics pages reload only for their own records",
          "[window][forms][changes]")
{
    Window w;
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    EvidencePage* evidence = w.window.draftingWorkspace()->evidencePage();
    MetricsPage* metrics = w.window.draftingWorkspace()->metricsPage();
    REQUIRE(evidence->samplesTable()->rowCount() > 0);
    REQUIRE(metrics->table()->rowCount() > 0);
    {
        const QSignalBlocker quietSamples(evidence->samplesTable()), quietFigures(metrics->table());
        evidence->samplesTable()->item(0, 0)->setData(kMark, true);
        metrics->table()->item(0, 0)->setData(kMark, true);
    }

    const ChangeSet finding{
        {EntityKind::Finding, ChangeOp::Changed, {u"F-1"_s}, {kPeel, kLancs}, {}, true}};
    evidence->applyChanges(finding);
    metrics->applyChanges(finding);
    CHECK(evidence->samplesTable()->item(0, 0)->data(kMark).toBool());
    CHECK(metrics->table()->item(0, 0)->data(kMark).toBool());

    metrics->applyChanges(ChangeSet{{EntityKind::Metric, ChangeOp::Changed, {}, {kPeel, kLancs}}});
    CHECK_FALSE(metrics->table()->item(0, 0)->data(kMark).toBool());
    CHECK(evidence->samplesTable()->item(0, 0)->data(kMark).toBool());
    evidence->applyChanges(ChangeSet::everything());
    CHECK_FALSE(evidence->samplesTable()->item(0, 0)->data(kMark).toBool());
}

namespace {
// Runs `fill` on the modal dialog `click` opens, once it is open (CHECKs only in `fill`: nothing
// may throw through the dialog's event loop); a dialog `fill` leaves open is cancelled.
void onModal(QAbstractButton* click, const std::function<void(QDialog*)>& fill)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto* d = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!d)
            return;
        seen = true;
        fill(d);
        if (d->isVisible())
            d->reject();
    });
    QTest::mouseClick(click, Qt::LeftButton);
    CHECK(seen);
}
} // namespace

TEST_CASE("The New Programme and Add Person forms refuse an empty or a bad code",
          "[window][forms][hostile]")
{
    Window w;
    SECTION("new programme")
    {
        FrameworkDialog* d = w.window.frameworkDialog();
        d->show();
        const int count = int(w.window.workbench()->reference().programmes().size());
        onModal(d->newProgrammeButton(), [&](QDialog* form) {
            checkForm(form, u"newProgrammeDialog"_s,
                      {u"code"_s, u"title"_s, u"year"_s, u"from"_s, u"buttons"_s});
            QPushButton* ok =
                form->findChild<QDialogButtonBox*>(u"buttons"_s)->button(QDialogButtonBox::Ok);
            CHECK_FALSE(ok->isEnabled()); // no code, no title
            QTest::keyClicks(form->findChild<QLineEdit*>(u"code"_s), u"peel 2016/x"_s);
            CHECK_FALSE(ok->isEnabled());
            QTest::keyClicks(form->findChild<QLineEdit*>(u"title"_s), u"<b>PEEL</b> 2016"_s);
            CHECK(ok->isEnabled());
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        CHECK(w.errors.size() == 1); // the service's reason, shown
        CHECK(int(w.window.workbench()->reference().programmes().size()) == count);
    }
    SECTION("add person")
    {
        ReferenceDialog* d = w.window.referenceDialog();
        d->show();
        const Person existing = w.window.workbench()->reference().people().front();
        onModal(d->addPersonButton(), [&](QDialog* form) {
            checkForm(form, u"addPersonDialog"_s, {u"code"_s, u"name"_s, u"buttons"_s});
            QPushButton* ok =
                form->findChild<QDialogButtonBox*>(u"buttons"_s)->button(QDialogButtonBox::Ok);
            CHECK_FALSE(ok->isEnabled());
            QTest::keyClicks(form->findChild<QLineEdit*>(u"code"_s), existing.code);
            QTest::keyClicks(form->findChild<QLineEdit*>(u"name"_s), u"Somebody Else"_s);
            CHECK(ok->isEnabled());
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        REQUIRE(w.errors.size() == 1);
        CHECK(w.errors.front().contains(u"already"_s));
        CHECK(w.window.workbench()->reference().person(existing.code)->name == existing.name);
    }
}
