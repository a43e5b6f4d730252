// DraftingService: every edit and the edit that undoes it. The state after an undo is compared
// with the state before the edit through the workbench's own export of the force's material, and
// the audit log must hold both the edit and its undo.

#include "core/services/drafting.h"
#include "coretest.h"
#include "testsupport.h"

#include <QSignalSpy>

using namespace fwb;

namespace {

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kLancs = QStringLiteral("lancashire");

QByteArray snapshot(Workbench& wb)
{
    auto bytes = wb.exportJson(ExportScope{kPeel, kLancs});
    REQUIRE(bytes);
    return *bytes;
}

QStringList uidsUnder(Workbench& wb, const QString& question)
{
    QStringList out;
    for (const Finding& f : wb.drafts().findings(kPeel, kLancs, question))
        out << f.uid;
    return out;
}

QList<int> positionsUnder(Workbench& wb, const QString& question)
{
    QList<int> out;
    for (const Finding& f : wb.drafts().findings(kPeel, kLancs, question))
        out << f.position;
    return out;
}

Finding newFinding(const QString& question, const QString& text, int position = 0)
{
    Finding f;
    f.programmeCode = kPeel;
    f.forceCode = kLancs;
    f.questionCode = question;
    f.kind = QStringLiteral("strength");
    f.text = text;
    f.position = position;
    return f;
}

QList<int> oneToN(qsizetype n)
{
    QList<int> out;
    for (int i = 1; i <= n; ++i)
        out << i;
    return out;
}

} // namespace

TEST_CASE("adding a finding, undone by deleting it and redone by restoring it, leaves no trace in "
          "the data",
          "[drafting]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("d.fwb"), true);
    DraftingService drafting(*wb);
    const QByteArray before = snapshot(*wb);
    const QStringList orderBefore = uidsUnder(*wb, QStringLiteral("Q1.1.1"));
    REQUIRE(orderBefore.size() >= 2);
    const qint64 auditBefore = wb->audit().count();

    QSignalSpy changed(wb.get(), &Workbench::changed);
    auto added = drafting.addFinding(
        newFinding(QStringLiteral("Q1.1.1"), QStringLiteral("Victims are *kept* informed."), 2));
    REQUIRE(added);
    CHECK(changed.count() == 1);
    CHECK(added->position == 2);
    CHECK(added->uid.startsWith(QStringLiteral("lancashire-2015-f-")));
    const QStringList orderAfter = uidsUnder(*wb, QStringLiteral("Q1.1.1"));
    CHECK(orderAfter.size() == orderBefore.size() + 1);
    CHECK(orderAfter.at(1) == added->uid);
    CHECK(positionsUnder(*wb, QStringLiteral("Q1.1.1")) == oneToN(orderAfter.size()));

    // Undo.
    auto removed = drafting.deleteFinding(added->uid);
    REQUIRE(removed);
    CHECK(removed->text == QStringLiteral("Victims are *kept* informed."));
    CHECK(snapshot(*wb) == before);
    CHECK(uidsUnder(*wb, QStringLiteral("Q1.1.1")) == orderBefore);

    // Redo: the same uid comes back at the same place.
    auto restored = drafting.addFinding(*removed);
    REQUIRE(restored);
    CHECK(restored->uid == added->uid);
    CHECK(uidsUnder(*wb, QStringLiteral("Q1.1.1")) == orderAfter);

    const auto entries = wb->audit().entries(QStringLiteral("finding"), added->uid);
    REQUIRE(entries.size() == 3);
    QStringList actions;
    for (const AuditEntry& e : entries)
        actions << e.action;
    actions.sort();
    CHECK(actions == QStringList{QStringLiteral("delete"), QStringLiteral("insert"),
                                 QStringLiteral("insert")});
    CHECK(wb->audit().count() == auditBefore + 3);
    for (const AuditEntry& e : entries) {
        CHECK(e.actor == Workbench::actor());
        if (e.action == QStringLiteral("delete")) {
            CHECK(e.before.contains(QStringLiteral("kept")));
            CHECK(e.after.isEmpty());
        } else {
            CHECK(e.before.isEmpty());
            CHECK(e.after.contains(QStringLiteral("kept")));
        }
    }
}

