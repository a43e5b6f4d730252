#pragma once
// Session: the open workbench and everything about having it open — opening, creating, locking
// against a second window, importing into it, exporting from it, planning the ingest of a
// published report, and the questions about what it holds (how much material, which forces,
// which programmes are graded). The window asks it and follows its signals; views are handed the
// workbench on workbenchOpened and let go of it on aboutToClose. A workbench that cannot be
// opened (locked, damaged beyond reading, newer, not a workbench) is refused with a clear message
// and the one open before stays open.

#include "app/dialogs/exportdialog.h"
#include "core/services/ingest.h"
#include "core/services/transfer.h"
#include "core/storage/database.h"

#include <QObject>
#include <memory>

namespace fwb {
class Workbench;
}

namespace fwb::app {

class Settings;
class WorkbenchLock;

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(Settings& settings, QObject* parent = nullptr);
    ~Session() override;

    Workbench* workbench() const { return m_workbench.get(); }
    bool isOpen() const { return m_workbench != nullptr; }
    bool isReadOnly() const;
    QString path() const;

    // A file larger than this many bytes is checked for damaged pages after it opens, on a thread
    // of its own, rather than before (the check reads the whole file: seconds at national
    // scale); damage found then makes it read-only with the same warning. Below it (and with a
    // negative value: always) the check runs on open, as `fwb` runs it.
    static constexpr qint64 kCheckLaterAbove = 32 * 1024 * 1024;
    void setCheckLaterAbove(qint64 bytes) { m_checkLaterAbove = bytes; }
    // How long after opening the later check starts: the window paints first.
    static constexpr int kCheckDelayMs = 200;

    // Each returns false after announcing failed(); the workbench open before stays open.
    bool open(const QString& path, const OpenOptions& options = {});
    bool create(const QString& path, bool demo);
    bool importFile(const QString& path);
    bool exportTo(const QString& path, ExportFormat format, const ExportScope& scope);
    // Reads a published report's text and plans what it would add (nothing is written).
    std::optional<IngestPlan> planIngest(const QString& path, const QString& programme);
    // Closes the workbench (views are told first); the lock goes once the file is closed.
    void close();

    // What the workbench holds, for the status bar.
    struct Counts {
        qsizetype forcesWithMaterial = 0;
        qint64 findings = 0, judgments = 0;
    };
    Counts counts() const;
    // Only the first of them: the forces with any material in any programme.
    qsizetype forcesWithMaterial() const;
    bool hasMaterial(const QString& programme, const QString& force) const;
    // The programmes a published report can be read into (those with a grade scale).
    QList<QPair<QString, QString>> gradedProgrammes() const; // code, label
    // "Read-only" or "Damaged — read-only" and why, for the badge.
    QString readOnlyBadge() const;
    QString readOnlyReason() const;
    // Where file dialogs start: the workbench's folder, else the person's documents.
    QString folder() const;

Q_SIGNALS:
    // Another workbench is about to replace this one (or it is closing): save typing, let go.
    void aboutToClose();
    void workbenchClosed();
    void workbenchOpened(const QString& path);
    // The open workbench became read-only (the check after opening found damage).
    void readOnlyChanged();
    void failed(const QString& title, const QString& message);
    // Something done that the person should hear of (imported, exported).
    void notice(const QString& message);

private:
    void adopt(std::unique_ptr<Workbench> workbench, std::unique_ptr<WorkbenchLock> lock);
    bool fail(const QString& title, const QString& message);

    Settings& m_settings;
    std::unique_ptr<WorkbenchLock> m_lock;
    std::unique_ptr<Workbench> m_workbench;
    qint64 m_checkLaterAbove = kCheckLaterAbove;
};

} // namespace fwb::app
