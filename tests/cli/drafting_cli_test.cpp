// fwb finding / judgment / evidence / metric / search, run as separate processes, and a child fwb
// killed part-way through its writes.

#include "clitest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {

const QStringList kPlace{S("--programme"), S("peel-effectiveness-2015"), S("--force"),
                         S("lancashire")};

QString demo(test::Scratch& dir)
{
    const QString file = dir.path(S("d.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    return file;
}

QJsonArray searchJson(const QString& file, const QString& query, const QStringList& extra = {})
{
    const Run r = runFwb(QStringList{S("search"), file, query, S("--json")} + extra);
    REQUIRE(r.code == 0);
    return QJsonDocument::fromJson(r.out.toUtf8()).object().value(S("results")).toArray();
}

} // namespace

TEST_CASE("fwb finding add, edit, move and delete print the uid they wrote", "[cli][drafting]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const Run added = runFwb(
        QStringList{S("finding"), S("add"), file} + kPlace +
        QStringList{S("--question"), S("Q1.1.2"), S("--kind"), S("strength"), S("--text"),
                    S("Call handlers use the vulnerability checklist."), S("--position"), S("1")});
    REQUIRE(added.code == 0);
    const QString uid = added.out.trimmed();
    CHECK(uid.startsWith(S("lancashire-2015-f-")));
    CHECK(added.err.isEmpty());

    QJsonArray hits = searchJson(file, S("vulnerability checklist"));
    REQUIRE(hits.size() == 1);
    CHECK(hits.at(0)[S("key")].toString() == uid);
    CHECK(hits.at(0)[S("question")].toString() == S("Q1.1.2"));
    CHECK(hits.at(0)[S("snippet")].toString().contains(S("**vulnerability**")));

    const Run edited =
        runFwb({S("finding"), S("edit"), file, uid, S("--kind"), S("area_for_improvement"),
                S("--text"), S("Call handlers do not always use the vulnerability checklist.")});
    REQUIRE(edited.code == 0);
    CHECK(edited.out.trimmed() == uid);
    hits = searchJson(file, S("checklist"), {S("--kind"), S("area_for_improvement")});
    REQUIRE(hits.size() == 1);
    CHECK(hits.at(0)[S("snippet")].toString().contains(S("**checklist**")));
    CHECK(searchJson(file, S("always checklist")).size() ==
          1); // the new wording is what is indexed

    const Run moved = runFwb({S("finding"), S("move"), file, uid, S("--question"), S("Q1.1.3"),
                              S("--position"), S("2")});
    REQUIRE(moved.code == 0);
    CHECK(searchJson(file, S("checklist")).at(0)[S("question")].toString() == S("Q1.1.3"));

    const Run deleted = runFwb({S("finding"), S("delete"), file, uid});
    REQUIRE(deleted.code == 0);
    CHECK(deleted.out.trimmed() == uid);
    CHECK(searchJson(file, S("checklist")).isEmpty());
    const Run again = runFwb({S("finding"), S("delete"), file, uid});
    CHECK(again.code == 3);
    CHECK(again.err.contains(S("no finding")));
}

TEST_CASE("fwb drafting commands: bad arguments exit 2, bad data exit 3, and nothing is written",
          "[cli][drafting]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const QByteArray before = test::readFile(file);
    auto add = [&](const QStringList& extra) {
        return runFwb(QStringList{S("finding"), S("add"), file} + kPlace + extra);
    };
    const Run badKind =
        add({S("--question"), S("Q1"), S("--kind"), S("praise"), S("--text"), S("x")});
    CHECK(badKind.code == 2);
    CHECK(badKind.err.contains(S("praise")));
    const Run noText = add({S("--question"), S("Q1"), S("--kind"), S("strength")});
    CHECK(noText.code == 2);
    const Run noQuestion = add({S("--kind"), S("strength"), S("--text"), S("x")});
    CHECK(noQuestion.code == 2);
    CHECK(noQuestion.err.contains(S("--question is required")));
    const Run badPosition = add({S("--question"), S("Q1"), S("--kind"), S("strength"), S("--text"),
                                 S("x"), S("--position"), S("first")});
    CHECK(badPosition.code == 2);
    const Run unknownQuestion =
        add({S("--question"), S("Q77"), S("--kind"), S("strength"), S("--text"), S("x")});
    CHECK(unknownQuestion.code == 3);
    CHECK(unknownQuestion.err.contains(S("Q77")));
    CHECK(runFwb({S("finding"), S("frobnicate"), file}).code == 2);
    CHECK(runFwb({S("finding")}).code == 2);

    const Run impossible =
        runFwb(QStringList{S("evidence"), S("add"), file} + kPlace +
               QStringList{S("--label"), S("Dip sample"), S("--method"), S("dip_sample"),
                           S("--size"), S("10"), S("--measure"), S("Not recorded=11")});
    CHECK(impossible.code == 3);
    CHECK(impossible.err.contains(S("more than the sample of 10")));
    const Run strata = runFwb(QStringList{S("evidence"), S("add"), file} + kPlace +
                              QStringList{S("--label"), S("Files"), S("--method"), S("file_review"),
                                          S("--size"), S("50"), S("--stratum"), S("Burglary=10"),
                                          S("--stratum"), S("Theft=10")});
    CHECK(strata.code == 3);
    CHECK(strata.err.contains(S("add up to 20")));
    const Run badMeasure = runFwb(QStringList{S("evidence"), S("add"), file} + kPlace +
                                  QStringList{S("--label"), S("Files"), S("--method"),
                                              S("file_review"), S("--measure"), S("many")});
    CHECK(badMeasure.code == 2);

    const Run ungraded = runFwb(QStringList{S("judgment"), S("set"), file} + kPlace +
                                QStringList{S("--question"), S("Q1.1"), S("--grade"), S("good")});
    CHECK(ungraded.code == 3);
    CHECK(ungraded.err.contains(S("not graded")));
    const Run badValue = runFwb(QStringList{S("metric"), S("set"), file} + kPlace +
                                QStringList{S("--name"), S("Crime"), S("--value"), S("lots")});
    CHECK(badValue.code == 2);

    CHECK(test::readFile(file) == before);
}

