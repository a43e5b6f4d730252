#pragma once
// Numbers as a report writes them: digits ("39", "1,000", "62.7", "17.4%"), words ("ten",
// "thirty four", "thirty-four", "one hundred and twenty"), and the phrases that state a count
// without naming it ("all but three", "half"). Table-driven, so a new word is one line.

#include <QList>
#include <QString>
#include <optional>

namespace fwb::checks {

struct NumberMention {
    qsizetype start = 0, length = 0; // where in the text
    double value = 0;
    bool words = false;   // written in words
    bool percent = false; // followed by "%", "per cent" or "percent"
    int decimals = 0;     // as written: 62.7 has 1
    QString text() const;
    QString source; // the words as written
};

// Every number in the text, in order. "all but three" is reported as three with allBut set by
// the caller's context (see allBut()).
QList<NumberMention> findNumbers(const QString& text);

// "thirty four" → 34, "one hundred and twenty" → 120, "ten" → 10; nullopt when not a number.
std::optional<int> parseNumberWords(const QString& words);

// The unit that follows a number: "hours", "per 1,000", … (lower case), for telling counts of
// files from durations and rates.
QString unitAfter(const QString& text, const NumberMention& n);

// Whether "all but" comes straight before the number.
bool allBut(const QString& text, const NumberMention& n);

} // namespace fwb::checks
