#pragma once
// Domain types: plain values read from and written to a workbench. Ids are database row ids
// (0 = not stored yet); codes and uids are the stable names used in files and by `fwb`.

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace fwb {

using Id = qint64;
// The version a save states it read (see core/services/versions.h): the save is refused as Stale
// when the row has been changed since. Without one, the save is made over whatever is stored.
using IfVersion = std::optional<qint64>;

// Codes (of programmes, forces, regions, people, grade scales, grades, questions) and uids (of
// documents, sections, findings, evidence, metrics, review notes and responses) name records on
// the command line, in interchange files and in the names of files the program writes. One rule
// for all of them: 1 to MaxCodeLength characters, ASCII letters, digits, '-', '.' and '_', the
// first a letter or digit, and no "..". Anything else (a '/', '\\', space, control character,
// a leading dot) is refused where a code or uid comes in; records stored before the rule still
// open, and file names are made from them by fileSlug (io/filenames.h).
constexpr int MaxCodeLength = 100;
// What is wrong with `code` as a code or uid, in words ("contains \"/\""), or an empty string
// when it is a valid one.
QString codeProblem(const QString& code);
inline bool isValidCode(const QString& code)
{
    return codeProblem(code).isEmpty();
}
// The rule in words, for messages: "use letters a-z and A-Z, digits, '-', '.' and '_', …".
QString codeRule();
// The message for a refused code or uid: `what` "a/b" is not valid: it contains "/" (use …).
// Control characters in it are shown as \n, \t, \u0000, so the message stays on one line.
QString invalidCodeMessage(const QString& what, const QString& code);

// The lifecycle shared by judgments, findings and documents.
inline const QStringList& statuses()
{
    static const QStringList s{QStringLiteral("draft"),    QStringLiteral("ready"),
                               QStringLiteral("sent"),     QStringLiteral("responded"),
                               QStringLiteral("amended"),  QStringLiteral("final"),
                               QStringLiteral("published")};
    return s;
}

inline const QStringList& findingKinds()
{
    static const QStringList k{QStringLiteral("strength"), QStringLiteral("area_for_improvement"),
                               QStringLiteral("cause_of_concern"), QStringLiteral("recommendation"),
                               QStringLiteral("observation")};
    return k;
}

// "area_for_improvement" → "Area for improvement"
QString findingKindLabel(const QString& kind);
QString findingKindPluralLabel(const QString& kind);

struct Region {
    Id id = 0;
    QString code, name;
};

struct Person {
    Id id = 0;
    QString code, name, title, postNominals, post, greeting, addressName;
    QString forceCode; // empty when none
};

struct Force {
    Id id = 0;
    QString code, name, shortName, regionCode, regionName,
        style; // style: constabulary|force|service
    QString chiefOfficerCode;
    // "the constabulary", "the force", "the service"
    QString styleNoun() const { return QStringLiteral("the ") + style; }
};

struct Grade {
    Id id = 0;
    QString code, label, definition;
    int rank = 0; // 1 is best
};

struct GradeScale {
    Id id = 0;
    QString code, name;
    QList<Grade> grades;
};

struct Question {
    Id id = 0;
    Id parentId = 0;
    QString code, text, shortTitle;
    int position = 0;
    int depth = 0; // 0 for top-level
    bool graded = false;
    // The question of an earlier programme this one continues ("peel-effectiveness-2015/Q2"),
    // and whether grades on the two can be compared.
    QString follows;
    bool comparable = true;
    QList<Question> children;
    QString label() const { return shortTitle.isEmpty() ? text : shortTitle; }
};

// The question with this code anywhere in a tree; nullptr when there is none.
const Question* findQuestion(const QList<Question>& questions, const QString& code);

struct Programme {
    Id id = 0;
    QString code, title, shortTitle, kind, gradeScaleCode, fieldwork, published;
    int year = 0;
    QList<Question> questions; // the tree
    QString label() const { return shortTitle.isEmpty() ? title : shortTitle; }
};

struct Judgment {
    Id id = 0;
    QString programmeCode, forceCode, questionCode, gradeCode, gradeLabel;
    int gradeRank = 0;
    QString summary, overview, status = QStringLiteral("draft"), updatedAt;
    bool firstYearGraded = false;
    qint64 version = 0; // as read (see core/services/versions.h); 0 when not read from a row
};

struct Finding {
    Id id = 0;
    QString uid, programmeCode, forceCode, questionCode, kind, text;
    QString status = QStringLiteral("draft"), updatedAt;
    int position = 0;
    QStringList evidenceUids;
    qint64 version = 0;
};

struct Stratum {
    QString label;
    int size = 0;
};

struct Measure {
    QString label;
    int count = 0;
    std::optional<int> base;
    QString baseLabel;
};

struct EvidenceSample {
    Id id = 0;
    QString uid, programmeCode, forceCode, questionCode, label, method, population, description;
    std::optional<int> sampleSize;
    int position = 0;
    QList<Stratum> strata;
    QList<Measure> measures;
    qint64 version = 0; // the sample's, its strata and measures included
};

struct Metric {
    Id id = 0;
    QString uid, programmeCode, forceCode, questionCode, figure, name, measure, period, unit,
        source, note;
    double forceValue = 0;
    std::optional<double> nationalValue;
    int position = 0;
    qint64 version = 0;
};

struct Section {
    Id id = 0;
    QString uid, kind, title, body, questionCode, findingKind, figure;
    int position = 0;
    QList<Section> children;
    qint64 version = 0;
};

struct Document {
    Id id = 0;
    QString uid, programmeCode, forceCode, kind, title, subtitle, status = QStringLiteral("draft");
    QString dated, embargo, senderCode, recipientCode, reference;
    QList<Section> sections;
    qint64 version = 0; // of the particulars; each section has its own
};

struct ReviewNote {
    Id id = 0;
    QString uid, target, author, body, status = QStringLiteral("open"), answer;
    QString answeredBy, createdAt, resolvedAt;
    qint64 version = 0;
};

struct FaResponse {
    Id id = 0;
    QString uid, documentUid, reference, currentText, proposedChange, evidenceOffered, category,
        decision, reason;
    // Filled for responses imported into a round of the factual accuracy check.
    QString roundUid;
    QString target;   // what the reference stands for: finding:<uid>, judgment:<p>/<f>/<q>, …
    int formRow = 0;  // the row of the force's form it came from
    QString wording;  // the wording applied (accepted: the proposed change, perhaps edited)
    int revision = 0; // the revision the decision produced (0: none)
    QString decidedBy, decidedAt;
    qint64 version = 0;
};

// Factual accuracy response categories, as written in the form ("factual error") and stored.
inline const QStringList& responseCategories()
{
    static const QStringList c{QStringLiteral("factual_error"), QStringLiteral("typo"),
                               QStringLiteral("challenge_to_judgment"), QStringLiteral("other")};
    return c;
}
inline const QStringList& responseDecisions()
{
    static const QStringList d{QStringLiteral("accepted"), QStringLiteral("partly_accepted"),
                               QStringLiteral("rejected")};
    return d;
}

// One thing the force was sent, under the reference printed beside it.
struct ReviewItem {
    QString reference; // "F12", "J3", "P7"
    QString target; // finding:<uid>, judgment:<p>/<f>/<q>, overview:<p>/<f>/<q>, section:<uid>#<n>
    QString label;  // where it is: "Finding — Investigating crime", "Paragraph 2 of Introduction"
    QString text;   // the source text
    QString shown;  // as the force read it ({{fields}} filled)
};

// A round of the factual accuracy check: what was sent, when, and whether it is closed.
struct ReviewRound {
    Id id = 0;
    QString uid, documentUid;
    int number = 0;
    QString sentAt, sentBy, closedAt;
    QList<ReviewItem> items;
    bool isOpen() const { return closedAt.isEmpty(); }
};

// The text of a finding, judgment summary or overview, or section, as it stood at one revision.
struct Revision {
    QString entity, key; // "finding" + uid, "judgment"/"overview" + p/f/q, "section" + uid
    int number = 0;
    QString text, reason, actor, at;
};

// Follow-up of an earlier area for improvement, cause of concern or recommendation.
inline const QStringList& followUpStatuses()
{
    static const QStringList s{QStringLiteral("open"), QStringLiteral("progress"),
                               QStringLiteral("completed"), QStringLiteral("superseded")};
    return s;
}
// The kinds of finding that are followed up in later inspections.
inline bool isFollowedUp(const QString& kind)
{
    return kind == QLatin1String("area_for_improvement") ||
           kind == QLatin1String("cause_of_concern") || kind == QLatin1String("recommendation");
}

// How a later inspection found an earlier finding.
struct FollowUp {
    QString findingUid;    // the earlier finding
    QString programmeCode; // the later inspection
    int year = 0;          // that inspection's year
    QString status;        // open, progress, completed, superseded
    QString evidenceUid;   // the later finding that says so
    QString note, actor, at;
};

struct StatusChange {
    QString entity, key, from, to, reason, actor, at;
};

struct AuditEntry {
    Id id = 0;
    QString at, actor, action, entity, entityKey, before, after;
};

} // namespace fwb
