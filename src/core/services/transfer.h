#pragma once
// Transfer: import and export of interchange JSON and judgments CSV. An import validates and
// writes inside one transaction with an audit entry per record; any error rolls everything back.

#include "core/io/interchange.h"
#include "core/storage/database.h"

#include <functional>

namespace fwb {

struct ImportReport {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    QString summary() const;
};

struct ExportScope {
    QString programme; // empty: all
    QString force;     // empty: all
};

namespace transfer {

// Writes parsed interchange data. `name` prefixes error messages.
Result<ImportReport> importInterchange(Database& db, const Interchange& data, const QString& name,
                                       const QString& actor);
// Names the place of record `index` of `array` in the input, for errors ("findings[3]", "row 7").
using PathNamer = std::function<QString(const QString& array, int index)>;
// Writes inside a transaction the caller holds.
Result<ImportReport> writeInterchange(Database& db, const Interchange& data, const QString& name,
                                      const QString& actor, const PathNamer& describe);
Result<ImportReport> importJson(Database& db, const QByteArray& json, const QString& name,
                                const QString& actor);
Result<ImportReport> importJudgmentsCsv(Database& db, const QByteArray& csv, const QString& name,
                                        const QString& actor);

// Reads the workbench (or a slice) into interchange form, in a stable order.
Result<Interchange> collect(const Database& db, const ExportScope& scope);
Result<QByteArray> exportJson(const Database& db, const ExportScope& scope);
Result<QByteArray> exportJudgmentsCsv(const Database& db, const ExportScope& scope);

} // namespace transfer
} // namespace fwb
