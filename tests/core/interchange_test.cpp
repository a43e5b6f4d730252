// The JSON interchange format: errors that name the JSON path, all-or-nothing imports, lossless
// round trips and slices that carry only their own force's material.

#include "coretest.h"

#include "core/io/interchange.h"
#include "core/storage/documentrepository.h"
#include "core/storage/draftrepository.h"

#include <QSet>

using namespace fwb;
using namespace coretest;

namespace {

QByteArray doc(const QByteArray& members)
{
    return "{\n  \"format\": \"findings-workbench\",\n  \"version\": 1" +
           (members.isEmpty() ? QByteArray() : ",\n" + members) + "\n}\n";
}

Error parseError(const QByteArray& json, const QString& name = QStringLiteral("bad.json"))
{
    auto r = interchange::parse(json, name);
    REQUIRE_FALSE(r.ok());
    INFO("message: " << r.error().message.toStdString());
    CHECK(r.error().message.startsWith(name + QStringLiteral(": ")));
    return r.error();
}

const QByteArray kFinding =
    R"({ "uid": "new-f-1", "programme": "peel-test-2015", "force": "lancashire", "question": "Q1",
         "kind": "strength", "position": 1, "text": "Some text.", "evidence": [] })";

} // namespace

TEST_CASE("Interchange parse errors name the file and the JSON path", "[import][json]")
{
    SECTION("a bad finding kind names findings[0].kind")
    {
        QByteArray finding = kFinding;
        finding.replace("\"strength\"", "\"praise\"");
        const Error e = parseError(doc("  \"findings\": [" + finding + "]"));
        CHECK(e.code == Error::Code::Invalid);
        CHECK(e.message.contains(QStringLiteral("findings[0].kind")));
        CHECK(e.message.contains(QStringLiteral("praise")));
    }
    SECTION("a bad value deep inside a record names its full path")
    {
        const Error e =
            parseError(doc(R"(  "evidence": [ { "uid": "e1", "programme": "peel-test-2015",
            "force": "lancashire", "label": "Files", "method": "file_review", "sample_size": 20,
            "strata": [ { "label": "a", "size": 10 }, { "label": "b", "size": "ten" } ] } ])"));
        CHECK(e.message.contains(QStringLiteral("evidence[0].strata[1].size")));
    }
    SECTION("a missing required field names it")
    {
        QByteArray finding = kFinding;
        finding.replace("\"text\": \"Some text.\",", "");
        const Error e = parseError(doc("  \"findings\": [" + kFinding + ", " + finding + "]"));
        CHECK(e.message.contains(QStringLiteral("findings[1].text")));
    }
    SECTION("a missing \"format\" is refused")
    {
        const Error e = parseError("{ \"version\": 1, \"regions\": [] }");
        CHECK(e.code == Error::Code::Invalid);
        CHECK(e.message.contains(QStringLiteral("\"format\"")));
    }
    SECTION("a newer version is refused as NewerSchema")
    {
        const Error e = parseError("{ \"format\": \"findings-workbench\", \"version\": 99 }");
        CHECK(e.code == Error::Code::NewerSchema);
        CHECK(e.message.contains(QStringLiteral("99")));
        CHECK(e.message.contains(QString::number(interchange::FormatVersion)));
    }
    SECTION("malformed JSON names the line and column")
    {
        const QByteArray json = "{\n  \"format\": \"findings-workbench\",\n  \"version\": 1,\n"
                                "  \"regions\": [ { \"code\": \"x\", \"name\": \"X\" } ,, ]\n}\n";
        const QByteArray line4 = json.split('\n').at(3);
        const int badColumn = int(line4.indexOf(",,")) + 2; // 1-based column of the second comma
        const Error e = parseError(json);
        CHECK(e.code == Error::Code::Invalid);
        CHECK(e.message.contains(QStringLiteral("line 4, column ")));
        const int at = int(e.message.indexOf(QStringLiteral("column "))) + 7;
        const int column = e.message.mid(at)
                               .section(QLatin1Char(':'), 0, 0)
                               .section(QLatin1Char(' '), 0, 0)
                               .toInt();
        CHECK(column >= badColumn - 1);
        CHECK(column <= badColumn + 1);
    }
    SECTION("an unknown top-level member is refused and named")
    {
        const Error e = parseError(doc("  \"colour\": \"blue\""));
        CHECK(e.code == Error::Code::Invalid);
        CHECK(e.message.contains(QStringLiteral("colour")));
        CHECK(e.message.contains(QStringLiteral("unknown")));
    }
    SECTION("a top level that is not an object is refused")
    {
        parseError("[1, 2, 3]");
    }
}

