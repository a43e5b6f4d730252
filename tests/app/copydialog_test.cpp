// File ▸ Copy Workbench To…: the dialog copies the open workbench into a new file on a thread of
// its own and says it was verified; a destination that exists is refused and left as it was.
#include "app/dialogs/copydialog.h"
#include "apptest.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>

using namespace fwb;
using namespace fwb::app;

TEST_CASE("The copy dialog copies the workbench and refuses a destination that exists",
          "[copy][dialog]")
{
    apptest::Scratch scratch;
    const QString source = scratch.createFile(QStringLiteral("a.fwb"));
    CopyDialog dialog(source);
    dialog.show();
    QSignalSpy done(&dialog, &CopyDialog::copyFinished);
    dialog.destination()->setText(scratch.path(QStringLiteral("b.fwb")));
    dialog.start();
    CHECK(dialog.running());
    REQUIRE(apptest::eventually([&] { return done.count() == 1; }, 30000));
    CHECK(done.at(0).at(0).toBool());
    CHECK(dialog.status()->text().contains(QStringLiteral("verified equal")));
    CHECK(QFile::exists(scratch.path(QStringLiteral("b.fwb"))));
    CHECK_FALSE(dialog.running());

    const QByteArray before = apptest::readFile(scratch.path(QStringLiteral("b.fwb")));
    dialog.start();
    REQUIRE(apptest::eventually([&] { return done.count() == 2; }, 30000));
    CHECK_FALSE(done.at(1).at(0).toBool());
    CHECK(dialog.status()->text().contains(QStringLiteral("already exists")));
    CHECK(apptest::readFile(scratch.path(QStringLiteral("b.fwb"))) == before);
}
