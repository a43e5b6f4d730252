// The search index partitioned by programme (migration 0008, storage/searchindex.h): the
// partitions hold what search_index holds through every kind of edit, searches that rank every
// match give what the FTS5 query over the whole index gives, a common word is ranked among the
// newest programme's matches, and a workbench of the previous schema is migrated and searched.

#include "core/services/search.h"
#include "core/storage/searchindex.h"
#include "core/workbench.h"
#include "coretest.h"
#include "testsupport.h"

#include <QSet>

using namespace fwb;
using namespace coretest;

namespace {

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kCore = QStringLiteral("core-business-2014");

void exec(const Database& db, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(db.sql());
    REQUIRE(q.prepare(sql));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(q.exec());
}

QList<qint64> rowids(const Database& db, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(db.sql());
    REQUIRE(q.prepare(sql));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    INFO(q.lastError().text().toStdString());
    REQUIRE(q.exec());
    QList<qint64> out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

// Every partition holds exactly the rows of search_index whose programme falls in it, matches
// the same rows for the words given, and passes FTS5's own check.
void checkPartitions(const Database& db, const QStringList& words)
{
    if (db.backend() == Backend::Postgres) {
        // One index, no partitions: a row for each record, with its place and status.
        CHECK(rowids(db, QStringLiteral("SELECT rowid FROM search_index ORDER BY rowid")) ==
              rowids(db, QStringLiteral("SELECT id * 4 + 1 AS r FROM findings UNION ALL SELECT "
                                        "id * 4 + 2 FROM judgments UNION ALL SELECT id * 4 + 3 "
                                        "FROM document_sections ORDER BY r")));
        CHECK(scalar(db, QStringLiteral(
                             "SELECT count(*) FROM search_index x JOIN findings f ON x.rowid = "
                             "f.id * 4 + 1 JOIN questions q ON q.id = f.question_id WHERE "
                             "x.programme_id <> q.programme_id OR x.force_id <> f.force_id OR "
                             "x.status <> fwb_search_status(f.status) OR x.kind <> "
                             "fwb_search_kind(f.kind) OR x.document <> fwb_search_vector('', "
                             "f.text)"))
                  .toInt() == 0);
        CHECK(scalar(db, QStringLiteral(
                             "SELECT count(*) FROM search_index x JOIN document_sections s ON "
                             "x.rowid = s.id * 4 + 3 JOIN documents d ON d.id = s.document_id "
                             "WHERE x.programme_id <> d.programme_id OR x.status <> "
                             "fwb_search_status(d.status) OR x.document <> "
                             "fwb_search_vector(s.title, s.body)"))
                  .toInt() == 0);
        (void)words;
        return;
    }
    for (int k = 0; k < SearchIndex::kPartitions; ++k) {
        INFO("partition " << k);
        const QString table = SearchIndex::partitionTable(k);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table)).toInt() ==
              scalar(db, QStringLiteral("SELECT count(*) FROM search_index WHERE "
                                        "CAST(substr(tags, 3) AS INTEGER) % %1 = %2")
                             .arg(SearchIndex::kPartitions)
                             .arg(k))
                  .toInt());
        QSqlQuery check(db.sql());
        CHECK(
            check.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('integrity-check')").arg(table)));
    }
    for (const QString& w : words) {
        INFO("word " << w.toStdString());
        QList<qint64> parts;
        for (int k = 0; k < SearchIndex::kPartitions; ++k) {
            const QString table = SearchIndex::partitionTable(k);
            parts +=
                rowids(db, QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH ?").arg(table), {w});
        }
        std::sort(parts.begin(), parts.end());
        CHECK(parts == rowids(db,
                              QStringLiteral("SELECT rowid FROM search_index WHERE search_index "
                                             "MATCH ? ORDER BY rowid"),
                              {w}));
    }
    QSqlQuery check(db.sql());
    CHECK(check.exec(QStringLiteral("INSERT INTO search_index(search_index) VALUES "
                                    "('integrity-check')")));
}

// The key a hit would have, for each rowid of the index.
QString keyOf(const Database& db, qint64 rowid)
{
    switch (rowid % 4) {
    case 1:
        return scalar(db, QStringLiteral("SELECT uid FROM findings WHERE id = ?"), {rowid / 4})
            .toString();
    case 2:
        return scalar(db,
                      QStringLiteral("SELECT p.code || '/' || f.code || '/' || q.code FROM "
                                     "judgments j JOIN questions q ON q.id = j.question_id JOIN "
                                     "programmes p ON p.id = q.programme_id JOIN forces f ON "
                                     "f.id = j.force_id WHERE j.id = ?"),
                      {rowid / 4})
            .toString();
    default:
        return scalar(db, QStringLiteral("SELECT uid FROM document_sections WHERE id = ?"),
                      {rowid / 4})
            .toString();
    }
}

QStringList keys(const QList<SearchHit>& hits)
{
    QStringList out;
    for (const SearchHit& h : hits)
        out << h.key;
    return out;
}

// Adds a programme of `year` with one question and `n` findings of Lancashire saying `text`.
qint64 addProgramme(const Database& db, const QString& code, int year, int n, const QString& text)
{
    exec(db,
         QStringLiteral("INSERT INTO programmes(code, title, year, kind, grade_scale_id) VALUES "
                        "(?, ?, ?, 'peel', (SELECT id FROM grade_scales LIMIT 1))"),
         {code, QString(QStringLiteral("Test programme ") + code), year});
    const qint64 programme =
        scalar(db, QStringLiteral("SELECT id FROM programmes WHERE code = ?"), {code}).toLongLong();
    exec(db,
         QStringLiteral("INSERT INTO questions(programme_id, code, position, text, graded) VALUES "
                        "(?, 'Q1', 1, 'How effective is it?', 0)"),
         {programme});
    exec(db, QStringLiteral("BEGIN"));
    for (int i = 0; i < n; ++i)
        exec(db,
             QStringLiteral("INSERT INTO findings(uid, force_id, question_id, kind, position, "
                            "text) VALUES (?, (SELECT id FROM forces WHERE code = 'lancashire'), "
                            "(SELECT id FROM questions WHERE programme_id = ?), 'observation', ?, "
                            "?)"),
             {QStringLiteral("%1-f-%2").arg(code).arg(i), programme, i + 1, text});
    exec(db, QStringLiteral("COMMIT"));
    return programme;
}

} // namespace

