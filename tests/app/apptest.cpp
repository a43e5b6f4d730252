#include "apptest.h"

namespace fwb::apptest {

WarningRecorder* WarningRecorder::s_current = nullptr;

WarningRecorder::WarningRecorder()
{
    s_current = this;
    m_previous = qInstallMessageHandler(&WarningRecorder::handler);
}

WarningRecorder::~WarningRecorder()
{
    qInstallMessageHandler(m_previous);
    s_current = nullptr;
}

void WarningRecorder::handler(QtMsgType type, const QMessageLogContext& context,
                              const QString& message)
{
    if (s_current && type >= QtWarningMsg)
        s_current->m_messages << QStringLiteral("%1: %2").arg(
            QLatin1String(context.category ? context.category : "default"), message);
}

QStringList WarningRecorder::modelTestFailures() const
{
    QStringList out;
    for (const QString& m : m_messages)
        if (m.startsWith(QLatin1String("qt.modeltest")))
            out << m;
    return out;
}

} // namespace fwb::apptest
