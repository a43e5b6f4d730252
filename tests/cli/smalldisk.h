#pragma once
// Running fwb with its output on a small, nearly full disk: a tmpfs of a few KiB mounted in a
// private mount namespace (`unshare -Urm`, which works as root and, where user namespaces are
// allowed, as anyone; as root without user namespaces `unshare -m`). The mount goes when fwb
// ends, so what fwb left there is copied out first and the test looks at the copy.

#include "clitest.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <unistd.h>

namespace fwb::clitest {

struct SmallDisk {
    QStringList unshare; // the unshare options that work here; empty when none does
    QString whyNot;      // why no small disk can be mounted
};

// Finds once how a private tmpfs can be mounted on this machine.
inline const SmallDisk& smallDisk()
{
    static const SmallDisk found = [] {
        SmallDisk d;
        QTemporaryDir probe;
        QStringList tried;
        QStringList candidates{QStringLiteral("-Urm")};
        if (::geteuid() == 0)
            candidates << QStringLiteral("-m");
        for (const QString& option : candidates) {
            QProcess p;
            p.start(QStringLiteral("unshare"),
                    {option, QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("mount -t tmpfs -o size=16k tmpfs \"$1\""),
                     QStringLiteral("sh"), probe.path()});
            if (!p.waitForFinished(20000)) {
                tried << QStringLiteral("unshare %1: %2").arg(option, p.errorString());
                continue;
            }
            if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) {
                d.unshare = {option};
                return d;
            }
            tried << QStringLiteral("unshare %1: %2")
                         .arg(option, QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        }
        d.whyNot = tried.join(QStringLiteral("; "));
        return d;
    }();
    return found;
}

struct SmallDiskRun : Run {
    QStringList left; // what fwb left on the small disk, relative to it, hidden files included
};

// Runs fwb with `args` while `mountPoint` (an empty folder) is a tmpfs of `kib` KiB; what fwb
// left there is copied to `copyTo` (an empty folder outside it) and listed in `left`. With
// `devFull`, MOUNTPOINT/full is /dev/full bound there for the run; whether it is still that
// device afterwards is told on standard error ("full: still the device").
inline SmallDiskRun runOnSmallDisk(int kib, const QString& mountPoint, const QString& copyTo,
                                   const QStringList& args, bool devFull = false)
{
    REQUIRE_FALSE(smallDisk().unshare.isEmpty());
    REQUIRE(QDir().mkpath(mountPoint));
    REQUIRE(QDir().mkpath(copyTo));
    const QString script =
        QStringLiteral("d=$1; o=$2; k=$3; f=$4; shift 4\n"
                       "mount -t tmpfs -o size=${k}k tmpfs \"$d\" || exit 97\n"
                       "if [ \"$f\" = 1 ]; then : > \"$d/full\" && mount --bind /dev/full "
                       "\"$d/full\" || exit 97; fi\n"
                       "\"$@\"; rc=$?\n"
                       "if [ \"$f\" = 1 ]; then\n"
                       "  [ -c \"$d/full\" ] && echo 'full: still the device' >&2\n"
                       "  umount \"$d/full\" 2>/dev/null; rm -f \"$d/full\"\n"
                       "fi\n"
                       "cp -a \"$d\"/. \"$o\"/ || exit 98\n"
                       "exit $rc\n");
    QProcess p;
    p.start(QStringLiteral("unshare"),
            smallDisk().unshare +
                QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script,
                            QStringLiteral("sh"), mountPoint, copyTo, QString::number(kib),
                            devFull ? QStringLiteral("1") : QStringLiteral("0"),
                            QStringLiteral(FWB_BINARY)} +
                args);
    REQUIRE(p.waitForFinished(120000));
    SmallDiskRun r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    INFO(r.err.toStdString());
    REQUIRE(r.code != 97); // the disk was mounted
    REQUIRE(r.code != 98); // and what was on it copied out
    const QDir base(copyTo);
    QDirIterator it(copyTo, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        r.left << base.relativeFilePath(it.next());
    r.left.sort();
    return r;
}

} // namespace fwb::clitest
