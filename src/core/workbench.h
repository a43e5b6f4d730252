#pragma once
// Workbench: one open .fwb file and the services over it. The window and `fwb` both hold one;
// every change goes through it and is announced with changed() so that views refresh.

#include "core/changes.h"
#include "core/io/outputfile.h"
#include "core/services/transfer.h"
#include "core/storage/database.h"
#include "core/storage/documentrepository.h"
#include "core/storage/draftrepository.h"
#include "core/storage/followuprepository.h"
#include "core/storage/referencerepository.h"
#include "core/storage/reviewrepository.h"
#include "core/storage/workbenchrepository.h"

#include <QObject>
#include <memory>

namespace fwb {

class Reader;

struct CreateOptions {
    bool demo = false; // add the Lancashire demo content
    OpenOptions open;
};

// The file's particulars with how many records of each kind it holds (RecordCounts).
struct WorkbenchInfo : RecordCounts {
    int schemaVersion = 0;
    QString path;
    bool readOnly = false;
    QString readOnlyReason;
    QString damage; // what the check on open found wrong, empty when the file is sound
};

class Workbench : public QObject {
    Q_OBJECT
public:
    static Result<std::unique_ptr<Workbench>> open(const QString& path,
                                                   const OpenOptions& options = {});
    static Result<std::unique_ptr<Workbench>> create(const QString& path,
                                                     const CreateOptions& options = {});
    // The bundled data as interchange files: reference data and frameworks, and the demo content.
    static QStringList bundledReferenceFiles();
    static QStringList bundledDemoFiles();

    Database& database() { return *m_db; }
    const Database& database() const { return *m_db; }
    const QString& path() const { return m_db->path(); }
    bool isReadOnly() const { return m_db->isReadOnly(); }

    // The read-only face for the window and `fwb` (core/reader.h): every read, no writer.
    Reader reader() const;

    // The repositories, for the services (and for tests); a face reads through reader().
    ReferenceRepository reference() const { return ReferenceRepository(*m_db); }
    DraftRepository drafts() const { return DraftRepository(*m_db); }
    DocumentRepository documents() const { return DocumentRepository(*m_db); }
    ReviewRepository review() const { return ReviewRepository(*m_db); }
    FollowUpRepository followUps() const { return FollowUpRepository(*m_db); }
    AuditLog audit() const { return AuditLog(*m_db); }

    WorkbenchInfo info() const;

    // Imports a JSON interchange file or a judgments CSV (told apart by content). All or nothing.
    Result<ImportReport> importFile(const QString& sourcePath);
    Result<ImportReport> importData(const QByteArray& data, const QString& name);
    Result<QByteArray> exportJson(const ExportScope& scope = {}) const;
    Result<QByteArray> exportCsv(const ExportScope& scope = {}) const;

    // Refuses a path that is the workbench file itself or one beside it that belongs to it
    // (-wal, -shm, .lock), resolving links: an export written there would destroy the workbench.
    Status refuseOwnFile(const QString& target) const;
    static Status refuseOwnFile(const QString& workbenchPath, const QString& target);

    // Who is recorded in the audit log for changes made here.
    static QString actor();

    // Services call this after they commit a change, so that every view updates.
    void notifyChanged(const ChangeSet& changes);

    // Checks the file for damaged pages on a thread of its own, with its own read-only
    // connection, for at most `budgetMs` (the check Database::open runs when asked to, moved off
    // the way to a painted window). Damage found makes the workbench read-only (every write is
    // refused as Damaged) and is told with damageFound(). Closing the workbench stops the check.
    void checkForDamageLater(int budgetMs);
    bool isCheckingForDamage() const;

    ~Workbench() override;

Q_SIGNALS:
    // The check started by checkForDamageLater found damage; `warning` is damageWarning().
    void damageFound(const QString& warning);

    // One committed transaction: what it changed, precisely enough for views to update the rows
    // concerned in place (see core/changes.h).
    void changed(const fwb::ChangeSet& changes);

private:
    explicit Workbench(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
    struct DamageCheckRun;
    std::shared_ptr<DamageCheckRun> m_check;
};

} // namespace fwb
