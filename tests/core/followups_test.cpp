// Follow-up of earlier findings: assessments by later inspections, what they refuse, the list of
// what is still open and for how long, and the force profile's share of it.

#include "core/io/csv.h"
#include "core/services/analysis.h"
#include "core/services/followups.h"
#include "coretest.h"
#include "testsupport.h"

using namespace fwb;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}
const QString kCore = S("core-business-2014");
const QString kPeel = S("peel-effectiveness-2015");
const QString kLancs = S("lancashire");

QStringList uidsOf(Workbench& wb, const QString& programme, const QString& kind)
{
    QStringList out;
    for (const Finding& f : wb.drafts().findings(programme, kLancs))
        if (kind.isEmpty() || f.kind == kind)
            out << f.uid;
    return out;
}

} // namespace

TEST_CASE("Follow-up: a later inspection records how it found an earlier finding, and refuses what "
          "cannot be",
          "[followups]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    FollowUpService service(*wb);
    const QStringList afis = uidsOf(*wb, kCore, S("area_for_improvement"));
    const QStringList strengths2014 = uidsOf(*wb, kCore, S("strength"));
    const QStringList later = uidsOf(*wb, kPeel, {});
    REQUIRE(afis.size() >= 3);
    REQUIRE_FALSE(later.isEmpty());

    auto progress = service.set(
        {afis[0], kPeel, 0, S("progress"), later[0], S("Supervision improved"), {}, {}});
    REQUIRE(progress);
    CHECK(progress->year == 2015);
    CHECK(progress->status == S("progress"));
    CHECK_FALSE(progress->actor.isEmpty());

    // What cannot be true is refused, and nothing is written.
    const qint64 audits = wb->audit().count();
    auto same = service.set({afis[1], kCore, 0, S("completed"), later[0], {}, {}, {}});
    REQUIRE_FALSE(same);
    CHECK(same.error().message.contains(S("not later than")));
    if (!strengths2014.isEmpty()) {
        auto strength = service.set({strengths2014[0], kPeel, 0, S("open"), {}, {}, {}, {}});
        REQUIRE_FALSE(strength);
        CHECK(strength.error().message.contains(S("only areas for improvement")));
    }
    auto noEvidence = service.set({afis[1], kPeel, 0, S("completed"), {}, {}, {}, {}});
    REQUIRE_FALSE(noEvidence);
    CHECK(noEvidence.error().message.contains(S("needs the later finding")));
    auto wrongEvidence = service.set({afis[1], kPeel, 0, S("completed"), afis[2], {}, {}, {}});
    REQUIRE_FALSE(wrongEvidence);
    CHECK(
        wrongEvidence.error().message.contains(S("not of lancashire in peel-effectiveness-2015")));
    CHECK_FALSE(service.set({afis[1], kPeel, 0, S("done"), later[0], {}, {}, {}}));
    CHECK_FALSE(service.set({S("no-such-finding"), kPeel, 0, S("open"), {}, {}, {}, {}}));
    CHECK(wb->audit().count() == audits);

    REQUIRE(service.set({afis[1], kPeel, 0, S("completed"), later[0], {}, {}, {}}));
    REQUIRE(service.set({afis[2], kPeel, 0, S("open"), {}, S("No change seen"), {}, {}}));
    CHECK(wb->audit().count() == audits + 2);

    // The list: every followed-up kind; still open means open or progress made.
    auto all = followUpList(*wb, {kLancs, {}, {}, false});
    REQUIRE(all);
    CHECK(all->asOf == 2015);
    auto open = followUpList(*wb, {kLancs, {}, {}, true});
    REQUIRE(open);
    CHECK(all->items.size() == open->items.size() + 1); // the completed one
    QHash<QString, const FollowUpItem*> byUid;
    for (const FollowUpItem& i : open->items)
        byUid.insert(i.finding.uid, &i);
    REQUIRE(byUid.contains(afis[0]));
    CHECK(byUid[afis[0]]->status() == S("progress"));
    CHECK(open->yearsOpen(*byUid[afis[0]]) == 1);
    CHECK(byUid[afis[0]]->history.size() == 1);
    CHECK(byUid[afis[0]]->history[0].evidenceUid == later[0]);
    CHECK_FALSE(byUid.contains(afis[1]));
    CHECK(byUid[afis[2]]->status() == S("open"));
    CHECK(byUid[afis[3 < afis.size() ? 3 : 2]]->isOpen());

    // Exported, it parses back to the same rows.
    auto rows = csv::parse(followUpCsv(*open), S("followups.csv"));
    REQUIRE(rows);
    REQUIRE(rows->size() == open->items.size() + 1);
    int progressRows = 0;
    for (int r = 1; r < rows->size(); ++r)
        progressRows += (*rows)[r].fields[6] == S("progress") ? 1 : 0;
    CHECK(progressRows == 1);

    // The force profile lists what is still open.
    auto profile = forceProfile(*wb, kLancs);
    REQUIRE(profile);
    CHECK(profile->stillOpen.items.size() == open->items.size());

    // Cleared, the finding is open again; the assessment is returned to be put back.
    auto cleared = service.clear(afis[1], kPeel);
    REQUIRE(cleared);
    CHECK(cleared->status == S("completed"));
    auto again = followUpList(*wb, {kLancs, {}, {}, true});
    CHECK(again->items.size() == open->items.size() + 1);
    CHECK_FALSE(service.clear(afis[1], kPeel));
    REQUIRE(service.set(*cleared));
    CHECK(service.history(afis[1]).size() == 1);
}

