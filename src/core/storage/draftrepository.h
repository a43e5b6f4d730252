#pragma once
// DraftRepository: the material inspectors draft for one force and programme — judgments,
// findings, evidence samples and metrics. Writes insert or update by natural key or uid.

#include "core/storage/referencerepository.h"

namespace fwb {

struct QuestionCounts {
    QString questionCode;
    QString kind;
    int count = 0;
};

struct FindingTally {
    QString programmeCode, forceCode, kind;
    int count = 0;
};

class DraftRepository {
public:
    explicit DraftRepository(Database& db) : m_db(db), m_ref(db) {}

    QList<Judgment> judgments(const QString& programmeCode, const QString& forceCode = {}) const;
    std::optional<Judgment> judgment(const QString& programmeCode, const QString& forceCode,
                                     const QString& questionCode) const;
    QList<Finding> findings(const QString& programmeCode, const QString& forceCode = {},
                            const QString& questionCode = {}) const;
    std::optional<Finding> finding(const QString& uid) const;
    // The findings of these kinds of one force in a programme, by question and place; at most
    // `limit` of them (all when negative).
    QList<Finding> findingsOfKinds(const QString& programmeCode, const QString& forceCode,
                                   const QStringList& kinds, int limit = -1) const;
    QList<EvidenceSample> evidence(const QString& programmeCode,
                                   const QString& forceCode = {}) const;
    std::optional<EvidenceSample> evidenceSample(const QString& uid) const;
    QList<Metric> metrics(const QString& programmeCode, const QString& forceCode = {}) const;
    std::optional<Metric> metric(const QString& uid) const;

    // Codes of the forces with any judgment, finding, evidence, metric or document in a programme.
    QStringList forcesWithMaterial(const QString& programmeCode) const;

    // Every judgment of a programme with its grade, as the judgment matrix reads them.
    struct GradedJudgment {
        QString forceCode, questionCode, gradeCode, gradeLabel, summary;
        int rank = 0;
    };
    Result<QList<GradedJudgment>> gradedJudgments(const QString& programmeCode) const;
    // Findings per question and kind for one force and programme.
    QList<QuestionCounts> findingCounts(const QString& programmeCode,
                                        const QString& forceCode) const;
    // Findings per programme, force and kind across the workbench (of one force, or of every force
    // when empty), counted from the index without reading a finding.
    QList<FindingTally> findingTally(const QString& forceCode = {}) const;
    // How many findings of these kinds the forces have (every force when none are named), across
    // the programmes: one pass over the index, without grouping.
    Result<int> countFindings(const QStringList& kinds, const QStringList& forceCodes = {}) const;

    Result<Upserted> upsertJudgment(const Judgment& j);
    Result<Upserted> upsertFinding(const Finding& f);
    Result<Upserted> upsertEvidence(const EvidenceSample& e);
    Result<Upserted> upsertMetric(const Metric& m);

    // Removal by uid (or natural key); NotFound when there is nothing to remove.
    Status removeFinding(const QString& uid);
    Status removeJudgment(const QString& programmeCode, const QString& forceCode,
                          const QString& questionCode);
    Status removeEvidence(const QString& uid);
    Status removeMetric(const QString& uid);
    // Adds `delta` to the position of every finding of a force and question at `from` or after,
    // so that a finding can be inserted (+1) or closed up after (-1).
    Status shiftFindings(const QString& programmeCode, const QString& forceCode,
                         const QString& questionCode, int from, int delta);
    // The number of findings of a force under a question.
    Result<int> findingCount(const QString& programmeCode, const QString& forceCode,
                             const QString& questionCode) const;

private:
    struct Place {
        Id programme = 0, force = 0, question = 0;
    };
    Result<Place> place(const QString& programme, const QString& force, const QString& question,
                        bool questionRequired) const;

    Database& m_db;
    ReferenceRepository m_ref;

    // Counts for the navigator: a programme's forces at once.
public:
    struct ForceKindCount {
        QString forceCode;
        QString kind;
        int count = 0;
    };
    // Findings of a programme per force and kind, read from the (force, question, position,
    // kind) index one force and question at a time, without reading the table.
    QList<ForceKindCount> forceFindingCounts(const QString& programmeCode) const;
};

} // namespace fwb
