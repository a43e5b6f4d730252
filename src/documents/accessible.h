#pragma once
// What makes a published page readable by everyone (the public sector's accessibility rules,
// WCAG 2.1 AA): used by the HTML export (export.cpp: toHtml) and its tests.
//  - the page's language (lang="en-GB");
//  - headings in order: the first is <h1> and none skips a level;
//  - table headers as <th scope="col">, and the first cell of a body row as <th scope="row">;
//  - every chart with alternative text that says what it shows, made from its data;
//  - the DRAFT band, kept at the head of every printed page;
//  - colours of text at a contrast of 4.5:1 or more (style::contrastRatio), grades always in
//    words as well as colour.

#include "documents/chart.h"

#include <QList>
#include <QString>

namespace fwb::documents {

// "Bar chart: Crimes recorded per 1,000 people. Lancashire Constabulary 62; England and Wales
// 61." — the chart's values in words, for a reader who cannot see it.
QString chartAltText(const ChartSpec& spec);

struct HtmlPageOptions {
    QString language = QStringLiteral("en-GB");
    QList<QString> chartAltTexts; // in document order, one per chart image
    QString draftNotice;          // empty: not a draft
};

// Qt's HTML of a document made accessible as above.
QString accessibleHtml(QString html, const HtmlPageOptions& options);

} // namespace fwb::documents
