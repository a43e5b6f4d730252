#include "app/panes/htmlwriter.h"

#include "app/models/gradestyle.h"
#include "documents/markdown.h"

namespace fwb::app {

QString HtmlWriter::badge(const QString& gradeCode, const QString& label, int rank, bool withLabel)
{
    const QString span =
        QStringLiteral("<span class=\"badge\" style=\"background-color:%1; color:%2\">"
                       "&nbsp;%3&nbsp;</span>")
            .arg(GradeStyle::background(gradeCode, rank).name(),
                 GradeStyle::foreground(gradeCode, rank).name(),
                 escape(GradeStyle::letters(gradeCode, label)));
    if (!withLabel)
        return span;
    return span +
           QStringLiteral("&nbsp;<span class=\"grade\" style=\"color:%1\">%2</span>")
               .arg(GradeStyle::background(gradeCode, rank).darker(140).name(), escape(label));
}

QString HtmlWriter::link(const QString& path, const QString& text)
{
    return QStringLiteral("<a href=\"fwb:%1\">%2</a>").arg(escape(path), escape(text));
}

HtmlWriter& HtmlWriter::eyebrow(const QString& text)
{
    return paragraph(text, QStringLiteral("eyebrow"));
}

HtmlWriter& HtmlWriter::heading(int level, const QString& text, const QString& cssClass)
{
    const QString cls =
        cssClass.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(cssClass);
    m_html += QStringLiteral("<h%1%2>%3</h%1>\n").arg(level).arg(cls, escape(text));
    return *this;
}

HtmlWriter& HtmlWriter::paragraph(const QString& text, const QString& cssClass)
{
    return paragraphHtml(escape(text), cssClass);
}

HtmlWriter& HtmlWriter::paragraphHtml(const QString& html, const QString& cssClass)
{
    const QString cls =
        cssClass.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(cssClass);
    m_html += QStringLiteral("<p%1>%2</p>\n").arg(cls, html);
    return *this;
}

HtmlWriter& HtmlWriter::markdown(const QString& markdown)
{
    if (!markdown.trimmed().isEmpty())
        m_html += QStringLiteral("<div class=\"text\">") + documents::toHtml(markdown) +
                  QStringLiteral("</div>\n");
    return *this;
}

HtmlWriter& HtmlWriter::raw(const QString& html)
{
    m_html += html;
    return *this;
}

HtmlWriter& HtmlWriter::beginTable(const QStringList& headers, const QString& cssClass,
                                   bool fullWidth)
{
    // QTextDocument takes cell padding and widths from attributes more reliably than from CSS.
    // 99%: at 100% collapsed borders round a pixel past the page and bring up a scroll bar.
    m_html += QStringLiteral("<table class=\"%1\"%2 cellspacing=\"0\" cellpadding=\"5\">\n")
                  .arg(cssClass, fullWidth ? QStringLiteral(" width=\"99%\"") : QString());
    if (!headers.isEmpty()) {
        m_html += QStringLiteral("<tr>");
        for (const QString& h : headers)
            m_html += QStringLiteral("<th>") + escape(h) + QStringLiteral("</th>");
        m_html += QStringLiteral("</tr>\n");
    }
    return *this;
}

HtmlWriter& HtmlWriter::row(const QStringList& cellsHtml, const QStringList& cellClasses)
{
    m_html += QStringLiteral("<tr>");
    for (qsizetype i = 0; i < cellsHtml.size(); ++i) {
        const QString cls = cellClasses.value(i);
        m_html += (cls.isEmpty() ? QStringLiteral("<td>")
                                 : QStringLiteral("<td class=\"%1\">").arg(cls)) +
                  cellsHtml[i] + QStringLiteral("</td>");
    }
    m_html += QStringLiteral("</tr>\n");
    return *this;
}

HtmlWriter& HtmlWriter::endTable()
{
    m_html += QStringLiteral("</table>\n");
    return *this;
}

HtmlWriter& HtmlWriter::fact(const QString& label, const QString& valueHtml)
{
    m_html += QStringLiteral("<tr><td class=\"label\" width=\"170\">%1</td><td>%2</td></tr>\n")
                  .arg(escape(label), valueHtml);
    return *this;
}

QString HtmlWriter::page() const
{
    return QStringLiteral("<html><body>") + m_html + QStringLiteral("</body></html>");
}

} // namespace fwb::app
