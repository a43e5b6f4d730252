#pragma once
// Router: the one way to move the window's view. goTo(target) checks that the target exists in the
// open workbench (filling in its place: the programme, force and question of a finding, the
// document of a section), asks the destinations — the workspaces — which one answers it, selects
// the target's row in the navigator, brings that workspace up and has it show the item. A target
// that does not exist, or that no workspace answers, is refused and the view stays as it was.
// Panes and the window ask the Router; none reaches into another's children.

#include "app/navigation/target.h"
#include "core/util/result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

class QTabWidget;

namespace fwb {
class Workbench;
}

namespace fwb::app {

class NavigatorView;

class Router : public QObject {
    Q_OBJECT
public:
    Router(NavigatorView* navigator, QTabWidget* tabs, QObject* parent = nullptr);

    void setWorkbench(Workbench* workbench) { m_workbench = workbench; }
    // Destinations are asked in the order added; for a place, the page on show is asked first.
    void addDestination(Destination* destination);
    // Called before the navigator is moved to a force it may not list (one without material):
    // the window shows every force then.
    void setRevealForce(std::function<void(const QString& programme, const QString& force)> reveal)
    {
        m_reveal = std::move(reveal);
    }

    // The target with its place filled in, or why it cannot be shown.
    Result<Target> resolve(const Target& target) const;

public Q_SLOTS:
    // Shows the target; false (and the view unchanged) when it is refused.
    bool goTo(const fwb::app::Target& target);

Q_SIGNALS:
    void arrived(const fwb::app::Target& target);
    void refused(const fwb::app::Target& target, const QString& why);

private:
    Destination* destinationFor(const Target& target) const;
    bool refuse(const Target& target, const QString& why);

    NavigatorView* m_navigator;
    QTabWidget* m_tabs;
    QPointer<Workbench> m_workbench;
    QList<Destination*> m_destinations;
    std::function<void(const QString&, const QString&)> m_reveal;
};

} // namespace fwb::app
