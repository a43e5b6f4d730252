#include "core/storage/copy.h"

#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/searchindex.h"
#include "core/storage/transaction.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::copying {
namespace {

bool onServer(const Database& db)
{
    return db.backend() == Backend::Postgres;
}

// A name read from the schema, quoted for SQL (names are never typed by a person here).
QString quoted(const QString& name)
{
    return QLatin1Char('"') + QString(name).replace(u"\""_s, u"\"\""_s) + QLatin1Char('"');
}

struct Column {
    QString name;
    bool text = false;
    bool notNull = false;
    int pk = 0; // position in the primary key, from 1; 0 when not in it
    bool identity = false;
};

struct Table {
    QString name;
    QList<Column> columns;
    QList<std::pair<QString, QString>> parents; // column, the table it refers to
    QSet<QString> deferred; // columns written after every table is in (a cycle, a self-reference)

    QStringList keyColumns() const
    {
        QList<const Column*> key;
        for (const Column& c : columns)
            if (c.pk > 0)
                key << &c;
        std::sort(key.begin(), key.end(), [](auto* a, auto* b) { return a->pk < b->pk; });
        QStringList out;
        for (const Column* c : key)
            out << c->name;
        return out;
    }
};

// Derived data and the database's own bookkeeping: not copied, rebuilt or kept by the destination.
bool derived(const QString& name, const QSet<QString>& virtualTables)
{
    static const QRegularExpression partition(u"^search_p[0-9]+$"_s);
    if (name.startsWith(u"sqlite_"_s) || name == u"search_index"_s ||
        partition.match(name).hasMatch())
        return true;
    for (const QString& v : virtualTables) // FTS5's shadow tables: search_index_data, …
        if (name.startsWith(v + u"_"_s))
            return true;
    return false;
}

Result<QList<Table>> readTables(const Database& db)
{
    QList<Table> out;
    QSet<QString> virtualTables;
    const bool server = onServer(db);
    {
        Query names(db, server ? u"SELECT table_name, '' FROM information_schema.tables WHERE "
                                 u"table_schema = current_schema() AND table_type = 'BASE TABLE' "
                                 u"ORDER BY table_name"_s
                               : u"SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER "
                                 u"BY name"_s);
        if (Status s = names.exec({}, u"reading the tables of the workbench"_s); !s)
            return s.error();
        QList<std::pair<QString, QString>> all;
        while (names.next()) {
            all.push_back({names.text(0), names.text(1)});
            if (names.text(1).startsWith(u"CREATE VIRTUAL TABLE"_s, Qt::CaseInsensitive))
                virtualTables.insert(names.text(0));
        }
        for (const auto& [name, sql] : all)
            if (!derived(name, virtualTables) && !virtualTables.contains(name))
                out.push_back({name, {}, {}, {}});
    }
    for (Table& t : out) {
        Query cols(
            db, server ? u"SELECT c.column_name, c.data_type, c.is_nullable = 'NO', "
                         u"coalesce(array_position(i.indkey::int2[], a.attnum), 0), "
                         u"c.is_identity = 'YES' FROM information_schema.columns c "
                         u"JOIN pg_attribute a ON a.attrelid = CAST(quote_ident(c.table_name) "
                         u"AS regclass) AND a.attname = c.column_name "
                         u"LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary "
                         u"WHERE c.table_schema = current_schema() AND c.table_name = ? "
                         u"ORDER BY c.ordinal_position"_s
                       : u"SELECT name, type, \"notnull\", pk, 0 FROM pragma_table_info(?) ORDER "
                         u"BY cid"_s);
        if (Status s = cols.exec({t.name}, u"reading the columns of "_s + t.name); !s)
            return s.error();
        while (cols.next()) {
            const QString type = cols.text(1).toLower();
            t.columns.push_back({cols.text(0), type.contains(u"text"_s) || type.contains(u"char"_s),
                                 cols.integer(2) != 0, int(cols.integer(3)), cols.integer(4) != 0});
        }
        Query keys(db, server ? u"SELECT CAST(c.confrelid AS regclass)::text, a.attname FROM "
                                u"pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid "
                                u"AND a.attnum = ANY(c.conkey) WHERE c.contype = 'f' AND "
                                u"c.conrelid = CAST(quote_ident(?) AS regclass)"_s
                              : u"SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)"_s);
        if (Status s = keys.exec({t.name}, u"reading the references of "_s + t.name); !s)
            return s.error();
        while (keys.next()) {
            QString parent = keys.text(0);
            parent.remove(QLatin1Char('"'));
            t.parents.push_back({keys.text(1), parent.section(QLatin1Char('.'), -1)});
        }
    }
    return out;
}

// Parents before children. A table in a cycle (people and forces refer to each other) or that
// refers to itself has those columns written after every row is in, which needs them nullable.
Result<QList<Table>> ordered(QList<Table> tables)
{
    QList<Table> out;
    QSet<QString> placed;
    QSet<QString> present;
    for (const Table& t : tables)
        present.insert(t.name);
    while (!tables.isEmpty()) {
        qsizetype pick = -1;
        int fewest = INT_MAX;
        for (qsizetype i = 0; i < tables.size(); ++i) {
            // Stuck in a cycle, a table whose missing references may be empty for a while.
            int missing = 0;
            for (const auto& [column, parent] : tables[i].parents)
                if (parent != tables[i].name && present.contains(parent) &&
                    !placed.contains(parent)) {
                    ++missing;
                    for (const Column& c : tables[i].columns)
                        if (c.name == column && c.notNull)
                            missing += 1000;
                }
            if (missing < fewest) {
                fewest = missing;
                pick = i;
            }
        }
        Table t = tables.takeAt(pick);
        for (const auto& [column, parent] : t.parents)
            if (parent == t.name || (present.contains(parent) && !placed.contains(parent)))
                t.deferred.insert(column);
        for (const QString& column : t.deferred) {
            for (const Column& c : t.columns)
                if (c.name == column && c.notNull)
                    return Error::make(Error::Code::Internal,
                                       u"Cannot copy %1: its column %2 refers to a table that "
                                       u"refers back and may not be empty"_s.arg(t.name, column));
            if (t.keyColumns().size() != 1)
                return Error::make(
                    Error::Code::Internal,
                    u"Cannot copy %1: it refers to itself and has no single key"_s.arg(t.name));
        }
        placed.insert(t.name);
        out.push_back(std::move(t));
    }
    return out;
}

Result<QList<Table>> schemaOf(const Database& db)
{
    auto tables = readTables(db);
    if (!tables)
        return tables.error();
    return ordered(std::move(tables).value());
}

// A value in a form both backends give alike: a tag, the length and the bytes.
void feed(QCryptographicHash& h, const QVariant& v)
{
    QByteArray bytes;
    char tag = 'T';
    if (v.isNull()) {
        tag = 'N';
    } else {
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Bool:
            tag = 'I';
            bytes = QByteArray::number(v.toLongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            tag = 'R';
            bytes = QByteArray::number(v.toDouble(), 'g', 17);
            break;
        case QMetaType::QByteArray:
            tag = 'B';
            bytes = v.toByteArray();
            break;
        default:
            bytes = v.toString().toUtf8();
        }
    }
    h.addData(QByteArrayView(&tag, 1));
    h.addData(QByteArray(QByteArray::number(bytes.size()) + ':'));
    h.addData(bytes);
}

// The columns in name order, the rows in key order (bytewise for text, as SQLite compares it).
QString readAllSql(const Database& db, const Table& t, bool byName)
{
    QList<Column> cols = t.columns;
    if (byName)
        std::sort(cols.begin(), cols.end(),
                  [](const Column& a, const Column& b) { return a.name < b.name; });
    QStringList names, order;
    for (const Column& c : cols)
        names << quoted(c.name);
    QStringList key = t.keyColumns();
    if (key.isEmpty())
        for (const Column& c : cols)
            key << c.name;
    for (const QString& k : key) {
        bool text = false;
        for (const Column& c : t.columns)
            text = text || (c.name == k && c.text);
        order << quoted(k) + (text && onServer(db) ? u" COLLATE \"C\""_s : QString());
    }
    return u"SELECT "_s + names.join(u", "_s) + u" FROM "_s + quoted(t.name) + u" ORDER BY "_s +
           order.join(u", "_s);
}

Result<QList<TableDigest>> digestTables(const Database& db, const QList<Table>& tables,
                                        QByteArray* total)
{
    QList<TableDigest> out;
    QCryptographicHash all(QCryptographicHash::Sha256);
    for (const Table& t : tables) {
        Query rows(db, readAllSql(db, t, true));
        if (Status s = rows.exec({}, u"reading "_s + t.name); !s)
            return s.error();
        QCryptographicHash h(QCryptographicHash::Sha256);
        TableDigest d{t.name, 0, {}};
        const int n = int(t.columns.size());
        while (rows.next()) {
            for (int i = 0; i < n; ++i)
                feed(h, rows.value(i));
            ++d.rows;
        }
        if (std::optional<Error> failed = db.takeReadFailure())
            return *failed;
        d.sha256 = h.result();
        all.addData(
            QByteArray(t.name.toUtf8() + ':' + QByteArray::number(d.rows) + ':' + d.sha256));
        out.push_back(std::move(d));
    }
    if (total)
        *total = all.result();
    return out;
}

// Copies one table's rows in statements of several rows each, the deferred columns left empty and
// noted (key, value) to be written afterwards.
Status copyRows(const Database& from, Database& to, const Table& t,
                QHash<QString, QList<std::pair<QVariant, QVariant>>>& later, qint64& copied)
{
    Query rows(from, readAllSql(from, t, false));
    if (Status s = rows.exec({}, u"reading "_s + t.name); !s)
        return s;
    const int n = int(t.columns.size());
    const QString key = t.keyColumns().value(0);
    int keyAt = -1;
    QList<int> deferredAt;
    QStringList names;
    for (int i = 0; i < n; ++i) {
        names << quoted(t.columns[i].name);
        if (t.columns[i].name == key)
            keyAt = i;
        if (t.deferred.contains(t.columns[i].name))
            deferredAt << i;
    }
    const int perStatement = qMax(1, 2000 / n);
    const QString one = u"("_s + QStringList(n, u"?"_s).join(u", "_s) + u")"_s;
    const QString head =
        u"INSERT INTO "_s + quoted(t.name) + u" ("_s + names.join(u", "_s) + u") VALUES "_s;
    QList<QVariant> values;
    int pending = 0;
    auto flush = [&]() -> Status {
        if (pending == 0)
            return {};
        Query insert(to, head + QStringList(pending, one).join(u", "_s));
        if (Status s = insert.execValues(values, u"copying "_s + t.name); !s)
            return s;
        copied += pending;
        values.clear();
        pending = 0;
        return {};
    };
    while (rows.next()) {
        for (int i = 0; i < n; ++i) {
            QVariant v = rows.value(i);
            if (v.isNull())
                v = QVariant(); // a NULL, not the empty text a null QString would bind as
            if (deferredAt.contains(i) && v.isValid()) {
                later[t.name + QLatin1Char('\x1f') + t.columns[i].name].push_back(
                    {rows.value(keyAt), v});
                v = QVariant();
            }
            values << v;
        }
        if (++pending == perStatement)
            if (Status s = flush(); !s)
                return s;
    }
    if (std::optional<Error> failed = from.takeReadFailure())
        return *failed;
    return flush();
}

Status fill(const Database& from, Database& to, const QList<Table>& tables, CopyReport& report,
            const std::function<void(const QString&)>& progress)
{
    Transaction tx(to);
    if (!tx.active())
        return tx.error();
    // A new workbench records its own migrations and may hold seeded rows: emptied, children
    // first, so that it holds what the source holds and nothing else.
    for (qsizetype i = tables.size() - 1; i >= 0; --i) {
        Query clear(to, u"DELETE FROM "_s + quoted(tables[i].name));
        if (Status s = clear.exec({}, u"emptying "_s + tables[i].name); !s)
            return s;
    }
    QHash<QString, QList<std::pair<QVariant, QVariant>>> later;
    for (const Table& t : tables) {
        if (progress)
            progress(t.name);
        qint64 copied = 0;
        if (Status s = copyRows(from, to, t, later, copied); !s)
            return s;
        report.rows += copied;
        spdlog::debug("copied {} rows of {}", copied, t.name.toStdString());
    }
    for (const Table& t : tables)
        for (const QString& column : t.deferred) {
            Query set(to, u"UPDATE "_s + quoted(t.name) + u" SET "_s + quoted(column) +
                              u" = ? WHERE "_s + quoted(t.keyColumns().value(0)) + u" = ?"_s);
            for (const auto& [key, value] : later.value(t.name + QLatin1Char('\x1f') + column))
                if (Status s = set.exec({value, key}, u"copying "_s + t.name); !s)
                    return s;
        }
    if (onServer(to))
        for (const Table& t : tables)
            for (const Column& c : t.columns)
                if (c.identity) {
                    Query reset(to, u"SELECT setval(pg_get_serial_sequence(?, ?), coalesce((SELECT "
                                    u"max("_s +
                                        quoted(c.name) + u") FROM "_s + quoted(t.name) +
                                        u"), 0) + 1, false)"_s);
                    if (auto s = reset.scalar({quoted(t.name), c.name},
                                              u"setting the next id of "_s + t.name);
                        !s)
                        return s.error();
                }

    // The search index was built by the triggers as the rows arrived: one row for each finding,
    // judgment and section.
    qint64 indexed = 0;
    for (const QString& source : {u"findings"_s, u"judgments"_s, u"document_sections"_s}) {
        Query n(to, u"SELECT count(*) FROM "_s + quoted(source));
        auto v = n.scalar({}, u"counting "_s + source);
        if (!v)
            return v.error();
        indexed += v->toLongLong();
    }
    auto searchRows = SearchIndex(to).count();
    if (!searchRows)
        return searchRows.error();
    if (*searchRows != indexed)
        return Error::make(Error::Code::Internal,
                           u"The copy's search index holds %1 rows for %2 findings, judgments and "
                           u"sections"_s.arg(*searchRows)
                               .arg(indexed));
    report.searchRows = *searchRows;

    // Verified before anything is committed: the same rows in every table.
    if (progress)
        progress(u"verifying"_s);
    QByteArray theirs;
    auto copiedDigest = digestTables(to, tables, &theirs);
    if (!copiedDigest)
        return copiedDigest.error();
    for (qsizetype i = 0; i < tables.size(); ++i)
        if (copiedDigest->at(i).rows != report.tables[i].rows ||
            copiedDigest->at(i).sha256 != report.tables[i].sha256)
            return Error::make(Error::Code::Internal,
                               u"The copy of %1 differs from the source (%2 rows, %3 in the copy); "
                               u"nothing was written"_s.arg(tables[i].name)
                                   .arg(report.tables[i].rows)
                                   .arg(copiedDigest->at(i).rows));
    if (theirs != report.digest)
        return Error::make(Error::Code::Internal,
                           u"The copy differs from the source; nothing was written"_s);
    return tx.commit();
}

} // namespace

