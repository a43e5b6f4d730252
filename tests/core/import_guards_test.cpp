// Inputs that would once have merged silently or left the workbench inconsistent: each is refused
// with a message naming the place, and changes nothing.

#include "coretest.h"

#include "core/io/csv.h"
#include "core/storage/transaction.h"

#include <QFile>

using namespace fwb;
using namespace coretest;

namespace {

QByteArray doc(const QByteArray& members)
{
    return "{\"format\": \"findings-workbench\", \"version\": 1, " + members + "}";
}

Result<ImportReport> importBytes(Database& db, const QByteArray& json,
                                 const QString& name = QStringLiteral("in.json"))
{
    return transfer::importJson(db, json, name, kActor);
}

} // namespace

TEST_CASE("A question code used twice in one programme is refused, naming both places",
          "[import][guards]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("w.fwb")));
    const auto before = tableCounts(*db);
    auto r = importBytes(
        *db, doc(R"("programmes": [{"code": "loop", "title": "Loop", "year": 2020, "questions": [
        {"code": "Q1", "text": "One?", "children": [{"code": "Q2", "text": "Two?", "children": [
            {"code": "Q1", "text": "One again?"}]}]}]}])"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(
        QStringLiteral("programmes[0].questions[0].children[0].children[0].code")));
    CHECK(r.error().message.contains(QStringLiteral("appears twice")));
    CHECK(tableCounts(*db) == before);
}

TEST_CASE("Two findings with the same uid in one file are refused", "[import][guards]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("w.fwb")));
    const QByteArray finding =
        R"({"uid": "same", "programme": "peel-test-2015", "force": "lancashire", "question": "Q1", "kind": "strength", "text": "Text."})";
    auto r = importBytes(*db, doc("\"findings\": [" + finding + ", " + finding + "]"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(
        QStringLiteral("findings[1].uid: \"same\" appears twice (also findings[0])")));
    CHECK(count(*db, QStringLiteral("findings")) == 0);
}

TEST_CASE("A grade scale imported with fewer grades keeps the others after them, in order",
          "[import][guards]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("w.fwb")));
    const auto scale = ReferenceRepository(*db).gradeScales().front();
    REQUIRE(scale.grades.size() == 4);
    // Re-import the scale listing only its middle two grades, best first.
    const QByteArray json =
        doc(QStringLiteral(R"("grade_scales": [{"code": "%1", "name": "%2", "grades": [
        {"code": "%3", "label": "%4"}, {"code": "%5", "label": "%6"}]}])")
                .arg(scale.code, scale.name, scale.grades[1].code, scale.grades[1].label,
                     scale.grades[2].code, scale.grades[2].label)
                .toUtf8());
    REQUIRE(importBytes(*db, json).ok());
    QStringList order;
    const auto partial = ReferenceRepository(*db).gradeScale(scale.code);
    for (const Grade& g : partial->grades)
        order << g.code;
    CHECK(order == QStringList{scale.grades[1].code, scale.grades[2].code, scale.grades[0].code,
                               scale.grades[3].code});
    // Importing the full scale again restores the published order.
    REQUIRE(importBytes(*db, transfer::exportJson(*db, {}).value()).ok());
    REQUIRE(importBytes(*db, doc("\"grade_scales\": [" +
                                 interchange::compact(interchange::toJson(scale)).toUtf8() + "]"))
                .ok());
    order.clear();
    const auto restored = ReferenceRepository(*db).gradeScale(scale.code);
    for (const Grade& g : restored->grades)
        order << g.code;
    CHECK(order == QStringList{scale.grades[0].code, scale.grades[1].code, scale.grades[2].code,
                               scale.grades[3].code});
}

TEST_CASE("A programme with judgments cannot lose its grade scale", "[import][guards]")
{
    test::Scratch dir;
    auto db = createMaterialWorkbench(dir.path(QStringLiteral("w.fwb")));
    auto programme = ReferenceRepository(*db).programme(kProgramme);
    REQUIRE(programme);
    REQUIRE_FALSE(DraftRepository(*db).judgments(kProgramme).isEmpty());
    programme->gradeScaleCode.clear();
    const auto before = tableCounts(*db);
    auto r =
        importBytes(*db, doc("\"programmes\": [" +
                             interchange::compact(interchange::toJson(*programme)).toUtf8() + "]"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QStringLiteral("programmes[0]")));
    CHECK(r.error().message.contains(QStringLiteral("cannot change")));
    CHECK(tableCounts(*db) == before);
    CHECK(ReferenceRepository(*db).programme(kProgramme)->gradeScaleCode.size() > 0);
}

TEST_CASE("A review note must name something in the workbench", "[import][guards]")
{
    test::Scratch dir;
    auto db = createMaterialWorkbench(dir.path(QStringLiteral("w.fwb")));
    const auto before = tableCounts(*db);
    for (const char* target :
         {"banana", "finding:does-not-exist", "judgment:peel-test-2015/lancashire"}) {
        INFO(target);
        auto r = importBytes(
            *db,
            doc(QStringLiteral(
                    R"("review_notes": [{"uid": "n-x", "target": "%1", "body": "Check this."}])")
                    .arg(QString::fromLatin1(target))
                    .toUtf8()));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.contains(QStringLiteral("review_notes[0]")));
    }
    CHECK(tableCounts(*db) == before);
    const QString finding = DraftRepository(*db).findings(kProgramme).front().uid;
    auto ok = importBytes(
        *db,
        doc(QStringLiteral(
                R"("review_notes": [{"uid": "n-y", "target": "finding:%1", "body": "Check this."}])")
                .arg(finding)
                .toUtf8()));
    CHECK(ok.ok());
}

