#include "core/services/review.h"
#include "core/services/reviewdetail.h"

#include "core/services/documents.h"
#include "core/services/versions.h"
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

// ---- targets ------------------------------------------------------------------------------------

Result<ReviewService::Target> ReviewService::parse(const QString& target) const
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
    return Target{entity, key};
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
    if (Status s = checkMove(m_wb, target, *from, to); !s)
        return s;
    if (p->entity != u"document"_s)
        return {};
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
Status keepBaseline(Workbench& wb, ChangeSet& changes, const fwb::Place& place,
                    const QString& entity, const QString& key, const QString& text)
{
    const QList<Revision> kept = wb.review().revisions(entity, key);
    if (!kept.isEmpty() && kept.back().text == text)
        return {};
    auto n = wb.review().addRevision(
        {entity, key, 0, text, QStringLiteral("as it stood for review"), Workbench::actor(), {}});
    if (!n)
        return n.error();
    changes.add(EntityKind::Revision, ChangeOp::Added, {entity + u':' + key}, place);
    return {};
}

// A target read a moment ago that cannot be read now (a key the repositories cannot take apart,
// such as a code holding '/' from before codes were checked) is refused, never dereferenced.
Status notFound(const QString& entity, const QString& key)
{
    return Error::make(Error::Code::NotFound, QStringLiteral("no %1 \"%2\"").arg(entity, key));
}
} // namespace

