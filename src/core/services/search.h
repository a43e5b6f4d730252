#pragma once
// SearchService: ranked full-text search over findings, judgment summaries and document sections
// (the FTS5 table `search_index`, kept in step by triggers). A person's words become an FTS5 query
// of quoted terms, the last one a prefix so that results follow the typing; operators typed by a
// person are treated as words, so no input is a syntax error.

#include "util/result.h"

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
    QString key;           // finding uid, section uid, or "programme/force/question" for a judgment
    QString programme, force, question;
    QString kind;          // the finding's kind, the section's kind
    QString status;
    QString title;         // the section's title, or empty
    QString documentUid;   // for a section
    QString snippet;       // the matching passage; matched words between \x02 and \x03
    double rank = 0;       // bm25: lower is better
    QString typeName() const;
    // The snippet with the matched words marked as `open`…`close` (e.g. "**", or HTML after escaping).
    QString markedSnippet(const QString& open, const QString& close, bool htmlEscape = false) const;
};

class SearchService {
public:
    explicit SearchService(const Database& db) : m_db(db) {}

    // Empty (or only punctuation) text gives no hits and no error.
    Result<QList<SearchHit>> search(const QString& text, const SearchFilter& filter = {}) const;

    // "unattended crime" → "\"unattended\" \"crime\"*" ; an empty string when there are no words.
    static QString ftsQuery(const QString& text);

private:
    const Database& m_db;
};

} // namespace fwb
