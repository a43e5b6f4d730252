#include "core/services/drafting.h"

#include "core/io/interchange.h"
#include "core/services/lifecycle.h"
#include "core/services/locks.h"
#include "core/services/servicesupport.h"
#include "core/services/versions.h"
#include "core/storage/transaction.h"
#include "core/workbench.h"

#include <QRandomGenerator>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
using service::inTransaction;
using service::json;
using service::placeOf;

QString judgmentKey(const QString& p, const QString& f, const QString& q)
{
    return LockRule::judgmentKey(p, f, q);
}

QString evidenceName(const EvidenceSample& e)
{
    return QStringLiteral("evidence sample \"%1\" (%2)").arg(e.label, e.uid);
}

QString metricName(const Metric& m)
{
    return m.measure.isEmpty() ? QStringLiteral("figure \"%1\"").arg(m.name)
                               : QStringLiteral("figure \"%1\" (%2)").arg(m.name, m.measure);
}

// An evidence sample or figure saved: Added when new; Moved when it went to another force,
// programme or question, or to another position; otherwise Changed.
template <class T>
void recordPlaced(ChangeSet& changes, EntityKind kind, const QString& uid,
                  const std::optional<T>& before, const T& after)
{
    const Place now{after.programmeCode, after.forceCode, after.questionCode, {}};
    if (!before) {
        changes.add(kind, ChangeOp::Added, {uid}, now);
        return;
    }
    const Place was{before->programmeCode, before->forceCode, before->questionCode, {}};
    if (was != now || before->position != after.position)
        changes.add(RecordChange{kind, ChangeOp::Moved, {uid}, now, was, false});
    else
        changes.add(kind, ChangeOp::Changed, {uid}, now);
}

} // namespace

QString DraftingService::newUid(const QString& programmeCode, const QString& forceCode,
                                const QString& prefix) const
{
    const auto programme = m_wb.reference().programme(programmeCode);
    const QString year =
        programme && programme->year > 0 ? QString::number(programme->year) : programmeCode;
    const QString random =
        QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 36);
    return forceCode + QLatin1Char('-') + year + QLatin1Char('-') + prefix + QLatin1Char('-') +
           random;
}

// ---- findings ---------------------------------------------------------------------------------

Result<Finding> DraftingService::addFinding(Finding finding)
{
    return inTransaction<Finding>(m_wb, [&](ChangeSet& changes) -> Result<Finding> {
        DraftRepository drafts = m_wb.drafts();
        if (finding.uid.isEmpty())
            finding.uid = newUid(finding.programmeCode, finding.forceCode, u"f"_s);
        else if (drafts.finding(finding.uid))
            return Error::make(Error::Code::Conflict,
                               QStringLiteral("a finding \"%1\" already exists").arg(finding.uid));
        if (finding.status.isEmpty())
            finding.status = u"draft"_s;
        if (Status s = LockRule(m_wb.database())
                           .refusePlace(finding.programmeCode, finding.forceCode,
                                        LockRule::findingName(finding.uid));
            !s)
            return s.error();
        auto count =
            drafts.findingCount(finding.programmeCode, finding.forceCode, finding.questionCode);
        if (!count)
            return count.error();
        if (finding.position <= 0 || finding.position > *count) {
            finding.position = *count + 1;
        } else if (Status s = drafts.shiftFindings(finding.programmeCode, finding.forceCode,
                                                   finding.questionCode, finding.position, 1);
                   !s) {
            return s.error();
        }
        if (auto done = drafts.upsertFinding(finding); !done)
            return done.error();
        const auto after = drafts.finding(finding.uid);
        if (!after)
            return Error::make(Error::Code::Internal, u"the finding was not saved"_s);
        if (Status s = m_wb.audit().append(Workbench::actor(), u"insert"_s, u"finding"_s,
                                           finding.uid, {}, json(after));
            !s)
            return s.error();
        spdlog::info("added finding {} under {} {} {}", finding.uid.toStdString(),
                     finding.programmeCode.toStdString(), finding.forceCode.toStdString(),
                     finding.questionCode.toStdString());
        changes.add(EntityKind::Finding, ChangeOp::Added, {after->uid}, placeOf(*after));
        return *after;
    });
}

