#include "core/services/lifecycle.h"

#include "core/workbench.h"

#include <QDateTime>
#include <QHash>

using namespace Qt::StringLiterals;

namespace fwb {

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

Status checkMove(const Workbench& wb, const QString& target, const QString& from, const QString& to)
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    if (!statuses().contains(to))
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("\"%1\" is not a status (%2)").arg(to, statuses().join(u", "_s)));
    if (!transitionAllowed(from, to)) {
        QStringList l;
        for (const QString& s : nextStatuses(from))
            l << QStringLiteral("“%1”").arg(statusLabel(s));
        return Error::make(
            Error::Code::Conflict,
            QStringLiteral("%1 \"%2\" is “%3” and cannot go to “%4”; from “%3” it can go to: %5")
                .arg(entity, key, statusLabel(from), statusLabel(to),
                     l.isEmpty() ? u"nothing"_s : l.join(u", "_s)));
    }
    if (entity != u"document"_s && to == u"final"_s) {
        int open = 0;
        for (const ReviewNote& n : wb.documents().reviewNotes())
            open += n.target == target && n.status != u"resolved"_s ? 1 : 0;
        if (open)
            return Error::make(
                Error::Code::Conflict,
                QStringLiteral("%1 \"%2\" cannot be signed off: %3 review note(s) on it are open")
                    .arg(entity, key)
                    .arg(open));
    }
    return {};
}

Status keepRevision(Workbench& wb, ChangeSet& changes, const Place& place, const QString& entity,
                    const QString& key, const QString& status, const QString& before,
                    const QString& after, const QString& reason)
{
    if (status.isEmpty() || status == u"draft"_s || before == after)
        return {};
    const QString target = entity + u':' + key;
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
        if (at.isValid() && at.secsTo(QDateTime::currentDateTimeUtc()) < 600) {
            if (Status s = repo.updateRevision(entity, key, now.back().number, after); !s)
                return s;
            changes.add(EntityKind::Revision, ChangeOp::Changed, {target}, place);
            return {};
        }
    }
    if (auto n = repo.addRevision({entity, key, 0, after, why, Workbench::actor(), {}}); !n)
        return n.error();
    changes.add(EntityKind::Revision, ChangeOp::Added, {target}, place);
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
    if (Status s = checkMove(wb, target, from, to); !s)
        return s;
    return wb.review().addStatusChange(
        {entity, key, from, to, u"edited"_s, Workbench::actor(), {}});
}

} // namespace fwb
