#include "core/storage/database.h"
#include "core/storage/transaction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace fwb {
namespace {

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

struct Migration {
    int version;
    QString name;
    QString sql;
};

std::vector<Migration> loadMigrations()
{
    std::vector<Migration> list;
    const QDir dir(QStringLiteral(":/migrations"));
    const auto names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        list.push_back({name.left(4).toInt(), name, QString::fromUtf8(file.readAll())});
    }
    return list;
}

// Reads a big-endian integer of n bytes from the header.
quint32 be(const QByteArray& b, int at, int n)
{
    quint32 v = 0;
    for (int i = 0; i < n; ++i)
        v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
}

// Opens the file with the raw API, read-only, to learn what it is without changing a byte.
struct Probe {
    int applicationId = 0;
    int userVersion = 0;
    int objects = 0;
    QString damage;            // what the quick check found, empty when sound
    bool checkComplete = true; // false when the time budget cut the check short
    qint64 checkMs = 0;
};

// The name SQLite is given for a file: a plain path, or a URI asking it to treat the file as one
// that nobody changes while it is open (a file in a folder this user cannot write, with no log
// beside it: SQLite could not create the -shm file that reading a WAL database otherwise needs).
QByteArray sqliteName(const QString& path, bool immutable)
{
    if (!immutable)
        return path.toUtf8();
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath())
               .toString(QUrl::FullyEncoded)
               .toUtf8() +
           "?mode=ro&immutable=1";
}

// PRAGMA quick_check, stopped by a progress handler once `budgetMs` has passed. It reads every
// page of every table and index and checks their structure (not that indexes match their tables).
void quickCheck(sqlite3* h, int budgetMs, Probe& p, const std::atomic<bool>* stop = nullptr)
{
    if (budgetMs <= 0)
        return;
    struct Budget {
        QElapsedTimer timer;
        qint64 ms;
        const std::atomic<bool>* stop;
    } budget{{}, budgetMs, stop};
    budget.timer.start();
    sqlite3_progress_handler(
        h, 20000,
        [](void* b) -> int {
            auto* budget = static_cast<Budget*>(b);
            return budget->timer.elapsed() > budget->ms || (budget->stop && budget->stop->load())
                       ? 1
                       : 0;
        },
        &budget);
    sqlite3_stmt* st = nullptr;
    QStringList problems;
    int rc = sqlite3_prepare_v2(h, "PRAGMA quick_check(5)", -1, &st, nullptr);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        const QString line = QString::fromUtf8(text ? text : "").trimmed();
        if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("***")))
            problems << line.simplified();
        rc = SQLITE_OK;
    }
    const int code = rc == SQLITE_DONE ? SQLITE_OK : rc;
    const QString message = QString::fromUtf8(sqlite3_errmsg(h));
    sqlite3_finalize(st);
    sqlite3_progress_handler(h, 0, nullptr, nullptr);
    p.checkMs = budget.timer.elapsed();
    if ((code & 0xff) == SQLITE_INTERRUPT)
        p.checkComplete = false;
    else if (code != SQLITE_OK)
        problems << message;
    p.damage = problems.join(QStringLiteral("; "));
}

Result<Probe> probeConnection(const QString& path, int busyTimeoutMs, bool immutable, int checkMs);

// A read-only connection to a database in WAL mode creates -wal and -shm files and never removes
// them: remove any that were not there before, so that refusing a file leaves nothing beside it.
Result<Probe> probe(const QString& path, int busyTimeoutMs, bool immutable, int checkMs)
{
    const QString wal = path + QStringLiteral("-wal"), shm = path + QStringLiteral("-shm");
    const bool hadWal = QFileInfo::exists(wal), hadShm = QFileInfo::exists(shm);
    auto result = probeConnection(path, busyTimeoutMs, immutable, checkMs);
    if (!hadWal && QFileInfo(wal).exists() && QFileInfo(wal).size() == 0)
        QFile::remove(wal);
    if (!hadShm && !QFileInfo::exists(wal))
        QFile::remove(shm);
    return result;
}

