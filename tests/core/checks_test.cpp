// The consistency checker: number words, the clean demo (no error: it was published after
// review), and a corpus of faults injected into copies of it, each of which must be found by its
// rule at its place.

#include "core/checks/checker.h"
#include "core/checks/corpus.h"
#include "core/checks/numbers.h"
#include "core/services/drafting.h"
#include "coretest.h"
#include "testsupport.h"

using namespace fwb;
using namespace fwb::checks;

namespace {
const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kCore = QStringLiteral("core-business-2014");
const QString kLancs = QStringLiteral("lancashire");

QList<Problem> check(Workbench& wb, const QString& programme)
{
    auto context = CheckContext::load(wb, programme, kLancs);
    REQUIRE(context);
    return checkAll(*context);
}

QList<Problem> errors(const QList<Problem>& all)
{
    QList<Problem> out;
    for (const Problem& p : all)
        if (p.severity == Severity::Error)
            out << p;
    return out;
}

QString describe(const QList<Problem>& problems)
{
    QStringList lines;
    for (const Problem& p : problems)
        lines << p.rule + QStringLiteral(" ") + p.place() + QStringLiteral(": ") + p.message;
    return lines.join(QLatin1Char('\n'));
}

// The problems of one rule at one place (entity key).
QList<Problem> found(const QList<Problem>& all, const QString& rule, const QString& key)
{
    QList<Problem> out;
    for (const Problem& p : all)
        if (p.rule == rule && p.key == key)
            out << p;
    return out;
}

Finding finding(Workbench& wb, const QString& uid)
{
    auto f = wb.drafts().finding(uid);
    REQUIRE(f);
    return *f;
}

void setText(Workbench& wb, const QString& uid, const QString& from, const QString& to)
{
    REQUIRE(reopenPublished(wb, QStringLiteral("a correction")));
    Finding f = finding(wb, uid);
    REQUIRE(f.text.contains(from));
    f.text.replace(from, to);
    REQUIRE(DraftingService(wb).updateFinding(f));
}
} // namespace

TEST_CASE("numbers are read as a report writes them", "[checks][numbers]")
{
    CHECK(parseNumberWords(QStringLiteral("thirty four")) == 34);
    CHECK(parseNumberWords(QStringLiteral("Thirty-four")) == 34);
    CHECK(parseNumberWords(QStringLiteral("one hundred and twenty")) == 120);
    CHECK(parseNumberWords(QStringLiteral("two thousand and five")) == 2005);
    CHECK(parseNumberWords(QStringLiteral("ten")) == 10);
    CHECK_FALSE(parseNumberWords(QStringLiteral("tenth")));
    CHECK_FALSE(parseNumberWords(QStringLiteral("and")));

    const QString text = QStringLiteral(
        "Thirty four of those files, 35 had none; 1,000 calls, 62.7 per 1,000 and 17.4% "
        "(or 3 per cent); all but three; one of the cases; filed within 24 hours.");
    const QList<NumberMention> n = findNumbers(text);
    QList<double> values;
    for (const NumberMention& m : n)
        values << m.value;
    CHECK(values == QList<double>{34, 35, 1000, 62.7, 1000, 17.4, 3, 3, 24});
    CHECK(n[0].words);
    CHECK(n[0].source == QStringLiteral("Thirty four"));
    CHECK(n[3].decimals == 1);
    CHECK(n[5].percent);
    CHECK(n[6].percent);
    CHECK(allBut(text, n[7]));
    CHECK(unitAfter(text, n[8]) == QStringLiteral("hours"));
    CHECK(unitAfter(text, n[3]) == QStringLiteral("per 1,000"));
}

TEST_CASE("the published demo content holds no error", "[checks]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("c.fwb"), true);
    for (const QString& programme : {kPeel, kCore}) {
        const auto problems = check(*wb, programme);
        INFO(describe(problems).toStdString());
        CHECK(errors(problems).isEmpty());
    }
}