TEST_CASE("fwb judgment set keeps what it is not told to change, evidence and metrics are written",
          "[cli][drafting]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    const QStringList q1 = kPlace + QStringList{S("--question"), S("Q1")};
    const Run set = runFwb(QStringList{S("judgment"), S("set"), file} + q1 +
                           QStringList{S("--grade"), S("requires-improvement")});
    REQUIRE(set.code == 0);
    CHECK(set.out.trimmed() == S("peel-effectiveness-2015/lancashire/Q1"));
    const Run exported = runFwb({S("export"), file, S("--format"), S("json"), S("--programme"),
                                 S("peel-effectiveness-2015"), S("--force"), S("lancashire")});
    REQUIRE(exported.code == 0);
    bool found = false;
    for (const QJsonValue v :
         QJsonDocument::fromJson(exported.out.toUtf8()).object()[S("judgments")].toArray()) {
        if (v[S("question")].toString() != S("Q1"))
            continue;
        found = true;
        CHECK(v[S("grade")].toString() == S("requires-improvement"));
        // The summary was not given, so the published one stays.
        CHECK(v[S("summary")].toString().contains(S("Lancashire")));
    }
    CHECK(found);

    const Run evidence = runFwb(
        QStringList{S("evidence"), S("add"), file} + kPlace +
        QStringList{S("--label"), S("Unattended crime reports"), S("--method"), S("file_review"),
                    S("--size"), S("50"), S("--stratum"), S("Burglary=25"), S("--stratum"),
                    S("Theft=25"), S("--measure"), S("No evidence of investigation=34"),
                    S("--measure"), S("No record=13/30")});
    REQUIRE(evidence.code == 0);
    CHECK(evidence.out.trimmed().startsWith(S("lancashire-2015-e-")));
    const Run metric = runFwb(QStringList{S("metric"), S("set"), file} + kPlace +
                              QStringList{S("--name"), S("Recorded crime"), S("--value"), S("61.2"),
                                          S("--national"), S("61.0"), S("--period"),
                                          S("12 months to 31 March 2015")});
    REQUIRE(metric.code == 0);
    const QString metricUid = metric.out.trimmed();
    const Run changed = runFwb(QStringList{S("metric"), S("set"), file} + kPlace +
                               QStringList{S("--uid"), metricUid, S("--value"), S("62.5")});
    REQUIRE(changed.code == 0);
    CHECK(changed.out.trimmed() == metricUid);
    const Run info = runFwb({S("info"), file, S("--json")});
    const QJsonObject o = QJsonDocument::fromJson(info.out.toUtf8()).object();
    CHECK(o[S("evidence")].toInt() == 6);
    CHECK(o[S("metrics")].toInt() == 43);
}

