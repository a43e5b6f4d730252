// Typed change records: every kind and operation survives JSON, bad JSON is refused with a clear
// message, and each service write announces exactly the records it changed (kind, operation,
// uids, place, where from, wording only), once committed; a refused write announces nothing.

#include "core/changes.h"
#include "core/io/csv.h"
#include "core/services/documents.h"
#include "core/services/drafting.h"
#include "core/services/followups.h"
#include "core/services/frameworks.h"
#include "core/services/ingest.h"
#include "core/services/review.h"
#include "coretest.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace fwb;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

const QString kPeel = S("peel-effectiveness-2015");
const QString kCore = S("core-business-2014");
const QString kLancs = S("lancashire");
const QString kReport = S("lancs-2015-report");

constexpr EntityKind kAllKinds[] = {
    EntityKind::Region,      EntityKind::Force,    EntityKind::Person,   EntityKind::Programme,
    EntityKind::Question,    EntityKind::Judgment, EntityKind::Finding,  EntityKind::Evidence,
    EntityKind::Metric,      EntityKind::Document, EntityKind::Section,  EntityKind::ReviewNote,
    EntityKind::ReviewRound, EntityKind::Response, EntityKind::FollowUp, EntityKind::Revision,
    EntityKind::Everything,
};
constexpr ChangeOp kAllOps[] = {ChangeOp::Added, ChangeOp::Changed, ChangeOp::Removed,
                                ChangeOp::Moved};

Place at(const QString& question, const QString& programme = kPeel)
{
    return {programme, kLancs, question, {}};
}

RecordChange record(EntityKind kind, ChangeOp op, const QStringList& uids, const Place& place,
                    bool wordingOnly = false, const Place& from = {})
{
    return {kind, op, uids, place, from, wordingOnly};
}

// Watches a workbench's announcements.
class Announcements {
public:
    explicit Announcements(Workbench& wb) : m_spy(&wb, &Workbench::changed) {}
    int size() const { return int(m_spy.size()); }
    // The one announcement since the last call (failing when there were none or several).
    ChangeSet one()
    {
        INFO("announcements: " << m_spy.size());
        REQUIRE(m_spy.size() == 1);
        return m_spy.takeFirst().at(0).value<ChangeSet>();
    }
    void clear() { m_spy.clear(); }

private:
    QSignalSpy m_spy;
};

Finding firstFinding(Workbench& wb, const QString& question)
{
    const QList<Finding> all = wb.drafts().findings(kPeel, kLancs, question);
    REQUIRE_FALSE(all.isEmpty());
    return all.first();
}

// A question of the demo's PEEL programme holding at least two findings.
QString questionWithFindings(Workbench& wb, int atLeast)
{
    for (const Question& q : wb.reference().questionsFlat(kPeel))
        if (wb.drafts().findings(kPeel, kLancs, q.code).size() >= atLeast)
            return q.code;
    FAIL("no question with " << atLeast << " findings");
    return {};
}

QByteArray formWith(const ReviewRound& round, const QString& reference, const QString& proposed)
{
    QByteArray out = csv::formatRow({S("reference"), S("current text"), S("proposed change"),
                                     S("evidence offered"), S("category")});
    for (const ReviewItem& i : round.items)
        if (i.reference == reference)
            out += csv::formatRow({reference, i.shown, proposed, {}, S("typo")});
    return out;
}

// What a document's status move announces for the findings and judgments carried with it:
// each of those standing at `from`, in the order the service walks them.
ChangeSet carried(Workbench& wb, const QString& from)
{
    ChangeSet set;
    for (const Finding& f : wb.drafts().findings(kPeel, kLancs))
        if (f.status == from)
            set.add(EntityKind::Finding, ChangeOp::Changed, {f.uid}, at(f.questionCode));
    for (const Judgment& j : wb.drafts().judgments(kPeel, kLancs))
        if (j.status == from)
            set.add(EntityKind::Judgment, ChangeOp::Changed,
                    {kPeel + S("/lancashire/") + j.questionCode}, at(j.questionCode));
    return set;
}

} // namespace

// ---- the records themselves ---------------------------------------------------------------------

