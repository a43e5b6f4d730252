#include "documents/reviewpack.h"

#include "core/io/filenames.h"
#include "core/workbench.h"
#include "documents/export.h"
#include "documents/style.h"

#include <QBuffer>
#include <QDir>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::documents {
namespace {
QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString page(const QString& title, const QString& body)
{
    return QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>"
                          "<h2 style=\"color:%2\">%1</h2>%3</body></html>")
        .arg(esc(title), style::accent().name(), body);
}

} // namespace

Result<QStringList> writePack(Workbench& workbench, const ReviewRound& round,
                              const QString& directory, const QDateTime& now)
{
    const auto document = workbench.documents().document(round.documentUid);
    if (!document)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no document \"%1\"").arg(round.documentUid));
    AssemblyOptions options;
    options.now = now;
    // The force reads it: another force's figure only where it is published.
    options.audience = Audience::Outside;
    for (const ReviewItem& i : round.items)
        options.references.insert(i.target, i.reference);
    const QString base = QFileInfo(suggestedFileName(*document, Format::Pdf)).completeBaseName() +
                         QStringLiteral("-factual-accuracy-%1").arg(round.number);
    const QDir dir(directory);
    // Everything is made in memory first, then written all or nothing: a pack with a missing or
    // cut-short file is never left for someone to send.
    QList<OutputBytes> files;
    for (Format format : {Format::Pdf, Format::Odt, Format::Docx}) {
        options.embargoInText = format != Format::Pdf;
        auto a = assemble(workbench, *document, options);
        if (!a)
            return a.error();
        a->runningTitle = QStringLiteral("Draft for factual accuracy check – ") + a->runningTitle;
        auto bytes = render(*a, format);
        if (!bytes)
            return bytes.error();
        const auto inside = pathInside(dir.path(), base + extension(format));
        if (!inside)
            return inside.error();
        files << OutputBytes{dir.filePath(base + extension(format)), *bytes};
    }
    // The response form as an Excel workbook (locked where the force is not to write, the
    // category a list) and as CSV: either comes back through importForm.
    auto xlsx = ReviewService(workbench).formXlsx(round);
    if (!xlsx)
        return xlsx.error();
    for (const auto& [suffix, bytes] :
         {std::pair{u"-response-form.xlsx"_s, *xlsx},
          std::pair{u"-response-form.csv"_s, ReviewService(workbench).form(round)}}) {
        if (const auto inside = pathInside(dir.path(), base + suffix); !inside)
            return inside.error();
        files << OutputBytes{dir.filePath(base + suffix), bytes};
    }
    QStringList written;
    for (const OutputBytes& f : files) {
        if (Status s = workbench.refuseOwnFile(f.path); !s)
            return s.error();
        written << f.path;
    }
    OutputFolder folder;
    if (Status s = folder.create(directory); !s)
        return s.error();
    if (Status s = writeFilesTogether(files); !s) {
        folder.removeIfEmpty();
        return Error::make(s.error().code,
                           s.error().message + QStringLiteral("; no file of the pack was written"));
    }
    spdlog::info("wrote the factual accuracy pack of {} round {} to {}",
                 round.documentUid.toStdString(), round.number, directory.toStdString());
    return written;
}

Result<QStringList> writePackAgain(Workbench& workbench, const QString& documentUid,
                                   const QString& directory, const QDateTime& now)
{
    ReviewService review(workbench);
    const auto round = review.latestRound(documentUid);
    if (!round || !round->isOpen())
        return Error::make(
            Error::Code::Conflict,
            QStringLiteral("%1 has no factual accuracy round open: there is no pack to write")
                .arg(documentUid));
    auto changes = review.sinceSent(documentUid);
    if (!changes)
        return changes.error();
    int changed = 0;
    for (const auto& c : *changes)
        changed += c.added || c.removed || diff::changeCount(c.pieces) ? 1 : 0;
    if (changed)
        return Error::make(
            Error::Code::Conflict,
            QStringLiteral(
                "%1 has changed in %2 place(s) since it was sent: the pack would not match the "
                "form the force has")
                .arg(documentUid)
                .arg(changed));
    return writePack(workbench, *round, directory, now);
}

