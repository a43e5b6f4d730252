// OpenDocument text: named paragraph styles (headings as styles with outline levels), footnotes as
// text:note, the page header and footer with page numbers, visible table header rows, lists with
// hanging indents, charts with svg:title and svg:desc, DRAFT and the embargo on every page; every
// text of the assembly once. Both word-processor formats with hostile text, and converted by
// LibreOffice (when installed) to PDFs whose text has the headings, notes and page numbers.

#include "wordprocessor.h"

#include "documents/docx.h"
#include "documents/export.h"
#include "documents/odt.h"

#include <QProcess>
#include <QSet>
#include <QStandardPaths>

using namespace fwb;
using namespace doctest;
using wp::S;

namespace {

documents::Assembly make(Workbench& wb, const QString& uid,
                         const QDateTime& now = QDateTime(QDate(2016, 3, 1), QTime(9, 0)))
{
    documents::AssemblyOptions o;
    o.now = now;
    auto a = documents::assemble(wb, uid, o);
    REQUIRE(a);
    return std::move(*a);
}

QByteArray odt(const documents::Assembly& a)
{
    auto bytes = documents::toOdt(a);
    REQUIRE(bytes);
    return *bytes;
}

// The attributes of each named style of a part: style name → attribute → value, merged over
// the style's property elements.
QHash<QString, QHash<QString, QString>> stylesOf(const QByteArray& xml)
{
    QXmlStreamReader r(xml);
    QHash<QString, QHash<QString, QString>> out;
    QString current;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.qualifiedName() == S("style:style") || r.qualifiedName() == S("text:list-style"))
                current = r.attributes().value(S("style:name")).toString();
            if (!current.isEmpty())
                for (const QXmlStreamAttribute& a : r.attributes())
                    out[current].insert(a.qualifiedName().toString(), a.value().toString());
        } else if (r.isEndElement() && (r.qualifiedName() == S("style:style") ||
                                        r.qualifiedName() == S("text:list-style"))) {
            current.clear();
        }
    }
    CHECK_FALSE(r.hasError());
    return out;
}

QString bodyText(const QByteArray& zip)
{
    QStringList out;
    for (const wp::Para& p : wp::paragraphs(wp::part(zip, S("content.xml")), true))
        out << wp::folded(p.text);
    return out.join(QLatin1Char('\n'));
}