TEST_CASE("Follow-up list: filters by force, region and kind", "[followups]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    auto lancs = followUpList(*wb, {kLancs, {}, {}, false});
    REQUIRE(lancs);
    REQUIRE_FALSE(lancs->items.isEmpty());
    for (const FollowUpItem& i : lancs->items)
        CHECK(isFollowedUp(i.finding.kind));
    auto kent = followUpList(*wb, {S("kent"), {}, {}, false});
    REQUIRE(kent);
    CHECK(kent->items.isEmpty());
    auto region = followUpList(*wb, {{}, lancs->items.first().force.regionCode, {}, false});
    REQUIRE(region);
    CHECK(region->items.size() == lancs->items.size());
    auto recommendations = followUpList(*wb, {kLancs, {}, S("recommendation"), false});
    REQUIRE(recommendations);
    for (const FollowUpItem& i : recommendations->items)
        CHECK(i.finding.kind == S("recommendation"));
    CHECK_FALSE(followUpList(*wb, {S("atlantis"), {}, {}, false}));
}

TEST_CASE("Follow-up list: a limit lists the oldest open items and still counts them all",
          "[followups]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    auto all = followUpList(*wb, {kLancs, {}, {}, true});
    REQUIRE(all);
    REQUIRE(all->items.size() > 4);
    CHECK(all->total == all->items.size());
    // A later inspection closes the first two of 2014; they leave the count and the list.
    const QStringList afis = uidsOf(*wb, kCore, S("area_for_improvement"));
    const QStringList later = uidsOf(*wb, kPeel, {});
    FollowUpService service(*wb);
    REQUIRE(service.set({afis[0], kPeel, 0, S("completed"), later[0], {}, {}, {}}));
    REQUIRE(service.set({afis[1], kPeel, 0, S("superseded"), later[0], {}, {}, {}}));
    REQUIRE(service.set({afis[2], kPeel, 0, S("progress"), later[0], {}, {}, {}}));
    auto open = followUpList(*wb, {kLancs, {}, {}, true});
    REQUIRE(open);
    CHECK(open->total == all->total - 2);
    auto three = followUpList(*wb, {kLancs, {}, {}, true, 3});
    REQUIRE(three);
    CHECK(three->total == open->total);
    REQUIRE(three->items.size() == 3);
    for (int i = 0; i < 3; ++i)
        CHECK(three->items[i].finding.uid ==
              open->items[i].finding.uid);         // the oldest, in the same order
    CHECK(three->items[0].finding.uid == afis[2]); // the closed two skipped
    // Of every kind, and of one region, the limit holds the same way.
    auto region = followUpList(*wb, {{}, three->items[0].force.regionCode, {}, true, 2});
    REQUIRE(region);
    CHECK(region->items.size() == 2);
    CHECK(region->total == open->total);
    auto closedToo = followUpList(*wb, {kLancs, {}, {}, false, 1});
    REQUIRE(closedToo);
    CHECK(closedToo->total == all->total);
    CHECK(closedToo->items[0].finding.uid == afis[0]);
    // A kind that is not followed up has nothing to list or count.
    auto strengths = followUpList(*wb, {kLancs, {}, S("strength"), false});
    REQUIRE(strengths);
    CHECK(strengths->items.isEmpty());
    CHECK(strengths->total == 0);
}