Result<Probe> probeConnection(const QString& path, int busyTimeoutMs, bool immutable, int checkMs)
{
    sqlite3* h = nullptr;
    const QByteArray file = sqliteName(path, immutable);
    int rc = sqlite3_open_v2(file.constData(), &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    auto fail = [&](int code) -> Error {
        const QString where = nativePath(path);
        const QString detail = QString::fromUtf8(h ? sqlite3_errmsg(h) : sqlite3_errstr(code));
        if (h)
            sqlite3_close(h);
        switch (code & 0xff) {
        case SQLITE_NOTADB:
            return Error::make(
                Error::Code::NotSqlite,
                QStringLiteral("Not a workbench: %1 is not an SQLite database").arg(where));
        case SQLITE_CORRUPT:
            return Error::make(
                Error::Code::Damaged,
                QStringLiteral("Damaged workbench: %1 is corrupt (%2)").arg(where, detail));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error::make(
                Error::Code::Busy,
                QStringLiteral("Workbench busy: %1 is being written by another program; "
                               "tried for %2 s")
                    .arg(where)
                    .arg(busyTimeoutMs / 1000.0));
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
        case SQLITE_IOERR:
        case SQLITE_READONLY:
            return Error::make(Error::Code::Io,
                               QStringLiteral("Cannot read %1: %2").arg(where, detail));
        default:
            return Error::make(Error::Code::Internal,
                               QStringLiteral("Cannot open %1: %2").arg(where, detail));
        }
    };
    if (rc != SQLITE_OK)
        return fail(rc);
    sqlite3_extended_result_codes(h, 1);
    sqlite3_busy_timeout(h, busyTimeoutMs);
    Probe p;
    auto intPragma = [&](const char* sql, int* out) -> int {
        sqlite3_stmt* st = nullptr;
        int r = sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
        if (r != SQLITE_OK)
            return r;
        r = sqlite3_step(st);
        if (r == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            r = SQLITE_OK;
        }
        sqlite3_finalize(st);
        return r;
    };
    // Counting the schema reads page 1 and the whole schema table: it fails on a file that is
    // not a database, a corrupt one, or one held under an exclusive lock.
    if ((rc = intPragma("SELECT count(*) FROM sqlite_schema", &p.objects)) != SQLITE_OK)
        return fail(rc);
    if ((rc = intPragma("PRAGMA application_id", &p.applicationId)) != SQLITE_OK)
        return fail(rc);
    if ((rc = intPragma("PRAGMA user_version", &p.userVersion)) != SQLITE_OK)
        return fail(rc);
    if (p.applicationId == Database::ApplicationId)
        quickCheck(h, checkMs, p);
    sqlite3_close(h);
    return p;
}

Status probeWriteLock(Database& db, int busyTimeoutMs)
{
    Transaction t(db);
    if (!t.active()) {
        if (t.error().code == Error::Code::Busy)
            return Error::make(
                Error::Code::Busy,
                QStringLiteral("Workbench busy: %1 is being written by another program; "
                               "waited %2 s")
                    .arg(nativePath(db.path()))
                    .arg(busyTimeoutMs / 1000.0));
        return t.error();
    }
    return {};
}

} // namespace

int Database::latestVersion()
{
    static const int latest = [] {
        const auto list = loadMigrations();
        return list.empty() ? 0 : list.back().version;
    }();
    return latest;
}

