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

namespace fwb::checks::detail {

// The text with footnote definitions ("[^fn3]: Source: …") blanked out, offsets kept: footnotes
// name sources and other forces' data on purpose, and are not claims about this force.
QString withoutFootnotes(const QString& text)
{
    static const QRegularExpression definition(QStringLiteral("(?m)^\\[\\^[^\\]]+\\]:.*$"));
    QString out = text;
    for (auto it = definition.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i)
            out[i] = QLatin1Char(' ');
    }
    return out;
}

Problem problem(const CheckContext& c, const Text& t, const QString& rule, Severity severity,
                qsizetype start, qsizetype length, const QString& message)
{
    Problem p;
    p.rule = rule;
    p.severity = severity;
    p.entity = t.entity;
    p.key = t.key;
    p.field = t.field;
    p.programme = c.programme.code;
    p.force = c.force.code;
    p.question = t.question;
    p.start = start;
    p.length = length;
    p.message = message;
    return p;
}

// Sentences as [start, end) ranges.
QList<std::pair<qsizetype, qsizetype>> sentences(const QString& text)
{
    QList<std::pair<qsizetype, qsizetype>> out;
    static const QRegularExpression end(
        QStringLiteral("[.!?](?=\\s+[\\p{Lu}\\d‘'\"(]|\\s*$)|\\n\\s*\\n"));
    qsizetype from = 0;
    for (auto it = end.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out.push_back({from, m.capturedEnd()});
        from = m.capturedEnd();
    }
    if (from < text.size())
        out.push_back({from, text.size()});
    return out;
}

QString fmt(double v)
{
    return std::fabs(v - std::round(v)) < 1e-9
               ? QLocale(QLocale::English).toString(qint64(std::llround(v)))
               : QLocale(QLocale::English).toString(v, 'f', 1);
}

// ---- patterns, compiled once per force and thread ----------------------------------------------

struct Patterns {
    QRegularExpression otherForces; // every other force's name (and distinctive short name)
    QHash<QString, QString> forceOfName;
    QRegularExpression judges, is, headline, requiresImprovement;
    QHash<QString, QString> gradeOfLabel;
};

const Patterns& patterns(const CheckContext& c)
{
    thread_local QHash<QString, std::shared_ptr<Patterns>> cache;
    const QString key = c.force.code + QLatin1Char('|') + c.force.name + QLatin1Char('|') +
                        c.programme.gradeScaleCode + QLatin1Char('|') +
                        QString::number(c.otherForces.size());
    if (auto it = cache.find(key); it != cache.end())
        return **it;
    auto p = std::make_shared<Patterns>();
    QStringList names;
    for (const Force& f : c.otherForces) {
        names << f.name;
        p->forceOfName.insert(f.name, f.name);
        // A short name alone only when it is distinctive and not part of this force's own name.
        if (f.shortName.size() >= 5 && !c.force.name.contains(f.shortName) &&
            f.shortName != f.name) {
            names << f.shortName;
            p->forceOfName.insert(f.shortName, f.name);
        }
    }
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    QStringList escaped;
    for (const QString& n : names)
        escaped << QRegularExpression::escape(n);
    p->otherForces.setPattern(u"(?<![\\p{L}-])(?:"_s + escaped.join(QLatin1Char('|')) +
                              u")(?![\\p{L}-])"_s);
    p->otherForces.optimize();

    QStringList words;
    for (const Grade& g : c.grades) {
        p->gradeOfLabel.insert(g.label.toLower(), g.code);
        words << QRegularExpression::escape(g.label.toLower());
    }
    const QString grade =
        u"("_s + (words.isEmpty() ? u"\\x{0}"_s : words.join(QLatin1Char('|'))) + u")"_s;
    const QString subject = u"(?:"_s + QRegularExpression::escape(c.force.name) + u"|"_s +
                            QRegularExpression::escape(c.force.shortName) +
                            u"|the force|the constabulary|the service)"_s;
    const QString clauseEnd = u"(?=\\s+at\\b|\\s+in\\b|\\s*[.,;:]|\\s*$)"_s;
    const auto opts = QRegularExpression::CaseInsensitiveOption;
    p->judges = QRegularExpression(
        u"\\bjudge[sd]?\\s+"_s + subject + u"\\s+(?:as|to be)\\s+"_s + grade + u"\\b"_s, opts);
    p->is = QRegularExpression(
        u"\\b"_s + subject +
            u"\\s+(?:is|was|has been|remains|continues to be)\\s+(?:judged\\s+(?:to be\\s+|as\\s+)?)?"_s +
            grade + clauseEnd,
        opts);
    p->headline = QRegularExpression(
        u"^\\s*"_s + subject + QStringLiteral("(?:['’]s)?\\b[^.]{0,160}?\\b(?:is|are)\\s+") +
            grade + clauseEnd,
        opts);
    p->requiresImprovement = QRegularExpression(
        u"^\\s*"_s + subject +
            QStringLiteral("(?:['’]s)?\\b[^.]{0,160}?\\b(requires improvement)\\b"),
        opts);
    for (QRegularExpression* re : {&p->judges, &p->is, &p->headline, &p->requiresImprovement})
        re->optimize();
    cache.insert(key, p);
    return *p;
}

