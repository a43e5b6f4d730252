#include "review.h"

#include "documents.h"
#include "io/csv.h"
#include "servicesupport.h"
#include "workbench.h"

#include <QRandomGenerator>
#include <algorithm>
#include <QRegularExpression>
#include <QSet>
#include <spdlog/spdlog.h>

namespace fwb {
namespace {

QString L(const char* s) { return QString::fromLatin1(s); }

using service::inTransaction;
using service::json;

struct Move {
    const char* from;
    const char* to;
    const char* label;
    bool reason;
};

// Every move of the lifecycle. Nothing else is allowed.
const Move kMoves[] = {
    {"draft", "ready", "Mark ready for review", false},
    {"ready", "draft", "Return to drafting", false},
    {"ready", "sent", "Send for factual accuracy check", false},
    {"sent", "responded", "Record responses received", false},
    {"responded", "amended", "Close the round (amended / upheld)", false},
    {"amended", "final", "Sign off as final", false},
    {"final", "published", "Publish", false},
    {"final", "amended", "Withdraw sign-off", true},
    {"published", "amended", "Reopen", true},
};

const Move* findMove(const QString& from, const QString& to)
{
    for (const Move& m : kMoves)
        if (from == QLatin1String(m.from) && to == QLatin1String(m.to))
            return &m;
    return nullptr;
}

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate); }

Error refused(const QString& message) { return Error::make(Error::Code::Conflict, message); }

QString normalised(const QString& s) { return s.simplified(); }

QString categoryCode(const QString& written)
{
    // The form says "factual error"; the stored code is "factual_error". Either is accepted.
    QString c = written.trimmed().toLower();
    c.replace(QLatin1Char(' '), QLatin1Char('_'));
    c.replace(QLatin1Char('-'), QLatin1Char('_'));
    return responseCategories().contains(c) ? c : QString();
}

QString categoryLabel(const QString& code)
{
    QString s = code;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s;
}

} // namespace

QString decisionLabel(const QString& d)
{
    if (d == L("accepted"))
        return L("Accepted");
    if (d == L("partly_accepted"))
        return L("Partly accepted");
    if (d == L("rejected"))
        return L("Rejected");
    return L("Not decided");
}

// ---- lifecycle ----------------------------------------------------------------------------------

QString statusLabel(const QString& status)
{
    static const QHash<QString, QString> labels{
        {L("draft"), L("Draft")},
        {L("ready"), L("Ready for review")},
        {L("sent"), L("Sent for factual accuracy check")},
        {L("responded"), L("Responses received")},
        {L("amended"), L("Amended / upheld")},
        {L("final"), L("Final")},
        {L("published"), L("Published")}};
    return labels.value(status, status);
}

bool transitionAllowed(const QString& from, const QString& to) { return findMove(from, to) != nullptr; }

QStringList nextStatuses(const QString& from)
{
    QStringList out;
    for (const Move& m : kMoves)
        if (from == QLatin1String(m.from))
            out << QString::fromLatin1(m.to);
    return out;
}

QString transitionLabel(const QString& from, const QString& to)
{
    const Move* m = findMove(from, to);
    return m ? QString::fromLatin1(m->label) : statusLabel(to);
}

bool transitionNeedsReason(const QString& from, const QString& to)
{
    const Move* m = findMove(from, to);
    return m && m->reason;
}

Status refuseIfPublished(const QString& entity, const QString& key, const QString& status)
{
    if (status != L("published"))
        return {};
    const QString option = entity == L("section") ? L("document") : entity;
    return refused(QStringLiteral("%1 \"%2\" is published and locked; reopen it first, with a reason "
                                  "(Review ▸ Reopen, or fwb review move FILE --%3 … --to amended --reason …)")
                       .arg(entity, key, option));
}

Status refuseIfPlacePublished(const Workbench& wb, const QString& programmeCode, const QString& forceCode)
{
    for (const Document& d : wb.documents().documents(programmeCode, forceCode))
        if (d.status == L("published"))
            return refused(QStringLiteral("“%1” (%2) is published and shows this force's findings, judgments and "
                                          "figures: they are locked; reopen it first, with a reason (Review ▸ Reopen, "
                                          "or fwb review move FILE --document %2 --to amended --reason …)")
                               .arg(d.title, d.uid));
    return {};
}

Status keepRevision(Workbench& wb, const QString& entity, const QString& key, const QString& status,
                    const QString& before, const QString& after, const QString& reason)
{
    if (status.isEmpty() || status == L("draft") || before == after)
        return {};
    ReviewRepository repo = wb.review();
    const QList<Revision> kept = repo.revisions(entity, key);
    if (kept.isEmpty() || kept.back().text != before)
        if (auto n = repo.addRevision({entity, key, 0, before, kept.isEmpty() ? L("as it stood for review")
                                                                            : L("changed outside the review"),
                                       Workbench::actor(), {}});
            !n)
            return n.error();
    // Typing is saved as the person writes: a run of plain edits by one person within ten
    // minutes is one revision, kept up to date, not one per pause.
    const QString why = reason.isEmpty() ? L("edited") : reason;
    const QList<Revision> now = repo.revisions(entity, key);
    if (why == L("edited") && !now.isEmpty() && now.back().reason == why && now.back().actor == Workbench::actor() &&
        now.size() > 1) {
        const QDateTime at = QDateTime::fromString(now.back().at, Qt::ISODateWithMs);
        if (at.isValid() && at.secsTo(QDateTime::currentDateTimeUtc()) < 600)
            return repo.updateRevision(entity, key, now.back().number, after);
    }
    if (auto n = repo.addRevision({entity, key, 0, after, why, Workbench::actor(), {}}); !n)
        return n.error();
    return {};
}

