#pragma once
// Analysis: judgments across the forces for a programme — the matrix (forces × graded questions),
// and the count of forces at each grade per question. One query each, over the whole programme.

#include "core/domain/types.h"
#include "core/services/followups.h"
#include "core/util/result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>

namespace fwb {

class Workbench;

struct MatrixCell {
    QString gradeCode, gradeLabel, summary;
    int rank = 0; // 0: no judgment
};

struct MatrixRow {
    Force force;                      // with its region
    QHash<QString, MatrixCell> cells; // by question code
};

struct JudgmentMatrix {
    Programme programme;
    QList<Question> columns; // the graded questions, in framework order
    QList<Grade> grades;     // the programme's scale, best first
    QList<MatrixRow> rows;   // every force, by region then name
};

struct GradeCount {
    Question question;
    QMap<QString, int> forces; // grade code → forces at it
    int withoutJudgment = 0;
};

// `question` (optional) keeps that one graded question only.
Result<JudgmentMatrix> judgmentMatrix(const Workbench& workbench, const QString& programme,
                                      const QString& question = {});
Result<QList<GradeCount>> gradeCounts(const Workbench& workbench, const QString& programme);

// One force across the programmes the workbench holds: its judgments, its findings by kind, and
// its figures against England and Wales and the mean of its region's forces.
struct ProfileFigure {
    Metric metric;
    std::optional<double>
        regionMean;       // over the region's forces that have the same figure, when another has it
    int regionForces = 0; // those forces, this one among them
    int forces = 0; // the forces with the same figure for the same period (this one among them)
};

// A figure of a force followed over time: one measure (its name and unit) at each date a
// period it is recorded for ends, across the programmes, oldest first. Comparisons of two periods
// ("compared with …") are changes, not points, and are left out.
struct SeriesPoint {
    QDate end;
    QString period, programmeCode;
    double force = 0;
    std::optional<double> national, regionMean;
};

struct FigureSeries {
    QString name, measure, unit;
    QList<SeriesPoint>
        points; // by end date; where two programmes give the same period, the later's value
    QString label() const; // "Recorded crime (excluding fraud), per 1,000 population"
};

struct ForceProfile {
    Force force;
    QList<Programme> programmes;                  // oldest first
    QHash<QString, QList<Judgment>> judgments;    // by programme code
    QHash<QString, QMap<QString, int>> findings;  // programme → kind → count
    QHash<QString, QList<ProfileFigure>> figures; // by programme code
    QList<FigureSeries> series;                   // figures recorded for two periods or more
    FollowUpList
        stillOpen; // its areas for improvement, causes of concern and recommendations not yet done
};

// The follow-up list a page at a time, as the Follow-up tab shows it while it scrolls: the oldest
// inspection first, then force by name, then each force's findings in the order of its questions
// (followUpList's items, ordered by `since` and force). Only the findings of a page are read; the
// count of all comes from an index. `filter.limit` is not used: ask for as many pages as wanted.
class FollowUpPages {
public:
    static Result<FollowUpPages> open(const Workbench& workbench, const FollowUpFilter& filter);
    int total() const { return m_total; } // every item the filter selects
    int asOf() const { return m_asOf; }   // as FollowUpList::asOf
    bool atEnd() const { return m_atEnd; }
    // The next `count` items (fewer at the end; none after it).
    Result<QList<FollowUpItem>> next(int count);

private:
    FollowUpPages() = default;
    const Workbench* m_wb = nullptr;
    FollowUpFilter m_filter;
    QStringList m_kinds;
    QList<Programme> m_programmes; // oldest first
    QList<Force> m_forces;         // of the filter, by name
    QHash<QString, QList<FollowUp>> m_assessed;
    int m_total = 0, m_asOf = 0;
    int m_programme = 0, m_force = 0, m_offset = 0; // where the next page starts
    bool m_atEnd = false;
};

// The profile lists the oldest of what is still open, up to this many; stillOpen.total counts all.
inline constexpr int ProfileOpenItems = 50;
Result<ForceProfile> forceProfile(const Workbench& workbench, const QString& force);
// The profile in one long table — programme, year, part (judgment, findings, figure, "open KIND"
// for each open item listed, "still open" for the count of all), item, period, value, England and
// Wales, region mean — and as JSON; both parse back to the same values.
QByteArray profileCsv(const ForceProfile& profile);
QByteArray profileJson(const ForceProfile& profile);

// One figure of a programme for every force that has it (a bar per force, with the England and
// Wales line): the forces whose metric has the same name, unit and period.
struct ForceValue {
    Force force;
    double value = 0;
};

struct FigureAcrossForces {
    Programme programme;
    QString name, measure, unit, period;
    QList<ForceValue> forces;       // highest first
    std::optional<double> national; // England and Wales, as any of the forces' metrics gives it
};

// A figure is the same figure in another period, force or programme when its name and its unit are
// (without a unit, its measure); for another force, also its period.
QString figureKey(const Metric& m);
bool sameFigure(const Metric& a, const Metric& b); // same key and period

// Of `metrics` (a programme's), the value of every force that has the figure `like` is, highest
// first, each force once.
QList<ForceValue> valuesOfEveryForce(const QList<Metric>& metrics,
                                     const QHash<QString, Force>& forces, const Metric& like);

// ---- who may see another force's figures
// ---------------------------------------------------------

// Who reads what is produced. The inspectorate sees every force's figures as they are drafted;
// anyone outside it — the force a factual accuracy pack is sent to, the readers of a published
// document — sees another force's figure only where that figure is itself published.
enum class Audience { Inspectorate, Outside };

// The start of a metric's source that records it as published statistics; the release follows
// ("Published statistics: Police recorded crime, 12 months to 30 June 2015, Home Office").
inline constexpr char PublishedStatisticsPrefix[] = "Published statistics:";
// Whether the metric is recorded as published statistics: its source starts with the prefix (in
// any case, after spaces) and names the release after it.
bool isPublishedStatistic(const Metric& m);

// The forces whose material of a programme is published: a letter or report of that programme and
// force is.
Result<QSet<QString>> forcesPublished(const Workbench& workbench, const QString& programme);

// A programme's figures of every force as an audience may see them beside `force`'s own. For the
// inspectorate, all of them. Outside it: the force's own; another force's only when that force's
// material of the programme is published or the metric is recorded as published statistics.
struct VisibleFigures {
    QList<Metric> metrics; // in the order the programme's metrics are read
    // The figures (figureKey and period) that some other force has an unpublished value of: left
    // out of `metrics` for an audience outside, kept for the inspectorate. Only the keys are
    // here, never the values.
    QSet<QString> unpublished;
    bool hasUnpublished(const Metric& like) const;
};
QString
figurePeriodKey(const Metric& m); // figureKey and period: the figure as sameFigure compares it
Result<VisibleFigures> figuresOfEveryForce(const Workbench& workbench, const QString& programme,
                                           const QString& force, Audience audience);

// The figure `like` is, for every force of its programme.
Result<FigureAcrossForces> figureAcrossForces(const Workbench& workbench, const Metric& like);
// As a person names it: the name in any case; `unit` and `period` needed only when the name has
// several (the error names them).
Result<FigureAcrossForces> figureAcrossForces(const Workbench& workbench, const QString& programme,
                                              const QString& name, const QString& unit = {},
                                              const QString& period = {});
QByteArray figureCsv(const FigureAcrossForces& figure);

// The change between two programmes: for each graded question of `to` that continues a question
// of `from`, every force's grade then and now. Where the frameworks say the two questions are not
// comparable the change is marked so, whatever the grades.
enum class Change { None, Up, Down, Same, New, Gone, NotComparable };
QString changeName(Change c); // "up", "down", "same", "new", "gone", "not comparable", ""

struct ChangeColumn {
    Question question; // of `to`
    Question earlier;  // of `from`
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