// ---- grades in words ----------------------------------------------------------------------------

// What grade a text says the force is, and where: "HMIC judges X to be good" and "X is good at
// …" anywhere; in the first sentence also "X's approach to … is good" and "… requires improvement".
QList<Claim> gradeClaims(const CheckContext& c, const QString& text)
{
    QList<Claim> out;
    const Patterns& p = patterns(c);
    if (p.gradeOfLabel.isEmpty())
        return out;
    const QHash<QString, QString>& codeOf = p.gradeOfLabel;
    const QRegularExpression& judges = p.judges;
    const QRegularExpression& is = p.is;
    const QRegularExpression& headline = p.headline;
    const QRegularExpression& requiresImprovement = p.requiresImprovement;
    const auto ranges = sentences(text);
    for (int i = 0; i < ranges.size(); ++i) {
        const auto [from, to] = ranges[i];
        const QString s = text.mid(from, to - from);
        QSet<qsizetype> seen;
        auto add = [&](const QRegularExpressionMatch& m) {
            const QString code = codeOf.value(m.captured(1).toLower());
            if (code.isEmpty() || seen.contains(m.capturedStart(1)))
                return;
            seen.insert(m.capturedStart(1));
            out.push_back({code, from + m.capturedStart(1), m.capturedLength(1)});
        };
        for (auto it = judges.globalMatch(s); it.hasNext();)
            add(it.next());
        for (auto it = is.globalMatch(s); it.hasNext();)
            add(it.next());
        if (i == 0) {
            if (auto m = headline.match(s); m.hasMatch())
                add(m);
            if (auto m = requiresImprovement.match(s); m.hasMatch())
                add(m);
        }
    }
    return out;
}

QString gradeLabel(const CheckContext& c, const QString& code)
{
    for (const Grade& g : c.grades)
        if (g.code == code)
            return g.label;
    return code;
}

// ---- numbers against evidence ------------------------------------------------------------------

