// Opening files that are not sound workbenches: each is refused with its own code and a message
// naming the file, and the file is left byte-for-byte as it was. Read-only and locked files.

#include "coretest.h"

#include "core/storage/database.h"
#include "core/storage/draftrepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <random>

using namespace fwb;
using namespace coretest;

namespace {

const char* const kSidecars[] = {"-wal", "-shm", "-journal"};

// Opens path expecting refusal with `code`; checks the message names the file and the bytes are
// unchanged. With noSidecars, also that SQLite left no -wal, -shm or -journal beside it.
Error expectRefused(const QString& path, Error::Code code, bool noSidecars,
                    const OpenOptions& options = {})
{
    const bool existed = exists(path);
    const QByteArray before = bytesOf(path);
    auto db = Database::open(path, options);
    REQUIRE_FALSE(db.ok());
    const Error e = db.error();
    INFO("message: " << e.message.toStdString());
    CHECK(int(e.code) == int(code));
    CHECK(e.message.contains(QDir::toNativeSeparators(path)));
    CHECK(exists(path) == existed);
    CHECK(bytesOf(path) == before);
    if (noSidecars)
        for (const char* suffix : kSidecars) {
            INFO("sidecar " << suffix);
            CHECK_FALSE(exists(path + QLatin1String(suffix)));
        }
    return e;
}

// A real workbench, closed so that everything is folded into the main file.
QString closedWorkbench(const test::Scratch& dir, const QString& name)
{
    const QString path = dir.path(name);
    {
        auto db = createReferenceWorkbench(path);
        QSqlQuery q(db->sql());
        REQUIRE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    for (const char* suffix : kSidecars)
        REQUIRE_FALSE(exists(path + QLatin1String(suffix)));
    return path;
}

QByteArray garbage(qsizetype n, unsigned seed)
{
    std::mt19937 rng(seed);
    QByteArray out(n, '\0');
    for (char& c : out)
        c = char(rng() & 0xff);
    return out;
}

const QByteArray kMagic("SQLite format 3\0", 16);

} // namespace

TEST_CASE("Opening a missing file is refused with NotFound and creates nothing", "[storage][open]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("nothing-here.fwb"));
    const Error e = expectRefused(path, Error::Code::NotFound, true);
    CHECK(e.message.startsWith(QStringLiteral("No such file")));
    CHECK_FALSE(exists(path));
}

TEST_CASE("Opening a text file is refused with NotSqlite", "[storage][open]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("notes.fwb"));
    test::writeFile(path, "These are my notes, not a database.\nSecond line.\n");
    const Error e = expectRefused(path, Error::Code::NotSqlite, true);
    CHECK(e.message.startsWith(QStringLiteral("Not a workbench")));
    CHECK(e.message.contains(QStringLiteral("not an SQLite database")));

    // A text file longer than a page, too.
    const QString big = dir.path(QStringLiteral("big.fwb"));
    test::writeFile(big, QByteArray("lorem ipsum dolor sit amet ").repeated(400));
    expectRefused(big, Error::Code::NotSqlite, true);
}

TEST_CASE("Opening an empty file is refused with NotWorkbench", "[storage][open]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("empty.fwb"));
    test::writeFile(path, QByteArray());
    REQUIRE(QFileInfo(path).size() == 0);
    const Error e = expectRefused(path, Error::Code::NotWorkbench, true);
    CHECK(e.message.startsWith(QStringLiteral("Not a workbench")));
    CHECK(QFileInfo(path).size() == 0);
}

TEST_CASE("Opening the SQLite database of another program is refused with NotWorkbench",
          "[storage][open]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("other-program.db"));
    {
        RawDb raw(path);
        REQUIRE(raw.ok());
        raw.execOrFail(QStringLiteral("CREATE TABLE contacts(name TEXT, phone TEXT);"
                                      "INSERT INTO contacts VALUES ('Ann', '0123');"));
    }
    const Error e = expectRefused(path, Error::Code::NotWorkbench, true);
    CHECK(e.message.startsWith(QStringLiteral("Not a workbench")));
    CHECK(e.message.contains(QStringLiteral("another program")));
}

TEST_CASE(
    "Opening another program's SQLite database in WAL mode is refused and leaves nothing beside it",
    "[storage][open]")
{
    test::Scratch dir;
    const QString wal = dir.path(QStringLiteral("other-wal.db"));
    {
        RawDb raw(wal);
        REQUIRE(raw.ok());
        raw.execOrFail(QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA user_version=1;"
                                      "CREATE TABLE t(x); INSERT INTO t VALUES (1);"));
    }
    REQUIRE_FALSE(exists(wal + QStringLiteral("-wal")));
    REQUIRE_FALSE(exists(wal + QStringLiteral("-shm")));
    const Error e = expectRefused(wal, Error::Code::NotWorkbench, true);
    CHECK(e.message.contains(QStringLiteral("another program")));
}

