// The audit log records every change an import makes; the full-text search index follows the
// findings it covers; two connections to one file see each other's committed writes.

#include "core/storage/searchindex.h"
#include "coretest.h"

#include "core/storage/documentrepository.h"
#include "core/storage/draftrepository.h"

using namespace fwb;
using namespace coretest;

namespace {

QByteArray findingsDoc(const QString& f2Text)
{
    QJsonObject evidence{{QStringLiteral("uid"), QStringLiteral("audit-e-1")},
                         {QStringLiteral("programme"), kProgramme},
                         {QStringLiteral("force"), QStringLiteral("lancashire")},
                         {QStringLiteral("label"), QStringLiteral("Files")},
                         {QStringLiteral("method"), QStringLiteral("file_review")},
                         {QStringLiteral("sample_size"), 10}};
    auto finding = [](const QString& uid, const QString& question, const QString& text,
                      const QJsonArray& ev) {
        return QJsonObject{{QStringLiteral("uid"), uid},
                           {QStringLiteral("programme"), kProgramme},
                           {QStringLiteral("force"), QStringLiteral("lancashire")},
                           {QStringLiteral("question"), question},
                           {QStringLiteral("kind"), QStringLiteral("area_for_improvement")},
                           {QStringLiteral("position"), 1},
                           {QStringLiteral("text"), text},
                           {QStringLiteral("evidence"), ev}};
    };
    QJsonObject judgment{{QStringLiteral("programme"), kProgramme},
                         {QStringLiteral("force"), QStringLiteral("lancashire")},
                         {QStringLiteral("question"), QStringLiteral("Q1")},
                         {QStringLiteral("grade"), QStringLiteral("good")},
                         {QStringLiteral("summary"), QStringLiteral("Good at preventing crime.")}};
    QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("findings-workbench")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("evidence"), QJsonArray{evidence}},
        {QStringLiteral("judgments"), QJsonArray{judgment}},
        {QStringLiteral("findings"),
         QJsonArray{
             finding(QStringLiteral("audit-f-1"), QStringLiteral("Q1"),
                     QStringLiteral("First finding."), QJsonArray{QStringLiteral("audit-e-1")}),
             finding(QStringLiteral("audit-f-2"), QStringLiteral("Q2"), f2Text, QJsonArray{})}}};
    return QJsonDocument(root).toJson();
}

QJsonObject parseObject(const QString& json)
{
    return jsonObject(json.toUtf8());
}