Status inspectFileHeader(const QString& path)
{
    const QString where = nativePath(path);
    QFileInfo info(path);
    if (!info.exists())
        return Error::make(Error::Code::NotFound, QStringLiteral("No such file: %1").arg(where));
    if (info.isDir())
        return Error::make(Error::Code::NotWorkbench,
                           QStringLiteral("Not a workbench: %1 is a folder").arg(where));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Io,
                           QStringLiteral("Cannot read %1: %2").arg(where, file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return Error::make(Error::Code::NotWorkbench,
                           QStringLiteral("Not a workbench: %1 is empty").arg(where));
    const QByteArray header = file.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (!magic.startsWith(header.left(16)) || (header.size() >= 16 && header.left(16) != magic))
        return Error::make(
            Error::Code::NotSqlite,
            QStringLiteral("Not a workbench: %1 is not an SQLite database").arg(where));
    if (header.size() < 100)
        return Error::make(
            Error::Code::Truncated,
            QStringLiteral("Damaged workbench: %1 is truncated (%2 bytes, shorter than "
                           "the 100-byte header)")
                .arg(where)
                .arg(size));
    quint32 pageSize = be(header, 16, 2);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return Error::make(Error::Code::Damaged,
                           QStringLiteral("Damaged workbench: %1 has an impossible page size (%2)")
                               .arg(where)
                               .arg(pageSize));
    const quint32 pages = be(header, 28, 4);
    // While another connection has the file open in WAL mode, a checkpoint writes page 1 (with
    // the new page count) before the pages that grow the file: for a moment the file is shorter
    // than its header says. Only a file at rest is measured against its header; SQLite itself
    // reports damage in the other case.
    const bool walActive = QFileInfo::exists(path + QStringLiteral("-wal"));
    const bool pagesValid = !walActive && pages != 0 && be(header, 24, 4) == be(header, 92, 4);
    const qint64 expected = pagesValid ? qint64(pages) * pageSize : 0;
    if (size < expected)
        return Error::make(
            Error::Code::Truncated,
            QStringLiteral("Damaged workbench: %1 is truncated (%2 bytes; its header "
                           "says %3)")
                .arg(where)
                .arg(size)
                .arg(expected));
    if (size % pageSize != 0)
        return Error::make(
            Error::Code::Truncated,
            QStringLiteral("Damaged workbench: %1 is truncated (%2 bytes is not a whole "
                           "number of %3-byte pages)")
                .arg(where)
                .arg(size)
                .arg(pageSize));
    return {};
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const OpenOptions& options)
{
    if (Status s = inspectFileHeader(path); !s)
        return s.error();
    const QString where = nativePath(path);
    QFileInfo info(path);
    const bool folderWritable = QFileInfo(info.absolutePath()).isWritable();
    const bool hadWal = QFileInfo::exists(path + QStringLiteral("-wal"));
    const bool hadShm = QFileInfo::exists(path + QStringLiteral("-shm"));
    // In a folder this user cannot write, with no log beside the file, nobody is writing it:
    // SQLite is told the file does not change, since it could not create the -shm file it needs.
    const bool immutable = !folderWritable && !hadWal && !hadShm;
    auto probed = probe(path, options.busyTimeoutMs, immutable, options.quickCheckMs);
    if (!probed)
        return probed.error();
    const Probe& p = probed.value();
    if (p.applicationId != ApplicationId) {
        if (p.objects == 0 && p.userVersion == 0)
            return Error::make(
                Error::Code::NotWorkbench,
                QStringLiteral("Not a workbench: %1 is an empty SQLite database").arg(where));
        return Error::make(
            Error::Code::NotWorkbench,
            QStringLiteral("Not a workbench: %1 is an SQLite database of another program")
                .arg(where));
    }
    if (p.userVersion > latestVersion())
        return Error::make(
            Error::Code::NewerSchema,
            QStringLiteral("Newer workbench: %1 uses schema version %2; this version "
                           "reads up to %3. Open it with a newer Findings Workbench.")
                .arg(where)
                .arg(p.userVersion)
                .arg(latestVersion()));
    if (!p.checkComplete)
        spdlog::info("the check of {} for damaged pages stopped after {} ms (its budget) with none "
                     "found so far; the rest of the file was not checked",
                     path.toStdString(), p.checkMs);
    else if (options.quickCheckMs > 0)
        spdlog::debug("checked {} for damaged pages in {} ms", path.toStdString(), p.checkMs);

    QString readOnlyReason;
    if (!p.damage.isEmpty()) {
        spdlog::warn("{} is damaged: {}; opening it read-only", path.toStdString(),
                     p.damage.toStdString());
        readOnlyReason = QStringLiteral("it is damaged");
    } else if (options.readOnly)
        readOnlyReason = QStringLiteral("opened read-only on request");
    else if (!info.isWritable() ||
             !(info.permissions() &
               QFile::WriteOwner)) // root ignores modes; the owner bit says what the person meant
        readOnlyReason = QStringLiteral("the file is read-only");
    else if (!folderWritable)
        readOnlyReason = QStringLiteral("its folder cannot be written");

    if (!readOnlyReason.isEmpty() && p.userVersion < latestVersion())
        return Error::make(
            p.damage.isEmpty() ? Error::Code::ReadOnly : Error::Code::Damaged,
            QStringLiteral("%1 workbench: %2 has schema version %3 and must be "
                           "upgraded to %4, but %5%6")
                .arg(p.damage.isEmpty() ? QStringLiteral("Read-only") : QStringLiteral("Damaged"),
                     where)
                .arg(p.userVersion)
                .arg(latestVersion())
                .arg(readOnlyReason,
                     p.damage.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.damage)));

    std::unique_ptr<Database> db(new Database);
    db->m_hadWal = hadWal;
    db->m_hadShm = hadShm;
    db->m_damage = p.damage;
    if (Status s = db->connect(path, !readOnlyReason.isEmpty(), options.busyTimeoutMs, immutable);
        !s)
        return s.error();
    db->m_readOnlyReason = readOnlyReason;
    if (!db->m_readOnly) {
        if (Status s = probeWriteLock(*db, options.busyTimeoutMs); !s)
            return s.error();
        if (Status s = db->execScript(QStringLiteral("PRAGMA journal_mode=WAL;"),
                                      QStringLiteral("switching to WAL"));
            !s)
            return s.error();
        if (p.userVersion < latestVersion())
            if (Status s = db->migrate(true); !s)
                return s.error();
    }
    db->m_version =
        p.userVersion < latestVersion() && !db->m_readOnly ? latestVersion() : p.userVersion;
    spdlog::info("opened workbench {} (schema {}{}{})", path.toStdString(), db->m_version,
                 db->m_readOnly ? ", read-only: " : "",
                 db->m_readOnly ? readOnlyReason.toStdString() : "");
    return db;
}

