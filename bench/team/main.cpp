// fwb-bench-team: a team workbench of a million findings on a private local PostgreSQL server,
// with 20 inspectors saving a finding each as typing does (every 400 ms) and 5 searching, beside
// one person on the same workbench as a file. Prints save latency p50/p95, search p95 and how long
// until another client sees a change.
//
//   fwb-bench-team --workbench FILE [--dir DIR] [--seconds N] [--writers N] [--searchers N]
//                  [--uri URI] [--keep]
//
// FILE is a file workbench to copy (a million findings: `fwb-bench --sizes 1000000 --keep --dir
// DIR` builds one); it is only read. The file copy for the single-person figures and the server
// (initdb as the postgres account when run as root, listening on a Unix socket in DIR only) are
// made under DIR; --uri names a server database to use instead, which must be empty. Each writer,
// searcher and the watcher is a process of its own (this program run with --role).
//
// "Seen" is measured by a watcher that reads the writers' findings every 50 ms, as a window
// without a change feed would: the figure includes up to one polling interval.

#include "core/reader.h"
#include "core/services/drafting.h"
#include "core/services/search.h"
#include "core/storage/copy.h"
#include "core/storage/database.h"
#include "core/util/logging.h"
#include "core/workbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace fwb;

namespace {

const QStringList kQueries{
    QStringLiteral("victims"),        QStringLiteral("missing children"),
    QStringLiteral("domestic abuse"), QStringLiteral("unattended crime reports"),
    QStringLiteral("investigation"),  QStringLiteral("neighbourhood policing"),
    QStringLiteral("supervision"),    QStringLiteral("vulnerable people"),
    QStringLiteral("the force"),      QStringLiteral("investig"),
    QStringLiteral("vulnera"),        QStringLiteral("organised crime groups")};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i =
        qBound<qsizetype>(0, qsizetype(p * double(v.size() - 1) + 0.5), v.size() - 1);
    return v[i];
}

int fail(const QString& what)
{
    std::fprintf(stderr, "fwb-bench-team: %s\n", qPrintable(what));
    return 1;
}

// A writer: opens the workbench and saves its finding every 400 ms with the next words typed.
// Prints "save UID SEQ MICROSECONDS COMMITTED_MS" for each save.
int runWriter(const QString& location, const QString& uid, int seconds)
{
    auto wb = Workbench::open(location);
    if (!wb)
        return fail(wb.error().message);
    DraftingService drafting(**wb);
    auto found = (*wb)->reader().finding(uid);
    if (!found)
        return fail(QStringLiteral("no finding ") + uid);
    Finding f = *found;
    const QString base = f.text.left(400);
    const qint64 start = nowMs();
    for (int seq = 1; nowMs() - start < seconds * 1000LL; ++seq) {
        const qint64 due = start + qint64(seq) * 400;
        if (const qint64 wait = due - nowMs(); wait > 0)
            QThread::msleep(static_cast<unsigned long>(wait));
        f.text = base + QStringLiteral(" [typed %1]").arg(seq);
        QElapsedTimer t;
        t.start();
        auto saved = drafting.updateFinding(f);
        const qint64 us = t.nsecsElapsed() / 1000;
        if (!saved)
            return fail(saved.error().message);
        f = *saved;
        std::printf("save %s %d %lld %lld\n", qPrintable(uid), seq, static_cast<long long>(us),
                    static_cast<long long>(nowMs()));
        std::fflush(stdout);
    }
    return 0;
}

// A searcher: a search as a person types one, every 250 ms. Prints "search MICROSECONDS".
int runSearcher(const QString& location, int index, int seconds)
{
    auto wb = Workbench::open(location);
    if (!wb)
        return fail(wb.error().message);
    const SearchService search((*wb)->database());
    const qint64 start = nowMs();
    for (int i = index; nowMs() - start < seconds * 1000LL; ++i) {
        QElapsedTimer t;
        t.start();
        auto hits = search.search(kQueries[i % kQueries.size()], SearchFilter{});
        const qint64 us = t.nsecsElapsed() / 1000;
        if (!hits)
            return fail(hits.error().message);
        std::printf("search %lld\n", static_cast<long long>(us));
        std::fflush(stdout);
        QThread::msleep(250);
    }
    return 0;
}

