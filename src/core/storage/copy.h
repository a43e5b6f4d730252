#pragma once
// Copying a whole workbench, file or team workbench, into a new one of either kind (`fwb copy`):
// every table the schema holds, read from the schema itself in the order its foreign keys need,
// with the same ids; then the identity sequences of a server set past the highest id, the search
// index checked against what it indexes (the triggers build it as the rows arrive), and the two
// workbenches compared table by table: row counts and a digest of every row in key order.
//
// Nothing half-written is left: a file is built beside its name and renamed into place when the
// copy is complete and verified (Database::create), a server's database is filled in one
// transaction, committed only after the verification.

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

namespace fwb {

class Database;

namespace copying {

// One table of a workbench as the copy and its check see it.
struct TableDigest {
    QString table;
    qint64 rows = 0;
    QByteArray sha256; // of every row in key order, each value in a canonical form
};

struct CopyReport {
    QList<TableDigest> tables; // in the order they were copied
    qint64 rows = 0;
    qint64 searchRows = 0; // rows of the search index the destination built
    QByteArray digest;     // of all the tables' digests, for both workbenches
    qint64 ms = 0;
};

// The tables whose rows make a workbench, parents before children. Derived data (the search
// index and its partitions, FTS5's own tables) and the database's bookkeeping are left out.
Result<QStringList> tablesInOrder(const Database& db);

// The digest of each of those tables, and of them all in `total`.
Result<QList<TableDigest>> digest(const Database& db, QByteArray* total = nullptr);

// Copies the workbench at `source` into `destination`, which must not exist (a file) or must be
// an empty database (a server). `progress` is told of each table as it is copied.
Result<CopyReport> copyWorkbench(const QString& source, const QString& destination,
                                 const std::function<void(const QString&)>& progress = {});

} // namespace copying
} // namespace fwb
