#include "app/navigation/destinations.h"

#include "app/drafting/draftingworkspace.h"
#include "app/panes/detailpane.h"

namespace fwb::app {

bool DraftingDestination::answers(const Target& target) const
{
    switch (target.kind) {
    case Target::Kind::Place:
        return !target.force.isEmpty(); // a programme has nothing to draft
    case Target::Kind::Draft:
        return !target.force.isEmpty();
    case Target::Kind::Finding:
    case Target::Kind::Judgment:
    case Target::Kind::Metrics:
    case Target::Kind::Evidence:
        return true;
    default:
        return false;
    }
}

QWidget* DraftingDestination::page()
{
    return m_drafting;
}

bool DraftingDestination::reveal(const Target& target)
{
    if (m_drafting->key() != target.key())
        m_drafting->showKey(target.key());
    switch (target.kind) {
    case Target::Kind::Finding:
        return m_drafting->selectFinding(target.uid, target.start, target.length);
    case Target::Kind::Judgment:
        m_drafting->focusJudgmentSummary();
        return true;
    case Target::Kind::Metrics:
        m_drafting->showMetrics();
        return true;
    case Target::Kind::Evidence:
        m_drafting->showEvidence();
        return true;
    default:
        return m_drafting->hasPage();
    }
}

bool OverviewDestination::answers(const Target& target) const
{
    return target.kind == Target::Kind::Place || target.kind == Target::Kind::Overview;
}

QWidget* OverviewDestination::page()
{
    return m_detail;
}

bool OverviewDestination::reveal(const Target& target)
{
    // The overview follows the navigator; it is brought up to date if it missed a change.
    if (m_detail->key() != target.key())
        m_detail->showKey(target.key());
    return true;
}

} // namespace fwb::app