TEST_CASE("fault corpus: every injected fault is found by its rule at its place",
          "[checks][corpus]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("c.fwb"), true);
    DraftingService drafting(*wb);

    SECTION("a count in the text changed")
    {
        setText(*wb, QStringLiteral("lancs-2014-f-13"), QStringLiteral("Thirty four"),
                QStringLiteral("Thirty six"));
        const auto p = found(check(*wb, kCore), QStringLiteral("evidence.count"),
                             QStringLiteral("lancs-2014-f-13"));
        REQUIRE(p.size() == 1);
        CHECK(finding(*wb, QStringLiteral("lancs-2014-f-13")).text.mid(p[0].start, p[0].length) ==
              QStringLiteral("Thirty six"));
    }
    SECTION("a count in the evidence changed")
    {
        EvidenceSample e = *wb->drafts().evidenceSample(QStringLiteral("lancs-2014-e-3"));
        e.measures[0].count = 7; // the text says "Only 6 of these records"
        e.measures[1].count = 3;
        REQUIRE(
            reopenPublished(*wb, QStringLiteral("a correction"))); // the letter shows this sample
        REQUIRE(drafting.saveEvidence(e));
        CHECK(!found(check(*wb, kCore), QStringLiteral("evidence.count"),
                     QStringLiteral("lancs-2014-f-18"))
                   .isEmpty());
    }
    SECTION("a count larger than what it is out of")
    {
        setText(*wb, QStringLiteral("lancs-2015-f-036"), QStringLiteral("39 of the 40"),
                QStringLiteral("41 of the 40"));
        CHECK(!found(check(*wb, kPeel), QStringLiteral("evidence.exceeds"),
                     QStringLiteral("lancs-2015-f-036"))
                   .isEmpty());
    }
    SECTION("all but N that no longer follows")
    {
        setText(*wb, QStringLiteral("lancs-2015-f-036"), QStringLiteral("all but three"),
                QStringLiteral("all but five"));
        CHECK(!found(check(*wb, kPeel), QStringLiteral("evidence.count"),
                     QStringLiteral("lancs-2015-f-036"))
                   .isEmpty());
    }
    SECTION("the sample size changed")
    {
        EvidenceSample e = *wb->drafts().evidenceSample(QStringLiteral("lancs-2014-e-1"));
        e.sampleSize = 60;
        REQUIRE(
            reopenPublished(*wb, QStringLiteral("a correction"))); // the letter shows this sample
        REQUIRE(drafting.saveEvidence(e));
        CHECK(!found(check(*wb, kCore), QStringLiteral("evidence.sample-size"),
                     QStringLiteral("lancs-2014-f-13"))
                   .isEmpty());
    }
    SECTION("strata that no longer make the sample")
    {
        setText(*wb, QStringLiteral("lancs-2014-f-14"), QStringLiteral("10 each from"),
                QStringLiteral("12 each from"));
        CHECK(!found(check(*wb, kCore), QStringLiteral("evidence.strata"),
                     QStringLiteral("lancs-2014-f-14"))
                   .isEmpty());
    }
    SECTION("grade words swapped in a summary")
    {
        Judgment j = *wb->drafts().judgment(kPeel, kLancs, QStringLiteral("Q1"));
        REQUIRE(j.summary.contains(QStringLiteral("is good at")));
        j.summary.replace(QStringLiteral("is good at"), QStringLiteral("is inadequate at"));
        REQUIRE(drafting.setJudgment(j));
        const QString key = kPeel + QStringLiteral("/lancashire/Q1");
        const auto p = found(check(*wb, kPeel), QStringLiteral("judgment.grade-words"), key);
        REQUIRE(!p.isEmpty());
        CHECK(p[0].field == QStringLiteral("summary"));
        CHECK(j.summary.mid(p[0].start, p[0].length) == QStringLiteral("inadequate"));
        CHECK(!found(check(*wb, kPeel), QStringLiteral("two-places.grade"), key).isEmpty());
    }
    SECTION("the recorded grade changed under the words")
    {
        Judgment j = *wb->drafts().judgment(kPeel, kLancs, QStringLiteral("Q2"));
        j.gradeCode = QStringLiteral("requires-improvement");
        REQUIRE(drafting.setJudgment(j));
        // "Lancashire Constabulary's approach to investigating crime … is good."
        CHECK(!found(check(*wb, kPeel), QStringLiteral("judgment.grade-words"),
                     kPeel + QStringLiteral("/lancashire/Q2"))
                   .isEmpty());
    }
    SECTION("another force's name pasted in")
    {
        setText(*wb, QStringLiteral("lancs-2015-f-036"), QStringLiteral("The review identified"),
                QStringLiteral("As in Cumbria Constabulary, the review identified"));
        const auto p = found(check(*wb, kPeel), QStringLiteral("force.other-name"),
                             QStringLiteral("lancs-2015-f-036"));
        REQUIRE(p.size() == 1);
        CHECK(p[0].message.contains(QStringLiteral("Cumbria Constabulary")));
    }
    SECTION("a figure in the text that is not the metric's")
    {
        Finding f = finding(*wb, QStringLiteral("lancs-2015-f-036"));
        f.text = QStringLiteral("Victim-based crime was 60.3 crimes per 1,000 population in the 12 "
                                "months to 30 June 2015.\n\n") +
                 f.text;
        REQUIRE(drafting.updateFinding(f));
        CHECK(!found(check(*wb, kPeel), QStringLiteral("figures.value"), f.uid).isEmpty());
    }
    SECTION("a shifted period")
    {
        Finding f = finding(*wb, QStringLiteral("lancs-2015-f-036"));
        f.text = QStringLiteral("Victim-based crime was 58.1 crimes per 1,000 population in the 12 "
                                "months to 30 June 2014.\n\n") +
                 f.text;
        REQUIRE(drafting.updateFinding(f));
        CHECK(!found(check(*wb, kPeel), QStringLiteral("period.mismatch"), f.uid).isEmpty());
    }
    SECTION("a rate that no longer follows from its count")
    {
        Metric rate;
        for (const Metric& m : wb->drafts().metrics(kPeel, kLancs))
            if (m.name == QStringLiteral("Charged/Summoned") &&
                m.unit == QStringLiteral("per 100 crimes"))
                rate = m;
        REQUIRE(!rate.uid.isEmpty());
        rate.forceValue = 21.4;
        REQUIRE(drafting.saveMetric(rate));
        CHECK(!found(check(*wb, kPeel), QStringLiteral("figures.derived"), rate.uid).isEmpty());
    }
    SECTION("a letter dated after its embargo, embargoed before the fieldwork ended")
    {
        Document letter = wb->documents().documents(kCore, kLancs).front();
        letter.dated = QStringLiteral("2014-09-05");
        REQUIRE(wb->documents().upsertDocument(letter));
        CHECK(!found(check(*wb, kCore), QStringLiteral("dates.dated-after-embargo"), letter.uid)
                   .isEmpty());
        letter.dated = QStringLiteral("2014-03-01");
        letter.embargo = QStringLiteral("2014-03-02T00:01:00");
        REQUIRE(wb->documents().upsertDocument(letter));
        CHECK(
            !found(check(*wb, kCore), QStringLiteral("dates.embargo-before-fieldwork"), letter.uid)
                 .isEmpty());
    }
}

