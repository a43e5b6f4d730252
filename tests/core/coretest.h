#pragma once
// Helpers for the core tests: workbenches built from the small fixtures under
// tests/fixtures/core (independent of the bundled data), raw SQLite access and file checks.

#include "testsupport.h"

#include "core/changes.h"
#include "core/services/transfer.h"
#include "core/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <memory>
#include <ostream>

// Lets Catch print QStrings and QByteArrays in failure messages.
inline std::ostream& operator<<(std::ostream& os, const QString& s)
{
    return os << s.toStdString();
}
inline std::ostream& operator<<(std::ostream& os, const QByteArray& b)
{
    return os << "QByteArray(" << b.size() << " bytes)";
}
namespace fwb {
// And change sets, as the log writes them.
inline std::ostream& operator<<(std::ostream& os, const ChangeSet& c)
{
    return os << "{" << describe(c).toStdString() << "}";
}
} // namespace fwb

namespace coretest {

inline const QString kActor = QStringLiteral("test-actor");
inline const QString kProgramme = QStringLiteral("peel-test-2015");

inline QString referenceFixture()
{
    return fwb::test::fixture(QStringLiteral("core/reference.json"));
}
inline QString materialFixture()
{
    return fwb::test::fixture(QStringLiteral("core/material.json"));
}

inline QString message(const fwb::Error& e)
{
    return e.message;
}

// Imports a JSON file into db, requiring success.
inline fwb::ImportReport importJsonFile(fwb::Database& db, const QString& file)
{
    auto r = fwb::transfer::importJson(db, fwb::test::readFile(file), QFileInfo(file).fileName(),
                                       kActor);
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r.ok());
    return r.value();
}

// Creates a workbench at path holding the schema and the given interchange files.
inline std::unique_ptr<fwb::Database> createWorkbench(const QString& path,
                                                      const QStringList& jsonFiles = {},
                                                      const fwb::OpenOptions& options = {})
{
    auto populate = [&](fwb::Database& db) -> fwb::Status {
        for (const QString& f : jsonFiles) {
            auto r = fwb::transfer::importJson(db, fwb::test::readFile(f), QFileInfo(f).fileName(),
                                               kActor);
            if (!r)
                return r.error();
        }
        return {};
    };
    auto db = fwb::Database::create(path, populate, options);
    INFO((db ? QString() : db.error().message).toStdString());
    REQUIRE(db.ok());
    return std::move(db).value();
}

inline std::unique_ptr<fwb::Database> createReferenceWorkbench(const QString& path)
{
    return createWorkbench(path, {referenceFixture()});
}

inline std::unique_ptr<fwb::Database> createMaterialWorkbench(const QString& path)
{
    return createWorkbench(path, {referenceFixture(), materialFixture()});
}

inline std::unique_ptr<fwb::Database> openWorkbench(const QString& path,
                                                    const fwb::OpenOptions& options = {})
{
    auto db = fwb::Database::open(path, options);
    INFO((db ? QString() : db.error().message).toStdString());
    REQUIRE(db.ok());
    return std::move(db).value();
}

// Runs one statement through the Qt connection and returns the first column of the first row.
inline QVariant scalar(const fwb::Database& db, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(db.sql());
    REQUIRE(q.prepare(sql));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    INFO(sql.toStdString() << " -> " << q.lastError().text().toStdString());
    REQUIRE(q.exec());
    return q.next() ? q.value(0) : QVariant();
}

inline qint64 count(const fwb::Database& db, const QString& table)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
}

// Row counts of every ordinary table (the search index's shadow tables included).
inline QMap<QString, qint64> tableCounts(const fwb::Database& db)
{
    QStringList tables;
    {
        QSqlQuery q(db.sql());
        REQUIRE(q.exec(QStringLiteral(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")));
        while (q.next())
            tables << q.value(0).toString();
    }
    QMap<QString, qint64> out;
    for (const QString& t : tables)
        out.insert(t, count(db, QLatin1Char('"') + t + QLatin1Char('"')));
    return out;
}

// A raw SQLite connection, independent of Qt, for building and inspecting files by hand.
class RawDb {
public:
    explicit RawDb(const QString& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    {
        const QByteArray p = path.toUtf8();
        m_rc = sqlite3_open_v2(p.constData(), &m_h, flags, nullptr);
    }
    ~RawDb() { close(); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    bool ok() const { return m_rc == SQLITE_OK && m_h; }
    sqlite3* handle() const { return m_h; }
    void close()
    {
        if (m_h)
            sqlite3_close(m_h);
        m_h = nullptr;
    }
    // Returns the result code; errorMessage() says why when it is not SQLITE_OK.
    int exec(const QString& sql)
    {
        char* msg = nullptr;
        const QByteArray s = sql.toUtf8();
        const int rc = sqlite3_exec(m_h, s.constData(), nullptr, nullptr, &msg);
        m_error = msg ? QString::fromUtf8(msg) : QString();
        sqlite3_free(msg);
        return rc;
    }
    void execOrFail(const QString& sql)
    {
        const int rc = exec(sql);
        INFO(sql.toStdString() << " -> " << m_error.toStdString());
        REQUIRE(rc == SQLITE_OK);
    }
    // First column of the first row as text (null when there is none), requiring success.
    QString text(const QString& sql)
    {
        sqlite3_stmt* st = nullptr;
        const QByteArray s = sql.toUtf8();
        int rc = sqlite3_prepare_v2(m_h, s.constData(), -1, &st, nullptr);
        INFO(sql.toStdString() << " -> " << sqlite3_errmsg(m_h));
        REQUIRE(rc == SQLITE_OK);
        rc = sqlite3_step(st);
        QString out;
        if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
            out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
        REQUIRE((rc == SQLITE_ROW || rc == SQLITE_DONE));
        return out;
    }
    qint64 integer(const QString& sql) { return text(sql).toLongLong(); }
    const QString& errorMessage() const { return m_error; }

private:
    sqlite3* m_h = nullptr;
    int m_rc = SQLITE_ERROR;
    QString m_error;
};

inline bool exists(const QString& path)
{
    return QFileInfo::exists(path);
}

// Full bytes of a file (empty when it does not exist).
inline QByteArray bytesOf(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Parses interchange JSON into an object, requiring that it parses.
inline QJsonObject jsonObject(const QByteArray& json)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(json, &e);
    INFO(e.errorString().toStdString());
    REQUIRE(e.error == QJsonParseError::NoError);
    REQUIRE(d.isObject());
    return d.object();
}

} // namespace coretest
