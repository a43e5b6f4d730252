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
    auto open = followUpList(workbench, {forceCode, {}, {}, true});
    if (!open)
        return open.error();
    p.stillOpen = std::move(open).value();
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

QString changeName(Change c)
{
    switch (c) {
    case Change::None: return {};
    case Change::Up: return L("up");
    case Change::Down: return L("down");
    case Change::Same: return L("same");
    case Change::New: return L("new");
    case Change::Gone: return L("gone");
    case Change::NotComparable: return L("not comparable");
    }
    return {};
}

QString followedProgramme(const Programme& programme)
{
    QString found;
    std::function<void(const QList<Question>&)> walk = [&](const QList<Question>& qs) {
        for (const Question& q : qs) {
            if (found.isEmpty() && q.graded && !q.follows.isEmpty())
                found = q.follows.section(QLatin1Char('/'), 0, 0);
            walk(q.children);
        }
    };
    walk(programme.questions);
    return found;
}

Result<ChangeView> changeView(const Workbench& workbench, const QString& from, const QString& to)
{
    if (from == to)
        return Error::make(Error::Code::Invalid, QStringLiteral("compare two different programmes (both are %1)").arg(from));
    auto before = judgmentMatrix(workbench, from);
    if (!before)
        return before.error();
    auto after = judgmentMatrix(workbench, to);
    if (!after)
        return after.error();
    ChangeView v;
    v.from = before->programme;
    v.to = after->programme;
    QHash<QString, Question> earlier;
    for (const Question& q : before->columns)
        earlier.insert(q.code, q);
    const QString prefix = from + QLatin1Char('/');
    // Grades on different scales (a four-point year against a five-point one) never compare.
    const bool sameScale = v.from.gradeScaleCode == v.to.gradeScaleCode;
    for (const Question& q : after->columns)
        if (q.follows.startsWith(prefix) && earlier.contains(q.follows.mid(prefix.size())))
            v.columns.push_back({q, earlier.value(q.follows.mid(prefix.size())), q.comparable && sameScale});
    if (v.columns.isEmpty())
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no graded question of %1 follows one of %2 (a framework copied from %2 records "
                                          "which question each continues)").arg(to, from));
    QHash<QString, const MatrixRow*> beforeRows;
    for (const MatrixRow& r : before->rows)
        beforeRows.insert(r.force.code, &r);
    for (const MatrixRow& r : after->rows) {
        ChangeRow row{r.force, {}};
        const MatrixRow* old = beforeRows.value(r.force.code);
        for (const ChangeColumn& c : v.columns) {
            ChangeCell cell;
            cell.after = r.cells.value(c.question.code);
            if (old)
                cell.before = old->cells.value(c.earlier.code);
            const bool then = cell.before.rank > 0, now = cell.after.rank > 0;
            if (!then && !now)
                cell.change = Change::None;
            else if (!c.comparable)
                cell.change = Change::NotComparable;
            else if (!then)
                cell.change = Change::New;
            else if (!now)
                cell.change = Change::Gone;
            else // rank 1 is the best grade
                cell.change = cell.after.rank < cell.before.rank ? Change::Up
                              : cell.after.rank > cell.before.rank ? Change::Down
                                                                   : Change::Same;
            if (cell.change != Change::None)
                ++v.totals[cell.change];
            row.cells.insert(c.question.code, cell);
        }
        v.rows.push_back(row);
    }
    return v;
}

QByteArray changeCsv(const ChangeView& v)
{
    QStringList head{L("force"), L("name"), L("region")};
    for (const ChangeColumn& c : v.columns)
        head << QString(c.earlier.code + L(" ") + v.from.code) << QString(c.question.code + L(" ") + v.to.code)
             << QString(c.question.code + L(" change"));
    QByteArray out = csv::formatRow(head);
    for (const ChangeRow& r : v.rows) {
        QStringList line{r.force.code, r.force.name, r.force.regionName};
        for (const ChangeColumn& c : v.columns) {
            const ChangeCell cell = r.cells.value(c.question.code);
            line << cell.before.gradeLabel << cell.after.gradeLabel << changeName(cell.change);
        }
        out += csv::formatRow(line);
    }
    return out;
}

QByteArray changeJson(const ChangeView& v)
{
    QJsonArray columns, forces;
    for (const ChangeColumn& c : v.columns)
        columns.append(QJsonObject{{L("question"), c.question.code}, {L("follows"), c.earlier.code}, {L("comparable"), c.comparable}});
    for (const ChangeRow& r : v.rows) {
        QJsonObject cells;
        for (const ChangeColumn& c : v.columns) {
            const ChangeCell cell = r.cells.value(c.question.code);
            cells.insert(c.question.code, QJsonObject{{L("before"), cell.before.gradeCode.isEmpty() ? QJsonValue() : QJsonValue(cell.before.gradeCode)},
                                                      {L("after"), cell.after.gradeCode.isEmpty() ? QJsonValue() : QJsonValue(cell.after.gradeCode)},
                                                      {L("change"), changeName(cell.change)}});
        }
        forces.append(QJsonObject{{L("force"), r.force.code}, {L("name"), r.force.name}, {L("region"), r.force.regionName},
                                  {L("questions"), cells}});
    }
    QJsonObject totals;
    for (auto it = v.totals.cbegin(); it != v.totals.cend(); ++it)
        totals.insert(changeName(it.key()), it.value());
    return QJsonDocument(QJsonObject{{L("from"), v.from.code}, {L("to"), v.to.code}, {L("columns"), columns},
                                     {L("forces"), forces}, {L("totals"), totals}})
        .toJson(QJsonDocument::Indented);
}

} // namespace fwb
