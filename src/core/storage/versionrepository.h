#pragma once
// VersionRepository: the version every editable row carries (migration 0009), and the guard a
// save takes on it. A service reads the row, then claims it with the version it read: the claim
// adds one to the version only when the row still has that version, in one UPDATE — on a server
// that statement also holds the row until the transaction ends, so two saves of one row can never
// both pass. A claim that finds the row moved on is refused as Stale; the service then says who
// changed it (from the audit log) and what it holds now.

#include "core/domain/types.h"
#include "core/storage/database.h"
#include "core/util/result.h"

namespace fwb {

// The kinds of row that carry a version.
enum class Versioned {
    Finding,
    Judgment,
    Section,
    Evidence, // a sample, with its strata and measures
    Metric,
    Document, // the particulars
    ReviewNote,
    Response,
};

class VersionRepository {
public:
    explicit VersionRepository(Database& db) : m_db(db) {}

    // The stored version of a row by id; NotFound when there is no such row.
    Result<qint64> version(Versioned kind, Id id) const;
    // Adds one to the row's version when it is still `read`; returns the new version. Stale (with
    // no detail) when the row has another version, NotFound when there is no row.
    Result<qint64> claim(Versioned kind, Id id, qint64 read);

    // Who last changed a record and when, from the audit log ("", "" when nothing is recorded).
    struct LastChange {
        QString actor, at;
    };
    LastChange lastChange(const QString& entity, const QString& key) const;

private:
    Database& m_db;
};

} // namespace fwb