Result<std::unique_ptr<Database>> Database::create(const QString& path,
                                                   const std::function<Status(Database&)>& populate,
                                                   const OpenOptions& options)
{
    const QString where = nativePath(path);
    QFileInfo info(path);
    if (info.exists())
        return Error::make(Error::Code::Conflict,
                           QStringLiteral("%1 already exists; choose another name").arg(where));
    if (!QFileInfo(info.absolutePath()).isDir())
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("No such folder: %1").arg(nativePath(info.absolutePath())));
    const QString temp = info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                         QStringLiteral(".part-") +
                         QUuid::createUuid().toString(QUuid::Id128).left(8);
    auto cleanup = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(temp + QLatin1String(suffix));
    };
    {
        std::unique_ptr<Database> db(new Database);
        if (Status s = db->connect(temp, false, options.busyTimeoutMs); !s) {
            cleanup();
            return s.error();
        }
        if (Status s = db->execScript(QStringLiteral("PRAGMA journal_mode=WAL;"),
                                      QStringLiteral("switching to WAL"));
            !s) {
            db.reset();
            cleanup();
            return s.error();
        }
        if (Status s = db->migrate(false); !s) {
            db.reset();
            cleanup();
            return s.error();
        }
        if (populate) {
            if (Status s = populate(*db); !s) {
                db.reset();
                cleanup();
                return s.error();
            }
        }
        // Leave WAL mode, which folds the log into the file, so that the rename moves a complete
        // database; open() turns WAL on again.
        if (Status s = db->execScript(QStringLiteral("PRAGMA journal_mode=DELETE;"),
                                      QStringLiteral("finishing the file"));
            !s) {
            db.reset();
            cleanup();
            return s.error();
        }
    }
    if (QFileInfo(temp + QStringLiteral("-wal")).size() > 0) {
        cleanup();
        return Error::make(Error::Code::Io, QStringLiteral("Cannot finish writing %1").arg(where));
    }
    if (!QFile::rename(temp, path)) {
        cleanup();
        return Error::make(Error::Code::Io, QStringLiteral("Cannot write %1").arg(where));
    }
    cleanup();
    spdlog::info("created workbench {}", path.toStdString());
    return open(path, options);
}