// rowids of the search index rows that match a query, in order.
QList<qint64> searchRows(const Database& db, const QString& query)
{
    // Through the index's own statement, which a team workbench runs as a tsquery.
    auto found = SearchIndex(db).newestMatchesEverywhere(query, 1000000);
    INFO(query.toStdString());
    REQUIRE(found);
    QList<qint64> out;
    for (const SearchIndex::Candidate& c : *found)
        out << c.rowid;
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("An import writes one audit entry per changed record with actor, action and before/after",
          "[audit][import]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    AuditLog audit(*db);
    const qint64 start = audit.count();
    const qint64 lastId = scalar(*db, QStringLiteral("SELECT max(id) FROM audit_log")).toLongLong();

    auto first = transfer::importJson(*db, findingsDoc(QStringLiteral("The old wording.")),
                                      QStringLiteral("a.json"), QStringLiteral("alice"));
    REQUIRE(first.ok());
    CHECK(first->inserted == 4);
    CHECK(audit.count() == start + 4);

    QList<AuditEntry> added;
    for (const AuditEntry& e : audit.entries())
        if (e.id > lastId)
            added << e;
    REQUIRE(added.size() == 4);
    QMultiMap<QString, QString> keys; // entity -> key
    for (const AuditEntry& e : added) {
        INFO("entry " << e.entity.toStdString() << " " << e.entityKey.toStdString());
        CHECK(e.actor == QStringLiteral("alice"));
        CHECK(e.action == QStringLiteral("insert"));
        CHECK(e.before.isEmpty());
        CHECK(
            scalar(*db, QStringLiteral("SELECT before IS NULL FROM audit_log WHERE id = ?"), {e.id})
                .toInt() == 1);
        const QJsonObject after = parseObject(e.after);
        CHECK_FALSE(after.isEmpty());
        CHECK_FALSE(e.at.isEmpty());
        if (e.entity == QStringLiteral("finding") || e.entity == QStringLiteral("evidence"))
            CHECK(after.value(QStringLiteral("uid")).toString() == e.entityKey);
        keys.insert(e.entity, e.entityKey);
    }
    CHECK(keys.values(QStringLiteral("finding")).size() == 2);
    CHECK(keys.values(QStringLiteral("evidence")) == QStringList{QStringLiteral("audit-e-1")});
    CHECK(keys.values(QStringLiteral("judgment")) ==
          QStringList{kProgramme + QStringLiteral("/lancashire/Q1")});

    // Change one finding's text: one update entry, the others unchanged and unrecorded.
    auto second = transfer::importJson(*db, findingsDoc(QStringLiteral("The new wording.")),
                                       QStringLiteral("b.json"), QStringLiteral("bob"));
    REQUIRE(second.ok());
    CHECK(second->inserted == 0);
    CHECK(second->updated == 1);
    CHECK(second->unchanged == 3);
    CHECK(audit.count() == start + 5);
    const QList<AuditEntry> latest = audit.entries(QString(), QString(), 1);
    REQUIRE(latest.size() == 1);
    const AuditEntry& u = latest.front();
    CHECK(u.actor == QStringLiteral("bob"));
    CHECK(u.action == QStringLiteral("update"));
    CHECK(u.entity == QStringLiteral("finding"));
    CHECK(u.entityKey == QStringLiteral("audit-f-2"));
    CHECK(parseObject(u.before).value(QStringLiteral("text")).toString() ==
          QStringLiteral("The old wording."));
    CHECK(parseObject(u.after).value(QStringLiteral("text")).toString() ==
          QStringLiteral("The new wording."));
    CHECK(audit.entries(QStringLiteral("finding"), QStringLiteral("audit-f-2")).size() == 2);
}

TEST_CASE("The search index follows a finding through insert, update and delete",
          "[search][storage]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    REQUIRE(transfer::importJson(
                *db, findingsDoc(QStringLiteral("Officers praised the xylophonist downtown.")),
                QStringLiteral("a.json"), kActor)
                .ok());
    const qint64 id =
        scalar(*db, QStringLiteral("SELECT id FROM findings WHERE uid = 'audit-f-2'")).toLongLong();
    REQUIRE(id > 0);
    CHECK(searchRows(*db, QStringLiteral("xylophonist")) == QList<qint64>{id * 4 + 1});

    REQUIRE(transfer::importJson(
                *db, findingsDoc(QStringLiteral("Officers praised the saxophonist uptown.")),
                QStringLiteral("b.json"), kActor)
                .ok());
    CHECK(scalar(*db, QStringLiteral("SELECT id FROM findings WHERE uid = 'audit-f-2'"))
              .toLongLong() == id);
    CHECK(searchRows(*db, QStringLiteral("xylophonist")).isEmpty());
    CHECK(searchRows(*db, QStringLiteral("downtown")).isEmpty());
    CHECK(searchRows(*db, QStringLiteral("saxophonist")) == QList<qint64>{id * 4 + 1});

    {
        QSqlQuery q(db->sql());
        REQUIRE(q.prepare(QStringLiteral("DELETE FROM findings WHERE id = ?")));
        q.addBindValue(id);
        REQUIRE(q.exec());
    }
    CHECK(searchRows(*db, QStringLiteral("saxophonist")).isEmpty());
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM search_index WHERE rowid = ?"),
                 {id * 4 + 1})
              .toInt() == 0);
    // The other finding and the judgment are still indexed.
    CHECK(searchRows(*db, QStringLiteral("first")).size() == 1);
    CHECK(searchRows(*db, QStringLiteral("preventing")).size() == 1);
    if (db->backend() == Backend::Sqlite) {
        QSqlQuery check(db->sql());
        CHECK(check.exec(
            QStringLiteral("INSERT INTO search_index(search_index) VALUES ('integrity-check')")));
    }
}

