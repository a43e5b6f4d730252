#pragma once
// SearchService: ranked full-text search over findings, judgment summaries and document sections
// (the FTS5 index kept in step by triggers, partitioned by programme: storage/searchindex.h). The
// newest programmes' partitions are read first. A person's words become an FTS5 query
// of quoted terms, the last one a prefix so that results follow the typing; operators typed by a
// person are treated as words, so no input is a syntax error.

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fwb {

class Database;

struct SearchFilter {
    QString programme, force, kind, status; // empty: any. A kind keeps to findings.
    int limit = 50;
};

struct SearchHit {
    enum class Type { Finding, Judgment, Section };
    Type type = Type::Finding;
    QString key; // finding uid, section uid, or "programme/force/question" for a judgment
    QString programme, force, question;
    QString kind; // the finding's kind, the section's kind
    QString status;
    QString title;       // the section's title, or empty
    QString documentUid; // for a section
    QString snippet;     // the matching passage; matched words between \x02 and \x03
    double rank = 0;     // bm25: lower is better
    QString typeName() const;
    // The snippet with the matched words marked as `open`…`close` (e.g. "**", or HTML after
    // escaping).
    QString markedSnippet(const QString& open, const QString& close, bool htmlEscape = false) const;
};

struct SearchResults {
    QList<SearchHit> hits;
    // False when more rows matched than are ranked (see SearchService): the hits are the best of
    // the most recent matches, and narrowing the search ranks them all.
    bool complete = true;
};

class SearchService {
public:
    explicit SearchService(const Database& db) : m_db(db) {}

    // How many of the most recent matches are ranked. bm25 has to score every row it ranks, and a
    // common word matches hundreds of thousands of findings in a national workbench; ranking the
    // newest few thousand — read partition by partition, the newest programmes first — keeps
    // every search within a keystroke's time (docs/performance.md). Each row's bm25 is computed
    // within its partition (a word's rarity among the rows of its programme).
    static constexpr int kRankedCandidates = 4000;
    // How many of the newest programmes' partitions a search probes for that many matches before
    // it ranks across the whole index instead.
    static constexpr int kProbedPartitions = 3;

    // Empty (or only punctuation) text gives no hits and no error.
    Result<SearchResults> search(const QString& text, const SearchFilter& filter = {}) const;

    // "unattended crime" → "\"unattended\" \"crime\"*" ; an empty string when there are no words.
    // Common words ("the", "of") are left out when other words remain; the last word is a
    // prefix while it is being typed (no space after it) and has at least three letters.
    static QString ftsQuery(const QString& text);

    struct Term {
        QString word;
        bool prefix = false;
    };
    static QList<Term> terms(const QString& text);
    // A passage of `text` around the first match of the terms, matched words between \x02 and
    // \x03, the way the index matches them (case and accents folded, simple English endings).
    // Built here rather than with FTS5's snippet(), which must seek the whole doclist of a common
    // word for every hit.
    static QString snippet(const QString& text, const QList<Term>& terms, int words = 16);

private:
    const Database& m_db;
};

} // namespace fwb
