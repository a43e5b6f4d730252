#include "app/drafting/savescheduler.h"

namespace fwb::app {

SaveScheduler::SaveScheduler(std::function<void()> save, QObject* parent, int restMs, int maxWaitMs)
    : QObject(parent), m_save(std::move(save))
{
    for (QTimer* t : {&m_rest, &m_deadline}) {
        t->setSingleShot(true);
        t->setTimerType(
            Qt::PreciseTimer); // a coarse timer may fire 5% late: the deadline is a promise
        connect(t, &QTimer::timeout, this, &SaveScheduler::fire);
    }
    m_rest.setInterval(restMs);
    m_deadline.setInterval(qMax(restMs, maxWaitMs));
}

void SaveScheduler::edited()
{
    m_pending = true;
    m_rest.start();
    if (!m_deadline.isActive())
        m_deadline.start();
}

bool SaveScheduler::flush()
{
    if (!m_pending)
        return false;
    fire();
    return true;
}

void SaveScheduler::cancel()
{
    m_rest.stop();
    m_deadline.stop();
    m_pending = false;
}

void SaveScheduler::fire()
{
    if (m_saving)
        return; // a save that reloads the editor and flushes again saves once
    cancel();
    m_saving = true;
    ++m_saves;
    if (m_save)
        m_save();
    m_saving = false;
}

} // namespace fwb::app
