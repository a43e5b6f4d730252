// The follow-up list read a page at a time (FollowUpPages, as the Follow-up tab reads it), and the
// force profile's numbers, each against a slow reference computed from every finding and figure,
// on the demo and on a small synthetic set added to it.

#include "core/services/analysis.h"
#include "core/services/followups.h"
#include "core/storage/analysisrepository.h"
#include "core/workbench.h"
#include "coretest.h"
#include "testsupport.h"

#include <QSet>

using namespace fwb;
using namespace coretest;

namespace {

const QString kCore = QStringLiteral("core-business-2014");
const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kLancs = QStringLiteral("lancashire");

void exec(const Database& db, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(db.sql());
    REQUIRE(q.prepare(sql));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(q.exec());
}

// Three synthetic years for three forces of one region and one elsewhere: findings of every kind
// over two questions, and figures for each force, so that pages cross forces and programmes and
// the profile has region means to compute.
void addSynthetic(const Database& db)
{
    const QStringList forces{kLancs, QStringLiteral("cumbria"), QStringLiteral("merseyside"),
                             QStringLiteral("kent")};
    const QStringList kinds{QStringLiteral("strength"), QStringLiteral("area_for_improvement"),
                            QStringLiteral("cause_of_concern"), QStringLiteral("recommendation"),
                            QStringLiteral("observation")};
    exec(db, QStringLiteral("BEGIN"));
    int n = 0;
    for (int year = 2016; year <= 2018; ++year) {
        const QString code = QStringLiteral("synthetic-test-%1").arg(year);
        exec(
            db,
            QStringLiteral("INSERT INTO programmes(code, title, year, kind, grade_scale_id) VALUES "
                           "(?, ?, ?, 'peel', (SELECT id FROM grade_scales LIMIT 1))"),
            {code, QStringLiteral("SYNTHETIC test %1").arg(year), year});
        for (int q = 1; q <= 2; ++q)
            exec(db,
                 QStringLiteral("INSERT INTO questions(programme_id, code, position, text, "
                                "graded) VALUES ((SELECT id FROM programmes WHERE code = ?), ?, "
                                "?, 'A question', 0)"),
                 {code, QStringLiteral("Q%1").arg(q), q});
        for (const QString& force : forces) {
            for (int i = 0; i < 9; ++i) {
                ++n;
                exec(db,
                     QStringLiteral(
                         "INSERT INTO findings(uid, force_id, question_id, kind, position, text) "
                         "VALUES (?, (SELECT id FROM forces WHERE code = ?), (SELECT id FROM "
                         "questions WHERE programme_id = (SELECT id FROM programmes WHERE code = "
                         "?) AND code = ?), ?, ?, ?)"),
                     {QStringLiteral("syn-%1").arg(n), force, code,
                      QStringLiteral("Q%1").arg(2 - i % 2), kinds[(n * 7 + year) % kinds.size()],
                      100 - i, QStringLiteral("Synthetic finding %1.").arg(n)});
            }
            for (int m = 0; m < 2; ++m)
                exec(db,
                     QStringLiteral("INSERT INTO metrics(uid, programme_id, force_id, figure, "
                                    "name, measure, period, unit, force_value, national_value, "
                                    "position) VALUES (?, (SELECT id FROM programmes WHERE code "
                                    "= ?), (SELECT id FROM forces WHERE code = ?), 'Figure 1', ?, "
                                    "'Rate', ?, 'per 1,000 population', ?, 50, ?)"),
                     {QStringLiteral("syn-m-%1-%2-%3").arg(year).arg(force).arg(m), code, force,
                      m == 0 ? QStringLiteral("Recorded crime") : QStringLiteral("Burglary"),
                      QStringLiteral("12 months to 31 March %1").arg(year),
                      10.0 * (forces.indexOf(force) + 1) + year - 2000 + m, m + 1});
        }
    }
    exec(db, QStringLiteral("COMMIT"));
}

// The reference order of the Follow-up tab: followUpList's items (by force, then year, each
// force's in the order read), the oldest year first, then force.
QStringList referenceOrder(const FollowUpList& list)
{
    QList<FollowUpItem> items = list.items;
    std::stable_sort(items.begin(), items.end(), [](const FollowUpItem& a, const FollowUpItem& b) {
        return a.since != b.since ? a.since < b.since : a.force.name < b.force.name;
    });
    QStringList out;
    for (const FollowUpItem& i : items)
        out << i.finding.uid + QLatin1Char('|') + i.status() + QLatin1Char('|') +
                   QString::number(i.since) + QLatin1Char('|') + i.force.code;
    return out;
}

QStringList readInPages(const Workbench& wb, const FollowUpFilter& filter, int page, int* total)
{
    auto pages = FollowUpPages::open(wb, filter);
    REQUIRE(pages);
    *total = pages->total();
    QStringList out;
    for (int guard = 0; !pages->atEnd() && guard < 100000; ++guard) {
        auto items = pages->next(page);
        REQUIRE(items);
        CHECK(items->size() <= page);
        for (const FollowUpItem& i : *items)
            out << i.finding.uid + QLatin1Char('|') + i.status() + QLatin1Char('|') +
                       QString::number(i.since) + QLatin1Char('|') + i.force.code;
    }
    auto after = pages->next(page);
    REQUIRE(after);
    CHECK(after->isEmpty());
    return out;
}

void checkPagesAgainstList(const Workbench& wb)
{
    QString region;
    for (const Force& f : wb.reference().forces())
        if (f.code == kLancs)
            region = f.regionCode;
    const QList<FollowUpFilter> filters{
        {{}, {}, {}, true},
        {{}, {}, {}, false},
        {kLancs, {}, {}, true},
        {{}, region, {}, false},
        {{}, {}, QStringLiteral("area_for_improvement"), true},
        {QStringLiteral("kent"), region, {}, false}, // a force outside the region: nothing
        {{}, {}, QStringLiteral("strength"), false}, // a kind not followed up: nothing
    };
    for (const FollowUpFilter& filter : filters) {
        auto full = followUpList(wb, filter);
        REQUIRE(full);
        const QStringList expected = referenceOrder(*full);
        for (const int page : {1, 3, 7, 1000}) {
            INFO("force " << filter.force.toStdString() << ", region "
                          << filter.region.toStdString() << ", kind " << filter.kind.toStdString()
                          << ", open only " << filter.openOnly << ", page " << page);
            int total = -1;
            CHECK(readInPages(wb, filter, page, &total) == expected);
            CHECK(total == full->total);
        }
    }
}

} // namespace

