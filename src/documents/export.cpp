#include "documents/export.h"

#include "core/io/filenames.h"
#include "core/workbench.h"
#include "documents/accessible.h"
#include "documents/chart.h"
#include "documents/markdown.h"
#include "documents/style.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontInfo>
#include <QImage>
#include <QMap>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QTextImageFormat>
#include <QTextTable>
#include <QUrl>
#include <cmath>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::documents {
namespace {
struct ChartAt {
    int position;
    ChartSpec spec;
};

QList<ChartAt> chartsOf(const QTextDocument& doc)
{
    QList<ChartAt> out;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().objectType() == ChartObjectType)
                for (int i = 0; i < f.length(); ++i)
                    out.push_back({f.position() + i, ChartSpec::fromVariant(f.charFormat().property(
                                                         ChartSpecProperty))});
        }
    return out;
}

void dropContentsPages(const Assembly& a, QTextDocument& copy);

// A copy of the assembled document without the contents' page numbers (they mean nothing outside
// a paged format) and with each chart replaced by what `replace` inserts. The page numbers go
// first, while positions in the copy are still those of the assembly.
std::unique_ptr<QTextDocument>
withChartsReplaced(const Assembly& a,
                   const std::function<void(QTextCursor&, const ChartSpec&, int)>& replace)
{
    std::unique_ptr<QTextDocument> copy(a.document->clone());
    dropContentsPages(a, *copy);
    const QList<ChartAt> charts = chartsOf(*copy);
    for (qsizetype i = charts.size() - 1; i >= 0; --i) {
        QTextCursor c(copy.get());
        c.setPosition(charts[i].position);
        c.setPosition(charts[i].position + 1, QTextCursor::KeepAnchor);
        c.removeSelectedText();
        replace(c, charts[i].spec, int(i) + 1);
    }
    return copy;
}

// Page numbers mean nothing outside a paged format: the contents keep only their links.
void dropContentsPages(const Assembly& a, QTextDocument& copy)
{
    if (!a.contents)
        return;
    QTextCursor c(&copy);
    c.setPosition(a.contents->firstPosition());
    if (QTextTable* t = c.currentTable(); t && t->columns() == 2)
        t->removeColumns(1, 1);
}

// Single-cell tables (the title block, judgment badges) become plain paragraphs: in Markdown a
// table of one cell is noise, and OpenDocument readers drop the colour Qt gives it.
void unwrapSingleCells(QTextDocument& copy)
{
    for (bool found = true; found;) {
        found = false;
        for (QTextFrame* frame : copy.rootFrame()->childFrames()) {
            auto* table = qobject_cast<QTextTable*>(frame);
            if (!table || table->rows() != 1 || table->columns() != 1)
                continue;
            QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();
            cell.setPosition(table->cellAt(0, 0).lastCursorPosition().position(),
                             QTextCursor::KeepAnchor);
            const QTextDocumentFragment content = cell.selection();
            // The cell's text goes in as blocks of its own just before the table, then the
            // table goes.
            QTextCursor c(&copy);
            c.setPosition(table->firstPosition() - 1);
            c.insertBlock(QTextBlockFormat(), QTextCharFormat());
            const int start = c.position();
            c.insertFragment(content);
            const int end = c.position();
            // Light text on the table's colour becomes text in that colour.
            if (const QBrush fill = table->format().background(); fill.style() != Qt::NoBrush) {
                QTextCursor range(&copy);
                range.setPosition(start);
                range.setPosition(end, QTextCursor::KeepAnchor);
                QTextCharFormat coloured;
                coloured.setForeground(fill.color().lightnessF() > 0.6 ? fill.color().darker(160)
                                                                       : fill.color());
                range.mergeCharFormat(coloured);
            }
            table->removeRows(0, 1);
            // Removing the table joins what followed it onto the cell's last line: part them.
            QTextCursor split(&copy);
            split.setPosition(end);
            if (!split.atBlockEnd())
                split.insertBlock();
            found = true;
            break;
        }
    }
}

