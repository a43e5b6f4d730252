#include "core/checks/numbers.h"

#include <QHash>
#include <QRegularExpression>

namespace fwb::checks {
namespace {

const QHash<QString, int>& units()
{
    static const QHash<QString, int> u{
        {QStringLiteral("zero"), 0},      {QStringLiteral("one"), 1},
        {QStringLiteral("two"), 2},       {QStringLiteral("three"), 3},
        {QStringLiteral("four"), 4},      {QStringLiteral("five"), 5},
        {QStringLiteral("six"), 6},       {QStringLiteral("seven"), 7},
        {QStringLiteral("eight"), 8},     {QStringLiteral("nine"), 9},
        {QStringLiteral("ten"), 10},      {QStringLiteral("eleven"), 11},
        {QStringLiteral("twelve"), 12},   {QStringLiteral("thirteen"), 13},
        {QStringLiteral("fourteen"), 14}, {QStringLiteral("fifteen"), 15},
        {QStringLiteral("sixteen"), 16},  {QStringLiteral("seventeen"), 17},
        {QStringLiteral("eighteen"), 18}, {QStringLiteral("nineteen"), 19},
        {QStringLiteral("twenty"), 20},   {QStringLiteral("thirty"), 30},
        {QStringLiteral("forty"), 40},    {QStringLiteral("fifty"), 50},
        {QStringLiteral("sixty"), 60},    {QStringLiteral("seventy"), 70},
        {QStringLiteral("eighty"), 80},   {QStringLiteral("ninety"), 90}};
    return u;
}

const QHash<QString, int>& scales()
{
    static const QHash<QString, int> s{{QStringLiteral("hundred"), 100},
                                       {QStringLiteral("thousand"), 1000}};
    return s;
}

bool isNumberWord(const QString& w)
{
    const QString l = w.toLower();
    return units().contains(l) || scales().contains(l);
}

} // namespace

QString NumberMention::text() const
{
    return source;
}

std::optional<int> parseNumberWords(const QString& words)
{
    static const QRegularExpression split(QStringLiteral("[\\s-]+"));
    int total = 0, current = 0;
    bool any = false;
    for (const QString& raw : words.toLower().split(split, Qt::SkipEmptyParts)) {
        if (raw == QLatin1String("and") && any)
            continue;
        if (units().contains(raw)) {
            current += units().value(raw);
            any = true;
        } else if (scales().contains(raw)) {
            current = (current == 0 ? 1 : current) * scales().value(raw);
            if (scales().value(raw) >= 1000) {
                total += current;
                current = 0;
            }
            any = true;
        } else {
            return std::nullopt;
        }
    }
    if (!any)
        return std::nullopt;
    return total + current;
}

QList<NumberMention> findNumbers(const QString& text)
{
    QList<NumberMention> out;
    // Digits: 1,000 | 62.7 | 16034; a following % or "per cent" marks a percentage.
    static const QRegularExpression digits(
        QStringLiteral("(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?![\\p{L}"
                       "\\d])(\\s*(?:%|per ?cent\\b))?"));
    for (auto it = digits.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        NumberMention n;
        n.start = m.capturedStart();
        n.length = m.capturedLength(1) + (m.capturedLength(2) > 0 ? m.capturedLength(2) + 1 : 0);
        QString whole = m.captured(1);
        whole.remove(QLatin1Char(','));
        const QString decimals = m.captured(2);
        n.value =
            QString(whole + (decimals.isEmpty() ? QString() : QString(QLatin1Char('.') + decimals)))
                .toDouble();
        n.decimals = int(decimals.size());
        n.percent = m.capturedLength(3) > 0;
        n.source = text.mid(n.start, n.length);
        out.push_back(n);
    }
    // Words: a run of number words ("thirty four", "one hundred and twenty").
    static const QRegularExpression word(QStringLiteral("[\\p{L}]+"));
    qsizetype runStart = -1, runEnd = -1;
    auto flush = [&] {
        if (runStart < 0)
            return;
        const QString phrase = text.mid(runStart, runEnd - runStart);
        if (auto v = parseNumberWords(phrase)) {
            NumberMention n;
            n.start = runStart;
            n.length = runEnd - runStart;
            n.value = *v;
            n.words = true;
            n.source = phrase;
            static const QRegularExpression pct(QStringLiteral("^\\s*(?:per ?cent\\b|%)"));
            n.percent = pct.match(text.mid(runEnd, 12)).hasMatch();
            out.push_back(n);
        }
        runStart = runEnd = -1;
    };
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(0);
        const bool joins =
            runStart >= 0 && w.compare(QLatin1String("and"), Qt::CaseInsensitive) == 0;
        const QString between =
            runStart >= 0 ? text.mid(runEnd, m.capturedStart() - runEnd) : QString();
        const bool adjacent =
            runStart >= 0 && (between == QLatin1String(" ") || between == QLatin1String("-"));
        if (isNumberWord(w) && (runStart < 0 || adjacent)) {
            if (runStart < 0)
                runStart = m.capturedStart();
            runEnd = m.capturedEnd();
        } else if (joins && adjacent && it.hasNext() && isNumberWord(it.peekNext().captured(0))) {
            runEnd = m.capturedEnd();
        } else {
            flush();
            if (isNumberWord(w)) {
                runStart = m.capturedStart();
                runEnd = m.capturedEnd();
            }
        }
    }
    flush();
    // "one" alone is rarely a count ("one of the …", "no one"): keep it only before a noun phrase
    // with a number context is the caller's business; here drop "one" when it is a pronoun.
    out.removeIf([&](const NumberMention& n) {
        if (!n.words || n.value != 1)
            return false;
        const QString after = text.mid(n.start + n.length, 4).toLower();
        return after.startsWith(QLatin1String(" of")) || after.startsWith(QLatin1String("'")) ||
               text.mid(qMax<qsizetype>(0, n.start - 3), 3).toLower() == QLatin1String("no ");
    });
    std::sort(out.begin(), out.end(),
              [](const NumberMention& a, const NumberMention& b) { return a.start < b.start; });
    return out;
}

QString unitAfter(const QString& text, const NumberMention& n)
{
    static const QRegularExpression unit(
        QStringLiteral("^\\s*(per 1,000|per 1000|per one million|per million|per "
                       "100|hours?|days?|weeks?|months?|years?|minutes?|per ?cent|%)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = unit.match(text.mid(n.start + n.length, 24));
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

bool allBut(const QString& text, const NumberMention& n)
{
    return text.mid(qMax<qsizetype>(0, n.start - 8), qMin<qsizetype>(8, n.start))
        .toLower()
        .endsWith(QLatin1String("all but "));
}

} // namespace fwb::checks
