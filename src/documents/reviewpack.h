#pragma once
// The factual accuracy check on paper: the pack sent to the force (the draft as PDF, ODT and DOCX
// with a reference beside every paragraph, finding and judgment, and the response form as an
// Excel workbook and as CSV), the
// document as sent against the document now as tracked changes, and the closing record of a round.
// The pack is assembled from the one document and its force, for a reader outside the
// inspectorate: a chart of one figure of every force shows another force's value only where it is
// published (services/analysis.h: figuresOfEveryForce), so the pack holds nothing unpublished
// about any other force.

#include "core/services/review.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace fwb {
class Workbench;
}

namespace fwb::documents {

// Writes the pack of a round into a directory (created if need be); returns the paths written.
// Each file is written whole or not at all.
Result<QStringList> writePack(Workbench& workbench, const ReviewRound& round,
                              const QString& directory,
                              const QDateTime& now = QDateTime::currentDateTime());

// The pack of a document's open round written again (when the first writing failed, or a copy is
// wanted). Refused when the document says anything different from what the round sent.
Result<QStringList> writePackAgain(Workbench& workbench, const QString& documentUid,
                                   const QString& directory,
                                   const QDateTime& now = QDateTime::currentDateTime());

// Tracked changes as HTML: one entry per reference, deletions struck through in red, insertions
// underlined in green.
QString sinceSentHtml(const Workbench& workbench, const ReviewRound& round,
                      const QList<ReviewService::ItemChange>& changes, bool changedOnly);
QString revisionsHtml(const QString& target, const QString& title, int from, int to,
                      const QList<diff::Piece>& pieces);
// The closing record of a round: every response, its decision, reason and the revision it made.
QString recordHtml(Workbench& workbench, const ReviewRound& round);

// The same three as Word documents (reviewdocx.cpp): deletions and insertions are Word revisions
// (w:del, w:ins), which the reader can accept or reject; the record is a table with its header row
// repeated on every page.
Result<QByteArray> sinceSentDocx(const Workbench& workbench, const ReviewRound& round,
                                 const QList<ReviewService::ItemChange>& changes, bool changedOnly,
                                 const QDateTime& now = QDateTime::currentDateTime());
Result<QByteArray> revisionsDocx(const QString& target, const QString& title, int from, int to,
                                 const QList<diff::Piece>& pieces,
                                 const QDateTime& now = QDateTime::currentDateTime());
Result<QByteArray> recordDocx(Workbench& workbench, const ReviewRound& round);

// A page of HTML as an A4 PDF with page numbers.
Result<QByteArray> htmlToPdf(const QString& html, const QString& title);

} // namespace fwb::documents