Database::~Database()
{
    if (!m_connection.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            if (db.isOpen()) {
                if (sqlite3* h = handle())
                    sqlite3_commit_hook(h, nullptr, nullptr);
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(m_connection);
        releaseSidecars();
    }
}

// A read-only connection cannot remove the -wal and -shm files that reading a WAL database
// creates. When this connection made them, they are removed the way SQLite's own last connection
// does: a connection that may write is opened and closed; if no other program has the file open,
// closing it folds the (empty) log into the file and deletes both. A file that cannot be written
// at all cannot be changed by anyone else, and an empty log made here is removed directly.
void Database::releaseSidecars()
{
    if (!m_readOnly)
        return;
    const QString wal = m_path + QStringLiteral("-wal"), shm = m_path + QStringLiteral("-shm");
    const bool madeWal = !m_hadWal && QFileInfo::exists(wal);
    const bool madeShm = !m_hadShm && QFileInfo::exists(shm);
    if (!madeWal && !madeShm)
        return;
    sqlite3* h = nullptr;
    const QByteArray file = m_path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
        sqlite3_db_readonly(h, "main") == 0)
        sqlite3_exec(h, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    const bool lockedDown =
        !QFileInfo(m_path).isWritable() || !(QFileInfo(m_path).permissions() & QFile::WriteOwner);
    if (lockedDown) {
        if (madeWal && QFileInfo(wal).exists() && QFileInfo(wal).size() == 0)
            QFile::remove(wal);
        if (madeShm && !QFileInfo::exists(wal))
            QFile::remove(shm);
    }
    if (QFileInfo::exists(wal) || QFileInfo::exists(shm))
        spdlog::debug("{}: the -wal/-shm files stay: another program has the workbench open",
                      m_path.toStdString());
}

int Database::commitHook(void* self)
{
    // While a Transaction guard is open, only its own COMMIT may commit. Anything else is a
    // statement running in autocommit after SQLite rolled the transaction back by itself.
    auto* db = static_cast<Database*>(self);
    if (db->m_tx.active && !db->m_tx.committing) {
        spdlog::error(
            "refused a change to {} outside its transaction, which had already been rolled back",
            db->m_path.toStdString());
        return 1;
    }
    return 0;
}

Status Database::connect(const QString& path, bool readOnly, int busyTimeoutMs, bool immutable)
{
    m_path = path;
    m_readOnly = readOnly;
    m_connection = QStringLiteral("fwb-") + QUuid::createUuid().toString(QUuid::Id128);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(immutable ? QString::fromUtf8(sqliteName(path, true)) : path);
    QStringList opts{QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs)};
    if (readOnly)
        opts << QStringLiteral("QSQLITE_OPEN_READONLY");
    if (immutable)
        opts << QStringLiteral("QSQLITE_OPEN_URI");
    db.setConnectOptions(opts.join(QLatin1Char(';')));
    if (!db.open())
        return Error::make(
            Error::Code::Io,
            QStringLiteral("Cannot open %1: %2").arg(nativePath(path), db.lastError().text()));
    if (immutable)
        spdlog::info("{} is in a folder that cannot be written: reading it as it is on disk",
                     path.toStdString());
    if (sqlite3* h = handle()) {
        sqlite3_extended_result_codes(h, 1);
        sqlite3_commit_hook(h, &Database::commitHook, this);
    }
    return execScript(
        QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=%1;")
            .arg(busyTimeoutMs),
        QStringLiteral("configuring the connection"));
}

