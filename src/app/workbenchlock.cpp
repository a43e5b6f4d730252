#include "app/workbenchlock.h"

#include <QDir>
#include <QFileInfo>
#include <spdlog/spdlog.h>

namespace fwb::app {

namespace {
// The lock belongs to the file, not to the name it was reached by: links are resolved.
// (Hard links cannot be told apart this way.)
QString resolved(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}
} // namespace

QString WorkbenchLock::lockPathFor(const QString& workbenchPath)
{
    return resolved(workbenchPath) + QStringLiteral(".lock");
}

WorkbenchLock::WorkbenchLock(QString workbenchPath, std::unique_ptr<QLockFile> file)
    : m_workbenchPath(std::move(workbenchPath)), m_file(std::move(file))
{
}

WorkbenchLock::~WorkbenchLock()
{
    if (isHeld())
        spdlog::debug("released the lock on {}", m_workbenchPath.toStdString());
}

Result<std::unique_ptr<WorkbenchLock>> WorkbenchLock::acquire(const QString& workbenchPath)
{
    const QString path = resolved(workbenchPath);
    auto file = std::make_unique<QLockFile>(lockPathFor(path));
    // A lock is stale only when the process that took it has gone, never merely because it is old:
    // a window may stay open on a workbench for days.
    file->setStaleLockTime(0);
    if (file->tryLock(0)) {
        spdlog::debug("locked {}", path.toStdString());
        return std::unique_ptr<WorkbenchLock>(new WorkbenchLock(path, std::move(file)));
    }
    switch (file->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host, app;
        QString holder;
        if (file->getLockInfo(&pid, &host, &app) && pid > 0)
            holder = QStringLiteral(" (process %1 on %2)")
                         .arg(pid)
                         .arg(host.isEmpty() ? QStringLiteral("this computer") : host);
        spdlog::warn("{} is locked by another window{}", path.toStdString(), holder.toStdString());
        return Error::make(
            Error::Code::Busy,
            QStringLiteral("%1 is open in another window%2. Close it there first, or "
                           "open a different workbench. (If that window's computer stopped "
                           "without closing it, delete %3.)")
                .arg(QDir::toNativeSeparators(path), holder,
                     QDir::toNativeSeparators(lockPathFor(path))));
    }
    case QLockFile::PermissionError:
        // Nowhere to put a lock file: the folder is read-only, so the workbench will be too.
        spdlog::info("no lock file can be written beside {}; opening without one",
                     path.toStdString());
        return std::unique_ptr<WorkbenchLock>(new WorkbenchLock(path, nullptr));
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    spdlog::warn("cannot lock {} (error {}); opening without a lock", path.toStdString(),
                 static_cast<int>(file->error()));
    return std::unique_ptr<WorkbenchLock>(new WorkbenchLock(path, nullptr));
}

} // namespace fwb::app
