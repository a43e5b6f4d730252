#pragma once
// Markdown as the workbench stores it (CommonMark with GitHub's tables, strikethrough and
// autolinks, as Qt reads it) plus footnotes written as "[^label]" references and "[^label]: text"
// definition lines. Qt's reader has no footnotes, so they are taken out here and numbered.
//
// Text is text: raw HTML in Markdown ("<img src=x>", "<a href=…>", "<!-- … -->") is shown as the
// characters it is, never interpreted. A link is kept only when it goes to a web page (http,
// https) or an e-mail address (mailto); any other link, and every image, is shown as its text.

#include <QList>
#include <QString>
#include <QTextDocument>
#include <functional>

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

// How the workbench reads Markdown: GitHub's dialect with HTML read as text.
QTextDocument::MarkdownFeatures markdownFeatures();

// Reads Markdown into `document` (replacing what it held) as described above: raw HTML as text,
// links made safe (see safeLink), images replaced by their alternative text, link titles dropped,
// control characters replaced (see cleanText).
void readMarkdown(QTextDocument& document, const QString& markdown);

// The link as it may be published — the URL in its fully encoded form — when it is a web or mail
// link (http or https with a host, mailto with an address); an empty string for anything else
// (javascript:, data:, file:, vbscript:, relative links…). Character references and backslash
// escapes are decoded and spaces and control characters dropped first, as a browser would, so
// "jav&#x61;script:" and " JaVaScRiPt:" are refused like "javascript:".
QString safeLink(const QString& href);

// Whether a character may stand in published text: not a control character (other than tab and
// the line and paragraph separators) and not an explicit bidirectional embedding, override or
// isolate (U+202A–U+202E, U+2066–U+2069), which could make text read differently from how it is
// stored.
bool isPrintable(QChar c);
// The text with each character that is not printable replaced by U+FFFD (the same length, so
// positions in it stay valid).
QString cleanText(QString text);

// A link from one part of a document to a section of it ("#s-<section uid>"), as the contents have.
bool isSectionLink(const QString& href);

// Makes a document safe to publish, in place and without moving any text: a link that is neither
// a safe link (see safeLink) nor a section link becomes plain text, a character that is not
// printable becomes U+FFFD, and an image that `keepImage` does not accept (every image, when it is
// empty) becomes U+FFFD. Link titles (tooltips) are dropped. Returns how many things it changed.
int neutralise(QTextDocument& document,
               const std::function<bool(const QString& imageName)>& keepImage = {});

// Escapes text so that a Markdown reader reads it back as the same characters: backslashes,
// emphasis, code, link and HTML characters, entities, and whatever could start a heading, a list,
// a quote or a table where a line may begin.
QString escapeMarkdown(const QString& text);

// Renders Markdown (with footnotes as numbered notes after it) to an HTML fragment.
QString toHtml(const QString& markdown);

// Plain text of Markdown: what a search snippet or a table cell shows.
QString toPlainText(const QString& markdown);

} // namespace fwb::documents
