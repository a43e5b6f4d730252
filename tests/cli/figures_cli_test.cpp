// fwb profile and fwb figure: a force across the programmes, and one figure for every force.

#include "clitest.h"
#include "core/io/csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {
void setRate(const QString& file, const QString& force, const QString& period, const QString& value,
             const QString& national)
{
    REQUIRE(runFwb({S("metric"), S("set"), file, S("--programme"), S("peel-effectiveness-2015"),
                    S("--force"), force, S("--name"), S("Victim-based crime"), S("--unit"),
                    S("per 1,000 population"), S("--period"), period, S("--value"), value,
                    S("--national"), national})
                .code == 0);
}
} // namespace

TEST_CASE("fwb profile prints a force's judgments, findings, figures over time and what is open",
          "[cli][figures]")
{
    test::Scratch dir;
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    setRate(file, S("lancashire"), S("12 months to 30 June 2014"), S("60.2"), S("54.9"));
    setRate(file, S("cumbria"), S("12 months to 30 June 2015"), S("40"), S("56.0"));

    const Run text = runFwb({S("profile"), file, S("--force"), S("lancashire")});
    REQUIRE(text.code == 0);
    CHECK(text.out.contains(S("Lancashire Constabulary (North West)")));
    CHECK(text.out.contains(S("Figures over time")));
    CHECK(text.out.contains(S("Victim-based crime, per 1,000 population")));
    // Oldest first: 2014's rate, then 2015's, each against England and Wales.
    const qsizetype y2014 = text.out.indexOf(S("12 months to 30 June 2014: 60.2 / 54.9"));
    const qsizetype y2015 = text.out.indexOf(S("12 months to 30 June 2015: 58.1 / 56"));
    CHECK(y2014 > 0);
    CHECK(y2015 > y2014);
    CHECK(text.out.contains(S("Still open: ")));

    const Run json =
        runFwb({S("profile"), file, S("--force"), S("lancashire"), S("--format"), S("json")});
    REQUIRE(json.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    bool found = false;
    for (const QJsonValue s : o[S("series")].toArray())
        if (s[S("name")].toString() == S("Victim-based crime") &&
            s[S("unit")].toString() == S("per 1,000 population")) {
            found = true;
            const QJsonArray points = s[S("points")].toArray();
            REQUIRE(points.size() == 2);
            CHECK(points[0][S("end")].toString() == S("2014-06-30"));
            CHECK(points[0][S("force")].toDouble() == Approx(60.2));
            CHECK(points[1][S("region_mean")].toDouble() == Approx((58.1 + 40) / 2));
        }
    CHECK(found);

    const QString csvPath = dir.path(S("profile.csv"));
    REQUIRE(runFwb({S("profile"), file, S("--force"), S("lancashire"), S("--format"), S("csv"),
                    S("-o"), csvPath})
                .code == 0);
    auto rows = csv::parse(test::readFile(csvPath), S("profile.csv"));
    REQUIRE(rows);
    REQUIRE(rows->size() > 1);
    CHECK((*rows)[0].fields == QStringList{S("force"), S("programme"), S("year"), S("part"),
                                           S("item"), S("period"), S("value"),
                                           S("england_and_wales"), S("region_mean")});
    int vbc = 0; // the rate of each year, as a row of the programme that gives it
    for (const csv::Row& r : *rows)
        if (r.fields.value(3) == S("figure") &&
            r.fields.value(4) == S("Victim-based crime (per 1,000 population)"))
            ++vbc;
    CHECK(vbc == 2);

    // Bad requests change nothing and say what is wrong.
    CHECK(runFwb({S("profile"), file}).code == 2);
    CHECK(
        runFwb({S("profile"), file, S("--force"), S("lancashire"), S("--format"), S("xml")}).code ==
        2);
    const Run unknown = runFwb({S("profile"), file, S("--force"), S("atlantis")});
    CHECK(unknown.code == 3);
    CHECK(unknown.err.contains(S("no force \"atlantis\"")));
    CHECK(runFwb({S("profile"), dir.path(S("missing.fwb")), S("--force"), S("lancashire")}).code !=
          0);
    CHECK(runFwb({S("profile"), file, S("--force"), S("lancashire"), S("--format"), S("csv"),
                  S("-o"), file})
              .code == 2);
    // No reporting command writes over the workbench it reads.
    const QByteArray before = test::readFile(file);
    for (const QStringList& args :
         {QStringList{S("followup"), S("list"), file, S("--format"), S("csv"), S("-o"), file},
          QStringList{S("change"), file, S("--to"), S("peel-effectiveness-2015"), S("-o"), file},
          QStringList{S("judgments"), file, S("--programme"), S("peel-effectiveness-2015"),
                      S("--format"), S("csv"), S("-o"), file}}) {
        const Run r = runFwb(args);
        CHECK(r.code == 2);
        CHECK(r.err.contains(S("workbench")));
    }
    CHECK(test::readFile(file) == before);
}

TEST_CASE("fwb figure lists one figure of every force, highest first, with England and Wales",
          "[cli][figures]")
{
    test::Scratch dir;
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    setRate(file, S("kent"), S("12 months to 30 June 2015"), S("61.5"), S("56.0"));
    setRate(file, S("durham"), S("12 months to 30 June 2015"), S("49"), S("56.0"));

    const Run text =
        runFwb({S("figure"), file, S("--programme"), S("peel-effectiveness-2015"), S("--name"),
                S("Victim-based crime"), S("--unit"), S("per 1,000 population")});
    REQUIRE(text.code == 0);
    const qsizetype kent = text.out.indexOf(S("Kent Police")),
                    lancs = text.out.indexOf(S("Lancashire Constabulary")),
                    durham = text.out.indexOf(S("Durham Constabulary"));
    CHECK(kent > 0);
    CHECK(lancs > kent);
    CHECK(durham > lancs);
    CHECK(text.out.contains(S("England and Wales")));

    const Run json = runFwb({S("figure"), file, S("--programme"), S("peel-effectiveness-2015"),
                             S("--name"), S("Victim-based crime"), S("--unit"),
                             S("per 1,000 population"), S("--format"), S("json")});
    REQUIRE(json.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonArray forces = o[S("forces")].toArray();
    REQUIRE(forces.size() == 3);
    CHECK(forces[0][S("force")].toString() == S("kent"));
    CHECK(forces[1][S("value")].toDouble() == Approx(58.1));
    CHECK(o[S("england_and_wales")].toDouble() == Approx(56.0));

    // A name given in two units must say which; unknown figures and programmes are refused.
    const Run units = runFwb({S("figure"), file, S("--programme"), S("peel-effectiveness-2015"),
                              S("--name"), S("Charged/Summoned")});
    CHECK(units.code != 0);
    CHECK(units.err.contains(S("--unit")));
    CHECK(runFwb({S("figure"), file, S("--programme"), S("peel-effectiveness-2015"), S("--name"),
                  S("Nothing like it")})
              .code == 3);
    CHECK(runFwb({S("figure"), file, S("--programme"), S("peel-effectiveness-2015")}).code == 2);
}
