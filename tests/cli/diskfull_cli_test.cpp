// Files are written whole or not at all: fwb with its output on a disk too small for it. Each
// case mounts a small tmpfs for the one run (smalldisk.h) and looks at what was left on it: a
// failure exits non-zero, says the disk is full and names the file, prints nothing as written,
// and leaves no cut-short file and no temporary. Where no tmpfs can be mounted the cases say why
// and only the /dev/full checks run.

#include "documents/package.h"
#include "smalldisk.h"

#include <QFileInfo>
#include <catch2/catch.hpp>
#include <sys/stat.h>

using namespace fwb;
using namespace fwb::clitest;

namespace {

const QStringList kReport{S("--programme"), S("peel-effectiveness-2015"),
                          S("--force"),     S("lancashire"),
                          S("--kind"),      S("report")};

QString demo(const test::Scratch& dir)
{
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    return file;
}

bool haveSmallDisk()
{
    if (smallDisk().unshare.isEmpty()) {
        WARN("no small disk can be mounted here (" << smallDisk().whyNot.toStdString()
                                                   << "); only the /dev/full checks run");
        return false;
    }
    return true;
}

bool isCharacterDevice(const char* path)
{
    struct stat st {};
    return ::stat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

} // namespace

TEST_CASE("fwb render on a full disk fails, says so and leaves no PDF or ODT", "[cli][diskfull]")
{
    if (!haveSmallDisk())
        return;
    test::Scratch dir;
    const QString file = demo(dir);
    const QString disk = dir.path(S("disk"));

    SECTION("a PDF on a 64 KiB disk (the report is about 180 KiB)")
    {
        const QString target = disk + S("/r.pdf");
        const SmallDiskRun r =
            runOnSmallDisk(64, disk, dir.path(S("left")),
                           QStringList{S("render"), file} + kReport + QStringList{S("-o"), target});
        CHECK(r.code == 1);
        CHECK(r.err.contains(S("the disk is full")));
        CHECK(r.err.contains(target));
        CHECK_FALSE(r.err.contains(S("Unknown error")));
        CHECK_FALSE(r.out.contains(S("wrote")));
        CHECK(r.left.isEmpty()); // no r.pdf, no temporary beside it
    }
    SECTION("an ODT on a 16 KiB disk")
    {
        const QString target = disk + S("/r.odt");
        const SmallDiskRun r =
            runOnSmallDisk(16, disk, dir.path(S("left")),
                           QStringList{S("render"), file} + kReport + QStringList{S("-o"), target});
        CHECK(r.code == 1);
        CHECK(r.err.contains(S("Cannot write ") + target + S(": the disk is full")));
        CHECK_FALSE(r.out.contains(S("wrote")));
        CHECK(r.left.isEmpty());
    }
    SECTION("the same PDF on a disk with room is written whole")
    {
        const SmallDiskRun r = runOnSmallDisk(1024, disk, dir.path(S("left")),
                                              QStringList{S("render"), file} + kReport +
                                                  QStringList{S("-o"), disk + S("/r.pdf")});
        CHECK(r.code == 0);
        CHECK(r.out.contains(S("wrote")));
        REQUIRE(r.left == QStringList{S("r.pdf")});
        const QByteArray pdf = test::readFile(dir.path(S("left/r.pdf")));
        CHECK(pdf.startsWith("%PDF"));
        CHECK(pdf.trimmed().endsWith("%%EOF"));
    }
}

TEST_CASE("fwb render --all-forces on a disk where the first file fits and the second does not",
          "[cli][diskfull]")
{
    if (!haveSmallDisk())
        return;
    test::Scratch dir;
    const QString file = demo(dir);
    // Kent's report is short (a few KiB as ODT); Lancashire's, with the demo material, is ~150 KiB.
    REQUIRE(
        runFwb({S("document"), S("create"), file, S("--programme"), S("peel-effectiveness-2015"),
                S("--force"), S("kent"), S("--kind"), S("report")})
            .code == 0);
    const QString disk = dir.path(S("disk"));
    const QString out = disk + S("/out");
    const SmallDiskRun r = runOnSmallDisk(
        64, disk, dir.path(S("left")),
        {S("render"), file, S("--programme"), S("peel-effectiveness-2015"), S("--kind"),
         S("report"), S("--all-forces"), S("--format"), S("odt"), S("--dir"), out});
    CHECK(r.code == 1);
    CHECK(r.err.contains(S("Cannot write ") + out +
                         S("/lancashire-peel-effectiveness-2015-report.odt: the disk is full")));
    CHECK(r.err.contains(S("1 of 2 written before it")));
    CHECK_FALSE(r.out.contains(S("wrote")));
    // Kent's file, finished before the disk filled, stays and is whole; Lancashire's left nothing.
    CHECK(r.out.contains(out + S("/kent-peel-effectiveness-2015-report.odt")));
    REQUIRE(r.left == QStringList{S("out"), S("out/kent-peel-effectiveness-2015-report.odt")});
    const QByteArray kent =
        test::readFile(dir.path(S("left/out/kent-peel-effectiveness-2015-report.odt")));
    auto content = documents::package::read(kent, S("content.xml"));
    REQUIRE(content);
    CHECK(content->contains("office:document-content"));
}

TEST_CASE("fwb review send on a full disk leaves no pack at all, and the pack can be written later",
          "[cli][diskfull]")
{
    if (!haveSmallDisk())
        return;
    test::Scratch dir;
    const QString file = demo(dir);
    const QStringList doc{S("--document"), S("lancs-2015-report")};
    REQUIRE(
        runFwb(QStringList{S("review"), S("move"), file} + doc + QStringList{S("--to"), S("ready")})
            .code == 0);
    const QString disk = dir.path(S("disk"));
    const QString pack = disk + S("/pack");
    // 240 KiB: room for the PDF (~180 KiB) but not the ODT after it.
    const SmallDiskRun r = runOnSmallDisk(240, disk, dir.path(S("left")),
                                          QStringList{S("review"), S("send"), file} + doc +
                                              QStringList{S("-o"), pack});
    CHECK(r.code == 1);
    CHECK(r.err.contains(S("the disk is full")));
    CHECK(r.err.contains(pack +
                         S("/lancashire-peel-effectiveness-2015-report-factual-accuracy-1.odt")));
    CHECK(r.err.contains(S("no file of the pack was written")));
    CHECK(r.err.contains(S("fwb review pack")));
    CHECK_FALSE(r.out.contains(S("wrote")));
    CHECK(r.left.isEmpty()); // not the PDF that fitted, no temporaries, not even the folder

    // The round is sent; the same pack is written once there is room.
    const Run again = runFwb(QStringList{S("review"), S("pack"), file} + doc +
                             QStringList{S("-o"), dir.path(S("pack"))});
    REQUIRE(again.code == 0);
    CHECK(QDir(dir.path(S("pack"))).entryList(QDir::Files).size() == 5);
}

TEST_CASE("fwb export on a full disk names the file and leaves nothing", "[cli][diskfull]")
{
    if (!haveSmallDisk())
        return;
    test::Scratch dir;
    const QString file = demo(dir);
    const QString disk = dir.path(S("disk"));
    const QString json = disk + S("/lancs.json");
    const SmallDiskRun r =
        runOnSmallDisk(16, disk, dir.path(S("left")),
                       {S("export"), file, S("--format"), S("json"), S("-o"), json});
    CHECK(r.code == 1);
    CHECK(r.err.contains(S("Cannot write ") + json + S(": the disk is full")));
    CHECK_FALSE(r.out.contains(S("written")));
    CHECK(r.left.isEmpty());
}

TEST_CASE("fwb on /dev/full: the disk is full, and the device stays a device", "[cli][diskfull]")
{
    if (!isCharacterDevice("/dev/full")) {
        WARN("/dev/full is not there");
        return;
    }
    test::Scratch dir;
    const QString file = demo(dir);

    SECTION("-o a device that is full")
    {
        // /dev/full itself only where a mistake cannot replace it: bound into a private mount
        // (a rename over a mount point is refused), or as a user who cannot write /dev.
        Run r;
        QString target = S("/dev/full");
        bool kept = false;
        if (!smallDisk().unshare.isEmpty()) {
            target = dir.path(S("disk/full"));
            const SmallDiskRun d =
                runOnSmallDisk(64, dir.path(S("disk")), dir.path(S("left")),
                               QStringList{S("render"), file} + kReport +
                                   QStringList{S("--format"), S("pdf"), S("-o"), target},
                               true);
            r = d;
            kept = d.err.contains(S("full: still the device"));
            CHECK(d.left.isEmpty());
        } else if (::geteuid() != 0) {
            r = runFwb(QStringList{S("render"), file} + kReport +
                       QStringList{S("--format"), S("pdf"), S("-o"), target});
            kept = isCharacterDevice("/dev/full");
        } else {
            WARN("as root without a private mount /dev/full is not written to");
            return;
        }
        CHECK(r.code == 1);
        CHECK(r.err.contains(S("Cannot write ") + target + S(": the disk is full")));
        CHECK_FALSE(r.out.contains(S("wrote")));
        CHECK(kept); // written to, not replaced by a plain file
    }
    SECTION("standard output on /dev/full")
    {
        QProcess p;
        p.setStandardOutputFile(S("/dev/full"));
        p.start(S(FWB_BINARY), {S("export"), file, S("--format"), S("csv")});
        REQUIRE(p.waitForFinished(60000));
        CHECK(p.exitCode() == 1);
        CHECK(QString::fromUtf8(p.readAllStandardError())
                  .contains(S("cannot write to standard output: the disk is full")));
    }
}