TEST_CASE("A finding cannot cite another force's evidence", "[import][guards]")
{
    test::Scratch dir;
    auto db = createMaterialWorkbench(dir.path(QStringLiteral("w.fwb")));
    QString other;
    for (const EvidenceSample& e : DraftRepository(*db).evidence(kProgramme))
        if (e.forceCode != QLatin1String("lancashire"))
            other = e.uid;
    REQUIRE_FALSE(other.isEmpty());
    const auto before = tableCounts(*db);
    auto r = importBytes(
        *db,
        doc(QStringLiteral(
                R"("findings": [{"uid": "x-1", "programme": "peel-test-2015", "force": "lancashire",
        "question": "Q1", "kind": "strength", "text": "Cites another force.", "evidence": ["%1"]}])")
                .arg(other)
                .toUtf8()));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QStringLiteral("belongs to another force or programme")));
    CHECK(tableCounts(*db) == before);
}

TEST_CASE("A judgments CSV that is not UTF-8 is refused, and file names do not confuse row numbers",
          "[csv][guards]")
{
    test::Scratch dir;
    auto db = createMaterialWorkbench(dir.path(QStringLiteral("w.fwb")));
    const auto before = tableCounts(*db);
    auto latin1 =
        transfer::importJudgmentsCsv(*db,
                                     "force,programme,question,grade,summary\n"
                                     "lancashire,peel-test-2015,Q1,good,Caf\xe9 culture\n",
                                     QStringLiteral("j.csv"), kActor);
    REQUIRE_FALSE(latin1.ok());
    CHECK(latin1.error().message.contains(QStringLiteral("row 2: not UTF-8")));

    // Row 3 names an ungraded question; the file's own name looks like an array index.
    auto r = transfer::importJudgmentsCsv(*db,
                                          "force,programme,question,grade,summary\n"
                                          "lancashire,peel-test-2015,Q1,good,Fine.\n"
                                          "lancashire,peel-test-2015,Q1.1,good,Not graded.\n",
                                          QStringLiteral("judgments[50].csv"), kActor);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.startsWith(QStringLiteral("judgments[50].csv: row 3: ")));
    CHECK(tableCounts(*db) == before);
}

TEST_CASE("An export that cannot read every record fails instead of writing part of the data",
          "[export][guards]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("w.fwb"));
    qint64 rootPage = 0, pageSize = 0;
    {
        auto db = createMaterialWorkbench(path);
        // Enough findings to need more than one page.
        Transaction t(*db);
        REQUIRE(t.active());
        for (int i = 0; i < 400; ++i) {
            Finding f;
            f.uid = QStringLiteral("bulk-%1").arg(i);
            f.programmeCode = kProgramme;
            f.forceCode = QStringLiteral("lancashire");
            f.questionCode = QStringLiteral("Q1");
            f.kind = QStringLiteral("observation");
            f.text = QStringLiteral("Finding number %1 with enough words to fill the page quickly.")
                         .arg(i);
            REQUIRE(DraftRepository(*db).upsertFinding(f).ok());
        }
        REQUIRE(t.commit().ok());
        REQUIRE(transfer::exportJson(*db, {}).ok());
        rootPage =
            scalar(*db,
                   QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = 'findings'"))
                .toLongLong();
        pageSize = scalar(*db, QStringLiteral("PRAGMA page_size")).toLongLong();
        REQUIRE(db->execScript(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE);"),
                               QStringLiteral("checkpoint"))
                    .ok());
    }
    REQUIRE(rootPage > 1);
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.seek((rootPage - 1) * pageSize));
        f.write(QByteArray(int(pageSize), '\x5a'));
    }
    auto db = openWorkbench(path);
    auto exported = transfer::exportJson(*db, {});
    REQUIRE_FALSE(exported.ok());
    CHECK(exported.error().message.contains(QStringLiteral("Cannot export")));
}

TEST_CASE("The schema refuses a value of the wrong type", "[storage][guards]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("w.fwb"));
    {
        auto db = createMaterialWorkbench(path);
    }
    RawDb raw(path);
    REQUIRE(raw.ok());
    CHECK(raw.exec(QStringLiteral("UPDATE metrics SET force_value = 'sixty-two'")) != SQLITE_OK);
    CHECK(raw.errorMessage().contains(QStringLiteral("cannot store TEXT value in REAL column")));
    CHECK(raw.exec(QStringLiteral("UPDATE findings SET position = 'first'")) != SQLITE_OK);
}

TEST_CASE("A row changed behind the workbench's back fails the export, naming it",
          "[export][guards]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("w.fwb"));
    QString uid;
    {
        auto db = createMaterialWorkbench(path);
        uid = DraftRepository(*db).findings(kProgramme).front().uid;
    }
    {
        // Another tool, with the checks turned off, writes a kind the workbench does not know.
        RawDb raw(path);
        REQUIRE(raw.ok());
        raw.execOrFail(QStringLiteral("PRAGMA ignore_check_constraints = ON; "
                                      "UPDATE findings SET kind = 'rumour' WHERE uid = '%1'")
                           .arg(uid));
    }
    auto db = openWorkbench(path);
    auto json = transfer::exportJson(*db, {});
    REQUIRE_FALSE(json.ok());
    CHECK(json.error().message.contains(QStringLiteral("\"rumour\" is not one of")));
    CHECK(json.error().message.contains(QStringLiteral(".kind")));
    CHECK_FALSE(transfer::exportJudgmentsCsv(*db, {}).ok());
}
