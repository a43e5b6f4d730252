#include "core/io/xlsx.h"

#include <QHash>
#include <QXmlStreamReader>
#include <memory>
#include <zip.h>

using namespace Qt::StringLiterals;

namespace fwb::xlsx {
namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

Error invalid(const QString& name, const QString& what)
{
    return Error::make(Error::Code::Invalid, name + u": "_s + what);
}

// One part of the package, read whole but never beyond the limit (the size the directory
// claims is not trusted: a part is read up to one byte past the limit).
Result<QByteArray> part(zip_t* z, const QString& path, const QString& name, qint64 limit,
                        bool required)
{
    const QByteArray p = path.toUtf8();
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, p.constData(), 0, &st) != 0) {
        if (!required)
            return QByteArray();
        return invalid(name, QStringLiteral("not a workbook: it has no %1").arg(path));
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > quint64(limit))
        return invalid(name, QStringLiteral("%1 unpacks to %2 MB, more than a response form can "
                                            "hold (%3 MB): nothing was read")
                                 .arg(path)
                                 .arg(st.size / (1024 * 1024))
                                 .arg(limit / (1024 * 1024)));
    zip_file_t* f = zip_fopen(z, p.constData(), 0);
    if (!f)
        return invalid(name, QStringLiteral("%1 cannot be unpacked").arg(path));
    QByteArray out;
    char buffer[65536];
    for (;;) {
        const zip_int64_t n = zip_fread(f, buffer, sizeof buffer);
        if (n < 0) {
            zip_fclose(f);
            return invalid(name, QStringLiteral("%1 is damaged").arg(path));
        }
        if (n == 0)
            break;
        out.append(buffer, qsizetype(n));
        if (out.size() > limit) {
            zip_fclose(f);
            return invalid(name, QStringLiteral("%1 unpacks to more than %2 MB, more than a "
                                                "response form can hold: nothing was read")
                                     .arg(path)
                                     .arg(limit / (1024 * 1024)));
        }
    }
    zip_fclose(f);
    return out;
}

// The text of an <si> or <is> element: its <t>s, phonetic runs (<rPh>) left out.
QString richText(QXmlStreamReader& x)
{
    const QString end = x.name().toString();
    QString text;
    int phonetic = 0;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            if (x.name() == u"rPh"_s)
                ++phonetic;
            else if (x.name() == u"t"_s && !phonetic)
                text += x.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (x.isEndElement()) {
            if (x.name() == u"rPh"_s)
                --phonetic;
            else if (x.name() == end)
                break;
        }
    }
    return text;
}

// "AB12" → column 27 (0-based) and row 12; false when it is no cell reference.
bool cellReference(QStringView r, int& column, int& row)
{
    qsizetype i = 0;
    column = 0;
    while (i < r.size() && r[i].isLetter() && r[i].unicode() < 128) {
        column = column * 26 + (r[i].toUpper().unicode() - 'A' + 1);
        if (column > 16384)
            return false;
        ++i;
    }
    if (i == 0 || i == r.size())
        return false;
    bool ok = false;
    row = r.mid(i).toInt(&ok);
    --column;
    return ok && row > 0;
}

// Where the workbook's first sheet and its shared strings are (by the package's relationships).
struct Parts {
    QString sheet = u"xl/worksheets/sheet1.xml"_s;
    QString sharedStrings = u"xl/sharedStrings.xml"_s;
};

QString resolve(const QString& target)
{
    if (target.startsWith(u'/'))
        return target.mid(1);
    return target.startsWith(u"xl/"_s) ? target : u"xl/"_s + target;
}

Parts locate(const QByteArray& workbook, const QByteArray& rels)
{
    Parts parts;
    QString firstSheet;
    QXmlStreamReader w(workbook);
    while (!w.atEnd() && firstSheet.isEmpty())
        if (w.readNext() == QXmlStreamReader::StartElement && w.name() == u"sheet"_s)
            for (const QXmlStreamAttribute& a : w.attributes())
                if (a.name() == u"id"_s)
                    firstSheet = a.value().toString();
    QXmlStreamReader r(rels);
    while (!r.atEnd())
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == u"Relationship"_s) {
            const auto a = r.attributes();
            const QString type = a.value(u"Type"_s).toString();
            if (!firstSheet.isEmpty() && a.value(u"Id"_s) == firstSheet)
                parts.sheet = resolve(a.value(u"Target"_s).toString());
            else if (type.endsWith(u"/sharedStrings"_s))
                parts.sharedStrings = resolve(a.value(u"Target"_s).toString());
        }
    return parts;
}

} // namespace

bool looksLikeZip(const QByteArray& bytes)
{
    return bytes.startsWith("PK\x03\x04") || bytes.startsWith("PK\x05\x06");
}

