#pragma once
// DraftingService: every edit an inspector makes to findings, judgments, evidence samples and
// metrics. Each call is one transaction that writes the change, records it in the audit log with
// the record as it was before and after, and announces it with Workbench::changed once committed.
// The window's undo commands and `fwb` both call these; an undo is itself an audited edit that
// restores the earlier state.
//
// Every save of a stored record takes the version it read (IfVersion; see core/services/versions.h)
// and is refused as Stale, with the record as it stands now, when someone changed it since.
// Without one the save is made over what is stored. Each save adds one to the record's version.

#include "core/domain/types.h"
#include "core/util/result.h"

#include <optional>

namespace fwb {

class Workbench;

class DraftingService {
public:
    explicit DraftingService(Workbench& workbench) : m_wb(workbench) {}

    // ---- findings ----
    // Adds a finding under its question. An empty uid gets a fresh one; position 0 (or past the
    // end) appends, otherwise the finding is inserted there and the ones after move down.
    Result<Finding> addFinding(Finding finding);
    // Changes text, kind, status and evidence citations of the finding with this uid (its place
    // is changed with moveFinding).
    // Published findings are refused; a status change must be a move of the lifecycle (see
    // services/review.h); once under review, a change of text is kept as a revision with `reason`.
    Result<Finding> updateFinding(const Finding& finding, const QString& reason = {},
                                  IfVersion ifVersion = {});
    // Moves a finding to a question (possibly the same) and position (1-based; 0 = the end).
    // The findings it passes keep their versions: a place among siblings is not part of one.
    Result<Finding> moveFinding(const QString& uid, const QString& questionCode, int position,
                                IfVersion ifVersion = {});
    // Deletes a finding and closes up the order; returns it as it was, so it can be restored.
    Result<Finding> deleteFinding(const QString& uid, IfVersion ifVersion = {});

    // ---- judgments ----
    // Sets (inserts or replaces) the judgment for its programme, force and question.
    // As updateFinding: locked when published, revisions of summary and overview once under review.
    // With a version read, a judgment that is no longer there is NotFound.
    Result<Judgment> setJudgment(const Judgment& judgment, const QString& reason = {},
                                 IfVersion ifVersion = {});
    // Removes a judgment; returns it as it was.
    Result<Judgment> clearJudgment(const QString& programmeCode, const QString& forceCode,
                                   const QString& questionCode, IfVersion ifVersion = {});

    // ---- evidence ----
    // Counts that cannot be true are refused: a measure larger than its sample or base, a base
    // larger than the sample, strata that do not sum to the sample size, negative numbers.
    static Status validate(const EvidenceSample& sample);
    // Adds (empty uid: a fresh one) or replaces an evidence sample.
    Result<EvidenceSample> saveEvidence(EvidenceSample sample, IfVersion ifVersion = {});
    // Deleting a sample removes the citations of it; they are returned so an undo can put them
    // back.
    struct DeletedEvidence {
        EvidenceSample sample;
        QStringList citedBy; // uids of the findings that cited it
    };
    Result<DeletedEvidence> deleteEvidence(const QString& uid, IfVersion ifVersion = {});
    Result<EvidenceSample> restoreEvidence(const DeletedEvidence& deleted);

    // ---- metrics ----
    Result<Metric> saveMetric(Metric metric, IfVersion ifVersion = {});
    Result<Metric> deleteMetric(const QString& uid, IfVersion ifVersion = {});

    // A fresh uid: "<force>-<year>-<prefix>-<random>", readable in files and on the command line.
    QString newUid(const QString& programmeCode, const QString& forceCode,
                   const QString& prefix) const;

private:
    Workbench& m_wb;
};

} // namespace fwb