TEST_CASE("Opening a workbench written by a newer version is refused with NewerSchema",
          "[storage][open]")
{
    test::Scratch dir;
    const QString path = closedWorkbench(dir, QStringLiteral("newer.fwb"));
    const int newer = Database::latestVersion() + 1;
    {
        RawDb raw(path);
        REQUIRE(raw.ok());
        raw.execOrFail(QStringLiteral("PRAGMA user_version=%1").arg(newer));
    }
    REQUIRE_FALSE(exists(path + QStringLiteral("-wal")));
    const Error e = expectRefused(path, Error::Code::NewerSchema, false);
    CHECK(e.message.startsWith(QStringLiteral("Newer workbench")));
    CHECK(e.message.contains(QStringLiteral("schema version %1").arg(newer)));
    CHECK(e.message.contains(QStringLiteral("reads up to %1").arg(Database::latestVersion())));
    RawDb check(path, SQLITE_OPEN_READONLY);
    CHECK(check.integer(QStringLiteral("PRAGMA user_version")) == newer);
}

TEST_CASE("Opening a truncated workbench is refused with Truncated", "[storage][open]")
{
    test::Scratch dir;
    const QString whole = closedWorkbench(dir, QStringLiteral("whole.fwb"));
    const QByteArray bytes = bytesOf(whole);
    REQUIRE(bytes.size() >= 4 * 512);
    REQUIRE(bytes.startsWith(kMagic));

    SECTION("cut to half its size")
    {
        const QString path = dir.path(QStringLiteral("half.fwb"));
        test::writeFile(path, bytes.left(bytes.size() / 2));
        const Error e = expectRefused(path, Error::Code::Truncated, false);
        CHECK(e.message.startsWith(QStringLiteral("Damaged workbench")));
        CHECK(e.message.contains(QStringLiteral("truncated")));
    }
    SECTION("cut to a whole number of pages, one page short")
    {
        const int pageSize = (quint8(bytes[16]) << 8) | quint8(bytes[17]);
        REQUIRE(bytes.size() % pageSize == 0);
        const QString path = dir.path(QStringLiteral("short.fwb"));
        test::writeFile(path, bytes.left(bytes.size() - pageSize));
        expectRefused(path, Error::Code::Truncated, false);
    }
    SECTION("cut to 60 bytes, inside the header")
    {
        const QString path = dir.path(QStringLiteral("sixty.fwb"));
        test::writeFile(path, bytes.left(60));
        const Error e = expectRefused(path, Error::Code::Truncated, true);
        CHECK(e.message.contains(QStringLiteral("truncated")));
    }
}

TEST_CASE("Opening a garbage file that starts with the SQLite header is refused as damaged",
          "[storage][open]")
{
    test::Scratch dir;
    auto refusedAsDamaged = [](const Error& e) {
        INFO("code " << int(e.code) << ": " << e.message.toStdString());
        CHECK((e.code == Error::Code::Damaged || e.code == Error::Code::Truncated));
        CHECK(e.message.startsWith(QStringLiteral("Damaged workbench")));
    };
    SECTION("magic, then random bytes")
    {
        const QString path = dir.path(QStringLiteral("garbage.fwb"));
        test::writeFile(path, kMagic + garbage(8192 - 16, 1234));
        refusedAsDamaged(expectRefused(path, Error::Code::Damaged, true));
    }
    SECTION("magic and a plausible rollback-journal header, then random pages")
    {
        // Page size 4096, file format 1/1, no reserved bytes, payload fractions 64/32/32,
        // change counter 1, four pages, version-valid-for 1: a header SQLite accepts.
        QByteArray header = kMagic;
        header += QByteArray::fromHex("1000"
                                      "01"
                                      "01"
                                      "00"
                                      "40"
                                      "20"
                                      "20"
                                      "00000001"
                                      "00000004");
        header += QByteArray(100 - header.size(), '\0');
        header[92 + 3] = 1; // version-valid-for
        header[96] = 0x00;  // SQLITE_VERSION_NUMBER 3038005
        header[97] = 0x2e;
        header[98] = 0x5b;
        header[99] = 0x35;
        const QString path = dir.path(QStringLiteral("garbage-pages.fwb"));
        test::writeFile(path, header + garbage(4 * 4096 - 100, 99));
        const Error e = expectRefused(path, Error::Code::Damaged, true);
        refusedAsDamaged(e);
    }
}