Result<QList<csv::Row>> readFirstSheet(const QByteArray& bytes, const QString& name,
                                       const Limits& limits)
{
    if (!looksLikeZip(bytes))
        return invalid(name, u"not an Excel workbook (.xlsx): the file is not a zip package"_s);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
    if (!source)
        return invalid(name, u"the workbook cannot be read"_s);
    Zip z(zip_open_from_source(source, ZIP_RDONLY, &error));
    zip_error_fini(&error);
    if (!z) {
        zip_source_free(source);
        return invalid(name, u"not an Excel workbook (.xlsx): the zip package is damaged"_s);
    }
    auto workbook = part(z.get(), u"xl/workbook.xml"_s, name, limits.maxPartBytes, true);
    if (!workbook)
        return workbook.error();
    auto rels = part(z.get(), u"xl/_rels/workbook.xml.rels"_s, name, limits.maxPartBytes, false);
    if (!rels)
        return rels.error();
    const Parts where = locate(*workbook, *rels);
    auto strings = part(z.get(), where.sharedStrings, name, limits.maxPartBytes, false);
    if (!strings)
        return strings.error();
    auto sheet = part(z.get(), where.sheet, name, limits.maxPartBytes, true);
    if (!sheet)
        return sheet.error();

    QStringList shared;
    if (!strings->isEmpty()) {
        QXmlStreamReader x(*strings);
        while (!x.atEnd())
            if (x.readNext() == QXmlStreamReader::StartElement && x.name() == u"si"_s) {
                if (shared.size() >= limits.maxSharedStrings)
                    return invalid(name, u"the workbook has more text than a response form can "
                                         "hold: nothing was read"_s);
                shared << richText(x);
            }
        if (x.hasError())
            return invalid(name, QStringLiteral("its shared strings are not well-formed XML (%1)")
                                     .arg(x.errorString()));
    }

    QList<csv::Row> rows;
    QXmlStreamReader x(*sheet);
    int rowNumber = 0;
    csv::Row current;
    int nextColumn = 0;
    auto finishRow = [&] {
        while (!current.fields.isEmpty() && current.fields.last().isEmpty())
            current.fields.removeLast();
        if (!current.fields.isEmpty())
            rows << current;
        current = {};
    };
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (x.name() == u"row"_s) {
            const int r = x.attributes().value(u"r"_s).toInt();
            rowNumber = r > 0 ? r : rowNumber + 1;
            if (rowNumber > limits.maxRows)
                return invalid(name,
                               QStringLiteral("the sheet runs to row %1, more than a response "
                                              "form can have (%2): nothing was read")
                                   .arg(rowNumber)
                                   .arg(limits.maxRows));
            current = {rowNumber, {}};
            nextColumn = 0;
            // The row's cells follow until its end element.
            while (!x.atEnd()) {
                x.readNext();
                if (x.isEndElement() && x.name() == u"row"_s)
                    break;
                if (!x.isStartElement() || x.name() != u"c"_s)
                    continue;
                const auto a = x.attributes();
                int column = nextColumn, row = rowNumber;
                if (a.hasAttribute(u"r"_s) && !cellReference(a.value(u"r"_s), column, row))
                    return invalid(name, QStringLiteral("row %1: “%2” is not a cell reference")
                                             .arg(rowNumber)
                                             .arg(a.value(u"r"_s)));
                if (column >= limits.maxColumns)
                    return invalid(name,
                                   QStringLiteral("row %1 has a cell in column %2, beyond "
                                                  "what a response form has: nothing was read")
                                       .arg(rowNumber)
                                       .arg(column + 1));
                nextColumn = column + 1;
                const QString type = a.value(u"t"_s).toString();
                QString value;
                while (!x.atEnd()) {
                    x.readNext();
                    if (x.isEndElement() && x.name() == u"c"_s)
                        break;
                    if (!x.isStartElement())
                        continue;
                    if (x.name() == u"v"_s)
                        value = x.readElementText();
                    else if (x.name() == u"is"_s)
                        value = richText(x);
                    else
                        x.skipCurrentElement(); // a formula (<f>) is never run
                }
                if (type == u"s"_s) {
                    bool ok = false;
                    const int index = value.toInt(&ok);
                    if (!ok || index < 0 || index >= shared.size())
                        return invalid(name, QStringLiteral("row %1: a cell names text the "
                                                            "workbook does not have")
                                                 .arg(rowNumber));
                    value = shared[index];
                } else if (type == u"b"_s) {
                    value = value == u"1"_s ? u"TRUE"_s : u"FALSE"_s;
                }
                while (current.fields.size() <= column)
                    current.fields << QString();
                current.fields[column] = value;
            }
            finishRow();
        }
    }
    if (x.hasError())
        return invalid(
            name, QStringLiteral("the sheet is not well-formed XML (%1)").arg(x.errorString()));
    return rows;
}

} // namespace fwb::xlsx
