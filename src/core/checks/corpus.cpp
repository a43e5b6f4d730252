#include "core/checks/corpus.h"
#include "core/services/review.h"

#include "core/services/drafting.h"
#include "core/workbench.h"

using namespace Qt::StringLiterals;

namespace fwb::checks {
namespace {
const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kCore = QStringLiteral("core-business-2014");

std::function<Status(Workbench&)> replaceInFinding(const QString& uid, const QString& from,
                                                   const QString& to)
{
    return [=](Workbench& wb) -> Status {
        auto f = wb.drafts().finding(uid);
        if (!f || !f->text.contains(from))
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("%1 does not say \"%2\"").arg(uid, from));
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

std::function<Status(Workbench&)> changeJudgment(const QString& question,
                                                 const std::function<void(Judgment&)>& change)
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

std::function<Status(Workbench&)> changeEvidence(const QString& uid,
                                                 const std::function<void(EvidenceSample&)>& change)
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

std::function<Status(Workbench&)> changeMetric(const QString& name, const QString& unit,
                                               double value)
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
            return Error::make(Error::Code::NotFound, u"letter"_s);
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
    const QString q1 = kPeel + u"/lancashire/Q1"_s;
    const QString q2 = kPeel + u"/lancashire/Q2"_s;
    const QString q4 = kPeel + u"/lancashire/Q4"_s;
    QList<Fault> faults{
        {u"a count in a letter finding changed (words)"_s, kCore, u"evidence.count"_s,
         u"lancs-2014-f-13"_s,
         replaceInFinding(u"lancs-2014-f-13"_s, u"Thirty four"_s, u"Thirty six"_s)},
        {u"a count in a letter finding changed (digits)"_s, kCore, u"evidence.count"_s,
         u"lancs-2014-f-14"_s,
         replaceInFinding(u"lancs-2014-f-14"_s, u"13 had no record"_s, u"15 had no record"_s)},
        {u"a count in a report finding changed"_s, kPeel, u"evidence.count"_s,
         u"lancs-2015-f-036"_s,
         replaceInFinding(u"lancs-2015-f-036"_s, u"39 of the 40"_s, u"38 of the 40"_s)},
        {u"a count larger than what it is out of"_s, kPeel, u"evidence.exceeds"_s,
         u"lancs-2015-f-036"_s,
         replaceInFinding(u"lancs-2015-f-036"_s, u"39 of the 40"_s, u"41 of the 40"_s)},
        {u"\"all but three\" no longer follows"_s, kPeel, u"evidence.count"_s,
         u"lancs-2015-f-036"_s,
         replaceInFinding(u"lancs-2015-f-036"_s, u"all but three"_s, u"all but five"_s)},
        {u"a measure in the evidence changed"_s, kCore, u"evidence.count"_s, u"lancs-2014-f-18"_s,
         changeEvidence(u"lancs-2014-e-3"_s,
                        [](EvidenceSample& e) {
                            e.measures[0].count = 7;
                            e.measures[1].count = 3;
                        })},
        {u"a sample size changed"_s, kCore, u"evidence.sample-size"_s, u"lancs-2014-f-13"_s,
         changeEvidence(u"lancs-2014-e-1"_s, [](EvidenceSample& e) { e.sampleSize = 60; })},
        {u"the sample size in the text changed"_s, kCore, u"evidence.sample-size"_s,
         u"lancs-2014-f-14"_s,
         replaceInFinding(u"lancs-2014-f-14"_s, u"sample of 50"_s, u"sample of 40"_s)},
        {u"strata that no longer make the sample"_s, kCore, u"evidence.strata"_s,
         u"lancs-2014-f-14"_s,
         replaceInFinding(u"lancs-2014-f-14"_s, u"10 each from"_s, u"12 each from"_s)},
        {u"grade words swapped in a summary"_s, kPeel, u"judgment.grade-words"_s, q1,
         changeJudgment(
             u"Q1"_s,
             [](Judgment& j) { j.summary.replace(u"is good at"_s, u"is inadequate at"_s); })},
        {u"grade words swapped in an overview"_s, kPeel, u"two-places.grade"_s, q4,
         changeJudgment(
             u"Q4"_s,
             [](Judgment& j) { j.overview.replace(u"is good at"_s, u"is outstanding at"_s); })},
        {u"a number in the overview differs from the chapter"_s, kPeel, u"two-places.numbers"_s, q4,
         changeJudgment(u"Q4"_s,
                        [](Judgment& j) {
                            j.summary +=
                                u"\n\nThe constabulary disrupted 220 organised crime groups."_s;
                            j.overview +=
                                u"\n\nThe constabulary disrupted 202 organised crime groups."_s;
                        })},
        {u"the recorded grade changed under the words"_s, kPeel, u"judgment.grade-words"_s, q2,
         changeJudgment(u"Q2"_s, [](Judgment& j) { j.gradeCode = u"requires-improvement"_s; })},
        {u"another force's name pasted into a finding"_s, kPeel, u"force.other-name"_s,
         u"lancs-2015-f-036"_s,
         replaceInFinding(u"lancs-2015-f-036"_s, u"The review identified"_s,
                          u"As in Cumbria Constabulary, the review identified"_s)},
        {u"another force's name pasted into a letter finding"_s, kCore, u"force.other-name"_s,
         u"lancs-2014-f-01"_s,
         prependToFinding(u"lancs-2014-f-01"_s, u"Merseyside Police has a similar approach."_s)},
        {u"another force's name pasted into a summary"_s, kPeel, u"force.other-name"_s, q1,
         changeJudgment(u"Q1"_s,
                        [](Judgment& j) {
                            j.summary += u"\n\nThis mirrors the approach in Greater Manchester."_s;
                        })},
        {u"a figure in the text that is not the metric's"_s, kPeel, u"figures.value"_s,
         u"lancs-2015-f-001"_s,
         prependToFinding(
             u"lancs-2015-f-001"_s,
             u"Victim-based crime was 60.3 crimes per 1,000 population in the 12 months to 30 June 2015."_s)},
        {u"a percentage in the text that is not the metric's"_s, kPeel, u"figures.value"_s,
         u"lancs-2015-f-002"_s,
         prependToFinding(
             u"lancs-2015-f-002"_s,
             u"Victims satisfied with their whole experience with the police were 71.5 percent in the 12 months to 31 March 2015."_s)},
        {u"a shifted period"_s, kPeel, u"period.mismatch"_s, u"lancs-2015-f-003"_s,
         prependToFinding(
             u"lancs-2015-f-003"_s,
             u"Victim-based crime was 58.1 crimes per 1,000 population in the 12 months to 30 June 2014."_s)},
        {u"a letter dated after its embargo"_s, kCore, u"dates.dated-after-embargo"_s,
         u"lancs-2014-letter"_s, changeLetter(u"2014-09-05"_s, u"2014-09-04T00:01:00"_s)},
        {u"an embargo before the fieldwork ended"_s, kCore, u"dates.embargo-before-fieldwork"_s,
         u"lancs-2014-letter"_s, changeLetter(u"2014-03-01"_s, u"2014-03-02T00:01:00"_s)},
    };
    faults.push_back({u"an outcome rate that no longer follows from its count"_s, kPeel,
                      u"figures.derived"_s, u"metric:Charged/Summoned|per 100 crimes"_s,
                      changeMetric(u"Charged/Summoned"_s, u"per 100 crimes"_s, 21.4)});
    // The demo's 2014 letter is published and locked: a correction reopens it first, as a person
    // would, through the review's lifecycle.
    for (Fault& f : faults)
        f.inject = [inject = f.inject](Workbench& wb) -> Status {
            if (Status s = reopenPublished(
                    wb, QStringLiteral("fault corpus: a correction after publication"));
                !s)
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
            if (auto moved = review.move(QStringLiteral("document:") + d.uid,
                                         QStringLiteral("amended"), reason);
                !moved)
                return moved.error();
    return {};
}

QString faultKey(Workbench& wb, const Fault& fault)
{
    if (!fault.key.startsWith(u"metric:"_s))
        return fault.key;
    const QString spec = fault.key.mid(7);
    return metricUid(wb, spec.section(QLatin1Char('|'), 0, 0), spec.section(QLatin1Char('|'), 1));
}

} // namespace fwb::checks
