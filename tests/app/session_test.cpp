// The Session: opening, creating and the lock, what the workbench holds, and refusals that leave
// the workbench open before as it was — on its own and in the window.
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "app/session/session.h"
#include "app/settings.h"
#include "app/workbenchlock.h"
#include "apptest.h"
#include "core/workbench.h"

#include <QSignalSpy>

using namespace fwb;
using namespace fwb::app;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

struct Fixture {
    apptest::Scratch scratch;
    Settings settings{scratch.path(S("settings.ini"))};
    Session session{settings};
    QStringList titles, messages;
    Fixture()
    {
        QObject::connect(&session, &Session::failed,
                         [this](const QString& title, const QString& message) {
                             titles << title;
                             messages << message;
                         });
    }
};

} // namespace

TEST_CASE("The session opens a workbench, tells the views, and takes the lock", "[session]")
{
    Fixture f;
    const QString first = f.scratch.createFile(S("first.fwb"));
    const QString second = f.scratch.createFile(S("second.fwb"), false);
    QSignalSpy opened(&f.session, &Session::workbenchOpened);
    QSignalSpy closing(&f.session, &Session::aboutToClose);
    REQUIRE(f.session.open(first));
    CHECK(opened.count() == 1);
    CHECK(closing.count() == 0);
    CHECK(f.session.isOpen());
    CHECK(f.settings.recentFiles().contains(f.session.path()));
    CHECK_FALSE(WorkbenchLock::acquire(first).ok()); // held while open

    // What it holds, as the status bar asks.
    const Session::Counts counts = f.session.counts();
    CHECK(counts.forcesWithMaterial == 1);
    CHECK(counts.findings == f.session.workbench()->info().findings);
    CHECK(counts.judgments == f.session.workbench()->info().judgments);
    CHECK(f.session.hasMaterial(S("peel-effectiveness-2015"), S("lancashire")));
    CHECK_FALSE(f.session.hasMaterial(S("peel-effectiveness-2015"), S("kent")));
    bool peelGraded = false;
    for (const auto& [code, label] : f.session.gradedProgrammes())
        peelGraded = peelGraded || code == S("peel-effectiveness-2015");
    CHECK(peelGraded);

    // Another workbench: the views are told before the first closes, and its lock goes.
    REQUIRE(f.session.open(second));
    CHECK(closing.count() == 1);
    CHECK(opened.count() == 2);
    CHECK(f.session.path().endsWith(S("second.fwb")));
    CHECK(WorkbenchLock::acquire(first).ok());
    CHECK(f.titles.isEmpty());
}

TEST_CASE("A locked or damaged file is refused with a clear message and the workbench stays",
          "[session]")
{
    Fixture f;
    const QString open = f.scratch.createFile(S("open.fwb"));
    const QString locked = f.scratch.createFile(S("locked.fwb"), false);
    REQUIRE(f.session.open(open));
    const QString path = f.session.path();
    Workbench* const before = f.session.workbench();
    QSignalSpy closing(&f.session, &Session::aboutToClose);

    auto other = WorkbenchLock::acquire(locked); // another window has it
    REQUIRE(other.ok());
    CHECK_FALSE(f.session.open(locked));
    REQUIRE(f.titles.size() == 1);
    CHECK(f.titles.last() == S("Workbench in use"));
    CHECK(f.messages.last().contains(S("open in another window")));

    // Not a workbench at all: a file of text with a workbench's name.
    const QString garbage = f.scratch.path(S("garbage.fwb"));
    apptest::writeFile(garbage, QByteArray("this is not a workbench\n").repeated(200));
    CHECK_FALSE(f.session.open(garbage));
    REQUIRE(f.titles.size() == 2);
    CHECK(f.titles.last() == S("Cannot open workbench"));
    CHECK_FALSE(f.messages.last().isEmpty());

    // A name that exists is never overwritten by New.
    CHECK_FALSE(f.session.create(locked, true));
    CHECK(f.titles.last() == S("Cannot create workbench"));
    CHECK(f.messages.last().contains(S("never overwritten")));

    // A report that cannot be read.
    CHECK_FALSE(
        f.session.planIngest(f.scratch.path(S("missing.txt")), S("peel-effectiveness-2015")));
    CHECK(f.messages.last().contains(S("Cannot read")));

    CHECK(closing.count() == 0);
    CHECK(f.session.workbench() == before);
    CHECK(f.session.path() == path);
    CHECK(f.session.workbench()->info().findings > 0);
}

TEST_CASE("In the window, a refused file leaves the workbench open before as it was",
          "[session][window]")
{
    apptest::Scratch scratch;
    const QString open = scratch.createFile(S("open.fwb"));
    const QString locked = scratch.createFile(S("locked.fwb"), false);
    MainWindow window;
    QStringList errors;
    QObject::connect(&window, &MainWindow::errorShown, [&](const QString& m) { errors << m; });
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openWorkbench(open));
    const NavigatorKey key = window.navigatorView()->currentKey();
    const QString title = window.windowTitle();
    auto other = WorkbenchLock::acquire(locked);
    REQUIRE(other.ok());
    CHECK_FALSE(window.openWorkbench(locked));
    REQUIRE(errors.size() == 1);
    CHECK(errors.first().contains(S("open in another window")));
    CHECK(window.workbench()->path() == window.session()->path());
    CHECK(window.session()->path().endsWith(S("open.fwb")));
    CHECK(window.navigatorView()->currentKey() == key);
    CHECK(window.windowTitle() == title);
}
