#pragma once
// FollowUpRepository: how later inspections found earlier findings (see services/followups.h).

#include "core/storage/referencerepository.h"

namespace fwb {

class FollowUpRepository {
public:
    explicit FollowUpRepository(Database& db) : m_db(db) {}

    // Every assessment, oldest inspection first; of one finding when `findingUid` is given.
    QList<FollowUp> followUps(const QString& findingUid = {}) const;
    // The force and kind of every finding that has an assessment, by finding uid: one query.
    QHash<QString, std::pair<QString, QString>> assessedFindings() const;
    // Inserts or replaces the assessment of a finding in a programme.
    Status upsert(const FollowUp& f);
    Status remove(const QString& findingUid, const QString& programmeCode);

private:
    Database& m_db;
};

} // namespace fwb
