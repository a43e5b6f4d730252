#include "core/services/analysis.h"

#include "core/domain/periods.h"
#include "core/io/csv.h"
#include "core/storage/analysisrepository.h"
#include "core/workbench.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
} // namespace

Result<JudgmentMatrix> judgmentMatrix(const Workbench& workbench, const QString& programmeCode,
                                      const QString& question)
{
    const auto ref = workbench.reference();
    const auto programme = ref.programme(programmeCode);
    if (!programme)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(programmeCode));
    JudgmentMatrix m;
    m.programme = *programme;
    for (const Question& q : ref.questionsFlat(programmeCode))
        if (q.graded && (question.isEmpty() || q.code == question))
            m.columns << q;
    if (!question.isEmpty() && m.columns.isEmpty())
        return Error::make(
            Error::Code::NotFound,
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
    auto judged = workbench.drafts().gradedJudgments(programmeCode);
    if (!judged)
        return judged.error();
    for (const DraftRepository::GradedJudgment& j : *judged) {
        const auto row = rowOf.find(j.forceCode);
        if (row == rowOf.end())
            continue;
        m.rows[*row].cells.insert(j.questionCode,
                                  MatrixCell{j.gradeCode, j.gradeLabel, j.summary, j.rank});
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

QString FigureSeries::label() const
{
    const QString what = unit.isEmpty() ? measure : unit;
    return what.isEmpty() ? name : name + u", "_s + what;
}

// "Rate" and "Rate per 1,000 population" in two years' data are one figure when both are per 1,000
// population.
QString figureKey(const Metric& m)
{
    return m.name + QChar(31) + (m.unit.isEmpty() ? m.measure : m.unit);
}

bool sameFigure(const Metric& a, const Metric& b)
{
    return a.period == b.period && figureKey(a) == figureKey(b);
}

QString figurePeriodKey(const Metric& m)
{
    return figureKey(m) + QChar(31) + m.period;
}

bool isPublishedStatistic(const Metric& m)
{
    const QString source = m.source.trimmed();
    const QLatin1String prefix(PublishedStatisticsPrefix);
    return source.startsWith(prefix, Qt::CaseInsensitive) &&
           !source.mid(prefix.size()).trimmed().isEmpty();
}

Result<QSet<QString>> forcesPublished(const Workbench& workbench, const QString& programme)
{
    auto codes = workbench.documents().forcesWithPublishedDocument(programme);
    if (!codes)
        return codes.error();
    QSet<QString> out(codes->begin(), codes->end());
    return out;
}

bool VisibleFigures::hasUnpublished(const Metric& like) const
{
    return unpublished.contains(figurePeriodKey(like));
}

Result<VisibleFigures> figuresOfEveryForce(const Workbench& workbench, const QString& programme,
                                           const QString& force, Audience audience)
{
    auto published = forcesPublished(workbench, programme);
    if (!published)
        return published.error();
    VisibleFigures out;
    for (const Metric& m : workbench.drafts().metrics(programme)) {
        const bool shown =
            m.forceCode == force || published->contains(m.forceCode) || isPublishedStatistic(m);
        if (!shown)
            out.unpublished.insert(figurePeriodKey(m));
        if (shown || audience == Audience::Inspectorate)
            out.metrics << m;
    }
    return out;
}

QList<ForceValue> valuesOfEveryForce(const QList<Metric>& metrics,
                                     const QHash<QString, Force>& forces, const Metric& like)
{
    QList<ForceValue> out;
    QSet<QString> seen;
    for (const Metric& m : metrics)
        if (sameFigure(m, like) && forces.contains(m.forceCode) && !seen.contains(m.forceCode)) {
            seen.insert(m.forceCode);
            out.push_back({forces.value(m.forceCode), m.forceValue});
        }
    std::stable_sort(out.begin(), out.end(), [](const ForceValue& a, const ForceValue& b) {
        return a.value != b.value ? a.value > b.value : a.force.name < b.force.name;
    });
    return out;
}

namespace {

// The force's figures that are recorded for two periods or more, as series over time.
QList<FigureSeries> seriesOf(const ForceProfile& p)
{
    QHash<QString, FigureSeries> byKey;
    QStringList order;
    for (const Programme& programme : p.programmes) // oldest first: a later programme's value wins
        for (const ProfileFigure& f : p.figures.value(programme.code)) {
            const Metric& m = f.metric;
            const QDate end = periodEnd(m.period);
            if (!end.isValid() || isComparison(m.period))
                continue;
            const QString key = figureKey(m);
            auto it = byKey.find(key);
            if (it == byKey.end()) {
                it = byKey.insert(key, FigureSeries{m.name, m.measure, m.unit, {}});
                order << key;
            }
            SeriesPoint point{end,          m.period,        programme.code,
                              m.forceValue, m.nationalValue, f.regionMean};
            auto same = std::find_if(it->points.begin(), it->points.end(),
                                     [&](const SeriesPoint& x) { return x.end == end; });
            if (same != it->points.end())
                *same = point;
            else
                it->points << point;
            it->measure = m.measure; // as the latest programme words it
        }
    QList<FigureSeries> out;
    for (const QString& key : order) {
        FigureSeries s = byKey.value(key);
        if (s.points.size() < 2)
            continue;
        std::sort(s.points.begin(), s.points.end(),
                  [](const SeriesPoint& a, const SeriesPoint& b) { return a.end < b.end; });
        out << s;
    }
    return out;
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}
QString number(const std::optional<double>& v)
{
    return v ? number(*v) : QString();
}
QJsonValue jsonNumber(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

} // namespace

Result<ForceProfile> forceProfile(const Workbench& workbench, const QString& forceCode)
{
    const auto ref = workbench.reference();
    const auto force = ref.force(forceCode);
    if (!force)
        return Error::make(Error::Code::NotFound, QStringLiteral("no force \"%1\"").arg(forceCode));
    ForceProfile p;
    p.force = *force;
    auto programmes = AnalysisRepository(workbench.database()).programmes(); // without questions
    if (!programmes)
        return programmes.error();
    p.programmes = std::move(programmes).value();
    std::stable_sort(p.programmes.begin(), p.programmes.end(),
                     [](const Programme& a, const Programme& b) { return a.year < b.year; });
    QSet<QString> region;
    for (const Force& f : ref.forces())
        if (f.regionCode == force->regionCode)
            region.insert(f.code);
    const auto drafts = workbench.drafts();
    // Its findings by kind in every programme at once, from the index.
    for (const FindingTally& t : drafts.findingTally(forceCode))
        p.findings[t.programmeCode][t.kind] += t.count;
    for (const Programme& programme : p.programmes) {
        p.judgments.insert(programme.code, drafts.judgments(programme.code, forceCode));
        p.findings.insert(programme.code,
                          p.findings.value(programme.code)); // every programme has a row, if empty
        // The region's mean of each figure, over the forces of the region that have it.
        QHash<QString, std::pair<double, int>> sums; // by figure and period
        auto keyOf = [](const Metric& m) -> QString { return figureKey(m) + QChar(31) + m.period; };
        QHash<QString, QSet<QString>>
            held; // by the same key: the forces that have the figure, each once
        const QList<Metric> all = drafts.metrics(programme.code);
        for (const Metric& m : all) {
            QSet<QString>& forces = held[keyOf(m)];
            if (forces.contains(m.forceCode))
                continue; // the same figure twice for one force: the first counts
            forces.insert(m.forceCode);
            if (region.contains(m.forceCode)) {
                auto& s = sums[keyOf(m)];
                s.first += m.forceValue;
                s.second += 1;
            }
        }
        QList<ProfileFigure> figures;
        for (const Metric& m : all) {
            if (m.forceCode != forceCode)
                continue;
            ProfileFigure f{m, std::nullopt, 0, int(held.value(keyOf(m)).size())};
            if (const auto it = sums.find(keyOf(m)); it != sums.end()) {
                f.regionForces = it->second;
                if (it->second > 1) // a mean of the force alone would only repeat it
                    f.regionMean = it->first / it->second;
            }
            figures << f;
        }
        p.figures.insert(programme.code, figures);
    }
    p.series = seriesOf(p);
    // The oldest of what is still open, read a page as the Follow-up tab reads it (for one force
    // the same items, in the same order, as followUpList); the Follow-up list has the rest.
    auto open = FollowUpPages::open(workbench, {forceCode, {}, {}, true});
    if (!open)
        return open.error();
    auto oldest = open->next(ProfileOpenItems);
    if (!oldest)
        return oldest.error();
    p.stillOpen.items = std::move(oldest).value();
    p.stillOpen.total = qMax(open->total(), int(p.stillOpen.items.size()));
    p.stillOpen.asOf = open->asOf();
    return p;
}

Result<FollowUpPages> FollowUpPages::open(const Workbench& wb, const FollowUpFilter& filter)
{
    const ReferenceRepository ref = wb.reference();
    FollowUpPages pages;
    pages.m_wb = &wb;
    pages.m_filter = filter;
    QHash<QString, Force> forces;
    for (const Force& f : ref.forces())
        forces.insert(f.code, f);
    if (!filter.force.isEmpty() && !forces.contains(filter.force))
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no force \"%1\"").arg(filter.force));
    auto programmes = AnalysisRepository(wb.database()).programmes(); // without their questions
    if (!programmes)
        return programmes.error();
    pages.m_programmes = std::move(programmes).value();
    std::stable_sort(pages.m_programmes.begin(), pages.m_programmes.end(),
                     [](const Programme& a, const Programme& b) { return a.year < b.year; });
    for (const Programme& p : pages.m_programmes)
        pages.m_asOf = qMax(pages.m_asOf, p.year);
    for (const Force& f : forces)
        if ((filter.force.isEmpty() || f.code == filter.force) &&
            (filter.region.isEmpty() || f.regionCode == filter.region))
            pages.m_forces << f;
    std::sort(pages.m_forces.begin(), pages.m_forces.end(),
              [](const Force& a, const Force& b) { return a.name < b.name; });
    for (const QString& k : findingKinds())
        if (isFollowedUp(k) && (filter.kind.isEmpty() || k == filter.kind))
            pages.m_kinds << k;
    if (pages.m_forces.isEmpty() || pages.m_kinds.isEmpty()) {
        pages.m_atEnd = true; // a region without forces, a force outside the region, a kind not
        return pages;         // followed up: nothing
    }
    for (const FollowUp& f : wb.followUps().followUps())
        pages.m_assessed[f.findingUid].push_back(f);

    // How many: from the index, less those a later inspection closed.
    QStringList scope;
    if (!filter.force.isEmpty() || !filter.region.isEmpty())
        for (const Force& f : std::as_const(pages.m_forces))
            scope << f.code;
    auto count = AnalysisRepository(wb.database()).countFindings(pages.m_kinds, scope);
    if (!count)
        return count.error();
    pages.m_total = *count;
    if (filter.openOnly) {
        const auto places = wb.followUps().assessedFindings(); // force and kind of each
        const QSet<QString> inScope(scope.cbegin(), scope.cend());
        for (auto it = pages.m_assessed.cbegin(); it != pages.m_assessed.cend(); ++it) {
            const QString status = it->back().status;
            if (status == u"open"_s || status == u"progress"_s)
                continue;
            if (const auto at = places.find(it.key());
                at != places.end() && pages.m_kinds.contains(at->second) &&
                (inScope.isEmpty() || inScope.contains(at->first)))
                --pages.m_total;
        }
    }
    return pages;
}

Result<QList<FollowUpItem>> FollowUpPages::next(int count)
{
    QList<FollowUpItem> out;
    const AnalysisRepository analysis(m_wb->database());
    while (!m_atEnd && out.size() < count) {
        if (m_programme >= m_programmes.size()) {
            m_atEnd = true;
            break;
        }
        const Programme& p = m_programmes[m_programme];
        const Force& force = m_forces[m_force];
        const int room = count - int(out.size());
        auto found = analysis.findingsOfKinds(p.code, force.code, m_kinds, room, m_offset);
        if (!found)
            return found.error();
        m_offset += int(found->size());
        if (found->size() < room) { // this force's findings of this programme are all read
            m_offset = 0;
            if (++m_force >= m_forces.size()) {
                m_force = 0;
                ++m_programme;
            }
        }
        for (const Finding& f : std::as_const(*found)) {
            FollowUpItem item{f, force, p.year, p.title, m_assessed.value(f.uid)};
            if (!m_filter.openOnly || item.isOpen())
                out.push_back(std::move(item));
        }
    }
    return out;
}

QByteArray profileCsv(const ForceProfile& p)
{
    QByteArray out =
        csv::formatRow({u"force"_s, u"programme"_s, u"year"_s, u"part"_s, u"item"_s, u"period"_s,
                        u"value"_s, u"england_and_wales"_s, u"region_mean"_s});
    auto row = [&](const Programme* programme, const QString& part, const QString& item,
                   const QString& period, const QString& value, const QString& national = {},
                   const QString& region = {}) {
        out += csv::formatRow({p.force.code, programme ? programme->code : QString(),
                               programme ? QString::number(programme->year) : QString(), part, item,
                               period, value, national, region});
    };
    for (const Programme& programme : p.programmes) {
        for (const Judgment& j : p.judgments.value(programme.code))
            row(&programme, u"judgment"_s, j.questionCode, {}, j.gradeLabel);
        const QMap<QString, int> kinds = p.findings.value(programme.code);
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
            row(&programme, u"findings"_s, it.key(), {}, QString::number(it.value()));
        for (const ProfileFigure& f : p.figures.value(programme.code)) {
            const Metric& m = f.metric;
            const QString item = m.unit.isEmpty() ? m.name : m.name + u" ("_s + m.unit + u")"_s;
            row(&programme, u"figure"_s, item, m.period, number(m.forceValue),
                number(m.nationalValue), number(f.regionMean));
        }
    }
    // What is still open: a row each for the oldest listed (part "open KIND"), and the count of
    // all.
    for (const FollowUpItem& i : p.stillOpen.items)
        out += csv::formatRow({p.force.code,
                               i.finding.programmeCode,
                               QString::number(i.since),
                               u"open "_s + i.finding.kind,
                               i.finding.uid,
                               {},
                               i.status(),
                               {},
                               {}});
    row(nullptr, u"still open"_s, u"total"_s, {}, QString::number(p.stillOpen.total));
    return out;
}

QByteArray profileJson(const ForceProfile& p)
{
    QJsonArray programmes, series, open;
    for (const Programme& programme : p.programmes) {
        QJsonObject judgments, findings;
        for (const Judgment& j : p.judgments.value(programme.code))
            judgments.insert(j.questionCode, QJsonObject{{u"grade"_s, j.gradeCode},
                                                         {u"label"_s, j.gradeLabel},
                                                         {u"summary"_s, j.summary}});
        const QMap<QString, int> kinds = p.findings.value(programme.code);
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
            findings.insert(it.key(), it.value());
        QJsonArray figures;
        for (const ProfileFigure& f : p.figures.value(programme.code))
            figures.push_back(
                QJsonObject{{u"figure"_s, f.metric.figure},
                            {u"name"_s, f.metric.name},
                            {u"measure"_s, f.metric.measure},
                            {u"unit"_s, f.metric.unit},
                            {u"period"_s, f.metric.period},
                            {u"force"_s, f.metric.forceValue},
                            {u"england_and_wales"_s, jsonNumber(f.metric.nationalValue)},
                            {u"region_mean"_s, jsonNumber(f.regionMean)},
                            {u"region_forces"_s, f.regionForces}});
        programmes.push_back(QJsonObject{{u"code"_s, programme.code},
                                         {u"year"_s, programme.year},
                                         {u"judgments"_s, judgments},
                                         {u"findings"_s, findings},
                                         {u"figures"_s, figures}});
    }
    for (const FigureSeries& s : p.series) {
        QJsonArray points;
        for (const SeriesPoint& x : s.points)
            points.push_back(QJsonObject{{u"end"_s, x.end.toString(Qt::ISODate)},
                                         {u"period"_s, x.period},
                                         {u"programme"_s, x.programmeCode},
                                         {u"force"_s, x.force},
                                         {u"england_and_wales"_s, jsonNumber(x.national)},
                                         {u"region_mean"_s, jsonNumber(x.regionMean)}});
        series.push_back(QJsonObject{{u"name"_s, s.name},
                                     {u"measure"_s, s.measure},
                                     {u"unit"_s, s.unit},
                                     {u"points"_s, points}});
    }
    for (const FollowUpItem& i : p.stillOpen.items)
        open.push_back(QJsonObject{{u"finding"_s, i.finding.uid},
                                   {u"kind"_s, i.finding.kind},
                                   {u"since"_s, i.since},
                                   {u"status"_s, i.status()},
                                   {u"years_open"_s, p.stillOpen.yearsOpen(i)},
                                   {u"text"_s, i.finding.text}});
    return QJsonDocument(QJsonObject{{u"force"_s, p.force.code},
                                     {u"name"_s, p.force.name},
                                     {u"region"_s, p.force.regionName},
                                     {u"programmes"_s, programmes},
                                     {u"series"_s, series},
                                     {u"still_open"_s, open},
                                     {u"still_open_total"_s, p.stillOpen.total}})
        .toJson(QJsonDocument::Indented);
}

Result<FigureAcrossForces> figureAcrossForces(const Workbench& workbench, const Metric& like)
{
    const auto ref = workbench.reference();
    const auto programme = ref.programme(like.programmeCode);
    if (!programme)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(like.programmeCode));
    QHash<QString, Force> forces;
    for (const Force& f : ref.forces())
        forces.insert(f.code, f);
    FigureAcrossForces out;
    out.programme = *programme;
    out.name = like.name;
    out.measure = like.measure;
    out.unit = like.unit;
    out.period = like.period;
    const QList<Metric> all = workbench.drafts().metrics(like.programmeCode);
    out.forces = valuesOfEveryForce(all, forces, like);
    out.national = like.nationalValue;
    for (const Metric& m : all) // England and Wales as any force's metric gives it
        if (!out.national && m.nationalValue && sameFigure(m, like))
            out.national = m.nationalValue;
    return out;
}

