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
    static const QStringList stopwords{
        L("a"),   L("an"),  L("and"),  L("are"), L("as"),   L("at"),   L("be"),    L("by"),   L("for"),
        L("from"), L("has"), L("have"), L("in"),  L("is"),   L("it"),   L("its"),   L("of"),   L("on"),
        L("or"),  L("that"), L("the"),  L("to"),  L("was"),  L("were"), L("which"), L("with"), L("this")};
    QStringList words;
    for (auto it = word.globalMatch(text); it.hasNext();)
        words.push_back(it.next().captured(0));
    if (words.isEmpty())
        return {};
    // The last word is still being typed unless the text ends with a space.
    const bool typing = !text.back().isSpace() && text.back() != QLatin1Char('"') && text.back() != QLatin1Char(')');
    QStringList terms;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool last = i == words.size() - 1;
        const bool prefix = last && typing && words[i].size() >= 3;
        if (!prefix && stopwords.contains(words[i].toLower()) && words.size() > 1)
            continue;
        terms.push_back(QLatin1Char('"') + words[i] + QLatin1Char('"') + (prefix ? L("*") : QString()));
    }
    if (terms.isEmpty()) // only common words: search for them after all
        for (const QString& w : words)
            terms.push_back(QLatin1Char('"') + w + QLatin1Char('"'));
    return terms.join(QLatin1Char(' '));
}

Result<SearchResults> SearchService::search(const QString& text, const SearchFilter& filter) const
{
    const QString words = ftsQuery(text);
    if (words.isEmpty())
        return SearchResults{};
    const int limit = qBound(1, filter.limit, 1000);

    // Filters are tags in the index (migration 0003): zp<programme id>, zf<force id>, zk<kind>, zs<status>.
    QStringList tags;
    auto idOf = [&](const char* sql, const QString& code) -> Result<qint64> {
        Query q(m_db, L(sql));
        auto v = q.scalar({code});
        if (!v)
            return v.error();
        return v->isValid() ? v->toLongLong() : qint64(-1);
    };
    if (!filter.programme.isEmpty()) {
        auto id = idOf("SELECT id FROM programmes WHERE code = ?", filter.programme);
        if (!id)
            return id.error();
        if (*id < 0)
            return SearchResults{};
        tags << QStringLiteral("\"zp%1\"").arg(*id);
    }
    if (!filter.force.isEmpty()) {
        auto id = idOf("SELECT id FROM forces WHERE code = ?", filter.force);
        if (!id)
            return id.error();
        if (*id < 0)
            return SearchResults{};
        tags << QStringLiteral("\"zf%1\"").arg(*id);
    }
    if (!filter.kind.isEmpty()) {
        const qsizetype k = findingKinds().indexOf(filter.kind);
        if (k < 0)
            return Error::make(Error::Code::Invalid, QStringLiteral("unknown finding kind \"%1\"").arg(filter.kind));
        tags << QStringLiteral("\"zk%1\"").arg(k + 1);
    }
    if (!filter.status.isEmpty()) {
        const qsizetype k = statuses().indexOf(filter.status);
        if (k < 0)
            return Error::make(Error::Code::Invalid, QStringLiteral("unknown status \"%1\"").arg(filter.status));
        tags << QStringLiteral("\"zs%1\"").arg(k + 1);
    }
    QString match = L("{title body} : (") + words + L(")");
    if (!tags.isEmpty())
        match += L(" AND tags : (") + tags.join(QLatin1Char(' ')) + L(")");

    // The newest candidates (FTS5 walks the index backwards and stops), then the best of them by
    // bm25, then where each lives and its snippet.
    const QString sql = L(
        "WITH cand AS MATERIALIZED (SELECT rowid AS rid, rank AS r FROM search_index WHERE search_index MATCH ? "
        "ORDER BY rowid DESC LIMIT ?), "
        "top AS (SELECT rid, r FROM cand ORDER BY r LIMIT ?) "
        "SELECT top.rid, top.r, snippet(search_index, 2, char(2), char(3), char(8230), 14), search_index.title, "
        "f.uid, f.kind, j.id, s.uid, s.kind, d.uid, coalesce(f.status, j.status, d.status), "
        "coalesce(pq.code, pd.code), fo.code, coalesce(qn.code, qs.code, ''), (SELECT count(*) FROM cand) "
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
    Query query(m_db, sql);
    if (Status run = query.exec({match, kRankedCandidates + 1, limit, match}, L("searching")); !run)
        return run.error();
    SearchResults results;
    while (query.next()) {
        SearchHit h;
        const qint64 rid = query.integer(0);
        h.rank = query.value(1).toDouble();
        h.snippet = query.text(2);
        h.programme = query.text(11);
        h.force = query.text(12);
        h.question = query.text(13);
        h.status = query.text(10);
        results.complete = query.integer(14) <= kRankedCandidates;
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
        results.hits.push_back(std::move(h));
    }
    return results;
}

} // namespace fwb
