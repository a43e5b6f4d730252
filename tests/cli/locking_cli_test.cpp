// The lock rule as a script meets it: against the demo's published 2014 letter and against the
// 2015 report taken to publication with `fwb review`, every command that writes — import of JSON
// and of a judgments CSV, ingest, question, evidence, metric, finding, judgment, document and
// section — is refused with exit 3, naming what is locked and how to reopen it, and the
// workbench's export, status history and revisions are as they were. A draft place still changes.

#include "clitest.h"
#include "core/io/csv.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {

const QString kCore = S("core-business-2014");
const QString kPeel = S("peel-effectiveness-2015");

QString packFile(const QString& dir, const QString& suffix)
{
    for (const QString& name : QDir(dir).entryList(QDir::Files))
        if (name.endsWith(suffix))
            return QDir(dir).filePath(name);
    return {};
}

// The demo with its 2015 report taken through the whole lifecycle to publication.
void publishReport(const test::Scratch& dir, const QString& file)
{
    const QStringList report{S("--document"), S("lancs-2015-report")};
    auto move = [&](const QStringList& extra) {
        const Run r = runFwb(QStringList{S("review"), S("move"), file} + report + extra);
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
    };
    move({S("--to"), S("ready")});
    REQUIRE(runFwb(QStringList{S("review"), S("send"), file} + report +
                   QStringList{S("-o"), dir.path(S("pack"))})
                .code == 0);
    const QString form = packFile(dir.path(S("pack")), S("-response-form.csv"));
    REQUIRE_FALSE(form.isEmpty());
    auto rows = csv::parse(test::readFile(form), S("form"));
    REQUIRE(rows);
    QList<csv::Row> filled = *rows;
    int row = -1;
    for (int i = 1; i < filled.size() && row < 0; ++i)
        if (filled[i].fields[0].startsWith(QLatin1Char('F')))
            row = i;
    REQUIRE(row > 0);
    filled[row].fields[2] = filled[row].fields[1] + S(" As the force records it.");
    filled[row].fields[4] = S("factual error");
    QByteArray bytes;
    for (const csv::Row& r : filled)
        bytes += csv::formatRow(r.fields);
    test::writeFile(dir.path(S("answered.csv")), bytes);
    REQUIRE(runFwb({S("review"), S("import"), file, dir.path(S("answered.csv"))}).code == 0);
    REQUIRE(runFwb(QStringList{S("review"), S("decide"), file} + report +
                   QStringList{S("--reference"), filled[row].fields[0], S("--accept"),
                               S("--reason"), S("Right.")})
                .code == 0);
    move({S("--to"), S("amended")});
    move({S("--to"), S("final")});
    REQUIRE(runFwb({S("document"), S("set"), file, S("lancs-2015-report"), S("--embargo"),
                    S("2016-02-18T00:01")})
                .code == 0);
    move({S("--to"), S("published"), S("--now"), S("2016-02-18T09:00")});
}

qint64 rows(const QString& file, const QString& table)
{
    const QString name = S("locking-cli-") + table;
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(S("QSQLITE_OPEN_READONLY"));
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(S("SELECT count(*) FROM ") + table));
        REQUIRE(q.next());
        n = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

struct State {
    QString json;
    qint64 statusChanges = 0, revisions = 0;
    bool operator==(const State&) const = default;
};

State state(const QString& file)
{
    const Run r = runFwb({S("export"), file, S("--format"), S("json")});
    REQUIRE(r.code == 0);
    return {r.out, rows(file, S("status_changes")), rows(file, S("revisions"))};
}

