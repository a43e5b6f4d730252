// Hostile text through every exporter: scripts, event handlers, links that are not web or mail
// links in every case and encoding, raw HTML, comments, CDATA ends, fields inside links, control
// and bidirectional override characters and very long lines, put into every text a document
// carries (title, parties, headings, narrative, findings, the judgment's summary, figure captions,
// names and measures). No script, handler or unsafe link comes out of HTML, Markdown, PDF or ODT;
// every word around each hostile string is still there; the HTML and ODT parse.

#include "doctest.h"
#include "documents/export.h"
#include "documents/markdown.h"
#include "documents/package.h"
#include "hostiletext.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QXmlStreamReader>

using namespace fwb;
using namespace doctest;

namespace {

documents::Assembly make(Workbench& wb, const QString& uid)
{
    documents::AssemblyOptions o;
    o.now = QDateTime(QDate(2016, 1, 1), QTime(12, 0));
    auto a = documents::assemble(wb, uid, o);
    REQUIRE(a);
    return std::move(*a);
}

QStringList fieldsOf(bool letter)
{
    QStringList out;
    QList<int> fields = hostile::documentFields();
    fields << hostile::LongLine;
    fields << (letter ? QList<int>{hostile::SenderName, hostile::SenderPost, hostile::RecipientName,
                                   hostile::RecipientPost}
                      : QList<int>{hostile::Subtitle});
    for (int f : fields)
        out << (f == hostile::LongLine
                    ? QStringList{QStringLiteral("h%1w0a").arg(f), QStringLiteral("h%1w0z").arg(f)}
                    : hostile::markers(f));
    return out;
}

void requireEveryMarker(const QString& text, const QStringList& markers, const char* where)
{
    QStringList missing;
    for (const QString& m : markers)
        if (!text.contains(m))
            missing << m;
    INFO(where << ": missing " << missing.join(QLatin1Char(' ')));
    CHECK(missing.isEmpty());
}

// Links and images of a QTextDocument: every link safe, no image at all.
void checkDocument(const QTextDocument& doc, const char* where)
{
    QStringList unsafe;
    int images = 0;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            if (cf.isAnchor() && !hostile::isSafeHref(cf.anchorHref()))
                unsafe << cf.anchorHref();
            if (cf.isImageFormat())
                ++images;
            if (cf.hasProperty(QTextFormat::TextToolTip))
                unsafe << QStringLiteral("tooltip: ") + cf.toolTip();
        }
    INFO(where << ": " << unsafe.join(QStringLiteral(" | ")));
    CHECK(unsafe.isEmpty());
    CHECK(images == 0);
}

