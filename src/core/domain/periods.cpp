#include "core/domain/periods.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace fwb {
namespace {

int monthOf(const QString& word)
{
    static const QStringList months{
        QStringLiteral("january"), QStringLiteral("february"), QStringLiteral("march"),
        QStringLiteral("april"),   QStringLiteral("may"),      QStringLiteral("june"),
        QStringLiteral("july"),    QStringLiteral("august"),   QStringLiteral("september"),
        QStringLiteral("october"), QStringLiteral("november"), QStringLiteral("december")};
    const QString w = word.toLower();
    for (int i = 0; i < months.size(); ++i)
        if (w == months[i] ||
            (w.size() >= 3 && months[i].startsWith(w) && w.size() <= months[i].size()))
            return i + 1;
    return 0;
}

QDate lastDayOf(int year, int month)
{
    const QDate first(year, month, 1);
    return first.addDays(first.daysInMonth() - 1);
}

const QRegularExpression& comparisonWords()
{
    static const QRegularExpression words(
        QStringLiteral("\\b(compared with|compared to|against|relative to)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return words;
}

// The part of a comparison that names the later period: the first part, as reports put the period
// reported on first ("12 months to 30 June 2015 compared with …").
QString laterPart(const QString& period)
{
    const auto m = comparisonWords().match(period);
    if (!m.hasMatch())
        return period;
    const QString before = period.left(m.capturedStart()).trimmed();
    return before.isEmpty() ? period.mid(m.capturedEnd()) : before;
}

} // namespace

bool isComparison(const QString& period)
{
    return comparisonWords().match(period).hasMatch();
}

QDate periodEnd(const QString& period)
{
    const QString text = laterPart(period);
    // "30 June 2015" or "March 2015" (the month's last day), whichever the words name last:
    // "1 April 2014 to March 2015" ends in March 2015.
    static const QRegularExpression dayMonthYear(QStringLiteral(
        "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,9})\\.?\\s+((?:19|20)\\d\\d)\\b"));
    static const QRegularExpression monthYear(
        QStringLiteral("\\b([A-Za-z]{3,9})\\.?\\s+((?:19|20)\\d\\d)\\b"));
    QDate found;
    qsizetype at = -1;
    bool named = false; // a date is named, whether or not it is one ("31 June 2015" is not)
    QList<std::pair<qsizetype, qsizetype>> days; // where day-month-year dates stand
    for (auto it = dayMonthYear.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (const int month = monthOf(m.captured(2))) {
            days.push_back({m.capturedStart(), m.capturedEnd()});
            named = true;
            at = m.capturedStart();
            found = QDate(m.captured(3).toInt(), month, m.captured(1).toInt());
        }
    }
    for (auto it = monthYear.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool partOfDay = std::any_of(days.cbegin(), days.cend(), [&](const auto& d) {
            return m.capturedStart() >= d.first &&
                   m.capturedStart() < d.second; // the "June 2015" of "30 June 2015"
        });
        if (const int month = monthOf(m.captured(1));
            month && !partOfDay && m.capturedStart() > at) {
            named = true;
            at = m.capturedStart();
            found = lastDayOf(m.captured(2).toInt(), month);
        }
    }
    if (named)
        return found;
    // "2014/15", "2014-15": a financial year, ending on 31 March.
    static const QRegularExpression financial(
        QStringLiteral("\\b((?:19|20)\\d\\d)\\s*[/-]\\s*(\\d\\d)\\b"));
    if (const auto m = financial.match(text); m.hasMatch()) {
        const int start = m.captured(1).toInt();
        if ((start + 1) % 100 == m.captured(2).toInt())
            return QDate(start + 1, 3, 31);
    }
    // "2015" alone: the calendar year.
    static const QRegularExpression year(QStringLiteral("^\\D*\\b((?:19|20)\\d\\d)\\b\\D*$"));
    if (const auto m = year.match(text); m.hasMatch())
        return QDate(m.captured(1).toInt(), 12, 31);
    return {};
}

} // namespace fwb