Result<Finding> DraftingService::updateFinding(const Finding& finding, const QString& reason,
                                               IfVersion ifVersion)
{
    // A change of the text alone is announced as wording only: views that show only counts,
    // kinds and statuses have nothing to do. A change of kind, status or citations is not.
    return inTransaction<Finding>(m_wb, [&](ChangeSet& changes) -> Result<Finding> {
        DraftRepository drafts = m_wb.drafts();
        const auto before = drafts.finding(finding.uid);
        if (!before)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no finding \"%1\"").arg(finding.uid));
        Finding next = *before;
        next.text = finding.text;
        next.kind = finding.kind;
        next.status = finding.status.isEmpty() ? before->status : finding.status;
        next.evidenceUids = finding.evidenceUids;
        if (next.text == before->text && next.kind == before->kind &&
            next.status == before->status && next.evidenceUids == before->evidenceUids)
            return *before; // nothing to write, nothing to record
        if (Status s = LockRule(m_wb.database()).refuseFinding(*before); !s)
            return s.error();
        if (auto c = service::claimVersion(m_wb, service::versioned(*before), ifVersion); !c)
            return c.error();
        if (Status s =
                recordStatusEdit(m_wb, u"finding:"_s + before->uid, before->status, next.status);
            !s)
            return s.error();
        const bool wordingOnly = next.kind == before->kind && next.status == before->status &&
                                 next.evidenceUids == before->evidenceUids;
        changes.add(EntityKind::Finding, ChangeOp::Changed, {before->uid}, placeOf(*before),
                    wordingOnly);
        if (Status s = keepRevision(m_wb, changes, placeOf(*before), u"finding"_s, before->uid,
                                    before->status, before->text, next.text, reason);
            !s)
            return s.error();
        if (auto done = drafts.upsertFinding(next); !done)
            return done.error();
        const auto after = drafts.finding(finding.uid);
        if (Status s = m_wb.audit().append(Workbench::actor(), u"update"_s, u"finding"_s,
                                           finding.uid, json(before), json(after));
            !s)
            return s.error();
        return *after;
    });
}

Result<Finding> DraftingService::moveFinding(const QString& uid, const QString& questionCode,
                                             int position, IfVersion ifVersion)
{
    return inTransaction<Finding>(m_wb, [&](ChangeSet& changes) -> Result<Finding> {
        DraftRepository drafts = m_wb.drafts();
        const auto before = drafts.finding(uid);
        if (!before)
            return Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(uid));
        if (Status s = LockRule(m_wb.database()).refuseFinding(*before); !s)
            return s.error();
        const QString target = questionCode.isEmpty() ? before->questionCode : questionCode;
        // The new order of the target question, with the finding taken out and put back in.
        QList<Finding> siblings = drafts.findings(before->programmeCode, before->forceCode, target);
        if (siblings.isEmpty() && target != before->questionCode) // checks the question exists
            if (auto c = drafts.findingCount(before->programmeCode, before->forceCode, target); !c)
                return c.error();
        siblings.removeIf([&](const Finding& f) { return f.uid == uid; });
        const int at =
            position <= 0 || position > siblings.size() + 1 ? int(siblings.size()) + 1 : position;
        if (target == before->questionCode && at == before->position)
            return *before;
        if (auto c = service::claimVersion(m_wb, service::versioned(*before), ifVersion); !c)
            return c.error();
        Finding moved = *before;
        moved.questionCode = target;
        siblings.insert(at - 1, moved);
        // Leave the old question first, so that its order closes up.
        if (target != before->questionCode)
            if (Status s = drafts.shiftFindings(before->programmeCode, before->forceCode,
                                                before->questionCode, before->position + 1, -1);
                !s)
                return s.error();
        for (int i = 0; i < siblings.size(); ++i) {
            Finding f = siblings[i];
            if (f.position == i + 1 && f.uid != uid)
                continue;
            f.position = i + 1;
            if (auto done = drafts.upsertFinding(f); !done)
                return done.error();
        }
        const auto after = drafts.finding(uid);
        if (Status s = m_wb.audit().append(Workbench::actor(), u"move"_s, u"finding"_s, uid,
                                           json(before), json(after));
            !s)
            return s.error();
        changes.add(RecordChange{
            EntityKind::Finding, ChangeOp::Moved, {uid}, placeOf(*after), placeOf(*before), false});
        return *after;
    });
}

