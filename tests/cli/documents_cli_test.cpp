// fwb render / document / section, run as separate processes.

#include "clitest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {

QString demo(const test::Scratch& dir)
{
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    return file;
}

} // namespace

TEST_CASE("fwb render writes each format of a named document, and to standard output",
          "[cli][documents]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const QString pdf = dir.path(S("report.pdf"));
    const Run r = runFwb({S("render"), file, S("--programme"), S("peel-effectiveness-2015"),
                          S("--force"), S("lancashire"), S("--kind"), S("report"), S("-o"), pdf});
    REQUIRE(r.code == 0);
    CHECK(r.err.isEmpty());
    CHECK(test::readFile(pdf).startsWith("%PDF-"));

    const Run md = runFwb({S("render"), file, S("--document"), S("lancs-2014-letter"),
                           S("--format"), S("md"), S("--now"), S("2014-09-03T12:00")});
    REQUIRE(md.code == 0);
    CHECK(md.out.startsWith(S("**EMBARGOED until 00:01 on Thursday 4 September 2014**")));
    CHECK(md.out.contains(S("Dear Steve")));

    const QString odt = dir.path(S("letter.odt"));
    REQUIRE(
        runFwb({S("render"), file, S("--document"), S("lancs-2014-letter"), S("-o"), odt}).code ==
        0);
    CHECK(test::readFile(odt).startsWith("PK"));
    const QString html = dir.path(S("letter.html"));
    REQUIRE(
        runFwb({S("render"), file, S("--document"), S("lancs-2014-letter"), S("-o"), html}).code ==
        0);
    CHECK(test::readFile(html).contains("Yours sincerely"));
}

TEST_CASE("fwb render refuses what it cannot do, saying why, and writes nothing",
          "[cli][documents]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const QString out = dir.path(S("x.rtf"));
    const Run format =
        runFwb({S("render"), file, S("--document"), S("lancs-2015-report"), S("-o"), out});
    CHECK(format.code == 2);
    CHECK(format.err.contains(S("cannot tell the format")));
    const Run badFormat = runFwb(
        {S("render"), file, S("--document"), S("lancs-2015-report"), S("--format"), S("rtf")});
    CHECK(badFormat.code == 2);
    const Run none =
        runFwb({S("render"), file, S("--programme"), S("peel-effectiveness-2015"), S("--force"),
                S("kent"), S("--kind"), S("report"), S("--format"), S("pdf")});
    CHECK(none.code == 3);
    CHECK(none.err.contains(S("there is no report for kent")));
    CHECK(none.err.contains(S("fwb document create")));
    const Run unnamed = runFwb({S("render"), file, S("--format"), S("pdf")});
    CHECK(unnamed.code == 2);
    const Run badNow = runFwb({S("render"), file, S("--document"), S("lancs-2014-letter"),
                               S("--format"), S("md"), S("--now"), S("soon")});
    CHECK(badNow.code == 2);
    const Run own = runFwb({S("render"), file, S("--document"), S("lancs-2014-letter"),
                            S("--format"), S("pdf"), S("-o"), file});
    CHECK(own.code != 0);
    const Run notWorkbench = runFwb({S("render"), dir.path(S("nothing.fwb")), S("--document"),
                                     S("x"), S("--format"), S("pdf")});
    CHECK(notWorkbench.code != 0);
    QStringList left = QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden);
    left.removeIf([](const QString& name) {
        return name.startsWith(S("demo.fwb"));
    }); // the workbench, its -wal and -shm
    CHECK(left.isEmpty());
}

