// The lock beside a workbench: a second holder is refused until the first lets go.
#include "app/workbenchlock.h"
#include "apptest.h"

#include <QFileInfo>

using namespace fwb;
using namespace fwb::app;

TEST_CASE("A second lock on the same workbench is refused", "[lock]")
{
    apptest::Scratch scratch;
    const QString path = scratch.path(QStringLiteral("w.fwb"));
    auto first = WorkbenchLock::acquire(path);
    REQUIRE(first.ok());
    CHECK(first.value()->isHeld());
    CHECK(QFileInfo::exists(path + QStringLiteral(".lock")));

    auto second = WorkbenchLock::acquire(path);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == Error::Code::Busy);
    CHECK(second.error().message.contains(QStringLiteral("open in another window")));

    first.value().reset();
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral(".lock")));
    auto third = WorkbenchLock::acquire(path);
    CHECK(third.ok());
}
