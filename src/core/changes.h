#pragma once
// Typed change records: what one committed transaction changed, told precisely enough that a view
// can update the rows concerned in place (dataChanged / insert / remove / move) instead of
// reloading. Workbench::changed carries one ChangeSet per commit. The records are plain values
// and serialise to JSON, so the same records can travel to other people's windows.

#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace fwb {

// The kind of record a change is about.
enum class EntityKind {
    Region,
    Force,
    Person,
    Programme,   // a programme's particulars, grade scales and question tree
    Question,    // one question of a programme
    Judgment,    // uids: "programme/force/question"
    Finding,     // uids: finding uids
    Evidence,    // uids: evidence sample uids
    Metric,      // uids: metric uids
    Document,    // uids: document uids
    Section,     // uids: section uids; place.programme/force: the document's
    ReviewNote,  // uids: note uids
    ReviewRound, // uids: round uids
    Response,    // uids: response uids
    FollowUp,    // uids: the earlier finding's uid
    Revision,    // a text revision was recorded; uids as the entity it belongs to
    Everything,  // the whole workbench may have changed (an import, a reopened file)
};

enum class ChangeOp {
    Added,   // the records named are new
    Changed, // the records named changed (see RecordChange::wordingOnly)
    Removed, // the records named are gone
    Moved,   // the records named changed place or order (place: where they are now)
};

// Where the records are: the programme, force and question (empty where not known or not
// applicable). A finding moved to another question has place = its new question and from = the
// old one.
struct Place {
    QString programme, force, question;
    bool operator==(const Place&) const = default;
    bool isEmpty() const { return programme.isEmpty() && force.isEmpty() && question.isEmpty(); }
};

struct RecordChange {
    EntityKind kind = EntityKind::Everything;
    ChangeOp op = ChangeOp::Changed;
    // The uids of the records (see EntityKind). Empty: some records of this kind at `place`
    // changed, which ones is not said (views reload what they show of that kind there).
    QStringList uids;
    Place place;
    Place from; // for Moved: where the records were
    // Only wording changed: no count, kind, grade, status, order or place. A view that shows
    // no text of these records has nothing to do.
    bool wordingOnly = false;

    bool operator==(const RecordChange&) const = default;
    bool isPrecise() const { return !uids.isEmpty(); }
};

class ChangeSet {
public:
    ChangeSet() = default;
    ChangeSet(std::initializer_list<RecordChange> changes) : m_changes(changes) {}
    static ChangeSet everything();

    void add(RecordChange c);
    void add(EntityKind kind, ChangeOp op, const QStringList& uids, const Place& place = {},
             bool wordingOnly = false);
    void append(const ChangeSet& other);

    const QList<RecordChange>& changes() const { return m_changes; }
    bool isEmpty() const { return m_changes.isEmpty(); }
    // True when a view must reload everything it shows (an import, a reopened file).
    bool isEverything() const;
    // True when any change is about `kind` (or the set is everything).
    bool touches(EntityKind kind) const;
    // True when any change touches one of `kinds` (or the set is everything).
    bool touchesAny(std::initializer_list<EntityKind> kinds) const;
    // True when every change is of wording only.
    bool wordingOnly() const;
    // The changes about `kind`, in order.
    QList<RecordChange> of(EntityKind kind) const;

    QJsonObject toJson() const;
    static Result<ChangeSet> fromJson(const QJsonObject& json);

    bool operator==(const ChangeSet&) const = default;

private:
    QList<RecordChange> m_changes;
};

// Stable names used in the JSON form: "finding", "added", …
QString entityKindName(EntityKind kind);
std::optional<EntityKind> entityKindFromName(const QString& name);
QString changeOpName(ChangeOp op);
std::optional<ChangeOp> changeOpFromName(const QString& name);

// One line for a log: "finding changed (wording) F-1, F-2 at peel-2015/lancashire/q1".
QString describe(const RecordChange& change);
QString describe(const ChangeSet& changes);

} // namespace fwb

Q_DECLARE_METATYPE(fwb::ChangeSet)
