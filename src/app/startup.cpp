#include "app/startup.h"

#include "app/settings.h"
#include "core/workbench.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <spdlog/spdlog.h>

namespace fwb::app::startup {

QString defaultWorkbenchPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/demo.fwb");
}

Status ensureDefaultWorkbench(const QString& path)
{
    if (QFileInfo::exists(path))
        return {};
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Error::make(
            Error::Code::Io,
            QStringLiteral("Cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
    spdlog::info("first run: creating the demo workbench {}", path.toStdString());
    CreateOptions options;
    options.demo = true;
    auto created = Workbench::create(path, options);
    if (!created)
        return created.error();
    return {};
}

Result<QString> workbenchToOpen(const QStringList& arguments, const Settings& settings)
{
    if (!arguments.isEmpty())
        return QFileInfo(arguments.front()).absoluteFilePath();
    const QString last = settings.lastWorkbench();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    if (!last.isEmpty())
        spdlog::info("the last workbench {} no longer exists; opening the default one",
                     last.toStdString());
    const QString path = defaultWorkbenchPath();
    if (Status s = ensureDefaultWorkbench(path); !s)
        return s.error();
    return path;
}

} // namespace fwb::app::startup
