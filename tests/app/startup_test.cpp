// Which workbench the window opens at start.
#include "app/settings.h"
#include "app/startup.h"
#include "apptest.h"

#include <QFileInfo>

using namespace fwb::app;

TEST_CASE("Start-up opens the named file, else the last one, else the default demo", "[startup]")
{
    fwb::apptest::Scratch scratch;
    Settings settings(scratch.path(QStringLiteral("settings.ini")));

    auto named = startup::workbenchToOpen({scratch.path(QStringLiteral("named.fwb"))}, settings);
    REQUIRE(named.ok());
    CHECK(named.value() == scratch.path(QStringLiteral("named.fwb")));

    const QString last = scratch.createFile(QStringLiteral("last.fwb"), false);
    settings.setLastWorkbench(last);
    auto reopened = startup::workbenchToOpen({}, settings);
    REQUIRE(reopened.ok());
    CHECK(reopened.value() == last);

    // A default workbench is created once, with the demo content, and left alone afterwards.
    const QString fallback = scratch.path(QStringLiteral("data/sub/demo.fwb"));
    REQUIRE(startup::ensureDefaultWorkbench(fallback).ok());
    REQUIRE(QFileInfo::exists(fallback));
    const auto modified = QFileInfo(fallback).lastModified();
    REQUIRE(startup::ensureDefaultWorkbench(fallback).ok());
    CHECK(QFileInfo(fallback).lastModified() == modified);
    auto wb = fwb::Workbench::open(fallback);
    REQUIRE(wb.ok());
    CHECK(wb.value()->info().findings > 0);
}
