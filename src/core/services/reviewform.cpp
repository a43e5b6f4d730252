// The response form of a factual accuracy round: written as CSV (UTF-8 with a byte-order mark)
// and as an Excel workbook, read back from either — as the program wrote it, or as Excel or
// LibreOffice Calc saved it after the force answered (a legacy Windows-1252 CSV included).
//
// The form's "current text" is plain text: what the force read in the pack, without Markdown
// markup (core/util/plaintext.h). The import compares plain text with plain text, so a form that
// went through a spreadsheet comes back clean.
#include "core/services/review.h"
#include "core/services/reviewdetail.h"

#include "core/io/csv.h"
#include "core/io/textencoding.h"
#include "core/io/xlsx.h"
#include "core/util/plaintext.h"
#include "core/workbench.h"

#include <QDate>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <spdlog/spdlog.h>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace fwb {

using namespace reviewdetail;

namespace {
const QStringList& formHeader()
{
    static const QStringList h{u"reference"_s, u"current text"_s, u"proposed change"_s,
                               u"evidence offered"_s, u"category"_s};
    return h;
}

QString formHeaderKey(const QString& cell)
{
    return cell.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
}

// The form's rows, from an Excel workbook or a CSV file in UTF-8 or Windows-1252.
struct FormRows {
    QList<csv::Row> rows;
    bool legacy = false; // a CSV in Windows-1252
};

Result<FormRows> readRows(const QByteArray& data, const QString& name)
{
    FormRows out;
    if (xlsx::looksLikeZip(data)) {
        auto rows = xlsx::readFirstSheet(data, name);
        if (!rows)
            return rows.error();
        out.rows = *rows;
        return out;
    }
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF"))
        return Error::make(Error::Code::Invalid,
                           name + u": saved as “Unicode text” (UTF-16): save the form as "
                                  u"“CSV UTF-8” or as an Excel workbook (.xlsx)"_s);
    const encoding::Decoded text = encoding::decodeText(data);
    auto rows = csv::parse(text.text.toUtf8(), name);
    if (!rows)
        return rows.error();
    if (text.undefinedBytes)
        for (const csv::Row& r : *rows)
            for (const QString& f : r.fields)
                if (f.contains(QChar::ReplacementCharacter))
                    return Error::make(
                        Error::Code::Invalid,
                        QStringLiteral("%1: row %2: neither UTF-8 nor Windows-1252 text; save the "
                                       "form as “CSV UTF-8” or as an Excel workbook (.xlsx)")
                            .arg(name)
                            .arg(r.number));
    out.rows = *rows;
    out.legacy = text.legacy;
    if (text.legacy)
        spdlog::info("{}: read as Windows-1252 (a legacy CSV save)", name.toStdString());
    return out;
}

// The first row naming the columns (the workbook has title rows above it).
qsizetype headerRow(const QList<csv::Row>& rows)
{
    for (qsizetype i = 0; i < qMin<qsizetype>(rows.size(), 12); ++i)
        for (const QString& f : rows[i].fields)
            if (formHeaderKey(f) == u"reference"_s)
                return i;
    return 0;
}

// Ten working days from the day the pack was sent.
QDate tenWorkingDaysAfter(const ReviewRound& round)
{
    QDate d = QDate::fromString(round.sentAt.left(10), Qt::ISODate);
    if (!d.isValid())
        d = QDate::currentDate();
    for (int left = 10; left > 0;) {
        d = d.addDays(1);
        if (d.dayOfWeek() < 6)
            --left;
    }
    return d;
}

QString longDate(const QDate& d)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(d, u"d MMMM yyyy"_s);
}
} // namespace

QString ReviewService::formText(const ReviewItem& item)
{
    return markdownToPlain(item.shown);
}

QDate ReviewService::replyBy(const ReviewRound& round)
{
    return tenWorkingDaysAfter(round);
}