TEST_CASE("A search that ranks every match gives the hits of the FTS5 query over the whole index "
          "in the same order",
          "[search][partitions][sqlite]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("s.fwb"), true);
    const Database& db = wb->database();
    const SearchService search(db);
    for (const QString& text :
         {QStringLiteral("unattended crime reports"), QStringLiteral("victims"),
          QStringLiteral("Lancashire Constabulary"), QStringLiteral("investig"),
          QStringLiteral("the force "), QStringLiteral("missing children")}) {
        INFO(text.toStdString());
        auto found = search.search(text, SearchFilter{{}, {}, {}, {}, 1000});
        REQUIRE(found);
        REQUIRE(found->complete);
        const QString match = QStringLiteral("{title body} : (") + SearchService::ftsQuery(text) +
                              QStringLiteral(")");
        QStringList direct;
        for (const qint64 rid : rowids(db,
                                       QStringLiteral("SELECT rid FROM (SELECT rowid AS rid, rank "
                                                      "AS r FROM search_index WHERE search_index "
                                                      "MATCH ? ORDER BY rowid DESC LIMIT 4001) "
                                                      "ORDER BY r, rid DESC LIMIT 1000"),
                                       {match}))
            direct << keyOf(db, rid);
        CHECK_FALSE(direct.isEmpty());
        CHECK(keys(found->hits) == direct);
    }
}