TEST_CASE("An import whose third finding names an unknown question imports nothing",
          "[import][json]")
{
    test::Scratch dir;
    auto db = createMaterialWorkbench(dir.path(QStringLiteral("wb.fwb")));
    const auto countsBefore = tableCounts(*db);
    const qint64 auditBefore = AuditLog(*db).count();
    const QByteArray searchBefore =
        scalar(*db, QStringLiteral("SELECT group_concat(rowid) FROM search_index")).toByteArray();

    auto finding = [](const QByteArray& uid, const QByteArray& question,
                      const QByteArray& text) -> QByteArray {
        return "{ \"uid\": \"" + uid +
               "\", \"programme\": \"peel-test-2015\", \"force\": \"cumbria\", "
               "\"question\": \"" +
               question + "\", \"kind\": \"strength\", \"text\": \"" + text + "\" }";
    };
    const QByteArray json =
        doc("  \"regions\": [ { \"code\": \"wales\", \"name\": \"Wales\" } ],\n"
            "  \"judgments\": [ { \"programme\": \"peel-test-2015\", \"force\": \"cumbria\", "
            "\"question\": \"Q1\", "
            "\"grade\": \"good\", \"summary\": \"New.\" },\n"
            "                   { \"programme\": \"peel-test-2015\", \"force\": \"lancashire\", "
            "\"question\": \"Q1\", "
            "\"grade\": \"inadequate\", \"summary\": \"Changed.\" } ],\n"
            "  \"evidence\": [ { \"uid\": \"cumbria-e-1\", \"programme\": \"peel-test-2015\", "
            "\"force\": \"cumbria\", "
            "\"label\": \"Files\", \"method\": \"file_review\" } ],\n"
            "  \"findings\": [ " +
            finding("cumbria-f-1", "Q1", "First new finding.") + ",\n" +
            finding("lancs-f-001", "Q1", "An update to an existing finding.") + ",\n" +
            finding("cumbria-f-3", "Q9", "Names a question that does not exist.") + ",\n" +
            finding("cumbria-f-4", "Q2", "After the bad one.") + " ]");

    auto r = transfer::importJson(*db, json, QStringLiteral("cumbria.json"), kActor);
    REQUIRE_FALSE(r.ok());
    INFO("message: " << r.error().message.toStdString());
    CHECK(r.error().code == Error::Code::Invalid);
    CHECK(r.error().message.startsWith(QStringLiteral("cumbria.json: ")));
    CHECK(r.error().message.contains(QStringLiteral("findings[2]")));
    CHECK(r.error().message.contains(QStringLiteral("Q9")));

    CHECK(tableCounts(*db) == countsBefore);
    CHECK(AuditLog(*db).count() == auditBefore);
    CHECK(
        scalar(*db, QStringLiteral("SELECT group_concat(rowid) FROM search_index")).toByteArray() ==
        searchBefore);
    DraftRepository drafts(*db);
    CHECK(drafts.finding(QStringLiteral("lancs-f-001"))->text ==
          QStringLiteral("The constabulary works well with partners."));
    CHECK(drafts.judgment(kProgramme, QStringLiteral("lancashire"), QStringLiteral("Q1"))
              ->gradeCode == QStringLiteral("outstanding"));
    CHECK_FALSE(drafts.finding(QStringLiteral("cumbria-f-1")).has_value());
    CHECK_FALSE(drafts.evidenceSample(QStringLiteral("cumbria-e-1")).has_value());

    // The workbench is still usable: a transaction was not left open.
    auto ok = transfer::importJson(
        *db, doc("  \"regions\": [ { \"code\": \"wales\", \"name\": \"Wales\" } ]"),
        QStringLiteral("wales.json"), kActor);
    REQUIRE(ok.ok());
    CHECK(ok->inserted == 1);
}

