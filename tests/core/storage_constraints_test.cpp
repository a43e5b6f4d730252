// Rules the storage layer enforces, both in the repositories and in the schema itself.

#include "coretest.h"

#include "core/storage/draftrepository.h"
#include "core/storage/referencerepository.h"

using namespace fwb;
using namespace coretest;

namespace {

Judgment judgmentOf(const QString& force, const QString& question, const QString& grade,
                    const QString& summary)
{
    Judgment j;
    j.programmeCode = kProgramme;
    j.forceCode = force;
    j.questionCode = question;
    j.gradeCode = grade;
    j.summary = summary;
    return j;
}

qint64 idOf(const Database& db, const QString& sql, const QVariantList& binds)
{
    const QVariant v = scalar(db, sql, binds);
    REQUIRE(v.isValid());
    return v.toLongLong();
}

qint64 questionId(const Database& db, const QString& code)
{
    return idOf(
        db,
        QStringLiteral("SELECT q.id FROM questions q JOIN programmes p ON p.id = q.programme_id "
                       "WHERE p.code = ? AND q.code = ?"),
        {kProgramme, code});
}

qint64 forceId(const Database& db, const QString& code)
{
    return idOf(db, QStringLiteral("SELECT id FROM forces WHERE code = ?"), {code});
}

qint64 gradeId(const Database& db, const QString& scale, const QString& code)
{
    return idOf(db,
                QStringLiteral("SELECT g.id FROM grades g JOIN grade_scales s ON s.id = g.scale_id "
                               "WHERE s.code = ? AND g.code = ?"),
                {scale, code});
}

// Runs a raw INSERT expecting SQLite to refuse it; returns the driver's message.
QString refusedSql(const Database& db, const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(db.sql());
    REQUIRE(q.prepare(sql));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    CHECK_FALSE(q.exec());
    return q.lastError().databaseText();
}

EvidenceSample sample(const QString& uid, std::optional<int> size)
{
    EvidenceSample e;
    e.uid = uid;
    e.programmeCode = kProgramme;
    e.forceCode = QStringLiteral("lancashire");
    e.questionCode = QStringLiteral("Q1");
    e.label = QStringLiteral("Case files");
    e.method = QStringLiteral("file_review");
    e.sampleSize = size;
    return e;
}

} // namespace

