#pragma once
// No lost updates: every save of an editable row states the version it read (IfVersion, in
// core/domain/types.h) and is refused as Error::Code::Stale when the row has moved on since, with
// the row as it stands now in Error::detail:
//   "text"    what it says now (a finding's text, a section's body, a judgment's summary, …)
//   "version" its version now
//   "actor"   who changed it last, "at" when (from the audit log)
//   "row"     the whole record now, as JSON
// A version is per row: two people typing in different findings never conflict. A save that would
// write nothing is not refused. A version from the future (more than the row has) is refused the
// same way; a version below 1 is refused as Invalid. A removed row is NotFound, as before.

#include "core/storage/versionrepository.h"
#include "core/workbench.h"

#include <optional>

namespace fwb::service {

// A row about to be saved, as read inside the service's transaction.
struct VersionedRow {
    Versioned kind = Versioned::Finding;
    Id id = 0;
    qint64 version = 0;  // as stored now
    QString entity, key; // as the audit log names it: "finding" + uid
    QString name;        // for the message: finding "F-1"
    QString text;        // what it says now
    QString row;         // the record now, as JSON
};

// Refuses the save when `expected` is given and is not the row's version; otherwise adds one to
// the row's version (on a server the row is then held until the transaction ends, so a save
// racing this one waits and is refused). Returns the new version.
Result<qint64> claimVersion(Workbench& wb, const VersionedRow& row, IfVersion expected);
// Only the check: Invalid for a version below 1, Stale when it is not the row's.
Status checkVersion(Workbench& wb, const VersionedRow& row, IfVersion expected);
// The Stale refusal for a row that is at another version than `expected`.
Error staleError(Workbench& wb, const VersionedRow& row, IfVersion expected);

// The rows of each kind, for the checks above.
VersionedRow versioned(const Finding& f);
VersionedRow versioned(const Judgment& j);
VersionedRow versioned(const EvidenceSample& e);
VersionedRow versioned(const Metric& m);
VersionedRow versioned(const Section& s);
VersionedRow versionedParticulars(const Document& d);
VersionedRow versioned(const ReviewNote& n);
VersionedRow versioned(const FaResponse& r);

} // namespace fwb::service
