// Figures over time and across forces: periods read as dates, a force's figures followed through
// the periods and programmes, one figure for every force, and the profile's exports parsing back.

#include "core/domain/periods.h"
#include "core/io/csv.h"
#include "core/services/analysis.h"
#include "core/services/drafting.h"
#include "core/services/frameworks.h"
#include "coretest.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace fwb;

namespace {
QString S(const char* s)
{
    return QString::fromUtf8(s);
}
const QString kPeel = S("peel-effectiveness-2015");

Metric metric(const QString& programme, const QString& force, const QString& name,
              const QString& period, double value, std::optional<double> national,
              const QString& unit = S("per 1,000 population"))
{
    Metric m;
    m.programmeCode = programme;
    m.forceCode = force;
    m.name = name;
    m.measure = S("Rate");
    m.period = period;
    m.unit = unit;
    m.forceValue = value;
    m.nationalValue = national;
    return m;
}

void save(Workbench& wb, const Metric& m)
{
    auto saved = DraftingService(wb).saveMetric(m);
    INFO((saved ? QString() : saved.error().message).toStdString());
    REQUIRE(saved);
}
} // namespace

TEST_CASE("periods read as the date they end", "[figures]")
{
    CHECK(periodEnd(S("12 months to 30 June 2015")) == QDate(2015, 6, 30));
    CHECK(periodEnd(S("As at 1 July 2014")) == QDate(2014, 7, 1));
    CHECK(periodEnd(S("12 months to 31 March 2015")) == QDate(2015, 3, 31));
    CHECK(periodEnd(S("year ending March 2016")) == QDate(2016, 3, 31));
    CHECK(periodEnd(S("Feb 2012")) == QDate(2012, 2, 29));
    CHECK(periodEnd(S("2014/15")) == QDate(2015, 3, 31));
    CHECK(periodEnd(S("2013")) == QDate(2013, 12, 31));
    CHECK(periodEnd(S("1st July 2014")) == QDate(2014, 7, 1));
    CHECK(periodEnd(S("1 April 2014 to March 2015")) == QDate(2015, 3, 31));
    CHECK(periodEnd(S("Since 1 April 2015")) == QDate(2015, 4, 1));
    CHECK_FALSE(isComparison(S("Since 1 April 2015")));
    // A comparison ends when its later period does, and is known as a comparison.
    const QString change = S("12 months to 30 June 2015 compared with 12 months to 30 June 2010");
    CHECK(periodEnd(change) == QDate(2015, 6, 30));
    CHECK(isComparison(change));
    CHECK_FALSE(isComparison(S("12 months to 30 June 2015")));
    // Words that name no date, and dates that do not exist.
    CHECK_FALSE(periodEnd(S("At the time of the inspection")).isValid());
    CHECK_FALSE(periodEnd(S("")).isValid());
    CHECK_FALSE(periodEnd(S("31 June 2015")).isValid());
    CHECK_FALSE(periodEnd(S("2014/17")).isValid());
    CHECK_FALSE(periodEnd(S("between 2010 and 2015")).isValid());
}