Result<Finding> DraftingService::deleteFinding(const QString& uid, IfVersion ifVersion)
{
    return inTransaction<Finding>(m_wb, [&](ChangeSet& changes) -> Result<Finding> {
        DraftRepository drafts = m_wb.drafts();
        const auto before = drafts.finding(uid);
        if (!before)
            return Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(uid));
        if (Status s = LockRule(m_wb.database()).refuseFinding(*before); !s)
            return s.error();
        if (auto c = service::claimVersion(m_wb, service::versioned(*before), ifVersion); !c)
            return c.error();
        if (Status s = drafts.removeFinding(uid); !s)
            return s.error();
        if (Status s = drafts.shiftFindings(before->programmeCode, before->forceCode,
                                            before->questionCode, before->position + 1, -1);
            !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"delete"_s, u"finding"_s, uid,
                                           json(before), {});
            !s)
            return s.error();
        spdlog::info("deleted finding {}", uid.toStdString());
        changes.add(EntityKind::Finding, ChangeOp::Removed, {uid}, placeOf(*before));
        return *before;
    });
}

// ---- judgments --------------------------------------------------------------------------------

Result<Judgment> DraftingService::setJudgment(const Judgment& judgment, const QString& reason,
                                              IfVersion ifVersion)
{
    return inTransaction<Judgment>(m_wb, [&](ChangeSet& changes) -> Result<Judgment> {
        DraftRepository drafts = m_wb.drafts();
        const auto before =
            drafts.judgment(judgment.programmeCode, judgment.forceCode, judgment.questionCode);
        Judgment next = judgment;
        if (next.status.isEmpty())
            next.status = before ? before->status : u"draft"_s;
        const bool same = before && before->gradeCode == next.gradeCode &&
                          before->summary == next.summary && before->overview == next.overview &&
                          before->firstYearGraded == next.firstYearGraded &&
                          before->status == next.status;
        if (!same) {
            const LockRule locks(m_wb.database());
            const Status s = before
                                 ? locks.refuseJudgment(*before)
                                 : locks.refusePlace(judgment.programmeCode, judgment.forceCode,
                                                     LockRule::judgmentName(judgment.programmeCode,
                                                                            judgment.forceCode,
                                                                            judgment.questionCode));
            if (!s)
                return s.error();
            if (before)
                if (auto c = service::claimVersion(m_wb, service::versioned(*before), ifVersion);
                    !c)
                    return c.error();
        }
        if (!before && ifVersion)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("the judgment for %1 is no longer there")
                                   .arg(judgmentKey(judgment.programmeCode, judgment.forceCode,
                                                    judgment.questionCode)));
        // Revisions kept are announced after the judgment itself.
        ChangeSet kept;
        if (before) {
            const QString key =
                judgmentKey(judgment.programmeCode, judgment.forceCode, judgment.questionCode);
            if (Status s =
                    recordStatusEdit(m_wb, u"judgment:"_s + key, before->status, next.status);
                !s)
                return s.error();
            if (Status s = keepRevision(m_wb, kept, placeOf(*before), u"judgment"_s, key,
                                        before->status, before->summary, next.summary, reason);
                !s)
                return s.error();
            if (Status s = keepRevision(m_wb, kept, placeOf(*before), u"overview"_s, key,
                                        before->status, before->overview, next.overview, reason);
                !s)
                return s.error();
        }
        if (auto done = drafts.upsertJudgment(next); !done)
            return done.error();
        const auto after =
            drafts.judgment(judgment.programmeCode, judgment.forceCode, judgment.questionCode);
        if (!after)
            return Error::make(Error::Code::Internal, u"the judgment was not saved"_s);
        if (before && json(before) == json(after))
            return *after;
        const QString key =
            judgmentKey(judgment.programmeCode, judgment.forceCode, judgment.questionCode);
        if (Status s = m_wb.audit().append(Workbench::actor(), before ? u"update"_s : u"insert"_s,
                                           u"judgment"_s, key, json(before), json(after));
            !s)
            return s.error();
        // Wording only when the summary or overview is all that changed.
        const bool wordingOnly = before && before->gradeCode == after->gradeCode &&
                                 before->firstYearGraded == after->firstYearGraded &&
                                 before->status == after->status;
        changes.add(EntityKind::Judgment, before ? ChangeOp::Changed : ChangeOp::Added,
                    {service::judgmentUid(*after)}, placeOf(*after), wordingOnly);
        changes.append(kept);
        return *after;
    });
}

