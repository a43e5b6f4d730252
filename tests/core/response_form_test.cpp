// The response form as the force gets it and sends it back: plain text (no Markdown), an Excel
// workbook and a CSV with a byte-order mark; read back from XLSX, from CSV with or without the
// mark, and from a legacy Windows-1252 save; a round trip through LibreOffice Calc where it is
// installed; hostile files refused with a clear message and nothing imported.

#include "core/io/csv.h"
#include "core/io/textencoding.h"
#include "core/io/xlsx.h"
#include "core/services/review.h"
#include "core/util/plaintext.h"
#include "coretest.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <zip.h>

using namespace fwb;

namespace {

const QString kReport = QStringLiteral("lancs-2015-report");

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

ReviewRound sendReport(Workbench& wb)
{
    ReviewService review(wb);
    REQUIRE(review.move(S("document:") + kReport, S("ready"), {}));
    auto round = review.send(kReport);
    REQUIRE(round);
    return *round;
}

// A zip package of the given parts, as bytes.
QByteArray zipOf(const QList<std::pair<QString, QByteArray>>& parts)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(S("x.zip")).toLocal8Bit();
    int error = 0;
    zip_t* z = zip_open(path.constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(z);
    QList<QByteArray> keep = {};
    for (const auto& [name, bytes] : parts) {
        keep << bytes;
        zip_source_t* s =
            zip_source_buffer(z, keep.last().constData(), zip_uint64_t(bytes.size()), 0);
        REQUIRE(zip_file_add(z, name.toUtf8().constData(), s, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(z) == 0);
    QFile f(QString::fromLocal8Bit(path));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QByteArray workbookWithSheet(const QByteArray& sheet)
{
    return zipOf({{S("xl/workbook.xml"),
                   "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets>"
                   "</workbook>"},
                  {S("xl/_rels/workbook.xml.rels"),
                   "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
                   "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                  {S("xl/worksheets/sheet1.xml"), sheet}});
}

// The form's rows answered: the first finding and the first paragraph get a proposed change.
QList<csv::Row> answered(QList<csv::Row> rows, const ReviewRound& round, int headerAt)
{
    int done = 0;
    for (int i = headerAt + 1; i < rows.size() && done < 2; ++i) {
        const QString ref = rows[i].fields.value(0);
        for (const ReviewItem& item : round.items)
            if (item.reference == ref &&
                (item.target.startsWith(S("finding:")) || item.target.startsWith(S("section:")))) {
                while (rows[i].fields.size() < 5)
                    rows[i].fields << QString();
                rows[i].fields[2] = S("The force’s figure is 1,234 – not 1,243 “as stated”.");
                rows[i].fields[3] = S("Annual data return — table 4");
                rows[i].fields[4] = S("factual error");
                ++done;
            }
    }
    REQUIRE(done == 2);
    return rows;
}

QByteArray csvOf(const QList<csv::Row>& rows, bool bom = true)
{
    QByteArray out = bom ? QByteArray(encoding::kUtf8Bom) : QByteArray();
    for (const csv::Row& r : rows)
        out += csv::formatRow(r.fields);
    return out;
}

// The items whose text has Markdown in it.
int markedUp(const ReviewRound& round)
{
    int n = 0;
    for (const ReviewItem& i : round.items)
        n += i.shown.contains(S("**")) || i.shown.contains(S("[^")) ? 1 : 0;
    return n;
}

QString soffice()
{
    return QStandardPaths::findExecutable(S("soffice"));
}

// Converts with LibreOffice (its own profile, so that nothing else is disturbed); returns the
// converted file's bytes, or nothing when LibreOffice converts nothing (Calc not installed).
QByteArray tryConvert(const QString& input, const QString& to, const QString& infilter = {})
{
    QTemporaryDir out;
    QStringList args{S("-env:UserInstallation=") +
                         QUrl::fromLocalFile(out.filePath(S("profile"))).toString(),
                     S("--headless")};
    if (!infilter.isEmpty())
        args << S("--infilter=") + infilter;
    args << S("--convert-to") << to << S("--outdir") << out.filePath(S("o")) << input;
    QProcess p;
    p.start(soffice(), args);
    REQUIRE(p.waitForFinished(180000));
    REQUIRE(p.exitCode() == 0);
    const QStringList made = QDir(out.filePath(S("o"))).entryList(QDir::Files);
    if (made.size() != 1)
        return {};
    QFile f(out.filePath(S("o/")) + made.first());
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QByteArray convert(const QString& input, const QString& to, const QString& infilter = {})
{
    const QByteArray bytes = tryConvert(input, to, infilter);
    REQUIRE_FALSE(bytes.isEmpty());
    return bytes;
}

void write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("Plain text: the form shows what the pack shows and no Markdown", "[review][form]")
{
    CHECK(markdownToPlain(S("The **force** has _improved_[^fn1] its [plan](https://x.org).")) ==
          S("The force has improved its plan."));
    CHECK(markdownToPlain(S("Intro:\n\n- first item\n- second *item*\n\n[^fn1]: A note.")) ==
          S("Intro:\n\n• first item\n• second item"));
    CHECK(markdownToPlain(S("## Heading\nText on\ntwo lines")) ==
          S("Heading\n\nText on two lines"));
    CHECK(markdownToPlain(S("snake_case_name and 2 * 3 * 4 \\*kept\\*")) ==
          S("snake_case_name and 2 * 3 * 4 *kept*"));
    CHECK(markdownToPlain(S("1. one\n2. two")) == S("1. one\n2. two"));
}

TEST_CASE("Encoding: UTF-8 with or without its mark, and Windows-1252 read right", "[review][form]")
{
    const QString text = S("The force’s “plan” – 5 € … •");
    CHECK(encoding::decodeText(encoding::kUtf8Bom + text.toUtf8()).text == text);
    CHECK(encoding::decodeText(text.toUtf8()).text == text);
    const encoding::Decoded legacy = encoding::decodeText(encoding::toWindows1252(text));
    CHECK(legacy.legacy);
    CHECK(legacy.text == text);
    CHECK_FALSE(encoding::fitsWindows1252(S("≥ 4.5")));
    CHECK(encoding::decodeText(QByteArray("a\x81z")).undefinedBytes);
}

TEST_CASE("Form: the CSV starts with a byte-order mark and holds plain text", "[review][form]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    REQUIRE(markedUp(round) > 0); // the seed has bold text and footnotes
    const QByteArray form = ReviewService(*wb).form(round);
    CHECK(form.startsWith(encoding::kUtf8Bom));
    const QString text = QString::fromUtf8(form);
    CHECK_FALSE(text.contains(S("**")));
    CHECK_FALSE(text.contains(S("[^")));
    CHECK_FALSE(text.contains(S("\n- ")));
    // The closing record too.
    CHECK(ReviewService(*wb).recordCsv(round).startsWith(encoding::kUtf8Bom));
}

TEST_CASE("Form: the workbook round trip imports, with title rows and locked columns",
          "[review][form]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    auto book = review.formXlsx(round);
    REQUIRE(book);
    CHECK(xlsx::looksLikeZip(*book));
    auto rows = xlsx::readFirstSheet(*book, S("form.xlsx"));
    REQUIRE(rows);
    // Title rows: the document, the force and the date to reply by; then the header.
    REQUIRE(rows->size() > 5);
    CHECK((*rows)[1].fields[0].contains(S("Lancashire")));
    CHECK((*rows)[2].fields[0].contains(S("please reply by")));
    int headerAt = -1;
    for (int i = 0; i < rows->size() && headerAt < 0; ++i)
        if (rows->at(i).fields.value(0) == S("Reference"))
            headerAt = i;
    REQUIRE(headerAt >= 0);
    CHECK(rows->size() - headerAt - 1 == round.items.size());
    CHECK(rows->at(headerAt + 1).fields[1] == ReviewService::formText(round.items[0]));
    // Unanswered, the workbook is clean and proposes nothing.
    const auto blank = review.checkForm(round, *book, S("form.xlsx"));
    CHECK(blank.problems.isEmpty());
    CHECK(blank.unchanged == round.items.size());

    // The sheet's protection, the list of categories and the unlocked answer columns are in it.
    QTemporaryDir t;
    write(t.filePath(S("f.xlsx")), *book);
    int e = 0;
    zip_t* z = zip_open(t.filePath(S("f.xlsx")).toLocal8Bit().constData(), ZIP_RDONLY, &e);
    REQUIRE(z);
    zip_stat_t st;
    REQUIRE(zip_stat(z, "xl/worksheets/sheet1.xml", 0, &st) == 0);
    QByteArray sheet(qsizetype(st.size), '\0');
    zip_file_t* f = zip_fopen(z, "xl/worksheets/sheet1.xml", 0);
    REQUIRE(zip_fread(f, sheet.data(), st.size) == zip_int64_t(st.size));
    zip_fclose(f);
    zip_discard(z);
    CHECK(sheet.contains("<sheetProtection"));
    CHECK(sheet.contains("type=\"list\""));
    CHECK(sheet.contains("factual error,typo,challenge to judgment,other"));

    // Answered (as a spreadsheet would save it: inline strings) and imported.
    const QList<csv::Row> answers = answered(*rows, round, headerAt);
    QByteArray xml = "<worksheet><sheetData>";
    for (const csv::Row& r : answers) {
        xml += "<row r=\"" + QByteArray::number(r.number) + "\">";
        for (int c = 0; c < r.fields.size(); ++c)
            if (!r.fields[c].isEmpty())
                xml += "<c r=\"" + QByteArray(1, char('A' + c)) + QByteArray::number(r.number) +
                       "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" +
                       r.fields[c].toHtmlEscaped().toUtf8() + "</t></is></c>";
        xml += "</row>";
    }
    xml += "</sheetData></worksheet>";
    auto imported = review.importForm(kReport, workbookWithSheet(xml), S("answered.xlsx"));
    REQUIRE(imported);
    CHECK(imported->imported == 2);
    const auto responses = review.responses(round.uid);
    REQUIRE(responses.size() == 2);
    CHECK(responses[0].proposedChange == S("The force’s figure is 1,234 – not 1,243 “as stated”."));
    CHECK(responses[0].formRow > headerAt + 1); // rows as the spreadsheet numbers them
}

TEST_CASE("Form: CSV with or without its mark and a legacy Windows-1252 save import the same",
          "[review][form]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    auto rows = csv::parse(review.form(round), S("form.csv"));
    REQUIRE(rows);
    const QList<csv::Row> answers = answered(*rows, round, 0);
    for (const QByteArray& form : {csvOf(answers), csvOf(answers, false)}) {
        const auto report = review.checkForm(round, form, S("form.csv"));
        INFO((report.problems.isEmpty() ? QString() : report.problems.first().toString())
                 .toStdString());
        CHECK(report.problems.isEmpty());
    }
    // Saved as plain "CSV" on Windows: the curly quotes and dashes are single bytes.
    QList<csv::Row> legacyRows;
    for (const csv::Row& r : answers) {
        bool fits = true;
        for (const QString& f : r.fields)
            fits = fits && encoding::fitsWindows1252(f);
        if (fits || r.number == 1)
            legacyRows << r;
    }
    QByteArray legacy;
    for (const csv::Row& r : legacyRows)
        legacy += encoding::toWindows1252(QString::fromUtf8(csv::formatRow(r.fields)));
    const auto legacyReport = review.checkForm(round, legacy, S("legacy.csv"));
    INFO((legacyReport.problems.isEmpty() ? QString() : legacyReport.problems.first().toString())
             .toStdString());
    CHECK(legacyReport.problems.isEmpty());
    QList<FaResponse> clean;
    review.checkForm(round, legacy, S("legacy.csv"), &clean);
    REQUIRE(clean.size() == 2);
    CHECK(clean[0].proposedChange == S("The force’s figure is 1,234 – not 1,243 “as stated”."));

    // A text Windows-1252 cannot hold comes back as '?': the message says why and how to save.
    const ReviewItem* wide = nullptr;
    for (const ReviewItem& i : round.items)
        if (!encoding::fitsWindows1252(ReviewService::formText(i)))
            wide = &i;
    if (wide) {
        QByteArray lossy = encoding::toWindows1252(QString::fromUtf8(
            csv::formatRow({S("reference"), S("current text"), S("proposed change"),
                            S("evidence offered"), S("category")})));
        lossy += encoding::toWindows1252(QString::fromUtf8(csv::formatRow(
            {wide->reference, ReviewService::formText(*wide), S("x – y"), {}, S("typo")})));
        const auto r = review.checkForm(round, lossy, S("lossy.csv"));
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].row == 2);
        CHECK(r.problems[0].message.contains(S("Windows-1252")));
    }
    // Bytes that are neither UTF-8 nor Windows-1252: refused, naming the row.
    QByteArray broken = csvOf(answers, false);
    broken.append("F1,\"bad \x81 byte\",x,,typo\r\n");
    const auto b = review.checkForm(round, broken, S("broken.csv"));
    REQUIRE(b.problems.size() == 1);
    INFO(b.problems[0].message.toStdString());
    CHECK(b.problems[0].message.contains(QStringLiteral("row %1").arg(answers.last().number + 1)));
    CHECK(review.responses(round.uid).isEmpty());
}

TEST_CASE("Form: hostile files are refused with a clear message and nothing is imported",
          "[review][form]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    auto refuse = [&](const QByteArray& bytes, const QString& name, const QString& says) {
        auto r = review.importForm(kReport, bytes, name);
        REQUIRE_FALSE(r);
        INFO(r.error().message.toStdString());
        CHECK(r.error().message.contains(says));
        CHECK(r.error().message.contains(S("nothing was imported")));
        CHECK(review.responses(round.uid).isEmpty());
    };
    // Not a zip at all, and a zip that is not a workbook.
    refuse(QByteArray("PK\x03\x04 not really a zip"), S("fake.xlsx"), S("not an Excel workbook"));
    refuse(zipOf({{S("word/document.xml"), "<w/>"}}), S("doc.xlsx"), S("not a workbook"));
    // A sheet that unpacks to more than a form could hold (a few kilobytes packed).
    QByteArray huge = "<worksheet><sheetData>";
    huge += QByteArray(40 * 1024 * 1024, ' ');
    huge += "</sheetData></worksheet>";
    const QByteArray bomb = workbookWithSheet(huge);
    CHECK(bomb.size() < 1024 * 1024);
    refuse(bomb, S("bomb.xlsx"), S("more than a response form can hold"));
    // More rows than a form has.
    QByteArray tall = "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>reference"
                      "</t></is></c></row><row r=\"900000\"><c t=\"inlineStr\"><is><t>x</t></is>"
                      "</c></row></sheetData></worksheet>";
    refuse(workbookWithSheet(tall), S("tall.xlsx"), S("row 900000"));
    // Malformed XML.
    refuse(workbookWithSheet("<worksheet><sheetData><row>"), S("bad.xlsx"), S("well-formed"));
    // Missing columns.
    auto book = review.formXlsx(round);
    REQUIRE(book);
    refuse(workbookWithSheet("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>"
                             "<t>Reference</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Category"
                             "</t></is></c></row></sheetData></worksheet>"),
           S("short.xlsx"), S("the header lacks"));
    // The current text edited.
    auto rows = csv::parse(review.form(round), S("form.csv"));
    REQUIRE(rows);
    QList<csv::Row> edited = answered(*rows, round, 0);
    for (csv::Row& r : edited)
        if (r.number > 1 && !r.fields.value(2).isEmpty()) {
            r.fields[1] += S(" (edited)");
            break;
        }
    refuse(csvOf(edited), S("edited.csv"), S("must not be edited"));
    // Saved as "Unicode text".
    refuse(QByteArray("\xFF\xFE") + QByteArray("r\0e\0f\0", 6), S("u16.csv"), S("UTF-16"));
}

TEST_CASE("Form: a round trip through LibreOffice Calc imports cleanly", "[review][form][soffice]")
{
    if (soffice().isEmpty()) {
        WARN("LibreOffice (soffice) is not installed: the round trip through Calc is not tried");
        return;
    }
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    QTemporaryDir t;
    write(t.filePath(S("probe.csv")), "a,b\r\n");
    if (tryConvert(t.filePath(S("probe.csv")), S("xlsx")).isEmpty()) {
        WARN("LibreOffice Calc is not installed (libreoffice-calc-nogui): the round trip through "
             "Calc is not tried");
        return;
    }
    // The form answered as CSV, opened in Calc and saved as a workbook.
    auto rows = csv::parse(review.form(round), S("form.csv"));
    REQUIRE(rows);
    write(t.filePath(S("answered.csv")), csvOf(answered(*rows, round, 0)));
    const QByteArray asXlsx =
        convert(t.filePath(S("answered.csv")), S("xlsx:Calc MS Excel 2007 XML"),
                S("Text - txt - csv (StarCalc):44,34,76"));
    const auto fromCalc = review.checkForm(round, asXlsx, S("calc.xlsx"));
    INFO((fromCalc.problems.isEmpty() ? QString() : fromCalc.problems.first().toString())
             .toStdString());
    CHECK(fromCalc.problems.isEmpty());
    CHECK(fromCalc.unchanged == round.items.size() - 2);
    // Our workbook opened in Calc and saved as CSV UTF-8, and as a legacy Windows-1252 CSV.
    auto book = review.formXlsx(round);
    REQUIRE(book);
    write(t.filePath(S("form.xlsx")), *book);
    const QByteArray utf8 =
        convert(t.filePath(S("form.xlsx")), S("csv:Text - txt - csv (StarCalc):44,34,76"));
    const auto csvReport = review.checkForm(round, utf8, S("calc.csv"));
    INFO((csvReport.problems.isEmpty() ? QString() : csvReport.problems.first().toString())
             .toStdString());
    CHECK(csvReport.problems.isEmpty());
    CHECK(csvReport.unchanged == round.items.size());
    const QByteArray legacy =
        convert(t.filePath(S("form.xlsx")), S("csv:Text - txt - csv (StarCalc):44,34,1"));
    const auto legacyReport = review.checkForm(round, legacy, S("calc-1252.csv"));
    CHECK(legacyReport.problems.isEmpty()); // unanswered rows are not compared
    // The answered workbook back from Calc imports.
    auto imported = review.importForm(kReport, asXlsx, S("calc.xlsx"));
    REQUIRE(imported);
    CHECK(imported->imported == 2);
}
