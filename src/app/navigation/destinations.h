#pragma once
// The destinations of workspaces that are not navigation-aware themselves: the Draft tab (through
// DraftingWorkspace's public API: its question page, judgment panel and force tabs) and the
// overview. The Documents and Review workspaces answer their targets themselves.

#include "app/navigation/target.h"

namespace fwb::app {

class DetailPane;
class DraftingWorkspace;

class DraftingDestination : public Destination {
public:
    explicit DraftingDestination(DraftingWorkspace* drafting) : m_drafting(drafting) {}
    bool answers(const Target& target) const override;
    QWidget* page() override;
    bool reveal(const Target& target) override;

private:
    DraftingWorkspace* m_drafting;
};

class OverviewDestination : public Destination {
public:
    explicit OverviewDestination(DetailPane* detail) : m_detail(detail) {}
    bool answers(const Target& target) const override;
    QWidget* page() override;
    bool reveal(const Target& target) override;

private:
    DetailPane* m_detail;
};

} // namespace fwb::app
