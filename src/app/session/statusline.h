#pragma once
// StatusLine: the window's status bar as it speaks of the session — the file, what it holds
// ("1 force with material · 107 findings · 5 judgments"), a read-only badge with why, and the
// count of the checker's problems.

#include "app/session/session.h"
#include "core/changes.h"

#include <QObject>
#include <QTimer>

class QLabel;
class QStatusBar;

namespace fwb::app {

class StatusLine : public QObject {
    Q_OBJECT
public:
    StatusLine(QStatusBar* bar, const Session& session);

    // Reads the session again (opened, closed, made read-only). The totals are counted once
    // after a workbench opens, a moment later (the window paints first), and then kept.
    void update();
    // Keeps the totals from what a change did: added and removed findings and judgments adjust
    // them; a change that does not say which records (an import) has them counted again later.
    // Nothing is counted on the way from an edit to the views updated.
    void apply(const fwb::ChangeSet& changes);
    // Counts now what is waiting to be counted (for tests and before the totals are read).
    void recountNow();
    void setProblems(int errors, int warnings);
    QLabel* problemsLabel() const { return m_problems; }

private:
    void showCounts();
    void scheduleRecount(bool all);

    const Session& m_session;
    Session::Counts m_totals;
    bool m_known = false;         // m_totals hold the open workbench's figures
    bool m_recountAll = false;    // findings and judgments to be counted again
    bool m_recountForces = false; // the forces with material to be counted again
    QTimer m_recount;
    QLabel* m_path;
    QLabel* m_counts;
    QLabel* m_readOnly;
    QLabel* m_problems;
};

} // namespace fwb::app