TEST_CASE("Change records: every kind and operation survives the JSON round trip", "[changes]")
{
    ChangeSet all;
    int n = 0;
    for (EntityKind kind : kAllKinds)
        for (ChangeOp op : kAllOps) {
            ++n;
            RecordChange c;
            c.kind = kind;
            c.op = op;
            c.uids = {S("uid-%1").arg(n), S("ünïcode “%1”").arg(n)};
            c.place = {kPeel, kLancs, S("Q%1").arg(n), n % 2 ? S("doc-%1").arg(n) : QString()};
            if (op == ChangeOp::Moved)
                c.from = {kCore, S("kent"), S("Q0"), {}};
            c.wordingOnly = op == ChangeOp::Changed && n % 3 == 0;
            all.add(c);
            // Each alone, and each name read back.
            const ChangeSet one{c};
            auto back = ChangeSet::fromJson(one.toJson());
            REQUIRE(back);
            CHECK(*back == one);
            CHECK(entityKindFromName(entityKindName(kind)) == kind);
            CHECK(changeOpFromName(changeOpName(op)) == op);
        }
    REQUIRE(all.changes().size() == std::size(kAllKinds) * std::size(kAllOps));
    all.setOrigin({S("an inspector"), S("2026-12-04T01:02:03.004Z")});
    auto back = ChangeSet::fromJson(all.toJson());
    REQUIRE(back);
    CHECK(*back == all);
    CHECK(back->origin() == all.origin());

    // A record naming no uids (some records of the kind at the place) and the empty set.
    const ChangeSet coarse{record(EntityKind::Finding, ChangeOp::Changed, {}, at({}))};
    CHECK(ChangeSet::fromJson(coarse.toJson()).value() == coarse);
    CHECK_FALSE(coarse.changes().front().isPrecise());
    CHECK(ChangeSet::fromJson(ChangeSet().toJson()).value().isEmpty());
    CHECK(ChangeSet::fromJson(ChangeSet::everything().toJson()).value().isEverything());

    // The JSON says what it is, in stable names, leaving out what is empty.
    const ChangeSet moved{
        record(EntityKind::Finding, ChangeOp::Moved, {S("F-1")}, at(S("Q2")), false, at(S("Q1")))};
    const QJsonObject json = moved.toJson();
    CHECK(json.value(S("format")).toString() == S("fwb-changes"));
    CHECK(json.value(S("version")).toInt() == 1);
    const QJsonObject c = json.value(S("changes")).toArray().at(0).toObject();
    CHECK(c.value(S("kind")).toString() == S("finding"));
    CHECK(c.value(S("op")).toString() == S("moved"));
    CHECK(c.value(S("uids")).toArray() == QJsonArray{S("F-1")});
    CHECK(c.value(S("place")).toObject().value(S("question")).toString() == S("Q2"));
    CHECK(c.value(S("from")).toObject().value(S("question")).toString() == S("Q1"));
    CHECK_FALSE(c.contains(S("wording_only")));
    CHECK_FALSE(c.value(S("place")).toObject().contains(S("document")));
}

