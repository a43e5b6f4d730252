#pragma once
// CSV reading and writing over libcsv (RFC 4180: quoted fields, embedded commas, quotes and line
// breaks). Rows are numbered from 1, the header included, as a spreadsheet shows them.

#include "util/result.h"

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

// One record: every field quoted by libcsv, fields joined by commas, ended by CRLF.
QByteArray formatRow(const QStringList& fields);

} // namespace fwb::csv
