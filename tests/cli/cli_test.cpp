// The fwb command, run as a separate process: exit codes, one-line errors, and files it writes.

#include "clitest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {

int errLines(const Run& r)
{
    return int(r.err.trimmed().split(QLatin1Char('\n')).size());
}

} // namespace

TEST_CASE("fwb --help and --version answer on stdout with exit 0", "[cli]")
{
    const Run help = runFwb({QStringLiteral("--help")});
    CHECK(help.code == 0);
    CHECK(help.out.contains(QStringLiteral("init FILE")));
    CHECK(help.out.contains(QStringLiteral("export FILE")));
    const Run version = runFwb({QStringLiteral("--version")});
    CHECK(version.code == 0);
    CHECK(version.out.startsWith(QStringLiteral("fwb (Findings Workbench) ")));
    const Run sub = runFwb({QStringLiteral("export"), QStringLiteral("--help")});
    CHECK(sub.code == 0);
    CHECK(sub.out.contains(QStringLiteral("--format")));
}

TEST_CASE("fwb usage errors exit 2 with one line saying what is wrong", "[cli]")
{
    test::Scratch dir;
    const Run none = runFwb({});
    CHECK(none.code == 2);
    const Run unknown = runFwb({QStringLiteral("frobnicate")});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.contains(QStringLiteral("unknown command \"frobnicate\"")));
    const Run missing = runFwb({QStringLiteral("init")});
    CHECK(missing.code == 2);
    CHECK(missing.err.contains(QStringLiteral("init takes 1 argument")));
    const Run badOption = runFwb(
        {QStringLiteral("info"), dir.path(QStringLiteral("x.fwb")), QStringLiteral("--bogus")});
    CHECK(badOption.code == 2);
    const Run badFormat = runFwb({QStringLiteral("export"), dir.path(QStringLiteral("x.fwb")),
                                  QStringLiteral("--format"), QStringLiteral("xml")});
    CHECK(badFormat.code == 2);
    CHECK(badFormat.err.contains(QStringLiteral("unknown format \"xml\"")));
}

TEST_CASE("fwb init creates a workbench that fwb info describes", "[cli]")
{
    test::Scratch dir;
    const QString file = dir.path(QStringLiteral("new.fwb"));
    const Run init = runFwb({QStringLiteral("init"), file});
    REQUIRE(init.code == 0);
    CHECK(init.out.contains(QStringLiteral("43 forces")));
    const Run info = runFwb({QStringLiteral("info"), file, QStringLiteral("--json")});
    REQUIRE(info.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(info.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("forces")).toInt() == 43);
    CHECK(o.value(QStringLiteral("findings")).toInt() == 0);
    CHECK(o.value(QStringLiteral("schema_version")).toInt() == Database::latestVersion());
    CHECK(o.value(QStringLiteral("programmes"))
              .toObject()
              .contains(QStringLiteral("peel-effectiveness-2015")));

    // A second init on the same path refuses and leaves the file as it was.
    const QByteArray before = test::readFile(file);
    const Run again = runFwb({QStringLiteral("init"), file, QStringLiteral("--demo")});
    CHECK(again.code == 3);
    CHECK(again.err.contains(QStringLiteral("already exists")));
    CHECK(test::readFile(file) == before);
}

TEST_CASE("fwb info on files that are not workbenches exits 3 naming the file", "[cli]")
{
    test::Scratch dir;
    const QString text = dir.path(QStringLiteral("notes.fwb"));
    test::writeFile(text, "these are my notes, not a workbench\n");
    const Run r = runFwb({QStringLiteral("info"), text});
    CHECK(r.code == 3);
    CHECK(errLines(r) == 1);
    CHECK(r.err.contains(QStringLiteral("not an SQLite database")));
    CHECK(r.err.contains(QStringLiteral("notes.fwb")));
    CHECK(test::readFile(text) == QByteArray("these are my notes, not a workbench\n"));

    const Run missing = runFwb({QStringLiteral("info"), dir.path(QStringLiteral("absent.fwb"))});
    CHECK(missing.code == 3);
    CHECK(missing.err.contains(QStringLiteral("No such file")));
}