// The pages of a PDF as text; empty when pdftotext is not installed.
QStringList pdfPages(const QString& path)
{
    const QString tool = QStandardPaths::findExecutable(S("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess p;
    p.start(tool, {S("-layout"), path, S("-")});
    REQUIRE(p.waitForFinished(60000));
    QStringList pages = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

} // namespace

TEST_CASE("ODT: named styles, headings as styles, notes, header and footer, header rows, lists",
          "[export][odt]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const documents::Assembly a = make(*wb, kReport);
    const QByteArray zip = odt(a);
    CHECK(wp::part(zip, S("mimetype")) == "application/vnd.oasis.opendocument.text");
    auto names = documents::package::entries(zip);
    REQUIRE(names);
    CHECK(names->first() == S("mimetype"));
    const QByteArray content = wp::part(zip, S("content.xml"));
    const QByteArray stylesXml = wp::part(zip, S("styles.xml"));
    const auto named = stylesOf(stylesXml);
    const auto automatic = stylesOf(content);
    // A paragraph's style is a named one, or an automatic one whose parent is.
    auto namedStyle = [&](const QString& s) {
        return named.contains(s) ? s : automatic.value(s).value(S("style:parent-style-name"));
    };
    for (int level = 1; level <= 3; ++level) {
        const QString h = S("Heading_20_%1").arg(level);
        REQUIRE(named.contains(h));
        CHECK(named[h].value(S("style:display-name")) == S("Heading %1").arg(level));
        CHECK(named[h].value(S("style:default-outline-level")) == QString::number(level));
    }
    QStringList headings;
    QSet<QString> used;
    for (const wp::Para& p : wp::paragraphs(content, true)) {
        const QString s = namedStyle(p.style);
        INFO("style " << p.style);
        CHECK(named.contains(s));
        used.insert(s);
        if (p.tag == S("text:h")) {
            CHECK(s.startsWith(S("Heading_20_")));
            headings << p.text;
        }
    }
    QStringList expected;
    for (const documents::Heading& h : a.headings)
        expected << h.text;
    CHECK(headings == expected);
    for (const QString s :
         {S("Title"), S("Heading_20_1"), S("List_20_Bullet"), S("List_20_Number"), S("Caption"),
          S("Footnote"), S("Table_20_Heading"), S("Table_20_Contents"), S("Contents_20_1")}) {
        INFO("style used: " << s);
        CHECK(used.contains(s));
    }

    // Footnotes are notes, one per note of the assembly.
    CHECK(wp::attributes(content, S("text:note"), S("text:note-class")).size() ==
          wp::footnoteBlocks(a));
    CHECK(stylesXml.contains("text:notes-configuration"));

    // The page style: running title in the header, page N of M in the footer.
    CHECK(wp::texts(stylesXml, S("style:header")).join(QString()).contains(a.runningTitle));
    CHECK(wp::attributes(stylesXml, S("text:page-number"), S("text:select-page"))
              .contains(S("current")));
    CHECK(!wp::attributes(stylesXml, S("text:page-count"), QString()).isEmpty());
    // The first page (the title page) has a page style of its own, without them.
    CHECK(content.contains("style:master-page-name=\"First_20_Page\""));

    // Header rows are header rows, and their cells have a background for their white text.
    const int tables = int(wp::attributes(content, S("table:table"), QString()).size());
    CHECK(tables >= 2);
    CHECK(wp::attributes(content, S("table:table-header-rows"), QString()).size() == tables);
    QXmlStreamReader r(content);
    int headerCells = 0;
    bool inHeader = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.qualifiedName() == S("table:table-header-rows"))
            inHeader = r.isStartElement();
        if (inHeader && r.isStartElement() && r.qualifiedName() == S("table:table-cell")) {
            ++headerCells;
            const QString cell = r.attributes().value(S("table:style-name")).toString();
            CHECK(automatic.value(cell).value(S("fo:background-color")) == S("#1d3a6b"));
        }
    }
    CHECK(headerCells > 4);

    // Lists hang their marks in the margin.
    for (const QString list : {S("List_20_Bullets"), S("List_20_Numbers")}) {
        REQUIRE(named.contains(list));
        CHECK(named[list].value(S("fo:text-indent")).startsWith(QLatin1Char('-')));
        CHECK(named[list].value(S("text:list-level-position-and-space-mode")) ==
              S("label-alignment"));
    }

    // Charts: their title and a description of their data.
    const QList<documents::ChartSpec> charts = wp::chartsOf(a);
    REQUIRE_FALSE(charts.isEmpty());
    const QStringList descriptions = wp::texts(content, S("svg:desc"));
    REQUIRE(descriptions.size() == charts.size());
    for (qsizetype i = 0; i < charts.size(); ++i)
        CHECK(descriptions[i] == documents::flow::chartDescription(charts[i]));
    CHECK(wp::texts(content, S("svg:title")).size() == charts.size());
    CHECK(wp::part(zip, S("META-INF/manifest.xml")).contains("Pictures/chart-1.png"));

    wp::eachOnce(wp::assemblyTexts(a), bodyText(zip), "ODT");
}

TEST_CASE("ODT: DRAFT and the embargo notice on every page while they apply", "[export][odt]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    documents::Assembly a = make(*wb, kLetter, QDateTime(QDate(2014, 9, 1), QTime(9, 0)));
    a.source.status = S("draft");
    QByteArray styles = wp::part(odt(a), S("styles.xml"));
    // Both page styles, the first page's and the others'.
    QStringList headers = wp::texts(styles, S("style:header"));
    REQUIRE(headers.size() == 2);
    for (const QString& h : headers) {
        CHECK(h.contains(S("DRAFT")));
        CHECK(h.contains(a.embargoNotice));
    }
    CHECK_FALSE(bodyText(odt(a)).contains(S("EMBARGOED")));
    a.source.status = S("published");
    a.embargoed = false;
    styles = wp::part(odt(a), S("styles.xml"));
    CHECK_FALSE(styles.contains("DRAFT"));
    CHECK_FALSE(styles.contains("EMBARGOED"));
}

