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

namespace {

bool onServer(const Database& db)
{
    return db.backend() == Backend::Postgres;
}

// The newest `limit` rows matching `match` on a team workbench, with their ts_rank negated (lower
// is better, as bm25's): title words weigh 1.0 and body words 0.5, as bm25(0.0, 2.0, 1.0) has
// them, and a long text ranks lower (normalization 1, by the log of its length). The rank is
// computed for the candidates only, after the GIN index and the rowid order found them. With
// `count`, only how many there are.
Result<QList<SearchIndex::Candidate>> serverMatches(const Database& db, const QString& match,
                                                    int limit, int partition, bool count = false)
{
    auto translated = SearchIndex::translateMatch(match);
    if (!translated)
        return translated.error();
    QString where = u"document @@ to_tsquery('fwb_search', ?)"_s;
    QList<QVariant> values;
    if (!count)
        values << translated->tsquery;
    values << translated->tsquery;
    for (const auto& [column, value] : translated->filters) {
        where += u" AND "_s + column + u" = ?"_s; // a column named by translateMatch, not typed
        values << value;
    }
    if (partition >= 0) {
        where += u" AND programme_id % ? = ?"_s;
        values << SearchIndex::kPartitions << partition;
    }
    values << qMax(0, limit);
    const QString newest = u"SELECT rowid, document FROM search_index WHERE "_s + where +
                           u" ORDER BY rowid DESC LIMIT ?"_s;
    Query query(db, count ? u"SELECT count(*), 0 FROM ("_s + newest + u") c"_s
                          : u"SELECT c.rowid, -ts_rank('{0, 0, 0.5, 1}', c.document, "
                            u"to_tsquery('fwb_search', ?), 1) FROM ("_s +
                                newest + u") c"_s);
    if (Status s = query.execValues(values, u"searching"_s); !s)
        return s.error();
    QList<SearchIndex::Candidate> out;
    while (query.next())
        out.push_back({query.integer(0), query.value(1).toDouble()});
    return out;
}

} // namespace

Result<qint64> SearchIndex::count() const
{
    Query query(m_db, u"SELECT count(*) FROM search_index"_s);
    auto n = query.scalar({}, u"counting the search index"_s);
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<QList<SearchIndex::Partition>> SearchIndex::partitions() const
{
    if (onServer(m_db))
        return QList<Partition>{}; // one index, ranked by ts_rank over the candidates alone
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
    if (onServer(m_db))
        return serverMatches(m_db, match, limit, partition);
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
    if (onServer(m_db)) {
        auto n = serverMatches(m_db, match, limit, partition, true);
        if (!n)
            return n.error();
        return n->isEmpty() ? 0 : int(n->front().rowid);
    }
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
    if (onServer(m_db))
        return serverMatches(m_db, match, limit, -1);
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
    // The list of rowids: a JSON array read by json_each in the file, an array literal unnested
    // on a server. (Both are built here from numbers.)
    const bool server = onServer(m_db);
    Query place(
        m_db,
        u"SELECT top.value, f.uid, f.kind, s.uid, s.kind, d.uid, coalesce(f.status, "
        u"j.status, d.status), "
        "coalesce(pq.code, pd.code), fo.code, coalesce(qn.code, qs.code, ''), "
        "coalesce(f.text, j.summary || "_s +
            (server ? u"chr(10)"_s : u"char(10)"_s) + u" || j.overview, s.body), s.title FROM "_s +
            (server ? u"unnest(CAST(? AS BIGINT[])) AS top(value) "_s : u"json_each(?) top "_s) +
            u"LEFT JOIN findings f ON top.value % 4 = 1 AND f.id = top.value / 4 "
            "LEFT JOIN judgments j ON top.value % 4 = 2 AND j.id = top.value / 4 "
            "LEFT JOIN document_sections s ON top.value % 4 = 3 AND s.id = top.value / 4 "
            "LEFT JOIN documents d ON d.id = s.document_id "
            "LEFT JOIN questions qn ON qn.id = coalesce(f.question_id, j.question_id) "
            "LEFT JOIN questions qs ON qs.id = s.question_id "
            "LEFT JOIN programmes pq ON pq.id = qn.programme_id "
            "LEFT JOIN programmes pd ON pd.id = d.programme_id "
            "LEFT JOIN forces fo ON fo.id = coalesce(f.force_id, j.force_id, d.force_id)"_s);
    const QString idList = server
                               ? QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}')
                               : QLatin1Char('[') + ids.join(QLatin1Char(',')) + QLatin1Char(']');
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