TEST_CASE("Change records: JSON that is not a change record is refused with a clear message",
          "[changes]")
{
    const QJsonObject good =
        ChangeSet{record(EntityKind::Finding, ChangeOp::Added, {S("F-1")}, at(S("Q1")))}.toJson();
    auto refused = [](const QJsonObject& json, const char* expected) {
        auto r = ChangeSet::fromJson(json);
        INFO("expected: " << expected);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::Invalid);
        CHECK(r.error().message.contains(S(expected)));
    };
    auto withChange = [&](const char* key, const QJsonValue& value) {
        QJsonObject json = good;
        QJsonArray list = json.value(S("changes")).toArray();
        QJsonObject c = list.at(0).toObject();
        if (value.isUndefined())
            c.remove(S(key));
        else
            c.insert(S(key), value);
        list[0] = c;
        json.insert(S("changes"), list);
        return json;
    };
    QJsonObject wrongFormat = good;
    wrongFormat.insert(S("format"), S("fwb-interchange"));
    refused(wrongFormat, "\"format\" must be \"fwb-changes\"");
    QJsonObject noFormat = good;
    noFormat.remove(S("format"));
    refused(noFormat, "not a change record");
    refused(QJsonObject{}, "not a change record");
    QJsonObject later = good;
    later.insert(S("version"), 2);
    refused(later, "version 2 is not known");
    QJsonObject textVersion = good;
    textVersion.insert(S("version"), S("1"));
    refused(textVersion, "is not known");
    QJsonObject noList = good;
    noList.insert(S("changes"), S("finding added"));
    refused(noList, "\"changes\" must be a list");
    QJsonObject notObject = good;
    notObject.insert(S("changes"), QJsonArray{S("finding")});
    refused(notObject, "changes[0] must be an object");
    refused(withChange("kind", S("widget")), "changes[0].kind \"widget\" is not a kind of record");
    refused(withChange("kind", QJsonValue::Undefined), "is not a kind of record");
    refused(withChange("op", S("renamed")),
            "changes[0].op must be added, changed, removed or moved");
    refused(withChange("uids", S("F-1")), "changes[0].uids must be a list of strings");
    refused(withChange("uids", QJsonArray{S("F-1"), 2}),
            "changes[0].uids must be a list of strings");
    refused(withChange("uids", QJsonArray{QJsonObject{}}), "uids must be a list of strings");
    refused(withChange("place", S("Q1")), "changes[0].place must be an object");
    refused(withChange("place", QJsonObject{{S("force"), 7}}),
            "changes[0].place.force must be a string");
    refused(withChange("from", QJsonObject{{S("document"), true}}),
            "changes[0].from.document must be a string");
    refused(withChange("wording_only", S("yes")), "changes[0].wording_only must be true or false");
    QJsonObject numberActor = good;
    numberActor.insert(S("actor"), 3);
    refused(numberActor, "\"actor\" must be a string");
    // The good one still reads.
    CHECK(ChangeSet::fromJson(good));
}

TEST_CASE("Change records: like records are merged and a great many are named by kind and place",
          "[changes]")
{
    ChangeSet set;
    set.add(EntityKind::Finding, ChangeOp::Changed, {S("F-1")}, at(S("Q1")));
    set.add(EntityKind::Finding, ChangeOp::Changed, {S("F-2"), S("F-1")}, at(S("Q1")));
    set.add(EntityKind::Finding, ChangeOp::Changed, {S("F-3")}, at(S("Q2")));
    set.add(EntityKind::Finding, ChangeOp::Changed, {S("F-4")}, at(S("Q1")), true);
    CHECK(
        set ==
        ChangeSet{record(EntityKind::Finding, ChangeOp::Changed, {S("F-1"), S("F-2")}, at(S("Q1"))),
                  record(EntityKind::Finding, ChangeOp::Changed, {S("F-3")}, at(S("Q2"))),
                  record(EntityKind::Finding, ChangeOp::Changed, {S("F-4")}, at(S("Q1")), true)});
    CHECK_FALSE(set.wordingOnly());

    QStringList many;
    for (int i = 0; i <= ChangeSet::kManyRecords; ++i)
        many << S("F-%1").arg(i);
    ChangeSet big;
    big.addMany(EntityKind::Finding, ChangeOp::Changed, many, at({}));
    CHECK(big == ChangeSet{record(EntityKind::Finding, ChangeOp::Changed, {}, at({}))});
    ChangeSet few;
    few.addMany(EntityKind::Finding, ChangeOp::Changed, many.mid(0, 3), at({}));
    CHECK(few.changes().front().uids == many.mid(0, 3));
    ChangeSet none;
    none.addMany(EntityKind::Finding, ChangeOp::Changed, {}, at({}));
    CHECK(none.isEmpty());

    // What the log says of it.
    CHECK(describe(ChangeSet{record(EntityKind::Finding, ChangeOp::Moved, {S("F-1")}, at(S("Q2")),
                                    false, at(S("Q1")))}) ==
          S("finding moved F-1 at peel-effectiveness-2015/lancashire/Q2 from "
            "peel-effectiveness-2015/lancashire/Q1"));
    CHECK(describe(big).startsWith(S("finding changed at peel-effectiveness-2015/lancashire")));
}

// ---- what each service write announces --------------------------------------------------------

