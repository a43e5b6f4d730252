#include "core/storage/reviewrepository.h"
#include "core/storage/query.h"

namespace fwb {
namespace {
QString q(const char* s)
{
    return QString::fromLatin1(s);
}

const char* kRoundSelect = "SELECT r.id, r.uid, d.uid, r.number, r.sent_at, r.sent_by, r.closed_at "
                           "FROM review_rounds r JOIN documents d ON d.id = r.document_id";

ReviewRound roundFrom(const Query& query)
{
    ReviewRound r;
    r.id = query.integer(0);
    r.uid = query.text(1);
    r.documentUid = query.text(2);
    r.number = int(query.integer(3));
    r.sentAt = query.text(4);
    r.sentBy = query.text(5);
    r.closedAt = query.text(6);
    return r;
}
} // namespace

QList<ReviewRound> ReviewRepository::rounds(const QString& documentUid) const
{
    QList<ReviewRound> out;
    Query query(m_db, q(kRoundSelect) + q(" WHERE d.uid = ? ORDER BY r.number"));
    if (query.exec({documentUid}))
        while (query.next())
            out.push_back(roundFrom(query));
    return out;
}

std::optional<ReviewRound> ReviewRepository::roundWhere(const QString& where,
                                                        const QVariant& value) const
{
    Query query(m_db, q(kRoundSelect) + where);
    if (!query.exec({value}) || !query.next())
        return std::nullopt;
    ReviewRound r = roundFrom(query);
    r.items = items(r.id);
    return r;
}

std::optional<ReviewRound> ReviewRepository::round(const QString& uid) const
{
    return roundWhere(q(" WHERE r.uid = ?"), uid);
}

std::optional<ReviewRound> ReviewRepository::latestRound(const QString& documentUid) const
{
    return roundWhere(q(" WHERE d.uid = ? ORDER BY r.number DESC LIMIT 1"), documentUid);
}

QList<ReviewItem> ReviewRepository::items(Id roundId) const
{
    QList<ReviewItem> out;
    Query query(m_db, q("SELECT reference, target, label, text, shown FROM review_items WHERE "
                        "round_id = ? ORDER BY position"));
    if (query.exec({roundId}))
        while (query.next())
            out.push_back(
                {query.text(0), query.text(1), query.text(2), query.text(3), query.text(4)});
    return out;
}

Result<Id> ReviewRepository::insertRound(const ReviewRound& round)
{
    Query doc(m_db, q("SELECT id FROM documents WHERE uid = ?"));
    auto d = doc.scalar({round.documentUid});
    if (!d)
        return d.error();
    if (!d->isValid())
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no document \"%1\"").arg(round.documentUid));
    Query insert(m_db, q("INSERT INTO review_rounds(uid, document_id, number, sent_by) VALUES (?, "
                         "?, ?, ?) RETURNING id"));
    auto id = insert.scalar({round.uid, *d, round.number, round.sentBy},
                            QStringLiteral("recording the round"));
    if (!id)
        return id.error();
    Query item(
        m_db,
        q("INSERT INTO review_items(round_id, position, reference, target, label, text, shown) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    int position = 0;
    for (const ReviewItem& i : round.items)
        if (Status s = item.exec({*id, ++position, i.reference, i.target, i.label, i.text, i.shown},
                                 QStringLiteral("recording what was sent (") + i.reference +
                                     QLatin1Char(')'));
            !s)
            return s.error();
    return id->toLongLong();
}

Status ReviewRepository::closeRound(const QString& uid, const QString& at)
{
    Query query(m_db, q("UPDATE review_rounds SET closed_at = ? WHERE uid = ?"));
    return query.exec({at, uid}, QStringLiteral("closing the round"));
}

QList<Revision> ReviewRepository::revisions(const QString& entity, const QString& key) const
{
    QList<Revision> out;
    Query query(m_db, q("SELECT entity, entity_key, number, text, reason, actor, at FROM revisions "
                        "WHERE entity = ? AND entity_key = ? ORDER BY number"));
    if (query.exec({entity, key}))
        while (query.next())
            out.push_back({query.text(0), query.text(1), int(query.integer(2)), query.text(3),
                           query.text(4), query.text(5), query.text(6)});
    return out;
}

std::optional<Revision> ReviewRepository::revision(const QString& entity, const QString& key,
                                                   int number) const
{
    for (const Revision& r : revisions(entity, key))
        if (r.number == number)
            return r;
    return std::nullopt;
}

Result<int> ReviewRepository::addRevision(const Revision& r)
{
    Query query(m_db, q("INSERT INTO revisions(entity, entity_key, number, text, reason, actor) "
                        "VALUES (?, ?, (SELECT coalesce(max(number), 0) + 1 FROM revisions "
                        "WHERE entity = ? AND entity_key = ?), ?, ?, ?) RETURNING number"));
    auto n = query.scalar({r.entity, r.key, r.entity, r.key, r.text, r.reason, r.actor},
                          QStringLiteral("keeping the revision"));
    if (!n)
        return n.error();
    return n->toInt();
}

Status ReviewRepository::updateRevision(const QString& entity, const QString& key, int number,
                                        const QString& text)
{
    Query query(m_db, q("UPDATE revisions SET text = ?, at = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                        "WHERE entity = ? AND entity_key = ? AND number = ?"));
    return query.exec({text, entity, key, number}, QStringLiteral("keeping the revision"));
}

QList<StatusChange> ReviewRepository::statusChanges(const QString& entity, const QString& key) const
{
    QList<StatusChange> out;
    Query query(m_db, q("SELECT entity, entity_key, from_status, to_status, reason, actor, at FROM "
                        "status_changes "
                        "WHERE entity = ? AND entity_key = ? ORDER BY id"));
    if (query.exec({entity, key}))
        while (query.next())
            out.push_back({query.text(0), query.text(1), query.text(2), query.text(3),
                           query.text(4), query.text(5), query.text(6)});
    return out;
}

Status ReviewRepository::addStatusChange(const StatusChange& c)
{
    Query query(
        m_db,
        q("INSERT INTO status_changes(entity, entity_key, from_status, to_status, reason, actor) "
          "VALUES (?, ?, ?, ?, ?, ?)"));
    return query.exec({c.entity, c.key, c.from, c.to, c.reason, c.actor},
                      QStringLiteral("recording the status change"));
}

} // namespace fwb
