// Judgments CSV: RFC 4180 import that checks every row before writing any, and export that reads
// back to the same judgments.

#include "coretest.h"

#include "core/io/csv.h"
#include "core/storage/documentrepository.h"
#include "core/storage/draftrepository.h"

using namespace fwb;
using namespace coretest;

namespace {

const QString kMultiLine =
    QStringLiteral("Lancashire Constabulary is good at preventing crime, and:\n\n"
                   "* it works with \"partners\";\n* it listens.");

const QByteArray kValidCsv =
    "force,programme,question,grade,summary\r\n"
    "lancashire,peel-test-2015,Q1,good,\"Lancashire Constabulary is good at preventing crime, "
    "and:\n\n"
    "* it works with \"\"partners\"\";\n* it listens.\"\r\n"
    "lancashire,peel-test-2015,Q2,Requires improvement,Investigation requires improvement.\r\n"
    "durham,peel-test-2015,Q0,outstanding,Durham is outstanding.\r\n";

Error csvError(Database& db, const QByteArray& text,
               const QString& name = QStringLiteral("judgments.csv"))
{
    const qint64 audit = AuditLog(db).count();
    const qint64 judgments = count(db, QStringLiteral("judgments"));
    auto r = transfer::importJudgmentsCsv(db, text, name, kActor);
    REQUIRE_FALSE(r.ok());
    INFO("message: " << r.error().message.toStdString());
    CHECK(r.error().code == Error::Code::Invalid);
    CHECK(r.error().message.startsWith(name + QStringLiteral(": ")));
    CHECK(count(db, QStringLiteral("judgments")) == judgments);
    CHECK(AuditLog(db).count() == audit);
    return r.error();
}

} // namespace

TEST_CASE("A valid judgments CSV with a multi-line summary and a grade label creates judgments",
          "[import][csv]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    auto r = transfer::importJudgmentsCsv(*db, kValidCsv, QStringLiteral("judgments.csv"), kActor);
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r.ok());
    CHECK(r->inserted == 3);
    CHECK(r->updated == 0);

    DraftRepository drafts(*db);
    auto q1 = drafts.judgment(kProgramme, QStringLiteral("lancashire"), QStringLiteral("Q1"));
    REQUIRE(q1.has_value());
    CHECK(q1->gradeCode == QStringLiteral("good"));
    CHECK(q1->summary == kMultiLine);
    auto q2 = drafts.judgment(kProgramme, QStringLiteral("lancashire"), QStringLiteral("Q2"));
    REQUIRE(q2.has_value());
    CHECK(q2->gradeCode == QStringLiteral("requires-improvement"));
    CHECK(q2->gradeLabel == QStringLiteral("Requires improvement"));
    CHECK(q2->summary == QStringLiteral("Investigation requires improvement."));
    auto d = drafts.judgment(kProgramme, QStringLiteral("durham"), QStringLiteral("Q0"));
    REQUIRE(d.has_value());
    CHECK(d->gradeCode == QStringLiteral("outstanding"));
    CHECK(count(*db, QStringLiteral("judgments")) == 3);

    // Importing it again changes nothing.
    auto again =
        transfer::importJudgmentsCsv(*db, kValidCsv, QStringLiteral("judgments.csv"), kActor);
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->updated == 0);
    CHECK(again->unchanged == 3);
}

TEST_CASE("Judgments CSV columns may come in any order and any case, with a byte-order mark",
          "[import][csv]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    const QByteArray text = "\xEF\xBB\xBFSummary,GRADE,Question,Force,Programme\n"
                            "\"Cumbria, briefly.\",inadequate,Q2,cumbria,peel-test-2015\n";
    auto r = transfer::importJudgmentsCsv(*db, text, QStringLiteral("j.csv"), kActor);
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r.ok());
    auto j =
        DraftRepository(*db).judgment(kProgramme, QStringLiteral("cumbria"), QStringLiteral("Q2"));
    REQUIRE(j.has_value());
    CHECK(j->gradeCode == QStringLiteral("inadequate"));
    CHECK(j->summary == QStringLiteral("Cumbria, briefly."));
}