TEST_CASE("Typed changes: findings added, reworded, re-kinded, moved and deleted", "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    DraftingService drafting(*wb);
    const QString q = questionWithFindings(*wb, 2);
    Announcements seen(*wb);

    Finding f;
    f.programmeCode = kPeel;
    f.forceCode = kLancs;
    f.questionCode = q;
    f.kind = S("strength");
    f.text = S("A new strength.");
    auto added = drafting.addFinding(f);
    REQUIRE(added);
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Finding, ChangeOp::Added, {added->uid}, at(q))});

    Finding edit = *added;
    edit.text = S("A new strength, reworded.");
    REQUIRE(drafting.updateFinding(edit));
    const ChangeSet reworded = seen.one();
    // Announced with who made it and when.
    CHECK(reworded.origin().actor == Workbench::actor());
    CHECK(QDateTime::fromString(reworded.origin().at, Qt::ISODateWithMs).isValid());
    CHECK(reworded ==
          ChangeSet{record(EntityKind::Finding, ChangeOp::Changed, {added->uid}, at(q), true)});
    CHECK(reworded.wordingOnly());

    edit.kind = S("area_for_improvement");
    REQUIRE(drafting.updateFinding(edit));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Finding, ChangeOp::Changed, {added->uid}, at(q))});

    // Moved to the top of its own question, then to another question.
    REQUIRE(drafting.moveFinding(added->uid, {}, 1));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Finding, ChangeOp::Moved, {added->uid}, at(q),
                                         false, at(q))});
    QString other;
    for (const Question& each : wb->reference().questionsFlat(kPeel))
        if (each.code != q && other.isEmpty())
            other = each.code;
    REQUIRE(drafting.moveFinding(added->uid, other, 0));
    const ChangeSet moved = seen.one();
    CHECK(moved == ChangeSet{record(EntityKind::Finding, ChangeOp::Moved, {added->uid}, at(other),
                                    false, at(q))});
    CHECK_FALSE(moved.wordingOnly());

    REQUIRE(drafting.deleteFinding(added->uid));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Finding, ChangeOp::Removed, {added->uid}, at(other))});

    // Nothing to write: nothing announced.
    const Finding same = firstFinding(*wb, q);
    REQUIRE(drafting.updateFinding(same));
    REQUIRE(drafting.moveFinding(same.uid, {}, same.position));
    CHECK(seen.size() == 0);
}

TEST_CASE("Typed changes: a judgment's grade, its summary, a new judgment and a cleared one",
          "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    DraftingService drafting(*wb);
    Announcements seen(*wb);
    const QString uid = kPeel + S("/lancashire/Q1");

    Judgment j = *wb->drafts().judgment(kPeel, kLancs, S("Q1"));
    j.summary += S(" More.");
    REQUIRE(drafting.setJudgment(j));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Judgment, ChangeOp::Changed, {uid}, at(S("Q1")), true)});
    j.overview += S(" And an overview.");
    REQUIRE(drafting.setJudgment(j));
    CHECK(seen.one().wordingOnly());
    j.gradeCode = j.gradeCode == S("outstanding") ? S("good") : S("outstanding");
    REQUIRE(drafting.setJudgment(j));
    const ChangeSet graded = seen.one();
    CHECK(graded ==
          ChangeSet{record(EntityKind::Judgment, ChangeOp::Changed, {uid}, at(S("Q1")), false)});
    CHECK_FALSE(graded.wordingOnly());

    // Cleared, then given again: Removed, then Added.
    REQUIRE(drafting.clearJudgment(kPeel, kLancs, S("Q1")));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Judgment, ChangeOp::Removed, {uid}, at(S("Q1")))});
    j.status.clear();
    REQUIRE(drafting.setJudgment(j));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Judgment, ChangeOp::Added, {uid}, at(S("Q1")))});
    REQUIRE(drafting.setJudgment(*wb->drafts().judgment(kPeel, kLancs, S("Q1"))));
    CHECK(seen.size() == 0);
}

