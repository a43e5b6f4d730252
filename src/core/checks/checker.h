#pragma once
// The consistency checker: reads every finding, judgment summary and narrative section of one
// force in one programme the way a careful reviewer does, and says what does not hold — counts
// against the evidence samples they cite, figures against the metrics table, grade words against
// the recorded judgment, another force's name pasted in, periods and dates, the overview and the
// chapter telling two stories, and what is missing. Every rule is explained in docs/checks.md.
//
// The rules are pure functions over a CheckContext (plain values), so they run off the GUI
// thread and on one text as it is typed (checkText).

#include "core/domain/types.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

namespace fwb {
class Workbench;
}

namespace fwb::checks {

enum class Severity { Error, Warning, Info };
QString severityName(Severity s); // "error", "warning", "info"

struct Problem {
    QString rule; // stable id, e.g. "evidence.count"
    Severity severity = Severity::Error;
    QString entity; // finding, judgment, section, document, question, metric
    QString key;   // finding uid, "programme/force/question", section uid, document uid, metric uid
    QString field; // summary, overview, text, body, …
    QString programme, force, question;
    qsizetype start = -1, length = 0; // the words in the text the problem is about
    QString message;                  // for a person
    QString place() const;            // "finding lancs-2014-f-13", "judgment Q1 (summary)" …
};

struct CheckContext {
    Programme programme;
    Force force;
    QList<Force> otherForces;
    QList<Person> otherPeople; // people who belong to other forces
    QList<Question> questions; // flat
    QList<Judgment> judgments;
    QList<Finding> findings;
    QList<EvidenceSample> evidence;
    QList<Metric> metrics;
    QList<Document> documents;
    QList<Grade> grades;

    static Result<CheckContext> load(const Workbench& workbench, const QString& programme,
                                     const QString& force);
};

// Every rule over everything of the force in the programme.
QList<Problem> checkAll(const CheckContext& context);
// The text rules over one text (a finding's, a summary's) as it stands in an editor, with the
// same context; positions are within `text`.
QList<Problem> checkText(const CheckContext& context, const QString& entity, const QString& key,
                         const QString& question, const QString& text,
                         const QStringList& evidenceUids = {});

// The rule ids with a one-line description, for documentation and `fwb check --rules`.
QList<std::pair<QString, QString>> rules();

} // namespace fwb::checks
