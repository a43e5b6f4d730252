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
    void failed(const QString& title, const QString& message);
    // Something done that the person should hear of (imported, exported).
    void notice(const QString& message);

private:
    void adopt(std::unique_ptr<Workbench> workbench, std::unique_ptr<WorkbenchLock> lock);
    bool fail(const QString& title, const QString& message);

    Settings& m_settings;
    std::unique_ptr<WorkbenchLock> m_lock;
    std::unique_ptr<Workbench> m_workbench;
};

} // namespace fwb::app
