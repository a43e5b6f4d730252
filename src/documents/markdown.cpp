#include "markdown.h"

#include <QRegularExpression>
#include <QTextDocument>

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

QString toHtml(const QString& markdown)
{
    const MarkdownText text = extractFootnotes(markdown);
    QTextDocument doc;
    doc.setMarkdown(text.body);
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
            html += QStringLiteral("%1 %2<br/>").arg(superscript(f.number), f.text.toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    return html;
}

QString toPlainText(const QString& markdown)
{
    QTextDocument doc;
    doc.setMarkdown(extractFootnotes(markdown).body);
    return doc.toPlainText();
}

} // namespace fwb::documents