TEST_CASE("Typed changes: evidence and figures added, changed, moved and deleted", "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    DraftingService drafting(*wb);
    const Finding citing = firstFinding(*wb, questionWithFindings(*wb, 1));
    Announcements seen(*wb);

    EvidenceSample e;
    e.programmeCode = kPeel;
    e.forceCode = kLancs;
    e.label = S("Case files");
    e.method = S("file_review");
    e.sampleSize = 10;
    auto sample = drafting.saveEvidence(e);
    INFO((sample ? QString() : sample.error().message));
    REQUIRE(sample);
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Evidence, ChangeOp::Added, {sample->uid}, at({}))});
    EvidenceSample relabelled = *sample;
    relabelled.label = S("Case files, reviewed");
    REQUIRE(drafting.saveEvidence(relabelled));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Evidence, ChangeOp::Changed, {sample->uid}, at({}))});
    relabelled.questionCode = citing.questionCode;
    REQUIRE(drafting.saveEvidence(relabelled));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Evidence, ChangeOp::Moved, {sample->uid},
                                         at(citing.questionCode), false, at({}))});

    // Deleting a cited sample changes the findings that cited it; putting it back, again.
    Finding cites = citing;
    cites.evidenceUids << sample->uid;
    REQUIRE(drafting.updateFinding(cites));
    seen.clear();
    auto deleted = drafting.deleteEvidence(sample->uid);
    REQUIRE(deleted);
    CHECK(seen.one() == ChangeSet{record(EntityKind::Evidence, ChangeOp::Removed, {sample->uid},
                                         at(citing.questionCode)),
                                  record(EntityKind::Finding, ChangeOp::Changed, {citing.uid},
                                         at(citing.questionCode))});
    REQUIRE(drafting.restoreEvidence(*deleted));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Evidence, ChangeOp::Added, {sample->uid},
                                         at(citing.questionCode)),
                                  record(EntityKind::Finding, ChangeOp::Changed, {citing.uid},
                                         at(citing.questionCode))});

    Metric m;
    m.programmeCode = kPeel;
    m.forceCode = kLancs;
    m.name = S("Crimes recorded");
    m.forceValue = 12;
    auto metric = drafting.saveMetric(m);
    REQUIRE(metric);
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Metric, ChangeOp::Added, {metric->uid}, at({}))});
    Metric more = *metric;
    more.forceValue = 13;
    REQUIRE(drafting.saveMetric(more));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Metric, ChangeOp::Changed, {metric->uid}, at({}))});
    REQUIRE(drafting.saveMetric(more)); // the same again: nothing
    CHECK(seen.size() == 0);
    REQUIRE(drafting.deleteMetric(metric->uid));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Metric, ChangeOp::Removed, {metric->uid}, at({}))});
}

TEST_CASE("Typed changes: documents and sections added, changed, moved and removed", "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    DocumentService documents(*wb);
    Announcements seen(*wb);

    auto letter = documents.create(kPeel, kLancs, S("letter"), S("lancs-2015-extra-letter"));
    REQUIRE(letter);
    const Place docPlace = at({});
    const Place inLetter{kPeel, kLancs, {}, letter->uid};
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Document, ChangeOp::Added, {letter->uid}, docPlace)});

    Document particulars = *letter;
    particulars.title = S("A letter, retitled");
    REQUIRE(documents.setParticulars(particulars));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Document, ChangeOp::Changed, {letter->uid}, docPlace)});

    // A section with a subsection: both are named as added, and as removed.
    Section parent = documents.newSection(*letter, S("narrative"), std::nullopt);
    parent.title = S("Parent");
    parent.body = S("Parent text.");
    Section child = parent;
    child.uid = S("lancs-2015-child-section");
    child.title = S("Child");
    parent.uid = S("lancs-2015-parent-section");
    parent.children = {child};
    REQUIRE(documents.addSection(letter->uid, parent, {}));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Section, ChangeOp::Added,
                                         {parent.uid, child.uid}, inLetter)});

    Section body = child;
    body.body = S("Child text, reworded.");
    REQUIRE(documents.updateSection(body));
    const ChangeSet reworded = seen.one();
    CHECK(reworded ==
          ChangeSet{record(EntityKind::Section, ChangeOp::Changed, {child.uid}, inLetter, true)});
    CHECK(reworded.wordingOnly());
    body.title = S("Child, retitled");
    REQUIRE(documents.updateSection(body));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Section, ChangeOp::Changed, {child.uid}, inLetter, false)});

    REQUIRE(documents.moveSection(child.uid, {{}, 1}));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Section, ChangeOp::Moved, {child.uid},
                                         inLetter, false, inLetter)});
    REQUIRE(documents.moveSection(child.uid, {parent.uid, 1}));
    CHECK(seen.one().of(EntityKind::Section).front().op == ChangeOp::Moved);

    auto removed = documents.removeSection(parent.uid);
    REQUIRE(removed);
    CHECK(seen.one() == ChangeSet{record(EntityKind::Section, ChangeOp::Removed,
                                         {parent.uid, child.uid}, inLetter)});
    REQUIRE(documents.restoreSection(*removed));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Section, ChangeOp::Added,
                                         {parent.uid, child.uid}, inLetter)});

    REQUIRE(documents.remove(letter->uid));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Document, ChangeOp::Removed, {letter->uid}, docPlace)});
}