Result<FigureAcrossForces> figureAcrossForces(const Workbench& workbench,
                                              const QString& programmeCode, const QString& name,
                                              const QString& unit, const QString& period)
{
    if (!workbench.reference().programme(programmeCode))
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(programmeCode));
    QList<Metric> named;
    QStringList units, periods;
    for (const Metric& m : workbench.drafts().metrics(programmeCode))
        if (m.name.compare(name, Qt::CaseInsensitive) == 0 && (unit.isEmpty() || m.unit == unit)) {
            named << m;
            const QString u = m.unit.isEmpty() ? m.measure : m.unit;
            if (!units.contains(u))
                units << u;
            if (!periods.contains(m.period))
                periods << m.period;
        }
    if (named.isEmpty())
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("%1 has no figure \"%2\"%3")
                .arg(programmeCode, name, unit.isEmpty() ? QString() : u" in "_s + unit));
    if (units.size() > 1)
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("\"%1\" is given in %2 units (%3): say which with --unit")
                               .arg(name)
                               .arg(units.size())
                               .arg(units.join(u", "_s)));
    if (period.isEmpty() && periods.size() > 1)
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("\"%1\" is given for %2 periods (%3): say which with --period")
                .arg(name)
                .arg(periods.size())
                .arg(periods.join(u"; "_s)));
    const QString chosen = period.isEmpty() ? periods.front() : period;
    const auto like = std::find_if(named.cbegin(), named.cend(),
                                   [&](const Metric& m) { return m.period == chosen; });
    if (like == named.cend())
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("\"%1\" is not given for \"%2\" (it is for: %3)")
                               .arg(name, chosen, periods.join(u"; "_s)));
    return figureAcrossForces(workbench, *like);
}

