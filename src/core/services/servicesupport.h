#pragma once
// What every service shares: one transaction per change, announced only once committed, and the
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

// The coarse form: every record of the kinds named by `entities` ("findings", "judgments.text",
// …) at `place` may have changed. For calls that do not yet say which records they changed.
ChangeSet coarseChanges(const QStringList& entities, const Place& place = {});

template <class T, class Write>
Result<T> inTransaction(Workbench& wb, const QStringList& entities, Write write)
{
    return inTransaction<T>(wb, [&](ChangeSet& changes) -> Result<T> {
        Result<T> r = write();
        if (r)
            changes = coarseChanges(entities);
        return r;
    });
}

} // namespace fwb::service
