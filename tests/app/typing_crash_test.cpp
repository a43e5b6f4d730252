// A crash loses at most the last second of typing: the real window (fwb-typist, a process of its
// own) types without a pause into a finding, a judgment summary and a document section; it is
// killed with SIGKILL after 3, 6 and 12 seconds, and the workbench, opened again with the core,
// holds all the typing but what the last second and a bit gave.

#include "apptest.h"
#include "core/services/documents.h"
#include "core/workbench.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <spdlog/spdlog.h>

using namespace fwb;

namespace {

constexpr int kPerSecond = 20;
// What may be lost: the second a save may wait while typing goes on, and a bit for the save
// itself and a machine shared with other work.
constexpr int kMayLose = kPerSecond * 3 / 2;

QString typedText(int n)
{
    QString out;
    for (int i = 0; i < n; ++i)
        out += QLatin1Char(char('a' + i % 26));
    return out;
}

struct Run {
    QString target, original;
    int typed = 0;
    QString failure;
};

// Starts the typist on the workbench, lets it type for `ms` after it is ready, and kills it.
Run typeAndKill(const QString& workbench, const QString& editor, int ms)
{
    Run run;
    QProcess typist;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    typist.setProcessEnvironment(env);
    typist.setProcessChannelMode(QProcess::SeparateChannels);
    typist.start(QStringLiteral(FWB_TYPIST), {workbench, editor, QString::number(kPerSecond)});
    if (!typist.waitForStarted(10000)) {
        run.failure = QStringLiteral("fwb-typist did not start: ") + typist.errorString();
        return run;
    }
    QByteArray pending;
    bool ready = false;
    QElapsedTimer clock;
    auto readLines = [&] {
        pending += typist.readAllStandardOutput();
        int nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(nl));
            pending.remove(0, nl + 1);
            if (line.startsWith(QLatin1String("target ")))
                run.target = line.section(QLatin1Char(' '), 2);
            else if (line.startsWith(QLatin1String("original ")))
                run.original = QString::fromUtf8(QByteArray::fromHex(line.mid(9).toLatin1()));
            else if (line == QLatin1String("ready")) {
                ready = true;
                clock.start();
            } else if (line.startsWith(QLatin1String("typed ")))
                run.typed = line.mid(6).toInt();
        }
    };
    QElapsedTimer startup;
    startup.start();
    while (!ready) {
        if (typist.state() == QProcess::NotRunning || startup.elapsed() > 60000) {
            run.failure = QStringLiteral("fwb-typist never got ready: ") +
                          QString::fromUtf8(typist.readAllStandardError());
            typist.kill();
            typist.waitForFinished();
            return run;
        }
        typist.waitForReadyRead(50);
        readLines();
    }
    while (clock.elapsed() < ms) {
        typist.waitForReadyRead(qMax<qint64>(1, qMin<qint64>(20, ms - clock.elapsed())));
        readLines();
    }
    typist.kill(); // SIGKILL: no flush, no close, no destructor
    typist.waitForFinished(10000);
    readLines(); // what it had typed by then is in the pipe
    if (typist.exitStatus() != QProcess::CrashExit)
        run.failure = QStringLiteral("fwb-typist ended by itself: ") +
                      QString::fromUtf8(typist.readAllStandardError());
    return run;
}

// The text of the target as the workbench holds it now.
QString storedText(const QString& workbench, const QString& editor, const QString& target)
{
    auto wb = Workbench::open(workbench);
    REQUIRE(wb.ok());
    if (editor == QLatin1String("finding")) {
        const auto f = (*wb)->drafts().finding(target);
        REQUIRE(f);
        return f->text;
    }
    if (editor == QLatin1String("summary")) {
        const QStringList key = target.split(QLatin1Char('/'));
        REQUIRE(key.size() == 3);
        const auto j = (*wb)->drafts().judgment(key[0], key[1], key[2]);
        REQUIRE(j);
        return j->summary;
    }
    const QStringList key = target.split(QLatin1Char('/'));
    REQUIRE(key.size() == 2);
    const auto d = (*wb)->documents().document(key[0]);
    REQUIRE(d);
    const Section* s = findSection(d->sections, key[1]);
    REQUIRE(s);
    return s->body;
}

// How many of the typed letters the stored text holds: it is the editor's text with the first
// n typed letters after it.
int savedLetters(const QString& stored, const QString& original, int typed)
{
    for (int n = typed + 1; n >= 1; --n)
        if (stored == original + typedText(n))
            return n;
    return 0;
}

void crashWhileTyping(const QString& editor)
{
    for (const int seconds : {3, 6, 12}) {
        apptest::Scratch scratch;
        const QString path = scratch.createFile(QStringLiteral("typing.fwb"));
        const Run run = typeAndKill(path, editor, seconds * 1000);
        INFO(editor.toStdString() << " killed after " << seconds << " s");
        INFO(run.failure.toStdString());
        REQUIRE(run.failure.isEmpty());
        REQUIRE_FALSE(run.target.isEmpty());
        const QString stored = storedText(path, editor, run.target);
        const int saved = savedLetters(stored, run.original, run.typed);
        spdlog::info("{}: killed after {} s, {} letters typed, {} saved", editor.toStdString(),
                     seconds, run.typed, saved);
        INFO("typed " << run.typed << ", saved " << saved << ", stored text ends \""
                      << stored.right(40).toStdString() << "\"");
        CHECK(run.typed >= seconds * kPerSecond / 2); // it did type all along
        CHECK(saved >= run.typed - kMayLose);
        CHECK(saved <= run.typed + 1); // a keystroke may be saved before its line is written
    }
}

} // namespace

TEST_CASE("Killed while typing a finding without a pause, the window loses at most the last second",
          "[window][typing][crash]")
{
    crashWhileTyping(QStringLiteral("finding"));
}

TEST_CASE("Killed while typing a judgment summary without a pause, the window loses at most the "
          "last second",
          "[window][typing][crash]")
{
    crashWhileTyping(QStringLiteral("summary"));
}

TEST_CASE("Killed while typing a document section without a pause, the window loses at most the "
          "last second",
          "[window][typing][crash]")
{
    crashWhileTyping(QStringLiteral("section"));
}