TEST_CASE("Typed changes: review notes, a status move and the records it carries", "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    const Finding f = firstFinding(*wb, questionWithFindings(*wb, 1));
    Announcements seen(*wb);

    auto note = review.addNote(S("finding:") + f.uid, S("Is this right?"));
    REQUIRE(note);
    CHECK(seen.one() == ChangeSet{record(EntityKind::ReviewNote, ChangeOp::Added, {note->uid},
                                         at(f.questionCode))});
    REQUIRE(review.answerNote(note->uid, S("Yes.")));
    CHECK(seen.one() == ChangeSet{record(EntityKind::ReviewNote, ChangeOp::Changed, {note->uid},
                                         at(f.questionCode))});
    REQUIRE(review.resolveNote(note->uid));
    CHECK(seen.one() == ChangeSet{record(EntityKind::ReviewNote, ChangeOp::Changed, {note->uid},
                                         at(f.questionCode))});
    REQUIRE(review.resolveNote(note->uid)); // resolved already: nothing
    CHECK(seen.size() == 0);

    // One finding made ready: it changes, and the text as it stood is kept as a revision.
    REQUIRE(f.status == S("draft"));
    REQUIRE(review.move(S("finding:") + f.uid, S("ready"), {}));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Finding, ChangeOp::Changed, {f.uid}, at(f.questionCode)),
                    record(EntityKind::Revision, ChangeOp::Added, {S("finding:") + f.uid},
                           at(f.questionCode))});
    // An edit of its text now keeps a revision too, and is still wording only.
    Finding edit = *wb->drafts().finding(f.uid);
    edit.text += S(" Corrected.");
    REQUIRE(DraftingService(*wb).updateFinding(edit, S("a correction")));
    const ChangeSet corrected = seen.one();
    CHECK(corrected == ChangeSet{record(EntityKind::Finding, ChangeOp::Changed, {f.uid},
                                        at(f.questionCode), true),
                                 record(EntityKind::Revision, ChangeOp::Added,
                                        {S("finding:") + f.uid}, at(f.questionCode))});
    CHECK(corrected.wordingOnly());
    REQUIRE(review.move(S("finding:") + f.uid, S("draft"), {}));
    seen.clear();

    // The document made ready carries its force's draft findings and judgments with it.
    const ChangeSet expected = carried(*wb, S("draft"));
    REQUIRE(review.move(S("document:") + kReport, S("ready"), {}));
    const ChangeSet ready = seen.one();
    CHECK(ready.changes().front() ==
          record(EntityKind::Document, ChangeOp::Changed, {kReport}, at({})));
    CHECK(ready.of(EntityKind::Finding) == expected.of(EntityKind::Finding));
    CHECK(ready.of(EntityKind::Judgment) == expected.of(EntityKind::Judgment));
    CHECK(ready.touches(EntityKind::Revision));
    CHECK_FALSE(ready.touches(EntityKind::Section));
    CHECK_FALSE(ready.wordingOnly());
}

