#pragma once
// Follow-up of earlier findings. Areas for improvement, causes of concern and recommendations
// carry forward from one inspection to the next ("the constabulary has made progress in response
// to recommendations made by HMIC in 2014"). A later inspection records how it found each one —
// still open, progress made, completed or superseded — with a link to its own finding that says
// so. What was never followed up is open. The force profile and the national list show what is
// still open (open, or progress made) and since when.

#include "core/domain/types.h"
#include "core/util/result.h"

#include <QByteArray>

namespace fwb {

class Workbench;

// "progress" → "Progress made".
QString followUpStatusLabel(const QString& status);

struct FollowUpItem {
    Finding finding; // the earlier finding
    Force force;     // with its region
    int since = 0;   // the year of the inspection that made it
    QString programmeTitle;
    QList<FollowUp> history; // how later inspections found it, oldest first
    QString status() const
    {
        return history.isEmpty() ? QStringLiteral("open") : history.back().status;
    }
    // Open or progress made: not yet completed or superseded.
    bool isOpen() const
    {
        return status() == QLatin1String("open") || status() == QLatin1String("progress");
    }
};

struct FollowUpFilter {
    QString force, region, kind; // empty: any
    bool openOnly = false;
    int limit = 0; // at most this many items, the oldest (0: all); `total` still counts them all
};

struct FollowUpList {
    QList<FollowUpItem> items; // by force, then year, then place
    int total = 0;             // the items that match, listed or not (beyond the filter's limit)
    int asOf = 0; // the latest inspection year in the workbench: "open for N years" counts to it
    int yearsOpen(const FollowUpItem& item) const
    {
        return item.isOpen() ? qMax(0, asOf - item.since) : 0;
    }
};

Result<FollowUpList> followUpList(const Workbench& workbench, const FollowUpFilter& filter = {});
// One row per item: force, region, kind, finding, text, since, status, assessed in, evidence, years
// open.
QByteArray followUpCsv(const FollowUpList& list);

class FollowUpService {
public:
    explicit FollowUpService(Workbench& workbench) : m_wb(workbench) {}

    // Records how a later inspection found an earlier finding (replacing what it said before).
    // The finding must be an area for improvement, cause of concern or recommendation; the
    // programme later than the finding's; the evidence a finding of the same force in that
    // programme, and given for every status but "open".
    Result<FollowUp> set(FollowUp followUp);
    // Removes an assessment; returns it, so that it can be put back.
    Result<FollowUp> clear(const QString& findingUid, const QString& programmeCode);
    QList<FollowUp> history(const QString& findingUid) const;

private:
    Workbench& m_wb;
};

} // namespace fwb