TEST_CASE("a force's figure is followed over time across periods and programmes", "[figures]")
{
    test::Scratch dir;
    auto wb = dir.create(S("a.fwb"), true);
    const QString crime = S("Recorded crime (excluding fraud)");
    // The demo gives the 2015 rate; the 2015 programme and a later one add earlier years, out of
    // order, the later programme revising 2014, and a comparison that is not a point.
    const QString later = S("peel-effectiveness-2016");
    REQUIRE(FrameworkService(*wb).copyFramework(kPeel, later, S("PEEL: Police effectiveness 2016"),
                                                2016));
    save(*wb, metric(later, S("lancashire"), crime, S("12 months to 30 June 2013"), 66.0, 61.5));
    save(*wb, metric(kPeel, S("lancashire"), crime, S("12 months to 30 June 2014"), 64.6, 60.6));
    save(*wb, metric(later, S("lancashire"), crime, S("12 months to 30 June 2014"), 64.0,
                     60.0)); // revised in 2016
    save(*wb, metric(kPeel, S("lancashire"), crime,
                     S("12 months to 30 June 2015 compared with 12 months to 30 June 2014"), -3, 4,
                     S("%")));
    // Its region's other forces, for the mean.
    save(*wb, metric(kPeel, S("cumbria"), crime, S("12 months to 30 June 2015"), 40.0, 63.0));
    save(*wb, metric(kPeel, S("merseyside"), crime, S("12 months to 30 June 2015"), 80.0, 63.0));

    auto p = forceProfile(*wb, S("lancashire"));
    REQUIRE(p);
    const FigureSeries* s = nullptr;
    for (const FigureSeries& x : p->series)
        if (x.name == crime && x.unit == S("per 1,000 population"))
            s = &x;
    REQUIRE(s);
    REQUIRE(s->points.size() == 3);
    CHECK(s->points[0].end == QDate(2013, 6, 30));
    CHECK(s->points[0].programmeCode == later);
    CHECK(s->points[1].end == QDate(2014, 6, 30));
    CHECK(s->points[1].force == Approx(64.0)); // the later programme's value
    CHECK(s->points[1].programmeCode == later);
    CHECK(s->points[2].programmeCode == kPeel);
    CHECK(s->points[2].end == QDate(2015, 6, 30));
    CHECK(s->points[2].force == Approx(62.7));
    CHECK(*s->points[2].national == Approx(63.0));
    REQUIRE(s->points[2].regionMean);
    CHECK(*s->points[2].regionMean == Approx((62.7 + 40.0 + 80.0) / 3));
    CHECK_FALSE(s->points[0].regionMean); // no other force of the region gave 2013
    // The comparison is no series; nor is a figure given for one period only.
    for (const FigureSeries& x : p->series) {
        CHECK(x.unit != S("%"));
        CHECK(x.points.size() >= 2);
    }
    // The demo's own two-period figure (very high risk offenders, 2014 and 2015) is a series.
    CHECK(std::any_of(p->series.cbegin(), p->series.cend(), [](const FigureSeries& x) {
        return x.name == S("Offenders assessed as very high risk") && x.points.size() == 2 &&
               x.points[0].force == 113 && x.points[1].force == 24;
    }));
}

TEST_CASE("one figure of a programme for every force, and its refusals", "[figures]")
{
    test::Scratch dir;
    auto wb = dir.create(S("a.fwb"), true);
    const QString crime = S("Recorded crime (excluding fraud)");
    save(*wb, metric(kPeel, S("kent"), crime, S("12 months to 30 June 2015"), 70.5, 63.0));
    save(*wb,
         metric(kPeel, S("durham"), crime, S("12 months to 30 June 2015"), 55.0, std::nullopt));
    save(*wb, metric(kPeel, S("durham"), crime, S("12 months to 30 June 2014"), 54.0, 60.0));

    auto f = figureAcrossForces(*wb, kPeel, crime, S("per 1,000 population"),
                                S("12 months to 30 June 2015"));
    REQUIRE(f);
    REQUIRE(f->forces.size() == 3);
    CHECK(f->forces[0].force.code == S("kent")); // highest first
    CHECK(f->forces[1].force.code == S("lancashire"));
    CHECK(f->forces[1].value == Approx(62.7));
    CHECK(f->forces[2].force.code == S("durham"));
    REQUIRE(f->national);
    CHECK(*f->national == Approx(63.0));
    // The CSV parses back to the same values.
    auto rows = csv::parse(figureCsv(*f), S("figure.csv"));
    REQUIRE(rows);
    REQUIRE(rows->size() == 4);
    CHECK((*rows)[1].fields[0] == S("kent"));
    CHECK((*rows)[1].fields[3].toDouble() == Approx(70.5));
    CHECK((*rows)[2].fields[4].toDouble() == Approx(63.0));

    // Given for two periods, the period must be named; the error names them.
    auto both = figureAcrossForces(*wb, kPeel, crime, S("per 1,000 population"));
    REQUIRE_FALSE(both);
    CHECK(both.error().message.contains(S("12 months to 30 June 2014")));
    CHECK(both.error().message.contains(S("--period")));
    // A name given in two units must say which.
    auto units = figureAcrossForces(*wb, kPeel, S("Charged/Summoned"));
    REQUIRE_FALSE(units);
    CHECK(units.error().message.contains(S("--unit")));
    CHECK_FALSE(figureAcrossForces(*wb, kPeel, S("No such figure")));
    // A force that gives the same figure twice is one force, in the list and in the profile's
    // count.
    save(*wb, metric(kPeel, S("kent"), crime, S("12 months to 30 June 2015"), 70.5, 63.0));
    auto again = figureAcrossForces(*wb, kPeel, crime, S("per 1,000 population"),
                                    S("12 months to 30 June 2015"));
    REQUIRE(again);
    CHECK(again->forces.size() == 3);
    auto kent = forceProfile(*wb, S("kent"));
    REQUIRE(kent);
    for (const ProfileFigure& pf : kent->figures.value(kPeel))
        if (pf.metric.name == crime && pf.metric.period == S("12 months to 30 June 2015"))
            CHECK(pf.forces == 3);
    CHECK_FALSE(figureAcrossForces(*wb, S("nope"), crime));
    CHECK_FALSE(figureAcrossForces(*wb, kPeel, crime, S("per 1,000 population"),
                                   S("12 months to 30 June 1999")));
}

