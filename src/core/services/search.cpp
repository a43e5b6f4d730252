#include "search.h"

#include "storage/query.h"

#include <QRegularExpression>

namespace fwb {
namespace {
QString L(const char* s) { return QString::fromLatin1(s); }
constexpr QChar kOpen(0x02), kClose(0x03);
} // namespace

QString SearchHit::typeName() const
{
    switch (type) {
    case Type::Finding: return L("finding");
    case Type::Judgment: return L("judgment");
    case Type::Section: return L("section");
    }
    return {};
}

QString SearchHit::markedSnippet(const QString& open, const QString& close, bool htmlEscape) const
{
    QString s = htmlEscape ? snippet.toHtmlEscaped() : snippet;
    s.replace(kOpen, open);
    s.replace(kClose, close);
    return s;
}

QString SearchService::ftsQuery(const QString& text)
{
    // Words as the unicode61 tokenizer sees them: letters and digits; everything else separates.
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList terms;
    for (auto it = word.globalMatch(text); it.hasNext();)
        terms.push_back(QLatin1Char('"') + it.next().captured(0) + QLatin1Char('"'));
    if (terms.isEmpty())
        return {};
    // The last word is still being typed unless the text ends with a space.
    if (!text.isEmpty() && !text.back().isSpace() && text.back() != QLatin1Char('"'))
        terms.back() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

Result<QList<SearchHit>> SearchService::search(const QString& text, const SearchFilter& filter) const
{
    const QString fts = ftsQuery(text);
    if (fts.isEmpty())
        return QList<SearchHit>{};
    const int limit = qBound(1, filter.limit, 1000);
    const bool filtered = !filter.programme.isEmpty() || !filter.force.isEmpty() || !filter.kind.isEmpty() ||
                          !filter.status.isEmpty();

    // Stage 1: the best `limit` rows. Without filters FTS5 orders by rank and stops early; with
    // them each match is placed (programme, force, kind, status) before ranking.
    QString inner;
    QList<QVariant> values{fts};
    if (!filtered) {
        inner = L("SELECT rowid AS rid, rank AS r FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?");
        values.push_back(limit);
    } else {
        inner = L("SELECT h.rid, h.r FROM (SELECT rowid AS rid, rank AS r FROM search_index WHERE search_index MATCH ?) h "
                  "LEFT JOIN findings f ON h.rid % 4 = 1 AND f.id = h.rid / 4 "
                  "LEFT JOIN judgments j ON h.rid % 4 = 2 AND j.id = h.rid / 4 "
                  "LEFT JOIN document_sections s ON h.rid % 4 = 3 AND s.id = h.rid / 4 "
                  "LEFT JOIN documents d ON d.id = s.document_id "
                  "LEFT JOIN questions qn ON qn.id = coalesce(f.question_id, j.question_id) WHERE 1 = 1");
        if (!filter.programme.isEmpty()) {
            inner += L(" AND coalesce(qn.programme_id, d.programme_id) = (SELECT id FROM programmes WHERE code = ?)");
            values.push_back(filter.programme);
        }
        if (!filter.force.isEmpty()) {
            inner += L(" AND coalesce(f.force_id, j.force_id, d.force_id) = (SELECT id FROM forces WHERE code = ?)");
            values.push_back(filter.force);
        }
        if (!filter.kind.isEmpty()) {
            inner += L(" AND f.kind = ?");
            values.push_back(filter.kind);
        }
        if (!filter.status.isEmpty()) {
            inner += L(" AND coalesce(f.status, j.status, d.status) = ?");
            values.push_back(filter.status);
        }
        inner += L(" ORDER BY h.r LIMIT ?");
        values.push_back(limit);
    }

    // Stage 2: where each of those rows lives, and its snippet.
    const QString sql =
        L("WITH top AS (") + inner +
        L(") SELECT top.rid, top.r, "
          "snippet(search_index, -1, char(2), char(3), char(8230), 14), search_index.title, "
          "f.uid, f.kind, j.id, s.uid, s.kind, d.uid, coalesce(f.status, j.status, d.status), "
          "coalesce(pq.code, pd.code), fo.code, coalesce(qn.code, qs.code, '') "
          "FROM top JOIN search_index ON search_index.rowid = top.rid AND search_index MATCH ? "
          "LEFT JOIN findings f ON top.rid % 4 = 1 AND f.id = top.rid / 4 "
          "LEFT JOIN judgments j ON top.rid % 4 = 2 AND j.id = top.rid / 4 "
          "LEFT JOIN document_sections s ON top.rid % 4 = 3 AND s.id = top.rid / 4 "
          "LEFT JOIN documents d ON d.id = s.document_id "
          "LEFT JOIN questions qn ON qn.id = coalesce(f.question_id, j.question_id) "
          "LEFT JOIN questions qs ON qs.id = s.question_id "
          "LEFT JOIN programmes pq ON pq.id = qn.programme_id "
          "LEFT JOIN programmes pd ON pd.id = d.programme_id "
          "LEFT JOIN forces fo ON fo.id = coalesce(f.force_id, j.force_id, d.force_id) "
          "ORDER BY top.r");
    values.push_back(fts);

    Query query(m_db, sql);
    const Status run = query.execValues(values, L("searching"));
    if (!run)
        return run.error();
    QList<SearchHit> hits;
    while (query.next()) {
        SearchHit h;
        const qint64 rid = query.integer(0);
        h.rank = query.value(1).toDouble();
        h.snippet = query.text(2);
        h.programme = query.text(11);
        h.force = query.text(12);
        h.question = query.text(13);
        h.status = query.text(10);
        switch (rid % 4) {
        case 1:
            h.type = SearchHit::Type::Finding;
            h.key = query.text(4);
            h.kind = query.text(5);
            break;
        case 2:
            h.type = SearchHit::Type::Judgment;
            h.key = h.programme + QLatin1Char('/') + h.force + QLatin1Char('/') + h.question;
            break;
        default:
            h.type = SearchHit::Type::Section;
            h.title = query.text(3);
            h.key = query.text(7);
            h.kind = query.text(8);
            h.documentUid = query.text(9);
            break;
        }
        hits.push_back(std::move(h));
    }
    return hits;
}

} // namespace fwb
