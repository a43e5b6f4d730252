#pragma once
// CSV reading and writing over libcsv (RFC 4180: quoted fields, embedded commas, quotes and line
// breaks). Rows are numbered from 1, the header included, as a spreadsheet shows them.
//
// Every CSV the program writes goes through formatRow, and every CSV it reads through parse, so
// the rule against formulas is kept in one place (docs/file-formats.md, "CSV files"): a field that
// a spreadsheet would take for a formula — one beginning with '=', '+', '-', '@', a tab, a
// carriage return or NUL — is written with an apostrophe in front ('=HYPERLINK(…) is text, not a
// live link). A plain number such as -5 or -5.2 is written as it is, so that it stays a number. A
// field that really begins with an apostrophe followed by one of those characters (or by another
// apostrophe) gets one more, and parse takes exactly one off again: for every string s,
// parse(formatRow({s})) gives back s.

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace fwb::csv {

struct Row {
    int number = 0; // 1-based record number, the header being row 1 (blank lines are skipped)
    QStringList fields;
};

// Parses the whole text. Errors (an unterminated quote, a stray quote) name the row.
Result<QList<Row>> parse(const QByteArray& text, const QString& name);

// One record: every field protected (protectField) and quoted by libcsv, fields joined by
// commas, ended by CRLF.
QByteArray formatRow(const QStringList& fields);

// The field as written: an apostrophe in front of what a spreadsheet would run as a formula.
QString protectField(const QString& field);
// The inverse of protectField, applied by parse to every field read.
QString unprotectField(const QString& field);

} // namespace fwb::csv