TEST_CASE("A judgment on an ungraded question is refused by the repository and by the schema",
          "[storage][constraints]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    DraftRepository drafts(*db);

    auto r =
        drafts.upsertJudgment(judgmentOf(QStringLiteral("lancashire"), QStringLiteral("Q1.1"),
                                         QStringLiteral("good"), QStringLiteral("Not allowed.")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::Invalid);
    CHECK(r.error().message.contains(QStringLiteral("Q1.1")));
    CHECK(r.error().message.contains(QStringLiteral("not graded")));

    // A programme without a grade scale cannot have judgments either.
    Judgment thematic = judgmentOf(QStringLiteral("lancashire"), QStringLiteral("A1"),
                                   QStringLiteral("good"), QStringLiteral("No scale."));
    thematic.programmeCode = QStringLiteral("thematic-test-2014");
    CHECK_FALSE(drafts.upsertJudgment(thematic).ok());

    // Straight SQL: the trigger aborts.
    const QString text = refusedSql(
        *db,
        QStringLiteral("INSERT INTO judgments(force_id, question_id, grade_id, summary) VALUES (?, "
                       "?, ?, 'x')"),
        {forceId(*db, QStringLiteral("lancashire")), questionId(*db, QStringLiteral("Q1.1")),
         gradeId(*db, QStringLiteral("peel-four-point"), QStringLiteral("good"))});
    CHECK(text.contains(QStringLiteral("graded question")));

    // Nor can a graded question with judgments be made ungraded.
    REQUIRE(drafts
                .upsertJudgment(judgmentOf(QStringLiteral("lancashire"), QStringLiteral("Q1"),
                                           QStringLiteral("good"), QStringLiteral("Fine.")))
                .ok());
    QSqlQuery q(db->sql());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE questions SET graded = 0 WHERE code = 'Q1'")));
    CHECK(count(*db, QStringLiteral("judgments")) == 1);
}

TEST_CASE("A second judgment for the same force and question updates the first",
          "[storage][constraints]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    DraftRepository drafts(*db);

    auto first =
        drafts.upsertJudgment(judgmentOf(QStringLiteral("lancashire"), QStringLiteral("Q2"),
                                         QStringLiteral("good"), QStringLiteral("First text.")));
    REQUIRE(first.ok());
    CHECK(first->inserted);
    auto second = drafts.upsertJudgment(
        judgmentOf(QStringLiteral("lancashire"), QStringLiteral("Q2"), QStringLiteral("inadequate"),
                   QStringLiteral("Second text.")));
    REQUIRE(second.ok());
    CHECK_FALSE(second->inserted);
    CHECK(second->id == first->id);

    CHECK(count(*db, QStringLiteral("judgments")) == 1);
    auto stored = drafts.judgment(kProgramme, QStringLiteral("lancashire"), QStringLiteral("Q2"));
    REQUIRE(stored.has_value());
    CHECK(stored->gradeCode == QStringLiteral("inadequate"));
    CHECK(stored->summary == QStringLiteral("Second text."));

    // The schema's own unique key refuses a duplicate row.
    refusedSql(*db,
               QStringLiteral("INSERT INTO judgments(force_id, question_id, grade_id, summary) "
                              "VALUES (?, ?, ?, 'dup')"),
               {forceId(*db, QStringLiteral("lancashire")), questionId(*db, QStringLiteral("Q2")),
                gradeId(*db, QStringLiteral("peel-four-point"), QStringLiteral("good"))});
    CHECK(count(*db, QStringLiteral("judgments")) == 1);

    // Another force's judgment on the same question is a separate row.
    REQUIRE(drafts
                .upsertJudgment(judgmentOf(QStringLiteral("durham"), QStringLiteral("Q2"),
                                           QStringLiteral("good"), QStringLiteral("Durham.")))
                .ok());
    CHECK(count(*db, QStringLiteral("judgments")) == 2);
}

TEST_CASE("A grade from another scale is refused", "[storage][constraints]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    ReferenceRepository ref(*db);
    GradeScale other;
    other.code = QStringLiteral("three-point");
    other.name = QStringLiteral("Another scale");
    other.grades = {
        Grade{0, QStringLiteral("excellent"), QStringLiteral("Excellent"), QString(), 0},
        Grade{0, QStringLiteral("fair"), QStringLiteral("Fair"), QString(), 0}};
    REQUIRE(ref.upsertGradeScale(other).ok());

    DraftRepository drafts(*db);
    for (const QString& grade : {QStringLiteral("excellent"), QStringLiteral("Excellent")}) {
        auto r =
            drafts.upsertJudgment(judgmentOf(QStringLiteral("lancashire"), QStringLiteral("Q1"),
                                             grade, QStringLiteral("Wrong scale.")));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.contains(grade));
        CHECK(r.error().message.contains(QStringLiteral("peel-four-point")));
    }
    const QString text = refusedSql(
        *db,
        QStringLiteral("INSERT INTO judgments(force_id, question_id, grade_id, summary) VALUES (?, "
                       "?, ?, 'x')"),
        {forceId(*db, QStringLiteral("lancashire")), questionId(*db, QStringLiteral("Q1")),
         gradeId(*db, QStringLiteral("three-point"), QStringLiteral("excellent"))});
    CHECK(text.contains(QStringLiteral("scale")));

    // Changing an existing judgment's grade to another scale's is refused too.
    auto ok = drafts.upsertJudgment(judgmentOf(QStringLiteral("lancashire"), QStringLiteral("Q1"),
                                               QStringLiteral("good"), QStringLiteral("Good.")));
    REQUIRE(ok.ok());
    QSqlQuery q(db->sql());
    REQUIRE(q.prepare(QStringLiteral("UPDATE judgments SET grade_id = ? WHERE id = ?")));
    q.addBindValue(gradeId(*db, QStringLiteral("three-point"), QStringLiteral("fair")));
    q.addBindValue(ok->id);
    CHECK_FALSE(q.exec());
    CHECK(drafts.judgment(kProgramme, QStringLiteral("lancashire"), QStringLiteral("Q1"))
              ->gradeCode == QStringLiteral("good"));
}

TEST_CASE("An unknown finding kind is refused", "[storage][constraints]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    DraftRepository drafts(*db);
    Finding f;
    f.uid = QStringLiteral("f-bad-kind");
    f.programmeCode = kProgramme;
    f.forceCode = QStringLiteral("lancashire");
    f.questionCode = QStringLiteral("Q1");
    f.kind = QStringLiteral("praise");
    f.text = QStringLiteral("Very good.");
    auto r = drafts.upsertFinding(f);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Error::Code::Invalid);
    CHECK(r.error().message.contains(QStringLiteral("praise")));
    CHECK(count(*db, QStringLiteral("findings")) == 0);

    refusedSql(
        *db,
        QStringLiteral("INSERT INTO findings(uid, force_id, question_id, kind, position, text) "
                       "VALUES ('f-raw', ?, ?, 'praise', 1, 'x')"),
        {forceId(*db, QStringLiteral("lancashire")), questionId(*db, QStringLiteral("Q1"))});
    CHECK(count(*db, QStringLiteral("findings")) == 0);

    f.kind = QStringLiteral("strength");
    auto good = drafts.upsertFinding(f);
    REQUIRE(good.ok());
    CHECK(good->inserted);
    CHECK(count(*db, QStringLiteral("findings")) == 1);
}