TEST_CASE("A judgments CSV whose row 3 has an unknown grade imports nothing and names row 3 and "
          "the grade",
          "[import][csv]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    const QByteArray text = "force,programme,question,grade,summary\n"
                            "lancashire,peel-test-2015,Q1,good,\"Two\nlines.\"\n"
                            "lancashire,peel-test-2015,Q2,excellent,Not on the scale.\n"
                            "durham,peel-test-2015,Q1,good,Fine.\n";
    const Error e = csvError(*db, text);
    CHECK(e.message.contains(QStringLiteral("row 3")));
    CHECK(e.message.contains(QStringLiteral("grade")));
    CHECK(e.message.contains(QStringLiteral("excellent")));
    CHECK_FALSE(e.message.contains(QStringLiteral("row 4")));
}

TEST_CASE("A judgments CSV row on an ungraded question names its row and imports nothing",
          "[import][csv]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    const QByteArray text = "force,programme,question,grade,summary\n"
                            "lancashire,peel-test-2015,Q1,good,Fine.\n"
                            "lancashire,peel-test-2015,Q2,good,Fine.\n"
                            "lancashire,peel-test-2015,Q1.1,good,Not graded.\n";
    const Error e = csvError(*db, text);
    CHECK(e.message.contains(QStringLiteral("row 4")));
    CHECK(e.message.contains(QStringLiteral("Q1.1")));
}

TEST_CASE("A judgments CSV with a wrong header is refused naming row 1", "[import][csv]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    SECTION("an unknown column")
    {
        const Error e = csvError(*db, "force,programme,question,mark,summary\n"
                                      "lancashire,peel-test-2015,Q1,good,Fine.\n");
        CHECK(e.message.contains(QStringLiteral("row 1")));
        CHECK(e.message.contains(QStringLiteral("mark")));
    }
    SECTION("an extra column")
    {
        const Error e = csvError(*db, "force,programme,question,grade,summary,notes\n"
                                      "lancashire,peel-test-2015,Q1,good,Fine.,x\n");
        CHECK(e.message.contains(QStringLiteral("row 1")));
        CHECK(e.message.contains(QStringLiteral("notes")));
    }
    SECTION("a missing column")
    {
        const Error e =
            csvError(*db, "force,programme,question,grade\nlancashire,peel-test-2015,Q1,good\n");
        CHECK(e.message.contains(QStringLiteral("row 1")));
        CHECK(e.message.contains(QStringLiteral("summary")));
    }
    SECTION("a repeated column")
    {
        const Error e = csvError(*db, "force,programme,question,grade,summary,Force\n"
                                      "lancashire,peel-test-2015,Q1,good,Fine.,lancashire\n");
        CHECK(e.message.contains(QStringLiteral("row 1")));
    }
}

TEST_CASE("A judgments CSV row with the wrong number of fields is refused naming its row",
          "[import][csv]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    SECTION("too few")
    {
        const Error e = csvError(*db, "force,programme,question,grade,summary\n"
                                      "lancashire,peel-test-2015,Q1,good,Fine.\n"
                                      "lancashire,peel-test-2015,Q2,good\n");
        CHECK(e.message.contains(QStringLiteral("row 3")));
    }
    SECTION("too many")
    {
        const Error e = csvError(*db, "force,programme,question,grade,summary\n"
                                      "lancashire,peel-test-2015,Q1,good,Fine.\n"
                                      "lancashire,peel-test-2015,Q0,good,Fine.\n"
                                      "lancashire,peel-test-2015,Q2,good,Fine,really.\n");
        CHECK(e.message.contains(QStringLiteral("row 4")));
    }
}