TEST_CASE("Typed changes: a round sent, its form imported and a response decided", "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    REQUIRE(review.move(S("document:") + kReport, S("ready"), {}));
    Announcements seen(*wb);

    // Sent: the round, the document, and what it carries, each named.
    ChangeSet expected = carried(*wb, S("ready"));
    auto round = review.send(kReport);
    REQUIRE(round);
    ChangeSet sent{record(EntityKind::ReviewRound, ChangeOp::Added, {round->uid}, at({})),
                   record(EntityKind::Document, ChangeOp::Changed, {kReport}, at({}))};
    sent.append(expected);
    CHECK(seen.one() == sent);

    // The form imported: the responses, the document, and what it carries.
    const ReviewItem* paragraph = nullptr;
    for (const ReviewItem& i : round->items)
        if (i.target.startsWith(S("section:")) && !paragraph)
            paragraph = &i;
    REQUIRE(paragraph);
    expected = carried(*wb, S("sent"));
    auto imported =
        review.importForm(kReport, formWith(*round, paragraph->reference, S("Corrected.")), S("f"));
    REQUIRE(imported);
    REQUIRE(imported->imported == 1);
    const QList<FaResponse> responses = review.responses(round->uid);
    REQUIRE(responses.size() == 1);
    ChangeSet received{record(EntityKind::Response, ChangeOp::Added, {responses[0].uid}, at({})),
                       record(EntityKind::Document, ChangeOp::Changed, {kReport}, at({}))};
    received.append(expected);
    CHECK(seen.one() == received);

    // Accepted: the response, and the section's text it amended (wording only) with its revision.
    REQUIRE(review.decide(responses[0].uid, S("accepted"), S("Agreed.")));
    const QString section = paragraph->target.mid(8).section(u'#', 0, 0);
    const Place inReport{kPeel, kLancs, {}, kReport};
    CHECK(seen.one() ==
          ChangeSet{
              record(EntityKind::Response, ChangeOp::Changed, {responses[0].uid}, at({})),
              record(EntityKind::Section, ChangeOp::Changed, {section}, inReport, true),
              record(EntityKind::Revision, ChangeOp::Added, {S("section:") + section}, inReport)});

    // The round closed: the document, what it carries, and the round.
    expected = carried(*wb, S("responded"));
    REQUIRE(review.move(S("document:") + kReport, S("amended"), {}));
    ChangeSet closed{record(EntityKind::Document, ChangeOp::Changed, {kReport}, at({}))};
    closed.append(expected);
    closed.add(EntityKind::ReviewRound, ChangeOp::Changed, {round->uid}, at({}));
    CHECK(seen.one() == closed);
}

TEST_CASE("Typed changes: follow-ups set and cleared", "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    FollowUpService followUps(*wb);
    QString earlier;
    for (const Finding& f : wb->drafts().findings(kCore, kLancs))
        if (f.kind == S("area_for_improvement") && earlier.isEmpty())
            earlier = f.uid;
    REQUIRE_FALSE(earlier.isEmpty());
    const Place later{kPeel, kLancs, {}, {}};
    Announcements seen(*wb);
    REQUIRE(followUps.set({earlier, kPeel, 0, S("open"), {}, S("Not yet"), {}, {}}));
    CHECK(seen.one() == ChangeSet{record(EntityKind::FollowUp, ChangeOp::Added, {earlier}, later)});
    REQUIRE(followUps.set({earlier, kPeel, 0, S("open"), {}, S("Still not"), {}, {}}));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::FollowUp, ChangeOp::Changed, {earlier}, later)});
    REQUIRE(followUps.clear(earlier, kPeel));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::FollowUp, ChangeOp::Removed, {earlier}, later)});
}

TEST_CASE("Typed changes: programmes, questions, forces and people", "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    FrameworkService frameworks(*wb);
    Announcements seen(*wb);
    const QString next = S("peel-effectiveness-2016");
    const Place programme{next, {}, {}, {}};

    REQUIRE(frameworks.copyFramework(kPeel, next, S("PEEL 2016"), 2016));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Programme, ChangeOp::Added, {next}, programme)});

    // A question reworded, one added, and the programme retitled: each named.
    Programme p = *wb->reference().programme(next);
    REQUIRE_FALSE(p.questions.isEmpty());
    p.title = S("PEEL: effectiveness 2016");
    p.questions[0].text += S(" (reworded)");
    Question added;
    added.code = S("Q99");
    added.text = S("A new question");
    p.questions.push_back(added);
    REQUIRE(frameworks.saveProgramme(p));
    CHECK(seen.one() ==
          ChangeSet{
              record(EntityKind::Programme, ChangeOp::Changed, {next}, programme),
              record(EntityKind::Question, ChangeOp::Added, {S("Q99")}, programme),
              record(EntityKind::Question, ChangeOp::Changed, {p.questions[0].code}, programme)});
    // The new question put first: it alone moved (the others kept their order).
    p = *wb->reference().programme(next);
    p.questions.move(p.questions.size() - 1, 0);
    REQUIRE(frameworks.saveProgramme(p));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Question, ChangeOp::Moved, {S("Q99")},
                                         programme, false, programme)});
    p.questions.removeFirst();
    REQUIRE(frameworks.saveProgramme(p));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Question, ChangeOp::Removed, {S("Q99")}, programme)});
    REQUIRE(frameworks.saveProgramme(p)); // the same again: nothing
    CHECK(seen.size() == 0);
    REQUIRE(frameworks.deleteProgramme(next));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Programme, ChangeOp::Removed, {next}, programme)});

    Force force = *wb->reference().force(kLancs);
    force.name += S(" (renamed)");
    REQUIRE(frameworks.saveForce(force));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Force, ChangeOp::Changed, {kLancs}, {})});
    REQUIRE(frameworks.saveForce(force));
    CHECK(seen.size() == 0);

    Person person;
    person.code = S("a-new-person");
    person.name = S("A New Person");
    REQUIRE(frameworks.savePerson(person));
    CHECK(seen.one() == ChangeSet{record(EntityKind::Person, ChangeOp::Added, {person.code}, {})});
    person.name = S("A Renamed Person");
    REQUIRE(frameworks.savePerson(person));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Person, ChangeOp::Changed, {person.code}, {})});
    REQUIRE(frameworks.deletePerson(person.code));
    CHECK(seen.one() ==
          ChangeSet{record(EntityKind::Person, ChangeOp::Removed, {person.code}, {})});
}

