// A large workbench is checked for damaged pages after the window has painted, on a thread of its
// own: the window opens at once, and damage found then makes it read-only with the warning shown
// on open, and refuses every write.
#include "app/mainwindow.h"
#include "app/session/session.h"
#include "apptest.h"
#include "core/services/drafting.h"
#include "core/workbench.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>

using namespace fwb;
using namespace fwb::app;
using namespace Qt::StringLiterals;

namespace {

// Overwrites the last page of the search index with rubbish (the check on open finds it; opening
// without the check does not) and returns the uid of one finding.
QString damageSearchIndex(const QString& path)
{
    qint64 page = 0;
    QString uid;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"pages"_s);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(u"SELECT max(pageno) FROM dbstat WHERE name = 'search_index_content'"_s));
        REQUIRE(q.next());
        page = q.value(0).toLongLong();
        REQUIRE(q.exec(u"SELECT uid FROM findings LIMIT 1"_s));
        REQUIRE(q.next());
        uid = q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(u"pages"_s);
    REQUIRE(page > 1);
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadWrite));
    REQUIRE(f.seek((page - 1) * 4096));
    REQUIRE(f.write(QByteArray(4096, 'Z')) == 4096);
    return uid;
}

bool damagedBadgeShown(MainWindow& window)
{
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
        if (label->text().contains(u"Damaged"_s) && label->isVisible())
            return true;
    return false;
}

} // namespace

TEST_CASE("A large damaged workbench opens and paints then turns read-only when the later check "
          "finds the damage",
          "[window][damaged]")
{
    apptest::Scratch scratch;
    const QString path = scratch.createFile(u"damaged-later.fwb"_s);
    const QString uid = damageSearchIndex(path);

    MainWindow window;
    window.session()->setCheckLaterAbove(0); // every file counts as large here
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy errors(&window, &MainWindow::errorShown);
    REQUIRE(window.openWorkbench(path));
    // Opened without waiting for the check: writable for now, nothing said yet.
    CHECK(errors.isEmpty());
    CHECK_FALSE(window.workbench()->isReadOnly());
    CHECK_FALSE(window.windowTitle().contains(u"Read-only"_s));
    QTest::qWait(1); // the window paints
    CHECK(window.isVisible());

    // Then the check finds the damage: the same warning as on open, read-only, the badge shown.
    REQUIRE(QTest::qWaitFor([&] { return errors.count() == 1; }, 10000));
    CHECK(errors.front().front().toString().startsWith(u"Damaged workbench"_s));
    CHECK(
        errors.front().front().toString().contains(window.workbench()->database().damageWarning()));
    CHECK(window.workbench()->isReadOnly());
    CHECK(window.windowTitle().contains(u"Read-only"_s));
    CHECK(damagedBadgeShown(window));
    CHECK_FALSE(window.workbench()->isCheckingForDamage());

    // A write attempted after the check is refused as Damaged and leaves the file as it was.
    const QByteArray before = apptest::readFile(path);
    DraftingService drafting(*window.workbench());
    auto deleted = drafting.deleteFinding(uid);
    REQUIRE_FALSE(deleted);
    CHECK(deleted.error().code == Error::Code::Damaged);
    CHECK(apptest::readFile(path) == before);
    CHECK(errors.count() == 1); // told once
}

TEST_CASE("A sound large workbench checked later stays writable and says nothing",
          "[window][damaged]")
{
    apptest::Scratch scratch;
    const QString path = scratch.createFile(u"sound-later.fwb"_s);
    MainWindow window;
    window.session()->setCheckLaterAbove(0);
    window.show();
    QSignalSpy errors(&window, &MainWindow::errorShown);
    REQUIRE(window.openWorkbench(path));
    REQUIRE(QTest::qWaitFor([&] { return !window.workbench()->isCheckingForDamage(); }, 10000));
    QTest::qWait(Session::kCheckDelayMs + 50);
    REQUIRE(QTest::qWaitFor([&] { return !window.workbench()->isCheckingForDamage(); }, 10000));
    CHECK(errors.isEmpty());
    CHECK_FALSE(window.workbench()->isReadOnly());
    CHECK_FALSE(damagedBadgeShown(window));
}

TEST_CASE("Closing a workbench while its later check runs stops the check", "[window][damaged]")
{
    apptest::Scratch scratch;
    const QString first = scratch.createFile(u"first.fwb"_s);
    const QString second = scratch.createFile(u"second.fwb"_s);
    MainWindow window;
    window.session()->setCheckLaterAbove(0);
    REQUIRE(window.openWorkbench(first));
    QTest::qWait(Session::kCheckDelayMs + 5);
    REQUIRE(window.openWorkbench(second)); // the first is closed, its check stopped or done
    CHECK(window.workbench()->path().endsWith(u"second.fwb"_s));
    CHECK_FALSE(window.workbench()->isReadOnly());
}