TEST_CASE("Read a page at a time the follow-up list gives every item of the full list oldest "
          "first",
          "[followups][pages]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    checkPagesAgainstList(*wb);
    addSynthetic(wb->database());
    checkPagesAgainstList(*wb);

    // Closed by a later inspection, an item leaves the open list and its count.
    auto open = FollowUpPages::open(*wb, {kLancs, {}, {}, true});
    REQUIRE(open);
    auto first = open->next(1);
    REQUIRE(first);
    REQUIRE(first->size() == 1);
    const FollowUpItem item = first->front();
    QString laterProgramme, evidence;
    for (const Programme& p : wb->reference().programmes())
        if (p.year > item.since && laterProgramme.isEmpty())
            laterProgramme = p.code;
    REQUIRE_FALSE(laterProgramme.isEmpty());
    for (const Finding& f : wb->drafts().findings(laterProgramme, kLancs))
        if (evidence.isEmpty())
            evidence = f.uid;
    REQUIRE(FollowUpService(*wb).set(
        {item.finding.uid, laterProgramme, 0, QStringLiteral("completed"), evidence, {}, {}, {}}));
    auto after = FollowUpPages::open(*wb, {kLancs, {}, {}, true});
    REQUIRE(after);
    CHECK(after->total() == open->total() - 1);
    checkPagesAgainstList(*wb);
}

