#include "core/services/review.h"
#include "core/services/reviewdetail.h"

#include "core/services/documents.h"
#include "core/workbench.h"

#include <QRandomGenerator>
#include <QSet>
#include <algorithm>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb {

using namespace reviewdetail;
using service::inTransaction;
using service::json;

namespace {

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

} // namespace

QString decisionLabel(const QString& d)
{
    if (d == u"accepted"_s)
        return u"Accepted"_s;
    if (d == u"partly_accepted"_s)
        return u"Partly accepted"_s;
    if (d == u"rejected"_s)
        return u"Rejected"_s;
    return u"Not decided"_s;
}

// ---- lifecycle ----------------------------------------------------------------------------------

QString statusLabel(const QString& status)
{
    static const QHash<QString, QString> labels{{u"draft"_s, u"Draft"_s},
                                                {u"ready"_s, u"Ready for review"_s},
                                                {u"sent"_s, u"Sent for factual accuracy check"_s},
                                                {u"responded"_s, u"Responses received"_s},
                                                {u"amended"_s, u"Amended / upheld"_s},
                                                {u"final"_s, u"Final"_s},
                                                {u"published"_s, u"Published"_s}};
    return labels.value(status, status);
}

bool transitionAllowed(const QString& from, const QString& to)
{
    return findMove(from, to) != nullptr;
}

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

Status keepRevision(Workbench& wb, const QString& entity, const QString& key, const QString& status,
                    const QString& before, const QString& after, const QString& reason)
{
    if (status.isEmpty() || status == u"draft"_s || before == after)
        return {};
    ReviewRepository repo = wb.review();
    const QList<Revision> kept = repo.revisions(entity, key);
    if (kept.isEmpty() || kept.back().text != before)
        if (auto n = repo.addRevision(
                {entity,
                 key,
                 0,
                 before,
                 kept.isEmpty() ? u"as it stood for review"_s : u"changed outside the review"_s,
                 Workbench::actor(),
                 {}});
            !n)
            return n.error();
    // Typing is saved as the person writes: a run of plain edits by one person within ten
    // minutes is one revision, kept up to date, not one per pause.
    const QString why = reason.isEmpty() ? u"edited"_s : reason;
    const QList<Revision> now = repo.revisions(entity, key);
    if (why == u"edited"_s && !now.isEmpty() && now.back().reason == why &&
        now.back().actor == Workbench::actor() && now.size() > 1) {
        const QDateTime at = QDateTime::fromString(now.back().at, Qt::ISODateWithMs);
        if (at.isValid() && at.secsTo(QDateTime::currentDateTimeUtc()) < 600)
            return repo.updateRevision(entity, key, now.back().number, after);
    }
    if (auto n = repo.addRevision({entity, key, 0, after, why, Workbench::actor(), {}}); !n)
        return n.error();
    return {};
}

Status recordStatusEdit(Workbench& wb, const QString& target, const QString& from,
                        const QString& to)
{
    if (from == to)
        return {};
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    if (transitionNeedsReason(from, to))
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("“%1” needs a reason: use Review ▸ %1, or fwb review move "
                           "with --reason")
                .arg(transitionLabel(from, to)));
    if (Status s = ReviewService(wb).check(target, to); !s)
        return s;
    return wb.review().addStatusChange(
        {entity, key, from, to, u"edited"_s, Workbench::actor(), {}});
}

// ---- targets ------------------------------------------------------------------------------------