TEST_CASE("Evidence samples are checked: strata, measures and bases must fit the sample",
          "[storage][constraints]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    DraftRepository drafts(*db);

    SECTION("strata that do not add up to the sample size are refused")
    {
        EvidenceSample e = sample(QStringLiteral("e-strata"), 30);
        e.strata = {{QStringLiteral("burglary"), 10},
                    {QStringLiteral("robbery"), 10},
                    {QStringLiteral("theft"), 5}};
        auto r = drafts.upsertEvidence(e);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Invalid);
        CHECK(r.error().message.contains(QStringLiteral("25")));
        CHECK(r.error().message.contains(QStringLiteral("30")));
    }
    SECTION("a measure counting more than the sample is refused")
    {
        EvidenceSample e = sample(QStringLiteral("e-count"), 20);
        e.measures = {{QStringLiteral("victim contacted"), 21, std::nullopt, QString()}};
        auto r = drafts.upsertEvidence(e);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Invalid);
        CHECK(r.error().message.contains(QStringLiteral("victim contacted")));
    }
    SECTION("a measure counting more than its base is refused")
    {
        EvidenceSample e = sample(QStringLiteral("e-base"), 20);
        e.measures = {{QStringLiteral("referred"), 6, 5, QStringLiteral("vulnerable victims")}};
        auto r = drafts.upsertEvidence(e);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == Error::Code::Invalid);
        CHECK(r.error().message.contains(QStringLiteral("referred")));
    }
    SECTION("a base larger than the sample is refused")
    {
        EvidenceSample e = sample(QStringLiteral("e-big-base"), 20);
        e.measures = {{QStringLiteral("referred"), 6, 25, QStringLiteral("victims")}};
        CHECK_FALSE(drafts.upsertEvidence(e).ok());
    }
    SECTION("an unknown method is refused by the schema as well")
    {
        refusedSql(*db,
                   QStringLiteral(
                       "INSERT INTO evidence_samples(uid, programme_id, force_id, label, method) "
                       "VALUES ('e-raw', (SELECT id FROM programmes WHERE code = ?), ?, 'x', "
                       "'telepathy')"),
                   {kProgramme, forceId(*db, QStringLiteral("lancashire"))});
    }
    CHECK(count(*db, QStringLiteral("evidence_samples")) == 0);
    CHECK(count(*db, QStringLiteral("evidence_strata")) == 0);
    CHECK(count(*db, QStringLiteral("evidence_measures")) == 0);
}

TEST_CASE("A valid evidence sample is stored with its strata and measures",
          "[storage][constraints]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    DraftRepository drafts(*db);
    EvidenceSample e = sample(QStringLiteral("e-good"), 30);
    e.strata = {{QStringLiteral("burglary"), 10},
                {QStringLiteral("robbery"), 10},
                {QStringLiteral("theft"), 10}};
    e.measures = {{QStringLiteral("victim contacted"), 30, std::nullopt, QString()},
                  {QStringLiteral("referred"), 4, 4, QStringLiteral("vulnerable victims")}};
    auto r = drafts.upsertEvidence(e);
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r.ok());
    CHECK(r->inserted);

    auto stored = drafts.evidenceSample(QStringLiteral("e-good"));
    REQUIRE(stored.has_value());
    CHECK(stored->sampleSize == std::optional<int>(30));
    REQUIRE(stored->strata.size() == 3);
    CHECK(stored->strata[1].label == QStringLiteral("robbery"));
    CHECK(stored->strata[1].size == 10);
    REQUIRE(stored->measures.size() == 2);
    CHECK(stored->measures[0].count == 30);
    CHECK_FALSE(stored->measures[0].base.has_value());
    CHECK(stored->measures[1].base == std::optional<int>(4));
    CHECK(stored->measures[1].baseLabel == QStringLiteral("vulnerable victims"));

    // A sample of unknown size accepts any strata and measures.
    EvidenceSample unknown = sample(QStringLiteral("e-unknown"), std::nullopt);
    unknown.strata = {{QStringLiteral("a"), 3}};
    unknown.measures = {{QStringLiteral("b"), 99, std::nullopt, QString()}};
    CHECK(drafts.upsertEvidence(unknown).ok());
    CHECK(count(*db, QStringLiteral("evidence_samples")) == 2);
}
