#include "core/io/csv.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <csv.h>

namespace fwb::csv {
namespace {

// The characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that a
// spreadsheet drops before looking at the next one).
bool startsFormula(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
           c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
           c == QChar(0);
}

// A plain decimal number, perhaps signed, with a fraction or an exponent: what the program writes
// for figures and changes. A spreadsheet reads it as that number and nothing else.
bool isPlainNumber(const QString& s)
{
    static const QRegularExpression re(
        QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
    return re.match(s).hasMatch();
}

constexpr QChar kApostrophe = QLatin1Char('\'');

struct ParseState {
    QList<Row> rows;
    QStringList current;
    int rowNumber = 1;
};

void onField(void* data, size_t length, void* out)
{
    auto* st = static_cast<ParseState*>(out);
    st->current << unprotectField(
        QString::fromUtf8(static_cast<const char*>(data), qsizetype(length)));
}

void onRow(int, void* out)
{
    auto* st = static_cast<ParseState*>(out);
    st->rows.push_back({st->rowNumber++, st->current});
    st->current.clear();
}

} // namespace

Result<QList<Row>> parse(const QByteArray& input, const QString& name)
{
    QByteArray text = input;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3); // spreadsheet programs write a byte-order mark
    {
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8.decode(text);
        if (utf8.hasError()) {
            const QString good = decoded.left(decoded.indexOf(QChar::ReplacementCharacter));
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral("%1: row %2: not UTF-8 text (save the file as CSV UTF-8)")
                    .arg(name)
                    .arg(good.count(QLatin1Char('\n')) + 1));
        }
    }
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return Error::make(Error::Code::Internal, QStringLiteral("cannot start the CSV reader"));
    ParseState st;
    const size_t done =
        csv_parse(&parser, text.constData(), size_t(text.size()), onField, onRow, &st);
    int rc = done == size_t(text.size()) ? 0 : csv_error(&parser);
    if (rc == 0 && csv_fini(&parser, onField, onRow, &st) != 0)
        rc = csv_error(&parser);
    csv_free(&parser);
    if (rc != 0) {
        const int row = st.rowNumber;
        return Error::make(Error::Code::Invalid, QStringLiteral("%1: row %2: malformed CSV (%3)")
                                                     .arg(name)
                                                     .arg(row)
                                                     .arg(QString::fromUtf8(csv_strerror(rc))));
    }
    // Rows are numbered by record (blank lines are skipped), which is how a spreadsheet that
    // opened the file numbers them.
    return st.rows;
}

QString protectField(const QString& field)
{
    if (field.isEmpty())
        return field;
    const QChar first = field.front();
    const bool formula = startsFormula(first) && !isPlainNumber(field);
    // An apostrophe already in front of such a character gets one more, so that reading it takes
    // off exactly the one added here.
    const bool quoted = first == kApostrophe && field.size() > 1 &&
                        (startsFormula(field[1]) || field[1] == kApostrophe);
    return formula || quoted ? kApostrophe + field : field;
}

QString unprotectField(const QString& field)
{
    if (field.size() > 1 && field.front() == kApostrophe &&
        (startsFormula(field[1]) || field[1] == kApostrophe))
        return field.mid(1);
    return field;
}

QByteArray formatRow(const QStringList& fields)
{
    QByteArray out;
    for (int i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        const QByteArray src = protectField(fields[i]).toUtf8();
        QByteArray dest(src.size() * 2 + 2, '\0');
        const size_t n =
            csv_write(dest.data(), size_t(dest.size()), src.constData(), size_t(src.size()));
        dest.truncate(qsizetype(n));
        out += dest;
    }
    out += "\r\n";
    return out;
}

} // namespace fwb::csv
