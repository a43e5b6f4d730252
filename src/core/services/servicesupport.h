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
template <class T> QString json(const T& v) { return interchange::compact(interchange::toJson(v)); }

// Runs `write` in one transaction; commits, then announces `entities`. Nothing is announced,
// and nothing stays written, when any step fails.
template <class T, class Write> Result<T> inTransaction(Workbench& wb, const QStringList& entities, Write write)
{
    Transaction t(wb.database());
    if (!t.active())
        return t.error();
    Result<T> r = write();
    if (!r)
        return r; // rolled back by the guard
    if (Status s = t.commit(); !s)
        return s.error();
    wb.notifyChanged(entities);
    return r;
}

} // namespace fwb::service