Status ReviewService::moveOne(const Target& p, const QString& from, const QString& to,
                              const QString& reason, ChangeSet& changes)
{
    DraftRepository drafts = m_wb.drafts();
    QString before, after;
    if (p.entity == u"finding"_s) {
        auto f = drafts.finding(p.key);
        if (!f)
            return notFound(p.entity, p.key);
        if (auto c = service::claimVersion(m_wb, service::versioned(*f), {}); !c)
            return c.error();
        before = json(f);
        f->status = to;
        if (auto r = drafts.upsertFinding(*f); !r)
            return r.error();
        after = json(drafts.finding(p.key));
        changes.add(EntityKind::Finding, ChangeOp::Changed, {p.key}, service::placeOf(*f));
        if (to == u"ready"_s)
            if (Status s =
                    keepBaseline(m_wb, changes, service::placeOf(*f), u"finding"_s, p.key, f->text);
                !s)
                return s;
    } else if (p.entity == u"judgment"_s) {
        const QStringList k = p.key.split(QLatin1Char('/'));
        auto j = k.size() == 3 ? drafts.judgment(k[0], k[1], k[2]) : std::nullopt;
        if (!j)
            return notFound(p.entity, p.key);
        if (auto c = service::claimVersion(m_wb, service::versioned(*j), {}); !c)
            return c.error();
        before = json(j);
        j->status = to;
        if (auto r = drafts.upsertJudgment(*j); !r)
            return r.error();
        after = json(drafts.judgment(k[0], k[1], k[2]));
        const fwb::Place place = service::placeOf(*j);
        changes.add(EntityKind::Judgment, ChangeOp::Changed, {p.key}, place);
        if (to == u"ready"_s) {
            if (Status s = keepBaseline(m_wb, changes, place, u"judgment"_s, p.key, j->summary); !s)
                return s;
            if (!j->overview.isEmpty())
                if (Status s =
                        keepBaseline(m_wb, changes, place, u"overview"_s, p.key, j->overview);
                    !s)
                    return s;
        }
    } else {
        DocumentRepository docs = m_wb.documents();
        auto d = docs.document(p.key);
        if (!d)
            return notFound(p.entity, p.key);
        if (auto c = service::claimVersion(m_wb, service::versionedParticulars(*d), {}); !c)
            return c.error();
        Document a = *d;
        a.sections.clear();
        before = json(a);
        a.status = to;
        if (Status s = docs.updateParticulars(a); !s)
            return s;
        after = json(a);
        changes.add(EntityKind::Document, ChangeOp::Changed, {p.key}, service::placeOf(*d));
        if (to == u"ready"_s) {
            std::function<Status(const QList<Section>&)> keep =
                [&](const QList<Section>& list) -> Status {
                for (const Section& s : list) {
                    if (!isBoundKind(s.kind) && !s.body.trimmed().isEmpty())
                        if (Status st = keepBaseline(m_wb, changes, service::sectionPlace(*d),
                                                     u"section"_s, s.uid, s.body);
                            !st)
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
                                 const QString& why, ChangeSet& changes)
{
    // Each record moved is named, unless there are so many that naming them helps no view: then
    // the kind at the document's programme and force.
    ChangeSet carried;
    int moved = 0;
    for (const Finding& f : m_wb.drafts().findings(d.programmeCode, d.forceCode))
        if (f.status == from) {
            if (Status s = moveOne({u"finding"_s, f.uid}, from, to, why, carried); !s)
                return s.error();
            ++moved;
        }
    int judged = 0;
    for (const Judgment& j : m_wb.drafts().judgments(d.programmeCode, d.forceCode))
        if (j.status == from) {
            if (Status s =
                    moveOne({u"judgment"_s, service::judgmentUid(j)}, from, to, why, carried);
                !s)
                return s.error();
            ++judged;
        }
    const fwb::Place place = service::placeOf(d);
    if (moved > ChangeSet::kManyRecords)
        changes.add(EntityKind::Finding, ChangeOp::Changed, {}, place);
    if (judged > ChangeSet::kManyRecords)
        changes.add(EntityKind::Judgment, ChangeOp::Changed, {}, place);
    for (const RecordChange& c : carried.changes()) {
        if (c.kind == EntityKind::Finding && moved > ChangeSet::kManyRecords)
            continue;
        if (c.kind == EntityKind::Judgment && judged > ChangeSet::kManyRecords)
            continue;
        changes.add(c);
    }
    return moved + judged;
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
    return inTransaction<int>(m_wb, [&](ChangeSet& changes) -> Result<int> {
        if (auto still = status(target); !still || *still != *from)
            return refused(
                QStringLiteral("%1 changed while it was being moved: look again and retry")
                    .arg(target));
        if (Status s = moveOne(*p, *from, to, reason, changes); !s)
            return s.error();
        int moved = 1;
        if (p->entity == u"document"_s) {
            const auto d = m_wb.documents().document(p->key);
            const QString with =
                reason.trimmed().isEmpty()
                    ? QStringLiteral("with document %1").arg(p->key)
                    : QStringLiteral("with document %1: %2").arg(p->key, reason.trimmed());
            auto carried = carry(*d, *from, to, with, changes);
            if (!carried)
                return carried.error();
            moved += *carried;
            if (*from == u"responded"_s && to == u"amended"_s)
                if (const auto round = m_wb.review().latestRound(p->key);
                    round && round->isOpen()) {
                    if (Status s = m_wb.review().closeRound(round->uid, now()); !s)
                        return s.error();
                    changes.add(EntityKind::ReviewRound, ChangeOp::Changed, {round->uid},
                                service::placeOf(*d));
                }
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
    return inTransaction<ReviewNote>(m_wb, [&](ChangeSet& changes) -> Result<ReviewNote> {
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
        changes.add(EntityKind::ReviewNote, ChangeOp::Added, {n.uid},
                    service::placeOfTarget(m_wb, target));
        return *after;
    });
}

Result<ReviewNote> ReviewService::answerNote(const QString& uid, const QString& answer,
                                             IfVersion ifVersion)
{
    if (answer.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, u"an answer needs some text"_s);
    return inTransaction<ReviewNote>(m_wb, [&](ChangeSet& changes) -> Result<ReviewNote> {
        auto n = m_wb.documents().reviewNote(uid);
        if (!n)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no review note \"%1\"").arg(uid));
        if (n->status == u"resolved"_s)
            return refused(QStringLiteral("review note \"%1\" is resolved").arg(uid));
        if (auto c = service::claimVersion(m_wb, service::versioned(*n), ifVersion); !c)
            return c.error();
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
        changes.add(EntityKind::ReviewNote, ChangeOp::Changed, {uid},
                    service::placeOfTarget(m_wb, n->target));
        return *m_wb.documents().reviewNote(uid);
    });
}

Result<ReviewNote> ReviewService::resolveNote(const QString& uid, IfVersion ifVersion)
{
    return inTransaction<ReviewNote>(m_wb, [&](ChangeSet& changes) -> Result<ReviewNote> {
        auto n = m_wb.documents().reviewNote(uid);
        if (!n)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no review note \"%1\"").arg(uid));
        if (n->status == u"resolved"_s)
            return *n;
        if (auto c = service::claimVersion(m_wb, service::versioned(*n), ifVersion); !c)
            return c.error();
        const ReviewNote before = *n;
        n->status = u"resolved"_s;
        n->resolvedAt = now();
        if (auto r = m_wb.documents().upsertReviewNote(*n); !r)
            return r.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"resolve"_s, u"review_note"_s, uid,
                                           json(before), json(n));
            !s)
            return s.error();
        changes.add(EntityKind::ReviewNote, ChangeOp::Changed, {uid},
                    service::placeOfTarget(m_wb, n->target));
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