QString pdfText(const QString& path)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess p;
    p.start(tool, {path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(120000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

struct Hostile {
    test::Scratch dir;
    std::unique_ptr<Workbench> wb = dir.create(QStringLiteral("demo.fwb"), true);
    hostile::Made made = hostile::make(*wb);
};

} // namespace

TEST_CASE("Hostile text: links are kept only for web and mail, in every case and encoding",
          "[hostile][markdown]")
{
    using documents::safeLink;
    CHECK(safeLink(QStringLiteral("https://example.org/a?b=1&c=2")) ==
          QStringLiteral("https://example.org/a?b=1&c=2"));
    CHECK(safeLink(QStringLiteral("HTTP://Example.org/")) == QStringLiteral("http://example.org/"));
    CHECK(safeLink(QStringLiteral("mailto:someone@example.org")) ==
          QStringLiteral("mailto:someone@example.org"));
    CHECK(safeLink(QStringLiteral("http://example.org/a&amp;b")) ==
          QStringLiteral("http://example.org/a&b"));
    for (const char* bad : {"javascript:alert(1)",
                            "JaVaScRiPt:alert(1)",
                            "  javascript:alert(1)",
                            "\tjavascript:alert(1)",
                            "java\tscript:alert(1)",
                            "java\nscript:alert(1)",
                            "jav&#x61;script:alert(1)",
                            "jav&#97;script:alert(1)",
                            "jav&#0000097;script:alert(1)",
                            "javascript&colon;alert(1)",
                            "java&Tab;script:alert(1)",
                            "%6Aavascript:alert(1)",
                            "java\\script:alert(1)",
                            "data:text/html;base64,PHNjcmlwdD4=",
                            "DATA:text/html,x",
                            "file:///etc/passwd",
                            "FILE://server/share/x.exe",
                            "vbscript:msgbox(1)",
                            "VBScript:msgbox(1)",
                            "fwb:programme",
                            "//evil.example/x",
                            "/etc/passwd",
                            "#s-anchor",
                            "relative.html",
                            "http:/no-host",
                            "http://",
                            "mailto:",
                            "\x01javascript:alert(1)",
                            "ftp://example.org/x",
                            "smb://server/share"}) {
        INFO(bad);
        CHECK(safeLink(QString::fromLatin1(bad)).isEmpty());
    }
}

TEST_CASE(
    "Hostile text: raw HTML in Markdown is shown as the text it is, nothing after it is dropped",
    "[hostile][markdown]")
{
    const QString md =
        QStringLiteral("See <img src=x> then the rest of this text, <b>all</b> of it.");
    QTextDocument doc;
    documents::readMarkdown(doc, md);
    CHECK(doc.toPlainText() == md);
    CHECK(documents::toPlainText(md) == md);
    const QString html = documents::toHtml(md);
    CHECK(html.contains(QStringLiteral(
        "See &lt;img src=x&gt; then the rest of this text, &lt;b&gt;all&lt;/b&gt; of it.")));
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
    // An image is its alternative text: nothing is fetched.
    QTextDocument picture;
    documents::readMarkdown(picture,
                            QStringLiteral("before ![the words](file:///etc/passwd) after"));
    CHECK(picture.toPlainText() == QStringLiteral("before the words after"));
    checkDocument(picture, "an image");
    // A link that is not a web or mail link is its text.
    QTextDocument links;
    documents::readMarkdown(
        links, QStringLiteral(
                   "[one](javascript:alert(1)) [two](https://example.org/) <file:///etc/passwd>"));
    CHECK(links.toPlainText() == QStringLiteral("one two file:///etc/passwd"));
    checkDocument(links, "links");
    int live = 0;
    for (auto it = links.begin().begin(); !it.atEnd(); ++it)
        live += it.fragment().charFormat().isAnchor() ? 1 : 0;
    CHECK(live == 1);
}

TEST_CASE("Hostile text: Markdown escaping reads back as the same text", "[hostile][markdown]")
{
    for (const QString& s : hostile::strings()) {
        const QString line = QString(s).replace(QLatin1Char('\n'), QLatin1Char(' '));
        const QString clean = documents::cleanText(line);
        QTextDocument doc;
        doc.setMarkdown(
            documents::escapeMarkdown(clean)); // as a Markdown reader with HTML would read it
        INFO(line);
        CHECK(doc.toPlainText().simplified() == clean.simplified());
        checkDocument(doc, "escaped");
    }
    CHECK(documents::escapeMarkdown(QStringLiteral("In 2014. Then 62.7 and a-b")) ==
          QStringLiteral("In 2014\\. Then 62.7 and a-b"));
}

TEST_CASE(
    "Hostile text: the assembled documents hold every word and no unsafe link, image or character",
    "[hostile][assembly]")
{
    Hostile h;
    for (const bool letter : {false, true}) {
        const auto a = make(*h.wb, letter ? h.made.letter : h.made.report);
        INFO((letter ? "letter" : "report"));
        const QString text = a.document->toPlainText();
        requireEveryMarker(text, fieldsOf(letter), "assembly");
        checkDocument(*a.document, "assembly");
        for (QChar c : text)
            if (!documents::isPrintable(c) && c != QChar::ObjectReplacementCharacter &&
                c != QChar::ParagraphSeparator && c != QChar::LineSeparator && c != QChar(0xfdd0) &&
                c != QChar(0xfdd1)) {
                FAIL_CHECK("a character that is not printable: U+"
                           << QString::number(c.unicode(), 16));
                break;
            }
        // The safe link stays a link.
        bool safe = false;
        for (QTextBlock b = a.document->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                safe = safe || it.fragment().charFormat().anchorHref() ==
                                   QStringLiteral("https://example.org/a?b=1&c=2");
        CHECK(safe);
    }
}

TEST_CASE("Hostile text: HTML export escapes every text and links only to the web, mail and its "
          "own sections",
          "[hostile][html]")
{
    Hostile h;
    for (const bool letter : {false, true}) {
        INFO((letter ? "letter" : "report"));
        const QString html = QString::fromUtf8(
            documents::toHtml(make(*h.wb, letter ? h.made.letter : h.made.report)));
        // The title is one element with the whole title as its text.
        const qsizetype open = html.indexOf(QStringLiteral("<title>"));
        REQUIRE(open > 0);
        CHECK(html.count(QStringLiteral("<title>")) == 1);
        CHECK(html.count(QStringLiteral("</title>")) == 1);
        const QString title =
            html.mid(open + 7, html.indexOf(QStringLiteral("</title>")) - open - 7);
        CHECK_FALSE(title.contains(QLatin1Char('<')));
        CHECK(QTextDocumentFragment::fromHtml(title).toPlainText().contains(
            QStringLiteral("</title><script>alert(1)</script><title>")));
        // No element or attribute from the text: scripts, frames, styles in the body, handlers.
        const QString lower = html.toLower();
        CHECK_FALSE(lower.contains(QStringLiteral("<script")));
        CHECK_FALSE(lower.contains(QStringLiteral("<iframe")));
        CHECK_FALSE(lower.contains(QStringLiteral("<svg")));
        CHECK_FALSE(lower.contains(QStringLiteral("<div onmouseover")));
        // Three, all in the head: Qt's, this writer's, and the draft band's.
        CHECK(lower.count(QStringLiteral("<style")) == 3);
        CHECK(lower.indexOf(QStringLiteral("<style"), lower.indexOf(QStringLiteral("<body"))) < 0);
        // No handler attribute: the tags, with their quoted values taken out (an alt text may
        // quote the hostile words, escaped), name none.
        static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\""));
        static const QRegularExpression handler(QStringLiteral("<[^>]*\\son[a-z]+\\s*="),
                                                QRegularExpression::CaseInsensitiveOption);
        CHECK_FALSE(QString(html).replace(quoted, QStringLiteral("\"\"")).contains(handler));
        static const QRegularExpression img(
            QStringLiteral("<img\\s[^>]*src=\"(?!data:image/svg\\+xml;base64,)"));
        CHECK_FALSE(html.contains(img));
        // Every link goes to the web, to mail or to a section.
        static const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
        QStringList unsafe;
        bool safeKept = false;
        for (auto it = href.globalMatch(html); it.hasNext();) {
            const QString target =
                QTextDocumentFragment::fromHtml(it.next().captured(1)).toPlainText();
            if (!hostile::isSafeHref(target))
                unsafe << target;
            safeKept = safeKept || target == QStringLiteral("https://example.org/a?b=1&c=2");
        }
        INFO(unsafe.join(QStringLiteral(" | ")));
        CHECK(unsafe.isEmpty());
        CHECK(safeKept);
        // Well formed: it parses as XML from the html element on, with no error.
        QString xml = html.mid(html.indexOf(QStringLiteral("<html")));
        xml.replace(QStringLiteral("&nbsp;"), QStringLiteral("&#160;"));
        QXmlStreamReader reader(xml);
        QStringList handlers; // and, read as XML, no element has an attribute named on…
        while (!reader.atEnd()) {
            if (reader.readNext() == QXmlStreamReader::StartElement)
                for (const QXmlStreamAttribute& a : reader.attributes())
                    if (a.name().startsWith(QLatin1String("on"), Qt::CaseInsensitive))
                        handlers << a.name().toString();
        }
        INFO(handlers.join(QLatin1Char(' ')).toStdString());
        CHECK(handlers.isEmpty());
        if (reader.hasError())
            qWarning().noquote()
                << xml.split(QLatin1Char('\n')).value(int(reader.lineNumber()) - 1).left(400);
        INFO(reader.errorString().toStdString()
             << " at line " << reader.lineNumber() << ", column " << reader.columnNumber());
        CHECK_FALSE(reader.hasError());
        // Every word around each hostile string is there.
        requireEveryMarker(QTextDocumentFragment::fromHtml(html).toPlainText(), fieldsOf(letter),
                           "HTML");
        // The charts' SVG: well formed, its labels text, no script or handler.
        static const QRegularExpression svgData(
            QStringLiteral("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\""));
        int charts = 0;
        for (auto it = svgData.globalMatch(html); it.hasNext(); ++charts) {
            const QByteArray svg = QByteArray::fromBase64(it.next().captured(1).toLatin1());
            QXmlStreamReader chart(svg);
            QString labels;
            while (!chart.atEnd()) {
                chart.readNext();
                if (chart.isStartElement()) {
                    CHECK(chart.name() != QLatin1String("script"));
                    CHECK(chart.name() != QLatin1String("foreignObject"));
                    for (const QXmlStreamAttribute& at : chart.attributes())
                        CHECK_FALSE(at.name().startsWith(QLatin1String("on")));
                }
                if (chart.isCharacters())
                    labels += chart.text();
            }
            INFO(chart.errorString().toStdString());
            CHECK_FALSE(chart.hasError());
            CHECK(labels.contains(QStringLiteral("<script>alert(")));
        }
        CHECK(charts >= 1);
    }
}

TEST_CASE("Hostile text: Markdown export writes text as text, links only to the web and mail",
          "[hostile][markdown]")
{
    Hostile h;
    for (const bool letter : {false, true}) {
        INFO((letter ? "letter" : "report"));
        const QString md = QString::fromUtf8(
            documents::toMarkdown(make(*h.wb, letter ? h.made.letter : h.made.report)));
        // No HTML: every "<" is escaped.
        static const QRegularExpression bareAngle(QStringLiteral("(?<!\\\\)<"));
        CHECK(md.count(bareAngle) == 0);
        // Read back as a Markdown reader with HTML would: every word there, no unsafe link or
        // image.
        QTextDocument back;
        back.setMarkdown(md, QTextDocument::MarkdownDialectGitHub);
        checkDocument(back, "Markdown read back");
        requireEveryMarker(back.toPlainText(), fieldsOf(letter), "Markdown");
        CHECK(md.contains(QStringLiteral("](https://example.org/a?b=1\\&c=2)")));
        // No heading, list or quote made of text: the document's own headings only.
        CHECK_FALSE(md.contains(QStringLiteral("\n# not a heading")));
    }
}

TEST_CASE("Hostile text: the PDF holds every word and links only to the web and mail",
          "[hostile][pdf]")
{
    Hostile h;
    for (const bool letter : {false, true}) {
        INFO((letter ? "letter" : "report"));
        auto a = make(*h.wb, letter ? h.made.letter : h.made.report);
        auto pdf = documents::toPdf(a);
        REQUIRE(pdf);
        static const QRegularExpression uri(QStringLiteral("/URI\\s*\\(([^)]*)\\)"));
        QStringList unsafe;
        for (auto it = uri.globalMatch(QString::fromLatin1(*pdf)); it.hasNext();) {
            const QString target = it.next().captured(1);
            if (!hostile::isSafeHref(target))
                unsafe << target;
        }
        INFO(unsafe.join(QStringLiteral(" | ")));
        CHECK(unsafe.isEmpty());
        const QString path =
            h.dir.path(letter ? QStringLiteral("letter.pdf") : QStringLiteral("report.pdf"));
        test::writeFile(path, *pdf);
        const QString text = pdfText(path);
        if (text.isEmpty()) {
            WARN("pdftotext is not installed: the PDF's text is not checked");
            continue;
        }
        requireEveryMarker(text, fieldsOf(letter), "PDF");
    }
}

TEST_CASE("Hostile text: the ODT's content.xml parses, holds every word and links only to the web "
          "and mail",
          "[hostile][odt]")
{
    Hostile h;
    for (const bool letter : {false, true}) {
        INFO((letter ? "letter" : "report"));
        auto odt = documents::toOdt(make(*h.wb, letter ? h.made.letter : h.made.report));
        REQUIRE(odt);
        auto content = documents::package::read(*odt, QStringLiteral("content.xml"));
        REQUIRE(content);
        QXmlStreamReader xml(*content);
        QString text;
        QStringList unsafe, bookmarks;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isCharacters())
                text += xml.text();
            if (xml.isStartElement()) {
                if (xml.qualifiedName() == QLatin1String("text:bookmark"))
                    bookmarks << QStringLiteral("#") +
                                     xml.attributes().value(QStringLiteral("text:name")).toString();
                if (xml.name() == QLatin1String("p") || xml.name() == QLatin1String("h") ||
                    xml.name() == QLatin1String("s") || xml.name() == QLatin1String("tab"))
                    text += QLatin1Char(' ');
                const QString href = xml.attributes()
                                         .value(QStringLiteral("http://www.w3.org/1999/xlink"),
                                                QStringLiteral("href"))
                                         .toString();
                if (!href.isEmpty() && !hostile::isSafeHref(href) &&
                    !href.startsWith(QLatin1String("Pictures/")) &&
                    !href.startsWith(QLatin1String("chart-")))
                    unsafe << href;
            }
        }
        INFO(xml.errorString().toStdString());
        CHECK_FALSE(xml.hasError());
        // A link to a place in the document itself is safe where that place is there.
        for (const QString& b : std::as_const(bookmarks))
            unsafe.removeAll(b);
        INFO(unsafe.join(QStringLiteral(" | ")));
        CHECK(unsafe.isEmpty());
        requireEveryMarker(text, fieldsOf(letter), "ODT");
    }
}

