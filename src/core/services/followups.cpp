#include "core/services/followups.h"

#include "core/io/csv.h"
#include "core/services/locks.h"
#include "core/services/servicesupport.h"
#include "core/workbench.h"

#include <QJsonObject>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
QString json(const FollowUp& f)
{
    return interchange::compact(QJsonObject{{u"finding"_s, f.findingUid},
                                            {u"programme"_s, f.programmeCode},
                                            {u"status"_s, f.status},
                                            {u"evidence"_s, f.evidenceUid},
                                            {u"note"_s, f.note}});
}

Error invalid(const QString& m)
{
    return Error::make(Error::Code::Invalid, m);
}

// How a later inspection found an earlier finding is that inspection's material for the force:
// locked while a document of it for the force is published.
Status refuseIfLocked(Workbench& wb, const QString& findingUid, const QString& programmeCode)
{
    const auto finding = wb.drafts().finding(findingUid);
    if (!finding)
        return {};
    return LockRule(wb.database())
        .refusePlace(programmeCode, finding->forceCode,
                     QStringLiteral("the follow-up of %1 in %2").arg(findingUid, programmeCode));
}

} // namespace

QString followUpStatusLabel(const QString& status)
{
    if (status == u"open"_s)
        return QStringLiteral("Open");
    if (status == u"progress"_s)
        return QStringLiteral("Progress made");
    if (status == u"completed"_s)
        return QStringLiteral("Completed");
    if (status == u"superseded"_s)
        return QStringLiteral("Superseded");
    return status;
}

Result<FollowUpList> followUpList(const Workbench& wb, const FollowUpFilter& filter)
{
    const ReferenceRepository ref = wb.reference();
    const DraftRepository drafts = wb.drafts();
    QHash<QString, Force> forces;
    for (const Force& f : ref.forces())
        forces.insert(f.code, f);
    if (!filter.force.isEmpty() && !forces.contains(filter.force))
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no force \"%1\"").arg(filter.force));
    const QStringList kinds =
        filter.kind.isEmpty()
            ? QStringList{u"area_for_improvement"_s, u"cause_of_concern"_s, u"recommendation"_s}
            : QStringList{filter.kind};
    auto wanted = [&](const QString& forceCode, const QString& kind) {
        return isFollowedUp(kind) && kinds.contains(kind) &&
               (filter.force.isEmpty() || forceCode == filter.force) &&
               (filter.region.isEmpty() || forces.value(forceCode).regionCode == filter.region);
    };
    QHash<QString, QList<FollowUp>> assessed;
    for (const FollowUp& f : wb.followUps().followUps())
        assessed[f.findingUid].push_back(f);
    FollowUpList out;
    QList<Programme> programmes = ref.programmes();
    std::stable_sort(programmes.begin(), programmes.end(),
                     [](const Programme& a, const Programme& b) { return a.year < b.year; });
    for (const Programme& p : programmes)
        out.asOf = qMax(out.asOf, p.year);

    // How many there are, from the index; less those a later inspection closed. Only the findings
    // listed are read, so a profile asking for the oldest few does not read the force's thousands.
    QStringList scope; // the forces of the filter (none: every force)
    if (!filter.force.isEmpty())
        scope << filter.force;
    else if (!filter.region.isEmpty())
        for (const Force& f : forces)
            if (f.regionCode == filter.region)
                scope << f.code;
    const bool forceOutsideRegion = !filter.force.isEmpty() && !filter.region.isEmpty() &&
                                    forces.value(filter.force).regionCode != filter.region;
    if ((!filter.region.isEmpty() && scope.isEmpty()) ||
        (!filter.kind.isEmpty() && !isFollowedUp(filter.kind)) || forceOutsideRegion)
        return out; // a region without forces, a force outside the region, a kind not followed up:
                    // nothing
    auto count = drafts.countFindings(kinds, scope);
    if (!count)
        return count.error();
    out.total = *count;
    int closed = 0;
    if (filter.openOnly) {
        const auto places =
            wb.followUps().assessedFindings(); // force and kind of each, in one query
        for (auto it = assessed.cbegin(); it != assessed.cend(); ++it) {
            const QString status = it->back().status;
            if (status == u"open"_s || status == u"progress"_s)
                continue;
            if (const auto at = places.find(it.key());
                at != places.end() && wanted(at->first, at->second))
                ++closed;
        }
    }
    out.total -= closed;

    // Oldest inspection first, then force by force: each force's findings are read through the
    // index in order, so a limit stops the reading as soon as the list is full.
    QList<Force> inScope;
    for (const Force& f : forces)
        if ((filter.force.isEmpty() || f.code == filter.force) &&
            (filter.region.isEmpty() || f.regionCode == filter.region))
            inScope << f;
    std::sort(inScope.begin(), inScope.end(),
              [](const Force& a, const Force& b) { return a.name < b.name; });
    for (const Programme& p : programmes)
        for (const Force& force : inScope) {
            const int room = filter.limit > 0 ? filter.limit - int(out.items.size()) : -1;
            if (room == 0)
                break;
            // Closed findings are skipped, so ask for enough to fill the room past them.
            for (const Finding& f :
                 drafts.findingsOfKinds(p.code, force.code, kinds, room < 0 ? -1 : room + closed)) {
                if (!wanted(f.forceCode, f.kind))
                    continue;
                FollowUpItem item{f, force, p.year, p.title, assessed.value(f.uid)};
                if (filter.openOnly && !item.isOpen())
                    continue;
                if (filter.limit > 0 && out.items.size() >= filter.limit)
                    break;
                out.items.push_back(item);
            }
        }
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const FollowUpItem& a, const FollowUpItem& b) {
                         if (a.force.name != b.force.name)
                             return a.force.name < b.force.name;
                         return a.since < b.since;
                     });
    if (out.total <
        out.items.size()) // cannot be, unless the file changed under us between the reads
        out.total = int(out.items.size());
    return out;
}