TEST_CASE("the force profile exports parse back to the same judgments, counts and figures",
          "[figures]")
{
    test::Scratch dir;
    auto wb = dir.create(S("a.fwb"), true);
    auto p = forceProfile(*wb, S("lancashire"));
    REQUIRE(p);
    auto rows = csv::parse(profileCsv(*p), S("profile.csv"));
    REQUIRE(rows);
    REQUIRE(rows->size() > 1);
    CHECK((*rows)[0].fields == QStringList{S("force"), S("programme"), S("year"), S("part"),
                                           S("item"), S("period"), S("value"),
                                           S("england_and_wales"), S("region_mean")});
    int judgments = 0, figures = 0, open = 0, strengths = -1;
    for (int r = 1; r < rows->size(); ++r) {
        const QStringList& f = (*rows)[r].fields;
        CHECK(f[0] == S("lancashire"));
        if (f[3] == S("judgment") && f[1] == kPeel)
            ++judgments;
        if (f[3] == S("figure") && f[1] == kPeel)
            ++figures;
        if (f[3].startsWith(S("open ")))
            ++open;
        if (f[3] == S("still open"))
            CHECK(f[6].toInt() == p->stillOpen.total);
        if (f[3] == S("findings") && f[1] == kPeel && f[4] == S("strength"))
            strengths = f[6].toInt();
        if (f[3] == S("figure") &&
            f[4] == S("Recorded crime (excluding fraud) (per 1,000 population)")) {
            CHECK(f[6].toDouble() == Approx(62.7));
            CHECK(f[7].toDouble() == Approx(63.0));
        }
    }
    CHECK(judgments == p->judgments.value(kPeel).size());
    CHECK(figures == p->figures.value(kPeel).size());
    CHECK(open == p->stillOpen.items.size());
    CHECK(strengths == p->findings.value(kPeel).value(S("strength")));

    const QJsonObject o = QJsonDocument::fromJson(profileJson(*p)).object();
    CHECK(o[S("force")].toString() == S("lancashire"));
    CHECK(o[S("still_open_total")].toInt() == p->stillOpen.total);
    const QJsonArray programmes = o[S("programmes")].toArray();
    REQUIRE(programmes.size() == p->programmes.size());
    for (const QJsonValue v : programmes)
        if (v[S("code")].toString() == kPeel) {
            CHECK(v[S("judgments")].toObject().size() == p->judgments.value(kPeel).size());
            CHECK(v[S("figures")].toArray().size() == p->figures.value(kPeel).size());
        }
    CHECK(o[S("series")].toArray().size() == p->series.size());
}