void checkEvidence(const CheckContext& c, const Text& t, QList<Problem>& out)
{
    QList<EvidenceSample> cited;
    for (const EvidenceSample& e : c.evidence)
        if (t.evidence.contains(e.uid))
            cited << e;
    if (cited.isEmpty())
        return;
    QSet<qint64> sizes, counts, bases, strata;
    QStringList described;
    for (const EvidenceSample& e : cited) {
        if (e.sampleSize)
            sizes.insert(*e.sampleSize);
        for (const Stratum& s : e.strata)
            strata.insert(s.size);
        if (!e.strata.isEmpty())
            strata.insert(e.strata.size());
        for (const Measure& m : e.measures) {
            counts.insert(m.count);
            if (m.base) {
                bases.insert(*m.base);
                counts.insert(*m.base - m.count);
            }
            if (e.sampleSize)
                counts.insert(*e.sampleSize - m.count);
        }
        QStringList ms;
        for (const Measure& m : e.measures)
            ms << QStringLiteral("%1 %2").arg(m.label.toLower()).arg(m.count) +
                      (m.base ? QStringLiteral(" of %1").arg(*m.base) : QString());
        described << QStringLiteral("\"%1\"%2: %3")
                         .arg(e.label,
                              e.sampleSize ? QStringLiteral(" (%1)").arg(*e.sampleSize) : QString(),
                              ms.join(u", "_s));
    }
    const QString evidenceText = described.join(u"; "_s);
    const QString text = withoutFootnotes(t.text);
    const QList<NumberMention> numbers = findNumbers(text);

    // "N each from the categories of a; b; …": N × categories = the sample; strata of N.
    static const QRegularExpression each(
        QStringLiteral("\\beach from (?:the )?(?:categories|types|areas) of ([^.]*)"),
        QRegularExpression::CaseInsensitiveOption);
    for (const NumberMention& n : numbers) {
        const QString after = text.mid(n.start + n.length, 12).toLower();
        if (!after.startsWith(u" each from"_s))
            continue;
        const auto m = each.match(text, n.start + n.length);
        if (!m.hasMatch())
            continue;
        static const QRegularExpression separators(
            QStringLiteral("\\s*;\\s*|\\s*,\\s*|\\s+and\\s+"));
        const int categories = int(m.captured(1).split(separators, Qt::SkipEmptyParts).size());
        const qint64 total = qint64(n.value) * categories;
        bool fits = false;
        for (const EvidenceSample& e : cited)
            fits =
                fits || (e.sampleSize && *e.sampleSize == total && e.strata.size() == categories);
        if (!fits)
            out << problem(
                c, t, u"evidence.strata"_s, Severity::Error, n.start, n.length,
                QStringLiteral(
                    "%1 each from %2 categories makes %3, which is not the sample cited (%4)")
                    .arg(n.source)
                    .arg(categories)
                    .arg(total)
                    .arg(evidenceText));
    }

    // "N of the M": N within M, and M the sample or a part of it the evidence records.
    static const QRegularExpression ofThe(
        QStringLiteral("^\\s+of\\s+(?:the|those|these)\\s+(?:other\\s+)?"),
        QRegularExpression::CaseInsensitiveOption);
    for (int i = 0; i + 1 < numbers.size(); ++i) {
        const NumberMention& n = numbers[i];
        const NumberMention& m = numbers[i + 1];
        const QString between = text.mid(n.start + n.length, m.start - n.start - n.length);
        if (!ofThe.match(between).hasMatch() ||
            ofThe.match(between).capturedLength() != between.size())
            continue;
        if (n.value > m.value)
            out << problem(
                c, t, u"evidence.exceeds"_s, Severity::Error, n.start, m.start + m.length - n.start,
                QStringLiteral("%1 of %2 cannot be: the count is larger than what it is out of")
                    .arg(n.source, m.source));
    }

    // Every other count must be one the evidence records: the sample, a stratum, a measure, a
    // base, or what is left of one.
    for (const NumberMention& n : numbers) {
        if (n.percent)
            continue;
        const QString unit = unitAfter(text, n);
        if (!unit.isEmpty())
            continue; // 24 hours, 3 per cent, 12 months
        if (n.value >= 1900 && n.value <= 2100 && !n.words)
            continue; // a year
        if (n.decimals > 0)
            continue;
        const qint64 v = qint64(n.value);
        if (allBut(text, n)) {
            bool fits = false;
            for (const EvidenceSample& e : cited)
                for (const Measure& m : e.measures)
                    fits = fits || (e.sampleSize && *e.sampleSize - v == m.count);
            if (!fits)
                out << problem(
                    c, t, u"evidence.count"_s, Severity::Error, n.start, n.length,
                    QStringLiteral("\"all but %1\" does not follow from the evidence cited (%2)")
                        .arg(n.source, evidenceText));
            continue;
        }
        if (sizes.contains(v) || counts.contains(v) || bases.contains(v) || strata.contains(v))
            continue;
        out << problem(c, t, u"evidence.count"_s, Severity::Error, n.start, n.length,
                       QStringLiteral("%1 is not a count the evidence cited records (%2)")
                           .arg(n.source, evidenceText));
    }

    // "N … were examined", "a sample of N": N is the size of a sample cited.
    static const QRegularExpression examined(
        QStringLiteral("^(?:\\s+[\\p{L}-]+){1,6}\\s+(?:were|was)\\s+(?:examined|reviewed|dip-"
                       "sampled|checked|audited)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (const NumberMention& n : numbers) {
        const bool sampleOf =
            text.mid(qMax<qsizetype>(0, n.start - 10), qMin<qsizetype>(10, n.start))
                .toLower()
                .endsWith(u"sample of "_s);
        const bool wereExamined = examined.match(text.mid(n.start + n.length, 80)).hasMatch();
        if (!sampleOf && !wereExamined)
            continue;
        if (sizes.isEmpty() || sizes.contains(qint64(n.value)))
            continue;
        out << problem(c, t, u"evidence.sample-size"_s, Severity::Error, n.start, n.length,
                       QStringLiteral("the text says %1 were examined; the sample cited is of %2")
                           .arg(n.source, QStringList([&] {
                                              QStringList s;
                                              for (qint64 x : sizes)
                                                  s << QString::number(x);
                                              return s;
                                          }())
                                              .join(u" or "_s)));
    }
}

// ---- figures against metrics -------------------------------------------------------------------

bool matches(double written, int decimals, double value)
{
    const double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-9;
    return std::fabs(written - value) <= tolerance ||
           std::fabs(written - std::fabs(value)) <= tolerance;
}

QString kindOf(const Metric& m)
{
    const QString u = (m.unit + u" "_s + m.measure).toLower();
    if (u.contains(u"%"_s) || u.contains(u"percent"_s))
        return u"percent"_s;
    if (u.contains(u"per 1,000"_s) || u.contains(u"per 1000"_s))
        return u"per1000"_s;
    if (u.contains(u"million"_s))
        return u"permillion"_s;
    return u"count"_s;
}

QString kindOf(const QString& text, const NumberMention& n)
{
    if (n.percent)
        return u"percent"_s;
    const QString after = text.mid(n.start + n.length, 60).toLower();
    static const QRegularExpression per1000(
        QStringLiteral("^(?:\\s+[\\p{L}-]+){0,3}\\s+per 1,?000\\b"));
    static const QRegularExpression perMillion(
        QStringLiteral("^(?:\\s+[\\p{L}-]+){0,3}\\s+per (?:one )?million\\b"));
    if (per1000.match(after).hasMatch())
        return u"per1000"_s;
    if (perMillion.match(after).hasMatch())
        return u"permillion"_s;
    return u"count"_s;
}

void checkFigures(const CheckContext& c, const Text& t, QList<Problem>& out)
{
    const QString text = withoutFootnotes(t.text);
    const QString lower = text.toLower();
    static const QRegularExpression periodPattern(
        QStringLiteral("\\b\\d+ months to (\\d{1,2} \\p{L}+ \\d{4})"),
        QRegularExpression::CaseInsensitiveOption);
    for (const auto& [from, to] : sentences(text)) {
        const QString s = lower.mid(from, to - from);
        QList<const Metric*> named;
        for (const Metric& m : c.metrics) {
            const QString name = m.name.toLower();
            if (name.size() >= 6 && s.contains(name))
                named << &m;
        }
        if (named.isEmpty())
            continue;
        // Values: a number of the kind a named metric is, matching none of them.
        const QList<NumberMention> numbers = findNumbers(text.mid(from, to - from));
        for (const NumberMention& n : numbers) {
            const QString kind = kindOf(text.mid(from, to - from), n);
            if (kind == u"count"_s)
                continue; // counts in text are too often other things (years, ages, 24 hours)
            bool relevant = false, fits = false;
            QStringList expected;
            for (const Metric* m : named) {
                if (kindOf(*m) != kind)
                    continue;
                relevant = true;
                fits = fits || matches(n.value, n.decimals, m->forceValue) ||
                       (m->nationalValue && matches(n.value, n.decimals, *m->nationalValue));
                expected << fmt(m->forceValue) +
                                (m->nationalValue
                                     ? u" (England and Wales "_s + fmt(*m->nationalValue) + u")"_s
                                     : QString());
            }
            if (relevant && !fits)
                out << problem(c, t, u"figures.value"_s, Severity::Error, from + n.start, n.length,
                               QStringLiteral("%1 does not match the figures for %2: %3")
                                   .arg(n.source, named.front()->name, expected.join(u"; "_s)));
        }
        // Periods: where a sentence quotes a metric's figure and a period ("12 months to 30 June
        // 2015"), the period must be the metric's; a period that follows "compared with" is the
        // other side of a comparison.
        QList<const Metric*> quoted;
        for (const Metric* metric : named)
            for (const NumberMention& n : numbers)
                if (kindOf(text.mid(from, to - from), n) == kindOf(*metric) &&
                    (matches(n.value, n.decimals, metric->forceValue) ||
                     (metric->nationalValue &&
                      matches(n.value, n.decimals, *metric->nationalValue))))
                    if (!quoted.contains(metric))
                        quoted << metric;
        if (quoted.isEmpty())
            continue;
        for (auto it = periodPattern.globalMatch(text.mid(from, to - from)); it.hasNext();) {
            const auto m = it.next();
            const QString before =
                text.mid(from, to - from).left(m.capturedStart()).right(24).toLower();
            if (before.contains(u"compar"_s) || before.contains(u"than"_s) ||
                before.contains(u"previous"_s))
                continue;
            const QString date = m.captured(1).toLower();
            bool fits = false;
            QStringList periods;
            for (const Metric* metric : quoted) {
                fits = fits || metric->period.toLower().contains(date);
                if (!periods.contains(metric->period))
                    periods << metric->period;
            }
            if (!fits)
                out << problem(
                    c, t, u"period.mismatch"_s, Severity::Warning, from + m.capturedStart(),
                    m.capturedLength(),
                    QStringLiteral("\"%1\" is not the period of the figures for %2 (%3)")
                        .arg(m.captured(0), quoted.front()->name, periods.join(u"; "_s)));
        }
    }
}

// Rates that are counts divided by one base (outcomes per 100 recorded crimes) must agree on it.
void checkDerived(const CheckContext& c, QList<Problem>& out)
{
    struct Pair {
        const Metric* count = nullptr;
        const Metric* rate = nullptr;
    };
    QMap<QString, Pair> pairs; // by name and period
    for (const Metric& m : c.metrics) {
        const QString key = m.name + QLatin1Char('|') + m.period;
        if (kindOf(m) == u"count"_s && !m.unit.contains(u"per"_s))
            pairs[key].count = &m;
        else if (m.unit.toLower().startsWith(u"per 100 "_s))
            pairs[key].rate = &m;
    }
    for (const bool national : {false, true}) {
        struct Interval {
            const Pair* pair;
            double low, high;
        };
        QList<Interval> intervals;
        for (const Pair& p : pairs) {
            if (!p.count || !p.rate)
                continue;
            const std::optional<double> count =
                national ? p.count->nationalValue : std::optional<double>(p.count->forceValue);
            const std::optional<double> rate =
                national ? p.rate->nationalValue : std::optional<double>(p.rate->forceValue);
            if (!count || !rate || *rate <= 0.05)
                continue;
            // The rate as published is rounded to one decimal: the base lies between these.
            intervals.push_back({&p, *count * 100 / (*rate + 0.05), *count * 100 / (*rate - 0.05)});
        }
        if (intervals.size() < 3)
            continue;
        for (const Interval& i : intervals) {
            double low = 0, high = 1e300;
            for (const Interval& j : intervals)
                if (&j != &i) {
                    low = std::max(low, j.low);
                    high = std::min(high, j.high);
                }
            if (low > high)
                continue; // the others disagree among themselves: no common base to test against
            if (i.high < low || i.low > high) {
                const Metric& rate = *i.pair->rate;
                Problem p;
                p.rule = u"figures.derived"_s;
                p.severity = Severity::Error;
                p.entity = u"metric"_s;
                p.key = rate.uid;
                p.field = national ? u"national_value"_s : u"force_value"_s;
                p.programme = c.programme.code;
                p.force = c.force.code;
                p.message =
                    QStringLiteral(
                        "%1: %2 at %3 %4 implies %5 to %6, but the other outcomes imply %7 to %8%9")
                        .arg(rate.name,
                             fmt(national ? *i.pair->count->nationalValue
                                          : i.pair->count->forceValue),
                             fmt(national ? *rate.nationalValue : rate.forceValue), rate.unit,
                             fmt(std::round(i.low)), fmt(std::round(i.high)), fmt(std::round(low)),
                             fmt(std::round(high)),
                             national ? u" (England and Wales)"_s : QString());
                out << p;
            }
        }
    }
}

// ---- another force ------------------------------------------------------------------------------

void checkOtherForce(const CheckContext& c, const Text& t, QList<Problem>& out)
{
    const QString text = withoutFootnotes(t.text);
    const Patterns& p = patterns(c);
    if (!p.forceOfName.isEmpty())
        for (auto it = p.otherForces.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            out << problem(
                c, t, u"force.other-name"_s, Severity::Error, m.capturedStart(), m.capturedLength(),
                QStringLiteral("\"%1\" is another force (%2) in %3's text")
                    .arg(m.captured(0), p.forceOfName.value(m.captured(0)), c.force.name));
        }
    for (const Person& person : c.otherPeople) {
        if (person.name.size() < 5)
            continue;
        const int at = int(text.indexOf(person.name));
        if (at >= 0)
            out << problem(c, t, u"force.other-person"_s, Severity::Error, at, person.name.size(),
                           QStringLiteral("%1 belongs to another force, not %2")
                               .arg(person.name, c.force.name));
    }
}

// ---- judgments ----------------------------------------------------------------------------------

void checkGradeWords(const CheckContext& c, const Text& t, const QString& recordedGrade,
                     QList<Problem>& out)
{
    if (recordedGrade.isEmpty())
        return;
    for (const Claim& claim : gradeClaims(c, t.text))
        if (claim.grade != recordedGrade)
            out << problem(c, t, u"judgment.grade-words"_s, Severity::Error, claim.start,
                           claim.length,
                           QStringLiteral("the text says %1 but the judgment for %2 is %3")
                               .arg(gradeLabel(c, claim.grade).toLower(), t.question,
                                    gradeLabel(c, recordedGrade)));
}

std::optional<QDate> parseDate(const QString& s)
{
    const QDate iso = QDate::fromString(s.left(10), Qt::ISODate);
    if (iso.isValid())
        return iso;
    static const QRegularExpression dmy(QStringLiteral("(\\d{1,2})\\s+(\\p{L}+)\\s+(\\d{4})"));
    if (const auto m = dmy.match(s); m.hasMatch()) {
        const QDate d = QLocale(QLocale::English)
                            .toDate(m.captured(1) + u" "_s + m.captured(2) + u" "_s + m.captured(3),
                                    u"d MMMM yyyy"_s);
        if (d.isValid())
            return d;
    }
    return std::nullopt;
}

// The last day of the last "Month YYYY" named in a fieldwork description.
std::optional<QDate> fieldworkEnd(const QString& fieldwork)
{
    static const QRegularExpression monthYear(
        QStringLiteral("(January|February|March|April|May|June|July|August|September|"
                       "October|November|December)(?:\\s+(\\d{4}))?"));
    std::optional<QDate> last;
    QString pendingMonth;
    int year = 0;
    QList<std::pair<QString, int>> found;
    for (auto it = monthYear.globalMatch(fieldwork); it.hasNext();) {
        const auto m = it.next();
        found.push_back({m.captured(1), m.captured(2).isEmpty() ? 0 : m.captured(2).toInt()});
    }
    // "September to November 2015": a month without a year takes the next year named.
    for (qsizetype i = found.size() - 1; i >= 0; --i) {
        if (found[i].second)
            year = found[i].second;
        else
            found[i].second = year;
    }
    for (const auto& [month, y] : found) {
        if (!y)
            continue;
        const QDate first =
            QLocale(QLocale::English)
                .toDate(QStringLiteral("1 %1 %2").arg(month).arg(y), u"d MMMM yyyy"_s);
        if (first.isValid()) {
            const QDate end = first.addMonths(1).addDays(-1);
            if (!last || end > *last)
                last = end;
        }
    }
    Q_UNUSED(pendingMonth);
    return last;
}

void collectSections(const QList<Section>& sections, QList<const Section*>& out)
{
    for (const Section& s : sections) {
        out << &s;
        collectSections(s.children, out);
    }
}

QStringList codesUnder(const CheckContext& c, const QString& question)
{
    QStringList out{question};
    bool grew = true;
    while (grew) {
        grew = false;
        for (const Question& q : c.questions) {
            if (out.contains(q.code))
                continue;
            for (const Question& parent : c.questions)
                if (parent.id == q.parentId && out.contains(parent.code)) {
                    out << q.code;
                    grew = true;
                }
        }
    }
    return out;
}

} // namespace fwb::checks::detail