Result<ReviewService::Place> ReviewService::parse(const QString& target) const
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    static const QStringList known{u"finding"_s, u"judgment"_s, u"document"_s};
    if (!known.contains(entity) || key.isEmpty() ||
        (entity == u"judgment"_s && key.count(QLatin1Char('/')) != 2))
        return Error::make(
            Error::Code::Invalid,
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
    if (p->entity == u"finding"_s) {
        if (const auto f = m_wb.drafts().finding(p->key))
            return f->status;
    } else if (p->entity == u"judgment"_s) {
        const QStringList k = p->key.split(QLatin1Char('/'));
        if (const auto j = m_wb.drafts().judgment(k[0], k[1], k[2]))
            return j->status;
    } else if (const auto d = m_wb.documents().document(p->key)) {
        return d->status;
    }
    return Error::make(Error::Code::NotFound,
                       QStringLiteral("no %1 \"%2\"").arg(p->entity, p->key));
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
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("\"%1\" is not a status (%2)").arg(to, statuses().join(u", "_s)));
    if (!transitionAllowed(*from, to)) {
        QStringList l;
        for (const QString& s : nextStatuses(*from))
            l << QStringLiteral("“%1”").arg(statusLabel(s));
        return refused(
            QStringLiteral("%1 \"%2\" is “%3” and cannot go to “%4”; from “%3” it can go to: %5")
                .arg(p->entity, p->key, statusLabel(*from), statusLabel(to),
                     l.isEmpty() ? u"nothing"_s : l.join(u", "_s)));
    }
    if (p->entity != u"document"_s) {
        if (to == u"final"_s) {
            int open = 0;
            for (const ReviewNote& n : m_wb.documents().reviewNotes())
                open += n.target == target && n.status != u"resolved"_s ? 1 : 0;
            if (open)
                return refused(
                    QStringLiteral(
                        "%1 \"%2\" cannot be signed off: %3 review note(s) on it are open")
                        .arg(p->entity, p->key)
                        .arg(open));
        }
        return {};
    }
    const auto d = m_wb.documents().document(p->key);
    const auto round = m_wb.review().latestRound(p->key);
    const QString name = QStringLiteral("“%1”").arg(d->title);
    if (to == u"amended"_s && *from == u"responded"_s) {
        const Progress pr = round ? progress(round->uid) : Progress{};
        if (pr.decided < pr.total)
            return refused(
                QStringLiteral(
                    "%1 cannot close its round: %2 of %3 responses are still to be decided")
                    .arg(name)
                    .arg(pr.total - pr.decided)
                    .arg(pr.total));
    }
    if (to == u"final"_s) {
        QStringList why;
        if (!round || round->isOpen())
            why << (round ? u"its factual accuracy round is still open"_s
                          : u"it has never been through a factual accuracy check"_s);
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
                       .arg(where.join(u", "_s),
                            open.size() > 3 ? QStringLiteral(", …") : QString());
        }
        if (!why.isEmpty())
            return refused(name + u" cannot be signed off: "_s + why.join(u"; "_s));
    }
    if (to == u"published"_s && !d->embargo.isEmpty()) {
        QDateTime until = QDateTime::fromString(d->embargo, Qt::ISODate);
        if (until.isValid()) { // the embargo is written in local time, as the assembler reads it
            if (when < until)
                return refused(
                    QStringLiteral("%1 is embargoed until %2 and cannot be published before then")
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
    auto n = wb.review().addRevision(
        {entity, key, 0, text, QStringLiteral("as it stood for review"), Workbench::actor(), {}});
    return n ? Status{} : Status(n.error());
}

// A target read a moment ago that cannot be read now (a key the repositories cannot take apart,
// such as a code holding '/' from before codes were checked) is refused, never dereferenced.
Status notFound(const QString& entity, const QString& key)
{
    return Error::make(Error::Code::NotFound, QStringLiteral("no %1 \"%2\"").arg(entity, key));
}
} // namespace

Status ReviewService::moveOne(const Place& p, const QString& from, const QString& to,
                              const QString& reason)
{
    DraftRepository drafts = m_wb.drafts();
    QString before, after;
    if (p.entity == u"finding"_s) {
        auto f = drafts.finding(p.key);
        if (!f)
            return notFound(p.entity, p.key);
        before = json(f);
        f->status = to;
        if (auto r = drafts.upsertFinding(*f); !r)
            return r.error();
        after = json(drafts.finding(p.key));
        if (to == u"ready"_s)
            if (Status s = keepBaseline(m_wb, u"finding"_s, p.key, f->text); !s)
                return s;
    } else if (p.entity == u"judgment"_s) {
        const QStringList k = p.key.split(QLatin1Char('/'));
        auto j = k.size() == 3 ? drafts.judgment(k[0], k[1], k[2]) : std::nullopt;
        if (!j)
            return notFound(p.entity, p.key);
        before = json(j);
        j->status = to;
        if (auto r = drafts.upsertJudgment(*j); !r)
            return r.error();
        after = json(drafts.judgment(k[0], k[1], k[2]));
        if (to == u"ready"_s) {
            if (Status s = keepBaseline(m_wb, u"judgment"_s, p.key, j->summary); !s)
                return s;
            if (!j->overview.isEmpty())
                if (Status s = keepBaseline(m_wb, u"overview"_s, p.key, j->overview); !s)
                    return s;
        }
    } else {
        DocumentRepository docs = m_wb.documents();
        auto d = docs.document(p.key);
        if (!d)
            return notFound(p.entity, p.key);
        Document a = *d;
        a.sections.clear();
        before = json(a);
        a.status = to;
        if (Status s = docs.updateParticulars(a); !s)
            return s;
        after = json(a);
        if (to == u"ready"_s) {
            std::function<Status(const QList<Section>&)> keep =
                [&](const QList<Section>& list) -> Status {
                for (const Section& s : list) {
                    if (!isBoundKind(s.kind) && !s.body.trimmed().isEmpty())
                        if (Status st = keepBaseline(m_wb, u"section"_s, s.uid, s.body); !st)
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
    if (Status s = m_wb.review().addStatusChange(
            {p.entity, p.key, from, to, reason, Workbench::actor(), {}});
        !s)
        return s;
    return m_wb.audit().append(Workbench::actor(), u"status"_s, p.entity, p.key, before, after);
}

Result<int> ReviewService::carry(const Document& d, const QString& from, const QString& to,
                                 const QString& why)
{
    int moved = 0;
    for (const Finding& f : m_wb.drafts().findings(d.programmeCode, d.forceCode))
        if (f.status == from) {
            if (Status s = moveOne({u"finding"_s, f.uid}, from, to, why); !s)
                return s.error();
            ++moved;
        }
    for (const Judgment& j : m_wb.drafts().judgments(d.programmeCode, d.forceCode))
        if (j.status == from) {
            const QString key = j.programmeCode + QLatin1Char('/') + j.forceCode +
                                QLatin1Char('/') + j.questionCode;
            if (Status s = moveOne({u"judgment"_s, key}, from, to, why); !s)
                return s.error();
            ++moved;
        }
    return moved;
}

Result<int> ReviewService::move(const QString& target, const QString& to, const QString& reason,
                                const QDateTime& when)
{
    auto p = parse(target);
    if (!p)
        return p.error();
    auto from = status(target);
    if (!from)
        return from.error();
    if (p->entity == u"document"_s && *from == u"ready"_s && to == u"sent"_s)
        return refused(QStringLiteral("a document is sent for its factual accuracy check with "
                                      "“Send for factual accuracy check” "
                                      "(fwb review send), which makes the pack for the force"));
    if (transitionNeedsReason(*from, to) && reason.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("“%1” needs a reason").arg(transitionLabel(*from, to)));
    if (Status s = check(target, to, when); !s)
        return s.error();
    const QStringList entities{u"findings"_s, u"judgments"_s, u"documents"_s, u"review"_s};
    return inTransaction<int>(m_wb, entities, [&]() -> Result<int> {
        if (auto still = status(target); !still || *still != *from)
            return refused(
                QStringLiteral("%1 changed while it was being moved: look again and retry")
                    .arg(target));
        if (Status s = moveOne(*p, *from, to, reason); !s)
            return s.error();
        int moved = 1;
        if (p->entity == u"document"_s) {
            const auto d = m_wb.documents().document(p->key);
            const QString with =
                reason.trimmed().isEmpty()
                    ? QStringLiteral("with document %1").arg(p->key)
                    : QStringLiteral("with document %1: %2").arg(p->key, reason.trimmed());
            auto carried = carry(*d, *from, to, with);
            if (!carried)
                return carried.error();
            moved += *carried;
            if (*from == u"responded"_s && to == u"amended"_s)
                if (const auto round = m_wb.review().latestRound(p->key); round && round->isOpen())
                    if (Status s = m_wb.review().closeRound(round->uid, now()); !s)
                        return s.error();
        }
        spdlog::info("{} moved from {} to {} ({} in all)", target.toStdString(),
                     from->toStdString(), to.toStdString(), moved);
        return moved;
    });
}

// ---- notes --------------------------------------------------------------------------------------

Result<ReviewNote> ReviewService::addNote(const QString& target, const QString& body)
{
    if (body.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, u"a review note needs some text"_s);
    return inTransaction<ReviewNote>(m_wb, {u"review"_s}, [&]() -> Result<ReviewNote> {
        ReviewNote n;
        n.uid = u"note-"_s +
                QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 36);
        n.target = target;
        n.author = Workbench::actor();
        n.body = body.trimmed();
        if (auto r = m_wb.documents().upsertReviewNote(n); !r)
            return r.error();
        const auto after = m_wb.documents().reviewNote(n.uid);
        if (Status s = m_wb.audit().append(Workbench::actor(), u"insert"_s, u"review_note"_s, n.uid,
                                           {}, json(after));
            !s)
            return s.error();
        return *after;
    });
}

Result<ReviewNote> ReviewService::answerNote(const QString& uid, const QString& answer)
{
    if (answer.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, u"an answer needs some text"_s);
    return inTransaction<ReviewNote>(m_wb, {u"review"_s}, [&]() -> Result<ReviewNote> {
        auto n = m_wb.documents().reviewNote(uid);
        if (!n)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no review note \"%1\"").arg(uid));
        if (n->status == u"resolved"_s)
            return refused(QStringLiteral("review note \"%1\" is resolved").arg(uid));
        const ReviewNote before = *n;
        n->answer = answer.trimmed();
        n->answeredBy = Workbench::actor();
        n->status = u"answered"_s;
        if (auto r = m_wb.documents().upsertReviewNote(*n); !r)
            return r.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"answer"_s, u"review_note"_s, uid,
                                           json(before), json(n));
            !s)
            return s.error();
        return *m_wb.documents().reviewNote(uid);
    });
}

