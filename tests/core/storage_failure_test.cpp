// A refused write changes nothing: a statement that fails inside a transaction fails all of it,
// nothing runs in autocommit after SQLite rolled back by itself, a damaged file opens read-only,
// read-only opens leave nothing beside the file, and an unchanged import does not grow it.

#include "coretest.h"

#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QFile>

using namespace fwb;
using namespace coretest;

namespace {

QString closedMaterialWorkbench(const test::Scratch& dir, const QString& name)
{
    const QString path = dir.path(name);
    {
        auto db = createMaterialWorkbench(path);
        QSqlQuery q(db->sql());
        REQUIRE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    REQUIRE_FALSE(exists(path + QStringLiteral("-wal")));
    return path;
}

// Overwrites one page of the search index's content with junk.
void damageSearchIndex(const QString& path)
{
    qint64 page = 0, pageSize = 0;
    {
        RawDb raw(path, SQLITE_OPEN_READWRITE); // closing it removes its -wal and -shm
        REQUIRE(raw.ok());
        pageSize = raw.integer(QStringLiteral("PRAGMA page_size"));
        page = raw.integer(
            QStringLiteral("SELECT max(pageno) FROM dbstat WHERE name = 'search_index_content'"));
    }
    REQUIRE(page > 1);
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadWrite));
    REQUIRE(f.seek((page - 1) * pageSize));
    REQUIRE(f.write(QByteArray(int(pageSize), 'Z')) == pageSize);
}

qint64 rawCount(const QString& path, const QString& sql)
{
    RawDb raw(path, SQLITE_OPEN_READWRITE); // closing it removes its -wal and -shm
    REQUIRE(raw.ok());
    return raw.integer(sql);
}

} // namespace

TEST_CASE("A statement that fails on a damaged page fails the whole transaction and commit names "
          "the damage",
          "[storage][transaction]")
{
    test::Scratch dir;
    const QString path = closedMaterialWorkbench(dir, QStringLiteral("damaged.fwb"));
    damageSearchIndex(path);
    const qint64 audit = rawCount(path, QStringLiteral("SELECT count(*) FROM audit_log"));
    OpenOptions skipCheck;
    skipCheck.quickCheckMs =
        0; // the check on open would refuse it; this tests the transaction guard
    {
        auto db = openWorkbench(path, skipCheck);
        Transaction t(*db);
        REQUIRE(t.active());
        QList<qint64> ids;
        {
            Query all(*db, QStringLiteral("SELECT id FROM findings ORDER BY id"));
            REQUIRE(all.exec());
            while (all.next())
                ids << all.integer(0);
        }
        REQUIRE(ids.size() > 3);
        int written = 0;
        Status failed;
        for (qint64 id : ids) {
            Query u(*db,
                    QStringLiteral("UPDATE findings SET text = text || ' edited' WHERE id = ?"));
            failed = u.exec({id});
            if (!failed)
                break;
            ++written;
        }
        REQUIRE_FALSE(failed.ok());
        INFO(failed.error().message.toStdString() << " after " << written);
        CHECK(failed.error().code == Error::Code::Damaged);
        CHECK(db->transactionFailure().has_value());
        // Nothing more runs: the next statement is refused, not run in autocommit.
        Query more(*db,
                   QStringLiteral("UPDATE findings SET text = 'after the failure' WHERE id = ?"));
        const Status after = more.exec({ids.front()});
        CHECK_FALSE(after.ok());
        Query log(*db, QStringLiteral("INSERT INTO audit_log(actor, action, entity, entity_key) "
                                      "VALUES ('x', 'y', 'z', 'k')"));
        CHECK_FALSE(log.exec().ok());
        const Status committed = t.commit();
        REQUIRE_FALSE(committed.ok());
        CHECK(committed.error().code == Error::Code::Damaged);
        CHECK_FALSE(committed.error().message.contains(QStringLiteral("no transaction is active")));
    }
    CHECK(rawCount(path, QStringLiteral("SELECT count(*) FROM findings WHERE text LIKE '% edited' "
                                        "OR text = 'after the failure'")) == 0);
    CHECK(rawCount(path, QStringLiteral("SELECT count(*) FROM audit_log")) == audit);
}