Status recordStatusEdit(Workbench& wb, const QString& target, const QString& from, const QString& to)
{
    if (from == to)
        return {};
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    if (transitionNeedsReason(from, to))
        return Error::make(Error::Code::Invalid, QStringLiteral("“%1” needs a reason: use Review ▸ %1, or fwb review move "
                                                                "with --reason")
                                                     .arg(transitionLabel(from, to)));
    if (Status s = ReviewService(wb).check(target, to); !s)
        return s;
    return wb.review().addStatusChange({entity, key, from, to, L("edited"), Workbench::actor(), {}});
}

// ---- targets ------------------------------------------------------------------------------------

Result<ReviewService::Place> ReviewService::parse(const QString& target) const
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    static const QStringList known{L("finding"), L("judgment"), L("document")};
    if (!known.contains(entity) || key.isEmpty() || (entity == L("judgment") && key.count(QLatin1Char('/')) != 2))
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("\"%1\" is not finding:<uid>, judgment:<programme>/<force>/<question> "
                                          "or document:<uid>")
                               .arg(target));
    return Place{entity, key};
}

Result<QString> ReviewService::status(const QString& target) const
{
    auto p = parse(target);
    if (!p)
        return p.error();
    if (p->entity == L("finding")) {
        if (const auto f = m_wb.drafts().finding(p->key))
            return f->status;
    } else if (p->entity == L("judgment")) {
        const QStringList k = p->key.split(QLatin1Char('/'));
        if (const auto j = m_wb.drafts().judgment(k[0], k[1], k[2]))
            return j->status;
    } else if (const auto d = m_wb.documents().document(p->key)) {
        return d->status;
    }
    return Error::make(Error::Code::NotFound, QStringLiteral("no %1 \"%2\"").arg(p->entity, p->key));
}

QList<StatusChange> ReviewService::history(const QString& target) const
{
    const auto p = parse(target);
    return p ? m_wb.review().statusChanges(p->entity, p->key) : QList<StatusChange>{};
}

Status ReviewService::check(const QString& target, const QString& to, const QDateTime& when) const
{
    auto p = parse(target);
    if (!p)
        return p.error();
    auto from = status(target);
    if (!from)
        return from.error();
    if (!statuses().contains(to))
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("\"%1\" is not a status (%2)").arg(to, statuses().join(L(", "))));
    if (!transitionAllowed(*from, to)) {
        QStringList l;
        for (const QString& s : nextStatuses(*from))
            l << QStringLiteral("“%1”").arg(statusLabel(s));
        return refused(QStringLiteral("%1 \"%2\" is “%3” and cannot go to “%4”; from “%3” it can go to: %5")
                           .arg(p->entity, p->key, statusLabel(*from), statusLabel(to),
                                l.isEmpty() ? L("nothing") : l.join(L(", "))));
    }
    if (p->entity != L("document")) {
        if (to == L("final")) {
            int open = 0;
            for (const ReviewNote& n : m_wb.documents().reviewNotes())
                open += n.target == target && n.status != L("resolved") ? 1 : 0;
            if (open)
                return refused(QStringLiteral("%1 \"%2\" cannot be signed off: %3 review note(s) on it are open")
                                   .arg(p->entity, p->key)
                                   .arg(open));
        }
        return {};
    }
    const auto d = m_wb.documents().document(p->key);
    const auto round = m_wb.review().latestRound(p->key);
    const QString name = QStringLiteral("“%1”").arg(d->title);
    if (to == L("amended") && *from == L("responded")) {
        const Progress pr = round ? progress(round->uid) : Progress{};
        if (pr.decided < pr.total)
            return refused(QStringLiteral("%1 cannot close its round: %2 of %3 responses are still to be decided")
                               .arg(name)
                               .arg(pr.total - pr.decided)
                               .arg(pr.total));
    }
    if (to == L("final")) {
        QStringList why;
        if (!round || round->isOpen())
            why << (round ? L("its factual accuracy round is still open")
                          : L("it has never been through a factual accuracy check"));
        int undecided = 0;
        for (const FaResponse& r : m_wb.documents().responses(p->key))
            undecided += r.decision.isEmpty() ? 1 : 0;
        if (undecided)
            why << QStringLiteral("%1 factual accuracy response(s) are not decided").arg(undecided);
        const QList<ReviewNote> open = notes(p->key, true);
        if (!open.isEmpty()) {
            QStringList where;
            for (const ReviewNote& n : open.mid(0, 3))
                where << n.target;
            why << QStringLiteral("%1 review note(s) are open (%2%3)")
                       .arg(open.size())
                       .arg(where.join(L(", ")), open.size() > 3 ? L(", …") : QString());
        }
        if (!why.isEmpty())
            return refused(name + L(" cannot be signed off: ") + why.join(L("; ")));
    }
    if (to == L("published") && !d->embargo.isEmpty()) {
        QDateTime until = QDateTime::fromString(d->embargo, Qt::ISODate);
        if (until.isValid()) { // the embargo is written in local time, as the assembler reads it
            if (when < until)
                return refused(QStringLiteral("%1 is embargoed until %2 and cannot be published before then")
                                   .arg(name, until.toString(QStringLiteral("HH:mm 'on' dddd d MMMM yyyy"))));
        }
    }
    return {};
}

