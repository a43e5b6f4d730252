#pragma once
// ReviewRepository: rounds of the factual accuracy check with what each sent, revisions of text,
// and the lifecycle's history. Written only by the services, inside their transactions.

#include "core/storage/referencerepository.h"

namespace fwb {

class ReviewRepository {
public:
    explicit ReviewRepository(Database& db) : m_db(db) {}

    // Rounds of a document, oldest first, without their items.
    QList<ReviewRound> rounds(const QString& documentUid) const;
    // One round with its items in the order they were sent.
    std::optional<ReviewRound> round(const QString& uid) const;
    // The newest round of a document (open or not), with its items.
    std::optional<ReviewRound> latestRound(const QString& documentUid) const;
    Result<Id> insertRound(const ReviewRound& round);
    Status closeRound(const QString& uid, const QString& at);

    QList<Revision> revisions(const QString& entity, const QString& key) const;
    std::optional<Revision> revision(const QString& entity, const QString& key, int number) const;
    // Appends a revision numbered one after the last; returns its number.
    Result<int> addRevision(const Revision& revision);
    // Brings the text of a revision up to date (a run of typing kept as one revision).
    Status updateRevision(const QString& entity, const QString& key, int number,
                          const QString& text);

    QList<StatusChange> statusChanges(const QString& entity, const QString& key) const;
    Status addStatusChange(const StatusChange& change);

private:
    QList<ReviewItem> items(Id roundId) const;
    std::optional<ReviewRound> roundWhere(const QString& where, const QVariant& value) const;
    Database& m_db;
};

} // namespace fwb