TEST_CASE("A filter to a programme gives the hits of the whole search that belong to it",
          "[search][partitions]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("s.fwb"), true);
    const SearchService search(wb->database());
    for (const QString& text : {QStringLiteral("victims"), QStringLiteral("crime"),
                                QStringLiteral("Lancashire"), QStringLiteral("investig")})
        for (const QString& programme : {kPeel, kCore}) {
            INFO(text.toStdString() << " in " << programme.toStdString());
            auto all = search.search(text, SearchFilter{{}, {}, {}, {}, 1000});
            auto within = search.search(text, SearchFilter{programme, {}, {}, {}, 1000});
            REQUIRE(all);
            REQUIRE(within);
            QSet<QString> expected;
            for (const SearchHit& h : all->hits)
                if (h.programme == programme)
                    expected.insert(h.key);
            const QStringList got = keys(within->hits);
            CHECK(QSet<QString>(got.cbegin(), got.cend()) == expected);
            for (int i = 1; i < within->hits.size(); ++i)
                CHECK(within->hits[i - 1].rank <= within->hits[i].rank);
        }
    // A programme and a force and a kind together.
    auto narrow = search.search(
        QStringLiteral("victims"),
        SearchFilter{
            kPeel, QStringLiteral("lancashire"), QStringLiteral("area_for_improvement"), {}, 1000});
    REQUIRE(narrow);
    for (const SearchHit& h : narrow->hits) {
        CHECK(h.programme == kPeel);
        CHECK(h.force == QStringLiteral("lancashire"));
        CHECK(h.kind == QStringLiteral("area_for_improvement"));
    }
}

TEST_CASE("The partitions follow every edit of findings, judgments, sections and documents",
          "[search][partitions]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("s.fwb"), true);
    const Database& db = wb->database();
    const QStringList words{QStringLiteral("saxophonist"), QStringLiteral("victims"),
                            QStringLiteral("lancashire"), QStringLiteral("hospitality"),
                            QStringLiteral("marmalade")};
    checkPartitions(db, words);

    const qint64 finding =
        scalar(db,
               QStringLiteral("SELECT min(id) FROM findings WHERE question_id IN (SELECT id "
                              "FROM questions WHERE programme_id = (SELECT id FROM "
                              "programmes WHERE code = ?))"),
               {kCore})
            .toLongLong();
    REQUIRE(finding > 0);
    exec(db, QStringLiteral("UPDATE findings SET text = 'A saxophonist plays.' WHERE id = ?"),
         {finding});
    exec(db,
         QStringLiteral("UPDATE findings SET kind = 'cause_of_concern', status = 'ready' WHERE "
                        "id = ?"),
         {finding});
    checkPartitions(db, words);
    // Moved to a question of the other programme, it moves to that programme's partition.
    exec(db,
         QStringLiteral("UPDATE findings SET question_id = (SELECT min(id) FROM questions WHERE "
                        "programme_id = (SELECT id FROM programmes WHERE code = ?)) WHERE id = ?"),
         {kPeel, finding});
    checkPartitions(db, words);
    const qint64 peel =
        scalar(db, QStringLiteral("SELECT id FROM programmes WHERE code = ?"), {kPeel})
            .toLongLong();
    if (db.backend() == Backend::Sqlite)
        CHECK(rowids(db, QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH 'saxophonist'")
                             .arg(SearchIndex::partitionTable(SearchIndex::partitionOf(peel)))) ==
              QList<qint64>{finding * 4 + 1});
    auto hits = SearchService(db).search(QStringLiteral("saxophonist"), SearchFilter{kPeel});
    REQUIRE(hits);
    REQUIRE(hits->hits.size() == 1);
    CHECK(hits->hits.front().kind == QStringLiteral("cause_of_concern"));
    exec(db, QStringLiteral("DELETE FROM findings WHERE id = ?"), {finding});
    checkPartitions(db, words);
    CHECK(SearchService(db).search(QStringLiteral("saxophonist"))->hits.isEmpty());

    exec(db, QStringLiteral("UPDATE judgments SET summary = summary || ' marmalade' WHERE id = "
                            "(SELECT min(id) FROM judgments)"));
    exec(db, QStringLiteral("UPDATE judgments SET status = 'final' WHERE id = (SELECT min(id) "
                            "FROM judgments)"));
    checkPartitions(db, words);
    exec(db, QStringLiteral("UPDATE document_sections SET body = 'We appreciated the hospitality.' "
                            "WHERE id = (SELECT min(id) FROM document_sections)"));
    exec(db, QStringLiteral("UPDATE documents SET status = 'ready' WHERE id = (SELECT min(id) FROM "
                            "documents)"));
    checkPartitions(db, words);
    auto section = SearchService(db).search(QStringLiteral("hospitality"),
                                            SearchFilter{{}, {}, {}, QStringLiteral("ready")});
    REQUIRE(section);
    CHECK(section->hits.size() == 1);
    exec(db, QStringLiteral("DELETE FROM judgments WHERE id = (SELECT min(id) FROM judgments)"));
    exec(db, QStringLiteral("DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)"));
    checkPartitions(db, words);
}