TEST_CASE("a child fwb killed part-way through its writes leaves a sound workbench with every "
          "reported change",
          "[cli][drafting][durability]")
{
    test::Scratch dir;
    const QString file = demo(dir);
    auto addArgs = [&](int i) {
        return QStringList{S("finding"), S("add"), file} + kPlace +
               QStringList{S("--question"), S("Q2.1"),
                           S("--kind"),     S("observation"),
                           S("--text"),     QStringLiteral("Durability note number %1.").arg(i),
                           S("--position"), S("1")};
    };
    // How long one whole run takes here, so that the kills land across it: before the file is
    // opened, between the statements of the transaction, around the commit, after it.
    QElapsedTimer clock;
    clock.start();
    REQUIRE(runFwb(addArgs(0)).code == 0);
    const qint64 whole = qMax<qint64>(clock.elapsed(), 20);

    QRandomGenerator random(20151110);
    QStringList reported{};
    int killed = 0;
    for (int i = 1; i <= 40; ++i) {
        QProcess p;
        p.start(QStringLiteral(FWB_BINARY), addArgs(i));
        REQUIRE(p.waitForStarted());
        const int delay = int(random.bounded(whole * 12 / 10));
        if (!p.waitForFinished(delay)) {
            p.kill();
            p.waitForFinished(10000);
            ++killed;
        }
        // A run that printed its uid has committed, whether it was killed afterwards or not.
        const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        if (!out.isEmpty())
            reported << out;
    }
    INFO("killed " << killed << " of 40; " << reported.size() << " reported");
    CHECK(killed > 0);

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("durability"));
        db.setDatabaseName(file);
        REQUIRE(db.open());
        QSqlQuery check(db);
        REQUIRE(check.exec(S("PRAGMA integrity_check")));
        REQUIRE(check.next());
        CHECK(check.value(0).toString() == S("ok"));
        for (const QString& uid : reported) {
            QSqlQuery q(db);
            REQUIRE(q.prepare(S("SELECT count(*) FROM findings WHERE uid = ?")));
            q.addBindValue(uid);
            REQUIRE(q.exec());
            REQUIRE(q.next());
            INFO(uid.toStdString());
            CHECK(q.value(0).toInt() == 1);
        }
        // The order under the question is whole: 1..n with no gaps or repeats.
        QSqlQuery order(db);
        REQUIRE(order.exec(
            S("SELECT f.position FROM findings f JOIN questions q ON q.id = f.question_id "
              "WHERE q.code = 'Q2.1' AND q.programme_id = (SELECT id FROM programmes WHERE code = "
              "'peel-effectiveness-2015') ORDER BY f.position")));
        int expected = 1;
        while (order.next())
            CHECK(order.value(0).toInt() == expected++);
        CHECK(expected - 1 >= reported.size() + 1);
    }
    QSqlDatabase::removeDatabase(S("durability"));

    // And the workbench still takes changes.
    CHECK(runFwb(addArgs(99)).code == 0);
    CHECK(runFwb({S("info"), file}).code == 0);
}

TEST_CASE("fwb judgments, summary and ingest", "[cli][analysis]")
{
    test::Scratch dir;
    const QString file = dir.path(S("e.fwb"));
    REQUIRE(runFwb({S("init"), file}).code == 0);
    const QString report = test::fixture(S("seeds/peel-2015-effectiveness-report-lancashire.txt"));
    const QByteArray before = test::readFile(file);
    const Run dry = runFwb({S("ingest"), file, report, S("--programme"),
                            S("peel-effectiveness-2015"), S("--dry-run")});
    CHECK(dry.code == 0);
    CHECK(dry.out.contains(S("judgment Q2: Good")));
    CHECK(dry.out.contains(S("dry run: nothing written")));
    CHECK(test::readFile(file) == before);
    const Run real =
        runFwb({S("ingest"), file, report, S("--programme"), S("peel-effectiveness-2015")});
    CHECK(real.code == 0);
    CHECK(real.out.contains(S("written: 5 judgments, 2 areas for improvement added")));

    const Run summary =
        runFwb({S("summary"), file, S("--programme"), S("peel-effectiveness-2015"), S("--json")});
    REQUIRE(summary.code == 0);
    const QJsonArray questions =
        QJsonDocument::fromJson(summary.out.toUtf8()).object()[S("questions")].toArray();
    REQUIRE(questions.size() == 5);
    for (const QJsonValue q : questions) {
        CHECK(q[S("grades")][S("good")].toInt() == 1);
        CHECK(q[S("without_judgment")].toInt() == 42);
    }
    const Run csv = runFwb({S("judgments"), file, S("--programme"), S("peel-effectiveness-2015"),
                            S("--question"), S("Q2"), S("--format"), S("csv")});
    REQUIRE(csv.code == 0);
    CHECK(
        csv.out.contains(S("\"lancashire\",\"Lancashire Constabulary\",\"North West\",\"Good\"")));
    CHECK(runFwb({S("judgments"), file, S("--programme"), S("peel-effectiveness-2015")}).code == 2);
    CHECK(runFwb({S("judgments"), file, S("--programme"), S("nope"), S("--format"), S("json")})
              .code == 3);

    // A damaged report: reported, exit 3, nothing written.
    QString text = QString::fromUtf8(test::readFile(report));
    text.replace(S("An inspection of Lancashire Constabulary"),
                 S("An inspection of Atlantis Police"));
    const QString damaged = dir.path(S("damaged.txt"));
    test::writeFile(damaged, text.toUtf8());
    const QByteArray now = test::readFile(file);
    const Run bad =
        runFwb({S("ingest"), file, damaged, S("--programme"), S("peel-effectiveness-2015")});
    CHECK(bad.code == 3);
    CHECK(bad.err.contains(S("\"Atlantis Police\" is not one of the forces")));
    CHECK(test::readFile(file) == now);
}
