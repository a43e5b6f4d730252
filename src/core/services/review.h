#pragma once
// ReviewService: the factual accuracy check as a first-class, traceable round.
//
// Lifecycle. Findings, judgments and documents move through
//   draft → ready → sent → responded → amended → final → published
// ("amended" stands for amended or upheld: every response has been decided). Only these moves
// exist, plus ready → draft (back to drafting), final → amended (sign-off withdrawn) and
// published → amended (reopened); the last two need a reason. Each move is recorded in
// status_changes (who, when, why) and the audit log. A document carries with it the findings and
// judgments of its force and programme that stood where it stood. Published material is locked:
// every service and import refuses to change it until it is reopened (the rule: services/locks.h).
// The moves and the records edits keep are in services/lifecycle.h, below this service, so that
// the services writing findings, judgments and documents need not include this one.
//
// Revisions. From "ready" on, every change to the text of a finding, a judgment's summary or
// overview, or a narrative section is kept as a numbered revision with its reason.
//
// Rounds. send() freezes what the document says, item by item, each under a reference printed
// beside it in the pack ("F12" a finding, "J3" a judgment, "P7" a paragraph). The force's form is
// imported against that snapshot; each response is then accepted (the proposed wording, perhaps
// edited, becomes a new revision), partly accepted (with the wording used) or rejected, each with
// a reason. Deciding the last response lets the document move to "amended", which closes the round.
//
// Targets are written "finding:<uid>", "judgment:<programme>/<force>/<question>",
// "overview:<programme>/<force>/<question>", "section:<uid>" (a paragraph: "section:<uid>#<n>")
// and "document:<uid>".

#include "core/changes.h"
#include "core/domain/types.h"
#include "core/services/lifecycle.h"
#include "core/util/result.h"
#include "core/util/worddiff.h"

#include <QDate>
#include <QDateTime>
#include <functional>

namespace fwb {

class Workbench;

// ---- lifecycle ----------------------------------------------------------------------------------

// The statuses, their labels and the moves between them: core/services/lifecycle.h.

// "accepted" → "Accepted", "partly_accepted" → "Partly accepted", "" → "Not decided".
QString decisionLabel(const QString& decision);

// ---- references
// -----------------------------------------------------------------------------------

// Turns source text into what the reader sees ({{fields}} filled). The documents library gives
// the real one (documents::fieldFiller); without it the text is shown as written.
using TextFiller = std::function<QString(const QString&)>;

// The blank-line separated paragraphs of a section's text, as references number them. Footnote
// definitions ("[^1]: …") are printed as notes, not paragraphs, and are not counted.
QStringList paragraphsOf(const QString& body);
bool isFootnoteDefinition(const QString& chunk);

// Everything a document says that the force may answer, in reading order, with references.
QList<ReviewItem> reviewItems(const Workbench& workbench, const Document& document,
                              const TextFiller& fill = {});

// ---- the service
// ----------------------------------------------------------------------------------

class ReviewService {
public:
    explicit ReviewService(Workbench& workbench) : m_wb(workbench) {}