Result<Judgment> DraftingService::clearJudgment(const QString& programmeCode,
                                                const QString& forceCode,
                                                const QString& questionCode, IfVersion ifVersion)
{
    return inTransaction<Judgment>(m_wb, [&](ChangeSet& changes) -> Result<Judgment> {
        DraftRepository drafts = m_wb.drafts();
        const auto before = drafts.judgment(programmeCode, forceCode, questionCode);
        if (!before)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no judgment for %1 %2 %3")
                                   .arg(programmeCode, forceCode, questionCode));
        if (Status s = LockRule(m_wb.database()).refuseJudgment(*before); !s)
            return s.error();
        if (auto c = service::claimVersion(m_wb, service::versioned(*before), ifVersion); !c)
            return c.error();
        if (Status s = drafts.removeJudgment(programmeCode, forceCode, questionCode); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"delete"_s, u"judgment"_s,
                                           judgmentKey(programmeCode, forceCode, questionCode),
                                           json(before), {});
            !s)
            return s.error();
        changes.add(EntityKind::Judgment, ChangeOp::Removed, {service::judgmentUid(*before)},
                    placeOf(*before));
        return *before;
    });
}

// ---- evidence ---------------------------------------------------------------------------------

Status DraftingService::validate(const EvidenceSample& e)
{
    auto invalid = [&](const QString& message) {
        const QString where =
            e.label.isEmpty() ? QString() : QStringLiteral("evidence \"%1\": ").arg(e.label);
        return Error::make(Error::Code::Invalid, where + message);
    };
    if (e.label.trimmed().isEmpty())
        return invalid(u"an evidence sample needs a label"_s);
    if (e.sampleSize && *e.sampleSize < 0)
        return invalid(u"the sample size cannot be negative"_s);
    int strataTotal = 0;
    for (const Stratum& s : e.strata) {
        if (s.label.trimmed().isEmpty())
            return invalid(u"every stratum needs a label"_s);
        if (s.size < 0)
            return invalid(QStringLiteral("stratum \"%1\" has a negative size").arg(s.label));
        strataTotal += s.size;
    }
    if (!e.strata.isEmpty() && e.sampleSize && strataTotal != *e.sampleSize)
        return invalid(QStringLiteral("the strata add up to %1, but the sample size is %2")
                           .arg(strataTotal)
                           .arg(*e.sampleSize));
    for (const Measure& m : e.measures) {
        if (m.label.trimmed().isEmpty())
            return invalid(u"every measure needs a label"_s);
        if (m.count < 0)
            return invalid(QStringLiteral("measure \"%1\" is negative").arg(m.label));
        if (m.base && *m.base < 0)
            return invalid(
                QStringLiteral("measure \"%1\" is out of a negative number").arg(m.label));
        if (m.base && m.count > *m.base)
            return invalid(QStringLiteral("measure \"%1\" counts %2, more than the %3 it is out of")
                               .arg(m.label)
                               .arg(m.count)
                               .arg(*m.base));
        if (e.sampleSize && m.count > *e.sampleSize)
            return invalid(QStringLiteral("measure \"%1\" counts %2, more than the sample of %3")
                               .arg(m.label)
                               .arg(m.count)
                               .arg(*e.sampleSize));
        if (m.base && e.sampleSize && *m.base > *e.sampleSize)
            return invalid(QStringLiteral("measure \"%1\" is out of %2, more than the sample of %3")
                               .arg(m.label)
                               .arg(*m.base)
                               .arg(*e.sampleSize));
    }
    return {};
}

