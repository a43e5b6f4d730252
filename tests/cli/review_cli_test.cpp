// fwb review and fwb diff as a script runs them: a whole factual accuracy round from sending the
// pack to publication, with the refusals a person meets on the way.

#include "clitest.h"
#include "core/io/csv.h"

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

QString packFile(const QString& dir, const QString& suffix)
{
    for (const QString& name : QDir(dir).entryList(QDir::Files))
        if (name.endsWith(suffix))
            return QDir(dir).filePath(name);
    return {};
}

} // namespace

TEST_CASE("fwb review: send, import, decide, close, sign off and publish after the embargo",
          "[cli][review]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const QStringList report{S("--document"), S("lancs-2015-report")};

    // A draft cannot be sent; once ready it can, and the pack is written.
    const Run early = runFwb(QStringList{S("review"), S("send"), file} + report +
                             QStringList{S("-o"), dir.path(S("pack"))});
    CHECK(early.code == 3);
    CHECK(early.err.contains(S("only a document ready for review")));
    CHECK_FALSE(QDir(dir.path(S("pack"))).exists());
    REQUIRE(runFwb(QStringList{S("review"), S("move"), file} + report +
                   QStringList{S("--to"), S("ready")})
                .code == 0);
    const Run sent =
        runFwb({S("review"), S("send"), file, S("--programme"), S("peel-effectiveness-2015"),
                S("--force"), S("lancashire"), S("-o"), dir.path(S("pack"))});
    REQUIRE(sent.code == 0);
    CHECK(sent.out.contains(S("round 1")));
    const QString form = packFile(dir.path(S("pack")), S("-response-form.csv"));
    REQUIRE_FALSE(form.isEmpty());
    CHECK_FALSE(packFile(dir.path(S("pack")), S(".pdf")).isEmpty());
    CHECK_FALSE(packFile(dir.path(S("pack")), S(".odt")).isEmpty());

    // The pack can be written again while nothing has changed.
    const Run again = runFwb(QStringList{S("review"), S("pack"), file} + report +
                             QStringList{S("-o"), dir.path(S("pack2"))});
    REQUIRE(again.code == 0);
    CHECK(QDir(dir.path(S("pack2"))).entryList(QDir::Files).size() == 5);
    CHECK(test::readFile(packFile(dir.path(S("pack2")), S(".csv"))) == test::readFile(form));

    // The force fills in two rows, one with a mistake.
    auto rows = csv::parse(test::readFile(form), S("form"));
    REQUIRE(rows);
    int finding = -1, second = -1;
    for (int i = 1; i < rows->size() && second < 0; ++i)
        if ((*rows)[i].fields[0].startsWith(QLatin1Char('F')))
            (finding < 0 ? finding : second) = i;
    REQUIRE(second > 0);
    QList<csv::Row> filled = *rows;
    const QString wording = filled[finding].fields[1] + S(" This was in 2015.");
    filled[finding].fields[2] = wording;
    filled[finding].fields[4] = S("factual error");
    filled[second].fields[2] = S("Delete this.");
    filled[second].fields[4] = S("not a category");
    QByteArray bytes;
    for (const csv::Row& r : filled)
        bytes += csv::formatRow(r.fields);
    test::writeFile(dir.path(S("answered.csv")), bytes);

    const Run bad = runFwb({S("review"), S("import"), file, dir.path(S("answered.csv"))});
    CHECK(bad.code == 3);
    CHECK(bad.err.contains(QStringLiteral("row %1, category").arg(filled[second].number)));
    CHECK(bad.err.contains(S("nothing was imported")));
    const Run checked =
        runFwb({S("review"), S("import"), file, dir.path(S("answered.csv")), S("--check")});
    CHECK(checked.code == 3);
    CHECK(checked.out.contains(S("not a category")));
    const Run clean = runFwb(
        {S("review"), S("import"), file, dir.path(S("answered.csv")), S("--clean-rows-only")});
    REQUIRE(clean.code == 0);
    CHECK(clean.out.contains(S("imported 1 response(s) into lancs-2015-report")));
    CHECK(clean.out.contains(S("left out row")));

    const Run status =
        runFwb(QStringList{S("review"), S("status"), file} + report + QStringList{S("--json")});
    REQUIRE(status.code == 0);
    const QJsonObject s = QJsonDocument::fromJson(status.out.toUtf8()).array().at(0).toObject();
    CHECK(s[S("status")].toString() == S("responded"));
    CHECK(s[S("round")].toObject()[S("responses")].toInt() == 1);
    CHECK(s[S("round")].toObject()[S("decided")].toInt() == 0);

    // The round cannot close until the response is decided.
    const Run notYet = runFwb(QStringList{S("review"), S("move"), file} + report +
                              QStringList{S("--to"), S("amended")});
    CHECK(notYet.code == 3);
    CHECK(notYet.err.contains(S("still to be decided")));
    const QString reference = filled[finding].fields[0];
    const Run noReason = runFwb(QStringList{S("review"), S("decide"), file} + report +
                                QStringList{S("--reference"), reference, S("--accept")});
    CHECK(noReason.code == 2);
    const Run decided =
        runFwb(QStringList{S("review"), S("decide"), file} + report +
               QStringList{S("--reference"), reference, S("--accept"), S("--reason"), S("Right.")});
    REQUIRE(decided.code == 0);
    CHECK(decided.out.contains(S("accepted (revision 2")));
    CHECK(decided.out.contains(S("1 of 1 decided")));
    const Run stale = runFwb(QStringList{S("review"), S("pack"), file} + report +
                             QStringList{S("-o"), dir.path(S("pack3"))});
    CHECK(stale.code == 3);
    CHECK(stale.err.contains(S("has changed in 1 place(s) since it was sent")));

    // The change shows word by word, for the finding and for the document since it was sent.
    const Run revisions =
        runFwb({S("review"), S("status"), file, S("--document"), S("lancs-2015-report")});
    REQUIRE(revisions.code == 0);
    const Run since = runFwb({S("diff"), file, S("--document"), S("lancs-2015-report")});
    REQUIRE(since.code == 0);
    CHECK(since.out.contains(reference));
    CHECK(since.out.contains(S("{+ This was in 2015.+}")));
    const Run pdf = runFwb({S("diff"), file, S("--document"), S("lancs-2015-report"), S("-o"),
                            dir.path(S("changes.pdf"))});
    REQUIRE(pdf.code == 0);
    CHECK(test::readFile(dir.path(S("changes.pdf"))).startsWith("%PDF"));

    REQUIRE(runFwb(QStringList{S("review"), S("move"), file} + report +
                   QStringList{S("--to"), S("amended")})
                .code == 0);
    const Run record = runFwb(QStringList{S("review"), S("record"), file} + report);
    REQUIRE(record.code == 0);
    CHECK(record.out.contains(S("Accepted")));
    CHECK(record.out.contains(S("Right.")));
    REQUIRE(runFwb(QStringList{S("review"), S("record"), file} + report +
                   QStringList{S("-o"), dir.path(S("record.pdf"))})
                .code == 0);
    CHECK(test::readFile(dir.path(S("record.pdf"))).startsWith("%PDF"));

    // Sign-off waits for the open note; publication for the embargo.
    const Run note =
        runFwb({S("review"), S("note"), S("add"), file, S("--target"),
                S("document:lancs-2015-report"), S("--text"), S("Check the contents page.")});
    REQUIRE(note.code == 0);
    const QString noteUid = note.out.section(QLatin1Char(' '), 0, 0);
    const Run blocked = runFwb(QStringList{S("review"), S("move"), file} + report +
                               QStringList{S("--to"), S("final")});
    CHECK(blocked.code == 3);
    CHECK(blocked.err.contains(S("review note(s) are open")));
    REQUIRE(runFwb({S("review"), S("note"), S("answer"), file, noteUid, S("--text"), S("Checked.")})
                .code == 0);
    REQUIRE(runFwb({S("review"), S("note"), S("resolve"), file, noteUid}).code == 0);
    const Run notes =
        runFwb({S("review"), S("note"), S("list"), file, S("--document"), S("lancs-2015-report")});
    CHECK(notes.out.contains(S("resolved")));
    CHECK(notes.out.contains(S("Checked.")));
    REQUIRE(runFwb(QStringList{S("review"), S("move"), file} + report +
                   QStringList{S("--to"), S("final")})
                .code == 0);
    REQUIRE(runFwb({S("document"), S("set"), file, S("lancs-2015-report"), S("--embargo"),
                    S("2016-02-18T00:01")})
                .code == 0);
    const Run embargoed =
        runFwb(QStringList{S("review"), S("move"), file} + report +
               QStringList{S("--to"), S("published"), S("--now"), S("2016-02-17T12:00")});
    CHECK(embargoed.code == 3);
    CHECK(embargoed.err.contains(S("embargoed until")));
    REQUIRE(runFwb(QStringList{S("review"), S("move"), file} + report +
                   QStringList{S("--to"), S("published"), S("--now"), S("2016-02-18T09:00")})
                .code == 0);

    // Published: locked, with the way to reopen in the message.
    const Run locked =
        runFwb({S("document"), S("set"), file, S("lancs-2015-report"), S("--title"), S("Changed")});
    CHECK(locked.code == 3);
    CHECK(locked.err.contains(S("reopen")));
    const Run history = runFwb(QStringList{S("review"), S("history"), file} + report);
    REQUIRE(history.code == 0);
    for (const char* step : {"draft → ready", "ready → sent", "sent → responded",
                             "responded → amended", "amended → final", "final → published"})
        CHECK(history.out.contains(S(step)));
}

