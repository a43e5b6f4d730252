#include "core/checks/checker.h"
#include "core/checks/rules.h"

#include "core/checks/numbers.h"
#include "core/workbench.h"

#include <QDate>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fwb::checks {

using namespace detail;

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return u"error"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Info:
        return u"info"_s;
    }
    return {};
}

QString Problem::place() const
{
    QString where;
    if (entity == u"finding"_s)
        where = QStringLiteral("finding %1").arg(key);
    else if (entity == u"judgment"_s)
        where = QStringLiteral("judgment %1").arg(question);
    else if (entity == u"section"_s)
        where = QStringLiteral("section %1").arg(key);
    else
        where = entity + QLatin1Char(' ') + key;
    if (!field.isEmpty())
        where += QStringLiteral(" (%1)").arg(field);
    return where;
}

QList<std::pair<QString, QString>> rules()
{
    return {
        {u"evidence.count"_s,
         u"a count in a finding that none of the evidence samples it cites records"_s},
        {u"evidence.exceeds"_s, u"\"N of the M\" with N larger than M"_s},
        {u"evidence.sample-size"_s,
         u"\"N were examined\" or \"a sample of N\" where the sample cited is of another size"_s},
        {u"evidence.strata"_s,
         u"\"N each from K categories\" that does not make the sample cited"_s},
        {u"figures.value"_s,
         u"a rate or percentage beside a metric's name that matches neither the force's nor England and Wales' value"_s},
        {u"figures.derived"_s,
         u"an outcome rate that does not follow from its count and the base the other outcomes share"_s},
        {u"period.mismatch"_s,
         QStringLiteral(
             "\"12 months to …\" beside a metric's name that is not that metric's period")},
        {u"judgment.grade-words"_s,
         u"grade words about the force that contradict the recorded judgment"_s},
        {u"judgment.overall"_s,
         u"an overall judgment better than every part or worse than every part"_s},
        {u"judgment.missing"_s, u"a graded question without a judgment"_s},
        {u"judgment.summary-missing"_s, u"a judgment without a summary"_s},
        {u"two-places.grade"_s,
         u"the overview and the chapter give the same question different grades"_s},
        {u"two-places.numbers"_s,
         u"the overview and the chapter give different numbers for the same thing"_s},
        {u"force.other-name"_s, u"another force's name in this force's text"_s},
        {u"force.other-person"_s, u"a person of another force named in this force's text"_s},
        {u"dates.embargo-before-fieldwork"_s,
         u"a document embargoed before the inspection's fieldwork ended"_s},
        {u"dates.dated-after-embargo"_s, u"a letter dated after its own embargo"_s},
        {u"completeness.empty-section"_s, u"a bound section of a document with nothing to show"_s},
    };
}

Result<CheckContext> CheckContext::load(const Workbench& workbench, const QString& programme,
                                        const QString& force)
{
    CheckContext c;
    const auto ref = workbench.reference();
    const auto p = ref.programme(programme);
    if (!p)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(programme));
    const auto f = ref.force(force);
    if (!f)
        return Error::make(Error::Code::NotFound, QStringLiteral("no force \"%1\"").arg(force));
    c.programme = *p;
    c.force = *f;
    for (const Force& other : ref.forces())
        if (other.code != force)
            c.otherForces << other;
    for (const Person& person : ref.people())
        if (!person.forceCode.isEmpty() && person.forceCode != force)
            c.otherPeople << person;
    c.questions = ref.questionsFlat(programme);
    if (const auto scale = ref.gradeScale(p->gradeScaleCode))
        c.grades = scale->grades;
    const auto drafts = workbench.drafts();
    c.judgments = drafts.judgments(programme, force);
    c.findings = drafts.findings(programme, force);
    c.evidence = drafts.evidence(programme, force);
    c.metrics = drafts.metrics(programme, force);
    c.documents = workbench.documents().documents(programme, force);
    return c;
}

QList<Problem> checkText(const CheckContext& c, const QString& entity, const QString& key,
                         const QString& question, const QString& text,
                         const QStringList& evidenceUids)
{
    QList<Problem> out;
    const Text t{entity,
                 key,
                 entity == u"finding"_s    ? u"text"_s
                 : entity == u"judgment"_s ? u"summary"_s
                                           : u"body"_s,
                 question,
                 text,
                 evidenceUids};
    checkEvidence(c, t, out);
    checkFigures(c, t, out);
    checkOtherForce(c, t, out);
    if (entity == u"judgment"_s)
        for (const Judgment& j : c.judgments)
            if (j.questionCode == question)
                checkGradeWords(c, t, j.gradeCode, out);
    return out;
}

