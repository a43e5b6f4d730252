#pragma once
// The fault corpus: faults of each kind the checker supports, each injected into a copy of the
// Lancashire demo through the ordinary services, with the rule that must find it and where. Used
// by the tests (every fault found) and by fwb-bench-checks (the share found, the false alarms).

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <functional>

namespace fwb {
class Workbench;
}

namespace fwb::checks {

struct Fault {
    QString name;      // what was done, e.g. "a count in the text changed"
    QString programme; // where to check
    QString rule;      // the rule that must find it
    QString key; // the place it must be found at ("metric:NAME|UNIT" for a metric: see faultKey)
    std::function<Status(Workbench&)> inject;
};

QList<Fault> faultCorpus();

// Reopens every published document (and the material published with it), with a reason.
Status reopenPublished(Workbench& workbench, const QString& reason);
// The fault's place in this workbench (a metric's uid is known only there).
QString faultKey(Workbench& workbench, const Fault& fault);

} // namespace fwb::checks