namespace {
// The text as it stood when it was made ready for review: the first revision, or a new one when
// it changed after a return to drafting.
Status keepBaseline(Workbench& wb, const QString& entity, const QString& key, const QString& text)
{
    const QList<Revision> kept = wb.review().revisions(entity, key);
    if (!kept.isEmpty() && kept.back().text == text)
        return {};
    auto n = wb.review().addRevision({entity, key, 0, text, QStringLiteral("as it stood for review"), Workbench::actor(), {}});
    return n ? Status{} : Status(n.error());
}
} // namespace

Status ReviewService::moveOne(const Place& p, const QString& from, const QString& to, const QString& reason)
{
    DraftRepository drafts = m_wb.drafts();
    QString before, after;
    if (p.entity == L("finding")) {
        auto f = drafts.finding(p.key);
        before = json(f);
        f->status = to;
        if (auto r = drafts.upsertFinding(*f); !r)
            return r.error();
        after = json(drafts.finding(p.key));
        if (to == L("ready"))
            if (Status s = keepBaseline(m_wb, L("finding"), p.key, f->text); !s)
                return s;
    } else if (p.entity == L("judgment")) {
        const QStringList k = p.key.split(QLatin1Char('/'));
        auto j = drafts.judgment(k[0], k[1], k[2]);
        before = json(j);
        j->status = to;
        if (auto r = drafts.upsertJudgment(*j); !r)
            return r.error();
        after = json(drafts.judgment(k[0], k[1], k[2]));
        if (to == L("ready")) {
            if (Status s = keepBaseline(m_wb, L("judgment"), p.key, j->summary); !s)
                return s;
            if (!j->overview.isEmpty())
                if (Status s = keepBaseline(m_wb, L("overview"), p.key, j->overview); !s)
                    return s;
        }
    } else {
        DocumentRepository docs = m_wb.documents();
        auto d = docs.document(p.key);
        Document a = *d;
        a.sections.clear();
        before = json(a);
        a.status = to;
        if (Status s = docs.updateParticulars(a); !s)
            return s;
        after = json(a);
        if (to == L("ready")) {
            std::function<Status(const QList<Section>&)> keep = [&](const QList<Section>& list) -> Status {
                for (const Section& s : list) {
                    if (!isBoundKind(s.kind) && !s.body.trimmed().isEmpty())
                        if (Status st = keepBaseline(m_wb, L("section"), s.uid, s.body); !st)
                            return st;
                    if (Status st = keep(s.children); !st)
                        return st;
                }
                return {};
            };
            if (Status s = keep(d->sections); !s)
                return s;
        }
    }
    if (Status s = m_wb.review().addStatusChange({p.entity, p.key, from, to, reason, Workbench::actor(), {}}); !s)
        return s;
    return m_wb.audit().append(Workbench::actor(), L("status"), p.entity, p.key, before, after);
}

Result<int> ReviewService::carry(const Document& d, const QString& from, const QString& to, const QString& why)
{
    int moved = 0;
    for (const Finding& f : m_wb.drafts().findings(d.programmeCode, d.forceCode))
        if (f.status == from) {
            if (Status s = moveOne({L("finding"), f.uid}, from, to, why); !s)
                return s.error();
            ++moved;
        }
    for (const Judgment& j : m_wb.drafts().judgments(d.programmeCode, d.forceCode))
        if (j.status == from) {
            const QString key = j.programmeCode + QLatin1Char('/') + j.forceCode + QLatin1Char('/') + j.questionCode;
            if (Status s = moveOne({L("judgment"), key}, from, to, why); !s)
                return s.error();
            ++moved;
        }
    return moved;
}

Result<int> ReviewService::move(const QString& target, const QString& to, const QString& reason, const QDateTime& when)
{
    auto p = parse(target);
    if (!p)
        return p.error();
    auto from = status(target);
    if (!from)
        return from.error();
    if (p->entity == L("document") && *from == L("ready") && to == L("sent"))
        return refused(L("a document is sent for its factual accuracy check with “Send for factual accuracy check” "
                         "(fwb review send), which makes the pack for the force"));
    if (transitionNeedsReason(*from, to) && reason.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, QStringLiteral("“%1” needs a reason").arg(transitionLabel(*from, to)));
    if (Status s = check(target, to, when); !s)
        return s.error();
    const QStringList entities{L("findings"), L("judgments"), L("documents"), L("review")};
    return inTransaction<int>(m_wb, entities, [&]() -> Result<int> {
        if (auto still = status(target); !still || *still != *from)
            return refused(QStringLiteral("%1 changed while it was being moved: look again and retry").arg(target));
        if (Status s = moveOne(*p, *from, to, reason); !s)
            return s.error();
        int moved = 1;
        if (p->entity == L("document")) {
            const auto d = m_wb.documents().document(p->key);
            const QString with = reason.trimmed().isEmpty() ? QStringLiteral("with document %1").arg(p->key)
                                                            : QStringLiteral("with document %1: %2").arg(p->key, reason.trimmed());
            auto carried = carry(*d, *from, to, with);
            if (!carried)
                return carried.error();
            moved += *carried;
            if (*from == L("responded") && to == L("amended"))
                if (const auto round = m_wb.review().latestRound(p->key); round && round->isOpen())
                    if (Status s = m_wb.review().closeRound(round->uid, now()); !s)
                        return s.error();
        }
        spdlog::info("{} moved from {} to {} ({} in all)", target.toStdString(), from->toStdString(), to.toStdString(), moved);
        return moved;
    });
}

// ---- notes --------------------------------------------------------------------------------------

