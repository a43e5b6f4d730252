#pragma once
// Ingest of a published PEEL report from its plain text (as `pdftotext -layout` or a text copy
// gives it): the force named on the title page, the programme's graded questions recognised by
// their wording, the grade that follows each (in the overview and in the chapter's "Summary of
// findings"), the summaries, and the areas for improvement. What is found is a plan shown for
// confirmation; writing it is one transaction. Anything not recognised is reported with its line,
// never guessed.

#include "domain/types.h"
#include "util/result.h"

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
    bool ok() const { return problems.isEmpty() && !forceCode.isEmpty(); }
};

struct IngestResult {
    int judgmentsWritten = 0, findingsAdded = 0, findingsAlreadyThere = 0;
};

// Reads the report. Fails only when the programme is unknown; everything else is in the plan.
Result<IngestPlan> planIngest(const Workbench& workbench, const QString& programmeCode, const QString& reportText);
// Writes a plan in one transaction (judgments set, areas for improvement added unless the same
// text is already there), audited as an ingest. Refused when the plan has problems.
Result<IngestResult> applyIngest(Workbench& workbench, const IngestPlan& plan);

} // namespace fwb