Status Database::migrate(bool takeBackup)
{
    int from = 0;
    {
        QSqlQuery q(sql());
        q.exec(QStringLiteral("PRAGMA user_version"));
        from = q.next() ? q.value(0).toInt() : 0;
    }
    if (from >= latestVersion())
        return {};
    if (takeBackup && from > 0) {
        QString backup = m_path + QStringLiteral(".v%1.bak").arg(from);
        for (int n = 2; QFileInfo::exists(backup); ++n)
            backup = m_path + QStringLiteral(".v%1.%2.bak").arg(from).arg(n);
        QSqlQuery b(sql());
        b.prepare(QStringLiteral("VACUUM INTO ?"));
        b.addBindValue(backup);
        if (!b.exec())
            return Error::make(Error::Code::Io,
                               QStringLiteral("Cannot back up %1 before upgrading it: %2")
                                   .arg(nativePath(m_path), b.lastError().databaseText()));
        m_backupPath = backup;
        spdlog::info("backed up {} to {} before migration", m_path.toStdString(),
                     backup.toStdString());
    }
    for (const Migration& m : loadMigrations()) {
        if (m.version <= from)
            continue;
        Transaction t(*this);
        if (!t.active())
            return t.error();
        if (from == 0 && m.version == 1) {
            if (Status s = execScript(
                    QStringLiteral("PRAGMA application_id=%1;").arg(ApplicationId), m.name);
                !s)
                return s;
        }
        if (Status s = execScript(m.sql, m.name); !s)
            return s;
        if (Status s = execScript(QStringLiteral("PRAGMA user_version=%1;").arg(m.version), m.name);
            !s)
            return s;
        QSqlQuery a(sql());
        a.prepare(QStringLiteral("INSERT INTO audit_log(actor, action, entity, entity_key, after) "
                                 "VALUES ('findings-workbench', 'migrate', 'schema', ?, ?)"));
        a.addBindValue(QString::number(m.version));
        a.addBindValue(m.name);
        if (!a.exec())
            return lastError(QStringLiteral("recording migration ") + m.name);
        if (Status s = t.commit(); !s)
            return s;
        spdlog::info("applied migration {} to {}", m.name.toStdString(), m_path.toStdString());
    }
    return {};
}

void Database::noteReadFailure(const Error& e) const
{
    spdlog::warn("query on {} failed: {}", m_path.toStdString(), e.message.toStdString());
    if (!m_readFailure)
        m_readFailure = e;
    if (m_tx.active && !m_tx.failure) {
        spdlog::warn("the change to {} is abandoned: {}", m_path.toStdString(),
                     e.message.toStdString());
        m_tx.failure = e;
    }
}

std::optional<Error> Database::transactionFailure() const
{
    if (!m_tx.active)
        return std::nullopt;
    if (!m_tx.failure) {
        sqlite3* h = handle();
        if (h && sqlite3_get_autocommit(h)) {
            // SQLite ended the transaction by itself: say why if it still knows, never go on.
            const int code = sqlite3_errcode(h) & 0xff;
            Error e =
                code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE
                    ? Error::make(Error::Code::Internal,
                                  QStringLiteral("The change to %1 was rolled back by the database "
                                                 "after an error; nothing was saved")
                                      .arg(nativePath(m_path)))
                    : lastError(QStringLiteral("the change"));
            spdlog::warn("the transaction on {} was rolled back by SQLite: {}",
                         m_path.toStdString(), e.message.toStdString());
            m_tx.failure = e;
        }
    }
    return m_tx.failure;
}

