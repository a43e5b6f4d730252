// SearchService: the words a person types, ranked hits with snippets, and the filters.

#include "core/services/drafting.h"
#include "core/services/search.h"
#include "coretest.h"
#include "testsupport.h"

using namespace fwb;

namespace {
const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kCore = QStringLiteral("core-business-2014");
const QString kLancs = QStringLiteral("lancashire");

QList<SearchHit> find(Workbench& wb, const QString& text, const SearchFilter& filter = {})
{
    auto hits = SearchService(wb.database()).search(text, filter);
    REQUIRE(hits);
    CHECK(hits->complete); // the demo is far below the ranked-candidate cap
    return hits->hits;
}
} // namespace

TEST_CASE("typed words become a safe FTS5 query with the last word as a prefix", "[search]")
{
    CHECK(SearchService::ftsQuery(QStringLiteral("unattended crime")) ==
          QStringLiteral("\"unattended\" \"crime\"*"));
    CHECK(SearchService::ftsQuery(QStringLiteral("unattended crime ")) ==
          QStringLiteral("\"unattended\" \"crime\""));
    // FTS5 operators and quotes typed by a person are words or separators, never syntax.
    CHECK(SearchService::ftsQuery(QStringLiteral("NEAR(\"x\" NOT b) ")) ==
          QStringLiteral("\"NEAR\" \"x\" \"NOT\" \"b\""));
    CHECK(SearchService::ftsQuery(QStringLiteral("  -- ")).isEmpty());
    CHECK(SearchService::ftsQuery(QStringLiteral("1,000 café")) ==
          QStringLiteral("\"1\" \"000\" \"café\"*"));
    // Common words are left out beside others, kept alone; short half-typed words are whole words.
    CHECK(SearchService::ftsQuery(QStringLiteral("the force ")) == QStringLiteral("\"force\""));
    CHECK(SearchService::ftsQuery(QStringLiteral("the ")) == QStringLiteral("\"the\""));
    CHECK(SearchService::ftsQuery(QStringLiteral("crime in")) == QStringLiteral("\"crime\""));
    CHECK(SearchService::ftsQuery(QStringLiteral("crime inv")) ==
          QStringLiteral("\"crime\" \"inv\"*"));
}

TEST_CASE("snippets mark the words the index matched, around the first match", "[search]")
{
    const auto terms = SearchService::terms(QStringLiteral("victim investig"));
    REQUIRE(terms.size() == 2);
    CHECK(terms[1].prefix);
    const QString text = QStringLiteral("In the period reviewed the constabulary **kept** most "
                                        "Victims informed, and investigations of burglary "
                                        "were supervised; but in several cases the victim was not "
                                        "told of the outcome at all, which matters.");
    const QString s = SearchService::snippet(text, terms, 8);
    const QChar open(0x02), close(0x03);
    CHECK(s.contains(QString(open) + QStringLiteral("Victims") + close));
    CHECK(s.contains(QString(open) + QStringLiteral("investigations") + close));
    CHECK_FALSE(s.contains(QStringLiteral("**")));
    CHECK(s.startsWith(QChar(0x2026)));
    CHECK(s.endsWith(QChar(0x2026)));
    // Accents and case are folded as the index folds them.
    const QString cafe = SearchService::snippet(QStringLiteral("Le Café ouvert"),
                                                SearchService::terms(QStringLiteral("cafe ")));
    CHECK(cafe == QStringLiteral("Le ") + open + QStringLiteral("Café") + close +
                      QStringLiteral(" ouvert"));
    CHECK(SearchService::snippet(QString(), terms).isEmpty());
}

