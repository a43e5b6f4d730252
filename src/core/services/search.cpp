#include "core/services/search.h"

#include "core/domain/types.h"
#include "core/storage/searchindex.h"

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
    const SearchIndex index(m_db);
    auto partitions = index.partitions();
    if (!partitions)
        return partitions.error();

    // Filters are tags in the index (migration 0003): zp<programme id>, zf<force id>, zk<kind>,
    // zs<status>. A programme is also a partition (migration 0008): its tag is needed only when the
    // partition holds another programme as well.
    QStringList tags;
    QList<int> order; // the partitions, newest programmes first (of the programme filtered to)
    if (!filter.programme.isEmpty()) {
        auto id = index.programmeId(filter.programme);
        if (!id)
            return id.error();
        if (*id < 0)
            return SearchResults{};
        const int part = SearchIndex::partitionOf(*id);
        bool alone = false; // the one programme of its partition
        for (const SearchIndex::Partition& p : *partitions)
            if (p.number == part) {
                order << part;
                alone = p.programmes == 1;
            }
        if (!alone)
            tags << QStringLiteral("\"zp%1\"").arg(*id);
    } else {
        for (const SearchIndex::Partition& p : *partitions)
            order << p.number;
    }
    if (!filter.force.isEmpty()) {
        auto id = index.forceId(filter.force);
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

    // The newest candidates (FTS5 walks an index backwards and stops), then the best of them by
    // bm25, which reads the doclist of every word it ranks. Filtered to a programme, they are read
    // from its partition. Otherwise a probe without ranking asks whether the newest programmes'
    // partitions (up to kProbedPartitions of them) have more matches than can be ranked: a common
    // word, whose doclist over the whole workbench takes bm25 15-20 ms to read at a million
    // findings, is then ranked among those partitions' newest matches. Anything rarer is ranked
    // across the whole index as before, with the same results.
    QList<SearchIndex::Candidate> candidates;
    if (order.isEmpty()) { // a workbench opened read-only before its index was partitioned
        auto found = index.newestMatchesEverywhere(match, kRankedCandidates + 1);
        if (!found)
            return found.error();
        candidates = std::move(found).value();
    } else if (!filter.programme.isEmpty()) {
        auto found = index.newestMatches(order.front(), match, kRankedCandidates + 1);
        if (!found)
            return found.error();
        candidates = std::move(found).value();
    } else {
        // Probed newest first, a few partitions at most: a word common enough fills the
        // candidates within them; a rarer one is ranked across the whole index.
        QList<std::pair<int, int>> probed; // partition, matches (up to the room left)
        int matches = 0;
        for (qsizetype i = 0; i < order.size() && i < kProbedPartitions; ++i) {
            auto n = index.countNewestMatches(order[i], match, kRankedCandidates + 1 - matches);
            if (!n)
                return n.error();
            probed.push_back({order[i], *n});
            matches += *n;
            // Enough, or too few for the partitions to fill the candidates even at this rate.
            if (matches > kRankedCandidates ||
                qsizetype(matches) * order.size() / (i + 1) <= kRankedCandidates)
                break;
        }
        if (matches > kRankedCandidates) {
            for (const auto& [part, n] : probed) {
                auto found = index.newestMatches(part, match, n);
                if (!found)
                    return found.error();
                candidates += *found;
            }
        } else {
            auto found = index.newestMatchesEverywhere(match, kRankedCandidates + 1);
            if (!found)
                return found.error();
            candidates = std::move(found).value();
        }
    }
    SearchResults results;
    results.complete = candidates.size() <= kRankedCandidates;
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const SearchIndex::Candidate& a, const SearchIndex::Candidate& b) {
                         return a.rank != b.rank ? a.rank < b.rank : a.rowid > b.rowid;
                     });
    if (candidates.size() > limit)
        candidates.resize(limit);
    if (candidates.isEmpty())
        return results;
    // Where each ranked row lives, with its text, in one statement over the list of rowids.
    QList<qint64> ids;
    for (const SearchIndex::Candidate& c : candidates)
        ids << c.rowid;
    auto rows = index.rows(ids);
    if (!rows)
        return rows.error();
    QHash<qint64, SearchHit> byRow;
    for (const SearchIndex::Row& row : *rows) {
        SearchHit h;
        h.status = row.status;
        h.programme = row.programme;
        h.force = row.force;
        h.question = row.question;
        h.snippet = snippet(row.text, wanted);
        if (h.snippet.isEmpty() || !h.snippet.contains(kOpen)) // matched in the title only
            h.snippet = snippet(row.title + QStringLiteral(": ") + row.text, wanted);
        switch (row.rowid % 4) {
        case 1:
            h.type = SearchHit::Type::Finding;
            h.key = row.findingUid;
            h.kind = row.findingKind;
            break;
        case 2:
            h.type = SearchHit::Type::Judgment;
            h.key = h.programme + QLatin1Char('/') + h.force + QLatin1Char('/') + h.question;
            break;
        default:
            h.type = SearchHit::Type::Section;
            h.title = row.title;
            h.key = row.sectionUid;
            h.kind = row.sectionKind;
            h.documentUid = row.documentUid;
            break;
        }
        byRow.insert(row.rowid, std::move(h));
    }
    for (const SearchIndex::Candidate& c : candidates) {
        auto it = byRow.find(c.rowid);
        if (it == byRow.end())
            continue;
        it->rank = c.rank;
        results.hits.push_back(*it);
    }
    return results;
}

} // namespace fwb
