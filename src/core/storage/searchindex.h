#pragma once
// SearchIndex: the statements of full-text search (services/search.h). `search_index` (FTS5) holds
// every finding, judgment summary and document section, with tags naming where each belongs
// (migration 0003); beside it the same rows are partitioned by programme into contentless FTS5
// tables search_p0 … search_p15, a row in search_p<programme id % 16> (migration 0008). A search
// reads the partitions of the newest programmes first, so that bm25 reads the doclists of a
// partition and not those of the whole workbench.
//
// On a team workbench (PostgreSQL, migrations/postgresql/0002, 0003, 0008) search_index is one
// table of tsvectors under a GIN index, with the filters as columns, and no partitions: ts_rank
// reads only the candidates' own vectors. The same FTS5 expressions are accepted and translated
// into a tsquery and conditions on those columns (translateMatch); what cannot be translated is
// refused with a message, never passed on as SQL.

#include "core/util/result.h"

#include <QList>
#include <QString>

namespace fwb {

class Database;

class SearchIndex {
public:
    explicit SearchIndex(const Database& db) : m_db(db) {}

    static constexpr int kPartitions = 16;
    static int partitionOf(qint64 programmeId) { return int(programmeId % kPartitions); }
    static QString partitionTable(int partition);
    // The statement newestMatches runs on a partition: the rowids and bm25 ranks of the newest
    // rows matching an FTS5 expression (the first value), at most the second (for benchmarks to run
    // the same one directly).
    static QString newestMatchesSql(int partition);

    struct Partition {
        int number = 0;
        int newestYear = 0; // of the programmes in it
        int programmes = 0;
    };
    // The partitions that hold a programme, the newest programme's first; none in a workbench of
    // an older schema (opened read-only, so not migrated), where search_index alone is read.
    Result<QList<Partition>> partitions() const;
    // The id of a programme or force by its code; -1 when there is none.
    Result<qint64> programmeId(const QString& code) const;
    Result<qint64> forceId(const QString& code) const;

    struct Candidate {
        qint64 rowid = 0;
        double rank = 0; // bm25 within the partition: lower is better
    };
    // The newest `limit` rows of one partition that match `match`, an FTS5 expression.
    Result<QList<Candidate>> newestMatches(int partition, const QString& match, int limit) const;
    // How many of them there are, without ranking them (no doclist is read beyond them).
    Result<int> countNewestMatches(int partition, const QString& match, int limit) const;
    // The newest `limit` rows of the whole index that match, ranked by bm25 over all of it.
    Result<QList<Candidate>> newestMatchesEverywhere(const QString& match, int limit) const;
    static QString newestMatchesEverywhereSql();

    // Where an indexed row lives and what it says. The FTS rowid encodes the source: id * 4 + 1
    // finding, + 2 judgment, + 3 section.
    struct Row {
        qint64 rowid = 0;
        QString findingUid, findingKind, sectionUid, sectionKind, documentUid, status;
        QString programme, force, question;
        QString text, title;
    };
    // A row for each rowid, in one statement; its fields are empty where the record is gone.
    Result<QList<Row>> rows(const QList<qint64>& rowids) const;

    // An FTS5 expression as a team workbench runs it: the tsquery text for
    // to_tsquery('fwb_search', …) and conditions on the filter columns. Accepted: words and
    // "phrases", a trailing * for a prefix, AND (or nothing between), OR, NOT, parentheses, and
    // the column filters {title body}, title, body and tags (whose zp/zf/zk/zs/zt tokens become
    // conditions on programme, force, kind, status and type). Anything else is refused (Invalid).
    struct Translated {
        QString tsquery;
        QList<std::pair<QString, qint64>> filters; // column, value
    };
    static Result<Translated> translateMatch(const QString& match);

    // How many rows the index holds (each finding, judgment and section has one).
    Result<qint64> count() const;

private:
    const Database& m_db;
};

} // namespace fwb