TEST_CASE("editing a finding's text, kind and citations is undone by editing it back", "[drafting]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("d.fwb"), true);
    DraftingService drafting(*wb);
    const QByteArray before = snapshot(*wb);
    const QList<Finding> findings = wb->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.1"));
    REQUIRE(!findings.isEmpty());
    const Finding original = findings.front();
    const auto history = wb->audit().entries(QStringLiteral("finding"), original.uid).size();
    const QList<EvidenceSample> samples = wb->drafts().evidence(kPeel, kLancs);
    REQUIRE(!samples.isEmpty());

    Finding edited = original;
    edited.text = QStringLiteral("Changed **wording**.");
    edited.kind = QStringLiteral("area_for_improvement");
    edited.evidenceUids = {samples.front().uid};
    auto done = drafting.updateFinding(edited);
    REQUIRE(done);
    CHECK(done->text == edited.text);
    CHECK(done->kind == edited.kind);
    CHECK(done->evidenceUids == QStringList{samples.front().uid});
    CHECK(done->position == original.position);
    CHECK(snapshot(*wb) != before);

    auto undone = drafting.updateFinding(original);
    REQUIRE(undone);
    CHECK(snapshot(*wb) == before);
    const auto entries = wb->audit().entries(QStringLiteral("finding"), original.uid);
    REQUIRE(entries.size() == history + 2);
    int updates = 0;
    for (const AuditEntry& e : entries)
        updates += e.action == QStringLiteral("update") ? 1 : 0;
    CHECK(updates == 2);

    // Saving what is already there writes nothing and records nothing.
    REQUIRE(drafting.updateFinding(original));
    CHECK(wb->audit().entries(QStringLiteral("finding"), original.uid).size() == history + 2);
}

TEST_CASE("moving findings within and between questions keeps both orders whole", "[drafting]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("d.fwb"), true);
    DraftingService drafting(*wb);
    const QByteArray before = snapshot(*wb);
    const QString from = QStringLiteral("Q1.1.2"), to = QStringLiteral("Q1.1.3");
    const QStringList fromBefore = uidsUnder(*wb, from), toBefore = uidsUnder(*wb, to);
    REQUIRE(fromBefore.size() >= 3);

    // Within a question: the last one to the top.
    const QString last = fromBefore.back();
    REQUIRE(drafting.moveFinding(last, {}, 1));
    QStringList expected = fromBefore;
    expected.move(expected.size() - 1, 0);
    CHECK(uidsUnder(*wb, from) == expected);
    CHECK(positionsUnder(*wb, from) == oneToN(expected.size()));

    // Between questions: the second one to the second place of the other question.
    const QString second = expected.at(1);
    auto moved = drafting.moveFinding(second, to, 2);
    REQUIRE(moved);
    CHECK(moved->questionCode == to);
    QStringList toExpected = toBefore;
    toExpected.insert(qMin<qsizetype>(1, toExpected.size()), second);
    CHECK(uidsUnder(*wb, to) == toExpected);
    expected.removeAt(1);
    CHECK(uidsUnder(*wb, from) == expected);
    CHECK(positionsUnder(*wb, from) == oneToN(expected.size()));
    CHECK(positionsUnder(*wb, to) == oneToN(toExpected.size()));

    // Undo both, in reverse order.
    REQUIRE(drafting.moveFinding(second, from, 2));
    REQUIRE(drafting.moveFinding(last, from, int(fromBefore.size())));
    CHECK(snapshot(*wb) == before);
    int moves = 0;
    for (const AuditEntry& e : wb->audit().entries(QStringLiteral("finding"), last))
        moves += e.action == QStringLiteral("move") ? 1 : 0;
    CHECK(moves == 2);

    // Refused moves change nothing.
    CHECK_FALSE(drafting.moveFinding(QStringLiteral("no-such-finding"), from, 1));
    auto nowhere = drafting.moveFinding(last, QStringLiteral("Q9.9"), 1);
    REQUIRE_FALSE(nowhere);
    CHECK(nowhere.error().message.contains(QStringLiteral("Q9.9")));
    CHECK(snapshot(*wb) == before);
}

