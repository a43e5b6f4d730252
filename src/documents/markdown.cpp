#include "documents/markdown.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QUrl>

namespace fwb::documents {
namespace {

QString superscript(int n)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString out;
    for (QChar c : QString::number(n))
        out += digits[c.digitValue()];
    return out;
}

bool isAsciiPunctuation(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x21 && u <= 0x2f) || (u >= 0x3a && u <= 0x40) || (u >= 0x5b && u <= 0x60) ||
           (u >= 0x7b && u <= 0x7e);
}

// One character reference ("&#x61;", "&#97;", "&colon;") at `at`, decoded; `length` is how many
// characters it took. Empty when there is none there.
QString characterReference(const QString& s, qsizetype at, qsizetype& length)
{
    static const QRegularExpression reference(
        QStringLiteral("&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,9})|([A-Za-z][A-Za-z0-9]{1,31}));"));
    const auto m = reference.match(s, at, QRegularExpression::NormalMatch,
                                   QRegularExpression::AnchorAtOffsetMatchOption);
    if (!m.hasMatch())
        return {};
    length = m.capturedLength();
    bool ok = false;
    uint code = 0;
    if (m.capturedLength(1))
        code = m.captured(1).toUInt(&ok, 16);
    else if (m.capturedLength(2))
        code = m.captured(2).toUInt(&ok, 10);
    if (ok) {
        // As HTML reads them: nothing, a surrogate or a number past Unicode is U+FFFD.
        if (code == 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            code = 0xfffd;
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    // A named reference, by Qt's own table of HTML entities.
    const QString named = QTextDocumentFragment::fromHtml(m.captured(0)).toPlainText();
    if (named.isEmpty() || named == m.captured(0))
        return {};
    return named;
}

// What a link's destination says once its escapes and character references are read, as a
// Markdown reader and then a browser would read it.
QString decodedDestination(const QString& href)
{
    QString out;
    out.reserve(href.size());
    for (qsizetype i = 0; i < href.size(); ++i) {
        const QChar c = href[i];
        if (c == QLatin1Char('\\') && i + 1 < href.size() && isAsciiPunctuation(href[i + 1])) {
            out += href[++i];
            continue;
        }
        if (c == QLatin1Char('&')) {
            qsizetype length = 0;
            const QString decoded = characterReference(href, i, length);
            if (!decoded.isEmpty()) {
                out += decoded;
                i += length - 1;
                continue;
            }
        }
        out += c;
    }
    // Browsers ignore tabs and line breaks anywhere in a URL, and spaces and control characters
    // at either end.
    out.remove(QRegularExpression(QStringLiteral("[\\t\\n\\r]")));
    qsizetype start = 0, end = out.size();
    while (start < end && out[start].unicode() <= 0x20)
        ++start;
    while (end > start && out[end - 1].unicode() <= 0x20)
        --end;
    return out.mid(start, end - start);
}

} // namespace

MarkdownText extractFootnotes(const QString& markdown, int firstNumber)
{
    static const QRegularExpression definition(QStringLiteral("^\\[\\^([^\\]]+)\\]:\\s*(.*)$"),
                                               QRegularExpression::MultilineOption);
    static const QRegularExpression reference(QStringLiteral("\\[\\^([^\\]]+)\\]"));
    MarkdownText out;
    QHash<QString, QString> texts;
    QString body = markdown;
    auto it = definition.globalMatch(markdown);
    while (it.hasNext()) {
        const auto m = it.next();
        texts.insert(m.captured(1), m.captured(2).trimmed());
    }
    body.remove(definition);
    QString result;
    qsizetype last = 0;
    auto refs = reference.globalMatch(body);
    int next = firstNumber;
    while (refs.hasNext()) {
        const auto m = refs.next();
        result += body.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString label = m.captured(1);
        int number = 0;
        for (const Footnote& f : out.footnotes)
            if (f.label == label)
                number = f.number;
        if (!number) {
            number = next++;
            out.footnotes.push_back({label, number, texts.value(label)});
        }
        result += superscript(number);
    }
    result += body.mid(last);
    out.body = result.trimmed();
    return out;
}

QTextDocument::MarkdownFeatures markdownFeatures()
{
    return QTextDocument::MarkdownFeatures(int(QTextDocument::MarkdownDialectGitHub) |
                                           int(QTextDocument::MarkdownNoHTML));
}

QString safeLink(const QString& href)
{
    const QString decoded = decodedDestination(href);
    for (QChar c : decoded)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return {};
    const QUrl url(decoded, QUrl::TolerantMode);
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        if (url.host().isEmpty())
            return {};
    } else if (scheme == QLatin1String("mailto")) {
        if (url.path().isEmpty())
            return {};
    } else {
        return {};
    }
    return url.toString(QUrl::FullyEncoded);
}