TEST_CASE("A judgments CSV with an unterminated quote is refused", "[import][csv]")
{
    test::Scratch dir;
    auto db = createReferenceWorkbench(dir.path(QStringLiteral("wb.fwb")));
    const QByteArray text = "force,programme,question,grade,summary\n"
                            "lancashire,peel-test-2015,Q1,good,Fine.\n"
                            "lancashire,peel-test-2015,Q2,good,\"This quote is never closed.\n";
    const Error e = csvError(*db, text);
    CHECK(e.message.contains(QStringLiteral("row 3")));

    auto parsed = csv::parse(text, QStringLiteral("judgments.csv"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == Error::Code::Invalid);
}

TEST_CASE("Exported judgments CSV parses back to the same judgments", "[export][csv]")
{
    test::Scratch dir;
    auto db = createMaterialWorkbench(dir.path(QStringLiteral("wb.fwb")));
    REQUIRE(
        transfer::importJudgmentsCsv(*db, kValidCsv, QStringLiteral("judgments.csv"), kActor).ok());
    const QList<Judgment> stored = DraftRepository(*db).judgments(kProgramme);
    REQUIRE(stored.size() >= 3);

    auto exported = transfer::exportJudgmentsCsv(*db, {});
    REQUIRE(exported.ok());
    auto rows = csv::parse(exported.value(), QStringLiteral("export.csv"));
    INFO((rows ? QString() : rows.error().message).toStdString());
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == stored.size() + 1);
    const QStringList header = rows->at(0).fields;
    CHECK(header == QStringList{QStringLiteral("force"), QStringLiteral("programme"),
                                QStringLiteral("question"), QStringLiteral("grade"),
                                QStringLiteral("summary")});

    QMap<QString, Judgment> byKey;
    for (const Judgment& j : stored)
        byKey.insert(j.forceCode + QLatin1Char('/') + j.questionCode, j);
    QSet<QString> seen;
    for (int i = 1; i < rows->size(); ++i) {
        const QStringList f = rows->at(i).fields;
        REQUIRE(f.size() == 5);
        const QString key = f[0] + QLatin1Char('/') + f[2];
        INFO("row " << i + 1 << ": " << key.toStdString());
        REQUIRE(byKey.contains(key));
        const Judgment& j = byKey[key];
        CHECK(f[1] == j.programmeCode);
        CHECK(f[3] == j.gradeCode);
        CHECK(f[4] == j.summary);
        seen.insert(key);
    }
    CHECK(seen.size() == stored.size());
    // The multi-line summary came back intact.
    CHECK(byKey[QStringLiteral("lancashire/Q1")].summary == kMultiLine);

    // Imported into a fresh workbench it creates the same judgments.
    auto fresh = createReferenceWorkbench(dir.path(QStringLiteral("fresh.fwb")));
    auto r = transfer::importJudgmentsCsv(*fresh, exported.value(), QStringLiteral("export.csv"),
                                          kActor);
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r.ok());
    CHECK(r->inserted == stored.size());
    for (const Judgment& j : stored) {
        auto k = DraftRepository(*fresh).judgment(j.programmeCode, j.forceCode, j.questionCode);
        REQUIRE(k.has_value());
        CHECK(k->gradeCode == j.gradeCode);
        CHECK(k->summary == j.summary);
    }
}

// ---- formulas ---------------------------------------------------------------------------------