Result<ReviewNote> ReviewService::addNote(const QString& target, const QString& body)
{
    if (body.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, L("a review note needs some text"));
    return inTransaction<ReviewNote>(m_wb, {L("review")}, [&]() -> Result<ReviewNote> {
        ReviewNote n;
        n.uid = L("note-") + QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 36);
        n.target = target;
        n.author = Workbench::actor();
        n.body = body.trimmed();
        if (auto r = m_wb.documents().upsertReviewNote(n); !r)
            return r.error();
        const auto after = m_wb.documents().reviewNote(n.uid);
        if (Status s = m_wb.audit().append(Workbench::actor(), L("insert"), L("review_note"), n.uid, {}, json(after)); !s)
            return s.error();
        return *after;
    });
}

Result<ReviewNote> ReviewService::answerNote(const QString& uid, const QString& answer)
{
    if (answer.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, L("an answer needs some text"));
    return inTransaction<ReviewNote>(m_wb, {L("review")}, [&]() -> Result<ReviewNote> {
        auto n = m_wb.documents().reviewNote(uid);
        if (!n)
            return Error::make(Error::Code::NotFound, QStringLiteral("no review note \"%1\"").arg(uid));
        if (n->status == L("resolved"))
            return refused(QStringLiteral("review note \"%1\" is resolved").arg(uid));
        const ReviewNote before = *n;
        n->answer = answer.trimmed();
        n->answeredBy = Workbench::actor();
        n->status = L("answered");
        if (auto r = m_wb.documents().upsertReviewNote(*n); !r)
            return r.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), L("answer"), L("review_note"), uid, json(before), json(n)); !s)
            return s.error();
        return *m_wb.documents().reviewNote(uid);
    });
}

Result<ReviewNote> ReviewService::resolveNote(const QString& uid)
{
    return inTransaction<ReviewNote>(m_wb, {L("review")}, [&]() -> Result<ReviewNote> {
        auto n = m_wb.documents().reviewNote(uid);
        if (!n)
            return Error::make(Error::Code::NotFound, QStringLiteral("no review note \"%1\"").arg(uid));
        if (n->status == L("resolved"))
            return *n;
        const ReviewNote before = *n;
        n->status = L("resolved");
        n->resolvedAt = now();
        if (auto r = m_wb.documents().upsertReviewNote(*n); !r)
            return r.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), L("resolve"), L("review_note"), uid, json(before), json(n)); !s)
            return s.error();
        return *m_wb.documents().reviewNote(uid);
    });
}

QList<ReviewNote> ReviewService::notes(const QString& documentUid, bool openOnly) const
{
    const QList<ReviewNote> all = m_wb.documents().reviewNotes();
    QSet<QString> targets;
    if (!documentUid.isEmpty()) {
        const auto d = m_wb.documents().document(documentUid);
        if (!d)
            return {};
        targets.insert(L("document:") + d->uid);
        std::function<void(const QList<Section>&)> add = [&](const QList<Section>& list) {
            for (const Section& s : list) {
                targets.insert(L("section:") + s.uid);
                add(s.children);
            }
        };
        add(d->sections);
        for (const Finding& f : m_wb.drafts().findings(d->programmeCode, d->forceCode))
            targets.insert(L("finding:") + f.uid);
        for (const Judgment& j : m_wb.drafts().judgments(d->programmeCode, d->forceCode))
            targets.insert(L("judgment:") + j.programmeCode + QLatin1Char('/') + j.forceCode + QLatin1Char('/') +
                           j.questionCode);
    }
    QList<ReviewNote> out;
    for (const ReviewNote& n : all)
        if ((documentUid.isEmpty() || targets.contains(n.target)) && (!openOnly || n.status != L("resolved")))
            out << n;
    return out;
}

// ---- rounds -------------------------------------------------------------------------------------

Result<ReviewRound> ReviewService::send(const QString& documentUid, const TextFiller& fill)
{
    const auto d = m_wb.documents().document(documentUid);
    if (!d)
        return Error::make(Error::Code::NotFound, QStringLiteral("no document \"%1\"").arg(documentUid));
    if (d->status != L("ready"))
        return refused(QStringLiteral("“%1” is “%2”: only a document ready for review can be sent for its factual "
                                      "accuracy check")
                           .arg(d->title, statusLabel(d->status)));
    const QStringList entities{L("findings"), L("judgments"), L("documents"), L("review")};
    return inTransaction<ReviewRound>(m_wb, entities, [&]() -> Result<ReviewRound> {
        ReviewRound round;
        round.documentUid = documentUid;
        round.number = int(m_wb.review().rounds(documentUid).size()) + 1;
        round.uid = QStringLiteral("%1-fa%2").arg(documentUid).arg(round.number);
        round.sentBy = Workbench::actor();
        round.items = reviewItems(m_wb, *d, fill);
        if (auto id = m_wb.review().insertRound(round); !id)
            return id.error();
        const Place place{L("document"), documentUid};
        if (Status s = moveOne(place, L("ready"), L("sent"), QStringLiteral("factual accuracy round %1").arg(round.number)); !s)
            return s.error();
        if (auto carried = carry(*d, L("ready"), L("sent"), QStringLiteral("with document %1").arg(documentUid)); !carried)
            return carried.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), L("send"), L("review_round"), round.uid, {},
                                           QStringLiteral("{\"items\":%1}").arg(round.items.size()));
            !s)
            return s.error();
        spdlog::info("sent {} for factual accuracy check: round {}, {} references", documentUid.toStdString(),
                     round.number, round.items.size());
        return *m_wb.review().round(round.uid);
    });
}

std::optional<ReviewRound> ReviewService::latestRound(const QString& documentUid) const
{
    return m_wb.review().latestRound(documentUid);
}

namespace {
const QStringList& formHeader()
{
    static const QStringList h{L("reference"), L("current text"), L("proposed change"), L("evidence offered"),
                               L("category")};
    return h;
}
} // namespace