TEST_CASE("fwb document and section: create from the template, fill in, reorder and render",
          "[cli][documents]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const Run created =
        runFwb({S("document"), S("create"), file, S("--programme"), S("core-business-2014"),
                S("--force"), S("kent"), S("--kind"), S("letter"), S("--uid"), S("kent-letter")});
    REQUIRE(created.code == 0);
    CHECK(created.out.trimmed() == S("kent-letter"));
    REQUIRE(runFwb({S("document"), S("set"), file, S("kent-letter"), S("--date"), S("2014-09-03"),
                    S("--embargo"), S("2014-09-04T00:01")})
                .code == 0);
    // The status moves through the review, not with the particulars.
    REQUIRE(runFwb({S("review"), S("move"), file, S("--document"), S("kent-letter"), S("--to"),
                    S("ready")})
                .code == 0);
    const Run bad =
        runFwb({S("document"), S("set"), file, S("kent-letter"), S("--embargo"), S("Tuesday")});
    CHECK(bad.code == 3);
    CHECK(bad.err.contains(S("not a date and time")));

    const Run list = runFwb({S("document"), S("list"), file, S("--force"), S("kent"), S("--json")});
    REQUIRE(list.code == 0);
    const QJsonArray docs = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(docs.size() == 1);
    CHECK(docs[0][S("embargo")].toString() == S("2014-09-04T00:01"));
    CHECK(docs[0][S("status")].toString() == S("ready"));

    const Run added =
        runFwb({S("section"), S("add"), file, S("kent-letter"), S("--kind"), S("narrative"),
                S("--text"), S("A paragraph written for {{force}}."), S("--position"), S("2")});
    REQUIRE(added.code == 0);
    const QString uid = added.out.trimmed();
    CHECK_FALSE(uid.isEmpty());
    REQUIRE(runFwb({S("section"), S("edit"), file, uid, S("--text"),
                    S("A paragraph rewritten for {{force}}.")})
                .code == 0);
    REQUIRE(runFwb({S("section"), S("move"), file, uid, S("--position"), S("4")}).code == 0);
    const Run shown = runFwb({S("document"), S("show"), file, S("kent-letter")});
    REQUIRE(shown.code == 0);
    const QStringList lines = shown.out.split(QLatin1Char('\n'));
    qsizetype at = -1;
    int topLevel = 0;
    for (const QString& l : lines) {
        if (l.isEmpty() || l.startsWith(QLatin1Char(' ')) || !l.contains(S("  ")))
            continue;
        ++topLevel;
        if (l.startsWith(uid))
            at = topLevel;
    }
    CHECK(at == 4);

    const Run md = runFwb({S("render"), file, S("--document"), S("kent-letter"), S("--format"),
                           S("md"), S("--now"), S("2014-09-01T00:00")});
    REQUIRE(md.code == 0);
    CHECK(md.out.contains(S("A paragraph rewritten for Kent Police.")));
    CHECK(md.out.contains(S("EMBARGOED until 00:01 on Thursday 4 September 2014")));

    CHECK(
        runFwb({S("section"), S("add"), file, S("kent-letter"), S("--kind"), S("findings")}).code ==
        3);                                                        // no question
    CHECK(runFwb({S("section"), S("move"), file, uid}).code == 2); // a move needs a place
    CHECK(runFwb({S("section"), S("add"), file, S("kent-letter"), S("--kind"), S("narrative"),
                  S("--position"), S("first")})
              .code == 2);
    REQUIRE(runFwb({S("section"), S("delete"), file, uid}).code == 0);
    CHECK(runFwb({S("section"), S("delete"), file, uid}).code == 3);
    REQUIRE(runFwb({S("document"), S("delete"), file, S("kent-letter")}).code == 0);
    CHECK(runFwb({S("document"), S("show"), file, S("kent-letter")}).code == 3);
}

TEST_CASE("fwb render --all-forces writes every force's document of a kind", "[cli][documents]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    REQUIRE(
        runFwb({S("document"), S("create"), file, S("--programme"), S("peel-effectiveness-2015"),
                S("--force"), S("kent"), S("--kind"), S("report")})
            .code == 0);
    // A second report for Lancashire: both are written, neither over the other.
    REQUIRE(runFwb({S("document"), S("create"), file, S("--programme"),
                    S("peel-effectiveness-2015"), S("--force"), S("lancashire"), S("--kind"),
                    S("report"), S("--uid"), S("lancs-draft")})
                .code == 0);
    const QString outDir = dir.path(S("reports"));
    const Run r =
        runFwb({S("render"), file, S("--programme"), S("peel-effectiveness-2015"), S("--kind"),
                S("report"), S("--all-forces"), S("--format"), S("pdf"), S("--dir"), outDir});
    REQUIRE(r.code == 0);
    QStringList files = QDir(outDir).entryList(QDir::Files);
    files.sort();
    CHECK(files == QStringList{S("kent-peel-effectiveness-2015-report.pdf"),
                               S("lancashire-peel-effectiveness-2015-report-lancs-2015-report.pdf"),
                               S("lancashire-peel-effectiveness-2015-report-lancs-draft.pdf")});
    CHECK(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 3);
    const Run none =
        runFwb({S("render"), file, S("--programme"), S("core-business-2014"), S("--kind"),
                S("report"), S("--all-forces"), S("--format"), S("pdf"), S("--dir"), outDir});
    CHECK(none.code == 3);
}

TEST_CASE("fwb render of a force with two documents of a kind names them and asks for one",
          "[cli][documents]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    REQUIRE(runFwb({S("document"), S("create"), file, S("--programme"),
                    S("peel-effectiveness-2015"), S("--force"), S("lancashire"), S("--kind"),
                    S("report"), S("--uid"), S("lancs-draft")})
                .code == 0);
    const QString out = dir.path(S("report.md"));
    const Run two = runFwb({S("render"), file, S("--programme"), S("peel-effectiveness-2015"),
                            S("--force"), S("lancashire"), S("--kind"), S("report"), S("-o"), out});
    CHECK(two.code == 3);
    CHECK(two.err.contains(S("lancs-2015-report")));
    CHECK(two.err.contains(S("lancs-draft")));
    CHECK(two.err.contains(S("give --document UID")));
    CHECK_FALSE(QFile::exists(out));
    const Run named = runFwb({S("render"), file, S("--document"), S("lancs-draft"), S("-o"), out});
    CHECK(named.code == 0);
    CHECK(QFile::exists(out));
}
