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

#include <optional>

namespace fwb {

// The kind of record a change is about, and what its uids are.
enum class EntityKind {
    Region,      // uids: region codes
    Force,       // uids: force codes
    Person,      // uids: person codes
    Programme,   // uids: programme codes; its particulars and grade scale (questions: Question)
    Question,    // uids: question codes; place.programme: their programme
    Judgment,    // uids: "programme/force/question"; place: that question
    Finding,     // uids: finding uids; place: their question
    Evidence,    // uids: evidence sample uids; place: programme, force (and question, if any)
    Metric,      // uids: metric uids; place: programme, force (and question, if any)
    Document,    // uids: document uids; place: programme and force. Sections come and go with
                 // their document and are not listed when a whole document is added or removed.
    Section,     // uids: section uids; place: the document's programme, force and uid
    ReviewNote,  // uids: note uids; place: where the note's target is
    ReviewRound, // uids: round uids; place: the document's
    Response,    // uids: response uids; place: the document's
    FollowUp,    // uids: the earlier finding's uid; place: the later programme and the force
    Revision,    // a text revision was kept; uids: review targets ("finding:<uid>",
                 // "judgment:<p>/<f>/<q>", "overview:<p>/<f>/<q>", "section:<uid>")
    Everything,  // the whole workbench may have changed (an import, a reopened file)
};

enum class ChangeOp {
    Added,   // the records named are new (with any children: a section's subsections)
    Changed, // the records named changed (see RecordChange::wordingOnly)
    Removed, // the records named are gone (a section: with its subsections, all named)
    Moved,   // the records named changed place or order (place: where they are now, from: where
             // they were). Siblings that close up or make room are not named: their order
             // follows from the move. An added or removed finding shifts its siblings the same way.
};

// Where the records are: the programme, force and question, and for sections the document
// (empty where not known or not applicable). A finding moved to another question has place = its
// new question and from = the old one.
struct Place {
    QString programme, force, question;
    QString document; // a section's document
    bool operator==(const Place&) const = default;
    bool isEmpty() const
    {
        return programme.isEmpty() && force.isEmpty() && question.isEmpty() && document.isEmpty();
    }
};

struct RecordChange {
    EntityKind kind = EntityKind::Everything;
    ChangeOp op = ChangeOp::Changed;
    // The uids of the records (see EntityKind). Empty: some records of this kind at `place`
    // changed, which ones is not said (views reload what they show of that kind there).
    QStringList uids;
    Place place;
    Place from; // for Moved: where the records were
    // Only wording changed: a finding's text, a judgment's summary or overview, a section's
    // body; no count, kind, grade, status, title, order or place. A view that shows no text of
    // these records has nothing to do.
    bool wordingOnly = false;

    bool operator==(const RecordChange&) const = default;
    bool isPrecise() const { return !uids.isEmpty(); }
};

class ChangeSet {
public:
    ChangeSet() = default;
    ChangeSet(std::initializer_list<RecordChange> changes) : m_changes(changes) {}
    static ChangeSet everything();

    // A change the same as one already in the set but for its uids (same kind, operation,
    // places and wording) is merged into it; uids already named are not named twice.
    void add(RecordChange c);
    void add(EntityKind kind, ChangeOp op, const QStringList& uids, const Place& place = {},
             bool wordingOnly = false);
    // A change of many records: past `limit` uids, the kind at `place` without uids (views
    // reload what they show of that kind there) rather than a list no view would walk.
    void addMany(EntityKind kind, ChangeOp op, const QStringList& uids, const Place& place,
                 qsizetype limit = kManyRecords);
    static constexpr qsizetype kManyRecords = 500;
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

    // Who made the changes and when (ISO 8601, UTC), as other people's windows will show them.
    // Workbench::notifyChanged fills them in when a set is announced without them.
    struct Origin {
        QString actor, at;
        bool operator==(const Origin&) const = default;
    };
    const Origin& origin() const { return m_origin; }
    void setOrigin(const Origin& origin) { m_origin = origin; }

    // {"format": "fwb-changes", "version": 1, "actor": …, "at": …, "changes": [{"kind":
    // "finding", "op": "moved", "uids": […], "place": {"programme", "force", "question",
    // "document"}, "from": {…}, "wording_only": true}, …]}; what is empty is left out.
    QJsonObject toJson() const;
    static Result<ChangeSet> fromJson(const QJsonObject& json);

    // The same changes, whoever made them and whenever: the origin is not compared.
    bool operator==(const ChangeSet& other) const { return m_changes == other.m_changes; }

private:
    QList<RecordChange> m_changes;
    Origin m_origin;
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