TEST_CASE("The follow-up pages refuse what cannot be read", "[followups][pages]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto unknown = FollowUpPages::open(*wb, {QStringLiteral("no-such-force"), {}, {}, true});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == Error::Code::NotFound);
    auto nothing = FollowUpPages::open(*wb, {{}, QStringLiteral("no-such-region"), {}, true});
    REQUIRE(nothing);
    CHECK(nothing->total() == 0);
    CHECK(nothing->atEnd());
    auto none = nothing->next(10);
    REQUIRE(none);
    CHECK(none->isEmpty());
    auto zero = FollowUpPages::open(*wb, {{}, {}, {}, true});
    REQUIRE(zero);
    auto empty = zero->next(0);
    REQUIRE(empty);
    CHECK(empty->isEmpty());

    const AnalysisRepository analysis(wb->database());
    const QStringList kinds{QStringLiteral("area_for_improvement")};
    CHECK_FALSE(analysis.findingsOfKinds(kCore, kLancs, kinds, -1));
    CHECK_FALSE(analysis.findingsOfKinds(kCore, kLancs, kinds, 5, -2));
    auto elsewhere =
        analysis.findingsOfKinds(QStringLiteral("no-such-programme"), kLancs, kinds, 5);
    REQUIRE(elsewhere);
    CHECK(elsewhere->isEmpty());
    auto count = analysis.countFindings({QStringLiteral("no-such-kind")});
    REQUIRE(count);
    CHECK(*count == 0);
}

namespace {

// The profile's numbers from every finding and figure, the slow way.
void checkProfileAgainstReference(const Workbench& wb, const QString& forceCode)
{
    INFO("force " << forceCode.toStdString());
    auto profile = forceProfile(wb, forceCode);
    REQUIRE(profile);
    const auto ref = wb.reference();
    QSet<QString> region;
    QString regionCode;
    for (const Force& f : ref.forces())
        if (f.code == forceCode)
            regionCode = f.regionCode;
    for (const Force& f : ref.forces())
        if (f.regionCode == regionCode)
            region.insert(f.code);
    REQUIRE(profile->programmes.size() == ref.programmes().size());
    for (const Programme& p : ref.programmes()) {
        INFO("programme " << p.code.toStdString());
        QMap<QString, int> kinds;
        for (const Finding& f : wb.drafts().findings(p.code, forceCode))
            ++kinds[f.kind];
        CHECK(profile->findings.value(p.code) == kinds);
        CHECK(profile->judgments.value(p.code).size() ==
              wb.drafts().judgments(p.code, forceCode).size());
        const QList<Metric> all = wb.drafts().metrics(p.code);
        QList<ProfileFigure> figures = profile->figures.value(p.code);
        int own = 0;
        for (const Metric& m : all)
            own += m.forceCode == forceCode ? 1 : 0;
        CHECK(figures.size() == own);
        for (const ProfileFigure& f : figures) {
            double sum = 0;
            int regionForces = 0;
            QSet<QString> seen, every;
            for (const Metric& m : all) {
                if (!sameFigure(m, f.metric) || every.contains(m.forceCode))
                    continue;
                every.insert(m.forceCode);
                if (region.contains(m.forceCode) && !seen.contains(m.forceCode)) {
                    seen.insert(m.forceCode);
                    sum += m.forceValue;
                    ++regionForces;
                }
            }
            CHECK(f.forces == every.size());
            CHECK(f.regionForces == regionForces);
            if (regionForces > 1) {
                REQUIRE(f.regionMean);
                CHECK(*f.regionMean == Approx(sum / regionForces));
            } else {
                CHECK_FALSE(f.regionMean);
            }
        }
    }
    // What is still open: the oldest of the full list, and the count of all of it.
    auto open = followUpList(wb, {forceCode, {}, {}, true});
    REQUIRE(open);
    CHECK(profile->stillOpen.total == open->items.size());
    QStringList expected;
    for (const FollowUpItem& i : open->items)
        if (expected.size() < ProfileOpenItems)
            expected << i.finding.uid;
    QStringList shown;
    for (const FollowUpItem& i : profile->stillOpen.items)
        shown << i.finding.uid;
    CHECK(shown == expected);
}

} // namespace

TEST_CASE("The force profile's numbers equal a slow count of every finding and figure",
          "[analysis][profile]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    for (const QString& force : {kLancs, QStringLiteral("cumbria"), QStringLiteral("kent")})
        checkProfileAgainstReference(*wb, force);
    addSynthetic(wb->database());
    for (const QString& force :
         {kLancs, QStringLiteral("cumbria"), QStringLiteral("merseyside"), QStringLiteral("kent")})
        checkProfileAgainstReference(*wb, force);
}