QByteArray ReviewService::form(const ReviewRound& round) const
{
    QByteArray out = csv::formatRow(formHeader());
    for (const ReviewItem& i : round.items)
        out += csv::formatRow({i.reference, i.shown, QString(), QString(), QString()});
    return out;
}

QString ReviewService::FormProblem::toString() const
{
    QString s = QStringLiteral("row %1").arg(row);
    if (!field.isEmpty())
        s += QStringLiteral(", %1").arg(field);
    return s + QStringLiteral(": ") + message;
}

ReviewService::ImportReport ReviewService::checkForm(const ReviewRound& round, const QByteArray& data,
                                                     const QString& name, QList<FaResponse>* clean) const
{
    ImportReport report;
    auto rows = csv::parse(data, name);
    if (!rows) {
        report.problems << FormProblem{0, {}, rows.error().message};
        return report;
    }
    if (rows->isEmpty()) {
        report.problems << FormProblem{1, {}, L("the form is empty: it has no header row")};
        return report;
    }
    // Columns are found by their header, so a form whose columns were reordered still reads.
    QHash<QString, int> column;
    const csv::Row& header = rows->front();
    for (int i = 0; i < header.fields.size(); ++i)
        column.insert(header.fields[i].trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char(' ')), i);
    QStringList missing;
    for (const QString& h : formHeader())
        if (!column.contains(h))
            missing << QStringLiteral("“%1”").arg(h);
    if (!missing.isEmpty()) {
        report.problems << FormProblem{header.number, {}, QStringLiteral("the header lacks %1; it should be: %2")
                                                              .arg(missing.join(L(", ")), formHeader().join(L(", ")))};
        return report;
    }
    QHash<QString, const ReviewItem*> items;
    for (const ReviewItem& i : round.items)
        items.insert(i.reference.toUpper(), &i);
    QSet<QString> imported;
    for (const FaResponse& r : m_wb.documents().roundResponses(round.uid))
        imported.insert(r.reference + QChar(0x1f) + normalised(r.proposedChange) + QChar(0x1f) +
                        normalised(r.evidenceOffered) + QChar(0x1f) + r.category);
    auto field = [&](const csv::Row& row, const QString& h) { return row.fields.value(column.value(h)); };
    for (qsizetype n = 1; n < rows->size(); ++n) {
        const csv::Row& row = (*rows)[n];
        const QString reference = field(row, L("reference")).trimmed();
        const QString current = field(row, L("current text"));
        const QString proposed = field(row, L("proposed change")).trimmed();
        const QString evidence = field(row, L("evidence offered")).trimmed();
        const QString category = field(row, L("category")).trimmed();
        if (proposed.isEmpty() && evidence.isEmpty() && category.isEmpty()) {
            ++report.unchanged; // the force had nothing to say about this reference
            continue;
        }
        const int before = int(report.problems.size());
        const ReviewItem* item = items.value(reference.toUpper());
        if (reference.isEmpty())
            report.problems << FormProblem{row.number, L("reference"), L("is empty")};
        else if (!item)
            report.problems << FormProblem{row.number, L("reference"),
                                           QStringLiteral("“%1” is not a reference of round %2 of this document")
                                               .arg(reference)
                                               .arg(round.number)};
        else if (normalised(current) != normalised(item->shown))
            report.problems << FormProblem{row.number, L("current text"),
                                           QStringLiteral("differs from the text sent under %1; the form's current "
                                                          "text must not be edited (put the wording wanted under "
                                                          "“proposed change”)")
                                               .arg(item->reference)};
        if (category.isEmpty())
            report.problems << FormProblem{row.number, L("category"),
                                           L("is empty; it should be factual error, typo, challenge to judgment or other")};
        else if (categoryCode(category).isEmpty())
            report.problems << FormProblem{row.number, L("category"),
                                           QStringLiteral("“%1” is not factual error, typo, challenge to judgment or other")
                                               .arg(category)};
        if (proposed.isEmpty() && evidence.isEmpty())
            report.problems << FormProblem{row.number, L("proposed change"),
                                           L("is empty, and so is “evidence offered”: the row proposes nothing")};
        if (report.problems.size() != before)
            continue;
        FaResponse r;
        r.documentUid = round.documentUid;
        r.roundUid = round.uid;
        r.reference = item->reference;
        r.target = item->target;
        r.currentText = item->shown;
        r.proposedChange = proposed;
        r.evidenceOffered = evidence;
        r.category = categoryCode(category);
        r.formRow = row.number;
        const QString key = r.reference + QChar(0x1f) + normalised(r.proposedChange) + QChar(0x1f) +
                            normalised(r.evidenceOffered) + QChar(0x1f) + r.category;
        if (imported.contains(key)) { // imported before, or a repeat of a row above
            ++report.alreadyImported;
            continue;
        }
        imported.insert(key);
        if (clean)
            clean->push_back(r);
    }
    return report;
}

