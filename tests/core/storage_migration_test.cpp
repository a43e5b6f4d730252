// Schema creation and upgrade: a new workbench carries the latest schema; an older one is backed
// up beside itself, then migrated, and its existing material is indexed for search.

#include "coretest.h"

#include "core/storage/database.h"

#include <QDir>
#include <QFile>

using namespace fwb;
using namespace coretest;

TEST_CASE("Database::create builds the latest schema from empty", "[storage][migration]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("fresh.fwb"));
    auto db = createWorkbench(path);

    // The number of migrations bundled is the latest version.
    const QStringList scripts = QDir(QStringLiteral(":/migrations"))
                                    .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    REQUIRE_FALSE(scripts.isEmpty());
    CHECK(Database::latestVersion() == scripts.size());
    CHECK(Database::latestVersion() == scripts.last().left(4).toInt());

    CHECK(db->schemaVersion() == Database::latestVersion());
    CHECK(scalar(*db, QStringLiteral("PRAGMA user_version")).toInt() == Database::latestVersion());
    CHECK(scalar(*db, QStringLiteral("PRAGMA application_id")).toInt() == Database::ApplicationId);
    CHECK(scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(scalar(*db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(db->integrityCheck() == QStringLiteral("ok"));
    CHECK_FALSE(db->isReadOnly());
    CHECK(db->backupPath().isEmpty());

    const QStringList tables{QStringLiteral("workbench_info"),
                             QStringLiteral("regions"),
                             QStringLiteral("people"),
                             QStringLiteral("forces"),
                             QStringLiteral("grade_scales"),
                             QStringLiteral("grades"),
                             QStringLiteral("programmes"),
                             QStringLiteral("questions"),
                             QStringLiteral("judgments"),
                             QStringLiteral("findings"),
                             QStringLiteral("evidence_samples"),
                             QStringLiteral("evidence_strata"),
                             QStringLiteral("evidence_measures"),
                             QStringLiteral("finding_evidence"),
                             QStringLiteral("metrics"),
                             QStringLiteral("documents"),
                             QStringLiteral("document_sections"),
                             QStringLiteral("revisions"),
                             QStringLiteral("review_notes"),
                             QStringLiteral("fa_responses"),
                             QStringLiteral("audit_log"),
                             QStringLiteral("search_index")};
    for (const QString& t : tables) {
        INFO("table " << t.toStdString());
        CHECK(scalar(*db,
                     QStringLiteral(
                         "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"),
                     {t})
                  .toInt() == 1);
    }

    // One audit row per migration applied, in order, and nothing else yet.
    QSqlQuery q(db->sql());
    REQUIRE(q.exec(QStringLiteral(
        "SELECT actor, action, entity, entity_key, after FROM audit_log ORDER BY id")));
    int n = 0;
    while (q.next()) {
        ++n;
        INFO("audit row " << n);
        CHECK(q.value(1).toString() == QStringLiteral("migrate"));
        CHECK(q.value(2).toString() == QStringLiteral("schema"));
        CHECK(q.value(3).toString() == QString::number(n));
        CHECK(q.value(4).toString() == scripts.value(n - 1));
        CHECK_FALSE(q.value(0).toString().isEmpty());
    }
    CHECK(n == Database::latestVersion());
}

TEST_CASE("Database::create refuses an existing path and leaves no temporary files",
          "[storage][migration]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("taken.fwb"));
    test::writeFile(path, "something already here");
    auto db = Database::create(path);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == Error::Code::Conflict);
    CHECK(bytesOf(path) == QByteArray("something already here"));

    // A populate step that fails leaves nothing behind.
    const QString other = dir.path(QStringLiteral("other.fwb"));
    auto failed = Database::create(other, [](Database&) -> Status {
        return Error::make(Error::Code::Invalid, QStringLiteral("populate failed"));
    });
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().message == QStringLiteral("populate failed"));
    CHECK_FALSE(exists(other));
    CHECK(QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden) ==
          QStringList{QStringLiteral("taken.fwb")});
}

