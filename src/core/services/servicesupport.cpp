#include "core/services/servicesupport.h"

using namespace Qt::StringLiterals;

namespace fwb::service {

ChangeSet coarseChanges(const QStringList& entities, const Place& place)
{
    ChangeSet set;
    for (const QString& entity : entities) {
        const bool wording = entity.endsWith(u".text"_s);
        const QString name = wording ? entity.chopped(5) : entity;
        auto add = [&](EntityKind kind) { set.add(kind, ChangeOp::Changed, {}, place, wording); };
        if (name == u"findings"_s)
            add(EntityKind::Finding);
        else if (name == u"judgments"_s)
            add(EntityKind::Judgment);
        else if (name == u"evidence"_s)
            add(EntityKind::Evidence);
        else if (name == u"metrics"_s)
            add(EntityKind::Metric);
        else if (name == u"documents"_s) {
            add(EntityKind::Document);
            add(EntityKind::Section);
        } else if (name == u"review"_s) {
            add(EntityKind::ReviewNote);
            add(EntityKind::ReviewRound);
            add(EntityKind::Response);
        } else if (name == u"followups"_s)
            add(EntityKind::FollowUp);
        else if (name == u"programmes"_s) {
            add(EntityKind::Programme);
            add(EntityKind::Question);
        } else if (name == u"forces"_s)
            add(EntityKind::Force);
        else if (name == u"people"_s)
            add(EntityKind::Person);
        else if (name == u"regions"_s)
            add(EntityKind::Region);
        else
            return ChangeSet::everything();
    }
    return set;
}

} // namespace fwb::service
