#pragma once
// The periods figures are given for, as the reports write them: "12 months to 30 June 2015",
// "As at 30 June 2015", "12 months to 31 March 2014", "2014/15", "March 2015". A figure followed
// over time is ordered by the date its period ends; a figure that compares two periods ("12 months
// to 30 June 2015 compared with 12 months to 30 June 2010") is a change, not a point in a series.

#include <QDate>
#include <QString>

namespace fwb {

// The last day of the period, or an invalid date when the words name no date ("At the time of
// the inspection"). Of a comparison, the end of the later period.
QDate periodEnd(const QString& period);
// True when the period compares one period with another ("compared with", "against", "since").
bool isComparison(const QString& period);

} // namespace fwb