namespace {

// Values a spreadsheet would run, values that look like it, and values that must pass untouched.
QStringList trickyValues()
{
    QStringList v{QString(),
                  QStringLiteral("plain text"),
                  QStringLiteral("=1+1"),
                  QStringLiteral("=HYPERLINK(\"http://x\",\"click\")"),
                  QStringLiteral("+44 1234"),
                  QStringLiteral("-2+3"),
                  QStringLiteral("- a bullet"),
                  QStringLiteral("@SUM(A1)"),
                  QStringLiteral("\t=1+1"),
                  QStringLiteral("\r=1+1"),
                  QStringLiteral("\n=1+1"),
                  QStringLiteral("'"),
                  QStringLiteral("''"),
                  QStringLiteral("'''="),
                  QStringLiteral("'plain"),
                  QStringLiteral("'=1+1"),
                  QStringLiteral("''=1+1"),
                  QStringLiteral("'+1"),
                  QStringLiteral("'-5"),
                  QStringLiteral("'@x"),
                  QStringLiteral("'\t"),
                  QStringLiteral("-5"),
                  QStringLiteral("-5.2"),
                  QStringLiteral("+7"),
                  QStringLiteral("-1.5e-05"),
                  QStringLiteral("-.5"),
                  QStringLiteral("-"),
                  QStringLiteral("="),
                  QStringLiteral("@"),
                  QStringLiteral("42"),
                  QStringLiteral("\"quoted\", with a comma"),
                  QStringLiteral("=\"a\"\"b\""),
                  QStringLiteral("two\nlines"),
                  QStringLiteral("-two\r\nlines"),
                  QStringLiteral("Caf\u00e9 \u2014 \u00ab\u00bb \U0001F600"),
                  QStringLiteral("=\u00e9"),
                  QStringLiteral("\uFF1D1+1"), // a full-width equals sign
                  QStringLiteral(" =1+1"),
                  QStringLiteral("  leading and trailing  ")};
    v << QString(QChar(0)) + QStringLiteral("=1");
    return v;
}

bool formulaStart(const QString& cell)
{
    return !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()) &&
           cell.front() != QChar();
}

} // namespace

TEST_CASE("Every tricky value reads back exactly after formatRow and parse", "[csv][formula]")
{
    const QStringList values = trickyValues();
    // One value a row, and all of them in one row.
    QByteArray text;
    for (const QString& v : values)
        text += csv::formatRow({v, QStringLiteral("end")});
    text += csv::formatRow(values);
    auto rows = csv::parse(text, QStringLiteral("t.csv"));
    INFO((rows ? QString() : rows.error().message).toStdString());
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == values.size() + 1);
    for (int i = 0; i < values.size(); ++i) {
        INFO("value " << i << ": " << values[i].toStdString());
        CHECK(rows->at(i).fields == QStringList({values[i], QStringLiteral("end")}));
        CHECK(csv::unprotectField(csv::protectField(values[i])) == values[i]);
    }
    CHECK(rows->back().fields == values);
}

