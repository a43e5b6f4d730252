#pragma once
// WorkbenchLock: a lock file beside a workbench ("NAME.fwb.lock") held while a window has it open,
// so that a second window or instance on the same file is refused with a clear message instead of
// two writers interleaving their edits. SQLite's own locking keeps the file consistent; this lock
// keeps people from working on the same workbench twice without knowing.

#include "core/util/result.h"

#include <QLockFile>
#include <QString>
#include <memory>

namespace fwb::app {

class WorkbenchLock {
public:
    // Takes the lock for the workbench at `workbenchPath` without waiting. Refuses with
    // Error::Code::Busy when another window or process holds it. A folder where no lock file can be
    // written (a read-only medium) gives a lock that holds nothing: the workbench then opens
    // read-only anyway.
    static Result<std::unique_ptr<WorkbenchLock>> acquire(const QString& workbenchPath);

    static QString lockPathFor(const QString& workbenchPath);

    const QString& workbenchPath() const { return m_workbenchPath; }
    bool isHeld() const { return m_file && m_file->isLocked(); }

    ~WorkbenchLock();
    WorkbenchLock(const WorkbenchLock&) = delete;
    WorkbenchLock& operator=(const WorkbenchLock&) = delete;

private:
    WorkbenchLock(QString workbenchPath, std::unique_ptr<QLockFile> file);

    QString m_workbenchPath;
    std::unique_ptr<QLockFile> m_file;
};

} // namespace fwb::app