// The watcher: reads the writers' findings every 50 ms, as a window without a change feed
// would, and prints "seen UID SEQ MS" when one shows a later save.
int runWatcher(const QString& location, const QStringList& uids, int seconds)
{
    auto wb = Workbench::open(location);
    if (!wb)
        return fail(wb.error().message);
    QHash<QString, int> last;
    const qint64 start = nowMs();
    static const QRegularExpression typed(QStringLiteral("\\[typed (\\d+)\\]$"));
    while (nowMs() - start < (seconds + 2) * 1000LL) {
        for (const QString& uid : uids) {
            auto f = (*wb)->reader().finding(uid);
            if (!f)
                continue;
            const auto m = typed.match(f->text);
            const int seq = m.hasMatch() ? m.captured(1).toInt() : 0;
            if (seq > last.value(uid)) {
                last[uid] = seq;
                std::printf("seen %s %d %lld\n", qPrintable(uid), seq,
                            static_cast<long long>(nowMs()));
            }
        }
        std::fflush(stdout);
        QThread::msleep(50);
    }
    return 0;
}

struct Figures {
    QList<double> saveMs, searchMs, seenMs;
    int failures = 0;
};

// Runs the writers, searchers and watcher against `location` and gathers what they print.
Figures runClients(const QString& location, const QStringList& uids, int searchers, int seconds)
{
    QList<QProcess*> all;
    const QString self = QCoreApplication::applicationFilePath();
    auto start = [&](const QStringList& args) {
        auto* p = new QProcess;
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->start(self, args);
        all << p;
    };
    const QString secs = QString::number(seconds);
    start({QStringLiteral("--role"), QStringLiteral("watcher"), QStringLiteral("--uri"), location,
           QStringLiteral("--seconds"), secs, QStringLiteral("--uids"), uids.join(u',')});
    QThread::msleep(1000); // the watcher has read every finding once before the first save
    for (const QString& uid : uids)
        start({QStringLiteral("--role"), QStringLiteral("writer"), QStringLiteral("--uri"),
               location, QStringLiteral("--seconds"), secs, QStringLiteral("--uids"), uid});
    for (int i = 0; i < searchers; ++i)
        start({QStringLiteral("--role"), QStringLiteral("searcher"), QStringLiteral("--uri"),
               location, QStringLiteral("--seconds"), secs, QStringLiteral("--index"),
               QString::number(i)});
    Figures out;
    QHash<QString, QList<std::pair<int, qint64>>> seen; // uid: seq, ms
    QList<std::tuple<QString, int, qint64>> commits;    // uid, seq, ms
    for (QProcess* p : all) {
        p->waitForFinished(qMax(60, seconds * 3) * 1000);
        if (p->exitCode() != 0 || p->exitStatus() != QProcess::NormalExit) {
            ++out.failures;
            std::fprintf(stderr, "%s", p->readAllStandardError().constData());
        }
        for (const QByteArray& line : p->readAllStandardOutput().split('\n')) {
            const QList<QByteArray> w = line.split(' ');
            if (w.value(0) == "save" && w.size() == 5) {
                out.saveMs << w[3].toLongLong() / 1000.0;
                commits.push_back({QString::fromUtf8(w[1]), w[2].toInt(), w[4].toLongLong()});
            } else if (w.value(0) == "search" && w.size() == 2) {
                out.searchMs << w[1].toLongLong() / 1000.0;
            } else if (w.value(0) == "seen" && w.size() == 4) {
                seen[QString::fromUtf8(w[1])].push_back({w[2].toInt(), w[3].toLongLong()});
            }
        }
        delete p;
    }
    // A save is seen when the watcher first reads it or a later save of the same finding.
    for (const auto& [uid, seq, at] : commits)
        for (const auto& [s, when] : seen.value(uid))
            if (s >= seq) {
                out.seenMs << double(qMax<qint64>(0, when - at));
                break;
            }
    return out;
}