TEST_CASE("Typed changes: an ingested report names the judgments and findings it wrote",
          "[changes][ingest]")
{
    test::Scratch dir;
    auto wb = dir.create(S("empty.fwb"), false);
    const QString text = QString::fromUtf8(
        test::readFile(test::fixture(S("seeds/peel-2015-effectiveness-report-lancashire.txt"))));
    auto plan = planIngest(*wb, kPeel, text);
    REQUIRE(plan);
    REQUIRE(plan->ok());
    Announcements seen(*wb);
    REQUIRE(applyIngest(*wb, *plan));
    ChangeSet expected;
    for (const IngestedJudgment& j : plan->judgments)
        expected.add(EntityKind::Judgment, ChangeOp::Added,
                     {kPeel + S("/lancashire/") + j.questionCode}, at(j.questionCode));
    for (const Finding& f : wb->drafts().findings(kPeel, kLancs))
        expected.add(EntityKind::Finding, ChangeOp::Added, {f.uid}, at(f.questionCode));
    CHECK(seen.one() == expected);
    // Read again: nothing new, nothing announced.
    REQUIRE(applyIngest(*wb, *plan));
    CHECK(seen.size() == 0);
}

TEST_CASE("Typed changes: a refused write announces nothing", "[changes]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    DraftingService drafting(*wb);
    DocumentService documents(*wb);
    ReviewService review(*wb);
    Announcements seen(*wb);

    // Invalid.
    EvidenceSample impossible;
    impossible.programmeCode = kPeel;
    impossible.forceCode = kLancs;
    CHECK_FALSE(drafting.saveEvidence(impossible)); // no label
    CHECK_FALSE(drafting.deleteFinding(S("no-such-finding")));
    CHECK_FALSE(drafting.moveFinding(firstFinding(*wb, questionWithFindings(*wb, 1)).uid,
                                     S("no-such-question"), 1));
    CHECK_FALSE(documents.removeSection(S("no-such-section")));
    CHECK_FALSE(review.addNote(S("finding:x"), S("  ")));
    CHECK_FALSE(review.move(S("document:") + kReport, S("published"), {}));
    CHECK(seen.size() == 0);

    // Locked: published material refuses every change, and nothing is announced.
    const Finding f = firstFinding(*wb, questionWithFindings(*wb, 1));
    Finding published = f;
    published.status = S("published");
    REQUIRE(wb->drafts().upsertFinding(published));
    Finding edit = published;
    edit.text += S(" Changed.");
    auto refused = drafting.updateFinding(edit);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Error::Code::Conflict);
    CHECK_FALSE(drafting.deleteFinding(f.uid));
    CHECK_FALSE(drafting.moveFinding(f.uid, {}, 1));
    CHECK(seen.size() == 0);

    // Read-only.
    const QString path = dir.path(S("ro.fwb"));
    dir.create(S("ro.fwb"), true).reset();
    auto ro = Workbench::open(path, OpenOptions{true, 1000});
    REQUIRE(ro);
    Announcements roSeen(**ro);
    Finding n;
    n.programmeCode = kPeel;
    n.forceCode = kLancs;
    n.questionCode = f.questionCode;
    n.kind = S("strength");
    n.text = S("Text");
    CHECK_FALSE(DraftingService(**ro).addFinding(n));
    CHECK(roSeen.size() == 0);
}
