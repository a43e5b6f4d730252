#include "core/storage/searchindex.h"

#include "core/storage/query.h"

using namespace Qt::StringLiterals;

namespace fwb {

QString SearchIndex::partitionTable(int partition)
{
    return u"search_p"_s + QString::number(qBound(0, partition, kPartitions - 1));
}

QString SearchIndex::newestMatchesSql(int partition)
{
    const QString table = partitionTable(partition);
    return u"SELECT rowid, rank FROM "_s + table + u" WHERE "_s + table +
           u" MATCH ? ORDER BY rowid DESC LIMIT ?"_s;
}

Result<QList<SearchIndex::Partition>> SearchIndex::partitions() const
{
    Query exists(m_db, u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"_s);
    auto n = exists.scalar({partitionTable(kPartitions - 1)}, u"reading the search partitions"_s);
    if (!n)
        return n.error();
    if (n->toInt() == 0)
        return QList<Partition>{}; // a workbench of an older schema, opened read-only
    Query query(m_db, u"SELECT id % %1, max(year), count(*) FROM programmes GROUP BY id % %1 "
                      "ORDER BY max(year) DESC, max(id) DESC"_s.arg(kPartitions));
    if (Status s = query.exec({}, u"reading the search partitions"_s); !s)
        return s.error();
    QList<Partition> out;
    while (query.next())
        out.push_back({int(query.integer(0)), int(query.integer(1)), int(query.integer(2))});
    return out;
}

namespace {
Result<qint64> idOf(const Database& db, const QString& sql, const QString& code)
{
    Query query(db, sql);
    auto v = query.scalar({code});
    if (!v)
        return v.error();
    return v->isValid() ? v->toLongLong() : qint64(-1);
}
} // namespace

Result<qint64> SearchIndex::programmeId(const QString& code) const
{
    return idOf(m_db, u"SELECT id FROM programmes WHERE code = ?"_s, code);
}

Result<qint64> SearchIndex::forceId(const QString& code) const
{
    return idOf(m_db, u"SELECT id FROM forces WHERE code = ?"_s, code);
}

Result<QList<SearchIndex::Candidate>>
SearchIndex::newestMatches(int partition, const QString& match, int limit) const
{
    if (partition < 0 || partition >= kPartitions)
        return Error::make(Error::Code::Invalid,
                           u"no search partition %1"_s.arg(QString::number(partition)));
    Query query(m_db, newestMatchesSql(partition));
    if (Status s = query.exec({match, qMax(0, limit)}, u"searching"_s); !s)
        return s.error();
    QList<Candidate> out;
    while (query.next())
        out.push_back({query.integer(0), query.value(1).toDouble()});
    return out;
}

Result<int> SearchIndex::countNewestMatches(int partition, const QString& match, int limit) const
{
    if (partition < 0 || partition >= kPartitions)
        return Error::make(Error::Code::Invalid,
                           u"no search partition %1"_s.arg(QString::number(partition)));
    const QString table = partitionTable(partition);
    Query query(m_db, u"SELECT count(*) FROM (SELECT rowid FROM "_s + table + u" WHERE "_s + table +
                          u" MATCH ? ORDER BY rowid DESC LIMIT ?)"_s);
    auto n = query.scalar({match, qMax(0, limit)}, u"searching"_s);
    if (!n)
        return n.error();
    return n->toInt();
}

QString SearchIndex::newestMatchesEverywhereSql()
{
    return u"SELECT rowid, rank FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC "
           u"LIMIT ?"_s;
}

Result<QList<SearchIndex::Candidate>> SearchIndex::newestMatchesEverywhere(const QString& match,
                                                                           int limit) const
{
    Query query(m_db, newestMatchesEverywhereSql());
    if (Status s = query.exec({match, qMax(0, limit)}, u"searching"_s); !s)
        return s.error();
    QList<Candidate> out;
    while (query.next())
        out.push_back({query.integer(0), query.value(1).toDouble()});
    return out;
}

Result<QList<SearchIndex::Row>> SearchIndex::rows(const QList<qint64>& rowids) const
{
    if (rowids.isEmpty())
        return QList<Row>{};
    QStringList ids;
    for (const qint64 rid : rowids)
        ids << QString::number(rid);
    Query place(m_db,
                u"SELECT top.value, f.uid, f.kind, s.uid, s.kind, d.uid, coalesce(f.status, "
                u"j.status, d.status), "
                "coalesce(pq.code, pd.code), fo.code, coalesce(qn.code, qs.code, ''), "
                "coalesce(f.text, j.summary || char(10) || j.overview, s.body), s.title FROM "
                "json_each(?) top "
                "LEFT JOIN findings f ON top.value % 4 = 1 AND f.id = top.value / 4 "
                "LEFT JOIN judgments j ON top.value % 4 = 2 AND j.id = top.value / 4 "
                "LEFT JOIN document_sections s ON top.value % 4 = 3 AND s.id = top.value / 4 "
                "LEFT JOIN documents d ON d.id = s.document_id "
                "LEFT JOIN questions qn ON qn.id = coalesce(f.question_id, j.question_id) "
                "LEFT JOIN questions qs ON qs.id = s.question_id "
                "LEFT JOIN programmes pq ON pq.id = qn.programme_id "
                "LEFT JOIN programmes pd ON pd.id = d.programme_id "
                "LEFT JOIN forces fo ON fo.id = coalesce(f.force_id, j.force_id, d.force_id)"_s);
    const QString idList = QLatin1Char('[') + ids.join(QLatin1Char(',')) + QLatin1Char(']');
    if (Status run = place.exec({idList}, u"searching"_s); !run)
        return run.error();
    QList<Row> out;
    while (place.next()) {
        Row r;
        r.rowid = place.integer(0);
        r.findingUid = place.text(1);
        r.findingKind = place.text(2);
        r.sectionUid = place.text(3);
        r.sectionKind = place.text(4);
        r.documentUid = place.text(5);
        r.status = place.text(6);
        r.programme = place.text(7);
        r.force = place.text(8);
        r.question = place.text(9);
        r.text = place.text(10);
        r.title = place.text(11);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace fwb