    // -- lifecycle --
    // The status of a target ("finding:…", "judgment:…", "document:…").
    Result<QString> status(const QString& target) const;
    // Why a move would be refused (an empty Status when it would not). `now` decides the embargo.
    Status check(const QString& target, const QString& to,
                 const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    // Moves a target (a document with the findings and judgments that stood with it); returns how
    // many things moved. Sending a document goes through send().
    Result<int> move(const QString& target, const QString& to, const QString& reason,
                     const QDateTime& now = QDateTime::currentDateTimeUtc());
    QList<StatusChange> history(const QString& target) const;

    // -- review notes --
    Result<ReviewNote> addNote(const QString& target, const QString& body);
    // With a version read, refused as Stale when the note has changed since
    // (core/services/versions.h).
    Result<ReviewNote> answerNote(const QString& uid, const QString& answer,
                                  IfVersion ifVersion = {});
    Result<ReviewNote> resolveNote(const QString& uid, IfVersion ifVersion = {});
    // Notes on a document, its sections and its force's findings and judgments in its programme;
    // every note when documentUid is empty.
    QList<ReviewNote> notes(const QString& documentUid = {}, bool openOnly = false) const;

    // -- rounds --
    // Freezes what the document says and moves it (ready → sent); returns the round.
    Result<ReviewRound> send(const QString& documentUid, const TextFiller& fill = {});
    std::optional<ReviewRound> latestRound(const QString& documentUid) const;

    // The response form for a round: one row per reference, its current text as plain text
    // (formText). As CSV (UTF-8, with a byte-order mark) and as an Excel workbook (the reference
    // and current text locked, the category a list to choose from, the force and the date to
    // reply by in title rows). Either is read back by importForm, as may be a CSV a spreadsheet
    // saved in the legacy Windows-1252 code page.
    QByteArray form(const ReviewRound& round) const;
    Result<QByteArray> formXlsx(const ReviewRound& round) const;
    // What the form shows as an item's current text: what the force reads in the pack, without
    // markup.
    static QString formText(const ReviewItem& item);
    // Ten working days after the pack was sent.
    static QDate replyBy(const ReviewRound& round);

    struct FormProblem {
        int row = 0;   // as a spreadsheet numbers it, the header being row 1
        QString field; // the column, or empty for the whole row
        QString message;
        QString toString() const;
    };
    struct ImportReport {
        int imported = 0;
        int unchanged = 0;       // rows proposing nothing
        int alreadyImported = 0; // rows that were imported before
        QList<FormProblem> problems;
    };
    // Reads the force's completed form into the document's open round. When any row is wrong
    // nothing is imported and the problems are returned as the error, unless `cleanRowsOnly`: then
    // the clean rows are imported and the problems reported. Moves the document sent → responded.
    Result<ImportReport> importForm(const QString& documentUid, const QByteArray& csv,
                                    const QString& name, bool cleanRowsOnly = false);
    // Checks a form without importing anything.
    ImportReport checkForm(const ReviewRound& round, const QByteArray& csv, const QString& name,
                           QList<FaResponse>* clean = nullptr) const;

    // Decides a response: "accepted" (wording: the proposed change, or the reviewer's edit of it),
    // "partly_accepted" (wording: what is used) or "rejected"; each with a reason.
    Result<FaResponse> decide(const QString& responseUid, const QString& decision,
                              const QString& reason, const QString& wording = {},
                              IfVersion ifVersion = {});
    QList<FaResponse> responses(const QString& roundUid) const;
    struct Progress {
        int decided = 0, total = 0;
    };
    Progress progress(const QString& roundUid) const;
    // The closing record of a round as CSV: every response, its decision, reason and revision.
    QByteArray recordCsv(const ReviewRound& round) const;

    // -- revisions and differences --
    QList<Revision> revisions(const QString& target) const;
    // The current text of a target (a paragraph for "section:<uid>#<n>").
    Result<QString> currentText(const QString& target) const;
    // Word-level differences between two revisions of a target (0 for `to`: the text now).
    Result<QList<diff::Piece>> compare(const QString& target, int from, int to) const;

    // The document as sent in its latest round against the document now, item by item.
    struct ItemChange {
        ReviewItem item;      // as sent (for an item added since: its reference is empty)
        QString now;          // the text now (empty when it is gone)
        bool removed = false; // no longer in the document
        bool added = false;   // not in the document when it was sent
        QList<diff::Piece> pieces;
    };
    Result<QList<ItemChange>> sinceSent(const QString& documentUid) const;

private:
    struct Target {
        QString entity, key; // "finding"/"judgment"/"document" and its key
    };
    Result<Target> parse(const QString& target) const;
    Status moveOne(const Target& p, const QString& from, const QString& to, const QString& reason,
                   ChangeSet& changes);
    // Moves the findings and judgments of a document's force and programme that stand at `from`.
    Result<int> carry(const Document& d, const QString& from, const QString& to, const QString& why,
                      ChangeSet& changes);
    // `expected`: for a paragraph, the text sent under its reference (found wherever it is now).
    Status setText(const QString& target, const QString& text, const QString& reason, int* revision,
                   ChangeSet& changes, const QString& expected = QString());
    Workbench& m_wb;
};

} // namespace fwb
