#pragma once
// Reading an Office Open XML workbook (.xlsx, as Excel and LibreOffice Calc save it): the first
// sheet as rows of text, numbered as the spreadsheet numbers them.
//
// Debian has no C or C++ library that reads XLSX (libxlsxwriter only writes; FreeXL 1.0 reads
// the older .xls), so the sheet is read here: the package through libzip, its XML through
// QXmlStreamReader. Shared strings, inline strings, formula results (the cached value; a formula
// is never run), booleans and numbers (as written) are read; styles and rich-text runs are text.
// A hostile file is refused, never trusted: not a zip, a part that unpacks to more than the
// limits below, more rows or columns than a form could have, malformed XML.

#include "core/io/csv.h"
#include "core/util/result.h"

#include <QByteArray>

namespace fwb::xlsx {

struct Limits {
    qint64 maxPartBytes = 32 * 1024 * 1024; // unpacked size of the sheet or the shared strings
    int maxRows = 20000;
    int maxColumns = 256;
    int maxSharedStrings = 200000;
};

// Whether the bytes are a zip package (what an .xlsx is).
bool looksLikeZip(const QByteArray& bytes);

// The first sheet's rows that hold anything, each with its row number and its cells from column A
// (blank cells as empty strings). Errors name the file and what is wrong.
Result<QList<csv::Row>> readFirstSheet(const QByteArray& bytes, const QString& name,
                                       const Limits& limits = {});

} // namespace fwb::xlsx
