// Programmes, frameworks, forces and people edited from the window's dialogs, with undo.

#include "app/dialogs/frameworkdialog.h"
#include "app/dialogs/referencedialog.h"
#include "app/mainwindow.h"
#include "apptest.h"
#include "demowindow.h"

#include <QAction>
#include <QListWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace fwb;
using namespace fwb::app;

namespace {
using Window = apptest::DemoWindow;

QTreeWidgetItem* item(QTreeWidget* tree, const QString& code)
{
    const auto found = tree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return found.isEmpty() ? nullptr : found.front();
}
} // namespace

TEST_CASE(
    "A programme copied from last year's framework, a question added under it, and both undone",
    "[window][frameworks]")
{
    Window w;
    FrameworkDialog* d = w.window.frameworkDialog();
    REQUIRE(d);
    d->show();
    REQUIRE(d->createProgramme(QStringLiteral("peel-effectiveness-2016"),
                               QStringLiteral("PEEL: Police effectiveness 2016"), 2016,
                               QStringLiteral("peel-effectiveness-2015")));
    const auto copy =
        w.window.workbench()->reference().programme(QStringLiteral("peel-effectiveness-2016"));
    REQUIRE(copy);
    CHECK(copy->gradeScaleCode == QStringLiteral("peel-four-point"));
    CHECK(d->currentProgramme() == QStringLiteral("peel-effectiveness-2016"));
    REQUIRE(item(d->tree(), QStringLiteral("Q3")));

    d->tree()->setCurrentItem(item(d->tree(), QStringLiteral("Q3")));
    REQUIRE(d->addQuestion(true));
    bool added = false;
    for (const Question& q :
         w.window.workbench()->reference().questionsFlat(QStringLiteral("peel-effectiveness-2016")))
        added = added || q.code == QStringLiteral("Q3.1");
    CHECK(added);
    // Tick it graded in the tree: saved at once.
    item(d->tree(), QStringLiteral("Q3.1"))->setCheckState(3, Qt::Checked);
    for (const Question& q :
         w.window.workbench()->reference().questionsFlat(QStringLiteral("peel-effectiveness-2016")))
        if (q.code == QStringLiteral("Q3.1"))
            CHECK(q.graded);

    w.window.undoAction()->trigger(); // graded
    w.window.undoAction()->trigger(); // the sub-question
    CHECK(apptest::eventually([&] {
        return !item(d->tree(), QStringLiteral("Q3.1"));
    })); // the tree follows once the edit is done
    CHECK(w.window.undoAction()->text().startsWith(QStringLiteral("&Undo Copy Framework")));
    w.window.undoAction()->trigger(); // the programme
    CHECK_FALSE(
        w.window.workbench()->reference().programme(QStringLiteral("peel-effectiveness-2016")));
    CHECK(w.errors.isEmpty());
}

TEST_CASE("Removing a question that holds findings is refused and the tree shows what is stored",
          "[window][frameworks]")
{
    Window w;
    FrameworkDialog* d = w.window.frameworkDialog();
    REQUIRE(d->selectProgramme(QStringLiteral("peel-effectiveness-2015")));
    d->tree()->setCurrentItem(item(d->tree(), QStringLiteral("Q1.1.2")));
    CHECK_FALSE(d->removeQuestion());
    REQUIRE(w.errors.size() == 1);
    CHECK(w.errors.front().contains(QStringLiteral("Q1.1.2 holds")));
    CHECK(
        apptest::eventually([&] { return item(d->tree(), QStringLiteral("Q1.1.2")) != nullptr; }));
    CHECK(w.window.workbench()
              ->drafts()
              .findings(QStringLiteral("peel-effectiveness-2015"), QStringLiteral("lancashire"),
                        QStringLiteral("Q1.1.2"))
              .size() == 5);
}

TEST_CASE("Forces and people are edited in place and undone", "[window][frameworks]")
{
    Window w;
    ReferenceDialog* d = w.window.referenceDialog();
    REQUIRE(d);
    QTableWidget* forces = d->forcesTable();
    int kent = -1;
    for (int r = 0; r < forces->rowCount(); ++r)
        if (forces->item(r, ReferenceDialog::ForceCode)->text() == QStringLiteral("kent"))
            kent = r;
    REQUIRE(kent >= 0);
    forces->item(kent, ReferenceDialog::ForceName)->setText(QStringLiteral("Kent County Police"));
    CHECK(w.window.workbench()->reference().force(QStringLiteral("kent"))->name ==
          QStringLiteral("Kent County Police"));
    forces->item(kent, ReferenceDialog::ForceStyle)->setText(QStringLiteral("brigade"));
    CHECK(w.errors.size() == 1);
    CHECK(forces->item(kent, ReferenceDialog::ForceStyle)->text() == QStringLiteral("force"));
    w.window.undoAction()->trigger();
    CHECK(w.window.workbench()->reference().force(QStringLiteral("kent"))->name ==
          QStringLiteral("Kent Police"));

    REQUIRE(d->addPerson(QStringLiteral("alan-pughsley"), QStringLiteral("Alan Pughsley")));
    CHECK(w.window.workbench()->reference().person(QStringLiteral("alan-pughsley")));
    w.window.undoAction()->trigger();
    CHECK_FALSE(w.window.workbench()->reference().person(QStringLiteral("alan-pughsley")));
}

TEST_CASE("A copied framework's questions show what they continue, unticking one marks it not "
          "comparable and keeps the link",
          "[window][frameworks][change]")
{
    Window w;
    FrameworkDialog* d = w.window.frameworkDialog();
    REQUIRE(d->createProgramme(QStringLiteral("peel-2016"), QStringLiteral("PEEL 2016"), 2016,
                               QStringLiteral("peel-effectiveness-2015")));
    REQUIRE(d->selectProgramme(QStringLiteral("peel-2016")));
    QTreeWidgetItem* q0 = d->tree()->topLevelItem(0);
    REQUIRE(q0);
    QTreeWidgetItem* q2 = nullptr;
    for (int i = 0; i < q0->childCount(); ++i)
        if (q0->child(i)->text(0) == QStringLiteral("Q2"))
            q2 = q0->child(i);
    REQUIRE(q2);
    CHECK(q2->text(4) == QStringLiteral("peel-effectiveness-2015/Q2"));
    CHECK(q2->checkState(4) == Qt::Checked);
    q2->setCheckState(
        4, Qt::Unchecked); // saved as the person unticks it; the tree is rebuilt afterwards
    auto stored = [&](const QString& code) {
        const auto p = w.window.workbench()->reference().programme(QStringLiteral("peel-2016"));
        return *findQuestion(p->questions, code);
    };
    REQUIRE(apptest::eventually([&] { return !stored(QStringLiteral("Q2")).comparable; }));
    CHECK(stored(QStringLiteral("Q2")).follows == QStringLiteral("peel-effectiveness-2015/Q2"));
    // Another edit in the dialog keeps every link.
    QTest::qWait(50);
    q0 = d->tree()->topLevelItem(0);
    q0->setText(2, QStringLiteral("Overall"));
    REQUIRE(apptest::eventually(
        [&] { return stored(QStringLiteral("Q0")).shortTitle == QStringLiteral("Overall"); }));
    CHECK(stored(QStringLiteral("Q0")).follows == QStringLiteral("peel-effectiveness-2015/Q0"));
    CHECK(stored(QStringLiteral("Q1")).follows == QStringLiteral("peel-effectiveness-2015/Q1"));
    CHECK_FALSE(stored(QStringLiteral("Q2")).comparable);
}