TEST_CASE("The search index follows judgment summaries and document sections", "[search][storage]")
{
    test::Scratch dir;
    auto db = createMaterialWorkbench(dir.path(QStringLiteral("wb.fwb")));
    const qint64 judgment =
        scalar(*db,
               QStringLiteral("SELECT j.id FROM judgments j JOIN forces f ON f.id = j.force_id "
                              "WHERE f.code = 'durham'"))
            .toLongLong();
    CHECK(searchRows(*db, QStringLiteral("durham AND summary")) == QList<qint64>{judgment * 4 + 2});

    const qint64 section =
        scalar(*db,
               QStringLiteral("SELECT id FROM document_sections WHERE uid = 'lancs-s-letter-body'"))
            .toLongLong();
    CHECK(searchRows(*db, QStringLiteral("thank")) == QList<qint64>{section * 4 + 3});

    // Re-importing the document with new text replaces what is indexed.
    QJsonObject material = jsonObject(test::readFile(materialFixture()));
    QJsonArray docs = material.value(QStringLiteral("documents")).toArray();
    QJsonObject letter = docs[1].toObject();
    REQUIRE(letter.value(QStringLiteral("uid")).toString() == QStringLiteral("lancs-d-letter"));
    QJsonArray sections = letter.value(QStringLiteral("sections")).toArray();
    QJsonObject body = sections[1].toObject();
    body[QStringLiteral("body")] = QStringLiteral("We appreciated the hospitality.");
    sections[1] = body;
    letter[QStringLiteral("sections")] = sections;
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("findings-workbench")},
                     {QStringLiteral("version"), 1},
                     {QStringLiteral("documents"), QJsonArray{letter}}};
    auto r = transfer::importJson(*db, QJsonDocument(root).toJson(), QStringLiteral("letter.json"),
                                  kActor);
    REQUIRE(r.ok());
    CHECK(r->updated == 1);
    CHECK(searchRows(*db, QStringLiteral("thank")).isEmpty());
    CHECK(searchRows(*db, QStringLiteral("hospitality")).size() == 1);
    // Every indexed section still exists.
    CHECK(scalar(*db,
                 QStringLiteral(
                     "SELECT count(*) FROM search_index WHERE rowid % 4 = 3 AND rowid / 4 NOT IN "
                     "(SELECT id FROM document_sections)"))
              .toInt() == 0);
}

TEST_CASE("Two connections to one workbench see each other's committed writes",
          "[storage][concurrency]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("shared.fwb"));
    createReferenceWorkbench(path).reset();
    auto a = openWorkbench(path);
    auto b = openWorkbench(path);
    CHECK(scalar(*a, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(scalar(*b, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));

    CHECK_FALSE(DraftRepository(*b).finding(QStringLiteral("audit-f-1")).has_value());
    REQUIRE(transfer::importJson(*a, findingsDoc(QStringLiteral("Written through A.")),
                                 QStringLiteral("a.json"), kActor)
                .ok());
    auto seen = DraftRepository(*b).finding(QStringLiteral("audit-f-2"));
    REQUIRE(seen.has_value());
    CHECK(seen->text == QStringLiteral("Written through A."));
    CHECK(AuditLog(*b).count() == AuditLog(*a).count());

    // And the other way, while A keeps its connection open.
    Finding f = *seen;
    f.text = QStringLiteral("Rewritten through B.");
    REQUIRE(DraftRepository(*b).upsertFinding(f).ok());
    CHECK(DraftRepository(*a).finding(QStringLiteral("audit-f-2"))->text ==
          QStringLiteral("Rewritten through B."));

    // An uncommitted change in B is not visible in A.
    {
        QSqlQuery q(b->sql());
        REQUIRE(q.exec(QStringLiteral("BEGIN")));
        REQUIRE(q.exec(
            QStringLiteral("UPDATE findings SET text = 'Pending.' WHERE uid = 'audit-f-2'")));
        CHECK(DraftRepository(*a).finding(QStringLiteral("audit-f-2"))->text ==
              QStringLiteral("Rewritten through B."));
        REQUIRE(q.exec(QStringLiteral("ROLLBACK")));
    }

    // Durable after both close.
    a.reset();
    b.reset();
    auto c = openWorkbench(path);
    CHECK(DraftRepository(*c).finding(QStringLiteral("audit-f-2"))->text ==
          QStringLiteral("Rewritten through B."));
    CHECK(c->integrityCheck() == QStringLiteral("ok"));
}
