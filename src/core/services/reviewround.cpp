// The factual accuracy round: sending, the response form, importing it, deciding each response
// and the closing record.
#include "core/services/review.h"
#include "core/services/reviewdetail.h"
#include "core/services/versions.h"

#include "core/io/csv.h"
#include "core/io/textencoding.h"
#include "core/workbench.h"

#include <QSet>
#include <algorithm>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb {

using namespace reviewdetail;
using service::inTransaction;
using service::json;

// ---- rounds -------------------------------------------------------------------------------------

Result<ReviewRound> ReviewService::send(const QString& documentUid, const TextFiller& fill)
{
    const auto d = m_wb.documents().document(documentUid);
    if (!d)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no document \"%1\"").arg(documentUid));
    if (d->status != u"ready"_s)
        return refused(
            QStringLiteral(
                "“%1” is “%2”: only a document ready for review can be sent for its factual "
                "accuracy check")
                .arg(d->title, statusLabel(d->status)));
    return inTransaction<ReviewRound>(m_wb, [&](ChangeSet& changes) -> Result<ReviewRound> {
        ReviewRound round;
        round.documentUid = documentUid;
        round.number = int(m_wb.review().rounds(documentUid).size()) + 1;
        round.uid = QStringLiteral("%1-fa%2").arg(documentUid).arg(round.number);
        round.sentBy = Workbench::actor();
        round.items = reviewItems(m_wb, *d, fill);
        if (auto id = m_wb.review().insertRound(round); !id)
            return id.error();
        changes.add(EntityKind::ReviewRound, ChangeOp::Added, {round.uid}, service::placeOf(*d));
        const Target target{u"document"_s, documentUid};
        if (Status s =
                moveOne(target, u"ready"_s, u"sent"_s,
                        QStringLiteral("factual accuracy round %1").arg(round.number), changes);
            !s)
            return s.error();
        if (auto carried = carry(*d, u"ready"_s, u"sent"_s,
                                 QStringLiteral("with document %1").arg(documentUid), changes);
            !carried)
            return carried.error();
        if (Status s =
                m_wb.audit().append(Workbench::actor(), u"send"_s, u"review_round"_s, round.uid, {},
                                    QStringLiteral("{\"items\":%1}").arg(round.items.size()));
            !s)
            return s.error();
        spdlog::info("sent {} for factual accuracy check: round {}, {} references",
                     documentUid.toStdString(), round.number, round.items.size());
        return *m_wb.review().round(round.uid);
    });
}

std::optional<ReviewRound> ReviewService::latestRound(const QString& documentUid) const
{
    return m_wb.review().latestRound(documentUid);
}

Result<ReviewService::ImportReport> ReviewService::importForm(const QString& documentUid,
                                                              const QByteArray& data,
                                                              const QString& name,
                                                              bool cleanRowsOnly)
{
    const auto d = m_wb.documents().document(documentUid);
    if (!d)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no document \"%1\"").arg(documentUid));
    const auto round = m_wb.review().latestRound(documentUid);
    if (!round || !round->isOpen() || (d->status != u"sent"_s && d->status != u"responded"_s))
        return refused(
            QStringLiteral(
                "“%1” is “%2”: responses are imported while it is out for its factual accuracy "
                "check (sent, or responses received)")
                .arg(d->title, statusLabel(d->status)));
    QList<FaResponse> clean;
    ImportReport report = checkForm(*round, data, name, &clean);
    // A form that cannot be read as a whole (not CSV, no header) has no clean rows to offer.
    const bool structural =
        std::any_of(report.problems.cbegin(), report.problems.cend(),
                    [](const FormProblem& p) { return p.row <= 1 || p.field.isEmpty(); });
    if (!report.problems.isEmpty() &&
        (!cleanRowsOnly || structural || (clean.isEmpty() && report.alreadyImported == 0))) {
        QStringList lines;
        for (const FormProblem& p : report.problems)
            lines << p.toString();
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("%1: nothing was imported%2; %3 problem(s):\n  %4")
                .arg(name, cleanRowsOnly && !structural ? u" (no row is clean)"_s : QString(),
                     QString::number(report.problems.size()), lines.join(u"\n  "_s)));
    }
    return inTransaction<ImportReport>(m_wb, [&](ChangeSet& changes) -> Result<ImportReport> {
        int next = int(m_wb.documents().roundResponses(round->uid).size());
        QStringList added;
        for (FaResponse r : clean) {
            r.uid = QStringLiteral("%1-r%2").arg(round->uid).arg(++next);
            if (auto up = m_wb.documents().upsertResponse(r); !up)
                return up.error();
            if (Status s = m_wb.audit().append(Workbench::actor(), u"import"_s, u"response"_s,
                                               r.uid, {}, json(r));
                !s)
                return s.error();
            ++report.imported;
            added << r.uid;
        }
        changes.addMany(EntityKind::Response, ChangeOp::Added, added, service::placeOf(*d));
        if (d->status == u"sent"_s) {
            if (Status s = moveOne({u"document"_s, documentUid}, u"sent"_s, u"responded"_s,
                                   QStringLiteral("responses imported from %1").arg(name), changes);
                !s)
                return s.error();
            if (auto carried = carry(*d, u"sent"_s, u"responded"_s,
                                     QStringLiteral("with document %1").arg(documentUid), changes);
                !carried)
                return carried.error();
        }
        spdlog::info("imported {} responses for {} from {} ({} problems left out)", report.imported,
                     documentUid.toStdString(), name.toStdString(), report.problems.size());
        return report;
    });
}