TEST_CASE("search finds the seed's words in findings, summaries and document text, best first",
          "[search]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("s.fwb"), true);

    const auto unattended = find(*wb, QStringLiteral("unattended crime reports"));
    REQUIRE(!unattended.isEmpty());
    // The letter's finding on the fifty unattended crime reports is the best match.
    const SearchHit& top = unattended.front();
    CHECK(top.type == SearchHit::Type::Finding);
    CHECK(top.programme == kCore);
    CHECK(top.force == kLancs);
    CHECK(top.snippet.contains(QChar(0x02)));
    CHECK(top.markedSnippet(QStringLiteral("<b>"), QStringLiteral("</b>"), true)
              .contains(QStringLiteral("<b>unattended</b>")));
    for (int i = 1; i < unattended.size(); ++i)
        CHECK(unattended[i - 1].rank <= unattended[i].rank);

    // A prefix while typing.
    const auto typing = find(*wb, QStringLiteral("unatten"));
    REQUIRE(!typing.isEmpty());
    CHECK(typing.front().snippet.contains(QStringLiteral("nattended")));

    // Judgment summaries and document sections are found too.
    bool judgment = false, section = false;
    for (const SearchHit& h :
         find(*wb, QStringLiteral("Lancashire Constabulary"), SearchFilter{{}, {}, {}, {}, 500})) {
        judgment = judgment || h.type == SearchHit::Type::Judgment;
        section = section || (h.type == SearchHit::Type::Section && !h.documentUid.isEmpty());
    }
    CHECK(judgment);
    CHECK(section);

    CHECK(find(*wb, QStringLiteral("zyxwvut")).isEmpty());
    CHECK(find(*wb, QStringLiteral("\"")).isEmpty());
}

TEST_CASE("search filters by programme, force, kind and status", "[search]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("s.fwb"), true);
    SearchFilter all;
    all.limit = 1000;
    const auto everything = find(*wb, QStringLiteral("victims"), all);
    REQUIRE(everything.size() > 5);

    SearchFilter peel = all;
    peel.programme = kPeel;
    const auto inPeel = find(*wb, QStringLiteral("victims"), peel);
    REQUIRE(!inPeel.isEmpty());
    CHECK(inPeel.size() < everything.size());
    for (const SearchHit& h : inPeel)
        CHECK(h.programme == kPeel);

    SearchFilter aei = all;
    aei.kind = QStringLiteral("area_for_improvement");
    const auto areas = find(*wb, QStringLiteral("victims"), aei);
    REQUIRE(!areas.isEmpty());
    for (const SearchHit& h : areas) {
        CHECK(h.type == SearchHit::Type::Finding);
        CHECK(h.kind == QStringLiteral("area_for_improvement"));
    }

    SearchFilter elsewhere = all;
    elsewhere.force = QStringLiteral("kent");
    CHECK(find(*wb, QStringLiteral("victims"), elsewhere).isEmpty());

    // Status: one finding made ready for review is the only hit with that status.
    DraftingService drafting(*wb);
    Finding f = wb->drafts().finding(areas.front().key).value();
    f.status = QStringLiteral("ready");
    REQUIRE(drafting.updateFinding(f));
    SearchFilter final = all;
    final.status = QStringLiteral("ready");
    const auto finals = find(*wb, QStringLiteral("victims"), final);
    REQUIRE(finals.size() == 1);
    CHECK(finals.front().key == f.uid);

    SearchFilter limited = all;
    limited.limit = 3;
    CHECK(find(*wb, QStringLiteral("victims"), limited).size() == 3);
}

TEST_CASE("search follows edits: a new finding is found, a deleted one is not", "[search]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("s.fwb"), true);
    DraftingService drafting(*wb);
    Finding f;
    f.programmeCode = kPeel;
    f.forceCode = kLancs;
    f.questionCode = QStringLiteral("Q2");
    f.kind = QStringLiteral("cause_of_concern");
    f.text = QStringLiteral("Quarterly scrutiny of cybercrime referrals lapsed.");
    auto added = drafting.addFinding(f);
    REQUIRE(added);
    const auto hits = find(*wb, QStringLiteral("cybercrime referrals"));
    REQUIRE(hits.size() == 1);
    CHECK(hits.front().key == added->uid);
    CHECK(hits.front().question == QStringLiteral("Q2"));
    REQUIRE(drafting.deleteFinding(added->uid));
    CHECK(find(*wb, QStringLiteral("cybercrime referrals")).isEmpty());
}
