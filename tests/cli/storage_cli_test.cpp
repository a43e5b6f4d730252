// Damaged and read-only workbenches through the fwb command, as processes: a damaged file is
// reported and never written; a folder that cannot be written opens read-only as an ordinary user.

#include "clitest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <catch2/catch.hpp>
#include <unistd.h>

using namespace fwb;
using namespace fwb::clitest;

namespace {

QByteArray digest(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

qint64 sqlCount(const QString& path, const QString& sql)
{
    const QString name = QUuid::createUuid().toString();
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        // Read-write, so that closing removes the -wal and -shm it made.
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(sql));
        REQUIRE(q.next());
        n = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

// Runs fwb as an ordinary user: as nobody when the tests run as root (root writes anywhere).
Run runUnprivileged(const QStringList& args)
{
    QProcess p;
    if (geteuid() == 0)
        p.start(S("setpriv"), QStringList{S("--reuid=nobody"), S("--regid=nogroup"),
                                          S("--clear-groups"), S(FWB_BINARY)} +
                                  args);
    else
        p.start(S(FWB_BINARY), args);
    REQUIRE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// A demo workbench with one page of the search index overwritten with junk.
QString damagedDemo(const test::Scratch& dir)
{
    const QString file = dir.path(S("damaged.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    const qint64 page =
        sqlCount(file, S("SELECT max(pageno) FROM dbstat WHERE name = 'search_index_content'"));
    REQUIRE(page > 1);
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadWrite));
    REQUIRE(f.seek((page - 1) * 4096));
    REQUIRE(f.write(QByteArray(4096, 'Z')) == 4096);
    return file;
}

} // namespace

TEST_CASE("fwb info and import on a workbench with a damaged page: reported, exit 1 for the write, "
          "nothing written",
          "[cli][damaged]")
{
    test::Scratch dir;
    const QString good = dir.path(S("good.fwb"));
    REQUIRE(runFwb({S("init"), good, S("--demo")}).code == 0);
    const QString exported = dir.path(S("edited.json"));
    REQUIRE(runFwb({S("export"), good, S("--format"), S("json"), S("-o"), exported}).code == 0);
    {
        QFile f(exported);
        REQUIRE(f.open(QIODevice::ReadOnly));
        QByteArray json = f.readAll();
        json.replace("\"text\": \"", "\"text\": \"Edited. ");
        f.close();
        test::writeFile(exported, json);
    }
    const QString file = damagedDemo(dir);
    const QByteArray before = digest(file);
    const qint64 audit = sqlCount(file, S("SELECT count(*) FROM audit_log"));

    const Run info = runFwb({S("info"), file});
    CHECK(info.code == 0);
    CHECK(info.out.contains(S("damaged: ")));
    CHECK(info.err.contains(S("Damaged workbench")));

    const Run import = runFwb({S("import"), file, exported});
    INFO(import.err.toStdString());
    CHECK(import.code == 1);
    CHECK(import.err.startsWith(S("fwb: Damaged workbench")));
    CHECK(import.err.contains(S("fwb export")));
    CHECK_FALSE(import.err.contains(S("no transaction is active")));
    CHECK(digest(file) == before);
    CHECK(sqlCount(file, S("SELECT count(*) FROM findings WHERE text LIKE 'Edited. %'")) == 0);
    CHECK(sqlCount(file, S("SELECT count(*) FROM audit_log")) == audit);
    CHECK_FALSE(QFileInfo::exists(file + S("-wal")));
}

TEST_CASE("fwb info and export leave no -wal or -shm, and importing the own export does not grow "
          "the file",
          "[cli][readonly]")
{
    test::Scratch dir;
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    const qint64 size = QFileInfo(file).size();
    const QString json = dir.path(S("own.json"));
    REQUIRE(runFwb({S("info"), file}).code == 0);
    REQUIRE(runFwb({S("export"), file, S("--format"), S("json"), S("-o"), json}).code == 0);
    CHECK_FALSE(QFileInfo::exists(file + S("-wal")));
    CHECK_FALSE(QFileInfo::exists(file + S("-shm")));
    const Run import = runFwb({S("import"), file, json});
    CHECK(import.code == 0);
    CHECK(import.out.contains(S("0 added, 0 updated")));
    CHECK(QFileInfo(file).size() == size);
}

TEST_CASE("A workbench in a folder an ordinary user cannot write opens read-only, with and without "
          "-wal/-shm",
          "[cli][readonly]")
{
    test::Scratch dir;
    QFile::setPermissions(dir.path(S("")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                               QFile::ReadGroup | QFile::ExeGroup |
                                               QFile::ReadOther | QFile::ExeOther);
    const QString folder = dir.path(S("shared"));
    REQUIRE(QDir().mkpath(folder));
    const QString plain = folder + S("/plain.fwb");
    REQUIRE(runFwb({S("init"), plain, S("--demo")}).code == 0);
    // A copy with a log beside it holding a committed change, as a program that stopped left it.
    const QString logged = folder + S("/logged.fwb");
    REQUIRE(QFile::copy(plain, logged));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), S("writer"));
        db.setDatabaseName(logged);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(S("PRAGMA wal_autocheckpoint=0")));
        REQUIRE(
            q.exec(S("INSERT INTO regions(code, name) VALUES ('only-in-log', 'Only in the log')")));
        REQUIRE(QFile::copy(logged + S("-wal"), folder + S("/keep-wal")));
        REQUIRE(QFile::copy(logged + S("-shm"), folder + S("/keep-shm")));
    }
    QSqlDatabase::removeDatabase(S("writer"));
    QFile::remove(logged + S("-wal"));
    QFile::remove(logged + S("-shm"));
    REQUIRE(QFile::rename(folder + S("/keep-wal"), logged + S("-wal")));
    REQUIRE(QFile::rename(folder + S("/keep-shm"), logged + S("-shm")));
    const auto readable =
        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    for (const QString& f : QStringList{plain, logged, logged + S("-wal"), logged + S("-shm")})
        REQUIRE(QFile::setPermissions(f, readable));
    REQUIRE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                              QFile::ExeGroup | QFile::ReadOther |
                                              QFile::ExeOther));
    const QByteArray plainBefore = digest(plain);

    for (const QString& file : QStringList{plain, logged}) {
        INFO(file.toStdString());
        const Run info = runUnprivileged({S("info"), file});
        INFO(info.err.toStdString());
        CHECK(info.code == 0);
        CHECK_FALSE(info.err.contains(S("attempt to write")));
        CHECK(info.out.contains(S("forces: 43")));
        const Run exported = runUnprivileged({S("export"), file, S("--format"), S("json")});
        CHECK(exported.code == 0);
        CHECK(exported.out.contains(S("\"forces\"")));
        CHECK(exported.out.contains(S("only-in-log")) == (file == logged));
        const Run import = runUnprivileged({S("import"), file, S("/dev/null")});
        CHECK(import.code == 3);
        CHECK(import.err.contains(S("Read-only workbench")));
    }
    CHECK(digest(plain) == plainBefore);
    CHECK_FALSE(QFileInfo::exists(plain + S("-wal")));
    CHECK_FALSE(QFileInfo::exists(plain + S("-shm")));
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}
