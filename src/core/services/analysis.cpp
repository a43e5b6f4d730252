#include "analysis.h"

#include "io/csv.h"
#include "storage/query.h"
#include "workbench.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace fwb {
namespace {
QString L(const char* s) { return QString::fromLatin1(s); }
} // namespace

Result<JudgmentMatrix> judgmentMatrix(const Workbench& workbench, const QString& programmeCode, const QString& question)
{
    const auto ref = workbench.reference();
    const auto programme = ref.programme(programmeCode);
    if (!programme)
        return Error::make(Error::Code::NotFound, QStringLiteral("no programme \"%1\"").arg(programmeCode));
    JudgmentMatrix m;
    m.programme = *programme;
    for (const Question& q : ref.questionsFlat(programmeCode))
        if (q.graded && (question.isEmpty() || q.code == question))
            m.columns << q;
    if (!question.isEmpty() && m.columns.isEmpty())
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("%1 has no graded question \"%2\"").arg(programmeCode, question));
    if (const auto scale = ref.gradeScale(programme->gradeScaleCode))
        m.grades = scale->grades;
    QList<Force> forces = ref.forces();
    std::stable_sort(forces.begin(), forces.end(), [](const Force& a, const Force& b) {
        return std::tie(a.regionName, a.name) < std::tie(b.regionName, b.name);
    });
    QHash<QString, qsizetype> rowOf;
    for (const Force& f : forces) {
        rowOf.insert(f.code, m.rows.size());
        m.rows.push_back({f, {}});
    }
    Query q(workbench.database(), L("SELECT f.code, qn.code, g.code, g.label, g.rank, j.summary FROM judgments j "
                                    "JOIN questions qn ON qn.id = j.question_id JOIN forces f ON f.id = j.force_id "
                                    "JOIN grades g ON g.id = j.grade_id WHERE qn.programme_id = (SELECT id FROM programmes WHERE code = ?)"));
    if (Status s = q.exec({programmeCode}, L("reading judgments")); !s)
        return s.error();
    while (q.next()) {
        const auto row = rowOf.find(q.text(0));
        if (row == rowOf.end())
            continue;
        m.rows[*row].cells.insert(q.text(1), MatrixCell{q.text(2), q.text(3), q.text(5), int(q.integer(4))});
    }
    return m;
}

Result<QList<GradeCount>> gradeCounts(const Workbench& workbench, const QString& programme)
{
    auto m = judgmentMatrix(workbench, programme);
    if (!m)
        return m.error();
    QList<GradeCount> out;
    for (const Question& q : m->columns) {
        GradeCount c{q, {}, 0};
        for (const Grade& g : m->grades)
            c.forces.insert(g.code, 0);
        for (const MatrixRow& r : m->rows) {
            const auto cell = r.cells.find(q.code);
            if (cell == r.cells.end())
                ++c.withoutJudgment;
            else
                ++c.forces[cell->gradeCode];
        }
        out << c;
    }
    return out;
}

Result<ForceProfile> forceProfile(const Workbench& workbench, const QString& forceCode)
{
    const auto ref = workbench.reference();
    const auto force = ref.force(forceCode);
    if (!force)
        return Error::make(Error::Code::NotFound, QStringLiteral("no force \"%1\"").arg(forceCode));
    ForceProfile p;
    p.force = *force;
    p.programmes = ref.programmes();
    std::stable_sort(p.programmes.begin(), p.programmes.end(), [](const Programme& a, const Programme& b) { return a.year < b.year; });
    QSet<QString> region;
    for (const Force& f : ref.forces())
        if (f.regionCode == force->regionCode)
            region.insert(f.code);
    const auto drafts = workbench.drafts();
    for (const Programme& programme : p.programmes) {
        p.judgments.insert(programme.code, drafts.judgments(programme.code, forceCode));
        QMap<QString, int> kinds;
        for (const QuestionCounts& c : drafts.findingCounts(programme.code, forceCode))
            kinds[c.kind] += c.count;
        p.findings.insert(programme.code, kinds);
        // The region's mean of each figure, over the forces of the region that have it.
        QHash<QString, std::pair<double, int>> sums; // by name|measure|period
        auto keyOf = [](const Metric& m) -> QString { return m.name + QLatin1Char('|') + m.measure + QLatin1Char('|') + m.period; };
        const QList<Metric> all = drafts.metrics(programme.code);
        for (const Metric& m : all)
            if (region.contains(m.forceCode)) {
                auto& s = sums[keyOf(m)];
                s.first += m.forceValue;
                s.second += 1;
            }
        QList<ProfileFigure> figures;
        for (const Metric& m : all) {
            if (m.forceCode != forceCode)
                continue;
            ProfileFigure f{m, std::nullopt, 0};
            if (const auto it = sums.find(keyOf(m)); it != sums.end() && it->second > 0) {
                f.regionMean = it->first / it->second;
                f.regionForces = it->second;
            }
            figures << f;
        }
        p.figures.insert(programme.code, figures);
    }
    return p;
}

QByteArray matrixCsv(const JudgmentMatrix& m)
{
    QStringList header{L("force"), L("name"), L("region")};
    for (const Question& q : m.columns)
        header << q.code;
    QByteArray out = csv::formatRow(header);
    for (const MatrixRow& r : m.rows) {
        QStringList fields{r.force.code, r.force.name, r.force.regionName};
        for (const Question& q : m.columns)
            fields << r.cells.value(q.code).gradeLabel;
        out += csv::formatRow(fields);
    }
    return out;
}

QByteArray matrixJson(const JudgmentMatrix& m)
{
    QJsonArray questions, forces;
    for (const Question& q : m.columns)
        questions.push_back(QJsonObject{{L("code"), q.code}, {L("text"), q.text}});
    for (const MatrixRow& r : m.rows) {
        QJsonObject judgments;
        for (const Question& q : m.columns) {
            const auto cell = r.cells.find(q.code);
            judgments.insert(q.code, cell == r.cells.end()
                                         ? QJsonValue()
                                         : QJsonValue(QJsonObject{{L("grade"), cell->gradeCode}, {L("label"), cell->gradeLabel},
                                                                  {L("summary"), cell->summary}}));
        }
        forces.push_back(QJsonObject{{L("code"), r.force.code}, {L("name"), r.force.name},
                                     {L("region"), r.force.regionName}, {L("judgments"), judgments}});
    }
    return QJsonDocument(QJsonObject{{L("programme"), m.programme.code}, {L("questions"), questions}, {L("forces"), forces}})
        .toJson(QJsonDocument::Indented);
}

} // namespace fwb
