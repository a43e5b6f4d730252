// The exporters: a PDF that pdftotext can read, with page numbers and a contents whose numbers
// are the pages the headings are on; an ODT whose content.xml has real headings, lists and tables
// (and that LibreOffice converts, when installed); a self-contained HTML file; Markdown. Files are
// written whole or not at all.

#include "doctest.h"
#include "documents/export.h"
#include "documents/package.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QXmlStreamReader>

using namespace fwb;
using namespace doctest;

namespace {

documents::Assembly make(Workbench& wb, const QString& uid, bool embargoInText,
                         const QDateTime& now = QDateTime::currentDateTime())
{
    documents::AssemblyOptions o;
    o.now = now;
    o.embargoInText = embargoInText;
    auto a = documents::assemble(wb, uid, o);
    REQUIRE(a);
    return std::move(*a);
}

// The pages of a PDF as text, or an empty list when pdftotext is not installed.
QStringList pdfPages(const QString& path)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty()) {
        WARN("pdftotext is not installed: the PDF's text is not checked");
        return {};
    }
    QProcess p;
    p.start(tool, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    QStringList pages = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

} // namespace

TEST_CASE("PDF: readable, numbered pages, a contents whose page numbers are right", "[export][pdf]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto a = make(*wb, kReport, false);
    auto pdf = documents::toPdf(a);
    REQUIRE(pdf);
    CHECK(pdf->startsWith("%PDF-"));
    CHECK(pdf->trimmed().endsWith("%%EOF"));
    const QString path = dir.path(QStringLiteral("report.pdf"));
    test::writeFile(path, *pdf);
    const QStringList pages = pdfPages(path);
    if (pages.isEmpty())
        return;
    const int n = int(pages.size());
    REQUIRE(n > 10);
    // Every page but the title page is numbered "Page i of n".
    CHECK_FALSE(pages[0].contains(QStringLiteral("Page 1 of")));
    CHECK(pages[0].contains(QStringLiteral("PEEL: Police effectiveness 2015")));
    for (int i = 1; i < n; ++i) {
        INFO("page " << i + 1);
        CHECK(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(n)));
    }
    // The contents (page 2) gives the page each chapter starts on.
    const QString contents = pages[1];
    REQUIRE(contents.contains(QStringLiteral("Contents")));
    for (const QString& title : {QStringLiteral("Force in numbers"), QStringLiteral("Introduction"),
                                 QStringLiteral("Annex A – HMIC judgments")}) {
        const QRegularExpression line(QRegularExpression::escape(title) +
                                          QStringLiteral("\\s+(\\d+)\\s*$"),
                                      QRegularExpression::MultilineOption);
        const auto m = line.match(contents);
        INFO(title);
        REQUIRE(m.hasMatch());
        const int listed = m.captured(1).toInt();
        REQUIRE(listed >= 3);
        REQUIRE(listed <= n);
        // The page listed starts with that heading (after the running header).
        const QString page = pages[listed - 1];
        CHECK(page.contains(title));
        CHECK_FALSE(pages[listed - 2].contains(QRegularExpression(
            QStringLiteral("^") + QRegularExpression::escape(title) + QStringLiteral("\\s*$"),
            QRegularExpression::MultilineOption)));
    }
    // The running header names the document.
    CHECK(pages[5].contains(
        QStringLiteral("PEEL: Police effectiveness 2015 – Lancashire Constabulary")));
}

TEST_CASE("PDF: an embargoed letter carries the notice on every page", "[export][pdf]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QString path = dir.path(QStringLiteral("letter.pdf"));
    documents::AssemblyOptions before;
    before.now = QDateTime(QDate(2014, 9, 3), QTime(9, 0));
    REQUIRE(documents::renderToFile(*wb, kLetter, documents::Format::Pdf, path, before));
    const QStringList pages = pdfPages(path);
    if (!pages.isEmpty()) {
        REQUIRE(pages.size() >= 2);
        for (const QString& page : pages)
            CHECK(page.contains(
                QStringLiteral("EMBARGOED until 00:01 on Thursday 4 September 2014")));
        CHECK(pages.join(QString()).count(QStringLiteral("EMBARGOED")) ==
              pages.size()); // not also in the text
    }
    documents::AssemblyOptions after;
    after.now = QDateTime(QDate(2014, 9, 5), QTime(9, 0));
    REQUIRE(documents::renderToFile(*wb, kLetter, documents::Format::Pdf, path, after));
    for (const QString& page : pdfPages(path))
        CHECK_FALSE(page.contains(QStringLiteral("EMBARGOED")));
}