QList<Problem> checkAll(const CheckContext& c)
{
    QList<Problem> out;
    QHash<QString, const Judgment*> judgmentOf;
    for (const Judgment& j : c.judgments)
        judgmentOf.insert(j.questionCode, &j);

    for (const Finding& f : c.findings)
        out += checkText(c, u"finding"_s, f.uid, f.questionCode, f.text, f.evidenceUids);

    for (const Judgment& j : c.judgments) {
        const QString key =
            c.programme.code + QLatin1Char('/') + c.force.code + QLatin1Char('/') + j.questionCode;
        const Text summary{u"judgment"_s, key, u"summary"_s, j.questionCode, j.summary, {}};
        const Text overview{u"judgment"_s, key, u"overview"_s, j.questionCode, j.overview, {}};
        for (const Text& t : {summary, overview}) {
            if (t.text.isEmpty())
                continue;
            checkGradeWords(c, t, j.gradeCode, out);
            checkFigures(c, t, out);
            checkOtherForce(c, t, out);
        }
        if (j.summary.trimmed().isEmpty())
            out << problem(
                c, summary, u"judgment.summary-missing"_s, Severity::Warning, -1, 0,
                QStringLiteral("the judgment for %1 has no summary").arg(j.questionCode));
        // The overview and the chapter: the same figures where they say the same thing — a
        // number followed by the same two words in both ("79.5 percent of victims") must agree.
        if (!j.summary.isEmpty() && !j.overview.isEmpty()) {
            auto tagged = [](const QString& text) {
                QHash<QString, std::pair<NumberMention, QString>> out;
                static const QRegularExpression nextWords(
                    QStringLiteral("^\\s*((?:[\\p{L}%]+\\s+){1}[\\p{L}]+)"));
                for (const NumberMention& n : findNumbers(withoutFootnotes(text))) {
                    const auto m = nextWords.match(text.mid(n.start + n.length, 40));
                    if (m.hasMatch() && !n.words)
                        out.insert(m.captured(1).toLower(), {n, m.captured(1)});
                }
                return out;
            };
            const auto inSummary = tagged(j.summary), inOverview = tagged(j.overview);
            for (auto it = inOverview.cbegin(); it != inOverview.cend(); ++it) {
                const auto other = inSummary.find(it.key());
                if (other == inSummary.cend() || other->first.value == it->first.value)
                    continue;
                out << problem(
                    c, overview, u"two-places.numbers"_s, Severity::Error, it->first.start,
                    it->first.length,
                    QStringLiteral(
                        "the overview says \"%1 %2\" but the chapter summary says \"%3 %4\" for %5")
                        .arg(it->first.source, it->second, other->first.source, other->second,
                             j.questionCode));
            }
        }
        // The overview and the chapter: the same grade in both places.
        const QList<Claim> a = gradeClaims(c, j.summary), b = gradeClaims(c, j.overview);
        if (!a.isEmpty() && !b.isEmpty() && a.front().grade != b.front().grade)
            out << problem(
                c, overview, u"two-places.grade"_s, Severity::Error, b.front().start,
                b.front().length,
                QStringLiteral(
                    "the overview says \"%1\" but the chapter summary says \"%2\" for %3")
                    .arg(j.overview.mid(b.front().start, b.front().length),
                         j.summary.mid(a.front().start, a.front().length), j.questionCode));
    }

    // Graded questions without a judgment; an overall judgment out of line with its parts.
    for (const Question& q : c.questions) {
        if (!q.graded)
            continue;
        if (!judgmentOf.contains(q.code)) {
            Problem p;
            p.rule = u"judgment.missing"_s;
            p.severity = Severity::Warning;
            p.entity = u"question"_s;
            p.key = q.code;
            p.programme = c.programme.code;
            p.force = c.force.code;
            p.question = q.code;
            p.message =
                QStringLiteral("%1 is graded but has no judgment for %2").arg(q.code, c.force.name);
            out << p;
            continue;
        }
        QList<int> parts;
        for (const Question& child : c.questions)
            if (child.parentId == q.id && child.graded && judgmentOf.contains(child.code))
                parts << judgmentOf.value(child.code)->gradeRank;
        const int overall = judgmentOf.value(q.code)->gradeRank;
        if (parts.size() >= 2 && overall > 0) {
            const int best = *std::min_element(parts.begin(), parts.end());
            const int worst = *std::max_element(parts.begin(), parts.end());
            if (overall < best || overall > worst) {
                const Judgment& j = *judgmentOf.value(q.code);
                Problem p;
                p.rule = u"judgment.overall"_s;
                p.severity = Severity::Warning;
                p.entity = u"judgment"_s;
                p.key =
                    c.programme.code + QLatin1Char('/') + c.force.code + QLatin1Char('/') + q.code;
                p.programme = c.programme.code;
                p.force = c.force.code;
                p.question = q.code;
                p.message =
                    QStringLiteral("%1 is judged %2, %3 than every question under it")
                        .arg(q.code, j.gradeLabel, overall < best ? u"better"_s : u"worse"_s);
                out << p;
            }
        }
    }

    checkDerived(c, out);

    // Documents: narrative text, dates, and bound sections with nothing to show.
    const auto fieldEnd = fieldworkEnd(c.programme.fieldwork);
    for (const Document& d : c.documents) {
        Text docText{u"document"_s, d.uid, u"embargo"_s, {}, {}, {}};
        const auto embargo = parseDate(d.embargo);
        const auto dated = parseDate(d.dated);
        if (embargo && fieldEnd && *embargo < *fieldEnd)
            out << problem(
                c, docText, u"dates.embargo-before-fieldwork"_s, Severity::Error, -1, 0,
                QStringLiteral("%1 is embargoed until %2, before the fieldwork ended (%3)")
                    .arg(d.title, embargo->toString(Qt::ISODate), fieldEnd->toString(Qt::ISODate)));
        if (d.kind == u"letter"_s && embargo && dated && *dated > *embargo) {
            docText.field = u"dated"_s;
            out << problem(c, docText, u"dates.dated-after-embargo"_s, Severity::Error, -1, 0,
                           QStringLiteral("the letter is dated %1, after its embargo (%2)")
                               .arg(dated->toString(Qt::ISODate), embargo->toString(Qt::ISODate)));
        }
        QList<const Section*> sections;
        collectSections(d.sections, sections);
        for (const Section* s : sections) {
            const Text t{u"section"_s, s->uid, u"body"_s, s->questionCode, s->body, {}};
            if (!s->body.isEmpty()) {
                checkFigures(c, t, out);
                checkOtherForce(c, t, out);
            }
            QString empty;
            if ((s->kind == u"findings"_s || s->kind == u"areas_for_improvement"_s) &&
                !s->questionCode.isEmpty()) {
                const QStringList under = codesUnder(c, s->questionCode);
                const QString kind = s->kind == u"areas_for_improvement"_s
                                         ? u"area_for_improvement"_s
                                         : s->findingKind;
                bool any = false;
                for (const Finding& f : c.findings)
                    any = any ||
                          (under.contains(f.questionCode) && (kind.isEmpty() || f.kind == kind));
                if (!any)
                    empty = QStringLiteral("no findings under %1 to show").arg(s->questionCode);
            } else if (s->kind == u"judgment"_s && !s->questionCode.isEmpty() &&
                       !judgmentOf.contains(s->questionCode)) {
                empty = QStringLiteral("no judgment for %1 to show").arg(s->questionCode);
            } else if ((s->kind == u"metrics_table"_s || s->kind == u"chart"_s) &&
                       !s->figure.isEmpty()) {
                bool any = false;
                for (const Metric& m : c.metrics)
                    any = any || m.figure == s->figure;
                if (!any)
                    empty = QStringLiteral("no figures for %1 to show").arg(s->figure);
            }
            if (!empty.isEmpty())
                out << problem(c, t, u"completeness.empty-section"_s, Severity::Warning, -1, 0,
                               QStringLiteral("\"%1\" in %2: %3")
                                   .arg(s->title.isEmpty() ? s->kind : s->title, d.title, empty));
        }
    }
    return out;
}

} // namespace fwb::checks
