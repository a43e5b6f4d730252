#pragma once
// StatusLine: the window's status bar as it speaks of the session — the file, what it holds
// ("1 force with material · 107 findings · 5 judgments"), a read-only badge with why, and the
// count of the checker's problems.

#include <QObject>

class QLabel;
class QStatusBar;

namespace fwb::app {

class Session;

class StatusLine : public QObject {
    Q_OBJECT
public:
    StatusLine(QStatusBar* bar, const Session& session);

    // Reads the session again (opened, closed, material added or removed).
    void update();
    void setProblems(int errors, int warnings);
    QLabel* problemsLabel() const { return m_problems; }

private:
    const Session& m_session;
    QLabel* m_path;
    QLabel* m_counts;
    QLabel* m_readOnly;
    QLabel* m_problems;
};

} // namespace fwb::app