QString sinceSentHtml(const Workbench& workbench, const ReviewRound& round,
                      const QList<ReviewService::ItemChange>& changes, bool changedOnly)
{
    const auto document = workbench.documents().document(round.documentUid);
    QString body =
        QStringLiteral(
            "<p style=\"color:%1\">As sent to the force on %2 (round %3), against the text now. "
            "<span style=\"color:#b3261e; text-decoration:line-through\">Deleted</span> · "
            "<span style=\"color:#1e6b34; text-decoration:underline\">inserted</span>.</p>")
            .arg(style::muted().name(), esc(round.sentAt.left(10)))
            .arg(round.number);
    int shown = 0;
    for (const ReviewService::ItemChange& c : changes) {
        const bool changed = c.added || c.removed || diff::changeCount(c.pieces) > 0;
        if (changedOnly && !changed)
            continue;
        ++shown;
        QString state;
        if (c.added)
            state = QStringLiteral(" — added since it was sent");
        else if (c.removed)
            state = QStringLiteral(" — no longer in the document");
        body +=
            QStringLiteral("<p style=\"margin-top:10px\"><b>%1</b> <span "
                           "style=\"color:%2\">%3%4</span><br>%5</p>")
                .arg(esc(c.item.reference.isEmpty() ? u"New"_s : c.item.reference),
                     style::muted().name(), esc(c.item.label), esc(state), diff::toHtml(c.pieces));
    }
    if (shown == 0)
        body += u"<p><i>Nothing has changed since the document was sent.</i></p>"_s;
    return page(QStringLiteral("%1 — changes since the factual accuracy check")
                    .arg(document ? document->title : round.documentUid),
                body);
}

QString revisionsHtml(const QString& target, const QString& title, int from, int to,
                      const QList<diff::Piece>& pieces)
{
    const QString range =
        QStringLiteral("Revision %1 against %2")
            .arg(from)
            .arg(to == 0 ? u"the text now"_s : QStringLiteral("revision %1").arg(to));
    return page(title.isEmpty() ? target : title,
                QStringLiteral("<p style=\"color:%1\">%2 · %3</p><p>%4</p>")
                    .arg(style::muted().name(), esc(target), esc(range), diff::toHtml(pieces)));
}

QString recordHtml(Workbench& workbench, const ReviewRound& round)
{
    ReviewService review(workbench);
    const auto document = workbench.documents().document(round.documentUid);
    const auto progress = review.progress(round.uid);
    QHash<QString, QString> labels;
    for (const ReviewItem& i : round.items)
        labels.insert(i.reference, i.label);
    QString body =
        QStringLiteral("<p>Round %1 · sent %2 by %3 · %4 · %5 of %6 responses decided</p>")
            .arg(round.number)
            .arg(esc(round.sentAt.left(10)), esc(round.sentBy),
                 round.isOpen() ? u"open"_s
                                : esc(QStringLiteral("closed %1").arg(round.closedAt.left(10))))
            .arg(progress.decided)
            .arg(progress.total);
    body +=
        u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" "
        u"style=\"border-color:#999\">"
        "<thead><tr style=\"background-color:#e8eef4\"><th>Row</th><th>Ref.</th><th>Category</th>"
        "<th>Proposed change and evidence</th><th>Decision and reason</th><th>Revision</th></tr></thead>"_s;
    for (const FaResponse& r : review.responses(round.uid)) {
        QString category = r.category;
        category.replace(QLatin1Char('_'), QLatin1Char(' '));
        QString proposed = esc(r.proposedChange);
        if (!r.evidenceOffered.isEmpty())
            proposed += QStringLiteral("<br><i>Evidence:</i> ") + esc(r.evidenceOffered);
        QString decided = QStringLiteral("<b>%1</b>").arg(decisionLabel(r.decision));
        if (!r.reason.isEmpty())
            decided += QStringLiteral("<br>") + esc(r.reason);
        if (!r.wording.isEmpty() && r.decision == u"partly_accepted"_s)
            decided += QStringLiteral("<br><i>Wording used:</i> ") + esc(r.wording);
        if (!r.decidedBy.isEmpty())
            decided += QStringLiteral("<br><span style=\"color:%1\">%2, %3</span>")
                           .arg(style::muted().name(), esc(r.decidedBy), esc(r.decidedAt.left(16)));
        body +=
            QStringLiteral(
                "<tr><td>%1</td><td><b>%2</b><br><span style=\"color:%3\">%4</span></td><td>%5</td>"
                "<td>%6</td><td>%7</td><td>%8</td></tr>")
                .arg(r.formRow)
                .arg(esc(r.reference), style::muted().name(), esc(labels.value(r.reference)),
                     esc(category), proposed, decided,
                     r.revision ? QString::number(r.revision) : QStringLiteral("—"));
    }
    body += u"</table>"_s;
    return page(QStringLiteral("%1 — factual accuracy record")
                    .arg(document ? document->title : round.documentUid),
                body);
}

Result<QByteArray> htmlToPdf(const QString& html, const QString& title)
{
    QTextDocument doc;
    doc.setDefaultFont(style::bodyFont(10));
    doc.setHtml(html);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Findings Workbench"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter));
        doc.print(&writer);
    }
    // A PDF is complete when it starts with its header and ends with its trailer.
    if (buffer.data().size() < 100 || !buffer.data().startsWith("%PDF") ||
        !buffer.data().trimmed().endsWith("%%EOF"))
        return Error::make(Error::Code::Internal, u"the PDF could not be written"_s);
    return buffer.data();
}

} // namespace fwb::documents
