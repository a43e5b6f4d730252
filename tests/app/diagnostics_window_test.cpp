// The consistency checker in the window: F7 lists the problems, a double-click goes to the
// place, the status bar counts them, and an editor underlines a problem as it is typed.

#include "app/drafting/diagnostichighlighter.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/questionpage.h"
#include "app/mainwindow.h"
#include "app/panes/diagnosticspane.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "core/services/drafting.h"
#include "core/services/review.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

using namespace fwb;
using namespace fwb::app;

TEST_CASE(
    "F7 lists the checker's problems, activating one goes to the finding and selects the words",
    "[window][checks]")
{
    apptest::Scratch scratch;
    const QString path = scratch.createFile(QStringLiteral("demo.fwb"));
    MainWindow w;
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.openWorkbench(path));
    // A count changed in the letter's finding on unattended crime reports.
    // The letter is published: it is reopened first, as a person correcting it would.
    REQUIRE(ReviewService(*w.workbench())
                .move(QStringLiteral("document:lancs-2014-letter"), QStringLiteral("amended"),
                      QStringLiteral("a count to correct")));
    Finding f = *w.workbench()->drafts().finding(QStringLiteral("lancs-2014-f-13"));
    f.text.replace(QStringLiteral("Thirty four"), QStringLiteral("Thirty six"));
    REQUIRE(DraftingService(*w.workbench()).updateFinding(f));

    w.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force,
                                              QStringLiteral("core-business-2014"),
                                              QStringLiteral("lancashire"),
                                              {}});
    QTest::keyClick(&w, Qt::Key_F7);
    DiagnosticsPane* pane = w.diagnosticsPane();
    REQUIRE(pane->isVisible());
    REQUIRE(apptest::eventually([&] { return !pane->isChecking() && pane->errorCount() == 1; }));
    CHECK(w.findChild<QLabel*>(QStringLiteral("problemsLabel"))
              ->text()
              .contains(QStringLiteral("1")));
    QTreeWidgetItem* item = pane->tree()->topLevelItem(0);
    REQUIRE(item);
    CHECK(item->text(1) == QStringLiteral("evidence.count"));

    Q_EMIT pane->tree()->itemActivated(item, 0);
    CHECK(w.draftingWorkspace()->key().question == QStringLiteral("A2"));
    QuestionPage* page = w.draftingWorkspace()->questionPage();
    CHECK(page->currentUid() == QStringLiteral("lancs-2014-f-13"));
    CHECK(page->editor()->textEdit()->textCursor().selectedText() == QStringLiteral("Thirty six"));

    // Putting it right clears the problem once the check runs again after the change.
    f.text.replace(QStringLiteral("Thirty six"), QStringLiteral("Thirty four"));
    REQUIRE(DraftingService(*w.workbench()).updateFinding(f));
    REQUIRE(apptest::eventually([&] { return !pane->isChecking() && pane->errorCount() == 0; }));
}

TEST_CASE("An editor underlines another force's name as it is typed", "[window][checks]")
{
    apptest::Scratch scratch;
    const QString path = scratch.createFile(QStringLiteral("demo.fwb"));
    MainWindow w;
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.openWorkbench(path));
    w.navigatorView()->selectKey(
        NavigatorKey{NavigatorKey::Kind::Question, QStringLiteral("peel-effectiveness-2015"),
                     QStringLiteral("lancashire"), QStringLiteral("Q1.1.1")});
    QuestionPage* page = w.draftingWorkspace()->questionPage();
    QTextEdit* edit = page->editor()->textEdit();
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral(" As Kent Police found."));
    REQUIRE(apptest::eventually([&] { return !page->findingHighlighter()->problems().isEmpty(); }));
    const checks::Problem p = page->findingHighlighter()->problems().front();
    CHECK(p.rule == QStringLiteral("force.other-name"));
    CHECK(edit->document()->toPlainText().mid(p.start, p.length) == QStringLiteral("Kent Police"));
    CHECK(page->findingHighlighter()->problemAt(int(p.start) + 2).has_value());
    // The underline is layout only: the text saved is what was typed.
    REQUIRE(apptest::eventually([&] {
        return w.workbench()
            ->drafts()
            .finding(page->currentUid())
            ->text.endsWith(QStringLiteral("As Kent Police found."));
    }));
}
