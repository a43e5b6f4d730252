// Formulas in CSV files, as a script meets them: a force's answered form holding a live
// spreadsheet formula imports as the literal text it is, and every CSV the program writes (the
// judgments export, the matrix, the change, the profile, the figure list, the follow-up list, the
// response form and the closing record) carries it behind an apostrophe, never as a formula.

#include "clitest.h"
#include "core/io/csv.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {

const QString kPeel = S("peel-effectiveness-2015");
const QString kLink = S("=HYPERLINK(\"http://x\",\"click\")");

QString packFile(const QString& dir, const QString& suffix)
{
    for (const QString& name : QDir(dir).entryList(QDir::Files))
        if (name.endsWith(suffix))
            return QDir(dir).filePath(name);
    return {};
}

// No field of the file, as written, starts what a spreadsheet runs: '=', '+', '@', tab, CR, or a
// '-' that does not begin a plain number. Every field is quoted, so a field starts after `"` at
// the start of a line or after `,"`.
void checkNoLiveFormula(const QByteArray& bytes, const char* what)
{
    INFO(what);
    REQUIRE_FALSE(bytes.isEmpty());
    static const QRegularExpression live(
        QStringLiteral("(^|\\n|,)\"([=+@\\t\\r]|-(?![0-9.]+(e[+-]?[0-9]+)?\"))"));
    const QString text = QString::fromUtf8(bytes);
    const auto m = live.match(text);
    INFO("at: " << text.mid(qMax(0, int(m.capturedStart()) - 40), 120).toStdString());
    CHECK_FALSE(m.hasMatch());
}

// The file holds the hostile text as a field, behind its apostrophe, and reads back as itself.
void checkHolds(const QByteArray& bytes, const QString& text, const char* what)
{
    INFO(what);
    checkNoLiveFormula(bytes, what);
    CHECK(bytes.contains(csv::formatRow({text}).chopped(2)));
    CHECK(bytes.contains("\"'="));
    auto rows = csv::parse(bytes, S("out.csv"));
    REQUIRE(rows.ok());
    bool found = false;
    for (const csv::Row& r : *rows)
        found = found || r.fields.contains(text);
    CHECK(found);
}

Run ok(const QStringList& args)
{
    const Run r = runFwb(args);
    INFO(args.join(S(" ")).toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.code == 0);
    return r;
}

} // namespace