namespace {

// Builds a version-1 workbench by hand: the first migration only, as an older build wrote it.
void buildVersion1(const QString& path)
{
    QFile script(QStringLiteral(":/migrations/0001_initial.sql"));
    REQUIRE(script.open(QIODevice::ReadOnly));
    const QString sql = QString::fromUtf8(script.readAll());
    RawDb raw(path);
    REQUIRE(raw.ok());
    raw.execOrFail(QStringLiteral("PRAGMA application_id=%1").arg(Database::ApplicationId));
    raw.execOrFail(QStringLiteral("BEGIN"));
    raw.execOrFail(sql);
    raw.execOrFail(QStringLiteral("PRAGMA user_version=1"));
    raw.execOrFail(QStringLiteral(
        "INSERT INTO regions(id, code, name) VALUES (1, 'north-west', 'North West');"
        "INSERT INTO forces(id, code, name, short_name, region_id, style) "
        "  VALUES (1, 'lancashire', 'Lancashire Constabulary', 'Lancashire', 1, 'constabulary');"
        "INSERT INTO grade_scales(id, code, name) VALUES (1, 'peel-four-point', 'PEEL');"
        "INSERT INTO grades(id, scale_id, code, label, rank) VALUES (1, 1, 'good', 'Good', 1);"
        "INSERT INTO programmes(id, code, title, year, kind, grade_scale_id) "
        "  VALUES (1, 'peel-test-2015', 'Test', 2015, 'peel', 1);"
        "INSERT INTO questions(id, programme_id, code, position, text, graded) "
        "  VALUES (1, 1, 'Q1', 1, 'How effective is the force?', 1);"
        "INSERT INTO findings(id, uid, force_id, question_id, kind, position, text) "
        "  VALUES (7, 'old-f-1', 1, 1, 'strength', 1, 'Partnership working is quixotically "
        "thorough.');"
        "INSERT INTO findings(id, uid, force_id, question_id, kind, position, text) "
        "  VALUES (9, 'old-f-2', 1, 1, 'observation', 2, 'Another finding about zebras.');"
        "INSERT INTO judgments(id, force_id, question_id, grade_id, summary) "
        "  VALUES (3, 1, 1, 1, 'The summary mentions marmalade.');"));
    raw.execOrFail(QStringLiteral("COMMIT"));
    REQUIRE(raw.integer(QStringLiteral("PRAGMA user_version")) == 1);
}

} // namespace

TEST_CASE(
    "Opening a version-1 workbench backs it up beside itself, migrates it and indexes its material",
    "[storage][migration]")
{
    REQUIRE(Database::latestVersion() > 1);
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("old.fwb"));
    buildVersion1(path);
    auto db = openWorkbench(path);
    CHECK(db->schemaVersion() == Database::latestVersion());
    CHECK(scalar(*db, QStringLiteral("PRAGMA user_version")).toInt() == Database::latestVersion());
    CHECK(scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(db->integrityCheck() == QStringLiteral("ok"));

    // The backup: NAME.fwb.v1.bak in the same folder.
    const QString backup = db->backupPath();
    REQUIRE_FALSE(backup.isEmpty());
    CHECK(backup.endsWith(QStringLiteral(".v1.bak")));
    CHECK(QFileInfo(backup).fileName() == QStringLiteral("old.fwb.v1.bak"));
    CHECK(QFileInfo(backup).absolutePath() == QFileInfo(path).absolutePath());
    REQUIRE(exists(backup));
    {
        RawDb old(backup, SQLITE_OPEN_READONLY);
        REQUIRE(old.ok());
        CHECK(old.integer(QStringLiteral("PRAGMA user_version")) == 1);
        CHECK(old.integer(QStringLiteral("PRAGMA application_id")) == Database::ApplicationId);
        CHECK(old.text(QStringLiteral("SELECT text FROM findings WHERE uid = 'old-f-1'")) ==
              QStringLiteral("Partnership working is quixotically thorough."));
        CHECK(old.integer(QStringLiteral(
                  "SELECT count(*) FROM sqlite_schema WHERE name = 'search_index'")) == 0);
        CHECK(old.text(QStringLiteral("PRAGMA integrity_check")) == QStringLiteral("ok"));
    }
    CHECK(exists(path));

    // Existing rows survived and were indexed by the search migration.
    CHECK(count(*db, QStringLiteral("findings")) == 2);
    auto match = [&](const QString& word) {
        return scalar(
                   *db,
                   QStringLiteral(
                       "SELECT group_concat(rowid) FROM search_index WHERE search_index MATCH ?"),
                   {word})
            .toString();
    };
    CHECK(match(QStringLiteral("quixotically")) == QString::number(7 * 4 + 1));
    CHECK(match(QStringLiteral("zebras")) == QString::number(9 * 4 + 1));
    CHECK(match(QStringLiteral("marmalade")) == QString::number(3 * 4 + 2));

    // The migrations applied are in the audit log; version 1's was not applied here.
    for (int v = 2; v <= Database::latestVersion(); ++v) {
        INFO("migration " << v);
        CHECK(scalar(
                  *db,
                  QStringLiteral(
                      "SELECT count(*) FROM audit_log WHERE action = 'migrate' AND entity_key = ?"),
                  {QString::number(v)})
                  .toInt() == 1);
    }
    CHECK(
        scalar(*db,
               QStringLiteral(
                   "SELECT count(*) FROM audit_log WHERE action = 'migrate' AND entity_key = '1'"))
            .toInt() == 0);

    // Opening again migrates nothing and takes no second backup.
    db.reset();
    auto again = openWorkbench(path);
    CHECK(again->backupPath().isEmpty());
    CHECK(again->schemaVersion() == Database::latestVersion());
    CHECK(QDir(dir.path(QString())).entryList({QStringLiteral("*.bak")}, QDir::Files).size() == 1);
}

TEST_CASE("A read-only version-1 workbench is refused rather than opened unmigrated",
          "[storage][migration]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("old.fwb"));
    buildVersion1(path);
    const QByteArray before = bytesOf(path);
    OpenOptions ro;
    ro.readOnly = true;
    auto db = Database::open(path, ro);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == Error::Code::ReadOnly);
    CHECK(db.error().message.contains(path));
    CHECK(bytesOf(path) == before);
    CHECK_FALSE(exists(path + QStringLiteral(".v1.bak")));
}