Result<EvidenceSample> DraftingService::saveEvidence(EvidenceSample sample, IfVersion ifVersion)
{
    if (Status s = validate(sample); !s)
        return s.error();
    return inTransaction<EvidenceSample>(m_wb, [&](ChangeSet& changes) -> Result<EvidenceSample> {
        DraftRepository drafts = m_wb.drafts();
        if (sample.uid.isEmpty())
            sample.uid = newUid(sample.programmeCode, sample.forceCode, u"e"_s);
        const auto before = drafts.evidenceSample(sample.uid);
        if (before)
            if (Status s = service::checkVersion(m_wb, service::versioned(*before), ifVersion); !s)
                return s.error();
        if (!before && sample.position <= 0)
            sample.position =
                int(drafts.evidence(sample.programmeCode, sample.forceCode).size()) + 1;
        if (auto done = drafts.upsertEvidence(sample); !done)
            return done.error();
        auto after = drafts.evidenceSample(sample.uid);
        if (!after)
            return Error::make(Error::Code::Internal, u"the evidence sample was not saved"_s);
        if (before && json(before) == json(after))
            return *after;
        if (before) {
            auto claimed = service::claimVersion(m_wb, service::versioned(*before), {});
            if (!claimed)
                return claimed.error();
            after->version = *claimed;
        }
        // Changed: refused (and rolled back) where it was or where it goes is locked.
        const LockRule locks(m_wb.database());
        if (before)
            if (Status s = locks.refusePlace(before->programmeCode, before->forceCode,
                                             evidenceName(*before));
                !s)
                return s.error();
        if (Status s =
                locks.refusePlace(after->programmeCode, after->forceCode, evidenceName(*after));
            !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), before ? u"update"_s : u"insert"_s,
                                           u"evidence"_s, sample.uid, json(before), json(after));
            !s)
            return s.error();
        recordPlaced(changes, EntityKind::Evidence, after->uid, before, *after);
        return *after;
    });
}

Result<DraftingService::DeletedEvidence> DraftingService::deleteEvidence(const QString& uid,
                                                                         IfVersion ifVersion)
{
    return inTransaction<DeletedEvidence>(m_wb, [&](ChangeSet& changes) -> Result<DeletedEvidence> {
        DraftRepository drafts = m_wb.drafts();
        const auto before = drafts.evidenceSample(uid);
        if (!before)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no evidence sample \"%1\"").arg(uid));
        if (Status s =
                LockRule(m_wb.database())
                    .refusePlace(before->programmeCode, before->forceCode, evidenceName(*before));
            !s)
            return s.error();
        if (auto c = service::claimVersion(m_wb, service::versioned(*before), ifVersion); !c)
            return c.error();
        DeletedEvidence deleted{*before, {}};
        // The findings that cite it change too: their citations are part of their version.
        for (const Finding& f : drafts.findings(before->programmeCode, before->forceCode))
            if (f.evidenceUids.contains(uid)) {
                deleted.citedBy.push_back(f.uid);
                if (auto c = service::claimVersion(m_wb, service::versioned(f), {}); !c)
                    return c.error();
            }
        if (Status s = drafts.removeEvidence(uid); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"delete"_s, u"evidence"_s, uid,
                                           json(before), {});
            !s)
            return s.error();
        const Place place{before->programmeCode, before->forceCode, before->questionCode, {}};
        changes.add(EntityKind::Evidence, ChangeOp::Removed, {uid}, place);
        // The findings that cited it no longer do.
        for (const QString& f : std::as_const(deleted.citedBy))
            if (const auto finding = drafts.finding(f))
                changes.add(EntityKind::Finding, ChangeOp::Changed, {f}, placeOf(*finding));
        return deleted;
    });
}