QByteArray figureCsv(const FigureAcrossForces& f)
{
    QByteArray out =
        csv::formatRow({u"force"_s, u"name"_s, u"region"_s, u"value"_s, u"england_and_wales"_s});
    for (const ForceValue& v : f.forces)
        out += csv::formatRow(
            {v.force.code, v.force.name, v.force.regionName, number(v.value), number(f.national)});
    return out;
}

QByteArray matrixCsv(const JudgmentMatrix& m)
{
    QStringList header{u"force"_s, u"name"_s, u"region"_s};
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
        questions.push_back(QJsonObject{{u"code"_s, q.code}, {u"text"_s, q.text}});
    for (const MatrixRow& r : m.rows) {
        QJsonObject judgments;
        for (const Question& q : m.columns) {
            const auto cell = r.cells.find(q.code);
            judgments.insert(q.code, cell == r.cells.end()
                                         ? QJsonValue()
                                         : QJsonValue(QJsonObject{{u"grade"_s, cell->gradeCode},
                                                                  {u"label"_s, cell->gradeLabel},
                                                                  {u"summary"_s, cell->summary}}));
        }
        forces.push_back(QJsonObject{{u"code"_s, r.force.code},
                                     {u"name"_s, r.force.name},
                                     {u"region"_s, r.force.regionName},
                                     {u"judgments"_s, judgments}});
    }
    return QJsonDocument(QJsonObject{{u"programme"_s, m.programme.code},
                                     {u"questions"_s, questions},
                                     {u"forces"_s, forces}})
        .toJson(QJsonDocument::Indented);
}