TEST_CASE("one text is checked as it is typed, with positions in that text", "[checks]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("c.fwb"), true);
    auto context = CheckContext::load(*wb, kPeel, kLancs);
    REQUIRE(context);
    const QString text =
        QStringLiteral("Unlike Merseyside Police, the constabulary reviewed 41 of the 40 cases.");
    const auto problems =
        checkText(*context, QStringLiteral("finding"), QStringLiteral("new"),
                  QStringLiteral("Q2.1"), text, {QStringLiteral("lancs-2015-e-1")});
    const auto other = found(problems, QStringLiteral("force.other-name"), QStringLiteral("new"));
    REQUIRE(other.size() == 1);
    CHECK(text.mid(other[0].start, other[0].length) == QStringLiteral("Merseyside Police"));
    CHECK(!found(problems, QStringLiteral("evidence.exceeds"), QStringLiteral("new")).isEmpty());

    CHECK_FALSE(CheckContext::load(*wb, QStringLiteral("nope"), kLancs));
    CHECK_FALSE(CheckContext::load(*wb, kPeel, QStringLiteral("atlantis")));
}

TEST_CASE("the whole fault corpus is found, each fault on a fresh copy of the demo",
          "[checks][corpus]")
{
    test::Scratch dir;
    const QString clean = dir.path(QStringLiteral("clean.fwb"));
    dir.create(QStringLiteral("clean.fwb"), true).reset();
    int n = 0;
    for (const Fault& fault : faultCorpus()) {
        INFO(fault.name.toStdString());
        const QString copy = dir.path(QStringLiteral("fault-%1.fwb").arg(++n));
        REQUIRE(QFile::copy(clean, copy));
        auto wb = Workbench::open(copy);
        REQUIRE(wb);
        REQUIRE(fault.inject(**wb));
        const auto problems = check(**wb, fault.programme);
        INFO(describe(problems).toStdString());
        CHECK(!found(problems, fault.rule, faultKey(**wb, fault)).isEmpty());
    }
    CHECK(n >= 20);
}
