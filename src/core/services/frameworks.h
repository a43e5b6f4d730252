#pragma once
// FrameworkService: inspection programmes and their question frameworks, and the forces and
// people they are about. Like DraftingService, each call is one audited transaction announced
// once committed. Nothing an inspector wrote is lost by an edit here: a question that holds
// findings, a judgment, evidence, figures or a document section cannot be removed, a graded
// question with judgments cannot be ungraded, and a programme with material cannot be deleted —
// the refusal says what is in the way.

#include "core/domain/types.h"
#include "core/util/result.h"

namespace fwb {

class Workbench;

class FrameworkService {
public:
    explicit FrameworkService(Workbench& workbench) : m_wb(workbench) {}

    // Codes and texts present, question codes unique, a year, a known kind and grade scale.
    static Status validate(const Programme& programme);

    // A new programme with its question tree; refused when the code is taken.
    Result<Programme> createProgramme(const Programme& programme);
    // Replaces an existing programme's details and question tree (questions are matched by code;
    // those no longer in the tree are removed, if they hold nothing).
    Result<Programme> saveProgramme(const Programme& programme);
    // A new programme with the framework (question tree, kind, grade scale) of an earlier one.
    Result<Programme> copyFramework(const QString& fromCode, const QString& code,
                                    const QString& title, int year);
    // The programme copyFramework would create (each question following the one it was copied
    // from), without writing it.
    Result<Programme> frameworkCopy(const QString& fromCode, const QString& code,
                                    const QString& title, int year) const;
    // Removes a programme that holds no material; returns it as it was.
    Result<Programme> deleteProgramme(const QString& code);

    Result<Force> saveForce(const Force& force);
    Result<Person> savePerson(const Person& person);
    // Removes a person no force or document names; returns them as they were.
    Result<Person> deletePerson(const QString& code);

private:
    Workbench& m_wb;
};

} // namespace fwb
