#pragma once
// Database: one open workbench file. It owns the Qt SQL connection, checks that a file really is a
// workbench before touching it, applies migrations (after a backup) and hands out transactions.
// No SQL outside core/storage uses it directly; services go through repositories.
//
// The walls around storage:
//  - SQL is written only in core/storage (repositories, Query, Transaction, ReadSnapshot); the
//    house test (tests/house) fails on a statement anywhere else.
//  - Services write, each change one audited transaction (services/servicesupport.h).
//  - The faces (the window, `fwb`) read through core/reader.h: every read of the repositories and
//    none of their writers. `fwb` reads only through it; the window is converted the same way
//    (wb.reference().x(…) becomes wb.reader().x(…); see reader.h).

#include "core/util/result.h"

#include <QSqlDatabase>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

struct sqlite3;

namespace fwb {

// Which kind of server holds a workbench: a file for one person (SQLite), or a team workbench on a
// PostgreSQL server, named by a libpq connection URI.
enum class Backend { Sqlite, Postgres };

// Whether `location` names a team workbench on a server (a postgresql:// or postgres:// URI)
// rather than a file.
bool isServerLocation(const QString& location);

struct OpenOptions {
    bool readOnly = false;    // open read-only even if the file could be written
    int busyTimeoutMs = 5000; // how long to wait for another program's write lock
    // How long the check for damaged pages on open may take. A larger file is checked only in
    // part (the log says so); 0 skips the check.
    int quickCheckMs = 2000;
};

// What a check of a file for damaged pages found (Database::checkForDamage).
struct DamageCheck {
    QString damage;       // what is wrong, empty when nothing was found
    bool complete = true; // false: stopped by its budget (or asked to stop) part-way
    qint64 ms = 0;        // how long it ran
    QString error;        // the file could not be read for the check at all
};

class Database {
public:
    static constexpr int ApplicationId = 0x46574231; // "FWB1"

    // Highest schema version this build knows (the number of the last migration).
    static int latestVersion();

    // Opens an existing workbench. Leaves the file byte-for-byte unchanged on any error.
    static Result<std::unique_ptr<Database>> open(const QString& path,
                                                  const OpenOptions& options = {});

    // Creates a new workbench at path (which must not exist): the schema is built and `populate`
    // runs in a temporary file beside it, which is renamed into place only when all succeeded.
    static Result<std::unique_ptr<Database>>
    create(const QString& path, const std::function<Status(Database&)>& populate = {},
           const OpenOptions& options = {});

    // PRAGMA quick_check on a read-only connection of its own, stopped after `budgetMs` or as
    // soon as *stop turns true. Safe to run on another thread while the file is open here.
    static DamageCheck checkForDamage(const QString& path, int budgetMs,
                                      const std::atomic<bool>* stop = nullptr);
    // Damage found after the file was opened (a check run later): the workbench is read-only
    // from now on, for the same reason and with the same warning as damage found on open.
    void noteDamage(const QString& damage);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase sql() const;
    const QString& path() const { return m_path; }
    Backend backend() const { return m_backend; }
    // The login the server authenticated this connection as (a team workbench); empty for a file,
    // whose person is the operating-system account.
    const QString& loginName() const { return m_loginName; }
    bool isReadOnly() const { return m_readOnly; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    // What the check on open found wrong with the file, or empty. A damaged workbench is opened
    // read-only: what can be read is shown and exported, nothing is written into it.
    const QString& damage() const { return m_damage; }
    // The warning to show a person for a damaged workbench (empty when it is sound).
    QString damageWarning() const;
    int schemaVersion() const { return m_version; }
    // Where the copy taken before this open's migration was written, or empty.
    const QString& backupPath() const { return m_backupPath; }

    // Refuses with ReadOnly when the workbench was opened read-only, with Damaged when it is
    // damaged.
    Status requireWritable() const;

    // Runs a script of several statements (migrations, pragmas) on the raw connection.
    Status execScript(const QString& script, const QString& what);

    // Runs PRAGMA integrity_check; "ok" when sound.
    QString integrityCheck() const;

    sqlite3* handle() const;

    // Readers return what they could read; a failed read (a damaged page, say) is noted here so
    // that a caller that must not work from partial data (an export) can ask afterwards. Inside a
    // Transaction every failed statement, read or write, is noted: the transaction is then failed.
    void noteReadFailure(const Error& e) const;
    std::optional<Error> takeReadFailure() const;

    // Whether a Transaction is open on this connection, and why it can no longer be committed:
    // a statement in it failed, or SQLite rolled it back by itself (a damaged page, a full disk).
    // No statement runs once it has failed, and none can commit on its own while it is open.
    bool inTransaction() const { return m_tx.active; }
    std::optional<Error> transactionFailure() const;

    // Translates the last error of the raw connection into a person's message.
    Error lastError(const QString& doing) const;

private:
    friend class Transaction;
    struct TransactionState {
        bool active = false;     // a Transaction guard holds BEGIN
        bool committing = false; // its own COMMIT is running
        std::optional<Error> failure;
    };
    static int commitHook(void* self);

    Database() = default;
    Status connect(const QString& path, bool readOnly, int busyTimeoutMs, bool immutable = false);
    Status migrate(bool takeBackup);
    void releaseSidecars();

    QString m_path;
    QString m_connection;
    QString m_loginName;
    Backend m_backend = Backend::Sqlite;
    QString m_backupPath;
    QString m_readOnlyReason;
    QString m_damage;
    bool m_readOnly = false;
    bool m_hadWal = false, m_hadShm = false; // beside the file before this connection opened it
    int m_version = 0;
    mutable std::optional<Error> m_readFailure;
    mutable TransactionState m_tx;
};

// Examines a file without opening it through SQLite: header magic, page size, length.
// Returns an error for anything that is not a plausible, complete SQLite file.
Status inspectFileHeader(const QString& path);

} // namespace fwb
