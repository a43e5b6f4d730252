#pragma once
// What every service shares: one transaction per change, announced only once committed with the
// ChangeSet the write recorded (core/changes.h says what each kind of record names), and the
// record as JSON for the audit log.

#include "core/io/interchange.h"
#include "core/storage/transaction.h"
#include "core/workbench.h"

#include <optional>

namespace fwb::service {

template <class T> QString json(const std::optional<T>& v)
{
    return v ? interchange::compact(interchange::toJson(*v)) : QString();
}
template <class T> QString json(const T& v)
{
    return interchange::compact(interchange::toJson(v));
}

// Runs `write` in one transaction; commits, then announces what `write` recorded in the
// ChangeSet it is given. Nothing is announced, and nothing stays written, when any step fails.
template <class T, class Write> Result<T> inTransaction(Workbench& wb, Write write)
{
    Transaction t(wb.database());
    if (!t.active())
        return t.error();
    ChangeSet changes;
    Result<T> r = write(changes);
    if (!r)
        return r; // rolled back by the guard
    if (Status s = t.commit(); !s)
        return s.error();
    wb.notifyChanged(changes);
    return r;
}

// ---- where records are, for the ChangeSet a write records -------------------------------------

// "programme/force/question": a judgment's uid in a ChangeSet (and its review key).
QString judgmentUid(const QString& programme, const QString& force, const QString& question);
QString judgmentUid(const Judgment& judgment);

Place placeOf(const Finding& finding);   // its question
Place placeOf(const Judgment& judgment); // its question
Place placeOf(const Document& document); // its programme and force
// A section's place: its document's programme and force, and the document.
Place sectionPlace(const Document& document);

// Where a review target ("finding:…", "judgment:…", "overview:…", "section:…[#n]",
// "document:…") is now; empty when it cannot be found.
Place placeOfTarget(const Workbench& workbench, const QString& target);

// What saving a programme changed: the programme's own fields (Programme Changed) and its
// questions, each Added, Removed, Moved (another parent, or out of the order the others kept) or
// Changed (its text, grading or continuity). Nothing when both are the same. `before` empty: the
// programme is new.
ChangeSet programmeChanges(const std::optional<Programme>& before, const Programme& after);

} // namespace fwb::service
