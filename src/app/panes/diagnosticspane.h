#pragma once
// DiagnosticsPane: the consistency checker's problems for the force and programme in hand, like a
// compiler's — severity, rule, place and message; Enter or a double-click goes to the place. The
// check runs on a worker thread over values loaded once, after changes settle, so typing never
// waits for it.

#include "core/checks/checker.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace fwb {
class Workbench;
}

namespace fwb::app {

class DiagnosticsPane : public QWidget {
    Q_OBJECT
public:
    explicit DiagnosticsPane(QWidget* parent = nullptr);
    void setWorkbench(Workbench* workbench);
    // Checks this programme and force (after the pause unless `now`).
    void setPlace(const QString& programme, const QString& force, bool now = false);
    const QList<checks::Problem>& problems() const { return m_problems; }
    int errorCount() const;
    int warningCount() const;
    QTreeWidget* tree() const { return m_tree; }
    // True while a check runs; finished() follows.
    bool isChecking() const { return m_running; }

public Q_SLOTS:
    void runNow();

Q_SIGNALS:
    void finished();
    void problemActivated(const fwb::checks::Problem& problem);

private:
    void show(const QList<checks::Problem>& problems, int generation);

    QPointer<Workbench> m_workbench;
    QString m_programme, m_force;
    QList<checks::Problem> m_problems;
    QTimer m_timer;
    int m_generation = 0;
    bool m_running = false;
    QLabel* m_summary;
    QTreeWidget* m_tree;
};

} // namespace fwb::app

Q_DECLARE_METATYPE(fwb::checks::Problem)
