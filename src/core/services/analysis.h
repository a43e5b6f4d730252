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

// One force across the programmes the workbench holds: its judgments, its findings by kind, and
// its figures against England and Wales and the mean of its region's forces.
struct ProfileFigure {
    Metric metric;
    std::optional<double> regionMean; // over the region's forces that have the same figure
    int regionForces = 0;
};

struct ForceProfile {
    Force force;
    QList<Programme> programmes;                 // oldest first
    QHash<QString, QList<Judgment>> judgments;   // by programme code
    QHash<QString, QMap<QString, int>> findings; // programme → kind → count
    QHash<QString, QList<ProfileFigure>> figures; // by programme code
};

Result<ForceProfile> forceProfile(const Workbench& workbench, const QString& force);

// The matrix as CSV (force, name, region, then a column per question with the grade label) and
// as JSON; both parse back to the same grades.
QByteArray matrixCsv(const JudgmentMatrix& matrix);
QByteArray matrixJson(const JudgmentMatrix& matrix);

} // namespace fwb
