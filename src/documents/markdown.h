#pragma once
// Markdown as the workbench stores it (CommonMark, as Qt reads it) plus footnotes written as
// "[^label]" references and "[^label]: text" definition lines. Qt's reader has no footnotes, so
// they are taken out here and numbered.

#include <QList>
#include <QString>

namespace fwb::documents {

struct Footnote {
    QString label;
    int number = 0;
    QString text;
};

struct MarkdownText {
    QString body;              // Markdown with references replaced by superscript numbers
    QList<Footnote> footnotes; // in order of first reference
};

// Splits footnote definitions from the body and numbers references from `firstNumber`.
MarkdownText extractFootnotes(const QString& markdown, int firstNumber = 1);

// Renders Markdown (with footnotes as numbered notes after it) to an HTML fragment.
QString toHtml(const QString& markdown);

// Plain text of Markdown: what a search snippet or a table cell shows.
QString toPlainText(const QString& markdown);

} // namespace fwb::documents
