#pragma once
// OpenDocument text (.odt) written by the program from the same flow as the Word document
// (flow.h): styles.xml holds named paragraph styles (Title, Heading 1–4 as styles with their
// outline levels, List Bullet, List Number, Caption, Footnote, Table Heading, Table Contents…),
// list styles with hanging indents, and the page styles: a header with the running title and, where
// they apply, the embargo notice and "DRAFT" on every page, a footer with "Page N of M". Footnotes
// are text:note, table header rows are table:table-header-rows (white on the accent), and charts
// are PNG images with their title and a description written from their data (svg:title,
// svg:desc).
//
// Written directly rather than through Qt's ODF writer, which gives every paragraph an automatic
// style of its own (no named styles, headings without their style), writes white text on a cell
// with no background for a table's header row, and has no notes, headers or footers.

#include "documents/flow.h"

#include "core/util/result.h"

#include <QByteArray>

namespace fwb::documents {

Result<QByteArray> toOdt(const Assembly& assembly);

namespace odt {

Result<QByteArray> write(const flow::Flow& flow);

// styles.xml (odtstyles.cpp): the named styles and the page styles with their header and footer.
QByteArray styles(const flow::Flow& flow);
// The name a style has in the file: "Heading 1" → "Heading_20_1".
QString styleName(flow::Style style);

} // namespace odt
} // namespace fwb::documents