TEST_CASE("fwb diff compares revisions of a finding", "[cli][review]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const QString uid = S("lancs-2015-f-036");
    REQUIRE(runFwb({S("finding"), S("edit"), file, uid, S("--status"), S("ready")}).code == 0);
    REQUIRE(
        runFwb({S("finding"), S("edit"), file, uid, S("--text"), S("A wholly new text.")}).code ==
        0);
    const Run list = runFwb({S("review"), S("revisions"), file, S("--finding"), uid});
    REQUIRE(list.code == 0);
    CHECK(list.out.count(QLatin1Char('\n')) == 2);
    const Run d =
        runFwb({S("diff"), file, S("--finding"), uid, S("--from"), S("1"), S("--to"), S("2")});
    REQUIRE(d.code == 0);
    CHECK(d.out.startsWith(S("[-")));
    CHECK(d.out.contains(S("{+A wholly new text")));
    const Run html = runFwb({S("diff"), file, S("--finding"), uid, S("--format"), S("html")});
    REQUIRE(html.code == 0);
    CHECK(html.out.contains(S("line-through")));
    const Run missing = runFwb({S("diff"), file, S("--finding"), uid, S("--from"), S("9")});
    CHECK(missing.code == 3);
    CHECK(missing.err.contains(S("has no revision 9")));
    const Run unnamed = runFwb({S("diff"), file});
    CHECK(unnamed.code == 2);
}