void print(const char* what, const Figures& f, bool seen)
{
    std::printf("  %-34s save p50 %7.1f ms  p95 %7.1f ms  (%lld saves)\n", what,
                percentile(f.saveMs, 0.5), percentile(f.saveMs, 0.95),
                static_cast<long long>(f.saveMs.size()));
    std::printf("  %-34s search p50 %5.1f ms  p95 %7.1f ms  (%lld searches)\n", "",
                percentile(f.searchMs, 0.5), percentile(f.searchMs, 0.95),
                static_cast<long long>(f.searchMs.size()));
    if (seen)
        std::printf("  %-34s seen p50 %7.1f ms  p95 %7.1f ms  (%lld of %lld saves seen; polled "
                    "every 50 ms)\n",
                    "", percentile(f.seenMs, 0.5), percentile(f.seenMs, 0.95),
                    static_cast<long long>(f.seenMs.size()),
                    static_cast<long long>(f.saveMs.size()));
    if (f.failures)
        std::printf("  %d client processes failed (see stderr)\n", f.failures);
}

// Runs a command, as the postgres account when this program runs as root (initdb and postgres
// refuse root).
bool runAsServer(const QString& program, const QStringList& args)
{
    QProcess p;
    if (geteuid() == 0)
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                            program} +
                    args);
    else
        p.start(program, args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        std::fprintf(stderr, "%s%s", p.readAllStandardOutput().constData(),
                     p.readAllStandardError().constData());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    logging::init({QStringLiteral("fwb-bench-team"), false, true, 4});
    QCommandLineParser p;
    const QCommandLineOption workbenchOpt(QStringLiteral("workbench"),
                                          QStringLiteral("File to copy."), QStringLiteral("FILE"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Folder for the server."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("How long."),
                                        QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption writersOpt(QStringLiteral("writers"), QStringLiteral("Writers."),
                                        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption searchersOpt(QStringLiteral("searchers"), QStringLiteral("Searchers."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption uriOpt(QStringLiteral("uri"), QStringLiteral("A server database."),
                                    QStringLiteral("URI"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"), QStringLiteral("Keep DIR."));
    const QCommandLineOption roleOpt(QStringLiteral("role"), QStringLiteral("internal"),
                                     QStringLiteral("ROLE"));
    const QCommandLineOption uidsOpt(QStringLiteral("uids"), QStringLiteral("internal"),
                                     QStringLiteral("UIDS"));
    const QCommandLineOption indexOpt(QStringLiteral("index"), QStringLiteral("internal"),
                                      QStringLiteral("N"), QStringLiteral("0"));
    p.addOptions({workbenchOpt, dirOpt, secondsOpt, writersOpt, searchersOpt, uriOpt, keepOpt,
                  roleOpt, uidsOpt, indexOpt});
    p.addHelpOption();
    p.process(app);
    const int seconds = qMax(5, p.value(secondsOpt).toInt());
    const QString role = p.value(roleOpt);
    if (role == QStringLiteral("writer"))
        return runWriter(p.value(uriOpt), p.value(uidsOpt), seconds);
    if (role == QStringLiteral("searcher"))
        return runSearcher(p.value(uriOpt), p.value(indexOpt).toInt(), seconds);
    if (role == QStringLiteral("watcher"))
        return runWatcher(p.value(uriOpt), p.value(uidsOpt).split(u','), seconds);

    if (!p.isSet(workbenchOpt))
        return fail(QStringLiteral("--workbench FILE is needed (fwb-bench --sizes 1000000 --keep "
                                   "--dir DIR builds one)"));
    const QString source = p.value(workbenchOpt);
    QTemporaryDir temp(p.isSet(dirOpt) ? p.value(dirOpt) + QStringLiteral("/fwb-bench-team-XXXXXX")
                                       : QString());
    temp.setAutoRemove(!p.isSet(keepOpt));
    QFile::setPermissions(temp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                           QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);

    // The writers' findings: drafts of different forces, so that no two people type in one.
    QStringList uids;
    qint64 findings = 0;
    {
        OpenOptions readOnly;
        readOnly.readOnly = true;
        auto db = Database::open(source, readOnly);
        if (!db)
            return fail(db.error().message);
        QSqlQuery q((*db)->sql());
        q.exec(QStringLiteral("SELECT count(*) FROM findings"));
        findings = q.next() ? q.value(0).toLongLong() : 0;
        q.exec(QStringLiteral("SELECT min(uid) FROM findings WHERE status = 'draft' GROUP BY "
                              "force_id ORDER BY force_id"));
        while (q.next() && uids.size() < p.value(writersOpt).toInt())
            uids << q.value(0).toString();
    }
    std::printf("fwb-bench-team: %lld findings (%s); %lld writers saving every 400 ms, %d "
                "searchers, %d s\n",
                static_cast<long long>(findings), qPrintable(source),
                static_cast<long long>(uids.size()), p.value(searchersOpt).toInt(), seconds);
    std::fflush(stdout);

    // One person on a file: one writer, one searcher, the same loops.
    const QString single = temp.filePath(QStringLiteral("single.fwb"));
    QElapsedTimer clock;
    clock.start();
    if (!QFile::copy(source, single))
        return fail(QStringLiteral("cannot copy ") + source);
    const Figures file = runClients(single, uids.mid(0, 1), 1, seconds);
    print("one person, file (SQLite)", file, true);
    std::fflush(stdout);

    // The server: a private cluster, the workbench copied into it with `fwb copy`'s core.
    QString uri = p.value(uriOpt);
    const QString cluster = temp.filePath(QStringLiteral("cluster"));
    const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin/");
    if (uri.isEmpty()) {
        QDir().mkpath(cluster);
        if (geteuid() == 0)
            QProcess::execute(QStringLiteral("chown"),
                              {QStringLiteral("postgres"), temp.path(), cluster});
        if (!runAsServer(bin + QStringLiteral("initdb"),
                         {QStringLiteral("-D"), cluster + QStringLiteral("/data"),
                          QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                          QStringLiteral("postgres")}) ||
            !runAsServer(bin + QStringLiteral("pg_ctl"),
                         {QStringLiteral("-D"), cluster + QStringLiteral("/data"),
                          QStringLiteral("-l"), cluster + QStringLiteral("/log"),
                          QStringLiteral("-w"), QStringLiteral("-o"),
                          QStringLiteral("-c listen_addresses='' -c unix_socket_directories=") +
                              cluster + QStringLiteral(" -c max_connections=100"),
                          QStringLiteral("start")}) ||
            !runAsServer(bin + QStringLiteral("createdb"),
                         {QStringLiteral("-h"), cluster, QStringLiteral("-U"),
                          QStringLiteral("postgres"), QStringLiteral("fwb")}))
            return fail(QStringLiteral("cannot start a server in ") + cluster);
        uri = QStringLiteral("postgresql://postgres@/fwb?host=") + cluster;
    }
    clock.restart();
    auto copied = copying::copyWorkbench(source, uri);
    if (!copied) {
        if (!p.isSet(uriOpt))
            runAsServer(
                bin + QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), cluster + QStringLiteral("/data"), QStringLiteral("stop")});
        return fail(copied.error().message);
    }
    std::printf("  copied to the server with fwb copy: %lld rows in %.0f s, verified equal\n",
                static_cast<long long>(copied->rows), clock.elapsed() / 1000.0);
    std::fflush(stdout);
    const Figures team = runClients(uri, uids, p.value(searchersOpt).toInt(), seconds);
    if (!p.isSet(uriOpt))
        runAsServer(bin + QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), cluster + QStringLiteral("/data"), QStringLiteral("-m"),
                     QStringLiteral("fast"), QStringLiteral("stop")});

    print(qPrintable(QStringLiteral("team, server (%1 writers, %2 searchers)")
                         .arg(uids.size())
                         .arg(p.value(searchersOpt).toInt())),
          team, true);
    std::printf("  goals: save p95 <= 30 ms, seen p95 <= 1000 ms, search p95 <= 50 ms\n");
    return 0;
}