bool isPrintable(QChar c)
{
    const char16_t u = c.unicode();
    if (u == u'\t' || u == u'\n' || u == u'\r')
        return true;
    if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
        return false;
    if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
        return false;
    return u != 0xfffe && u != 0xffff;
}

QString cleanText(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate() || !isPrintable(c))
            text[i] = QChar::ReplacementCharacter;
    }
    return text;
}

QString escapeMarkdown(const QString& text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool wordStart = i == 0 || text[i - 1].isSpace();
        switch (c.unicode()) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '&':
        case '|':
        case '~':
            out += QLatin1Char('\\');
            break;
        case '#':
        case '-':
        case '+':
        case '=':
            if (wordStart)
                out += QLatin1Char('\\');
            break;
        case '.':
        case ')': {
            // "2014. " could start a numbered list where a line breaks before it.
            qsizetype d = i;
            while (d > 0 && text[d - 1].isDigit())
                --d;
            const bool numberBefore = d < i && (d == 0 || text[d - 1].isSpace());
            const bool spaceAfter = i + 1 == text.size() || text[i + 1].isSpace();
            if (numberBefore && spaceAfter)
                out += QLatin1Char('\\');
            break;
        }
        default:
            break;
        }
        out += c;
    }
    return out;
}

void readMarkdown(QTextDocument& document, const QString& markdown)
{
    document.setMarkdown(cleanText(markdown), markdownFeatures());
    struct Image {
        int position, length;
        QString text;
        QTextCharFormat format;
    };
    QList<Image> images;
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextCharFormat source = f.charFormat();
            QTextCharFormat cf = source;
            cf.clearProperty(QTextFormat::TextToolTip);
            if (cf.isAnchor() || cf.hasProperty(QTextFormat::AnchorHref)) {
                const QString safe = safeLink(cf.anchorHref());
                if (safe.isEmpty()) {
                    // Shown as the text it is, not as a link.
                    cf.setAnchor(false);
                    cf.clearProperty(QTextFormat::AnchorHref);
                    cf.clearForeground();
                    cf.clearProperty(QTextFormat::TextUnderlineStyle);
                    cf.clearProperty(QTextFormat::FontUnderline);
                } else {
                    cf.setAnchorHref(safe);
                }
            }
            if (cf.isImageFormat()) {
                // Nothing is fetched for a text: an image is its alternative text.
                const QString alt = cf.property(QTextFormat::ImageAltText).toString();
                for (int p : {int(QTextFormat::ObjectType), int(QTextFormat::ImageName),
                              int(QTextFormat::ImageAltText), int(QTextFormat::ImageTitle),
                              int(QTextFormat::ImageWidth), int(QTextFormat::ImageHeight),
                              int(QTextFormat::ImageQuality)})
                    cf.clearProperty(p);
                images.push_back(
                    {f.position(), f.length(), cleanText(alt).repeated(f.length()), cf});
                continue;
            }
            if (cf != source) {
                QTextCursor c(&document);
                c.setPosition(f.position());
                c.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
                c.setCharFormat(cf);
            }
        }
    }
    for (qsizetype i = images.size() - 1; i >= 0; --i) {
        QTextCursor c(&document);
        c.setPosition(images[i].position);
        c.setPosition(images[i].position + images[i].length, QTextCursor::KeepAnchor);
        c.insertText(images[i].text, images[i].format);
    }
}