Result<ReviewService::ImportReport> ReviewService::importForm(const QString& documentUid, const QByteArray& data,
                                                             const QString& name, bool cleanRowsOnly)
{
    const auto d = m_wb.documents().document(documentUid);
    if (!d)
        return Error::make(Error::Code::NotFound, QStringLiteral("no document \"%1\"").arg(documentUid));
    const auto round = m_wb.review().latestRound(documentUid);
    if (!round || !round->isOpen() || (d->status != L("sent") && d->status != L("responded")))
        return refused(QStringLiteral("“%1” is “%2”: responses are imported while it is out for its factual accuracy "
                                      "check (sent, or responses received)")
                           .arg(d->title, statusLabel(d->status)));
    QList<FaResponse> clean;
    ImportReport report = checkForm(*round, data, name, &clean);
    // A form that cannot be read as a whole (not CSV, no header) has no clean rows to offer.
    const bool structural = std::any_of(report.problems.cbegin(), report.problems.cend(),
                                        [](const FormProblem& p) { return p.row <= 1 || p.field.isEmpty(); });
    if (!report.problems.isEmpty() && (!cleanRowsOnly || structural || (clean.isEmpty() && report.alreadyImported == 0))) {
        QStringList lines;
        for (const FormProblem& p : report.problems)
            lines << p.toString();
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("%1: nothing was imported%2; %3 problem(s):\n  %4")
                               .arg(name, cleanRowsOnly && !structural ? L(" (no row is clean)") : QString(),
                                    QString::number(report.problems.size()), lines.join(L("\n  "))));
    }
    const QStringList entities{L("findings"), L("judgments"), L("documents"), L("review")};
    return inTransaction<ImportReport>(m_wb, entities, [&]() -> Result<ImportReport> {
        int next = int(m_wb.documents().roundResponses(round->uid).size());
        for (FaResponse r : clean) {
            r.uid = QStringLiteral("%1-r%2").arg(round->uid).arg(++next);
            if (auto up = m_wb.documents().upsertResponse(r); !up)
                return up.error();
            if (Status s = m_wb.audit().append(Workbench::actor(), L("import"), L("response"), r.uid, {}, json(r)); !s)
                return s.error();
            ++report.imported;
        }
        if (d->status == L("sent")) {
            if (Status s = moveOne({L("document"), documentUid}, L("sent"), L("responded"),
                                   QStringLiteral("responses imported from %1").arg(name));
                !s)
                return s.error();
            if (auto carried = carry(*d, L("sent"), L("responded"), QStringLiteral("with document %1").arg(documentUid)); !carried)
                return carried.error();
        }
        spdlog::info("imported {} responses for {} from {} ({} problems left out)", report.imported,
                     documentUid.toStdString(), name.toStdString(), report.problems.size());
        return report;
    });
}

QList<FaResponse> ReviewService::responses(const QString& roundUid) const { return m_wb.documents().roundResponses(roundUid); }

ReviewService::Progress ReviewService::progress(const QString& roundUid) const
{
    Progress p;
    for (const FaResponse& r : responses(roundUid)) {
        ++p.total;
        p.decided += r.decision.isEmpty() ? 0 : 1;
    }
    return p;
}

// ---- text and revisions -------------------------------------------------------------------------

namespace {
// The span of the n-th paragraph (1-based) of a section's text, as paragraphsOf() counts them.
std::optional<std::pair<qsizetype, qsizetype>> paragraphSpan(const QString& body, int n)
{
    static const QRegularExpression blank(QStringLiteral("\\n[ \\t]*\\n"));
    qsizetype start = 0;
    int index = 0;
    auto it = blank.globalMatch(body);
    auto consider = [&](qsizetype from, qsizetype to) -> std::optional<std::pair<qsizetype, qsizetype>> {
        const QString chunk = body.mid(from, to - from);
        if (chunk.trimmed().isEmpty() || isFootnoteDefinition(chunk))
            return std::nullopt;
        if (++index != n)
            return std::nullopt;
        // Leave the spaces around the paragraph where they are.
        qsizetype a = from, b = to;
        while (a < b && body[a].isSpace())
            ++a;
        while (b > a && body[b - 1].isSpace())
            --b;
        return std::make_pair(a, b);
    };
    while (it.hasNext()) {
        const auto m = it.next();
        if (auto span = consider(start, m.capturedStart()))
            return span;
        start = m.capturedEnd();
    }
    return consider(start, body.size());
}

struct SectionTarget {
    QString uid;
    int paragraph = 0; // 0: the whole text
};
SectionTarget sectionTarget(const QString& key)
{
    SectionTarget t;
    t.uid = key.section(QLatin1Char('#'), 0, 0);
    if (key.contains(QLatin1Char('#')))
        t.paragraph = key.section(QLatin1Char('#'), 1).toInt();
    return t;
}
} // namespace

Result<QString> ReviewService::currentText(const QString& target) const
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    if (entity == L("finding")) {
        if (const auto f = m_wb.drafts().finding(key))
            return f->text;
    } else if ((entity == L("judgment") || entity == L("overview")) && key.count(QLatin1Char('/')) == 2) {
        const QStringList k = key.split(QLatin1Char('/'));
        if (const auto j = m_wb.drafts().judgment(k[0], k[1], k[2]))
            return entity == L("judgment") ? j->summary : j->overview;
    } else if (entity == L("section")) {
        const SectionTarget t = sectionTarget(key);
        if (const auto doc = m_wb.documents().documentOfSection(t.uid))
            if (const auto d = m_wb.documents().document(*doc))
                if (const Section* s = findSection(d->sections, t.uid)) {
                    if (t.paragraph == 0)
                        return s->body;
                    const auto span = paragraphSpan(s->body, t.paragraph);
                    return span ? s->body.mid(span->first, span->second - span->first) : QString();
                }
    } else {
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("\"%1\" is not finding:<uid>, judgment:<p>/<f>/<q>, overview:<p>/<f>/<q> or "
                                          "section:<uid>")
                               .arg(target));
    }
    return Error::make(Error::Code::NotFound, QStringLiteral("no %1 \"%2\"").arg(entity, key));
}

