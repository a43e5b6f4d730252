#pragma once
// The assembled document as a word processor sees it: paragraphs with a named style (title,
// headings, list items, captions, notes…), runs of text with what they add to their style, tables
// with their header rows, footnotes, charts, and the page furniture (running title, embargo
// notice, draft mark). Read from the one Assembly every format starts from (assembly.h), and
// written as Office Open XML (docx.h) and OpenDocument (odt.h): one structure, two vocabularies,
// so the two files cannot disagree about what a document says or how it is styled.

#include "documents/assembly.h"
#include "documents/chart.h"

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace fwb::documents::flow {

// Named paragraph styles. Each writer gives each the same look (see styleOf).
enum class Style {
    Body,
    Title,
    Subtitle,
    Heading1,
    Heading2,
    Heading3,
    Heading4,
    ListBullet,
    ListNumber,
    Caption,
    Note,
    FootnoteText,
    Embargo,
    Badge,
    TableText,
    TableHeading,
    Contents1,
    Contents2,
};

struct Look {
    Look(qreal size_ = 10.5, bool bold_ = false, bool italic_ = false, QColor colour_ = {},
         qreal before_ = 0, qreal after_ = 7, bool keepNext_ = false, int outline_ = 0)
        : size(size_), bold(bold_), italic(italic_), colour(colour_), before(before_),
          after(after_), keepNext(keepNext_), outline(outline_)
    {
    }
    qreal size = 10.5; // points
    bool bold = false;
    bool italic = false;
    QColor colour;
    qreal before = 0, after = 7; // points
    bool keepNext = false;
    int outline = 0; // 1–4 for headings
};
Look styleOf(Style style);
// The style's name as a word processor shows it ("Heading 1", "List Bullet") and as an
// identifier ("Heading1", "ListBullet").
QString styleName(Style style);
QString styleId(Style style);

struct Run {
    enum class Kind { Text, LineBreak, Tab, NoteReference, Chart, PageReference };
    Kind kind = Kind::Text;
    QString text;
    // What the run adds to its paragraph's style: only what differs is set.
    std::optional<bool> bold, italic;
    bool underline = false, strike = false, superscript = false, mono = false;
    QColor colour;    // invalid: the style's
    qreal size = 0;   // 0: the style's
    QString link;     // a web or mail link, or "#<bookmark>" inside the document
    int note = 0;     // NoteReference: the footnote's number
    ChartSpec chart;  // Chart
    QString bookmark; // PageReference: the page of this bookmark
    int revision = 0; // tracked changes: 1 inserted, -1 deleted

    static Run of(Kind kind, const QString& text = {})
    {
        Run r;
        r.kind = kind;
        r.text = text;
        return r;
    }
};

struct Paragraph {
    Style style = Style::Body;
    QList<Run> runs;
    Qt::Alignment alignment = Qt::AlignLeft;
    std::optional<qreal> before, after; // points, where they differ from the style's
    qreal indent = 0;                   // left indent in points, where the style has none
    qreal width = 100;                  // per cent of the text width (a grade badge is narrower)
    QColor background;                  // shading (a grade badge)
    bool pageBreakBefore = false;
    bool keepNext = false;
    int list = 0;          // list items: which list (1, 2, …), each numbered from its start
    QStringList bookmarks; // bookmarks starting here
    QString plainText() const;
};

struct Cell {
    QList<Paragraph> paragraphs;
    QColor background;
    int rowSpan = 1, columnSpan = 1;
    bool covered = false; // part of a cell spanning it, which starts at:
    int originRow = -1, originColumn = -1;
};

struct Table {
    int columns = 0;
    int headerRows = 0;
    QList<qreal> widths; // per cent of the table's width, one per column
    QList<QList<Cell>> rows;
};

struct Block {
    std::optional<Paragraph> paragraph; // one of the two
    std::optional<Table> table;
};

struct Footnote {
    int number = 0;
    QList<Run> runs;
};

struct Flow {
    QString title;        // the document's own title
    QString runningTitle; // for page headers
    QString author;       // the inspectorate
    QString language = QStringLiteral("en-GB");
    QString embargoNotice; // empty when no embargo applies
    bool draft = false;    // not final or published: "DRAFT" on every page
    bool titlePage = false;
    bool letter = false; // a letter's first page is its letterhead: no running title
    QList<Block> blocks;
    QMap<int, Footnote> footnotes; // by number; each referenced once in the text
    int charts = 0;
    // Tracked changes (Run::revision): who made them and when, as the word processor shows it.
    QString revisionAuthor;
    QDateTime revisionDate;
};

// Reads the assembled document into a flow. Its contents, when it has one, become entries that
// link to their headings with the page as the word processor lays it out.
Flow fromAssembly(const Assembly& assembly);

// What a chart shows, in words, from its data: alternative text for a reader who cannot see it.
// "Bar chart: Title. Unit. Lancashire: Category 12.3 (England and Wales 10.1); …"
QString chartDescription(const ChartSpec& spec);
// The chart drawn as a PNG image `width` pixels wide.
QByteArray chartPng(const ChartSpec& spec, int width);

// Whether a document in this status is still a draft (every status before final).
bool isDraft(const QString& status);

// The text as XML 1.0 may hold it: every character XML forbids replaced by U+FFFD.
QString xmlSafe(const QString& text);

// A paragraph of one run of text.
Paragraph paragraph(Style style, const QString& text);

} // namespace fwb::documents::flow