TEST_CASE("ODT: headings with outline levels, lists and tables, the findings' text",
          "[export][odt]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto a = make(*wb, kReport, true);
    auto odt = documents::toOdt(a);
    REQUIRE(odt);
    auto mimetype = documents::package::read(*odt, QStringLiteral("mimetype"));
    REQUIRE(mimetype);
    CHECK(*mimetype == "application/vnd.oasis.opendocument.text");
    auto content = documents::package::read(*odt, QStringLiteral("content.xml"));
    REQUIRE(content);
    QXmlStreamReader xml(*content);
    int headings = 0, level1 = 0, lists = 0, tables = 0;
    QStringList headingTexts;
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.qualifiedName() == QLatin1String("text:h")) {
                ++headings;
                if (xml.attributes().value(QStringLiteral("text:outline-level")) ==
                    QLatin1String("1"))
                    ++level1;
                headingTexts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (xml.qualifiedName() == QLatin1String("text:list")) {
                ++lists;
            } else if (xml.qualifiedName() == QLatin1String("table:table")) {
                ++tables;
            }
        } else if (xml.isCharacters()) {
            text += xml.text();
        }
    }
    REQUIRE_FALSE(xml.hasError());
    CHECK(headings == a.headings.size());
    CHECK(level1 >= 8); // contents, overview, force in numbers, introduction, four chapters, annex
    CHECK(headingTexts.contains(QStringLiteral("Annex A – HMIC judgments")));
    CHECK(lists >= 3);
    CHECK(tables >= 2); // Figure 2, Figure 4 (the contents are entries linking to their headings)
    const QList<Finding> findings = wb->drafts().findings(kPeel, kLancs, QStringLiteral("Q4.1"));
    REQUIRE_FALSE(findings.isEmpty());
    CHECK(normal(text).contains(normal(findings.first().text).left(80)));
    CHECK_FALSE(
        documents::package::read(QByteArray("not a zip at all"), QStringLiteral("content.xml")));
}

TEST_CASE("ODT: LibreOffice converts the export to PDF (when installed)", "[export][odt][soffice]")
{
    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty()) {
        WARN("LibreOffice is not installed: the ODT is not converted");
        return;
    }
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QString odt = dir.path(QStringLiteral("report.odt"));
    REQUIRE(documents::renderToFile(*wb, kReport, documents::Format::Odt, odt));
    QProcess p;
    p.start(soffice,
            {QStringLiteral("--headless"), QStringLiteral("--norestore"),
             QStringLiteral("-env:UserInstallation=file://") + dir.path(QStringLiteral("profile")),
             QStringLiteral("--convert-to"), QStringLiteral("pdf"), QStringLiteral("--outdir"),
             dir.path(QStringLiteral("out")), odt});
    REQUIRE(p.waitForFinished(180000));
    const QString pdf = dir.path(QStringLiteral("out/report.pdf"));
    REQUIRE(QFile::exists(pdf));
    const QStringList pages = pdfPages(pdf);
    if (!pages.isEmpty()) {
        CHECK(pages.size() > 10);
        CHECK(pages.join(QString()).contains(QStringLiteral("Annex A")));
    }
}