TEST_CASE("A file without owner-write permission opens read-only and refuses every change",
          "[storage][open][readonly]")
{
    test::Scratch dir;
    const QString path = closedWorkbench(dir, QStringLiteral("locked-down.fwb"));
    REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = bytesOf(path);
    {
        auto opened = Database::open(path);
        INFO((opened ? QString() : opened.error().message).toStdString());
        REQUIRE(opened.ok());
        Database& db = *opened.value();
        CHECK(db.isReadOnly());
        CHECK_FALSE(db.readOnlyReason().isEmpty());
        CHECK(db.schemaVersion() == Database::latestVersion());
        CHECK(count(db, QStringLiteral("forces")) == 3); // reading works

        const Status writable = db.requireWritable();
        CHECK_FALSE(writable.ok());
        if (!writable.ok())
            CHECK(writable.error().code == Error::Code::ReadOnly);

        auto json = transfer::importJson(db, test::readFile(materialFixture()),
                                         QStringLiteral("material.json"), kActor);
        CHECK_FALSE(json.ok());
        if (!json.ok()) {
            CHECK(json.error().code == Error::Code::ReadOnly);
            CHECK(json.error().message.startsWith(QStringLiteral("Read-only workbench")));
            CHECK(json.error().message.contains(path));
        }

        auto csv = transfer::importJudgmentsCsv(
            db, "force,programme,question,grade,summary\nlancashire,peel-test-2015,Q1,good,Fine.\n",
            QStringLiteral("j.csv"), kActor);
        CHECK_FALSE(csv.ok());
        if (!csv.ok())
            CHECK(csv.error().code == Error::Code::ReadOnly);

        CHECK(count(db, QStringLiteral("judgments")) == 0);
    }
    CHECK(bytesOf(path) == before);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

TEST_CASE("OpenOptions::readOnly opens a writable workbench read-only", "[storage][open][readonly]")
{
    test::Scratch dir;
    const QString path = closedWorkbench(dir, QStringLiteral("asked.fwb"));
    const QByteArray before = bytesOf(path);
    OpenOptions options;
    options.readOnly = true;
    {
        auto db = openWorkbench(path, options);
        CHECK(db->isReadOnly());
        CHECK_FALSE(db->readOnlyReason().isEmpty());
        auto r = transfer::importJson(*db, test::readFile(materialFixture()),
                                      QStringLiteral("material.json"), kActor);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::ReadOnly);
        // Even SQL that bypasses the services cannot write.
        QSqlQuery q(db->sql());
        CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM forces")));
    }
    CHECK(bytesOf(path) == before);
}

TEST_CASE(
    "A workbench whose write lock another program holds is refused as busy after the timeout, "
    "and opens once the lock is released",
    "[storage][open][busy]")
{
    test::Scratch dir;
    const QString path = closedWorkbench(dir, QStringLiteral("busy.fwb"));
    RawDb other(path, SQLITE_OPEN_READWRITE);
    REQUIRE(other.ok());
    REQUIRE(other.text(QStringLiteral("PRAGMA journal_mode")) == QStringLiteral("wal"));
    other.execOrFail(QStringLiteral("BEGIN EXCLUSIVE"));
    other.execOrFail(
        QStringLiteral("INSERT INTO regions(code, name) VALUES ('elsewhere', 'Elsewhere')"));

    OpenOptions options{false, 200};
    QElapsedTimer timer;
    timer.start();
    auto db = Database::open(path, options);
    const qint64 waited = timer.elapsed();
    REQUIRE_FALSE(db.ok());
    INFO("message: " << db.error().message.toStdString() << "; waited " << waited << " ms");
    CHECK(db.error().code == Error::Code::Busy);
    CHECK(db.error().message.contains(QStringLiteral("being written by another program")));
    CHECK(db.error().message.contains(path));
    CHECK(waited >= 150);

    other.execOrFail(QStringLiteral("COMMIT"));
    other.close();

    auto reopened = Database::open(path, options);
    INFO((reopened ? QString() : reopened.error().message).toStdString());
    REQUIRE(reopened.ok());
    CHECK(scalar(*reopened.value(),
                 QStringLiteral("SELECT count(*) FROM regions WHERE code = 'elsewhere'"))
              .toInt() == 1);
}
