#include "core/services/search.h"

#include "core/storage/query.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
constexpr QChar kOpen(0x02), kClose(0x03);
} // namespace

QString SearchHit::typeName() const
{
    switch (type) {
    case Type::Finding:
        return u"finding"_s;
    case Type::Judgment:
        return u"judgment"_s;
    case Type::Section:
        return u"section"_s;
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

namespace {

const QRegularExpression& wordPattern()
{
    // Words as the unicode61 tokenizer sees them: letters and digits; everything else separates.
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    return word;
}

// Lower case without accents, as remove_diacritics folds them.
QString fold(const QString& word)
{
    QString out;
    for (const QChar c : word.normalized(QString::NormalizationForm_D))
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    return out;
}

// A light English stemmer: enough to see that "victims" matched "victim" for highlighting.
QString stem(const QString& w)
{
    static const char* suffixes[] = {"ational", "ations", "ation", "ments", "ment", "ness",
                                     "ings",    "ing",    "ies",   "ied",   "ers",  "er",
                                     "ed",      "es",     "ly",    "s"};
    for (const char* s : suffixes) {
        const QLatin1String suffix(s);
        if (w.size() > suffix.size() + 2 && w.endsWith(suffix))
            return w.left(w.size() - suffix.size());
    }
    return w;
}

} // namespace

QList<SearchService::Term> SearchService::terms(const QString& text)
{
    static const QStringList stopwords{
        u"a"_s,  u"an"_s,  u"and"_s,  u"are"_s,   u"as"_s,   u"at"_s,   u"be"_s,
        u"by"_s, u"for"_s, u"from"_s, u"has"_s,   u"have"_s, u"in"_s,   u"is"_s,
        u"it"_s, u"its"_s, u"of"_s,   u"on"_s,    u"or"_s,   u"that"_s, u"the"_s,
        u"to"_s, u"was"_s, u"were"_s, u"which"_s, u"with"_s, u"this"_s};
    QStringList words;
    for (auto it = wordPattern().globalMatch(text); it.hasNext();)
        words.push_back(it.next().captured(0));
    if (words.isEmpty())
        return {};
    // The last word is still being typed unless the text ends with a space.
    const bool typing = !text.back().isSpace() && text.back() != QLatin1Char('"') &&
                        text.back() != QLatin1Char(')');
    QList<Term> out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool prefix = i == words.size() - 1 && typing && words[i].size() >= 3;
        if (!prefix && stopwords.contains(words[i].toLower()) && words.size() > 1)
            continue;
        out.push_back({words[i], prefix});
    }
    if (out.isEmpty()) // only common words: search for them after all
        for (const QString& w : words)
            out.push_back({w, false});
    return out;
}

QString SearchService::ftsQuery(const QString& text)
{
    QStringList parts;
    for (const Term& t : terms(text))
        parts.push_back(QLatin1Char('"') + t.word + QLatin1Char('"') +
                        (t.prefix ? u"*"_s : QString()));
    return parts.join(QLatin1Char(' '));
}

QString SearchService::snippet(const QString& text, const QList<Term>& terms, int words)
{
    struct Word {
        qsizetype start, end;
        bool match;
    };
    QList<std::pair<QString, bool>> wanted;
    for (const Term& t : terms)
        wanted.push_back({fold(t.word), t.prefix});
    QList<Word> all;
    int first = -1;
    for (auto it = wordPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString w = fold(m.captured(0));
        bool match = false;
        for (const auto& [term, prefix] : wanted)
            if (w == term || (prefix && w.startsWith(term)) || stem(w) == stem(term))
                match = true;
        if (match && first < 0)
            first = int(all.size());
        all.push_back({m.capturedStart(), m.capturedEnd(), match});
    }
    if (all.isEmpty())
        return {};
    const int from = qMax(0, (first < 0 ? 0 : first) - 3);
    const int to = qMin(int(all.size()), from + words);
    QString out;
    if (from > 0)
        out += QChar(0x2026);
    qsizetype at = all[from].start;
    for (int i = from; i < to; ++i) {
        out += QStringView(text).mid(at, all[i].start - at);
        const QStringView w = QStringView(text).mid(all[i].start, all[i].end - all[i].start);
        if (all[i].match)
            out += kOpen + w.toString() + kClose;
        else
            out += w;
        at = all[i].end;
    }
    if (to < all.size())
        out += QChar(0x2026);
    else
        out += QStringView(text).mid(at);
    // Markdown emphasis and escapes would only clutter a passage.
    static const QRegularExpression markup(
        QStringLiteral("\\*\\*|(?<![\\p{L}\\p{N}])[*_]|[*_](?![\\p{L}\\p{N}])|\\\\(?=\\S)"));
    out.remove(markup);
    return out.simplified();
}

Result<SearchResults> SearchService::search(const QString& text, const SearchFilter& filter) const
{
    const QList<Term> wanted = terms(text);
    const QString words = ftsQuery(text);
    if (words.isEmpty())
        return SearchResults{};
    const int limit = qBound(1, filter.limit, 1000);

    // Filters are tags in the index (migration 0003): zp<programme id>, zf<force id>, zk<kind>,
    // zs<status>.
    QStringList tags;
    auto idOf = [&](const char* sql, const QString& code) -> Result<qint64> {
        Query q(m_db, QString::fromUtf8(sql));
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
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("unknown finding kind \"%1\"").arg(filter.kind));
        tags << QStringLiteral("\"zk%1\"").arg(k + 1);
    }
    if (!filter.status.isEmpty()) {
        const qsizetype k = statuses().indexOf(filter.status);
        if (k < 0)
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("unknown status \"%1\"").arg(filter.status));
        tags << QStringLiteral("\"zs%1\"").arg(k + 1);
    }
    QString match = u"{title body} : ("_s + words + u")"_s;
    if (!tags.isEmpty())
        match += u" AND tags : ("_s + tags.join(QLatin1Char(' ')) + u")"_s;

    // The newest candidates (FTS5 walks the index backwards and stops), then the best of them by
    // bm25. Snippets and places are then read for those rows only, each by rowid.
    Query top(m_db, u"WITH cand AS MATERIALIZED (SELECT rowid AS rid, rank AS r FROM search_index "
                    "WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?) "
                    "SELECT rid, r, (SELECT count(*) FROM cand) FROM cand ORDER BY r LIMIT ?"_s);
    if (Status run = top.exec({match, kRankedCandidates + 1, limit}, u"searching"_s); !run)
        return run.error();
    QList<std::pair<qint64, double>> ranked;
    SearchResults results;
    while (top.next()) {
        ranked.push_back({top.integer(0), top.value(1).toDouble()});
        results.complete = top.integer(2) <= kRankedCandidates;
    }
    if (ranked.isEmpty())
        return results;
    // Where each ranked row lives, with its text, in one statement over the list of rowids.
    QStringList ids;
    for (const auto& [rid, rank] : ranked)
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
    QHash<qint64, SearchHit> byRow;
    while (place.next()) {
        const qint64 rid = place.integer(0);
        SearchHit h;
        h.status = place.text(6);
        h.programme = place.text(7);
        h.force = place.text(8);
        h.question = place.text(9);
        h.snippet = snippet(place.text(10), wanted);
        if (h.snippet.isEmpty() || !h.snippet.contains(kOpen)) // matched in the title only
            h.snippet = snippet(place.text(11) + QStringLiteral(": ") + place.text(10), wanted);
        switch (rid % 4) {
        case 1:
            h.type = SearchHit::Type::Finding;
            h.key = place.text(1);
            h.kind = place.text(2);
            break;
        case 2:
            h.type = SearchHit::Type::Judgment;
            h.key = h.programme + QLatin1Char('/') + h.force + QLatin1Char('/') + h.question;
            break;
        default:
            h.type = SearchHit::Type::Section;
            h.title = place.text(11);
            h.key = place.text(3);
            h.kind = place.text(4);
            h.documentUid = place.text(5);
            break;
        }
        byRow.insert(rid, std::move(h));
    }
    for (const auto& [rid, rank] : ranked) {
        auto it = byRow.find(rid);
        if (it == byRow.end())
            continue;
        it->rank = rank;
        results.hits.push_back(*it);
    }
    return results;
}

} // namespace fwb