TEST_CASE("a refused finding changes nothing and says why", "[drafting]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("d.fwb"), true);
    DraftingService drafting(*wb);
    const QByteArray before = snapshot(*wb);
    const qint64 auditBefore = wb->audit().count();
    QSignalSpy changed(wb.get(), &Workbench::changed);

    Finding noText = newFinding(QStringLiteral("Q1"), QStringLiteral("   "));
    auto r1 = drafting.addFinding(noText);
    REQUIRE_FALSE(r1);
    CHECK(r1.error().message.contains(QStringLiteral("text")));

    Finding badKind = newFinding(QStringLiteral("Q1"), QStringLiteral("Text"));
    badKind.kind = QStringLiteral("praise");
    auto r2 = drafting.addFinding(badKind);
    REQUIRE_FALSE(r2);
    CHECK(r2.error().message.contains(QStringLiteral("praise")));

    Finding badEvidence = newFinding(QStringLiteral("Q1"), QStringLiteral("Text"));
    badEvidence.evidenceUids = {QStringLiteral("nope")};
    auto r3 = drafting.addFinding(badEvidence);
    REQUIRE_FALSE(r3);
    CHECK(r3.error().message.contains(QStringLiteral("nope")));

    const QString existing = wb->drafts().findings(kPeel, kLancs).front().uid;
    Finding duplicate = newFinding(QStringLiteral("Q1"), QStringLiteral("Text"));
    duplicate.uid = existing;
    auto r4 = drafting.addFinding(duplicate);
    REQUIRE_FALSE(r4);
    CHECK(r4.error().code == Error::Code::Conflict);

    CHECK_FALSE(drafting.deleteFinding(QStringLiteral("no-such-finding")));
    CHECK(snapshot(*wb) == before);
    CHECK(wb->audit().count() == auditBefore);
    CHECK(changed.isEmpty());
}

TEST_CASE("setting and clearing a judgment, and their undo", "[drafting]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("d.fwb"), true);
    DraftingService drafting(*wb);
    const QByteArray before = snapshot(*wb);
    const auto original = wb->drafts().judgment(kPeel, kLancs, QStringLiteral("Q1"));
    REQUIRE(original);
    REQUIRE(original->gradeCode == QStringLiteral("good"));
    const QString key = kPeel + QStringLiteral("/lancashire/Q1");
    const auto history = wb->audit().entries(QStringLiteral("judgment"), key).size();

    Judgment changed = *original;
    changed.gradeCode = QStringLiteral("requires-improvement");
    changed.summary = QStringLiteral("A new summary.");
    changed.firstYearGraded = true;
    auto set = drafting.setJudgment(changed);
    REQUIRE(set);
    CHECK(set->gradeLabel == QStringLiteral("Requires improvement"));
    CHECK(set->firstYearGraded);
    REQUIRE(drafting.setJudgment(*original));
    CHECK(snapshot(*wb) == before);

    auto cleared = drafting.clearJudgment(kPeel, kLancs, QStringLiteral("Q1"));
    REQUIRE(cleared);
    CHECK_FALSE(wb->drafts().judgment(kPeel, kLancs, QStringLiteral("Q1")));
    REQUIRE(drafting.setJudgment(*cleared));
    CHECK(snapshot(*wb) == before);

    const auto entries = wb->audit().entries(QStringLiteral("judgment"), key);
    REQUIRE(entries.size() == history + 4);
    QStringList actions;
    for (int i = 0; i < 4; ++i) // newest first
        actions << entries[i].action;
    actions.sort();
    CHECK(actions == QStringList{QStringLiteral("delete"), QStringLiteral("insert"),
                                 QStringLiteral("update"), QStringLiteral("update")});

    // An ungraded question and an unknown grade are refused.
    Judgment ungraded = *original;
    ungraded.questionCode = QStringLiteral("Q1.1");
    auto r1 = drafting.setJudgment(ungraded);
    REQUIRE_FALSE(r1);
    CHECK(r1.error().message.contains(QStringLiteral("not graded")));
    Judgment badGrade = *original;
    badGrade.gradeCode = QStringLiteral("excellent");
    CHECK_FALSE(drafting.setJudgment(badGrade));
    CHECK(snapshot(*wb) == before);
}

