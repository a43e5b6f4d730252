// fwb copy: a whole workbench copied and verified equal; a bad source or destination refused with
// nothing created; a copy killed part-way leaves no destination.

#include "clitest.h"
#include "core/services/search.h"
#include "core/storage/copy.h"
#include "core/storage/database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace fwb;
using namespace fwb::clitest;

namespace {

QByteArray digestOf(const QString& path)
{
    OpenOptions readOnly;
    readOnly.readOnly = true;
    auto db = Database::open(path, readOnly);
    REQUIRE(db);
    QByteArray total;
    auto tables = copying::digest(**db, &total);
    REQUIRE(tables);
    CHECK(tables->size() >= 25);
    return total;
}

QStringList searchKeys(const QString& path, const QString& text)
{
    OpenOptions readOnly;
    readOnly.readOnly = true;
    auto db = Database::open(path, readOnly);
    REQUIRE(db);
    auto hits = SearchService(**db).search(text, SearchFilter{{}, {}, {}, {}, 1000});
    REQUIRE(hits);
    QStringList out;
    for (const SearchHit& h : hits->hits)
        out << h.key;
    return out;
}

// Adds `n` findings to the demo's first question, straight into the file.
void addFindings(const QString& path, int n)
{
    const QString name = QStringLiteral("copy-test-fill");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("BEGIN")));
        REQUIRE(q.prepare(QStringLiteral(
            "INSERT INTO findings(uid, force_id, question_id, kind, position, text) VALUES (?, "
            "(SELECT min(id) FROM forces), (SELECT min(id) FROM questions), 'observation', ?, "
            "?)")));
        for (int i = 0; i < n; ++i) {
            q.addBindValue(QStringLiteral("fill-%1").arg(i));
            q.addBindValue(i + 1000);
            q.addBindValue(
                QStringLiteral("Filler finding %1 about custody records and victims.").arg(i));
            REQUIRE(q.exec());
        }
        REQUIRE(q.exec(QStringLiteral("COMMIT")));
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST_CASE("fwb copy copies a file workbench into a new file that is verified equal", "[cli][copy]")
{
    test::Scratch dir;
    const QString a = dir.path(S("a.fwb")), b = dir.path(S("b.fwb"));
    REQUIRE(runFwb({S("init"), a, S("--demo")}).code == 0);
    // An edit and a status change, in the audit log and the status history.
    REQUIRE(runFwb({S("finding"), S("edit"), a, S("lancs-2015-f-043"), S("--text"),
                    S("Victims were re-contacted within the day."), S("--status"), S("ready")})
                .code == 0);
    const Run copy = runFwb({S("copy"), a, b});
    INFO(copy.err.toStdString());
    REQUIRE(copy.code == 0);
    CHECK(copy.out.contains(S("verified equal")));
    CHECK(copy.out.contains(S("copying findings")));
    CHECK(copy.out.contains(S("audit_log: ")));
    REQUIRE(QFile::exists(b));
    CHECK(digestOf(a) == digestOf(b));
    // The search index was built as the rows arrived: the same words find the same records.
    for (const QString& words : {S("unattended crime"), S("victims"), S("Lancashire Constabulary")})
        CHECK(searchKeys(a, words) == searchKeys(b, words));
    // The copy is a workbench like any other: `fwb info` reads it, and the next id follows on.
    CHECK(runFwb({S("info"), b}).code == 0);
    // Nothing else was left in the folder.
    CHECK(QDir(QFileInfo(b).absolutePath())
              .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)
              .size() == 2);
}

TEST_CASE("fwb copy refuses a bad source or destination and creates nothing", "[cli][copy]")
{
    test::Scratch dir;
    const QString a = dir.path(S("a.fwb"));
    REQUIRE(runFwb({S("init"), a}).code == 0);
    const QString text = dir.path(S("notes.txt"));
    {
        QFile f(text);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("not a workbench\n");
    }
    const QString out = dir.path(S("out.fwb"));

    Run r = runFwb({S("copy"), dir.path(S("missing.fwb")), out});
    CHECK(r.code != 0);
    CHECK(r.err.contains(S("missing.fwb")));
    r = runFwb({S("copy"), text, out});
    CHECK(r.code != 0);
    CHECK(r.err.contains(S("Not a workbench")));
    CHECK_FALSE(QFile::exists(out));

    // A destination that exists is left as it was.
    const QString other = dir.path(S("other.fwb"));
    REQUIRE(runFwb({S("init"), other}).code == 0);
    const QByteArray before = test::readFile(other);
    r = runFwb({S("copy"), a, other});
    CHECK(r.code != 0);
    CHECK(r.err.contains(S("already exists")));
    CHECK(test::readFile(other) == before);
    r = runFwb({S("copy"), a, dir.path(S("no/such/folder/x.fwb"))});
    CHECK(r.code != 0);
    CHECK(r.err.contains(S("No such folder")));
    r = runFwb({S("copy"), a, a});
    CHECK(r.code != 0);
    r = runFwb({S("copy"), a});
    CHECK(r.code == 2);
    // Nothing but what the test made is in the folder.
    CHECK(QDir(dir.path(S("."))).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{S("a.fwb"), S("notes.txt"), S("other.fwb")});
}

TEST_CASE("fwb copy killed part-way leaves no destination", "[cli][copy]")
{
    test::Scratch dir;
    const QString a = dir.path(S("a.fwb")), b = dir.path(S("b.fwb"));
    REQUIRE(runFwb({S("init"), a, S("--demo")}).code == 0);
    addFindings(a, 20000);
    QProcess p;
    p.start(QStringLiteral(FWB_BINARY), {S("copy"), a, b});
    REQUIRE(p.waitForStarted());
    QByteArray seen;
    QElapsedTimer clock;
    clock.start();
    while (!seen.contains("copying findings") && clock.elapsed() < 60000 &&
           p.state() == QProcess::Running) {
        p.waitForReadyRead(100);
        seen += p.readAllStandardOutput();
    }
    REQUIRE(seen.contains("copying findings"));
    p.kill();
    REQUIRE(p.waitForFinished(10000));
    CHECK_FALSE(QFile::exists(b));
    // Run again, the copy completes.
    const Run again = runFwb({S("copy"), S("--quiet"), a, b});
    INFO(again.err.toStdString());
    REQUIRE(again.code == 0);
    CHECK(digestOf(a) == digestOf(b));
}