QByteArray ReviewService::form(const ReviewRound& round) const
{
    // A byte-order mark first: without it Excel and Calc read the file in a legacy code page.
    QByteArray out = encoding::kUtf8Bom + csv::formatRow(formHeader());
    for (const ReviewItem& i : round.items)
        out += csv::formatRow({i.reference, formText(i), QString(), QString(), QString()});
    return out;
}

Result<QByteArray> ReviewService::formXlsx(const ReviewRound& round) const
{
    const auto document = m_wb.documents().document(round.documentUid);
    const auto force =
        document ? m_wb.reference().force(document->forceCode) : std::optional<Force>();
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error::make(Error::Code::Internal, u"no temporary folder for the workbook"_s);
    const QByteArray path = dir.filePath(u"form.xlsx"_s).toLocal8Bit();
    const QByteArray tmp = dir.path().toLocal8Bit();
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char*>(tmp.constData());
    lxw_workbook* book = workbook_new_opt(path.constData(), &options);
    if (!book)
        return Error::make(Error::Code::Internal, u"the workbook could not be made"_s);
    // Every string handed over must outlive workbook_close: they are kept here.
    QList<QByteArray> keep;
    auto c = [&](const QString& s) {
        keep << s.toUtf8();
        return keep.last().constData();
    };
    const QString title = document ? document->title : round.documentUid;
    lxw_doc_properties props{};
    props.title = const_cast<char*>(c(title + u" — factual accuracy response form"_s));
    props.author = const_cast<char*>(c(round.sentBy));
    props.company = const_cast<char*>(c(u"Findings Workbench"_s));
    workbook_set_properties(book, &props);

    lxw_worksheet* sheet = workbook_add_worksheet(book, "Responses");
    lxw_format* heading = workbook_add_format(book);
    format_set_bold(heading);
    format_set_font_size(heading, 14);
    lxw_format* subtitle = workbook_add_format(book);
    format_set_bold(subtitle);
    lxw_format* note = workbook_add_format(book);
    format_set_italic(note);
    format_set_text_wrap(note);
    format_set_align(note, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_bg_color(header, 0x1D3A6B);
    format_set_font_color(header, LXW_COLOR_WHITE);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* locked = workbook_add_format(book);
    format_set_text_wrap(locked);
    format_set_align(locked, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(locked, 0xF0F3F7);
    format_set_border(locked, LXW_BORDER_THIN);
    format_set_border_color(locked, 0xC3C9D1);
    lxw_format* reference = workbook_add_format(book);
    format_set_bold(reference);
    format_set_align(reference, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(reference, 0xF0F3F7);
    format_set_border(reference, LXW_BORDER_THIN);
    format_set_border_color(reference, 0xC3C9D1);
    lxw_format* answer = workbook_add_format(book);
    format_set_unlocked(answer);
    format_set_text_wrap(answer);
    format_set_align(answer, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(answer, LXW_BORDER_THIN);
    format_set_border_color(answer, 0xC3C9D1);

    worksheet_set_column(sheet, 0, 0, 11, nullptr);
    worksheet_set_column(sheet, 1, 1, 70, nullptr);
    worksheet_set_column(sheet, 2, 3, 45, answer);
    worksheet_set_column(sheet, 4, 4, 24, answer);
    const QString forceName = force ? force->name : document ? document->forceCode : QString();
    worksheet_write_string(sheet, 0, 0, c(title), heading);
    worksheet_write_string(sheet, 1, 0, c(u"Force: "_s + forceName), subtitle);
    worksheet_write_string(
        sheet, 2, 0,
        c(QStringLiteral("Factual accuracy check, round %1 · sent %2 · please reply by %3")
              .arg(round.number)
              .arg(longDate(QDate::fromString(round.sentAt.left(10), Qt::ISODate)),
                   longDate(replyBy(round)))),
        subtitle);
    worksheet_merge_range(sheet, 3, 0, 3, 4,
                          c(u"Write in the three right-hand columns only: the wording you propose, "
                            u"the evidence for it, and a category from the list. The reference and "
                            u"the current text are locked."_s),
                          note);
    worksheet_set_row(sheet, 3, 30, nullptr);
    const int headerAt = 5;
    const QStringList labels{u"Reference"_s, u"Current text"_s, u"Proposed change"_s,
                             u"Evidence offered"_s, u"Category"_s};
    for (int i = 0; i < labels.size(); ++i)
        worksheet_write_string(sheet, headerAt, lxw_col_t(i), c(labels[i]), header);
    int row = headerAt + 1;
    for (const ReviewItem& i : round.items) {
        const QString text = formText(i);
        worksheet_write_string(sheet, lxw_row_t(row), 0, c(i.reference), reference);
        worksheet_write_string(sheet, lxw_row_t(row), 1, c(text), locked);
        for (lxw_col_t col = 2; col <= 4; ++col)
            worksheet_write_blank(sheet, lxw_row_t(row), col, answer);
        // A row high enough for its text (about 80 characters a line at this width).
        const int lines = int(text.size() / 80) + int(text.count(u'\n')) + 1;
        worksheet_set_row(sheet, lxw_row_t(row), qMin(409.0, 15.0 * lines), nullptr);
        ++row;
    }
    if (row > headerAt + 1) {
        static const char* categories[] = {"factual error", "typo", "challenge to judgment",
                                           "other", nullptr};
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = const_cast<char**>(categories);
        v.error_title = const_cast<char*>("Category");
        v.error_message =
            const_cast<char*>("Choose factual error, typo, challenge to judgment or other.");
        v.input_title = const_cast<char*>("Category");
        v.input_message = const_cast<char*>("Choose from the list.");
        worksheet_data_validation_range(sheet, headerAt + 1, 4, lxw_row_t(row - 1), 4, &v);
    }
    worksheet_freeze_panes(sheet, headerAt + 1, 0);
    lxw_protection protection{};
    protection.format_rows = 1;
    protection.format_columns = 1;
    worksheet_protect(sheet, nullptr, &protection);
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        return Error::make(Error::Code::Internal,
                           QStringLiteral("the workbook could not be written: %1")
                               .arg(QString::fromUtf8(lxw_strerror(e))));
    QFile f(QString::fromLocal8Bit(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Internal, u"the workbook could not be read back"_s);
    return f.readAll();
}

QString ReviewService::FormProblem::toString() const
{
    QString s = QStringLiteral("row %1").arg(row);
    if (!field.isEmpty())
        s += QStringLiteral(", %1").arg(field);
    return s + QStringLiteral(": ") + message;
}

ReviewService::ImportReport ReviewService::checkForm(const ReviewRound& round,
                                                     const QByteArray& data, const QString& name,
                                                     QList<FaResponse>* clean) const
{
    ImportReport report;
    auto read = readRows(data, name);
    if (!read) {
        report.problems << FormProblem{0, {}, read.error().message};
        return report;
    }
    const QList<csv::Row>& rows = read->rows;
    if (rows.isEmpty()) {
        report.problems << FormProblem{1, {}, u"the form is empty: it has no header row"_s};
        return report;
    }
    // Columns are found by their header, so a form whose columns were reordered still reads.
    QHash<QString, int> column;
    const qsizetype headerAt = headerRow(rows);
    const csv::Row& header = rows[headerAt];
    for (int i = 0; i < header.fields.size(); ++i)
        column.insert(formHeaderKey(header.fields[i]), i);
    QStringList missing;
    for (const QString& h : formHeader())
        if (!column.contains(h))
            missing << QStringLiteral("“%1”").arg(h);
    if (!missing.isEmpty()) {
        report.problems << FormProblem{header.number,
                                       {},
                                       QStringLiteral("the header lacks %1; it should be: %2")
                                           .arg(missing.join(u", "_s), formHeader().join(u", "_s))};
        return report;
    }
    QHash<QString, const ReviewItem*> items;
    for (const ReviewItem& i : round.items)
        items.insert(i.reference.toUpper(), &i);
    QSet<QString> imported;
    for (const FaResponse& r : m_wb.documents().roundResponses(round.uid))
        imported.insert(r.reference + QChar(0x1f) + normalised(r.proposedChange) + QChar(0x1f) +
                        normalised(r.evidenceOffered) + QChar(0x1f) + r.category);
    auto field = [&](const csv::Row& row, const QString& h) {
        return row.fields.value(column.value(h));
    };
    for (qsizetype n = headerAt + 1; n < rows.size(); ++n) {
        const csv::Row& row = rows[n];
        const QString reference = field(row, u"reference"_s).trimmed();
        const QString current = field(row, u"current text"_s);
        const QString proposed = field(row, u"proposed change"_s).trimmed();
        const QString evidence = field(row, u"evidence offered"_s).trimmed();
        const QString category = field(row, u"category"_s).trimmed();
        if (proposed.isEmpty() && evidence.isEmpty() && category.isEmpty()) {
            ++report.unchanged; // the force had nothing to say about this reference
            continue;
        }
        const int before = int(report.problems.size());
        const ReviewItem* item = items.value(reference.toUpper());
        if (reference.isEmpty()) {
            report.problems << FormProblem{row.number, u"reference"_s, u"is empty"_s};
        } else if (!item) {
            report.problems << FormProblem{
                row.number, u"reference"_s,
                QStringLiteral("“%1” is not a reference of round %2 of this document")
                    .arg(reference)
                    .arg(round.number)};
        } else if (const QString plain = formText(*item);
                   normalised(current) != normalised(plain) &&
                   normalised(current) != normalised(item->shown)) {
            // The plain text is what the form holds; the Markdown, what forms written before it
            // held.
            if (read->legacy && !encoding::fitsWindows1252(plain))
                report.problems << FormProblem{
                    row.number, u"current text"_s,
                    QStringLiteral("the form was saved as a legacy “CSV” (Windows-1252), which "
                                   "cannot hold every character of the text sent under %1; save "
                                   "it as “CSV UTF-8” or as an Excel workbook (.xlsx)")
                        .arg(item->reference)};
            else
                report.problems << FormProblem{
                    row.number, u"current text"_s,
                    QStringLiteral("differs from the text sent under %1; the form's current "
                                   "text must not be edited (put the wording wanted under "
                                   "“proposed change”)")
                        .arg(item->reference)};
        }
        if (category.isEmpty())
            report.problems << FormProblem{
                row.number, u"category"_s,
                u"is empty; it should be factual error, typo, challenge to judgment or other"_s};
        else if (categoryCode(category).isEmpty())
            report.problems << FormProblem{
                row.number, u"category"_s,
                QStringLiteral("“%1” is not factual error, typo, challenge to judgment or other")
                    .arg(category)};
        if (proposed.isEmpty() && evidence.isEmpty())
            report.problems << FormProblem{
                row.number, u"proposed change"_s,
                QStringLiteral("is empty, and so is “evidence offered”: the row proposes nothing")};
        if (report.problems.size() != before)
            continue;
        FaResponse r;
        r.documentUid = round.documentUid;
        r.roundUid = round.uid;
        r.reference = item->reference;
        r.target = item->target;
        r.currentText = item->shown;
        r.proposedChange = proposed;
        r.evidenceOffered = evidence;
        r.category = categoryCode(category);
        r.formRow = row.number;
        const QString key = r.reference + QChar(0x1f) + normalised(r.proposedChange) + QChar(0x1f) +
                            normalised(r.evidenceOffered) + QChar(0x1f) + r.category;
        if (imported.contains(key)) { // imported before, or a repeat of a row above
            ++report.alreadyImported;
            continue;
        }
        imported.insert(key);
        if (clean)
            clean->push_back(r);
    }
    return report;
}

} // namespace fwb
