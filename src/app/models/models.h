#pragma once
// Models: the one owner of the item models the window's views share — the navigator's tree and
// the findings list of the question being drafted. It listens to the workbench once, and applies
// each committed transaction's change records to every model in place (dataChanged, inserted,
// removed and moved rows), then tells the panes (changed) so that what they show beyond the models
// follows. Views and panes are given their models from here; none reads the workbench's change
// signal for a model of its own.

#include "core/changes.h"

#include <QObject>
#include <QPointer>

namespace fwb {
class Workbench;
}

namespace fwb::app {

class FindingsModel;
class NavigatorModel;

class Models : public QObject {
    Q_OBJECT
public:
    explicit Models(QObject* parent = nullptr);
    ~Models() override;

    // The workbench the models show, or nullptr for none. Not owned.
    void setWorkbench(Workbench* workbench);
    Workbench* workbench() const { return m_workbench; }

    NavigatorModel* navigator() const { return m_navigator; }
    // The findings of the question on the drafting page.
    FindingsModel* findings() const { return m_findings; }

    // Applies `changes` to every model (what the workbench's changed signal does).
    void apply(const fwb::ChangeSet& changes);

Q_SIGNALS:
    // After the models have taken in a change: for panes whose other widgets follow it.
    void changed(const fwb::ChangeSet& changes);

private:
    QPointer<Workbench> m_workbench;
    NavigatorModel* m_navigator;
    FindingsModel* m_findings;
};

} // namespace fwb::app
