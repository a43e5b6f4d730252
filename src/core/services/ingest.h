#pragma once
// Ingest of a published PEEL report from its plain text (as `pdftotext -layout` or a text copy
// gives it): the force named on the title page, the programme's graded questions recognised by
// their wording, the grade that follows each (in the overview and in the chapter's "Summary of
// findings"), the summaries, and the areas for improvement. What is found is a plan shown for
// confirmation; writing it is one transaction. Anything not recognised is reported with its line,
// never guessed.

#include "core/domain/types.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

namespace fwb {

class Workbench;

struct IngestedJudgment {
    QString questionCode, questionText, gradeCode, gradeLabel;
    QString summary;  // the chapter's "Summary of findings"
    QString overview; // the overview's wording
    int line = 0;     // where the grade was read
};

struct IngestedFinding {
    QString questionCode, text;
    int line = 0;
};

struct IngestPlan {
    QString programmeCode, forceCode, forceName;
    QList<IngestedJudgment> judgments;
    QList<IngestedFinding> areasForImprovement;
    QStringList problems; // "line 52: …" — what could not be recognised
    QString source;       // where the text came from ("report.txt"), for the status history
    bool ok() const { return problems.isEmpty() && !forceCode.isEmpty(); }
};

struct IngestResult {
    int judgmentsWritten = 0, judgmentsUnchanged = 0, findingsAdded = 0, findingsAlreadyThere = 0;
};

// Reads the report. Fails only when the programme is unknown; everything else is in the plan.
// `source` names the text (its file name) in what is written.
Result<IngestPlan> planIngest(const Workbench& workbench, const QString& programmeCode,
                              const QString& reportText, const QString& source = {});
// Writes a plan in one transaction, audited as an ingest; refused when the plan has problems.
//  - A judgment the workbench holds with the same grade and words (footnotes aside) is left as
//    it is. Otherwise the report's grade and wording replace it, keeping the footnote
//    definitions ("[^1]: …") it had; it keeps its status (ingest moves nothing through the
//    lifecycle), and once under review the change is kept as a revision "ingested from <source>".
//  - An area for improvement is added unless the same words are there already.
//  - New judgments and findings arrive as published, recorded in their status history as
//    "ingested from <source>".
//  - What is locked (services/locks.h) is refused: every refused item is listed in the error and
//    nothing is written.
Result<IngestResult> applyIngest(Workbench& workbench, const IngestPlan& plan);

} // namespace fwb