TEST_CASE("A cell a spreadsheet would run as a formula is written behind an apostrophe",
          "[csv][formula]")
{
    CHECK(csv::formatRow({QStringLiteral("=HYPERLINK(\"http://x\",\"click\")")}) ==
          QByteArray("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"\r\n"));
    CHECK(csv::protectField(QStringLiteral("+A1")) == QStringLiteral("'+A1"));
    CHECK(csv::protectField(QStringLiteral("-2+3")) == QStringLiteral("'-2+3"));
    CHECK(csv::protectField(QStringLiteral("@SUM(A1)")) == QStringLiteral("'@SUM(A1)"));
    CHECK(csv::protectField(QStringLiteral("\t=1")) == QStringLiteral("'\t=1"));
    CHECK(csv::protectField(QStringLiteral("\r=1")) == QStringLiteral("'\r=1"));
    // A real apostrophe before such a character gets one more; elsewhere it is left alone.
    CHECK(csv::protectField(QStringLiteral("'=1")) == QStringLiteral("''=1"));
    CHECK(csv::protectField(QStringLiteral("''")) == QStringLiteral("'''"));
    CHECK(csv::protectField(QStringLiteral("'plain")) == QStringLiteral("'plain"));
    // Plain numbers stay numbers, so a spreadsheet can add them up.
    for (const char* n : {"-5", "-5.2", "+7", "-1.5e-05", "-0.25", "42"})
        CHECK(csv::protectField(QString::fromLatin1(n)) == QString::fromLatin1(n));
    CHECK(csv::protectField(QStringLiteral("-5 ")) == QStringLiteral("'-5 "));
    CHECK(csv::protectField(QStringLiteral("-5,2")) == QStringLiteral("'-5,2"));
    CHECK(csv::protectField(QStringLiteral("-1e5+cmd")) == QStringLiteral("'-1e5+cmd"));

    // Whatever the value, no cell written starts a formula unless it is a plain number.
    for (const QString& v : trickyValues()) {
        INFO(v.toStdString());
        const QString cell = csv::protectField(v);
        CHECK((!formulaStart(cell) || cell == v));
        if (formulaStart(cell))
            CHECK(QRegularExpression(QStringLiteral("^[+-][0-9.eE+-]+$")).match(cell).hasMatch());
    }
}

TEST_CASE("A file from a spreadsheet: the apostrophe before a formula character is taken off, "
          "others stay",
          "[csv][formula]")
{
    const QByteArray text = "a,b,c,d,e\r\n"
                            "\"'=HYPERLINK(\"\"x\"\")\",'plain,'-5,'',=raw\r\n";
    auto rows = csv::parse(text, QStringLiteral("f.csv"));
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    CHECK(rows->at(1).fields ==
          QStringList({QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("'plain"),
                       QStringLiteral("-5"), QStringLiteral("'"), QStringLiteral("=raw")}));
}

TEST_CASE("A judgment summary that is a formula is exported behind an apostrophe and imports back "
          "as itself",
          "[csv][formula][export][import]")
{
    test::Scratch dir;
    auto db = createMaterialWorkbench(dir.path(QStringLiteral("wb.fwb")));
    const QStringList values = trickyValues();
    // A hand-made file as a spreadsheet saves it: the formula in the clear.
    const QByteArray hostile =
        "force,programme,question,grade,summary\r\n"
        "lancashire,peel-test-2015,Q1,good,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"\r\n"
        "lancashire,peel-test-2015,Q2,good,'-5\r\n"
        "durham,peel-test-2015,Q0,good,@SUM(A1)\r\n";
    auto in = transfer::importJudgmentsCsv(*db, hostile, QStringLiteral("hostile.csv"), kActor);
    INFO((in ? QString() : in.error().message).toStdString());
    REQUIRE(in.ok());
    DraftRepository drafts(*db);
    CHECK(
        drafts.judgment(kProgramme, QStringLiteral("lancashire"), QStringLiteral("Q1"))->summary ==
        QStringLiteral("=HYPERLINK(\"http://x\",\"click\")"));
    CHECK(
        drafts.judgment(kProgramme, QStringLiteral("lancashire"), QStringLiteral("Q2"))->summary ==
        QStringLiteral("-5"));
    CHECK(drafts.judgment(kProgramme, QStringLiteral("durham"), QStringLiteral("Q0"))->summary ==
          QStringLiteral("@SUM(A1)"));

    auto exported = transfer::exportJudgmentsCsv(*db, {});
    REQUIRE(exported.ok());
    CHECK(exported->contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""));
    CHECK(exported->contains("\"'@SUM(A1)\""));
    CHECK_FALSE(exported->contains(",\"=HYPERLINK"));

    // Every tricky value as a summary: import, export, parse: the same text each time.
    const Judgment j =
        *drafts.judgment(kProgramme, QStringLiteral("lancashire"), QStringLiteral("Q1"));
    for (int i = 0; i < values.size(); ++i) {
        const QByteArray one =
            "force,programme,question,grade,summary\r\n" +
            csv::formatRow({j.forceCode, j.programmeCode, j.questionCode, j.gradeCode, values[i]});
        auto r = transfer::importJudgmentsCsv(*db, one, QStringLiteral("one.csv"), kActor);
        INFO("value " << i << ": " << values[i].toStdString() << " "
                      << (r ? QString() : r.error().message).toStdString());
        REQUIRE(r.ok());
        CHECK(drafts.judgment(kProgramme, j.forceCode, j.questionCode)->summary == values[i]);
        auto again = transfer::exportJudgmentsCsv(*db, {});
        REQUIRE(again.ok());
        auto rows = csv::parse(*again, QStringLiteral("again.csv"));
        REQUIRE(rows.ok());
        int found = 0;
        for (const csv::Row& row : *rows)
            if (row.fields.value(0) == j.forceCode && row.fields.value(2) == j.questionCode) {
                ++found;
                CHECK(row.fields.value(4) == values[i]);
            }
        CHECK(found == 1);
    }
}