QByteArray followUpCsv(const FollowUpList& list)
{
    QByteArray out =
        csv::formatRow({u"force"_s, u"region"_s, u"kind"_s, u"finding"_s, u"text"_s, u"since"_s,
                        u"status"_s, u"assessed in"_s, u"evidence"_s, u"years open"_s});
    for (const FollowUpItem& i : list.items) {
        const FollowUp* last = i.history.isEmpty() ? nullptr : &i.history.back();
        out += csv::formatRow(
            {i.force.code, i.force.regionName, i.finding.kind, i.finding.uid, i.finding.text,
             QString::number(i.since), i.status(), last ? last->programmeCode : QString(),
             last ? last->evidenceUid : QString(), QString::number(list.yearsOpen(i))});
    }
    return out;
}

Result<FollowUp> FollowUpService::set(FollowUp f)
{
    const auto finding = m_wb.drafts().finding(f.findingUid);
    if (!finding)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no finding \"%1\"").arg(f.findingUid));
    if (!isFollowedUp(finding->kind))
        return invalid(
            QStringLiteral(
                "%1 is %2: only areas for improvement, causes of concern and recommendations "
                "are followed up")
                .arg(f.findingUid, findingKindLabel(finding->kind).toLower()));
    if (!followUpStatuses().contains(f.status))
        return invalid(
            QStringLiteral(
                "\"%1\" is not a follow-up status (open, progress, completed, superseded)")
                .arg(f.status));
    const auto earlier = m_wb.reference().programme(finding->programmeCode);
    const auto later = m_wb.reference().programme(f.programmeCode);
    if (!later)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(f.programmeCode));
    if (!earlier || later->year <= earlier->year)
        return invalid(QStringLiteral("%1 (%2) is not later than the inspection that made %3 (%4)")
                           .arg(later->code, QString::number(later->year), f.findingUid,
                                QString::number(earlier ? earlier->year : 0)));
    if (f.evidenceUid.isEmpty() && f.status != u"open"_s)
        return invalid(QStringLiteral("“%1” needs the later finding that says so (--evidence)")
                           .arg(followUpStatusLabel(f.status)));
    if (!f.evidenceUid.isEmpty()) {
        const auto evidence = m_wb.drafts().finding(f.evidenceUid);
        if (!evidence)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no finding \"%1\"").arg(f.evidenceUid));
        if (evidence->programmeCode != f.programmeCode || evidence->forceCode != finding->forceCode)
            return invalid(QStringLiteral("%1 is a finding of %2 in %3, not of %4 in %5")
                               .arg(f.evidenceUid, evidence->forceCode, evidence->programmeCode,
                                    finding->forceCode, f.programmeCode));
    }
    f.year = later->year;
    f.note = f.note.trimmed();
    f.actor = Workbench::actor();
    return service::inTransaction<FollowUp>(m_wb, [&](ChangeSet& changes) -> Result<FollowUp> {
        FollowUpRepository repo = m_wb.followUps();
        QString before;
        for (const FollowUp& old : repo.followUps(f.findingUid))
            if (old.programmeCode == f.programmeCode)
                before = json(old);
        if (before != json(f))
            if (Status s = refuseIfLocked(m_wb, f.findingUid, f.programmeCode); !s)
                return s.error();
        if (Status s = repo.upsert(f); !s)
            return s.error();
        if (Status s = m_wb.audit().append(
                Workbench::actor(), before.isNull() ? u"insert"_s : u"update"_s, u"follow_up"_s,
                f.findingUid + QLatin1Char('@') + f.programmeCode, before, json(f));
            !s)
            return s.error();
        spdlog::info("follow-up of {} in {}: {}", f.findingUid.toStdString(),
                     f.programmeCode.toStdString(), f.status.toStdString());
        if (before != json(f))
            changes.add(EntityKind::FollowUp, before.isNull() ? ChangeOp::Added : ChangeOp::Changed,
                        {f.findingUid}, Place{f.programmeCode, finding->forceCode, {}, {}});
        for (const FollowUp& now : repo.followUps(f.findingUid))
            if (now.programmeCode == f.programmeCode)
                return now;
        return Error::make(Error::Code::Internal, u"the follow-up was not saved"_s);
    });
}

Result<FollowUp> FollowUpService::clear(const QString& findingUid, const QString& programmeCode)
{
    return service::inTransaction<FollowUp>(m_wb, [&](ChangeSet& changes) -> Result<FollowUp> {
        FollowUpRepository repo = m_wb.followUps();
        std::optional<FollowUp> before;
        for (const FollowUp& old : repo.followUps(findingUid))
            if (old.programmeCode == programmeCode)
                before = old;
        if (!before)
            return Error::make(
                Error::Code::NotFound,
                QStringLiteral("%1 has no follow-up in %2").arg(findingUid, programmeCode));
        if (Status s = refuseIfLocked(m_wb, findingUid, programmeCode); !s)
            return s.error();
        if (Status s = repo.remove(findingUid, programmeCode); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"delete"_s, u"follow_up"_s,
                                           findingUid + QLatin1Char('@') + programmeCode,
                                           json(*before), {});
            !s)
            return s.error();
        const auto finding = m_wb.drafts().finding(findingUid);
        changes.add(EntityKind::FollowUp, ChangeOp::Removed, {findingUid},
                    Place{programmeCode, finding ? finding->forceCode : QString(), {}, {}});
        return *before;
    });
}

QList<FollowUp> FollowUpService::history(const QString& findingUid) const
{
    return m_wb.followUps().followUps(findingUid);
}

} // namespace fwb