TEST_CASE("A common word is ranked among the newest programme's matches and says so",
          "[search][partitions]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("s.fwb"), true);
    const Database& db = wb->database();
    const int many = SearchService::kRankedCandidates + 20;
    addProgramme(db, QStringLiteral("test-2030"), 2030, many,
                 QStringLiteral("The zanzibar pilot reached victims quickly."));
    addProgramme(db, QStringLiteral("test-2020"), 2020, 30,
                 QStringLiteral("An older zanzibar pilot."));
    checkPartitions(db, {QStringLiteral("zanzibar")});
    const SearchService search(db);

    auto common = search.search(QStringLiteral("zanzibar"));
    REQUIRE(common);
    CHECK_FALSE(common->complete);
    REQUIRE(common->hits.size() == 50);
    for (const SearchHit& h : common->hits)
        CHECK(h.programme == QStringLiteral("test-2030"));
    for (int i = 1; i < common->hits.size(); ++i)
        CHECK(common->hits[i - 1].rank <= common->hits[i].rank);

    // Filtered to the older programme, all its matches are ranked.
    auto older = search.search(QStringLiteral("zanzibar"),
                               SearchFilter{QStringLiteral("test-2020"), {}, {}, {}, 1000});
    REQUIRE(older);
    CHECK(older->complete);
    CHECK(older->hits.size() == 30);
    // A rarer phrase of the older programme alone is ranked across the whole index.
    auto rare = search.search(QStringLiteral("older zanzibar"));
    REQUIRE(rare);
    CHECK(rare->complete);
    CHECK(rare->hits.size() == 30);
}