TEST_CASE("HTML: one self-contained file with headings, tables and charts inline", "[export][html]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QString html = QString::fromUtf8(documents::toHtml(make(*wb, kReport, true)));
    CHECK(html.contains(QStringLiteral("<h1")));
    CHECK(html.contains(QStringLiteral("<table")));
    CHECK(html.contains(QStringLiteral("<title>PEEL: Police effectiveness 2015</title>")));
    CHECK(html.count(QStringLiteral("src=\"data:image/svg+xml;base64,")) ==
          4); // Figures 3, 5, 6 and 7 have data
    // Nothing is fetched from elsewhere: every image is inline.
    static const QRegularExpression src(QStringLiteral("src=\"(?!data:)"));
    CHECK_FALSE(html.contains(src));
    const QString letter = QString::fromUtf8(
        documents::toHtml(make(*wb, kLetter, true, QDateTime(QDate(2014, 9, 1), QTime(12, 0)))));
    const qsizetype body = letter.indexOf(QStringLiteral("<body"));
    REQUIRE(body > 0);
    CHECK(letter.indexOf(QStringLiteral("EMBARGOED until")) > body);
    CHECK(letter.indexOf(QStringLiteral("EMBARGOED until")) <
          letter.indexOf(QStringLiteral("Dear Steve")));
}

TEST_CASE("Markdown: headings, bullets, tables and the grade as text", "[export][markdown]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QString md = QString::fromUtf8(documents::toMarkdown(make(*wb, kReport, true)));
    CHECK(md.contains(QStringLiteral("\n# Introduction\n")));
    CHECK(md.contains(QStringLiteral("\n## Overall judgment\n")));
    CHECK(md.contains(QStringLiteral("**Good**")));
    CHECK(md.contains(QRegularExpression(
        QStringLiteral("\\|Recorded crime \\(excluding fraud\\)\\s*\\|62\\.7\\s*\\|63\\.0"))));
    CHECK(md.contains(QStringLiteral("- The constabulary should ensure that it has oversight")));
    CHECK(test::collapseWhitespace(md).contains(
        QStringLiteral("OCGs whose predominant crime type is drug activity: Lancashire 88; England "
                       "and Wales 64")));
    const QString letter = QString::fromUtf8(documents::toMarkdown(make(*wb, kLetter, true)));
    CHECK(letter.contains(QStringLiteral("Dear Steve")));
    CHECK(letter.contains(QStringLiteral("\n- Fifty unattended crime reports were examined.")));
}

TEST_CASE("Exports are written whole or not at all, and never over the workbench", "[export]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QByteArray workbench = test::readFile(wb->path());
    auto own = documents::renderToFile(*wb, kReport, documents::Format::Pdf, wb->path());
    REQUIRE_FALSE(own);
    CHECK(test::readFile(wb->path()) == workbench);
    const QString missing = dir.path(QStringLiteral("no/such/folder/report.pdf"));
    CHECK_FALSE(documents::renderToFile(*wb, kReport, documents::Format::Pdf, missing));
    CHECK_FALSE(QFile::exists(missing));
    auto unknown =
        documents::renderToFile(*wb, QStringLiteral("no-such-document"), documents::Format::Html,
                                dir.path(QStringLiteral("x.html")));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.contains(QStringLiteral("no document")));
    CHECK_FALSE(QFile::exists(dir.path(QStringLiteral("x.html"))));
    // An existing file is replaced only by a complete new one.
    const QString path = dir.path(QStringLiteral("report.md"));
    test::writeFile(path, "the previous file, replaced");
    REQUIRE(documents::renderToFile(*wb, kReport, documents::Format::Markdown, path));
    const QByteArray markdown = test::readFile(path);
    CHECK(markdown.startsWith("**DRAFT – not for publication**")); // a draft says so, first
    CHECK(markdown.contains("\n**PEEL: Police effectiveness 2015**\n"));
    CHECK_FALSE(markdown.contains("the previous file, replaced"));
    CHECK(QDir(dir.path(QString()))
              .entryList({QStringLiteral("*.tmp*"), QStringLiteral(".*report*")},
                         QDir::Files | QDir::Hidden)
              .isEmpty());
    CHECK(documents::formatFromName(QStringLiteral("PDF")) == documents::Format::Pdf);
    CHECK_FALSE(documents::formatFromName(QStringLiteral("rtf")));
}
