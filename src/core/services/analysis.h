#pragma once
// Analysis: judgments across the forces for a programme — the matrix (forces × graded questions),
// and the count of forces at each grade per question. One query each, over the whole programme.

#include "domain/types.h"
#include "services/followups.h"
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
    FollowUpList stillOpen; // its areas for improvement, causes of concern and recommendations not yet done
};

Result<ForceProfile> forceProfile(const Workbench& workbench, const QString& force);

// The change between two programmes: for each graded question of `to` that continues a question
// of `from`, every force's grade then and now. Where the frameworks say the two questions are not
// comparable the change is marked so, whatever the grades.
enum class Change { None, Up, Down, Same, New, Gone, NotComparable };
QString changeName(Change c); // "up", "down", "same", "new", "gone", "not comparable", ""

struct ChangeColumn {
    Question question;     // of `to`
    Question earlier;      // of `from`
    bool comparable = true;
};

struct ChangeCell {
    MatrixCell before, after;
    Change change = Change::None;
};

struct ChangeRow {
    Force force;
    QHash<QString, ChangeCell> cells; // by question code of `to`
};

struct ChangeView {
    Programme from, to;
    QList<ChangeColumn> columns;
    QList<ChangeRow> rows; // every force, by region then name
    QMap<Change, int> totals;
};

Result<ChangeView> changeView(const Workbench& workbench, const QString& from, const QString& to);
// The programme an earlier framework a programme's questions follow (empty when none).
QString followedProgramme(const Programme& programme);
// Force, name, region, then for each question its grade before, after and the change.
QByteArray changeCsv(const ChangeView& view);
QByteArray changeJson(const ChangeView& view);

// The matrix as CSV (force, name, region, then a column per question with the grade label) and
// as JSON; both parse back to the same grades.
QByteArray matrixCsv(const JudgmentMatrix& matrix);
QByteArray matrixJson(const JudgmentMatrix& matrix);

} // namespace fwb