DamageCheck Database::checkForDamage(const QString& path, int budgetMs,
                                     const std::atomic<bool>* stop)
{
    DamageCheck result;
    sqlite3* h = nullptr;
    const QByteArray file = path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        result.error = QString::fromUtf8(h ? sqlite3_errmsg(h) : "cannot open");
        if (h)
            sqlite3_close(h);
        return result;
    }
    sqlite3_busy_timeout(h, 5000);
    Probe p;
    quickCheck(h, budgetMs, p, stop);
    sqlite3_close(h);
    return {p.damage, p.checkComplete, p.checkMs, {}};
}

void Database::noteDamage(const QString& damage)
{
    if (damage.isEmpty() || !m_damage.isEmpty())
        return;
    spdlog::warn("{} is damaged: {}; it is read-only from now on", m_path.toStdString(),
                 damage.toStdString());
    m_damage = damage;
    m_readOnly = true;
    m_readOnlyReason = QStringLiteral("it is damaged");
}

QString Database::damageWarning() const
{
    if (m_damage.isEmpty())
        return {};
    return QStringLiteral(
               "Damaged workbench: %1 has damaged pages (%2). It is open read-only and "
               "nothing will be written to it. Restore it from a backup, or save what can "
               "still be read with: fwb export %1 --format json -o rescued.json")
        .arg(nativePath(m_path), m_damage);
}

std::optional<Error> Database::takeReadFailure() const
{
    std::optional<Error> e;
    std::swap(e, m_readFailure);
    return e;
}

QSqlDatabase Database::sql() const
{
    return QSqlDatabase::database(m_connection, false);
}

sqlite3* Database::handle() const
{
    const QVariant v = sql().driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3* const*>(v.data());
    return nullptr;
}

Status Database::requireWritable() const
{
    if (!m_damage.isEmpty())
        return Error::make(Error::Code::Damaged, damageWarning());
    if (!m_readOnly)
        return {};
    return Error::make(Error::Code::ReadOnly,
                       QStringLiteral("Read-only workbench: %1 cannot be changed (%2)")
                           .arg(nativePath(m_path), m_readOnlyReason));
}

