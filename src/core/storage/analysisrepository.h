#pragma once
// AnalysisRepository: the read queries of analysis (services/analysis.h) that no other
// repository answers — the follow-up list read a page at a time, and counted from the index.

#include "core/domain/types.h"
#include "core/util/result.h"

#include <QList>
#include <QStringList>

namespace fwb {

class Database;

class AnalysisRepository {
public:
    explicit AnalysisRepository(const Database& db) : m_db(db) {}

    // Every programme as ReferenceRepository::programmes() reads it but without its questions, by
    // year then code: what a profile or a list of findings needs to name where each comes from.
    Result<QList<Programme>> programmes() const;
    // The findings of these kinds, of these forces (none: every force), from the
    // findings_kind index alone.
    Result<int> countFindings(const QStringList& kinds, const QStringList& forceCodes = {}) const;
    // Of one force in one programme, the findings of these kinds in the order of their questions
    // (then position), `limit` of them after the first `offset`: read through findings_place, so
    // that a page reads what it shows. A negative limit or offset is refused.
    Result<QList<Finding>> findingsOfKinds(const QString& programmeCode, const QString& forceCode,
                                           const QStringList& kinds, int limit,
                                           int offset = 0) const;

private:
    const Database& m_db;
};

} // namespace fwb