TEST_CASE("evidence counts that cannot be true are refused with a clear message",
          "[drafting][evidence]")
{
    EvidenceSample e;
    e.programmeCode = kPeel;
    e.forceCode = kLancs;
    e.label = QStringLiteral("Unattended crime reports");
    e.method = QStringLiteral("file_review");
    e.sampleSize = 50;
    e.strata = {{QStringLiteral("Burglary"), 10},
                {QStringLiteral("Vehicle"), 10},
                {QStringLiteral("Theft"), 10},
                {QStringLiteral("Damage"), 10},
                {QStringLiteral("Assault"), 10}};
    e.measures = {
        {QStringLiteral("No evidence of investigation"), 34, std::nullopt, {}},
        {QStringLiteral("No record of investigation"), 13, 30, QStringLiteral("the other 30")}};
    CHECK(DraftingService::validate(e));

    auto refused = [](EvidenceSample x, const QString& expected) {
        const Status s = DraftingService::validate(x);
        REQUIRE_FALSE(s);
        CHECK(s.error().code == Error::Code::Invalid);
        CHECK(s.error().message.contains(expected));
    };
    SECTION("a measure larger than the sample")
    {
        EvidenceSample x = e;
        x.measures[0].count = 51;
        refused(x, QStringLiteral("counts 51, more than the sample of 50"));
    }
    SECTION("a measure larger than its base")
    {
        EvidenceSample x = e;
        x.measures[1].count = 31;
        refused(x, QStringLiteral("counts 31, more than the 30 it is out of"));
    }
    SECTION("a base larger than the sample")
    {
        EvidenceSample x = e;
        x.measures[1].base = 60;
        refused(x, QStringLiteral("out of 60, more than the sample of 50"));
    }
    SECTION("strata that do not sum to the sample")
    {
        EvidenceSample x = e;
        x.strata[4].size = 9;
        refused(x, QStringLiteral("the strata add up to 49, but the sample size is 50"));
    }
    SECTION("negative and unlabelled numbers")
    {
        EvidenceSample x = e;
        x.measures[0].count = -1;
        refused(x, QStringLiteral("negative"));
        EvidenceSample y = e;
        y.strata[0].label.clear();
        refused(y, QStringLiteral("label"));
    }
}

TEST_CASE("evidence samples are saved, refused, deleted and restored with their citations",
          "[drafting][evidence]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("d.fwb"), true);
    DraftingService drafting(*wb);

    EvidenceSample e;
    e.programmeCode = kPeel;
    e.forceCode = kLancs;
    e.label = QStringLiteral("Missing children files");
    e.method = QStringLiteral("dip_sample");
    e.sampleSize = 20;
    e.measures = {{QStringLiteral("Risk assessed correctly"), 18, std::nullopt, {}}};
    auto saved = drafting.saveEvidence(e);
    REQUIRE(saved);
    CHECK(saved->uid.startsWith(QStringLiteral("lancashire-2015-e-")));
    CHECK(saved->measures.size() == 1);

    const QByteArray before = snapshot(*wb);
    EvidenceSample impossible = *saved;
    impossible.measures[0].count = 21;
    auto refused = drafting.saveEvidence(impossible);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("more than the sample of 20")));
    CHECK(snapshot(*wb) == before);

    // A finding cites it; deleting the sample drops the citation, restoring puts it back.
    Finding f = wb->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.1")).front();
    f.evidenceUids = {saved->uid};
    REQUIRE(drafting.updateFinding(f));
    const QByteArray cited = snapshot(*wb);
    auto deleted = drafting.deleteEvidence(saved->uid);
    REQUIRE(deleted);
    CHECK(deleted->citedBy == QStringList{f.uid});
    CHECK(wb->drafts().finding(f.uid)->evidenceUids.isEmpty());
    REQUIRE(drafting.restoreEvidence(*deleted));
    CHECK(wb->drafts().finding(f.uid)->evidenceUids == QStringList{saved->uid});
    CHECK(snapshot(*wb) == cited);
}