// Qt's Markdown writer writes text as it is, so text that reads as Markdown ("<script>", "# x",
// "[x](javascript:…)") would become markup. Every text is escaped first (code, which Markdown
// shows as it is, excepted), and every link's destination.
void escapeForMarkdown(QTextDocument& copy)
{
    struct Change {
        int position, length;
        QString text;
        QTextCharFormat format;
    };
    QList<Change> changes;
    for (QTextBlock b = copy.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            QTextCharFormat cf = f.charFormat();
            if (cf.objectType() != QTextFormat::NoObject)
                continue;
            if (cf.fontFixedPitch() || QFontInfo(cf.font()).fixedPitch())
                continue;
            if (cf.isAnchor()) {
                QString href;
                for (QChar c : cf.anchorHref()) {
                    if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('<') ||
                        c == QLatin1Char('>') || c == QLatin1Char('\\') || c == QLatin1Char('&'))
                        href += QLatin1Char('\\');
                    href += c == QLatin1Char(' ') ? QStringLiteral("%20") : QString(c);
                }
                cf.setAnchorHref(href);
            }
            changes.push_back({f.position(), f.length(), escapeMarkdown(f.text()), cf});
        }
    for (qsizetype i = changes.size() - 1; i >= 0; --i) {
        const Change& c = changes[i];
        QTextCursor cursor(&copy);
        cursor.setPosition(c.position);
        cursor.setPosition(c.position + c.length, QTextCursor::KeepAnchor);
        cursor.insertText(c.text, c.format);
    }
}

} // namespace

std::optional<Format> formatFromName(const QString& name)
{
    const QString n = name.toLower();
    if (n == u"pdf"_s)
        return Format::Pdf;
    if (n == u"odt"_s)
        return Format::Odt;
    if (n == u"docx"_s)
        return Format::Docx;
    if (n == u"html"_s || n == u"htm"_s)
        return Format::Html;
    if (n == u"md"_s || n == u"markdown"_s)
        return Format::Markdown;
    return std::nullopt;
}

QString formatName(Format f)
{
    switch (f) {
    case Format::Pdf:
        return u"pdf"_s;
    case Format::Odt:
        return u"odt"_s;
    case Format::Docx:
        return u"docx"_s;
    case Format::Html:
        return u"html"_s;
    case Format::Markdown:
        return u"md"_s;
    }
    return {};
}

QString extension(Format f)
{
    return u"."_s + formatName(f);
}

QString formatLabel(Format f)
{
    switch (f) {
    case Format::Pdf:
        return u"PDF document"_s;
    case Format::Odt:
        return u"OpenDocument text"_s;
    case Format::Docx:
        return u"Word document"_s;
    case Format::Html:
        return u"Web page (HTML)"_s;
    case Format::Markdown:
        return u"Markdown"_s;
    }
    return {};
}

QString suggestedFileName(const Document& d, Format format)
{
    // Codes and uids are data: the name is made of their slugs, never of them as they are.
    return fileSlug(d.forceCode + u"-"_s + d.programmeCode + u"-"_s + d.kind, u"document"_s) +
           extension(format);
}

QStringList batchFileNames(const QList<Document>& documents, Format format)
{
    QHash<QString, int> perName;
    for (const Document& d : documents)
        ++perName[suggestedFileName(d, format).toLower()];
    // Distinct uids can share a slug, and some file systems do not tell case apart: a name taken
    // already gets "-2", "-3", … so that no file is written over another.
    QSet<QString> taken;
    QStringList out;
    for (const Document& d : documents) {
        QString name = suggestedFileName(d, format);
        if (perName.value(name.toLower()) > 1)
            name =
                fileSlug(d.forceCode + u"-"_s + d.programmeCode + u"-"_s + d.kind + u"-"_s + d.uid,
                         u"document"_s) +
                extension(format);
        const QString stem = name.left(name.size() - extension(format).size());
        for (int n = 2; taken.contains(name.toLower()); ++n)
            name = stem + u"-"_s + QString::number(n) + extension(format);
        taken.insert(name.toLower());
        out << name;
    }
    return out;
}

