#pragma once
// ReferenceRepository: regions, people, forces, grade scales, programmes and their question trees.
// Reads return plain values; writes insert or update by code and report what happened.

#include "core/domain/types.h"
#include "core/storage/database.h"

#include <optional>

namespace fwb {

struct Upserted {
    Id id = 0;
    bool inserted = false;
};

// What hangs on one question: it can leave its programme's tree only when all are zero.
struct QuestionHoldings {
    qint64 findings = 0, judgments = 0, evidence = 0, metrics = 0, sections = 0;
};

class ReferenceRepository {
public:
    explicit ReferenceRepository(Database& db) : m_db(db) {}

    QList<Region> regions() const;
    QList<Person> people() const;
    std::optional<Person> person(const QString& code) const;
    QList<Force> forces() const;
    std::optional<Force> force(const QString& code) const;
    QList<GradeScale> gradeScales() const;
    std::optional<GradeScale> gradeScale(const QString& code) const;
    QList<Programme> programmes() const;
    std::optional<Programme> programme(const QString& code) const;
    // Questions of a programme in tree order (depth-first), with depth set.
    QList<Question> questionsFlat(const QString& programmeCode) const;

    Result<Id> regionId(const QString& code) const;
    Result<Id> personId(const QString& code) const;
    Result<Id> forceId(const QString& code) const;
    Result<Id> programmeId(const QString& code) const;
    Result<Id> questionId(Id programmeId, const QString& programmeCode, const QString& code) const;
    // A grade of the programme's scale, by code or by label (case-insensitive).
    Result<Id> gradeId(const QString& programmeCode, const QString& codeOrLabel) const;

    Result<Upserted> upsertRegion(const Region& r);
    Result<Upserted> upsertPerson(const Person& p);
    Result<Upserted> upsertForce(const Force& f);
    Result<Upserted> upsertGradeScale(const GradeScale& s);
    Result<Upserted> upsertProgramme(const Programme& p);

    // What a question holds (findings, judgments, samples, figures, document sections).
    Result<QuestionHoldings> questionHoldings(Id questionId) const;
    // How many findings, judgments, samples, figures and documents a programme holds in all.
    Result<qint64> programmeHoldings(const QString& programmeCode) const;
    // How many forces (as chief officer) and documents (as sender or recipient) name a person.
    Result<qint64> personReferences(const QString& personCode) const;
    // Removal; the caller has checked that nothing hangs on what goes.
    Status removeQuestion(Id questionId, const QString& code);
    Status removeProgramme(const QString& code);
    Status removePerson(const QString& code);

private:
    Result<Id> idByCode(const char* table, const char* what, const QString& code) const;
    Status upsertQuestions(Id programmeId, Id parentId, const QList<Question>& questions);
    QList<Question> questionTree(Id programmeId) const;

    Database& m_db;
};

} // namespace fwb