QString changeName(Change c)
{
    switch (c) {
    case Change::None:
        return {};
    case Change::Up:
        return u"up"_s;
    case Change::Down:
        return u"down"_s;
    case Change::Same:
        return u"same"_s;
    case Change::New:
        return u"new"_s;
    case Change::Gone:
        return u"gone"_s;
    case Change::NotComparable:
        return u"not comparable"_s;
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
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("compare two different programmes (both are %1)").arg(from));
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
            v.columns.push_back(
                {q, earlier.value(q.follows.mid(prefix.size())), q.comparable && sameScale});
    if (v.columns.isEmpty())
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral(
                "no graded question of %1 follows one of %2 (a framework copied from %2 records "
                "which question each continues)")
                .arg(to, from));
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
                cell.change = cell.after.rank < cell.before.rank   ? Change::Up
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
    QStringList head{u"force"_s, u"name"_s, u"region"_s};
    for (const ChangeColumn& c : v.columns)
        head << QString(c.earlier.code + u" "_s + v.from.code)
             << QString(c.question.code + u" "_s + v.to.code)
             << QString(c.question.code + u" change"_s);
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
        columns.append(QJsonObject{{u"question"_s, c.question.code},
                                   {u"follows"_s, c.earlier.code},
                                   {u"comparable"_s, c.comparable}});
    for (const ChangeRow& r : v.rows) {
        QJsonObject cells;
        for (const ChangeColumn& c : v.columns) {
            const ChangeCell cell = r.cells.value(c.question.code);
            cells.insert(c.question.code,
                         QJsonObject{{u"before"_s, cell.before.gradeCode.isEmpty()
                                                       ? QJsonValue()
                                                       : QJsonValue(cell.before.gradeCode)},
                                     {u"after"_s, cell.after.gradeCode.isEmpty()
                                                      ? QJsonValue()
                                                      : QJsonValue(cell.after.gradeCode)},
                                     {u"change"_s, changeName(cell.change)}});
        }
        forces.append(QJsonObject{{u"force"_s, r.force.code},
                                  {u"name"_s, r.force.name},
                                  {u"region"_s, r.force.regionName},
                                  {u"questions"_s, cells}});
    }
    QJsonObject totals;
    for (auto it = v.totals.cbegin(); it != v.totals.cend(); ++it)
        totals.insert(changeName(it.key()), it.value());
    return QJsonDocument(QJsonObject{{u"from"_s, v.from.code},
                                     {u"to"_s, v.to.code},
                                     {u"columns"_s, columns},
                                     {u"forces"_s, forces},
                                     {u"totals"_s, totals}})
        .toJson(QJsonDocument::Indented);
}

} // namespace fwb
