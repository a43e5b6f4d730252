#pragma once
// Query: a prepared statement with bound values and errors translated for a person. Every value
// goes through a placeholder; nothing is concatenated into SQL. Inside a Transaction, a failed
// statement fails the transaction (see transaction.h) and no later statement runs.

#include "core/domain/types.h"
#include "core/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>
#include <optional>

namespace fwb {

inline QVariant nullable(const QString& s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}
inline QVariant nullable(Id id)
{
    return id ? QVariant(id) : QVariant();
}
template <class T> QVariant nullable(const std::optional<T>& v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

class Query {
public:
    Query(const Database& db, const QString& sql) : m_db(db), m_q(db.sql())
    {
        m_q.setForwardOnly(true);
        m_prepared = m_q.prepare(sql);
        m_sql = sql;
    }

    // Binds the values in order and runs the statement. `doing` names the action for errors.
    Status exec(std::initializer_list<QVariant> values = {}, const QString& doing = {})
    {
        return execValues(QList<QVariant>(values), doing);
    }
    // The same, for a list of values built at run time.
    Status execValues(const QList<QVariant>& values, const QString& doing = {})
    {
        // After a failure inside the transaction nothing more may run: SQLite may already have
        // rolled it back, and this statement would then commit on its own.
        if (std::optional<Error> failed = m_db.transactionFailure())
            return *failed;
        if (!m_prepared) {
            Error e =
                m_db.lastError(QStringLiteral("preparing ") + (doing.isEmpty() ? m_sql : doing));
            m_db.noteReadFailure(e);
            return e;
        }
        // A null QString would bind as SQL NULL; text columns want ''. Intended NULLs are passed
        // as an invalid QVariant (see nullable()).
        for (const QVariant& v : values)
            m_q.addBindValue(v.typeId() == QMetaType::QString && v.toString().isNull()
                                 ? QVariant(QStringLiteral(""))
                                 : v);
        if (!m_q.exec()) {
            Error e = m_db.lastError(doing.isEmpty() ? QStringLiteral("a query") : doing);
            m_db.noteReadFailure(e);
            return e;
        }
        return {};
    }
    bool next()
    {
        if (m_q.next())
            return true;
        if (m_q.lastError().isValid()) // stepping failed part-way, not the end of the rows
            m_db.noteReadFailure(m_db.lastError(QStringLiteral("reading ") + m_sql.left(60)));
        return false;
    }
    QVariant value(int i) const { return m_q.value(i); }
    QString text(int i) const { return m_q.value(i).toString(); }
    qint64 integer(int i) const { return m_q.value(i).toLongLong(); }
    QVariant lastInsertId() const { return m_q.lastInsertId(); }
    int rowsAffected() const { return m_q.numRowsAffected(); }

    // Runs the statement and returns the first column of the first row (invalid when none).
    Result<QVariant> scalar(std::initializer_list<QVariant> values = {}, const QString& doing = {})
    {
        if (Status s = exec(values, doing); !s)
            return s.error();
        const QVariant v = next() ? m_q.value(0) : QVariant();
        // An INSERT … RETURNING not stepped to its end stays active and would make COMMIT fail.
        m_q.finish();
        if (m_db.inTransaction())
            if (std::optional<Error> failed = m_db.transactionFailure())
                return *failed;
        return v;
    }

private:
    const Database& m_db;
    QSqlQuery m_q;
    QString m_sql;
    bool m_prepared = false;
};

// A finding read from a row of the columns every findings query selects, in this order: id, uid,
// programme code, force code, question code, kind, text, status, updated_at, position, evidence
// uids joined by char(31), version. Defined in draftrepository.cpp.
struct Finding;
Finding readFindingRow(const Query& row);

} // namespace fwb