TEST_CASE("metrics are set, changed, and deleted, each audited", "[drafting]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("d.fwb"), true);
    DraftingService drafting(*wb);
    const QByteArray before = snapshot(*wb);

    Metric m;
    m.programmeCode = kPeel;
    m.forceCode = kLancs;
    m.name = QStringLiteral("Anti-social behaviour incidents");
    m.measure = QStringLiteral("per 1,000 population");
    m.period = QStringLiteral("12 months to 31 March 2015");
    m.forceValue = 38.2;
    m.nationalValue = 37.2;
    auto saved = drafting.saveMetric(m);
    REQUIRE(saved);
    CHECK(saved->nationalValue == std::optional<double>(37.2));
    Metric changed = *saved;
    changed.forceValue = 40.0;
    REQUIRE(drafting.saveMetric(changed));
    CHECK(wb->drafts().metric(saved->uid)->forceValue == 40.0);
    REQUIRE(drafting.deleteMetric(saved->uid));
    CHECK(snapshot(*wb) == before);
    CHECK(wb->audit().entries(QStringLiteral("metric"), saved->uid).size() == 3);

    Metric nameless = m;
    nameless.name.clear();
    CHECK_FALSE(drafting.saveMetric(nameless));
    CHECK(snapshot(*wb) == before);
}

TEST_CASE("edits to a read-only workbench are refused", "[drafting]")
{
    test::Scratch dir;
    const QString path = dir.path(QStringLiteral("ro.fwb"));
    dir.create(QStringLiteral("ro.fwb"), true).reset();
    auto wb = Workbench::open(path, OpenOptions{true, 1000});
    REQUIRE(wb);
    auto r =
        DraftingService(**wb).addFinding(newFinding(QStringLiteral("Q1"), QStringLiteral("Text")));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Error::Code::ReadOnly);
}

TEST_CASE("a change of wording is announced as such, so views of counts and grades need not reload",
          "[drafting]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("d.fwb"), true);
    DraftingService drafting(*wb);
    QSignalSpy changed(wb.get(), &Workbench::changed);
    Finding f = wb->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.2")).front();
    f.text += QStringLiteral(" More.");
    REQUIRE(drafting.updateFinding(f));
    f.kind = QStringLiteral("observation");
    REQUIRE(drafting.updateFinding(f));
    Judgment j = *wb->drafts().judgment(kPeel, kLancs, QStringLiteral("Q1"));
    j.summary += QStringLiteral(" More.");
    REQUIRE(drafting.setJudgment(j));
    j.gradeCode = QStringLiteral("outstanding");
    REQUIRE(drafting.setJudgment(j));
    REQUIRE(changed.size() == 4);
    auto set = [&](int i) { return changed.at(i).at(0).value<ChangeSet>(); };
    const Place q112{kPeel, kLancs, QStringLiteral("Q1.1.2"), {}};
    const Place q1{kPeel, kLancs, QStringLiteral("Q1"), {}};
    const QString jUid = kPeel + QStringLiteral("/lancashire/Q1");
    CHECK(set(0) == ChangeSet{{EntityKind::Finding, ChangeOp::Changed, {f.uid}, q112, {}, true}});
    CHECK(set(0).wordingOnly());
    CHECK(set(1) == ChangeSet{{EntityKind::Finding, ChangeOp::Changed, {f.uid}, q112, {}, false}});
    CHECK_FALSE(set(1).wordingOnly());
    CHECK(set(2) == ChangeSet{{EntityKind::Judgment, ChangeOp::Changed, {jUid}, q1, {}, true}});
    CHECK(set(2).wordingOnly());
    CHECK(set(3) == ChangeSet{{EntityKind::Judgment, ChangeOp::Changed, {jUid}, q1, {}, false}});
    CHECK_FALSE(set(3).wordingOnly());
}