TEST_CASE("A formula in a force's answered form imports as text and no CSV written carries it live",
          "[cli][csv][formula]")
{
    test::Scratch dir;
    const QString file = dir.path(S("demo.fwb"));
    ok({S("init"), file, S("--demo")});

    // Hostile text wherever the CSVs carry text: a force's name, a finding, a judgment's summary,
    // a metric's name; and a copy of the programme for the change.
    ok({S("force"), S("set"), file, S("kent"), S("--name"), kLink});
    ok({S("finding"), S("add"), file, S("--programme"), kPeel, S("--force"), S("kent"),
        S("--question"), S("Q2.1"), S("--kind"), S("area_for_improvement"), S("--text"), kLink});
    ok({S("finding"), S("add"), file, S("--programme"), kPeel, S("--force"), S("lancashire"),
        S("--question"), S("Q1.1"), S("--kind"), S("strength"), S("--text"),
        S("-1+1 is a sum the force will see")});
    ok({S("judgment"), S("set"), file, S("--programme"), kPeel, S("--force"), S("kent"),
        S("--question"), S("Q2"), S("--grade"), S("good"), S("--summary"), kLink});
    ok({S("metric"), S("set"), file, S("--programme"), kPeel, S("--force"), S("kent"), S("--name"),
        kLink, S("--value"), S("-5.2"), S("--national"), S("-3")});
    ok({S("programme"), S("create"), file, S("--code"), S("peel-2016"), S("--title"),
        S("PEEL 2016"), S("--year"), S("2016"), S("--copy-from"), kPeel});
    ok({S("judgment"), S("set"), file, S("--programme"), S("peel-2016"), S("--force"), S("kent"),
        S("--question"), S("Q2"), S("--grade"), S("inadequate"), S("--summary"), S("@worse")});

    checkHolds(ok({S("export"), file, S("--format"), S("csv")}).out.toUtf8(), kLink,
               "judgments export");
    checkHolds(
        ok({S("judgments"), file, S("--programme"), kPeel, S("--format"), S("csv")}).out.toUtf8(),
        kLink, "matrix");
    checkHolds(
        ok({S("change"), file, S("--to"), S("peel-2016"), S("--format"), S("csv")}).out.toUtf8(),
        kLink, "change");
    const QByteArray profile =
        ok({S("profile"), file, S("--force"), S("kent"), S("--format"), S("csv")}).out.toUtf8();
    checkHolds(profile, kLink, "profile");
    CHECK(profile.contains("\"-5.2\"")); // a plain number stays a number
    checkHolds(ok({S("figure"), file, S("--programme"), kPeel, S("--name"), kLink, S("--format"),
                   S("csv")})
                   .out.toUtf8(),
               kLink, "figure list");
    checkHolds(
        ok({S("followup"), S("list"), file, S("--force"), S("kent"), S("--format"), S("csv")})
            .out.toUtf8(),
        kLink, "follow-up list");

    // The factual accuracy round: the form carries the finding that looks like a sum behind an
    // apostrophe; the force answers with a formula, in the clear, as a spreadsheet saves it.
    ok({S("review"), S("move"), file, S("--document"), S("lancs-2015-report"), S("--to"),
        S("ready")});
    ok({S("review"), S("send"), file, S("--document"), S("lancs-2015-report"), S("-o"),
        dir.path(S("pack"))});
    const QString form = packFile(dir.path(S("pack")), S("-response-form.csv"));
    REQUIRE_FALSE(form.isEmpty());
    const QByteArray formBytes = test::readFile(form);
    checkNoLiveFormula(formBytes, "response form");
    CHECK(formBytes.contains("\"'-1+1 is a sum the force will see\""));
    auto rows = csv::parse(formBytes, S("form"));
    REQUIRE(rows.ok());
    int sum = -1, other = -1;
    for (int i = 1; i < rows->size(); ++i) {
        if ((*rows)[i].fields.value(1) == S("-1+1 is a sum the force will see"))
            sum = i;
        else if (other < 0 && (*rows)[i].fields.value(0).startsWith(QLatin1Char('F')))
            other = i;
    }
    REQUIRE(sum > 0);
    REQUIRE(other > 0);
    // Written as a spreadsheet writes it: fields quoted only where needed, the apostrophe of the
    // row that had one kept, the formula in the clear.
    auto field = [](const QString& s) {
        return s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
                       s.contains(QLatin1Char('\n'))
                   ? QLatin1Char('"') + QString(s).replace(S("\""), S("\"\"")) + QLatin1Char('"')
                   : s;
    };
    QString answered = S("reference,current text,proposed change,evidence offered,category\r\n");
    answered += (*rows)[other].fields[0] + S(",") + field((*rows)[other].fields[1]) + S(",") +
                field(kLink) + S(",,factual error\r\n");
    answered += (*rows)[sum].fields[0] + S(",'-1+1 is a sum the force will see,") +
                field(S("@SUM(A1)")) + S(",'=see it,typo\r\n");
    test::writeFile(dir.path(S("answered.csv")), answered.toUtf8());
    const Run imported = runFwb({S("review"), S("import"), file, dir.path(S("answered.csv"))});
    INFO(imported.err.toStdString());
    REQUIRE(imported.code == 0);
    CHECK(imported.out.contains(S("imported 2 response(s)")));

    // Stored as the literal text.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("csv"));
        db.setDatabaseName(file);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(
            q.exec(S("SELECT proposed_change, evidence_offered FROM fa_responses ORDER BY id")));
        REQUIRE(q.next());
        CHECK(q.value(0).toString() == kLink);
        REQUIRE(q.next());
        CHECK(q.value(0).toString() == S("@SUM(A1)"));
        CHECK(q.value(1).toString() == S("=see it"));
    }
    QSqlDatabase::removeDatabase(S("csv"));

    // The closing record writes it behind an apostrophe.
    const QString record = dir.path(S("record.csv"));
    ok({S("review"), S("record"), file, S("--document"), S("lancs-2015-report"), S("-o"), record});
    const QByteArray recordBytes = test::readFile(record);
    checkHolds(recordBytes, kLink, "closing record");
    CHECK(recordBytes.contains("\"'@SUM(A1)\""));
    CHECK(recordBytes.contains("\"'=see it\""));
    CHECK(recordBytes.contains("\"'-1+1 is a sum the force will see\""));
}