TEST_CASE("DOCX and ODT: XML-special and control characters, long paragraphs, an empty "
          "document",
          "[export][docx][odt][hostile]")
{
    using namespace documents::flow;
    Flow f;
    f.title = S("<Title> & \"quotes\"");
    f.runningTitle = S("Running \u0001 title </w:t>]]>");
    f.embargoNotice = S("EMBARGOED until <never>");
    f.draft = true;
    const QString hostile = S("a<b>&c\"d'e ]]> \u0001\u0008\u000b\u000c\u001f \uFFFE\uFFFF ") +
                            QChar(0xd800) + S(" tab\there  three   spaces");
    const QString longText = S("word ").repeated(40000) + S("end-of-long");
    Block b;
    b.paragraph = paragraph(Style::Heading1, hostile);
    f.blocks << b;
    b.paragraph = paragraph(Style::Body, longText);
    Run link = Run::of(Run::Kind::Text, S("link"));
    link.link = S("https://example.org/?a=1&b=<2>");
    b.paragraph->runs << link;
    f.blocks << b;
    Table t;
    t.columns = 1;
    t.headerRows = 1;
    Cell c;
    c.paragraphs << paragraph(Style::TableHeading, hostile);
    t.rows << QList<Cell>{c};
    Block tb;
    tb.table = t;
    f.blocks << tb;

    for (const bool word : {true, false}) {
        INFO((word ? "DOCX" : "ODT"));
        auto zip = word ? documents::docx::write(f) : documents::odt::write(f);
        REQUIRE(zip);
        auto names = documents::package::entries(*zip);
        REQUIRE(names);
        QString all;
        for (const QString& n : *names) {
            if (!n.endsWith(S(".xml")) && !n.endsWith(S(".rels")))
                continue;
            const QByteArray xml = wp::part(*zip, n);
            QXmlStreamReader r(xml);
            while (!r.atEnd()) {
                r.readNext();
                if (r.isCharacters())
                    all += r.text();
                for (const QXmlStreamAttribute& a : r.attributes())
                    all += a.value() + S(" ");
            }
            INFO(n << ": " << r.errorString());
            CHECK_FALSE(r.hasError());
        }
        CHECK(all.contains(S("a<b>&c\"d'e ]]>")));
        CHECK(all.contains(S("end-of-long")));
        CHECK((all.contains(S("https://example.org/?a=1&b=%3C2%3E")) ||
               all.contains(S("https://example.org/?a=1&b=<2>"))));
        CHECK(all.contains(S("EMBARGOED until <never>")));
        CHECK_FALSE(all.contains(QChar(0x0001)));
        CHECK_FALSE(all.contains(QChar(0xffff)));
        CHECK(all.contains(QChar::ReplacementCharacter));

        // Nothing at all: still a document that parses.
        auto empty = word ? documents::docx::write(Flow{}) : documents::odt::write(Flow{});
        REQUIRE(empty);
        const QByteArray main = wp::part(*empty, word ? S("word/document.xml") : S("content.xml"));
        CHECK(wp::paragraphs(main, !word).size() == 1);
    }
}

TEST_CASE("DOCX and ODT: LibreOffice lays them out with headings, notes and page numbers (when "
          "installed)",
          "[export][docx][odt][soffice]")
{
    const QString soffice = QStandardPaths::findExecutable(S("soffice"));
    if (soffice.isEmpty()) {
        WARN("LibreOffice is not installed: the DOCX and ODT are not converted");
        return;
    }
    if (QStandardPaths::findExecutable(S("pdftotext")).isEmpty()) {
        WARN("pdftotext is not installed: the converted PDFs are not read");
        return;
    }
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const documents::Assembly a = make(*wb, kReport);
    const documents::flow::Flow f = documents::flow::fromAssembly(a);
    REQUIRE_FALSE(f.footnotes.isEmpty());
    QStringList inputs;
    for (const QString& ext : {S("docx"), S("odt")}) {
        const QString path = dir.path(S("report-%1.%1").arg(ext));
        auto bytes = ext == S("docx") ? documents::toDocx(a) : documents::toOdt(a);
        REQUIRE(bytes);
        test::writeFile(path, *bytes);
        inputs << path;
    }
    QProcess p;
    p.start(soffice, QStringList{S("--headless"), S("--norestore"),
                                 S("-env:UserInstallation=file://") + dir.path(S("profile")),
                                 S("--convert-to"), S("pdf"), S("--outdir"), dir.path(S("out"))} +
                         inputs);
    REQUIRE(p.waitForFinished(300000));
    for (const QString& ext : {S("docx"), S("odt")}) {
        INFO(ext);
        const QStringList pages = pdfPages(dir.path(S("out/report-%1.pdf").arg(ext)));
        REQUIRE(pages.size() > 10);
        const int n = int(pages.size());
        CHECK_FALSE(pages[0].contains(S("Page 1 of")));
        for (int i = 1; i < n; ++i) {
            INFO("page " << i + 1);
            CHECK(pages[i].contains(S("Page %1 of %2").arg(i + 1).arg(n)));
            CHECK(pages[i].contains(S("PEEL: Police effectiveness 2015 – Lancashire")));
        }
        const QString all = pages.join(S("\n")).simplified();
        for (const documents::Heading& h : a.headings)
            CHECK(all.contains(h.text.simplified()));
        // The first note's text, at the foot of a page.
        QString note;
        for (const auto& r : f.footnotes.first().runs)
            note += r.text;
        CHECK(all.contains(note.simplified().left(40)));
        CHECK(all.contains(S("DRAFT – not for publication")));
        // The contents give the page each chapter starts on.
        CHECK(pages[1].contains(QRegularExpression(S("Annex A – HMIC judgments\\.+ *%1").arg(n))));
    }
}