TEST_CASE("Hostile text: the DOCX's parts parse, hold every word and link only to the web, mail "
          "and places in the document",
          "[hostile][docx]")
{
    Hostile h;
    for (const bool letter : {false, true}) {
        INFO((letter ? "letter" : "report"));
        auto docx = documents::toDocx(make(*h.wb, letter ? h.made.letter : h.made.report));
        REQUIRE(docx);
        QString text;
        QStringList bookmarks, anchors;
        for (const QString& part :
             {QStringLiteral("word/document.xml"), QStringLiteral("word/footnotes.xml"),
              QStringLiteral("word/header1.xml"), QStringLiteral("word/header2.xml")}) {
            auto xmlBytes = documents::package::read(*docx, part);
            REQUIRE(xmlBytes);
            QXmlStreamReader xml(*xmlBytes);
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                if (xml.isStartElement()) {
                    if (xml.name() == QLatin1String("p") || xml.name() == QLatin1String("tab"))
                        text += QLatin1Char(' ');
                    if (xml.qualifiedName() == QLatin1String("w:bookmarkStart"))
                        bookmarks << xml.attributes().value(QStringLiteral("w:name")).toString();
                    if (xml.qualifiedName() == QLatin1String("w:hyperlink") &&
                        xml.attributes().hasAttribute(QStringLiteral("w:anchor")))
                        anchors << xml.attributes().value(QStringLiteral("w:anchor")).toString();
                }
            }
            INFO(part << ": " << xml.errorString().toStdString());
            CHECK_FALSE(xml.hasError());
        }
        for (const QString& a : std::as_const(anchors))
            CHECK(bookmarks.contains(a));
        // Every link that leaves the document is a web or mail link.
        auto rels = documents::package::read(*docx, QStringLiteral("word/_rels/document.xml.rels"));
        REQUIRE(rels);
        QXmlStreamReader xml(*rels);
        QStringList unsafe;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() &&
                xml.attributes().value(QStringLiteral("TargetMode")) == QLatin1String("External")) {
                const QString target = xml.attributes().value(QStringLiteral("Target")).toString();
                if (!hostile::isSafeHref(target))
                    unsafe << target;
            }
        }
        INFO(unsafe.join(QStringLiteral(" | ")));
        CHECK(unsafe.isEmpty());
        requireEveryMarker(text, fieldsOf(letter), "DOCX");
    }
}