Result<QStringList> tablesInOrder(const Database& db)
{
    auto tables = schemaOf(db);
    if (!tables)
        return tables.error();
    QStringList out;
    for (const Table& t : *tables)
        out << t.name;
    return out;
}

Result<QList<TableDigest>> digest(const Database& db, QByteArray* total)
{
    auto tables = schemaOf(db);
    if (!tables)
        return tables.error();
    return digestTables(db, *tables, total);
}

Result<CopyReport> copyWorkbench(const QString& source, const QString& destination,
                                 const std::function<void(const QString&)>& progress)
{
    QElapsedTimer clock;
    clock.start();
    if (source == destination)
        return Error::make(Error::Code::Invalid, u"The source and the destination are the same"_s);
    OpenOptions readOnly;
    readOnly.readOnly = true;
    auto from = Database::open(source, readOnly);
    if (!from)
        return from.error();
    Database& src = **from;
    ReadSnapshot snapshot(src, u"starting to read the source"_s);
    if (!snapshot.active())
        return snapshot.error();
    auto tables = schemaOf(src);
    if (!tables)
        return tables.error();

    CopyReport report;
    auto sourceDigest = digestTables(src, *tables, &report.digest);
    if (!sourceDigest)
        return sourceDigest.error();
    report.tables = *sourceDigest;

    auto populate = [&](Database& to) -> Status {
        if (to.schemaVersion() != 0 && to.schemaVersion() != src.schemaVersion())
            return Error::make(Error::Code::Invalid,
                               u"The source has schema version %1 and the destination %2"_s
                                   .arg(src.schemaVersion())
                                   .arg(to.schemaVersion()));
        auto theirs = schemaOf(to);
        if (!theirs)
            return theirs.error();
        QHash<QString, QSet<QString>> columns;
        for (const Table& t : *theirs)
            for (const Column& c : t.columns)
                columns[t.name].insert(c.name);
        for (const Table& t : *tables) {
            if (!columns.contains(t.name))
                return Error::make(Error::Code::Invalid,
                                   u"The destination has no table %1"_s.arg(t.name));
            for (const Column& c : t.columns)
                if (!columns[t.name].contains(c.name))
                    return Error::make(
                        Error::Code::Invalid,
                        u"The destination's table %1 has no column %2"_s.arg(t.name, c.name));
            columns.remove(t.name);
        }
        if (!columns.isEmpty())
            return Error::make(Error::Code::Invalid,
                               u"The destination has tables the source lacks: %1"_s.arg(
                                   QStringList(columns.keys()).join(u", "_s)));
        return fill(src, to, *tables, report, progress);
    };
    auto made = Database::create(destination, populate);
    if (!made)
        return made.error();
    report.ms = clock.elapsed();
    spdlog::info("copied {} rows of {} tables from {} to {} in {} ms", report.rows,
                 report.tables.size(), source.toStdString(), destination.toStdString(), report.ms);
    return report;
}

} // namespace fwb::copying