QList<FaResponse> ReviewService::responses(const QString& roundUid) const
{
    return m_wb.documents().roundResponses(roundUid);
}

ReviewService::Progress ReviewService::progress(const QString& roundUid) const
{
    Progress p;
    for (const FaResponse& r : responses(roundUid)) {
        ++p.total;
        p.decided += r.decision.isEmpty() ? 0 : 1;
    }
    return p;
}

Result<FaResponse> ReviewService::decide(const QString& responseUid, const QString& decision,
                                         const QString& reason, const QString& wording,
                                         IfVersion ifVersion)
{
    auto r = m_wb.documents().response(responseUid);
    if (!r)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no response \"%1\"").arg(responseUid));
    if (!responseDecisions().contains(decision))
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("\"%1\" is not a decision (accepted, partly_accepted, "
                                          "rejected)")
                               .arg(decision));
    if (!r->decision.isEmpty())
        return refused(QStringLiteral("response %1 (%2) was already %3 by %4 at %5")
                           .arg(r->formRow)
                           .arg(r->reference, decisionLabel(r->decision).toLower(), r->decidedBy,
                                r->decidedAt));
    if (reason.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, QStringLiteral("a decision needs a reason"));
    const auto d = m_wb.documents().document(r->documentUid);
    if (d->status != u"responded"_s)
        return refused(
            QStringLiteral("“%1” is “%2”: responses are decided once they have been received")
                .arg(d->title, statusLabel(d->status)));
    const auto round = r->roundUid.isEmpty() ? std::nullopt : m_wb.review().round(r->roundUid);
    if (!round || !round->isOpen())
        return refused(
            QStringLiteral("response %1 belongs to a round that is closed").arg(r->reference));
    QString text = wording.trimmed();
    if (decision == u"accepted"_s && text.isEmpty())
        text = r->proposedChange.trimmed();
    if (decision != u"rejected"_s && text.isEmpty())
        return Error::make(
            Error::Code::Invalid,
            decision == u"accepted"_s
                ? QStringLiteral(
                      "response %1 proposes no wording: give the wording to apply, or partly "
                      "accept it with the wording used")
                      .arg(r->reference)
                : QStringLiteral("a partly accepted response needs the wording used"));
    QString sentText;
    for (const ReviewItem& i : round->items)
        if (i.reference == r->reference)
            sentText = i.text;
    return inTransaction<FaResponse>(m_wb, [&](ChangeSet& changes) -> Result<FaResponse> {
        // Read again inside the transaction: someone else may have decided it meanwhile.
        r = m_wb.documents().response(responseUid);
        if (!r)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no response \"%1\"").arg(responseUid));
        if (!r->decision.isEmpty())
            return refused(QStringLiteral("response %1 (%2) was already %3 by %4 at %5")
                               .arg(QString::number(r->formRow), r->reference,
                                    decisionLabel(r->decision).toLower(), r->decidedBy,
                                    r->decidedAt));
        if (auto c = service::claimVersion(m_wb, service::versioned(*r), ifVersion); !c)
            return c.error();
        const FaResponse before = *r;
        r->decision = decision;
        r->reason = reason.trimmed();
        r->decidedBy = Workbench::actor();
        r->decidedAt = now();
        if (decision != u"rejected"_s) {
            r->wording = text;
            int revision = 0;
            const QString why = QStringLiteral("factual accuracy response %1 (%2, row %3): %4")
                                    .arg(r->reference, decisionLabel(decision).toLower())
                                    .arg(r->formRow)
                                    .arg(r->reason);
            if (Status s = setText(r->target, text, why, &revision, changes, sentText); !s)
                return s.error();
            r->revision = revision;
        }
        if (auto up = m_wb.documents().upsertResponse(*r); !up)
            return up.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"decide"_s, u"response"_s, r->uid,
                                           json(before), json(*r));
            !s)
            return s.error();
        // First the response, then what its decision amended (recorded by setText).
        ChangeSet decided;
        decided.add(EntityKind::Response, ChangeOp::Changed, {r->uid}, service::placeOf(*d));
        decided.append(changes);
        changes = decided;
        spdlog::info("response {} {}", r->uid.toStdString(), decision.toStdString());
        return *m_wb.documents().response(responseUid);
    });
}

QByteArray ReviewService::recordCsv(const ReviewRound& round) const
{
    // A byte-order mark first, so that a spreadsheet reads the file as UTF-8.
    QByteArray out =
        encoding::kUtf8Bom +
        csv::formatRow({u"row"_s, u"reference"_s, u"where"_s, u"category"_s, u"text sent"_s,
                        u"proposed change"_s, u"evidence offered"_s, u"decision"_s, u"reason"_s,
                        u"wording applied"_s, u"revision"_s, u"decided by"_s, u"decided at"_s});
    QHash<QString, QString> labels;
    for (const ReviewItem& i : round.items)
        labels.insert(i.reference, i.label);
    for (const FaResponse& r : responses(round.uid))
        out += csv::formatRow({QString::number(r.formRow), r.reference, labels.value(r.reference),
                               categoryLabel(r.category), r.currentText, r.proposedChange,
                               r.evidenceOffered, decisionLabel(r.decision), r.reason, r.wording,
                               r.revision ? QString::number(r.revision) : QString(), r.decidedBy,
                               r.decidedAt});
    return out;
}

} // namespace fwb