QByteArray toHtml(const Assembly& a)
{
    QMap<int, QString> alts; // by chart number, in document order
    auto copy = withChartsReplaced(a, [&](QTextCursor& c, const ChartSpec& spec, int n) {
        QTextImageFormat f;
        f.setName(u"data:image/svg+xml;base64,"_s +
                  QString::fromLatin1(spec.toSvg(720).toBase64()));
        f.setWidth(720);
        c.insertImage(f);
        alts.insert(n, chartAltText(spec));
    });
    // Qt writes the title into <title> as it is: it is written here, escaped, instead.
    const QString title = copy->metaInformation(QTextDocument::DocumentTitle);
    copy->setMetaInformation(QTextDocument::DocumentTitle, QString());
    // The assembly let in only safe links; checked again here, where the page is written. The
    // only images are the charts this writer drew.
    static const QString chartImage = u"data:image/svg+xml;base64,"_s;
    neutralise(*copy, [](const QString& name) { return name.startsWith(chartImage); });
    QString html = copy->toHtml();
    html.remove(u"<title></title>"_s);
    // Qt gives a list item two style attributes (its text's and its block's); a page has one.
    static const QRegularExpression twoStyles(
        QStringLiteral(" style=\"([^\"]*)\" style=\"([^\"]*)\""));
    html.replace(twoStyles, QStringLiteral(" style=\"\\1\\2\""));
    const qsizetype head = html.indexOf(u"</head>"_s);
    if (head >= 0)
        html.insert(head, u"<title>"_s + cleanText(title).toHtmlEscaped() +
                              u"</title>\n<meta charset=\"utf-8\"/>\n"_s +
                              u"<style>body { max-width: 46em; margin: 2em auto; padding: 0 1em; "
                              u"line-height: 1.4; } "
                              "table { border-collapse: collapse; }</style>\n"_s);
    // The language, headings in order, table headers, charts in words, the DRAFT band.
    HtmlPageOptions page;
    page.chartAltTexts = alts.values();
    page.draftNotice = a.draft ? a.draftNotice : QString();
    return accessibleHtml(html, page).toUtf8();
}

QByteArray toMarkdown(const Assembly& a)
{
    auto copy = withChartsReplaced(a, [&](QTextCursor& c, const ChartSpec& spec, int) {
        QStringList lines;
        for (qsizetype i = 0; i < spec.categories.size(); ++i) {
            QString line = spec.categories[i] + u": "_s + spec.forceLabel + u" "_s +
                           style::number(spec.force.value(i));
            if (i < spec.national.size() && spec.national[i])
                line += u"; "_s + spec.nationalLabel + u" "_s + style::number(*spec.national[i]);
            lines << line;
        }
        c.insertText(lines.join(QChar::LineSeparator), QTextCharFormat());
    });
    unwrapSingleCells(*copy);
    escapeForMarkdown(*copy);
    QString md = copy->toMarkdown(QTextDocument::MarkdownDialectGitHub);
    return md.toUtf8();
}

Result<QByteArray> render(Assembly& a, Format format)
{
    switch (format) {
    case Format::Pdf:
        return toPdf(a);
    case Format::Odt:
        return toOdt(a);
    case Format::Docx:
        return toDocx(a);
    case Format::Html:
        return toHtml(a);
    case Format::Markdown:
        return toMarkdown(a);
    }
    return Error::make(Error::Code::Invalid, u"unknown format"_s);
}

Status renderToFile(const Workbench& workbench, const QString& documentUid, Format format,
                    const QString& path, const AssemblyOptions& options)
{
    if (Status s = workbench.refuseOwnFile(path); !s)
        return s;
    AssemblyOptions o = options;
    o.embargoInText = format != Format::Pdf;
    auto a = assemble(workbench, documentUid, o);
    if (!a)
        return a.error();
    auto bytes = render(*a, format);
    if (!bytes)
        return bytes.error();
    if (Status s = writeFileAtomically(path, *bytes); !s)
        return s;
    spdlog::info("rendered {} as {} to {}", documentUid.toStdString(),
                 formatName(format).toStdString(), path.toStdString());
    return {};
}

} // namespace fwb::documents