Result<EvidenceSample> DraftingService::restoreEvidence(const DeletedEvidence& deleted)
{
    if (Status s = validate(deleted.sample); !s)
        return s.error();
    return inTransaction<EvidenceSample>(m_wb, [&](ChangeSet& changes) -> Result<EvidenceSample> {
        DraftRepository drafts = m_wb.drafts();
        if (drafts.evidenceSample(deleted.sample.uid))
            return Error::make(
                Error::Code::Conflict,
                QStringLiteral("an evidence sample \"%1\" already exists").arg(deleted.sample.uid));
        if (Status s = LockRule(m_wb.database())
                           .refusePlace(deleted.sample.programmeCode, deleted.sample.forceCode,
                                        evidenceName(deleted.sample));
            !s)
            return s.error();
        if (auto done = drafts.upsertEvidence(deleted.sample); !done)
            return done.error();
        changes.add(EntityKind::Evidence, ChangeOp::Added, {deleted.sample.uid},
                    {deleted.sample.programmeCode,
                     deleted.sample.forceCode,
                     deleted.sample.questionCode,
                     {}});
        for (const QString& f : deleted.citedBy) {
            auto finding = drafts.finding(f);
            if (!finding || finding->evidenceUids.contains(deleted.sample.uid))
                continue; // deleted since, or cites it already
            finding->evidenceUids.push_back(deleted.sample.uid);
            if (auto c = service::claimVersion(m_wb, service::versioned(*finding), {}); !c)
                return c.error();
            if (auto done = drafts.upsertFinding(*finding); !done)
                return done.error();
            changes.add(EntityKind::Finding, ChangeOp::Changed, {f}, placeOf(*finding));
        }
        const auto after = drafts.evidenceSample(deleted.sample.uid);
        if (Status s = m_wb.audit().append(Workbench::actor(), u"insert"_s, u"evidence"_s,
                                           deleted.sample.uid, {}, json(after));
            !s)
            return s.error();
        return *after;
    });
}

// ---- metrics ----------------------------------------------------------------------------------

Result<Metric> DraftingService::saveMetric(Metric metric, IfVersion ifVersion)
{
    return inTransaction<Metric>(m_wb, [&](ChangeSet& changes) -> Result<Metric> {
        DraftRepository drafts = m_wb.drafts();
        if (metric.uid.isEmpty())
            metric.uid = newUid(metric.programmeCode, metric.forceCode, u"m"_s);
        const auto before = drafts.metric(metric.uid);
        if (before)
            if (Status s = service::checkVersion(m_wb, service::versioned(*before), ifVersion); !s)
                return s.error();
        if (!before && metric.position <= 0)
            metric.position =
                int(drafts.metrics(metric.programmeCode, metric.forceCode).size()) + 1;
        if (auto done = drafts.upsertMetric(metric); !done)
            return done.error();
        auto after = drafts.metric(metric.uid);
        if (!after)
            return Error::make(Error::Code::Internal, u"the metric was not saved"_s);
        if (before && json(before) == json(after))
            return *after;
        if (before) {
            auto claimed = service::claimVersion(m_wb, service::versioned(*before), {});
            if (!claimed)
                return claimed.error();
            after->version = *claimed;
        }
        // Changed: refused (and rolled back) where it was or where it goes is locked.
        const LockRule locks(m_wb.database());
        if (before)
            if (Status s = locks.refusePlace(before->programmeCode, before->forceCode,
                                             metricName(*before));
                !s)
                return s.error();
        if (Status s =
                locks.refusePlace(after->programmeCode, after->forceCode, metricName(*after));
            !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), before ? u"update"_s : u"insert"_s,
                                           u"metric"_s, metric.uid, json(before), json(after));
            !s)
            return s.error();
        recordPlaced(changes, EntityKind::Metric, after->uid, before, *after);
        return *after;
    });
}

Result<Metric> DraftingService::deleteMetric(const QString& uid, IfVersion ifVersion)
{
    return inTransaction<Metric>(m_wb, [&](ChangeSet& changes) -> Result<Metric> {
        DraftRepository drafts = m_wb.drafts();
        const auto before = drafts.metric(uid);
        if (!before)
            return Error::make(Error::Code::NotFound, QStringLiteral("no metric \"%1\"").arg(uid));
        if (Status s =
                LockRule(m_wb.database())
                    .refusePlace(before->programmeCode, before->forceCode, metricName(*before));
            !s)
            return s.error();
        if (auto c = service::claimVersion(m_wb, service::versioned(*before), ifVersion); !c)
            return c.error();
        if (Status s = drafts.removeMetric(uid); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"delete"_s, u"metric"_s, uid,
                                           json(before), {});
            !s)
            return s.error();
        changes.add(EntityKind::Metric, ChangeOp::Removed, {uid},
                    {before->programmeCode, before->forceCode, before->questionCode, {}});
        return *before;
    });
}

} // namespace fwb
