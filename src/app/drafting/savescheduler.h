#pragma once
// SaveScheduler: when typing is saved. A save follows once typing rests (restMs after the last
// keystroke), and — however long the typing goes on without a pause — no later than maxWaitMs
// after the first keystroke not yet saved: that deadline is set by the first unsaved keystroke
// and does not move while typing continues. So a crash loses at most the last second of typing.
//
// The editor calls edited() on every change the person makes, flush() where the typing must be
// saved at once (focus leaves, the selection changes, the window closes, before an undo) and
// cancel() when what was typed is replaced (another record loaded). The save itself is the
// editor's: it writes through the services and must leave the editor (caret, selection, its
// own undo history) as it is.

#include <QObject>
#include <QTimer>
#include <functional>

namespace fwb::app {

// How long typing rests before it is saved.
constexpr int kSaveDelayMs = 400;
// The longest typing waits to be saved while it goes on without a pause.
constexpr int kSaveMaxWaitMs = 1000;

class SaveScheduler : public QObject {
    Q_OBJECT
public:
    explicit SaveScheduler(std::function<void()> save, QObject* parent = nullptr,
                           int restMs = kSaveDelayMs, int maxWaitMs = kSaveMaxWaitMs);

    // The person changed the text: the rest starts again; the deadline starts if none is set.
    void edited();
    // Saves now when something is waiting; returns whether a save ran.
    bool flush();
    // Forgets what is waiting without saving it (the editor was loaded with other text).
    void cancel();
    // Whether typing is waiting to be saved.
    bool isPending() const { return m_pending; }

    int restMs() const { return m_rest.interval(); }
    int maxWaitMs() const { return m_deadline.interval(); }
    // How many saves the scheduler has run (for tests and the debug log).
    int saves() const { return m_saves; }

private:
    void fire();

    std::function<void()> m_save;
    QTimer m_rest;
    QTimer m_deadline;
    bool m_pending = false;
    bool m_saving = false;
    int m_saves = 0;
};

} // namespace fwb::app