TEST_CASE("Export, import into a fresh workbench and export again gives identical JSON",
          "[import][export][json]")
{
    test::Scratch dir;
    auto original = createMaterialWorkbench(dir.path(QStringLiteral("original.fwb")));
    auto first = transfer::exportJson(*original, {});
    REQUIRE(first.ok());
    const QByteArray exported = first.value();

    // Nothing of the material was lost on the way out.
    const QJsonObject out = jsonObject(exported);
    const QJsonObject fixture = jsonObject(test::readFile(materialFixture()));
    for (const QString& key : fixture.keys()) {
        if (!fixture.value(key).isArray())
            continue;
        INFO("array " << key.toStdString());
        CHECK(out.value(key).toArray().size() == fixture.value(key).toArray().size());
    }
    const QJsonObject reference = jsonObject(test::readFile(referenceFixture()));
    for (const QString& key :
         {QStringLiteral("regions"), QStringLiteral("people"), QStringLiteral("forces"),
          QStringLiteral("grade_scales"), QStringLiteral("programmes")}) {
        INFO("array " << key.toStdString());
        CHECK(out.value(key).toArray().size() == reference.value(key).toArray().size());
    }
    // The nested section tree survived.
    bool sawFigure = false;
    for (const QJsonValue& d : out.value(QStringLiteral("documents")).toArray())
        if (d[QStringLiteral("uid")] == QStringLiteral("lancs-d-report")) {
            const QJsonValue figure = d[QStringLiteral("sections")][1][QStringLiteral("children")]
                                       [1][QStringLiteral("children")][0];
            CHECK(figure[QStringLiteral("uid")].toString() == QStringLiteral("lancs-s-q1-figure"));
            CHECK(figure[QStringLiteral("figure")].toString() == QStringLiteral("Figure 1"));
            sawFigure = true;
        }
    CHECK(sawFigure);

    auto fresh = createReferenceWorkbench(dir.path(QStringLiteral("fresh.fwb")));
    auto imported = transfer::importJson(*fresh, exported, QStringLiteral("original.json"), kActor);
    INFO((imported ? QString() : imported.error().message).toStdString());
    REQUIRE(imported.ok());
    CHECK(imported->inserted > 0);
    CHECK(imported->updated == 0);

    auto second = transfer::exportJson(*fresh, {});
    REQUIRE(second.ok());
    CHECK(second.value() == exported);
    if (second.value() != exported) {
        // Show the first difference to make a failure readable.
        const QList<QByteArray> a = exported.split('\n'), b = second.value().split('\n');
        for (int i = 0; i < std::min(a.size(), b.size()); ++i)
            if (a[i] != b[i]) {
                FAIL_CHECK("line " << i + 1 << ":\n  first:  " << a[i].toStdString()
                                   << "\n  second: " << b[i].toStdString());
                break;
            }
    }

    // Importing the same file again changes nothing, here and in the original.
    auto again = transfer::importJson(*fresh, exported, QStringLiteral("original.json"), kActor);
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->updated == 0);
    int records = 0;
    for (const QJsonValue& v : out)
        if (v.isArray())
            records += int(v.toArray().size());
    CHECK(again->unchanged == records);
    auto self = transfer::importJson(*original, exported, QStringLiteral("original.json"), kActor);
    REQUIRE(self.ok());
    CHECK(self->inserted == 0);
    CHECK(self->updated == 0);
    CHECK(fresh->integrityCheck() == QStringLiteral("ok"));
}

