#pragma once
// The house style of published documents: typefaces, colours and the English forms of dates and
// numbers. One place, so that the PDF, the preview and the exports look alike.

#include <QColor>
#include <QFont>
#include <QLocale>
#include <QString>

namespace fwb::documents::style {

const QLocale& english();
QFont bodyFont(qreal pointSize = 10.5);
QColor ink();      // body text
QColor accent();   // headings, the force's bars, table header rows
QColor national(); // England and Wales in charts
QColor muted();    // captions, sources, notes
QColor rule();     // table borders, grid lines
QColor shade();    // alternate table rows
QColor embargo();  // the embargo notice
QColor gradeBackground(const QString& gradeCode, int rank);
QColor gradeForeground(const QString& gradeCode, int rank);
// The grade's colour for its name written on the page (dark enough to read on white).
QColor gradeText(const QString& gradeCode, int rank);
QColor draftBackground(); // the DRAFT band
QColor draftInk();        // its text and border

// The contrast ratio of two colours as WCAG 2 defines it (1 to 21); text needs 4.5 or more.
double contrastRatio(const QColor& a, const QColor& b);
// The colour, darkened (or lightened) just enough to have at least `ratio` against `background`.
QColor readableOn(const QColor& colour, const QColor& background, double ratio = 4.5);

// "2014-09-03" → "3 September 2014"; "2016-02-01" with monthOnly → "February 2016".
QString longDate(const QString& iso, bool monthOnly = false);
// "2014-09-04T00:01:00" → "00:01 on Thursday 4 September 2014"
QString embargoTime(const QString& iso);
// "2014-09-04T00:01:00" → "Thursday 4 September 2014 at 00:01" (for running text)
QString embargoPhrase(const QString& iso);
// 16034 → "16,034"; 17.4 → "17.4"
QString number(double value);

} // namespace fwb::documents::style
