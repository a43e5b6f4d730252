#include "corpus.h"
#include "services/review.h"

#include "services/drafting.h"
#include "workbench.h"

namespace fwb::checks {
namespace {

QString L(const char* s) { return QString::fromLatin1(s); }
const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kCore = QStringLiteral("core-business-2014");

std::function<Status(Workbench&)> replaceInFinding(const QString& uid, const QString& from, const QString& to)
{
    return [=](Workbench& wb) -> Status {
        auto f = wb.drafts().finding(uid);
        if (!f || !f->text.contains(from))
            return Error::make(Error::Code::NotFound, QStringLiteral("%1 does not say \"%2\"").arg(uid, from));
        f->text.replace(from, to);
        auto r = DraftingService(wb).updateFinding(*f);
        return r ? Status{} : Status(r.error());
    };
}

std::function<Status(Workbench&)> prependToFinding(const QString& uid, const QString& sentence)
{
    return [=](Workbench& wb) -> Status {
        auto f = wb.drafts().finding(uid);
        if (!f)
            return Error::make(Error::Code::NotFound, uid);
        f->text = sentence + QStringLiteral("\n\n") + f->text;
        auto r = DraftingService(wb).updateFinding(*f);
        return r ? Status{} : Status(r.error());
    };
}

std::function<Status(Workbench&)> changeJudgment(const QString& question, const std::function<void(Judgment&)>& change)
{
    return [=](Workbench& wb) -> Status {
        auto j = wb.drafts().judgment(kPeel, QStringLiteral("lancashire"), question);
        if (!j)
            return Error::make(Error::Code::NotFound, question);
        change(*j);
        auto r = DraftingService(wb).setJudgment(*j);
        return r ? Status{} : Status(r.error());
    };
}

std::function<Status(Workbench&)> changeEvidence(const QString& uid, const std::function<void(EvidenceSample&)>& change)
{
    return [=](Workbench& wb) -> Status {
        auto e = wb.drafts().evidenceSample(uid);
        if (!e)
            return Error::make(Error::Code::NotFound, uid);
        change(*e);
        auto r = DraftingService(wb).saveEvidence(*e);
        return r ? Status{} : Status(r.error());
    };
}

std::function<Status(Workbench&)> changeMetric(const QString& name, const QString& unit, double value)
{
    return [=](Workbench& wb) -> Status {
        for (Metric m : wb.drafts().metrics(kPeel, QStringLiteral("lancashire")))
            if (m.name == name && m.unit == unit) {
                m.forceValue = value;
                auto r = DraftingService(wb).saveMetric(m);
                return r ? Status{} : Status(r.error());
            }
        return Error::make(Error::Code::NotFound, name);
    };
}

QString metricUid(Workbench& wb, const QString& name, const QString& unit)
{
    for (const Metric& m : wb.drafts().metrics(kPeel, QStringLiteral("lancashire")))
        if (m.name == name && m.unit == unit)
            return m.uid;
    return {};
}

std::function<Status(Workbench&)> changeLetter(const QString& dated, const QString& embargo)
{
    return [=](Workbench& wb) -> Status {
        const auto docs = wb.documents().documents(kCore, QStringLiteral("lancashire"));
        if (docs.isEmpty())
            return Error::make(Error::Code::NotFound, L("letter"));
        Document d = docs.front();
        d.dated = dated;
        d.embargo = embargo;
        auto r = wb.documents().upsertDocument(d);
        return r ? Status{} : Status(r.error());
    };
}

} // namespace

QList<Fault> faultCorpus()
{
    const QString q1 = kPeel + L("/lancashire/Q1");
    const QString q2 = kPeel + L("/lancashire/Q2");
    const QString q4 = kPeel + L("/lancashire/Q4");
    QList<Fault> faults{
        {L("a count in a letter finding changed (words)"), kCore, L("evidence.count"), L("lancs-2014-f-13"),
         replaceInFinding(L("lancs-2014-f-13"), L("Thirty four"), L("Thirty six"))},
        {L("a count in a letter finding changed (digits)"), kCore, L("evidence.count"), L("lancs-2014-f-14"),
         replaceInFinding(L("lancs-2014-f-14"), L("13 had no record"), L("15 had no record"))},
        {L("a count in a report finding changed"), kPeel, L("evidence.count"), L("lancs-2015-f-036"),
         replaceInFinding(L("lancs-2015-f-036"), L("39 of the 40"), L("38 of the 40"))},
        {L("a count larger than what it is out of"), kPeel, L("evidence.exceeds"), L("lancs-2015-f-036"),
         replaceInFinding(L("lancs-2015-f-036"), L("39 of the 40"), L("41 of the 40"))},
        {L("\"all but three\" no longer follows"), kPeel, L("evidence.count"), L("lancs-2015-f-036"),
         replaceInFinding(L("lancs-2015-f-036"), L("all but three"), L("all but five"))},
        {L("a measure in the evidence changed"), kCore, L("evidence.count"), L("lancs-2014-f-18"),
         changeEvidence(L("lancs-2014-e-3"), [](EvidenceSample& e) {
             e.measures[0].count = 7;
             e.measures[1].count = 3;
         })},
        {L("a sample size changed"), kCore, L("evidence.sample-size"), L("lancs-2014-f-13"),
         changeEvidence(L("lancs-2014-e-1"), [](EvidenceSample& e) { e.sampleSize = 60; })},
        {L("the sample size in the text changed"), kCore, L("evidence.sample-size"), L("lancs-2014-f-14"),
         replaceInFinding(L("lancs-2014-f-14"), L("sample of 50"), L("sample of 40"))},
        {L("strata that no longer make the sample"), kCore, L("evidence.strata"), L("lancs-2014-f-14"),
         replaceInFinding(L("lancs-2014-f-14"), L("10 each from"), L("12 each from"))},
        {L("grade words swapped in a summary"), kPeel, L("judgment.grade-words"), q1,
         changeJudgment(L("Q1"), [](Judgment& j) { j.summary.replace(L("is good at"), L("is inadequate at")); })},
        {L("grade words swapped in an overview"), kPeel, L("two-places.grade"), q4,
         changeJudgment(L("Q4"), [](Judgment& j) { j.overview.replace(L("is good at"), L("is outstanding at")); })},
        {L("a number in the overview differs from the chapter"), kPeel, L("two-places.numbers"), q4,
         changeJudgment(L("Q4"), [](Judgment& j) {
             j.summary += L("\n\nThe constabulary disrupted 220 organised crime groups.");
             j.overview += L("\n\nThe constabulary disrupted 202 organised crime groups.");
         })},
        {L("the recorded grade changed under the words"), kPeel, L("judgment.grade-words"), q2,
         changeJudgment(L("Q2"), [](Judgment& j) { j.gradeCode = L("requires-improvement"); })},
        {L("another force's name pasted into a finding"), kPeel, L("force.other-name"), L("lancs-2015-f-036"),
         replaceInFinding(L("lancs-2015-f-036"), L("The review identified"), L("As in Cumbria Constabulary, the review identified"))},
        {L("another force's name pasted into a letter finding"), kCore, L("force.other-name"), L("lancs-2014-f-01"),
         prependToFinding(L("lancs-2014-f-01"), L("Merseyside Police has a similar approach."))},
        {L("another force's name pasted into a summary"), kPeel, L("force.other-name"), q1,
         changeJudgment(L("Q1"), [](Judgment& j) { j.summary += L("\n\nThis mirrors the approach in Greater Manchester."); })},
        {L("a figure in the text that is not the metric's"), kPeel, L("figures.value"), L("lancs-2015-f-001"),
         prependToFinding(L("lancs-2015-f-001"), L("Victim-based crime was 60.3 crimes per 1,000 population in the 12 months to 30 June 2015."))},
        {L("a percentage in the text that is not the metric's"), kPeel, L("figures.value"), L("lancs-2015-f-002"),
         prependToFinding(L("lancs-2015-f-002"), L("Victims satisfied with their whole experience with the police were 71.5 percent in the 12 months to 31 March 2015."))},
        {L("a shifted period"), kPeel, L("period.mismatch"), L("lancs-2015-f-003"),
         prependToFinding(L("lancs-2015-f-003"), L("Victim-based crime was 58.1 crimes per 1,000 population in the 12 months to 30 June 2014."))},
        {L("a letter dated after its embargo"), kCore, L("dates.dated-after-embargo"), L("lancs-2014-letter"),
         changeLetter(L("2014-09-05"), L("2014-09-04T00:01:00"))},
        {L("an embargo before the fieldwork ended"), kCore, L("dates.embargo-before-fieldwork"), L("lancs-2014-letter"),
         changeLetter(L("2014-03-01"), L("2014-03-02T00:01:00"))},
    };
    faults.push_back({L("an outcome rate that no longer follows from its count"), kPeel, L("figures.derived"),
                      L("metric:Charged/Summoned|per 100 crimes"),
                      changeMetric(L("Charged/Summoned"), L("per 100 crimes"), 21.4)});
    // The demo's 2014 letter is published and locked: a correction reopens it first, as a person
    // would, through the review's lifecycle.
    for (Fault& f : faults)
        f.inject = [inject = f.inject](Workbench& wb) -> Status {
            if (Status s = reopenPublished(wb, QStringLiteral("fault corpus: a correction after publication")); !s)
                return s;
            return inject(wb);
        };
    return faults;
}

Status reopenPublished(Workbench& wb, const QString& reason)
{
    ReviewService review(wb);
    for (const Document& d : wb.documents().documents())
        if (d.status == QLatin1String("published"))
            if (auto moved = review.move(QStringLiteral("document:") + d.uid, QStringLiteral("amended"), reason); !moved)
                return moved.error();
    return {};
}

QString faultKey(Workbench& wb, const Fault& fault)
{
    if (!fault.key.startsWith(L("metric:")))
        return fault.key;
    const QString spec = fault.key.mid(7);
    return metricUid(wb, spec.section(QLatin1Char('|'), 0, 0), spec.section(QLatin1Char('|'), 1));
}

} // namespace fwb::checks