Result<ReviewNote> ReviewService::resolveNote(const QString& uid)
{
    return inTransaction<ReviewNote>(m_wb, {u"review"_s}, [&]() -> Result<ReviewNote> {
        auto n = m_wb.documents().reviewNote(uid);
        if (!n)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no review note \"%1\"").arg(uid));
        if (n->status == u"resolved"_s)
            return *n;
        const ReviewNote before = *n;
        n->status = u"resolved"_s;
        n->resolvedAt = now();
        if (auto r = m_wb.documents().upsertReviewNote(*n); !r)
            return r.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"resolve"_s, u"review_note"_s, uid,
                                           json(before), json(n));
            !s)
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
        targets.insert(u"document:"_s + d->uid);
        std::function<void(const QList<Section>&)> add = [&](const QList<Section>& list) {
            for (const Section& s : list) {
                targets.insert(u"section:"_s + s.uid);
                add(s.children);
            }
        };
        add(d->sections);
        for (const Finding& f : m_wb.drafts().findings(d->programmeCode, d->forceCode))
            targets.insert(u"finding:"_s + f.uid);
        for (const Judgment& j : m_wb.drafts().judgments(d->programmeCode, d->forceCode))
            targets.insert(u"judgment:"_s + j.programmeCode + QLatin1Char('/') + j.forceCode +
                           QLatin1Char('/') + j.questionCode);
    }
    QList<ReviewNote> out;
    for (const ReviewNote& n : all)
        if ((documentUid.isEmpty() || targets.contains(n.target)) &&
            (!openOnly || n.status != u"resolved"_s))
            out << n;
    return out;
}

} // namespace fwb
