#pragma once
// HtmlWriter: builds the HTML fragments the detail pane shows — headings, paragraphs, Markdown,
// tables with header rows and grade badges — in the subset of HTML and CSS that QTextDocument
// renders. Text is escaped unless it says otherwise.

#include <QString>
#include <QStringList>

namespace fwb::app {

class HtmlWriter {
public:
    static QString escape(const QString& text) { return text.toHtmlEscaped(); }
    // A grade as a coloured badge with its letters, followed by its label when `withLabel`.
    static QString badge(const QString& gradeCode, const QString& label, int rank,
                         bool withLabel = true);
    // "fwb:" link to a navigator path; the detail pane turns it into a selection.
    static QString link(const QString& path, const QString& text);

    HtmlWriter& eyebrow(const QString& text); // small line above the title
    HtmlWriter& heading(int level, const QString& text, const QString& cssClass = {});
    HtmlWriter& paragraph(const QString& text, const QString& cssClass = {});
    HtmlWriter& paragraphHtml(const QString& html, const QString& cssClass = {});
    HtmlWriter& markdown(const QString& markdown); // via fwb::documents::toHtml
    HtmlWriter& note(const QString& text) { return paragraph(text, QStringLiteral("note")); }
    HtmlWriter& raw(const QString& html);

    // Tables: beginTable(headers) … row(cells) … endTable(). Cells are HTML.
    HtmlWriter& beginTable(const QStringList& headers,
                           const QString& cssClass = QStringLiteral("grid"), bool fullWidth = true);
    HtmlWriter& row(const QStringList& cellsHtml, const QStringList& cellClasses = {});
    HtmlWriter& endTable();
    // A label and value row of a facts table (beginTable({}, "facts", false)).
    HtmlWriter& fact(const QString& label, const QString& valueHtml);

    HtmlWriter& beginList() { return raw(QStringLiteral("<ul>")); }
    HtmlWriter& item(const QString& html)
    {
        return raw(QStringLiteral("<li>") + html + QStringLiteral("</li>"));
    }
    HtmlWriter& endList() { return raw(QStringLiteral("</ul>")); }

    QString page() const;

private:
    QString m_html;
};

} // namespace fwb::app