TEST_CASE("A workbench of the schema before the partitions is migrated and searched",
          "[search][partitions][migration][sqlite]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("v7.fwb"));
    {
        RawDb raw(path);
        REQUIRE(raw.ok());
        raw.execOrFail(QStringLiteral("PRAGMA application_id=%1").arg(Database::ApplicationId));
        raw.execOrFail(QStringLiteral("BEGIN"));
        for (const QString& name :
             QDir(QStringLiteral(":/migrations"))
                 .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
            if (name.left(4).toInt() > 7)
                continue;
            QFile script(QStringLiteral(":/migrations/") + name);
            REQUIRE(script.open(QIODevice::ReadOnly));
            raw.execOrFail(QString::fromUtf8(script.readAll()));
        }
        raw.execOrFail(QStringLiteral("PRAGMA user_version=7"));
        raw.execOrFail(QStringLiteral(
            "INSERT INTO regions(id, code, name) VALUES (1, 'north-west', 'North West');"
            "INSERT INTO forces(id, code, name, short_name, region_id, style) "
            "  VALUES (1, 'lancashire', 'Lancashire Constabulary', 'Lancashire', 1, "
            "'constabulary');"
            "INSERT INTO grade_scales(id, code, name) VALUES (1, 'peel-four-point', 'PEEL');"
            "INSERT INTO grades(id, scale_id, code, label, rank) VALUES (1, 1, 'good', 'Good', 1);"
            "INSERT INTO programmes(id, code, title, year, kind, grade_scale_id) "
            "  VALUES (1, 'peel-test-2015', 'Test', 2015, 'peel', 1), "
            "(17, 'peel-test-2016', 'Test', 2016, 'peel', 1);"
            "INSERT INTO questions(id, programme_id, code, position, text, graded) "
            "  VALUES (1, 1, 'Q1', 1, 'How effective is the force?', 1), "
            "(2, 17, 'Q1', 1, 'How effective is the force?', 1);"
            "INSERT INTO findings(id, uid, force_id, question_id, kind, position, text) "
            "  VALUES (7, 'old-f-1', 1, 1, 'strength', 1, 'Partnership working is quixotically "
            "thorough.'), (9, 'old-f-2', 1, 2, 'area_for_improvement', 1, 'Quixotically slow "
            "about zebras.');"
            "INSERT INTO judgments(id, force_id, question_id, grade_id, summary) "
            "  VALUES (3, 1, 1, 1, 'The summary mentions marmalade.');"));
        raw.execOrFail(QStringLiteral("COMMIT"));
    }
    auto wb = Workbench::open(path);
    REQUIRE(wb);
    const Database& db = (*wb)->database();
    CHECK(db.schemaVersion() == Database::latestVersion());
    checkPartitions(db, {QStringLiteral("quixotically"), QStringLiteral("zebras"),
                         QStringLiteral("marmalade")});
    // Programmes 1 and 17 share partition 1: a filter to one keeps to it.
    const SearchService search(db);
    auto both = search.search(QStringLiteral("quixotically"));
    REQUIRE(both);
    CHECK(keys(both->hits).size() == 2);
    auto one = search.search(QStringLiteral("quixotically"),
                             SearchFilter{QStringLiteral("peel-test-2016")});
    REQUIRE(one);
    CHECK(keys(one->hits) == QStringList{QStringLiteral("old-f-2")});
    auto judgment = search.search(QStringLiteral("marmalade"));
    REQUIRE(judgment);
    REQUIRE(judgment->hits.size() == 1);
    CHECK(judgment->hits.front().type == SearchHit::Type::Judgment);
    CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = "
                                    "'findings_kind'"))
              .toInt() == 1);
}

TEST_CASE("The search index refuses a partition it does not have and reads no row it lacks",
          "[search][partitions]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("s.fwb"), true);
    const SearchIndex index(wb->database());
    CHECK_FALSE(index.newestMatches(-1, QStringLiteral("victims"), 10));
    CHECK_FALSE(index.newestMatches(SearchIndex::kPartitions, QStringLiteral("victims"), 10));
    CHECK_FALSE(index.countNewestMatches(99, QStringLiteral("victims"), 10));
    CHECK(SearchIndex::partitionTable(-5) == QStringLiteral("search_p0"));
    CHECK(SearchIndex::partitionTable(99) == QStringLiteral("search_p15"));
    // A malformed FTS5 expression is an error, not a crash.
    CHECK_FALSE(index.newestMatches(1, QStringLiteral("\"unclosed"), 10));
    CHECK_FALSE(index.newestMatchesEverywhere(QStringLiteral("AND AND"), 10));
    auto none = index.rows({});
    REQUIRE(none);
    CHECK(none->isEmpty());
    auto missing = index.rows({999999 * 4 + 1, 999999 * 4 + 3});
    REQUIRE(missing);
    for (const SearchIndex::Row& r : *missing) {
        CHECK(r.findingUid.isEmpty());
        CHECK(r.sectionUid.isEmpty());
    }
    auto programme = index.programmeId(QStringLiteral("no-such-programme"));
    auto force = index.forceId(QStringLiteral("no-such-force"));
    REQUIRE(programme);
    REQUIRE(force);
    CHECK(*programme == -1);
    CHECK(*force == -1);
    // A zero or negative limit reads nothing.
    auto zero = index.newestMatches(1, QStringLiteral("victims"), -3);
    REQUIRE(zero);
    CHECK(zero->isEmpty());
}
