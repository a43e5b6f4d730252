// Settings: typed accessors, recent files kept short and without duplicates.
#include "app/settings.h"
#include "apptest.h"

using namespace fwb::app;

TEST_CASE("Settings keep at most eight recent files, newest first", "[settings]")
{
    fwb::apptest::Scratch scratch;
    Settings settings(scratch.path(QStringLiteral("settings.ini")));
    CHECK(settings.recentFiles().isEmpty());
    CHECK_FALSE(settings.showAllForces());
    for (int i = 0; i < 10; ++i)
        settings.addRecentFile(scratch.path(QStringLiteral("w%1.fwb").arg(i)));
    settings.addRecentFile(scratch.path(QStringLiteral("w5.fwb")));
    const QStringList recent = settings.recentFiles();
    REQUIRE(recent.size() == Settings::MaxRecentFiles);
    CHECK(recent.front() == scratch.path(QStringLiteral("w5.fwb")));
    CHECK(recent.count(scratch.path(QStringLiteral("w5.fwb"))) == 1);
    settings.removeRecentFile(scratch.path(QStringLiteral("w5.fwb")));
    CHECK_FALSE(settings.recentFiles().contains(scratch.path(QStringLiteral("w5.fwb"))));

    settings.setShowAllForces(true);
    settings.setLastWorkbench(QStringLiteral("/tmp/x.fwb"));
    settings.sync();
    Settings again(scratch.path(QStringLiteral("settings.ini")));
    CHECK(again.showAllForces());
    CHECK(again.lastWorkbench() == QStringLiteral("/tmp/x.fwb"));
}
