#pragma once
// Assembly: one letter or report, with the data its bound sections show, built into a
// QTextDocument. Every exporter (PDF, print, ODT, HTML, Markdown) and the editor's preview start
// from this one document, so no two of them can disagree about what a document says.

#include "core/domain/types.h"
#include "core/services/analysis.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QHash>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFormat>
#include <functional>
#include <memory>

class QTextTable;
class QPaintDevice;

namespace fwb {
class Workbench;
}

namespace fwb::documents {

struct AssemblyOptions {
    // The moment the document is produced: before the embargo it carries the notice.
    QDateTime now = QDateTime::currentDateTime();
    // Put the embargo notice at the top of the text. The PDF leaves it out: it prints the notice
    // at the head of every page instead.
    bool embargoInText = true;
    // For the pack sent to the force: the reference printed beside each text, by target
    // ("finding:<uid>", "judgment:…", "overview:…", "section:<uid>#<n>"; see services/review.h).
    QHash<QString, QString> references;
    // Who is to read it, for the charts that set one figure of every force side by side (see
    // services/analysis.h). Unset: outside the inspectorate for a published document, the
    // inspectorate for any other. The pack sent to the force is always for outside.
    std::optional<Audience> audience;
};

struct Heading {
    QString text;
    int level = 1;    // 1 chapter, 2 section, 3 sub-section
    int position = 0; // of its block in the document, as assembled
    QString sectionUid;
    QTextCursor cursor; // the same place, kept as the document is edited (page numbers written)
};

struct Assembly {
    std::unique_ptr<QTextDocument> document;
    Document source;
    QString runningTitle;   // for page headers: "PEEL: Police effectiveness 2015 – Lancashire
                            // Constabulary"
    bool titlePage = false; // the first page is a title page (no header or footer)
    bool embargoed = false;
    Audience audience = Audience::Inspectorate; // who it was assembled for
    QString embargoNotice; // "EMBARGOED until 00:01 on Thursday 4 September 2014"
    // A document that is not final or published says so on every page, beside the embargo.
    bool draft = false;
    QString draftNotice; // "DRAFT – not for publication"
    QString author;      // for the PDF's metadata: the letter's signatory, or the inspectorate
    QList<Heading> headings;
    QHash<QString, int> sectionPositions; // section uid → where its text starts
    QTextTable* contents = nullptr;       // the contents table, rows in step with contentsEntries
    QList<int> contentsEntries;           // indexes into headings

    // The section at a position in the document (the last one starting at or before it).
    QString sectionAt(int position) const;
    // Writes page numbers into the contents table; `pageOf` maps a document position to a page.
    void setContentsPages(const std::function<int(int position)>& pageOf);
};

Result<Assembly> assemble(const Workbench& workbench, const QString& documentUid,
                          const AssemblyOptions& options = {});
Result<Assembly> assemble(const Workbench& workbench, const Document& document,
                          const AssemblyOptions& options = {});

// Documents are laid out for a 96 dots-per-inch device whatever they are shown or printed on, so a
// page breaks in the same place in the preview, the PDF and on paper; painters scale to the device.
constexpr qreal kLayoutDpi = 96;
// A block format property: the block (a heading, a caption) belongs on the page of what follows it.
inline constexpr int KeepWithNextProperty = QTextFormat::UserProperty + 2;
// A block format property: what a block is, for the writers that give every paragraph a named
// style (DOCX, ODT; see flow.h). Headings and list items are known by their own formats.
inline constexpr int BlockRoleProperty = QTextFormat::UserProperty + 3;
enum class BlockRole { Body = 0, Title, Subtitle, Caption, Note, Footnote, Embargo, Badge };
// On a footnote's block (BlockRole::Footnote): the note's number.
inline constexpr int FootnoteNumberProperty = QTextFormat::UserProperty + 4;
QPaintDevice* layoutDevice();

// Fills {{field}}s in narrative text (see services/documents.h for the names).
QString fillFields(const QString& text, const QHash<QString, QString>& fields);
// The fields of one document, and a filler for the review's references (what the reader sees).
QHash<QString, QString> documentFields(const Workbench& workbench, const Document& document);
std::function<QString(const QString&)> fieldFiller(const Workbench& workbench,
                                                   const Document& document);

} // namespace fwb::documents
