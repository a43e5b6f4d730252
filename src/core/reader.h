#pragma once
// Reader: the read-only face of an open workbench. The window and `fwb` read through it; they
// write only through a service (core/services/*), each write one audited transaction. It offers
// every read method of the repositories and nothing that writes, so a face holding a Reader cannot
// change the file by accident: a writer named here would not compile.
//
// Converting a face is mechanical:
//   wb.reference().programmes()      ->  wb.reader().programmes()
//   wb.drafts().finding(uid)         ->  wb.reader().finding(uid)
//   wb.documents().document(uid)     ->  wb.reader().document(uid)
//   wb.review().rounds(uid)          ->  wb.reader().rounds(uid)
//   wb.followUps().followUps(uid)    ->  wb.reader().followUps(uid)
//   wb.audit().entries(…)/count()    ->  wb.reader().auditEntries(…)/auditCount()
//   wb.info(), wb.path(), wb.isReadOnly(), wb.database().damageWarning()  ->  the same on reader()
// (the method keeps its name and arguments; only the audit log's two are renamed). A read added
// to a repository is added here as a one-line forwarder. The house test (tests/house) refuses a
// face that reaches a repository itself (see its list of faces).
//
// A Reader is a small value (one reference to the Workbench); take one where it is needed with
// Workbench::reader(), and do not keep it beyond the Workbench.

#include "core/workbench.h"

namespace fwb {

class Reader {
public:
    explicit Reader(const Workbench& workbench) : m_wb(workbench) {}

    // ---- the file ----
    WorkbenchInfo info() const { return m_wb.info(); }
    const QString& path() const { return m_wb.path(); }
    bool isReadOnly() const { return m_wb.isReadOnly(); }
    QString readOnlyReason() const { return m_wb.database().readOnlyReason(); }
    // The warning for a damaged workbench (empty when it is sound).
    QString damageWarning() const { return m_wb.database().damageWarning(); }
    Result<QByteArray> exportJson(const ExportScope& scope = {}) const
    {
        return m_wb.exportJson(scope);
    }
    Result<QByteArray> exportCsv(const ExportScope& scope = {}) const
    {
        return m_wb.exportCsv(scope);
    }
    Status refuseOwnFile(const QString& target) const { return m_wb.refuseOwnFile(target); }

    // ---- reference data and frameworks (ReferenceRepository) ----
    QList<Region> regions() const { return m_wb.reference().regions(); }
    QList<Person> people() const { return m_wb.reference().people(); }
    std::optional<Person> person(const QString& code) const
    {
        return m_wb.reference().person(code);
    }
    QList<Force> forces() const { return m_wb.reference().forces(); }
    std::optional<Force> force(const QString& code) const { return m_wb.reference().force(code); }
    QList<GradeScale> gradeScales() const { return m_wb.reference().gradeScales(); }
    std::optional<GradeScale> gradeScale(const QString& code) const
    {
        return m_wb.reference().gradeScale(code);
    }
    QList<Programme> programmes() const { return m_wb.reference().programmes(); }
    std::optional<Programme> programme(const QString& code) const
    {
        return m_wb.reference().programme(code);
    }
    QList<Question> questionsFlat(const QString& programmeCode) const
    {
        return m_wb.reference().questionsFlat(programmeCode);
    }
    Result<Id> regionId(const QString& code) const { return m_wb.reference().regionId(code); }
    Result<Id> personId(const QString& code) const { return m_wb.reference().personId(code); }
    Result<Id> forceId(const QString& code) const { return m_wb.reference().forceId(code); }
    Result<Id> programmeId(const QString& code) const { return m_wb.reference().programmeId(code); }
    Result<Id> questionId(Id programmeId, const QString& programmeCode, const QString& code) const
    {
        return m_wb.reference().questionId(programmeId, programmeCode, code);
    }
    Result<Id> gradeId(const QString& programmeCode, const QString& codeOrLabel) const
    {
        return m_wb.reference().gradeId(programmeCode, codeOrLabel);
    }
    Result<QuestionHoldings> questionHoldings(Id questionId) const
    {
        return m_wb.reference().questionHoldings(questionId);
    }
    Result<qint64> programmeHoldings(const QString& programmeCode) const
    {
        return m_wb.reference().programmeHoldings(programmeCode);
    }
    Result<qint64> personReferences(const QString& personCode) const
    {
        return m_wb.reference().personReferences(personCode);
    }