// Runs a command that must be refused as locked, naming `names`, and change nothing.
void refused(const QString& file, const QStringList& args, const QStringList& names)
{
    const State before = state(file);
    const Run r = runFwb(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
    CHECK(r.code == 3);
    for (const QString& n : names)
        CHECK(r.err.contains(n));
    CHECK(state(file) == before);
}

QJsonObject slice(const QString& file, const QString& programme)
{
    const Run r = runFwb({S("export"), file, S("--format"), S("json"), S("--programme"), programme,
                          S("--force"), S("lancashire")});
    REQUIRE(r.code == 0);
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonObject withFinding(QJsonObject root, const QString& field, const QJsonValue& value)
{
    QJsonArray a = root[S("findings")].toArray();
    QJsonObject f = a[0].toObject();
    f[field] = value;
    a[0] = f;
    root[S("findings")] = a;
    return root;
}

} // namespace

TEST_CASE("fwb: every command that writes is refused on a published letter and a published report",
          "[cli][locking]")
{
    const QString which = GENERATE(S("letter"), S("report"));
    INFO(which.toStdString());
    test::Scratch dir;
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    if (which == S("report"))
        publishReport(dir, file);
    const QString programme = which == S("report") ? kPeel : kCore;
    const QString document = which == S("report") ? S("lancs-2015-report") : S("lancs-2014-letter");
    const QJsonObject exported = slice(file, programme);
    const QJsonObject first = exported[S("findings")].toArray()[0].toObject();
    const QString uid = first[S("uid")].toString();

    // Imports: edited text, a status, a new finding; all refused whole, the same file accepted.
    const QString same = dir.path(S("same.json"));
    test::writeFile(same, QJsonDocument(exported).toJson());
    const Run again = runFwb({S("import"), file, same});
    CHECK(again.code == 0);
    CHECK(again.out.contains(S("0 added, 0 updated")));
    const QString edited = dir.path(S("lancs.json"));
    test::writeFile(edited,
                    QJsonDocument(withFinding(exported, S("text"), S("Rewritten."))).toJson());
    refused(file, {S("import"), file, edited},
            {S("lancs.json"), S("nothing was imported"), uid, S("reopen")});
    test::writeFile(edited, QJsonDocument(withFinding(exported, S("status"), S("draft"))).toJson());
    refused(file, {S("import"), file, edited}, {uid, S("fwb review move")});
    QJsonObject added = withFinding(exported, S("uid"), S("lancs-added-after"));
    test::writeFile(edited, QJsonDocument(added).toJson());
    refused(file, {S("import"), file, edited}, {S("lancs-added-after"), document});

    // The services, one by one.
    const QString question = exported[S("programmes")]
                                 .toArray()[0]
                                 .toObject()[S("questions")]
                                 .toArray()[0]
                                 .toObject()[S("code")]
                                 .toString();
    refused(file,
            {S("question"), S("edit"), file, S("--programme"), programme, S("--code"), question,
             S("--text"), S("Reworded?")},
            {question, document, S("reopen")});
    refused(file,
            {S("question"), S("add"), file, S("--programme"), programme, S("--code"), S("Z9"),
             S("--text"), S("Added?")},
            {S("Z9"), document});
    refused(file,
            {S("evidence"), S("add"), file, S("--programme"), programme, S("--force"),
             S("lancashire"), S("--label"), S("Added afterwards"), S("--method"), S("file_review"),
             S("--size"), S("10")},
            {S("Added afterwards"), document});
    const QString evidence = exported[S("evidence")].toArray()[0].toObject()[S("uid")].toString();
    refused(file,
            {S("evidence"), S("add"), file, S("--programme"), programme, S("--force"),
             S("lancashire"), S("--uid"), evidence, S("--label"), S("Relabelled"), S("--method"),
             S("file_review")},
            {evidence, document});
    const QString metric = exported[S("metrics")].toArray()[0].toObject()[S("uid")].toString();
    refused(file,
            {S("metric"), S("set"), file, S("--programme"), programme, S("--force"),
             S("lancashire"), S("--uid"), metric, S("--value"), S("99")},
            {document});
    refused(file, {S("finding"), S("edit"), file, uid, S("--text"), S("Changed.")},
            {uid, S("published and locked"), S("reopen")});
    refused(file,
            {S("finding"), S("add"), file, S("--programme"), programme, S("--force"),
             S("lancashire"), S("--question"), first[S("question")].toString(), S("--kind"),
             S("strength"), S("--text"), S("Added.")},
            {document});
    refused(file, {S("finding"), S("delete"), file, uid}, {uid});
    refused(file, {S("document"), S("set"), file, document, S("--title"), S("Changed")},
            {document, S("reopen")});
    const QString section = exported[S("documents")]
                                .toArray()[0]
                                .toObject()[S("sections")]
                                .toArray()[0]
                                .toObject()[S("uid")]
                                .toString();
    refused(file, {S("section"), S("edit"), file, section, S("--title"), S("Changed")}, {document});

    if (which == S("report")) {
        // A judgment, by the command and by a judgments CSV.
        refused(file,
                {S("judgment"), S("set"), file, S("--programme"), kPeel, S("--force"),
                 S("lancashire"), S("--question"), S("Q2"), S("--grade"), S("inadequate"),
                 S("--summary"), S("Rewritten.")},
                {S("peel-effectiveness-2015/lancashire/Q2"), S("reopen")});
        const QString judgments = dir.path(S("judgments.csv"));
        test::writeFile(judgments, "force,programme,question,grade,summary\n"
                                   "lancashire,peel-effectiveness-2015,Q2,inadequate,Rewritten.\n");
        refused(file, {S("import"), file, judgments},
                {S("row 2"), S("peel-effectiveness-2015/lancashire/Q2")});
        // The published report read again with one judgment reworded.
        QString text = QString::fromUtf8(test::readFile(
            test::fixture(S("seeds/peel-2015-effectiveness-report-lancashire.txt"))));
        text.replace(S("Lancashire Constabulary is good at keeping people safe and reducing crime. "
                       "The constabulary works well"),
                     S("Lancashire Constabulary is good at keeping people safe and reducing crime. "
                       "The constabulary works very well"));
        const QString report = dir.path(S("report.txt"));
        test::writeFile(report, text.toUtf8());
        refused(file, {S("ingest"), file, report, S("--programme"), kPeel},
                {S("report.txt"), S("nothing was written"),
                 S("peel-effectiveness-2015/lancashire/Q0")});
        // Reopened with a reason, the report's material changes again.
        REQUIRE(runFwb({S("review"), S("move"), file, S("--document"), document, S("--to"),
                        S("amended"), S("--reason"), S("a correction after publication")})
                    .code == 0);
        CHECK(runFwb({S("finding"), S("edit"), file, uid, S("--text"),
                      S("Corrected after publication.")})
                  .code == 0);
    } else {
        // The 2015 report is a draft: its framework and material change as before.
        CHECK(runFwb({S("question"), S("edit"), file, S("--programme"), kPeel, S("--code"), S("Q1"),
                      S("--text"), S("How effective is the force at keeping people safe?")})
                  .code == 0);
        CHECK(runFwb({S("evidence"), S("add"), file, S("--programme"), kPeel, S("--force"),
                      S("lancashire"), S("--label"), S("A new sample"), S("--method"),
                      S("file_review"), S("--size"), S("10")})
                  .code == 0);
        QJsonObject draft = slice(file, kPeel);
        test::writeFile(
            edited,
            QJsonDocument(withFinding(draft, S("text"), S("Reworded in the draft."))).toJson());
        const Run ok = runFwb({S("import"), file, edited});
        INFO(ok.err.toStdString());
        CHECK(ok.code == 0);
        CHECK(ok.out.contains(S("1 updated")));
    }
}
