#pragma once
// DocumentRepository: letters and reports as section trees, review notes and factual accuracy
// responses.

#include "core/storage/referencerepository.h"

namespace fwb {

class Query;

class DocumentRepository {
public:
    explicit DocumentRepository(Database& db) : m_db(db), m_ref(db) {}

    QList<Document> documents(const QString& programmeCode = {},
                              const QString& forceCode = {}) const;
    std::optional<Document> document(const QString& uid) const;
    // The documents of one kind ("letter", "report") of a programme, of one force or of every
    // force when forceCode is empty, in the order of documents().
    QList<Document> documentsOfKind(const QString& programmeCode, const QString& kind,
                                    const QString& forceCode = {}) const;
    // The one document of a kind for a programme and force: NotFound when there is none, Invalid
    // (naming their uids) when there are several.
    Result<Document> findDocument(const QString& programmeCode, const QString& forceCode,
                                  const QString& kind) const;
    // Codes of the forces with a published document (letter or report) in a programme.
    Result<QStringList> forcesWithPublishedDocument(const QString& programmeCode) const;
    QList<ReviewNote> reviewNotes() const;
    std::optional<ReviewNote> reviewNote(const QString& uid) const;
    QList<FaResponse> responses(const QString& documentUid = {}) const;
    // The responses of one round of the factual accuracy check, in the order of the force's form.
    QList<FaResponse> roundResponses(const QString& roundUid) const;
    std::optional<FaResponse> response(const QString& uid) const;

    // Writes the document and replaces its section tree with the one given.
    Result<Upserted> upsertDocument(const Document& d);
    // The uid of the document a section belongs to.
    std::optional<QString> documentOfSection(const QString& sectionUid) const;
    // Removes a document with its sections.
    Status removeDocument(const QString& uid);
    // Writes a document's particulars (title … reference), leaving its sections alone.
    Status updateParticulars(const Document& d);
    // Writes one section's text, leaving the tree alone.
    Status updateSectionBody(const QString& sectionUid, const QString& body);
    Result<Upserted> upsertReviewNote(const ReviewNote& n);
    Result<Upserted> upsertResponse(const FaResponse& r);

private:
    static FaResponse responseFrom(const Query& query);
    QList<Section> sections(Id documentId) const;
    Status insertSections(Id documentId, Id programmeId, const QString& programmeCode, Id parentId,
                          const QList<Section>& sections);
    Database& m_db;
    ReferenceRepository m_ref;
};

class AuditLog {
public:
    explicit AuditLog(Database& db) : m_db(db) {}
    Status append(const QString& actor, const QString& action, const QString& entity,
                  const QString& key, const QString& before, const QString& after);
    QList<AuditEntry> entries(const QString& entity = {}, const QString& key = {},
                              int limit = 500) const;
    qint64 count() const;
    Database& database() const { return m_db; }

private:
    Database& m_db;
};

} // namespace fwb
