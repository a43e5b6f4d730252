#include "app/models/models.h"

#include "app/drafting/findingsmodel.h"
#include "app/models/navigatormodel.h"
#include "core/workbench.h"

#include <QElapsedTimer>
#include <spdlog/spdlog.h>

namespace fwb::app {

Models::Models(QObject* parent)
    : QObject(parent), m_navigator(new NavigatorModel(this)), m_findings(new FindingsModel(this))
{
    setObjectName(QStringLiteral("models"));
}

Models::~Models() = default;

void Models::setWorkbench(Workbench* workbench)
{
    if (m_workbench)
        disconnect(m_workbench, nullptr, this, nullptr);
    m_workbench = workbench;
    if (workbench)
        connect(workbench, &Workbench::changed, this, &Models::apply);
    m_navigator->setWorkbench(workbench);
    m_findings->setWorkbench(workbench);
}

void Models::apply(const ChangeSet& changes)
{
    if (changes.isEmpty())
        return;
    QElapsedTimer timer;
    timer.start();
    m_navigator->applyChanges(changes);
    m_findings->applyChanges(changes);
    spdlog::debug("models: {} applied in {} ms", describe(changes).toStdString(), timer.elapsed());
    Q_EMIT changed(changes);
}

} // namespace fwb::app