bool isSectionLink(const QString& href)
{
    return href.startsWith(QLatin1String("#s-"));
}

int neutralise(QTextDocument& document, const std::function<bool(const QString&)>& keepImage)
{
    struct Change {
        int position, length;
        QString text; // the same length; empty when only the format changes
        QTextCharFormat format;
    };
    QList<Change> changes;
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextCharFormat source = f.charFormat();
            QTextCharFormat cf = source;
            QString text;
            cf.clearProperty(QTextFormat::TextToolTip);
            if (cf.isImageFormat()) {
                if (keepImage && keepImage(cf.toImageFormat().name()))
                    continue;
                for (int p : {int(QTextFormat::ObjectType), int(QTextFormat::ImageName),
                              int(QTextFormat::ImageAltText), int(QTextFormat::ImageTitle),
                              int(QTextFormat::ImageWidth), int(QTextFormat::ImageHeight),
                              int(QTextFormat::ImageQuality)})
                    cf.clearProperty(p);
                text = QString(f.length(), QChar::ReplacementCharacter);
            } else if (cf.objectType() != QTextFormat::NoObject) {
                continue; // a chart: drawn by the program from its numbers
            }
            if (cf.isAnchor() || cf.hasProperty(QTextFormat::AnchorHref)) {
                const QString href = cf.anchorHref();
                const QString safe = isSectionLink(href) ? href : safeLink(href);
                if (safe.isEmpty()) {
                    cf.setAnchor(false);
                    cf.clearProperty(QTextFormat::AnchorHref);
                    cf.clearProperty(QTextFormat::TextUnderlineStyle);
                    cf.clearProperty(QTextFormat::FontUnderline);
                } else if (safe != href) {
                    cf.setAnchorHref(safe);
                }
            }
            if (text.isEmpty()) {
                const QString clean = cleanText(f.text());
                if (clean != f.text())
                    text = clean;
            }
            if (cf != source || !text.isEmpty())
                changes.push_back({f.position(), f.length(), text, cf});
        }
    }
    for (const Change& c : std::as_const(changes)) {
        QTextCursor cursor(&document);
        cursor.setPosition(c.position);
        cursor.setPosition(c.position + c.length, QTextCursor::KeepAnchor);
        if (c.text.isEmpty())
            cursor.setCharFormat(c.format);
        else
            cursor.insertText(c.text, c.format);
    }
    return int(changes.size());
}

QString toHtml(const QString& markdown)
{
    const MarkdownText text = extractFootnotes(markdown);
    QTextDocument doc;
    readMarkdown(doc, text.body);
    QString html = doc.toHtml();
    // Keep only the body's content: the fragment is placed inside a larger page.
    const auto start = html.indexOf(QLatin1String("<body"));
    if (start >= 0) {
        const auto open = html.indexOf(QLatin1Char('>'), start) + 1;
        const auto close = html.lastIndexOf(QLatin1String("</body>"));
        html = html.mid(open, close - open);
    }
    if (!text.footnotes.isEmpty()) {
        html += QStringLiteral("<p style=\"font-size:small; color:#555\">");
        for (const Footnote& f : text.footnotes)
            html += QStringLiteral("%1 %2<br/>")
                        .arg(superscript(f.number), cleanText(f.text).toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    return html;
}

QString toPlainText(const QString& markdown)
{
    QTextDocument doc;
    readMarkdown(doc, extractFootnotes(markdown).body);
    return doc.toPlainText();
}

} // namespace fwb::documents