    // ---- drafted material (DraftRepository) ----
    QList<Judgment> judgments(const QString& programmeCode, const QString& forceCode = {}) const
    {
        return m_wb.drafts().judgments(programmeCode, forceCode);
    }
    std::optional<Judgment> judgment(const QString& programmeCode, const QString& forceCode,
                                     const QString& questionCode) const
    {
        return m_wb.drafts().judgment(programmeCode, forceCode, questionCode);
    }
    QList<Finding> findings(const QString& programmeCode, const QString& forceCode = {},
                            const QString& questionCode = {}) const
    {
        return m_wb.drafts().findings(programmeCode, forceCode, questionCode);
    }
    std::optional<Finding> finding(const QString& uid) const { return m_wb.drafts().finding(uid); }
    QList<Finding> findingsOfKinds(const QString& programmeCode, const QString& forceCode,
                                   const QStringList& kinds, int limit = -1) const
    {
        return m_wb.drafts().findingsOfKinds(programmeCode, forceCode, kinds, limit);
    }
    QList<EvidenceSample> evidence(const QString& programmeCode,
                                   const QString& forceCode = {}) const
    {
        return m_wb.drafts().evidence(programmeCode, forceCode);
    }
    std::optional<EvidenceSample> evidenceSample(const QString& uid) const
    {
        return m_wb.drafts().evidenceSample(uid);
    }
    QList<Metric> metrics(const QString& programmeCode, const QString& forceCode = {}) const
    {
        return m_wb.drafts().metrics(programmeCode, forceCode);
    }
    std::optional<Metric> metric(const QString& uid) const { return m_wb.drafts().metric(uid); }
    QStringList forcesWithMaterial(const QString& programmeCode) const
    {
        return m_wb.drafts().forcesWithMaterial(programmeCode);
    }
    Result<QList<DraftRepository::GradedJudgment>>
    gradedJudgments(const QString& programmeCode) const
    {
        return m_wb.drafts().gradedJudgments(programmeCode);
    }
    QList<QuestionCounts> findingCounts(const QString& programmeCode,
                                        const QString& forceCode) const
    {
        return m_wb.drafts().findingCounts(programmeCode, forceCode);
    }
    QList<DraftRepository::ForceKindCount> forceFindingCounts(const QString& programmeCode) const
    {
        return m_wb.drafts().forceFindingCounts(programmeCode);
    }
    QList<FindingTally> findingTally(const QString& forceCode = {}) const
    {
        return m_wb.drafts().findingTally(forceCode);
    }
    Result<int> countFindings(const QStringList& kinds, const QStringList& forceCodes = {}) const
    {
        return m_wb.drafts().countFindings(kinds, forceCodes);
    }
    Result<int> findingCount(const QString& programmeCode, const QString& forceCode,
                             const QString& questionCode) const
    {
        return m_wb.drafts().findingCount(programmeCode, forceCode, questionCode);
    }

    // ---- documents, review notes, factual accuracy responses (DocumentRepository) ----
    QList<Document> documents(const QString& programmeCode = {},
                              const QString& forceCode = {}) const
    {
        return m_wb.documents().documents(programmeCode, forceCode);
    }
    // The documents of one kind ("letter", "report") of a programme, of one force or of every one.
    QList<Document> documentsOfKind(const QString& programmeCode, const QString& kind,
                                    const QString& forceCode = {}) const
    {
        return m_wb.documents().documentsOfKind(programmeCode, kind, forceCode);
    }
    // The one document of a kind for a programme and force: NotFound when there is none, Invalid
    // (naming their uids) when there are several.
    Result<Document> findDocument(const QString& programmeCode, const QString& forceCode,
                                  const QString& kind) const
    {
        return m_wb.documents().findDocument(programmeCode, forceCode, kind);
    }
    std::optional<Document> document(const QString& uid) const
    {
        return m_wb.documents().document(uid);
    }
    Result<QStringList> forcesWithPublishedDocument(const QString& programmeCode) const
    {
        return m_wb.documents().forcesWithPublishedDocument(programmeCode);
    }
    QList<ReviewNote> reviewNotes() const { return m_wb.documents().reviewNotes(); }
    std::optional<ReviewNote> reviewNote(const QString& uid) const
    {
        return m_wb.documents().reviewNote(uid);
    }
    QList<FaResponse> responses(const QString& documentUid = {}) const
    {
        return m_wb.documents().responses(documentUid);
    }
    QList<FaResponse> roundResponses(const QString& roundUid) const
    {
        return m_wb.documents().roundResponses(roundUid);
    }
    std::optional<FaResponse> response(const QString& uid) const
    {
        return m_wb.documents().response(uid);
    }
    std::optional<QString> documentOfSection(const QString& sectionUid) const
    {
        return m_wb.documents().documentOfSection(sectionUid);
    }

    // ---- the factual accuracy check, revisions, lifecycle (ReviewRepository) ----
    QList<ReviewRound> rounds(const QString& documentUid) const
    {
        return m_wb.review().rounds(documentUid);
    }
    std::optional<ReviewRound> round(const QString& uid) const { return m_wb.review().round(uid); }
    std::optional<ReviewRound> latestRound(const QString& documentUid) const
    {
        return m_wb.review().latestRound(documentUid);
    }
    QList<Revision> revisions(const QString& entity, const QString& key) const
    {
        return m_wb.review().revisions(entity, key);
    }
    std::optional<Revision> revision(const QString& entity, const QString& key, int number) const
    {
        return m_wb.review().revision(entity, key, number);
    }
    QList<StatusChange> statusChanges(const QString& entity, const QString& key) const
    {
        return m_wb.review().statusChanges(entity, key);
    }

    // ---- follow-ups (FollowUpRepository) ----
    QList<FollowUp> followUps(const QString& findingUid = {}) const
    {
        return m_wb.followUps().followUps(findingUid);
    }
    QHash<QString, std::pair<QString, QString>> assessedFindings() const
    {
        return m_wb.followUps().assessedFindings();
    }

    // ---- the audit log (AuditLog) ----
    QList<AuditEntry> auditEntries(const QString& entity = {}, const QString& key = {},
                                   int limit = 500) const
    {
        return m_wb.audit().entries(entity, key, limit);
    }
    qint64 auditCount() const { return m_wb.audit().count(); }

private:
    const Workbench& m_wb;
};

} // namespace fwb
