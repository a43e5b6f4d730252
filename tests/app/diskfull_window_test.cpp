// The window's exports on a full disk: File ▸ Export, a document's export, Export All Forces and
// the matrix window's CSV and images each say the disk is full, name the file, and leave nothing.
// As root the disk is a small tmpfs mounted for the test and filled up; otherwise the targets are
// /dev/full (which a user cannot replace, as /dev is not theirs).

#include "app/analysis/matrixwindow.h"
#include "app/documents/batchexportdialog.h"
#include "app/documents/documentsworkspace.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "demowindow.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <unistd.h>

using namespace fwb;
using namespace fwb::app;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

// A full disk for the test: a tmpfs of 64 KiB filled to the last byte (as root), unmounted when
// it goes. folder() is empty when none could be mounted.
class FullDisk {
public:
    explicit FullDisk(const QString& mountPoint) : m_dir(mountPoint)
    {
        if (::geteuid() != 0 || !QDir().mkpath(mountPoint))
            return;
        if (QProcess::execute(S("mount"), {S("-t"), S("tmpfs"), S("-o"), S("size=64k"), S("tmpfs"),
                                           mountPoint}) != 0)
            return;
        m_mounted = true;
        QFile filler(mountPoint + S("/filler"));
        if (filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            const QByteArray block(4096, 'x');
            while (filler.write(block) > 0) {
            }
        }
    }
    ~FullDisk()
    {
        if (m_mounted)
            QProcess::execute(S("umount"), {m_dir});
    }
    QString folder() const { return m_mounted ? m_dir : QString(); }
    // What is on the disk besides the filler, hidden files included.
    QStringList left() const
    {
        QStringList out = QDir(m_dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                                QDir::NoDotAndDotDot);
        out.removeAll(S("filler"));
        return out;
    }

private:
    QString m_dir;
    bool m_mounted = false;
};

} // namespace

TEST_CASE("The window's exports on a full disk say so, name the file and leave nothing",
          "[window][diskfull]")
{
    apptest::DemoWindow w(QSize(1400, 900));
    FullDisk disk(w.scratch.path(S("disk")));
    const bool tmpfs = !disk.folder().isEmpty();
    if (!tmpfs) {
        if (::geteuid() == 0) {
            WARN("no tmpfs could be mounted, and as root /dev/full is not written to");
            return;
        }
        WARN("not root: the exports go to /dev/full");
    }
    auto target = [&](const char* name) {
        return tmpfs ? disk.folder() + S("/") + S(name) : S("/dev/full");
    };

    // File ▸ Export
    const QString json = target("lancs.json");
    CHECK_FALSE(w.window.exportTo(json, ExportFormat::Json, ExportScope{}));
    REQUIRE_FALSE(w.errors.isEmpty());
    CHECK(w.errors.last().contains(S("Cannot write ") + json + S(": the disk is full")));

    // A document's export
    w.window.navigatorView()->selectKey(
        NavigatorKey{NavigatorKey::Kind::Force, S("peel-effectiveness-2015"), S("lancashire"), {}});
    w.window.findChild<QTabWidget*>(S("workTabs"))->setCurrentWidget(w.window.documentsWorkspace());
    const QString pdf = target("report.pdf");
    const Status exported = w.window.documentsWorkspace()->exportTo(pdf, S("pdf"));
    REQUIRE_FALSE(exported);
    CHECK(exported.error().message.contains(S("Cannot write ") + pdf + S(": the disk is full")));

    // The matrix window: CSV, PNG and SVG, each reported through the window's error
    MatrixWindow* m = w.window.matrixWindow();
    REQUIRE(m);
    m->setProgramme(S("peel-effectiveness-2015"));
    const qsizetype before = w.errors.size();
    for (const char* name : {"m.csv", "m.png", "m.svg"}) {
        const QString path = tmpfs ? target(name) : S("/dev/full");
        const bool ok =
            QString::fromLatin1(name).endsWith(S(".csv")) ? m->exportCsv(path) : m->saveImage(path);
        CHECK_FALSE(ok);
        CHECK(m->lastError().contains(S("Cannot write ") + path + S(": the disk is full")));
    }
    CHECK(w.errors.size() == before + 3);

    if (tmpfs) {
        // Export All Forces into a folder on the full disk
        BatchExportDialog dialog(*w.window.workbench(), S("peel-effectiveness-2015"), S("report"),
                                 &w.window);
        dialog.setFolder(disk.folder() + S("/all"));
        dialog.setFormat(S("odt"));
        CHECK(dialog.exportAll() == 0);
        CHECK(dialog.summary().contains(S("0 of 1 written")));
        CHECK(dialog.summary().contains(S("the disk is full")));
        CHECK(QDir(disk.folder() + S("/all"))
                  .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                  .isEmpty());
        CHECK(disk.left() == QStringList{S("all")}); // no file, no temporary
    }
}
