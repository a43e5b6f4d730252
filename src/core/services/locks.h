#pragma once
// LockRule: what may not be changed because it has been published, in one place. Every service
// that writes (drafting, frameworks, documents, follow-ups, the review's own text changes) and
// every import and ingest asks here before it changes anything, so the rule cannot differ by
// route:
//
//   - A published finding, judgment or document is locked.
//   - While any document of a programme and force is published, that force's findings,
//     judgments, evidence samples and figures in the programme are locked: the published
//     document shows them (adding one there is a change too).
//   - While any document of a programme is published, the programme's framework — its questions
//     and its own particulars — is locked.
//
// A refusal names the item and how to reopen what locks it (Review ▸ Reopen, or
// `fwb review move FILE --document … --to amended --reason …`). What is only repeated unchanged
// is never refused; callers ask only about what would change.

#include "core/domain/types.h"
#include "core/util/result.h"

#include <QHash>
#include <optional>

namespace fwb {

class Database;

// One refusal, in parts, so that an import can list many under one heading.
struct Lock {
    QString item; // what would change: finding "lancs-2014-f-01"
    QString reason; // why it is locked: "it is published" / "“Core business” (lancs-2014-letter) is
                    // published and shows it"
    QString also;   // a published document that shows a published item: “Core business”
                    // (lancs-2014-letter)
    QString reopen; // how to unlock it: the command that reopens what locks it
    Error::Code code = Error::Code::Conflict; // Damaged when the workbench could not say
    // The whole sentence: "<item> is published and locked; reopen it first, with a reason (…)".
    QString message() const;
    Error error() const;
};

class LockRule {
public:
    // Reads which documents are published as they are asked about. With `snapshot`, reads them
    // all at once: an import asks its questions as it writes, and what it writes itself (a
    // document coming in as published) must not lock or unlock the rest of it.
    explicit LockRule(Database& database, bool snapshot = false);

    // Why changing this would be refused (nothing when it may change): the record as it stands
    // now, before the change.
    std::optional<Lock> finding(const Finding& finding) const;
    std::optional<Lock> judgment(const Judgment& judgment) const;
    std::optional<Lock> document(const Document& document) const;
    // A force's material in a programme: a finding or judgment added, an evidence sample or a
    // figure added, changed or removed. `item` names it ("evidence sample \"Crime files\"").
    std::optional<Lock> place(const QString& programmeCode, const QString& forceCode,
                              const QString& item) const;
    // A programme's particulars or questions. `item` names it ("question core-business-2014/Q1").
    std::optional<Lock> framework(const QString& programmeCode, const QString& item) const;

    // The same, as a Status for a service to return.
    Status refuseFinding(const Finding& f) const { return asStatus(finding(f)); }
    Status refuseJudgment(const Judgment& j) const { return asStatus(judgment(j)); }
    Status refuseDocument(const Document& d) const { return asStatus(document(d)); }
    Status refusePlace(const QString& programmeCode, const QString& forceCode,
                       const QString& item) const
    {
        return asStatus(place(programmeCode, forceCode, item));
    }
    Status refuseFramework(const QString& programmeCode, const QString& item) const
    {
        return asStatus(framework(programmeCode, item));
    }

    static QString findingName(const QString& uid);
    static QString judgmentName(const QString& programmeCode, const QString& forceCode,
                                const QString& questionCode);
    static QString judgmentKey(const QString& programmeCode, const QString& forceCode,
                               const QString& questionCode);

private:
    struct Published {
        QString uid, title;
    };
    static Status asStatus(const std::optional<Lock>& lock)
    {
        return lock ? Status(lock->error()) : Status();
    }
    // The first published document of a programme (and force, when given), if any.
    Result<std::optional<Published>> publishedIn(const QString& programmeCode,
                                                 const QString& forceCode) const;
    static Lock byDocument(const QString& item, const Published& d, const QString& shows);
    static std::optional<Lock> unreadable(const QString& item, const Error& e);
    std::optional<Lock> item(const QString& item, bool published, const QString& option,
                             const QString& key, const QString& programmeCode,
                             const QString& forceCode) const;

    Database& m_db;
    bool m_snapshot;
    QString m_snapshotFailure;
    // "programme/force" (force empty: any force) → the published document there, if any.
    mutable QHash<QString, std::optional<Published>> m_known;
};

// What a change of a programme changes, by name, in the framework's terms: its particulars
// ("programme \"core-business-2014\" (its particulars)") and each question added, removed,
// reworded or moved ("question core-business-2014/Q1"). Empty when nothing changes.
QStringList frameworkChanges(const Programme& before, const Programme& after);

// Status history for material that arrives with a status rather than moving through the
// lifecycle (an import, an ingest): recorded as a move from nothing, with where it came from.
// Draft material has not moved anywhere and gets no row.
Status recordArrival(Database& database, const QString& entity, const QString& key,
                     const QString& status, const QString& from, const QString& actor);

} // namespace fwb