Status ReviewService::setText(const QString& target, const QString& text, const QString& reason, int* revision,
                              const QString& expected)
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    DraftRepository drafts = m_wb.drafts();
    QString revEntity = entity, revKey = key, status, before, after;
    QString beforeJson, afterJson, auditEntity = entity;
    if (entity == L("finding")) {
        auto f = drafts.finding(key);
        if (!f)
            return Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(key));
        if (Status s = refuseIfPublished(L("finding"), key, f->status); !s)
            return s;
        beforeJson = json(f);
        status = f->status;
        before = f->text;
        f->text = after = text;
        if (auto r = drafts.upsertFinding(*f); !r)
            return r.error();
        afterJson = json(drafts.finding(key));
    } else if (entity == L("judgment") || entity == L("overview")) {
        const QStringList k = key.split(QLatin1Char('/'));
        auto j = drafts.judgment(k.value(0), k.value(1), k.value(2));
        if (!j)
            return Error::make(Error::Code::NotFound, QStringLiteral("no judgment \"%1\"").arg(key));
        if (Status s = refuseIfPublished(L("judgment"), key, j->status); !s)
            return s;
        beforeJson = json(j);
        status = j->status;
        QString& field = entity == L("judgment") ? j->summary : j->overview;
        before = field;
        field = after = text;
        if (auto r = drafts.upsertJudgment(*j); !r)
            return r.error();
        afterJson = json(drafts.judgment(k[0], k[1], k[2]));
        auditEntity = L("judgment");
    } else if (entity == L("section")) {
        const SectionTarget t = sectionTarget(key);
        const auto docUid = m_wb.documents().documentOfSection(t.uid);
        const auto d = docUid ? m_wb.documents().document(*docUid) : std::nullopt;
        const Section* s = d ? findSection(d->sections, t.uid) : nullptr;
        if (!s)
            return Error::make(Error::Code::NotFound, QStringLiteral("no section \"%1\"").arg(t.uid));
        if (Status st = refuseIfPublished(L("document"), d->uid, d->status); !st)
            return st;
        status = d->status;
        before = s->body;
        after = s->body;
        if (t.paragraph > 0) {
            // The paragraph sent under the reference: where it was, or else wherever its text is
            // now (paragraphs before it may have been added or removed since).
            auto span = paragraphSpan(s->body, t.paragraph);
            auto textAt = [&](const std::pair<qsizetype, qsizetype>& sp) { return s->body.mid(sp.first, sp.second - sp.first); };
            if (!expected.isNull() && (!span || textAt(*span) != expected.trimmed())) {
                span.reset();
                for (int n = 1; auto candidate = paragraphSpan(s->body, n); ++n)
                    if (textAt(*candidate) == expected.trimmed()) {
                        span = candidate;
                        break;
                    }
                if (!span)
                    return refused(QStringLiteral("paragraph %1 of section \"%2\" is no longer as it was sent: change "
                                                  "the section in the Documents tab, and decide this response as "
                                                  "partly accepted or rejected with the reason")
                                       .arg(t.paragraph)
                                       .arg(t.uid));
            }
            if (!span)
                return Error::make(Error::Code::NotFound,
                                   QStringLiteral("section \"%1\" has no paragraph %2").arg(t.uid).arg(t.paragraph));
            after.replace(span->first, span->second - span->first, text.trimmed());
        } else {
            after = text;
        }
        Section a = *s, b = *s;
        a.children.clear();
        b.children.clear();
        b.body = after;
        beforeJson = json(a);
        afterJson = json(b);
        if (Status st = m_wb.documents().updateSectionBody(t.uid, after); !st)
            return st;
        revKey = t.uid;
    } else {
        return Error::make(Error::Code::Invalid, QStringLiteral("\"%1\" cannot be amended").arg(target));
    }
    if (before == after)
        return {};
    if (Status s = m_wb.audit().append(Workbench::actor(), L("update"), auditEntity,
                                       entity == L("section") ? revKey : key, beforeJson, afterJson);
        !s)
        return s;
    if (Status s = keepRevision(m_wb, revEntity, revKey, status == L("draft") ? L("ready") : status, before, after, reason); !s)
        return s;
    if (revision) {
        const QList<Revision> kept = m_wb.review().revisions(revEntity, revKey);
        *revision = kept.isEmpty() ? 0 : kept.back().number;
    }
    return {};
}

