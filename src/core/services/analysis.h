#pragma once
// Analysis: judgments across the forces for a programme — the matrix (forces × graded questions),
// and the count of forces at each grade per question. One query each, over the whole programme.

#include "domain/types.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QMap>

namespace fwb {

class Workbench;

struct MatrixCell {
    QString gradeCode, gradeLabel, summary;
    int rank = 0; // 0: no judgment
};

struct MatrixRow {
    Force force; // with its region
    QHash<QString, MatrixCell> cells; // by question code
};

struct JudgmentMatrix {
    Programme programme;
    QList<Question> columns;  // the graded questions, in framework order
    QList<Grade> grades;      // the programme's scale, best first
    QList<MatrixRow> rows;    // every force, by region then name
};

struct GradeCount {
    Question question;
    QMap<QString, int> forces; // grade code → forces at it
    int withoutJudgment = 0;
};

// `question` (optional) keeps that one graded question only.
Result<JudgmentMatrix> judgmentMatrix(const Workbench& workbench, const QString& programme, const QString& question = {});
Result<QList<GradeCount>> gradeCounts(const Workbench& workbench, const QString& programme);

// The matrix as CSV (force, name, region, then a column per question with the grade label) and
// as JSON; both parse back to the same grades.
QByteArray matrixCsv(const JudgmentMatrix& matrix);
QByteArray matrixJson(const JudgmentMatrix& matrix);

} // namespace fwb