TEST_CASE("fwb export then import into a new workbench reproduces the data exactly",
          "[cli][roundtrip]")
{
    test::Scratch dir;
    const QString a = dir.path(QStringLiteral("a.fwb"));
    const QString b = dir.path(QStringLiteral("b.fwb"));
    REQUIRE(runFwb({QStringLiteral("init"), a, QStringLiteral("--demo")}).code == 0);
    REQUIRE(runFwb({QStringLiteral("init"), b}).code == 0);
    const QString json = dir.path(QStringLiteral("a.json"));
    const Run exported = runFwb({QStringLiteral("export"), a, QStringLiteral("--format"),
                                 QStringLiteral("json"), QStringLiteral("-o"), json});
    REQUIRE(exported.code == 0);
    const QJsonObject doc = QJsonDocument::fromJson(test::readFile(json)).object();
    CHECK(doc.value(QStringLiteral("findings")).toArray().size() > 50);
    CHECK(doc.value(QStringLiteral("judgments")).toArray().size() == 5);

    const Run imported = runFwb({QStringLiteral("import"), b, json});
    REQUIRE(imported.code == 0);
    CHECK(imported.out.contains(QStringLiteral("added")));

    const Run again =
        runFwb({QStringLiteral("export"), b, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(again.code == 0);
    CHECK(again.out.toUtf8() == test::readFile(json));

    // The CSV of judgments agrees too.
    const Run csvA =
        runFwb({QStringLiteral("export"), a, QStringLiteral("--format"), QStringLiteral("csv")});
    const Run csvB =
        runFwb({QStringLiteral("export"), b, QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(csvA.code == 0);
    CHECK(csvA.out == csvB.out);
    CHECK(csvA.out.count(QStringLiteral("\r\n")) == 6); // header + five judgments
}

TEST_CASE("fwb export of one force and programme holds nothing of the rest", "[cli]")
{
    test::Scratch dir;
    const QString a = dir.path(QStringLiteral("a.fwb"));
    REQUIRE(runFwb({QStringLiteral("init"), a, QStringLiteral("--demo")}).code == 0);
    const Run r =
        runFwb({QStringLiteral("export"), a, QStringLiteral("--format"), QStringLiteral("json"),
                QStringLiteral("--programme"), QStringLiteral("core-business-2014"),
                QStringLiteral("--force"), QStringLiteral("lancashire")});
    REQUIRE(r.code == 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(doc.value(QStringLiteral("forces")).toArray().size() == 1);
    CHECK(doc.value(QStringLiteral("programmes")).toArray().size() == 1);
    CHECK(doc.value(QStringLiteral("judgments")).toArray().isEmpty()); // 2014 was not graded
    for (const QJsonValue& f : doc.value(QStringLiteral("findings")).toArray())
        CHECK(f.toObject().value(QStringLiteral("programme")).toString() ==
              QStringLiteral("core-business-2014"));
    CHECK_FALSE(r.out.contains(QStringLiteral("peel-effectiveness-2015")));

    const Run unknown =
        runFwb({QStringLiteral("export"), a, QStringLiteral("--format"), QStringLiteral("csv"),
                QStringLiteral("--force"), QStringLiteral("atlantis")});
    CHECK(unknown.code == 3);
    CHECK(unknown.err.contains(QStringLiteral("no force \"atlantis\"")));
}

TEST_CASE("fwb import of a CSV with one bad row names the row and imports nothing", "[cli][csv]")
{
    test::Scratch dir;
    const QString file = dir.path(QStringLiteral("w.fwb"));
    REQUIRE(runFwb({QStringLiteral("init"), file}).code == 0);
    const QString csv = dir.path(QStringLiteral("judgments.csv"));
    test::writeFile(
        csv, "force,programme,question,grade,summary\n"
             "cumbria,peel-effectiveness-2015,Q1,good,\"Cumbria is good at preventing crime.\"\n"
             "kent,peel-effectiveness-2015,Q2,excellent,Kent investigates well.\n");
    const QByteArray before =
        runFwb({QStringLiteral("export"), file, QStringLiteral("--format"), QStringLiteral("json")})
            .out.toUtf8();
    const Run r = runFwb({QStringLiteral("import"), file, csv});
    CHECK(r.code == 3);
    CHECK(errLines(r) == 1);
    CHECK(r.err.contains(QStringLiteral("judgments.csv: row 3, column \"grade\"")));
    CHECK(r.err.contains(QStringLiteral("excellent")));
    const QByteArray after =
        runFwb({QStringLiteral("export"), file, QStringLiteral("--format"), QStringLiteral("json")})
            .out.toUtf8();
    CHECK(after == before);

    // Corrected, it imports both rows.
    test::writeFile(
        csv, "force,programme,question,grade,summary\n"
             "cumbria,peel-effectiveness-2015,Q1,good,\"Cumbria is good at preventing crime.\"\n"
             "kent,peel-effectiveness-2015,Q2,Requires improvement,\"Kent requires "
             "improvement,\nin two lines.\"\n");
    const Run ok = runFwb({QStringLiteral("import"), file, csv});
    CHECK(ok.code == 0);
    const Run csvOut =
        runFwb({QStringLiteral("export"), file, QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(csvOut.out.contains(QStringLiteral("\"requires-improvement\"")));
    CHECK(csvOut.out.contains(QStringLiteral("in two lines.")));
}

TEST_CASE("fwb import of malformed JSON exits 3 and names line and column", "[cli][import]")
{
    test::Scratch dir;
    const QString file = dir.path(QStringLiteral("w.fwb"));
    REQUIRE(runFwb({QStringLiteral("init"), file}).code == 0);
    const QString bad = dir.path(QStringLiteral("broken.json"));
    test::writeFile(bad, "{\n  \"format\": \"findings-workbench\",\n  \"version\": 1,\n  "
                         "\"findings\": [ {,} ]\n}\n");
    const Run r = runFwb({QStringLiteral("import"), file, bad});
    CHECK(r.code == 3);
    CHECK(r.err.contains(QStringLiteral("broken.json: line 4")));
    const Run missing =
        runFwb({QStringLiteral("import"), file, dir.path(QStringLiteral("nope.json"))});
    CHECK(missing.code == 3);
    CHECK(missing.err.contains(QStringLiteral("No such file")));
}

TEST_CASE("fwb export refuses to write over the workbench and reports a failed write", "[cli]")
{
    test::Scratch dir;
    const QString file = dir.path(QStringLiteral("w.fwb"));
    REQUIRE(runFwb({QStringLiteral("init"), file}).code == 0);
    const QByteArray before = test::readFile(file);
    const Run over = runFwb({QStringLiteral("export"), file, QStringLiteral("--format"),
                             QStringLiteral("csv"), QStringLiteral("-o"), file});
    CHECK(over.code == 2);
    CHECK(over.err.contains(QStringLiteral("is the workbench's own file")));
    CHECK(test::readFile(file) == before);

    if (QFile::exists(QStringLiteral("/dev/full"))) {
        QProcess p;
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start(QStringLiteral(FWB_BINARY), {QStringLiteral("export"), file,
                                             QStringLiteral("--format"), QStringLiteral("json")});
        REQUIRE(p.waitForFinished(60000));
        CHECK(p.exitCode() == 1);
        CHECK(QString::fromUtf8(p.readAllStandardError())
                  .contains(QStringLiteral("cannot write to standard output")));
    }
}