Result<FaResponse> ReviewService::decide(const QString& responseUid, const QString& decision, const QString& reason,
                                        const QString& wording)
{
    auto r = m_wb.documents().response(responseUid);
    if (!r)
        return Error::make(Error::Code::NotFound, QStringLiteral("no response \"%1\"").arg(responseUid));
    if (!responseDecisions().contains(decision))
        return Error::make(Error::Code::Invalid, QStringLiteral("\"%1\" is not a decision (accepted, partly_accepted, "
                                                                "rejected)")
                                                     .arg(decision));
    if (!r->decision.isEmpty())
        return refused(QStringLiteral("response %1 (%2) was already %3 by %4 at %5")
                           .arg(r->formRow)
                           .arg(r->reference, decisionLabel(r->decision).toLower(), r->decidedBy, r->decidedAt));
    if (reason.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, QStringLiteral("a decision needs a reason"));
    const auto d = m_wb.documents().document(r->documentUid);
    if (d->status != L("responded"))
        return refused(QStringLiteral("“%1” is “%2”: responses are decided once they have been received")
                           .arg(d->title, statusLabel(d->status)));
    const auto round = r->roundUid.isEmpty() ? std::nullopt : m_wb.review().round(r->roundUid);
    if (!round || !round->isOpen())
        return refused(QStringLiteral("response %1 belongs to a round that is closed").arg(r->reference));
    QString text = wording.trimmed();
    if (decision == L("accepted") && text.isEmpty())
        text = r->proposedChange.trimmed();
    if (decision != L("rejected") && text.isEmpty())
        return Error::make(Error::Code::Invalid,
                           decision == L("accepted")
                               ? QStringLiteral("response %1 proposes no wording: give the wording to apply, or partly "
                                                "accept it with the wording used")
                                     .arg(r->reference)
                               : QStringLiteral("a partly accepted response needs the wording used"));
    const QStringList entities{L("findings.text"), L("judgments.text"), L("documents.text"), L("review")};
    QString sentText;
    for (const ReviewItem& i : round->items)
        if (i.reference == r->reference)
            sentText = i.text;
    return inTransaction<FaResponse>(m_wb, entities, [&]() -> Result<FaResponse> {
        // Read again inside the transaction: someone else may have decided it meanwhile.
        r = m_wb.documents().response(responseUid);
        if (!r)
            return Error::make(Error::Code::NotFound, QStringLiteral("no response \"%1\"").arg(responseUid));
        if (!r->decision.isEmpty())
            return refused(QStringLiteral("response %1 (%2) was already %3 by %4 at %5")
                               .arg(QString::number(r->formRow), r->reference, decisionLabel(r->decision).toLower(),
                                    r->decidedBy, r->decidedAt));
        const FaResponse before = *r;
        r->decision = decision;
        r->reason = reason.trimmed();
        r->decidedBy = Workbench::actor();
        r->decidedAt = now();
        if (decision != L("rejected")) {
            r->wording = text;
            int revision = 0;
            const QString why = QStringLiteral("factual accuracy response %1 (%2, row %3): %4")
                                    .arg(r->reference, decisionLabel(decision).toLower())
                                    .arg(r->formRow)
                                    .arg(r->reason);
            if (Status s = setText(r->target, text, why, &revision, sentText); !s)
                return s.error();
            r->revision = revision;
        }
        if (auto up = m_wb.documents().upsertResponse(*r); !up)
            return up.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), L("decide"), L("response"), r->uid, json(before), json(*r)); !s)
            return s.error();
        spdlog::info("response {} {}", r->uid.toStdString(), decision.toStdString());
        return *m_wb.documents().response(responseUid);
    });
}

QByteArray ReviewService::recordCsv(const ReviewRound& round) const
{
    QByteArray out = csv::formatRow({L("row"), L("reference"), L("where"), L("category"), L("text sent"),
                                     L("proposed change"), L("evidence offered"), L("decision"), L("reason"),
                                     L("wording applied"), L("revision"), L("decided by"), L("decided at")});
    QHash<QString, QString> labels;
    for (const ReviewItem& i : round.items)
        labels.insert(i.reference, i.label);
    for (const FaResponse& r : responses(round.uid))
        out += csv::formatRow({QString::number(r.formRow), r.reference, labels.value(r.reference),
                               categoryLabel(r.category), r.currentText, r.proposedChange, r.evidenceOffered,
                               decisionLabel(r.decision), r.reason, r.wording,
                               r.revision ? QString::number(r.revision) : QString(), r.decidedBy, r.decidedAt});
    return out;
}

QList<Revision> ReviewService::revisions(const QString& target) const
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1).section(QLatin1Char('#'), 0, 0);
    return m_wb.review().revisions(entity, key);
}

Result<QList<diff::Piece>> ReviewService::compare(const QString& target, int from, int to) const
{
    const QList<Revision> kept = revisions(target);
    auto textOf = [&](int n) -> Result<QString> {
        if (n == 0) {
            const QString whole = target.section(QLatin1Char('#'), 0, 0);
            return currentText(whole);
        }
        for (const Revision& r : kept)
            if (r.number == n)
                return r.text;
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("%1 has no revision %2 (it has %3)")
                               .arg(target)
                               .arg(n)
                               .arg(kept.isEmpty() ? L("none") : QStringLiteral("1 to %1").arg(kept.back().number)));
    };
    auto a = textOf(from);
    if (!a)
        return a.error();
    auto b = textOf(to);
    if (!b)
        return b.error();
    return diff::words(*a, *b);
}

Result<QList<ReviewService::ItemChange>> ReviewService::sinceSent(const QString& documentUid) const
{
    const auto d = m_wb.documents().document(documentUid);
    if (!d)
        return Error::make(Error::Code::NotFound, QStringLiteral("no document \"%1\"").arg(documentUid));
    const auto round = m_wb.review().latestRound(documentUid);
    if (!round)
        return refused(QStringLiteral("“%1” has not been sent for a factual accuracy check").arg(d->title));
    const QList<ReviewItem> nowItems = reviewItems(m_wb, *d);
    QHash<QString, QString> current;
    for (const ReviewItem& i : nowItems)
        current.insert(i.target, i.text);
    // Each text is matched by its target: a paragraph by its section and number, so a paragraph
    // inserted above others shows them as changed.
    QList<ItemChange> out;
    QSet<QString> seen;
    for (const ReviewItem& sent : round->items) {
        ItemChange c;
        c.item = sent;
        seen.insert(sent.target);
        const auto it = current.constFind(sent.target);
        if (it == current.cend()) {
            c.removed = true;
            c.pieces = {{diff::Op::Delete, sent.text}};
        } else {
            c.now = *it;
            c.pieces = diff::words(sent.text, *it);
        }
        out << c;
    }
    for (const ReviewItem& i : nowItems)
        if (!seen.contains(i.target)) {
            ItemChange c;
            c.item = i;
            c.item.reference.clear();
            c.now = i.text;
            c.added = true;
            c.pieces = {{diff::Op::Insert, i.text}};
            out << c;
        }
    return out;
}

} // namespace fwb