Status Database::execScript(const QString& script, const QString& what)
{
    char* message = nullptr;
    const QByteArray utf8 = script.toUtf8();
    if (std::optional<Error> failed = transactionFailure())
        return *failed;
    if (sqlite3_exec(handle(), utf8.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        Error e = lastError(what);
        if (e.code == Error::Code::Internal)
            e.message = QStringLiteral("%1: %2").arg(what, text);
        if (m_tx.active)
            noteReadFailure(e);
        return e;
    }
    return {};
}

QString Database::integrityCheck() const
{
    QSqlQuery q(sql());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return q.lastError().text();
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

Error Database::lastError(const QString& doing) const
{
    sqlite3* h = handle();
    const int code = h ? sqlite3_extended_errcode(h) : SQLITE_ERROR;
    const QString text = h ? QString::fromUtf8(sqlite3_errmsg(h)) : QStringLiteral("no connection");
    if (code == SQLITE_CONSTRAINT_COMMITHOOK)
        return Error::make(
            Error::Code::Internal,
            QStringLiteral("%1: refused, because the change it belongs to had already "
                           "failed and been rolled back")
                .arg(doing));
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::make(
            Error::Code::Busy,
            QStringLiteral("Workbench busy: %1 is being written by another program (%2)")
                .arg(nativePath(m_path), doing));
    case SQLITE_READONLY:
        return Error::make(Error::Code::ReadOnly,
                           QStringLiteral("Read-only workbench: %1 cannot be changed (%2)")
                               .arg(nativePath(m_path), doing));
    case SQLITE_CONSTRAINT:
        return Error::make(Error::Code::Invalid, QStringLiteral("%1: %2").arg(doing, text));
    case SQLITE_CORRUPT:
        return Error::make(
            Error::Code::Damaged,
            QStringLiteral("Damaged workbench: %1 (%2)").arg(nativePath(m_path), text));
    case SQLITE_FULL:
        return Error::make(Error::Code::Io,
                           QStringLiteral("Disk full: %1 cannot grow (%2); nothing was saved")
                               .arg(nativePath(m_path), doing));
    case SQLITE_IOERR:
        return Error::make(Error::Code::Io,
                           QStringLiteral("Cannot write %1: the disk reported an error (%2: %3)")
                               .arg(nativePath(m_path), doing, text));
    default:
        return Error::make(Error::Code::Internal, QStringLiteral("%1: %2").arg(doing, text));
    }
}

// ---- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(Database& db) : m_db(db)
{
    if (Status s = db.requireWritable(); !s) {
        m_error = s.error();
        return;
    }
    if (db.m_tx.active) {
        m_error = Error::make(Error::Code::Internal,
                              QStringLiteral("starting a change to %1 inside another change")
                                  .arg(nativePath(db.path())));
        return;
    }
    if (sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        m_error = db.lastError(QStringLiteral("starting a change"));
        return;
    }
    m_active = true;
    db.m_tx = {};
    db.m_tx.active = true;
}

Transaction::~Transaction()
{
    if (m_active)
        end();
}

void Transaction::end()
{
    // After SQLite rolled back by itself there is nothing to roll back.
    if (!sqlite3_get_autocommit(m_db.handle()))
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    m_db.m_tx = {};
    m_active = false;
}

Status Transaction::commit()
{
    if (!m_active)
        return m_error;
    if (std::optional<Error> failed = m_db.transactionFailure()) {
        end();
        m_error = *failed;
        return m_error;
    }
    m_db.m_tx.committing = true;
    const int rc = sqlite3_exec(m_db.handle(), "COMMIT", nullptr, nullptr, nullptr);
    m_db.m_tx.committing = false;
    if (rc != SQLITE_OK) {
        m_error = m_db.lastError(QStringLiteral("saving a change"));
        end();
        return m_error;
    }
    m_db.m_tx = {};
    m_active = false;
    return {};
}

// ---- Savepoint ------------------------------------------------------------------------------

Savepoint::Savepoint(Database& db) : m_db(db)
{
    if (db.inTransaction() && !db.transactionFailure())
        m_open = db.execScript(QStringLiteral("SAVEPOINT step;"), QStringLiteral("starting a step"))
                     .ok();
}

Savepoint::~Savepoint()
{
    if (m_open)
        (void)rollback();
}

Status Savepoint::release()
{
    if (!m_open)
        return m_db.transactionFailure() ? Status(*m_db.transactionFailure()) : Status();
    m_open = false;
    return m_db.execScript(QStringLiteral("RELEASE step;"), QStringLiteral("finishing a step"));
}

Status Savepoint::rollback()
{
    if (!m_open)
        return m_db.transactionFailure() ? Status(*m_db.transactionFailure()) : Status();
    m_open = false;
    return m_db.execScript(QStringLiteral("ROLLBACK TO step; RELEASE step;"),
                           QStringLiteral("undoing a step"));
}

ReadSnapshot::ReadSnapshot(Database& db, const QString& doing) : m_db(db)
{
    if (!sqlite3_get_autocommit(db.handle())) { // inside a transaction: one state already
        m_active = true;
        return;
    }
    if (Status s = db.execScript(QStringLiteral("BEGIN;"), doing); !s) {
        m_error = s.error();
        return;
    }
    m_active = m_began = true;
}

ReadSnapshot::~ReadSnapshot()
{
    if (m_began && !sqlite3_get_autocommit(m_db.handle()))
        (void)m_db.execScript(QStringLiteral("ROLLBACK;"), QStringLiteral("ending a read"));
}

} // namespace fwb
