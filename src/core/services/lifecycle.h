#pragma once
// The lifecycle's rules and the records an edit keeps under it, below every service that writes
// findings, judgments or documents. DraftingService, DocumentService and the ingest keep text
// revisions and status edits through this; ReviewService (which moves things through the
// lifecycle and reads documents) builds on it. Nothing here includes another service, so the
// services' includes form no cycle: drafting, documents and ingest → lifecycle ← review.
//
// Lifecycle. Findings, judgments and documents move through
//   draft → ready → sent → responded → amended → final → published
// plus ready → draft (back to drafting), final → amended (sign-off withdrawn) and
// published → amended (reopened); the last two need a reason.

#include "core/changes.h"
#include "core/domain/types.h"
#include "core/util/result.h"

namespace fwb {

class Workbench;

// "ready" → "Ready for review", "amended" → "Amended / upheld".
QString statusLabel(const QString& status);
// Whether the lifecycle has a move from one status to another.
bool transitionAllowed(const QString& from, const QString& to);
// The statuses reachable from one, in the order a person would take them.
QStringList nextStatuses(const QString& from);
// What the move is called on a button: "Mark ready for review", "Sign off as final", "Reopen".
QString transitionLabel(const QString& from, const QString& to);
// Whether the move needs a reason (withdrawing sign-off, reopening).
bool transitionNeedsReason(const QString& from, const QString& to);

// Why a target ("finding:…", "judgment:…", "document:…") standing at `from` may not go to `to`
// (an empty Status when it may): the status must exist, the lifecycle must have the move, and a
// finding or judgment is signed off only when no review note on it is open. What a document
// needs besides (its round, its responses, its embargo) ReviewService::check adds.
Status checkMove(const Workbench& workbench, const QString& target, const QString& from,
                 const QString& to);

// Within a service's transaction: keeps a revision of changed text when the status says the text
// is under review (anything after "draft"). The first revision kept is the text before the change.
// What was kept is recorded in `changes` (a Revision of "<entity>:<key>" at `place`).
Status keepRevision(Workbench& workbench, ChangeSet& changes, const Place& place,
                    const QString& entity, const QString& key, const QString& status,
                    const QString& before, const QString& after, const QString& reason);
// Within a service's transaction: checks and records a status change made through an edit
// (DraftingService's finding and judgment edits).
Status recordStatusEdit(Workbench& workbench, const QString& target, const QString& from,
                        const QString& to);

} // namespace fwb