TEST_CASE("A slice export holds only its programme and force, and imports into a fresh workbench",
          "[import][export][json][slice]")
{
    test::Scratch dir;
    auto source = createMaterialWorkbench(dir.path(QStringLiteral("source.fwb")));
    const ExportScope scope{kProgramme, QStringLiteral("lancashire")};
    auto sliced = transfer::exportJson(*source, scope);
    REQUIRE(sliced.ok());
    const QByteArray slice = sliced.value();
    const QJsonObject o = jsonObject(slice);

    CHECK(o[QStringLiteral("scope")][QStringLiteral("programme")].toString() == kProgramme);
    CHECK(o[QStringLiteral("scope")][QStringLiteral("force")].toString() ==
          QStringLiteral("lancashire"));

    // Every drafted record belongs to the programme and the force.
    for (const QString& key :
         {QStringLiteral("judgments"), QStringLiteral("evidence"), QStringLiteral("findings"),
          QStringLiteral("metrics"), QStringLiteral("documents")}) {
        const QJsonArray a = o.value(key).toArray();
        INFO("array " << key.toStdString());
        CHECK_FALSE(a.isEmpty());
        for (const QJsonValue& v : a) {
            CHECK(v[QStringLiteral("force")].toString() == QStringLiteral("lancashire"));
            CHECK(v[QStringLiteral("programme")].toString() == kProgramme);
        }
    }
    CHECK(o.value(QStringLiteral("judgments")).toArray().size() == 3);
    CHECK(o.value(QStringLiteral("findings")).toArray().size() == 3);
    CHECK(o.value(QStringLiteral("evidence")).toArray().size() == 2);
    CHECK(o.value(QStringLiteral("metrics")).toArray().size() == 2);
    CHECK(o.value(QStringLiteral("documents")).toArray().size() == 2);

    // Reference data: only this force, its region and the programme.
    const QJsonArray forces = o.value(QStringLiteral("forces")).toArray();
    REQUIRE(forces.size() == 1);
    CHECK(forces[0][QStringLiteral("code")].toString() == QStringLiteral("lancashire"));
    const QJsonArray regions = o.value(QStringLiteral("regions")).toArray();
    REQUIRE(regions.size() == 1);
    CHECK(regions[0][QStringLiteral("code")].toString() == QStringLiteral("north-west"));
    const QJsonArray programmes = o.value(QStringLiteral("programmes")).toArray();
    REQUIRE(programmes.size() == 1);
    CHECK(programmes[0][QStringLiteral("code")].toString() == kProgramme);
    for (const QJsonValue& p : o.value(QStringLiteral("people")).toArray()) {
        INFO("person " << p[QStringLiteral("code")].toString().toStdString());
        CHECK(p[QStringLiteral("code")].toString() != QStringLiteral("cam-chief"));
        const QString force = p[QStringLiteral("force")].toString();
        CHECK((force.isEmpty() || force == QStringLiteral("lancashire")));
    }

    // Review notes and responses only about this slice's material.
    const QJsonArray notes = o.value(QStringLiteral("review_notes")).toArray();
    CHECK(notes.size() == 2);
    for (const QJsonValue& n : notes)
        CHECK_FALSE(n[QStringLiteral("target")].toString().contains(QStringLiteral("durham")));
    const QJsonArray responses = o.value(QStringLiteral("responses")).toArray();
    REQUIRE(responses.size() == 1);
    CHECK(responses[0][QStringLiteral("document")].toString() == QStringLiteral("lancs-d-report"));

    // No mention of the other forces anywhere in the file.
    CHECK_FALSE(slice.contains("durham"));
    CHECK_FALSE(slice.contains("cumbria"));
    CHECK_FALSE(slice.contains("thematic-test-2014"));

    SECTION("into a fresh workbench built from the same reference data")
    {
        auto target = createReferenceWorkbench(dir.path(QStringLiteral("target.fwb")));
        auto r = transfer::importJson(*target, slice, QStringLiteral("slice.json"), kActor);
        INFO((r ? QString() : r.error().message).toStdString());
        REQUIRE(r.ok());
        CHECK(r->updated == 0);
        CHECK(count(*target, QStringLiteral("findings")) == 3);
        CHECK(count(*target, QStringLiteral("judgments")) == 3);
        CHECK(count(*target, QStringLiteral("documents")) == 2);
        CHECK(count(*target, QStringLiteral("forces")) == 3);
        auto again = transfer::exportJson(*target, scope);
        REQUIRE(again.ok());
        CHECK(again.value() == slice);
    }
    SECTION("into a workbench with no reference data at all")
    {
        auto bare = createWorkbench(dir.path(QStringLiteral("bare.fwb")));
        auto r = transfer::importJson(*bare, slice, QStringLiteral("slice.json"), kActor);
        INFO((r ? QString() : r.error().message).toStdString());
        REQUIRE(r.ok());
        CHECK(count(*bare, QStringLiteral("forces")) == 1);
        CHECK(count(*bare, QStringLiteral("findings")) == 3);
        auto again = transfer::exportJson(*bare, scope);
        REQUIRE(again.ok());
        CHECK(again.value() == slice);
    }
}