TEST_CASE("After SQLite rolled a transaction back by itself nothing commits on its own",
          "[storage][transaction]")
{
    test::Scratch dir;
    const QString path = closedMaterialWorkbench(dir, QStringLiteral("rolled-back.fwb"));
    const qint64 regions = rawCount(path, QStringLiteral("SELECT count(*) FROM regions"));
    {
        auto db = openWorkbench(path);
        Transaction t(*db);
        REQUIRE(t.active());
        // What SQLite does on a full disk or a damaged page: the transaction ends under the guard.
        REQUIRE(sqlite3_exec(db->handle(), "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
        Query viaQuery(*db,
                       QStringLiteral("INSERT INTO regions(code, name) VALUES ('one', 'One')"));
        CHECK_FALSE(viaQuery.exec().ok());
        // Even SQL that bypasses the query helper cannot commit while the guard lives.
        QSqlQuery raw(db->sql());
        CHECK_FALSE(
            raw.exec(QStringLiteral("INSERT INTO regions(code, name) VALUES ('two', 'Two')")));
        const Status committed = t.commit();
        REQUIRE_FALSE(committed.ok());
        CHECK_FALSE(committed.error().message.contains(QStringLiteral("no transaction is active")));
        CHECK(committed.error().message.contains(QStringLiteral("rolled back")));
    }
    CHECK(rawCount(path, QStringLiteral("SELECT count(*) FROM regions")) == regions);
    // Once the guard has gone, the connection works again.
    auto db = openWorkbench(path);
    Transaction t(*db);
    Query ok(*db, QStringLiteral("INSERT INTO regions(code, name) VALUES ('three', 'Three')"));
    REQUIRE(ok.exec().ok());
    REQUIRE(t.commit().ok());
    CHECK(count(*db, QStringLiteral("regions")) == regions + 1);
}

TEST_CASE(
    "A workbench with a damaged page opens read-only, says what is damaged and refuses every write",
    "[storage][open][damaged]")
{
    test::Scratch dir;
    const QString path = closedMaterialWorkbench(dir, QStringLiteral("damaged.fwb"));
    damageSearchIndex(path);
    const QByteArray before = bytesOf(path);
    {
        auto db = openWorkbench(path);
        CHECK(db->isReadOnly());
        CHECK_FALSE(db->damage().isEmpty());
        CHECK(db->damageWarning().startsWith(QStringLiteral("Damaged workbench")));
        CHECK(db->damageWarning().contains(QStringLiteral("fwb export")));
        CHECK(db->damageWarning().contains(QStringLiteral("backup")));
        CHECK(count(*db, QStringLiteral("forces")) == 3); // what can be read is read
        auto r = transfer::importJson(*db, test::readFile(materialFixture()),
                                      QStringLiteral("material.json"), kActor);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Damaged);
        CHECK_FALSE(r.error().isBadInput());
        CHECK(r.error().message.contains(path));
    }
    CHECK(bytesOf(path) == before);
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        CHECK_FALSE(exists(path + QLatin1String(suffix)));
}

TEST_CASE("A sound workbench passes the check on open and stays writable",
          "[storage][open][damaged]")
{
    test::Scratch dir;
    const QString path = closedMaterialWorkbench(dir, QStringLiteral("sound.fwb"));
    auto db = openWorkbench(path);
    CHECK_FALSE(db->isReadOnly());
    CHECK(db->damage().isEmpty());
    CHECK(db->damageWarning().isEmpty());
    CHECK(db->requireWritable().ok());
}

TEST_CASE("Reading a workbench read-only leaves no -wal or -shm beside a file that had none, "
          "and keeps another program's",
          "[storage][open][readonly]")
{
    test::Scratch dir;
    const QString path = closedMaterialWorkbench(dir, QStringLiteral("read.fwb"));
    const QByteArray before = bytesOf(path);
    OpenOptions ro;
    ro.readOnly = true;
    {
        auto db = openWorkbench(path, ro);
        CHECK(count(*db, QStringLiteral("findings")) > 0);
    }
    CHECK_FALSE(exists(path + QStringLiteral("-wal")));
    CHECK_FALSE(exists(path + QStringLiteral("-shm")));
    CHECK(bytesOf(path) == before);

    // While another program has it open, its files stay.
    RawDb other(path, SQLITE_OPEN_READWRITE);
    REQUIRE(other.ok());
    REQUIRE(other.integer(QStringLiteral("SELECT count(*) FROM regions")) > 0);
    REQUIRE(exists(path + QStringLiteral("-wal")));
    {
        auto db = openWorkbench(path, ro);
        CHECK(count(*db, QStringLiteral("regions")) > 0);
    }
    CHECK(exists(path + QStringLiteral("-wal")));
    CHECK(exists(path + QStringLiteral("-shm")));
    other.execOrFail(QStringLiteral("INSERT INTO regions(code, name) VALUES ('later', 'Later')"));
    CHECK(other.integer(QStringLiteral("SELECT count(*) FROM regions WHERE code = 'later'")) == 1);
}

TEST_CASE("Importing a workbench's own export changes nothing and does not grow the file",
          "[storage][import]")
{
    test::Scratch dir;
    const QString path = closedMaterialWorkbench(dir, QStringLiteral("same.fwb"));
    const qint64 sizeBefore = QFileInfo(path).size();
    QByteArray exported;
    {
        auto db = openWorkbench(path);
        auto bytes = transfer::exportJson(*db, {});
        REQUIRE(bytes.ok());
        exported = bytes.value();
        for (int round = 0; round < 3; ++round) {
            auto r = transfer::importJson(*db, exported, QStringLiteral("own.json"), kActor);
            REQUIRE(r.ok());
            CHECK(r->inserted == 0);
            CHECK(r->updated == 0);
        }
        auto again = transfer::exportJson(*db, {});
        REQUIRE(again.ok());
        CHECK(again.value() == exported);
    }
    CHECK_FALSE(exists(path + QStringLiteral("-wal")));
    CHECK(QFileInfo(path).size() == sizeBefore);
}
