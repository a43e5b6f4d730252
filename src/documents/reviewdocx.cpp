// The factual accuracy check's pages as Word documents: the document as sent against the document
// now, one text's revisions against each other, and the closing record of a round. Written with
// the same writer as every other Word document (docx.h), so they have its styles, header and
// footer.
#include "documents/docx.h"
#include "documents/reviewpack.h"

#include "core/workbench.h"
#include "documents/style.h"

using namespace Qt::StringLiterals;

namespace fwb::documents {
namespace {

using namespace flow;

Flow page(const QString& title)
{
    Flow f;
    f.title = xmlSafe(title);
    f.runningTitle = f.title;
    f.revisionAuthor = u"Findings Workbench"_s;
    Block b;
    b.paragraph = paragraph(Style::Heading1, f.title);
    f.blocks << b;
    return f;
}

void add(Flow& f, const Paragraph& p)
{
    Block b;
    b.paragraph = p;
    f.blocks << b;
}

// The pieces of a comparison as runs: what was deleted and what was inserted are revisions.
void addPieces(Paragraph& p, const QList<diff::Piece>& pieces)
{
    for (const diff::Piece& piece : pieces) {
        const int revision = piece.op == diff::Op::Insert   ? 1
                             : piece.op == diff::Op::Delete ? -1
                                                            : 0;
        const QStringList lines = xmlSafe(piece.text).split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0) {
                Run br = Run::of(Run::Kind::LineBreak);
                br.revision = revision;
                p.runs << br;
            }
            if (lines[i].isEmpty())
                continue;
            Run r = Run::of(Run::Kind::Text, lines[i]);
            r.revision = revision;
            p.runs << r;
        }
    }
}

Paragraph note(const QString& text)
{
    return paragraph(Style::Note, xmlSafe(text));
}

} // namespace

Result<QByteArray> sinceSentDocx(const Workbench& workbench, const ReviewRound& round,
                                 const QList<ReviewService::ItemChange>& changes, bool changedOnly,
                                 const QDateTime& now)
{
    const auto document = workbench.documents().document(round.documentUid);
    Flow f = page(QStringLiteral("%1 — changes since the factual accuracy check")
                      .arg(document ? document->title : round.documentUid));
    f.revisionDate = now;
    f.draft = !document || isDraft(document->status);
    add(f, note(QStringLiteral("As sent to the force on %1 (round %2), against the text now. What "
                               "was deleted and what was inserted are tracked changes: accept or "
                               "reject them where they stand.")
                    .arg(style::longDate(round.sentAt.left(10)))
                    .arg(round.number)));
    int shown = 0;
    for (const ReviewService::ItemChange& c : changes) {
        const bool changed = c.added || c.removed || diff::changeCount(c.pieces) > 0;
        if (changedOnly && !changed)
            continue;
        ++shown;
        QString head =
            (c.item.reference.isEmpty() ? u"New"_s : c.item.reference) + u"  "_s + c.item.label;
        if (c.added)
            head += u" — added since it was sent"_s;
        else if (c.removed)
            head += u" — no longer in the document"_s;
        add(f, paragraph(Style::Heading3, xmlSafe(head)));
        Paragraph p = paragraph(Style::Body, QString());
        addPieces(p, c.pieces);
        add(f, p);
    }
    if (shown == 0)
        add(f, note(u"Nothing has changed since the document was sent."_s));
    return docx::write(f);
}

Result<QByteArray> revisionsDocx(const QString& target, const QString& title, int from, int to,
                                 const QList<diff::Piece>& pieces, const QDateTime& now)
{
    Flow f = page(title.isEmpty() ? target : title);
    f.revisionDate = now;
    const QString range =
        QStringLiteral("Revision %1 against %2")
            .arg(from)
            .arg(to == 0 ? u"the text now"_s : QStringLiteral("revision %1").arg(to));
    add(f, note(target + u" · "_s + range));
    Paragraph p = paragraph(Style::Body, QString());
    addPieces(p, pieces);
    add(f, p);
    return docx::write(f);
}

Result<QByteArray> recordDocx(Workbench& workbench, const ReviewRound& round)
{
    ReviewService review(workbench);
    const auto document = workbench.documents().document(round.documentUid);
    const auto progress = review.progress(round.uid);
    Flow f = page(QStringLiteral("%1 — factual accuracy record")
                      .arg(document ? document->title : round.documentUid));
    QHash<QString, QString> labels;
    for (const ReviewItem& i : round.items)
        labels.insert(i.reference, i.label);
    add(f, note(QStringLiteral("Round %1 · sent %2 by %3 · %4 · %5 of %6 responses decided")
                    .arg(round.number)
                    .arg(round.sentAt.left(10), round.sentBy,
                         round.isOpen() ? u"open"_s
                                        : QStringLiteral("closed %1").arg(round.closedAt.left(10)))
                    .arg(progress.decided)
                    .arg(progress.total)));
    Table t;
    t.columns = 6;
    t.headerRows = 1;
    t.widths = {6, 12, 12, 30, 30, 10};
    auto cell = [](const QList<Paragraph>& ps, const QColor& fill = {}) {
        Cell c;
        c.paragraphs = ps;
        c.background = fill;
        return c;
    };
    QList<Cell> head;
    for (const QString& h : {u"Row"_s, u"Ref."_s, u"Category"_s, u"Proposed change and evidence"_s,
                             u"Decision and reason"_s, u"Revision"_s})
        head << cell({paragraph(Style::TableHeading, h)}, style::accent());
    t.rows << head;
    for (const FaResponse& r : review.responses(round.uid)) {
        QString category = r.category;
        category.replace(QLatin1Char('_'), QLatin1Char(' '));
        QList<Paragraph> proposed{paragraph(Style::TableText, xmlSafe(r.proposedChange))};
        if (!r.evidenceOffered.isEmpty())
            proposed << paragraph(Style::TableText, xmlSafe(u"Evidence: "_s + r.evidenceOffered));
        Paragraph decision = paragraph(Style::TableText, decisionLabel(r.decision));
        decision.runs.first().bold = true;
        QList<Paragraph> decided{decision};
        if (!r.reason.isEmpty())
            decided << paragraph(Style::TableText, xmlSafe(r.reason));
        if (!r.wording.isEmpty() && r.decision == u"partly_accepted"_s)
            decided << paragraph(Style::TableText, xmlSafe(u"Wording used: "_s + r.wording));
        if (!r.decidedBy.isEmpty()) {
            Paragraph by =
                paragraph(Style::TableText, xmlSafe(r.decidedBy + u", "_s + r.decidedAt.left(16)));
            by.runs.first().colour = style::muted();
            decided << by;
        }
        Paragraph ref = paragraph(Style::TableText, xmlSafe(r.reference));
        ref.runs.first().bold = true;
        t.rows << QList<Cell>{
            cell({paragraph(Style::TableText, QString::number(r.formRow))}),
            cell({ref, paragraph(Style::TableText, xmlSafe(labels.value(r.reference)))}),
            cell({paragraph(Style::TableText, xmlSafe(category))}),
            cell(proposed),
            cell(decided),
            cell({paragraph(Style::TableText, r.revision ? QString::number(r.revision) : u"—"_s)})};
    }
    Block b;
    b.table = t;
    f.blocks << b;
    return docx::write(f);
}

} // namespace fwb::documents
