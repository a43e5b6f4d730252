// The lock rule by every route: a published document's force and programme material, and the
// programme's framework, refuse every change — through the services, a JSON import, a judgments
// CSV and an ingest — against the demo's published 2014 letter and against the 2015 report taken
// to publication through the whole lifecycle. After each refusal the workbench is as it was: its
// export byte for byte, its status history, revisions and audit log. A draft place still changes.

#include "core/io/csv.h"
#include "core/services/documents.h"
#include "core/services/drafting.h"
#include "core/services/followups.h"
#include "core/services/frameworks.h"
#include "core/services/ingest.h"
#include "core/services/locks.h"
#include "core/services/review.h"
#include "coretest.h"
#include "testsupport.h"

using namespace fwb;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

const QString kCore = S("core-business-2014");
const QString kPeel = S("peel-effectiveness-2015");
const QString kLancs = S("lancashire");
const QString kLetter = S("lancs-2014-letter");
const QString kReport = S("lancs-2015-report");

// What must not change when a write is refused.
struct State {
    QByteArray json;
    qint64 statusChanges = 0, revisions = 0, audit = 0;
    bool operator==(const State&) const = default;
};

State state(Workbench& wb)
{
    auto exported = wb.exportJson();
    REQUIRE(exported);
    return {*exported, coretest::count(wb.database(), S("status_changes")),
            coretest::count(wb.database(), S("revisions")),
            coretest::count(wb.database(), S("audit_log"))};
}

// The 2015 report through the whole lifecycle: ready, sent, the force's answer imported and
// decided, the round closed, signed off and published after its embargo.
void publishReport(Workbench& wb)
{
    ReviewService review(wb);
    REQUIRE(review.move(S("document:") + kReport, S("ready"), {}));
    auto round = review.send(kReport);
    REQUIRE(round);
    const ReviewItem* item = nullptr;
    for (const ReviewItem& i : round->items)
        if (!item && i.target.startsWith(S("finding:")))
            item = &i;
    REQUIRE(item);
    QByteArray form = csv::formatRow({S("reference"), S("current text"), S("proposed change"),
                                      S("evidence offered"), S("category")});
    form +=
        csv::formatRow({item->reference, item->shown, item->text + S(" (as the force records it)"),
                        S("Force records"), S("factual error")});
    REQUIRE(review.importForm(kReport, form, S("answered.csv")));
    const QList<FaResponse> responses = review.responses(round->uid);
    REQUIRE(responses.size() == 1);
    REQUIRE(review.decide(responses.first().uid, S("accepted"), S("The records show it.")));
    REQUIRE(review.move(S("document:") + kReport, S("amended"), {}));
    REQUIRE(review.move(S("document:") + kReport, S("final"), {}));
    Document particulars = *wb.documents().document(kReport);
    particulars.embargo = S("2016-02-18T00:01");
    REQUIRE(DocumentService(wb).setParticulars(particulars));
    REQUIRE(review.move(S("document:") + kReport, S("published"), {},
                        QDateTime::fromString(S("2016-02-18T09:00"), Qt::ISODate)));
    REQUIRE(wb.documents().document(kReport)->status == S("published"));
}

// Where the locked material is: the published letter's or the published report's.
struct Locked {
    QString programme, force, document;
};

Locked lockedPlace(Workbench& wb, const QString& which)
{
    if (which == S("report")) {
        publishReport(wb);
        return {kPeel, kLancs, kReport};
    }
    return {kCore, kLancs, kLetter};
}

QJsonObject sliceOf(Workbench& wb, const Locked& at)
{
    auto exported = wb.exportJson(ExportScope{at.programme, at.force});
    REQUIRE(exported);
    return coretest::jsonObject(*exported);
}

QByteArray bytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson();
}

// Sets one field of element `index` of a top-level array.
QJsonObject withField(QJsonObject root, const QString& array, int index, const QString& field,
                      const QJsonValue& value)
{
    QJsonArray a = root[array].toArray();
    QJsonObject e = a[index].toObject();
    e[field] = value;
    a[index] = e;
    root[array] = a;
    return root;
}

// Requires the write refused, naming `names`, and nothing changed.
template <class R>
void requireRefused(Workbench& wb, const State& before, const R& result, const QStringList& names)
{
    REQUIRE_FALSE(result);
    const QString message = result.error().message;
    INFO(message.toStdString());
    for (const QString& n : names)
        CHECK(message.contains(n));
    CHECK(state(wb) == before);
}

} // namespace

TEST_CASE(
    "Locking: a JSON import that would change locked material is refused whole, naming each item",
    "[locking]")
{
    const QString which = GENERATE(S("letter"), S("report"));
    INFO(which.toStdString());
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const Locked at = lockedPlace(*wb, which);
    const QJsonObject slice = sliceOf(*wb, at);
    const State before = state(*wb);
    const QJsonArray findings = slice[S("findings")].toArray();
    REQUIRE(findings.size() >= 2);
    const QString f0 = findings[0].toObject()[S("uid")].toString();
    const QString f1 = findings[1].toObject()[S("uid")].toString();

    SECTION("the same file again is not refused, and changes nothing")
    {
        auto r = wb->importData(bytes(slice), S("lancs.json"));
        REQUIRE(r);
        CHECK(r->inserted == 0);
        CHECK(r->updated == 0);
        CHECK(state(*wb) == before);
    }
    SECTION("edited text")
    {
        QJsonObject edited =
            withField(slice, S("findings"), 0, S("text"), S("Rewritten after publication."));
        edited = withField(edited, S("findings"), 1, S("text"), S("And this one too."));
        auto r = wb->importData(bytes(edited), S("lancs.json"));
        requireRefused(*wb, before, r,
                       {S("lancs.json"), S("nothing was imported"), f0, f1, S("findings[0]"),
                        S("findings[1]"), S("--to amended")});
    }
    SECTION("a status")
    {
        auto r = wb->importData(bytes(withField(slice, S("findings"), 0, S("status"), S("draft"))),
                                S("lancs.json"));
        requireRefused(*wb, before, r, {f0, S("fwb review move"), S("“published” to “draft”")});
    }
    SECTION("a position")
    {
        auto r = wb->importData(bytes(withField(slice, S("findings"), 0, S("position"), 40)),
                                S("lancs.json"));
        requireRefused(*wb, before, r, {f0});
    }
    SECTION("a document's title and a section")
    {
        QJsonObject edited = withField(slice, S("documents"), 0, S("title"), S("Another title"));
        auto r = wb->importData(bytes(edited), S("lancs.json"));
        requireRefused(*wb, before, r, {S("document \"") + at.document + S("\"")});
        QJsonArray sections =
            slice[S("documents")].toArray()[0].toObject()[S("sections")].toArray();
        QJsonObject first = sections[0].toObject();
        first[S("title")] = S("A new heading");
        first[S("body")] = S("Words the published document never had.");
        sections[0] = first;
        auto s = wb->importData(bytes(withField(slice, S("documents"), 0, S("sections"), sections)),
                                S("lancs.json"));
        requireRefused(*wb, before, s, {at.document});
        // A document's status moves only through the review.
        auto st = wb->importData(
            bytes(withField(slice, S("documents"), 0, S("status"), S("amended"))), S("lancs.json"));
        requireRefused(*wb, before, st, {at.document, S("fwb review move")});
    }
    SECTION("a question of the programme")
    {
        QJsonArray programmes = slice[S("programmes")].toArray();
        QJsonObject p = programmes[0].toObject();
        QJsonArray questions = p[S("questions")].toArray();
        QJsonObject q = questions[0].toObject();
        const QString code = q[S("code")].toString();
        q[S("text")] = S("A question the inspection never asked?");
        questions[0] = q;
        QJsonObject added{{S("code"), S("Z9")},
                          {S("text"), S("A question added afterwards?")},
                          {S("graded"), false}};
        questions.append(added);
        p[S("questions")] = questions;
        programmes[0] = p;
        QJsonObject edited = slice;
        edited[S("programmes")] = programmes;
        auto r = wb->importData(bytes(edited), S("lancs.json"));
        requireRefused(*wb, before, r,
                       {S("question ") + at.programme + S("/") + code,
                        S("question ") + at.programme + S("/Z9"), at.document});
    }
    SECTION("a new finding in the locked place, and one more figure")
    {
        QJsonObject extra = findings[0].toObject();
        extra[S("uid")] = S("lancs-new-finding");
        extra[S("status")] = S("draft");
        extra[S("position")] = 0;
        QJsonArray more = findings;
        more.append(extra);
        QJsonObject edited = slice;
        edited[S("findings")] = more;
        QJsonArray metrics = slice[S("metrics")].toArray();
        QJsonObject m = metrics[0].toObject();
        m[S("uid")] = S("lancs-new-figure");
        metrics.append(m);
        edited[S("metrics")] = metrics;
        auto r = wb->importData(bytes(edited), S("lancs.json"));
        requireRefused(*wb, before, r,
                       {S("lancs-new-finding"), S("lancs-new-figure"), at.document});
    }
    SECTION("evidence")
    {
        auto r = wb->importData(
            bytes(withField(slice, S("evidence"), 0, S("description"), S("Changed."))),
            S("lancs.json"));
        requireRefused(*wb, before, r,
                       {slice[S("evidence")].toArray()[0].toObject()[S("uid")].toString()});
    }
    if (which == S("report")) {
        SECTION("a judgment")
        {
            auto r = wb->importData(
                bytes(withField(slice, S("judgments"), 0, S("summary"), S("Rewritten."))),
                S("lancs.json"));
            const QJsonObject j = slice[S("judgments")].toArray()[0].toObject();
            requireRefused(*wb, before, r,
                           {S("judgment \"") + kPeel + S("/lancashire/") +
                            j[S("question")].toString() + S("\"")});
        }
    }
}

TEST_CASE(
    "Locking: a judgments CSV that would change a locked judgment is refused and writes nothing",
    "[locking]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    publishReport(*wb);
    auto csv = wb->exportCsv(ExportScope{kPeel, kLancs});
    REQUIRE(csv);
    const State before = state(*wb);
    // The same rows again change nothing and are not refused.
    auto same = wb->importData(*csv, S("judgments.csv"));
    REQUIRE(same);
    CHECK(same->updated == 0);
    CHECK(state(*wb) == before);

    auto rows = csv::parse(*csv, S("judgments.csv"));
    REQUIRE(rows);
    REQUIRE(rows->size() > 2);
    QByteArray changed;
    for (int i = 0; i < rows->size(); ++i) {
        QStringList f = (*rows)[i].fields;
        if (i == 1 || i == 2)
            f[3] = S("inadequate");
        changed += csv::formatRow(f);
    }
    auto r = wb->importData(changed, S("judgments.csv"));
    requireRefused(*wb, before, r,
                   {S("row 2"), S("row 3"),
                    S("judgment \"") + kPeel + S("/lancashire/") + (*rows)[1].fields[2],
                    S("judgment \"") + kPeel + S("/lancashire/") + (*rows)[2].fields[2],
                    S("nothing was imported")});

    // The letter's programme: a judgment added there is refused too (it has no grades to give).
    QByteArray letter =
        csv::formatRow({S("force"), S("programme"), S("question"), S("grade"), S("summary")});
    letter += csv::formatRow({kLancs, kCore, S("A1"), S("good"), S("Added.")});
    requireRefused(*wb, before, wb->importData(letter, S("letter.csv")), {S("letter.csv")});
}

TEST_CASE("Locking: an ingest that would change locked material is refused, naming each item",
          "[locking]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const QString seed = QString::fromUtf8(
        test::readFile(test::fixture(S("seeds/peel-2015-effectiveness-report-lancashire.txt"))));

    SECTION("the published report")
    {
        publishReport(*wb);
        const State before = state(*wb);
        // The report as published: nothing in it differs from what is there, so nothing is refused.
        auto plan = planIngest(*wb, kPeel, seed, S("report.txt"));
        REQUIRE(plan);
        REQUIRE(plan->ok());
        auto same = applyIngest(*wb, *plan);
        INFO((same ? QString() : same.error().message).toStdString());
        REQUIRE(same);
        CHECK(same->judgmentsWritten == 0);
        CHECK(same->findingsAdded == 0);
        CHECK(state(*wb) == before);
        // A grade read differently, and an area for improvement the report never had.
        IngestPlan changed = *plan;
        changed.judgments[1].gradeCode = S("inadequate");
        changed.areasForImprovement.push_back({S("Q2"), S("A new area for improvement."), 999});
        auto r = applyIngest(*wb, changed);
        requireRefused(
            *wb, before, r,
            {S("report.txt"), S("nothing was written"),
             S("judgment \"") + kPeel + S("/lancashire/") + changed.judgments[1].questionCode,
             S("line 999"), kReport});
    }
    SECTION("the published letter")
    {
        const State before = state(*wb);
        IngestPlan plan;
        plan.programmeCode = kCore;
        plan.forceCode = kLancs;
        plan.forceName = S("Lancashire Constabulary");
        plan.source = S("letter.txt");
        plan.areasForImprovement.push_back(
            {S("A1"), S("An area for improvement added afterwards."), 12});
        requireRefused(*wb, before, applyIngest(*wb, plan), {S("line 12"), kLetter});
    }
}

TEST_CASE("Locking: every service refuses a change to locked material, by one rule", "[locking]")
{
    const QString which = GENERATE(S("letter"), S("report"));
    INFO(which.toStdString());
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const Locked at = lockedPlace(*wb, which);
    const State before = state(*wb);
    DraftingService drafting(*wb);
    DocumentService documents(*wb);
    FrameworkService frameworks(*wb);
    const QList<Finding> findings = wb->drafts().findings(at.programme, at.force);
    REQUIRE(findings.size() >= 2);
    const Finding f = findings.first();

    SECTION("questions: edit, add, delete")
    {
        Programme p = *wb->reference().programme(at.programme);
        Programme edited = p;
        edited.questions[0].text = S("A reworded question?");
        requireRefused(*wb, before, frameworks.saveProgramme(edited),
                       {S("question ") + at.programme + S("/") + p.questions[0].code, S("reworded"),
                        at.document, S("reopen")});
        Programme added = p;
        Question q;
        q.code = S("Z9");
        q.text = S("A question added afterwards?");
        added.questions.push_back(q);
        requireRefused(*wb, before, frameworks.saveProgramme(added), {S("/Z9"), S("added")});
        Programme removed = p;
        removed.questions.removeLast();
        requireRefused(*wb, before, frameworks.saveProgramme(removed), {S("removed"), at.document});
        Programme retitled = p;
        retitled.title = S("Another title");
        requireRefused(*wb, before, frameworks.saveProgramme(retitled), {S("particulars")});
        // Saved as it is, nothing is refused.
        CHECK(frameworks.saveProgramme(p));
        CHECK(state(*wb) == before);
    }
    SECTION("evidence: add, edit, delete")
    {
        const QList<EvidenceSample> evidence = wb->drafts().evidence(at.programme, at.force);
        REQUIRE_FALSE(evidence.isEmpty());
        EvidenceSample e = evidence.first();
        e.description = S("Changed after publication.");
        requireRefused(*wb, before, drafting.saveEvidence(e), {e.uid, at.document, S("reopen")});
        EvidenceSample fresh;
        fresh.programmeCode = at.programme;
        fresh.forceCode = at.force;
        fresh.label = S("A sample added afterwards");
        fresh.method = S("file_review");
        requireRefused(*wb, before, drafting.saveEvidence(fresh), {S("A sample added afterwards")});
        requireRefused(*wb, before, drafting.deleteEvidence(evidence.first().uid),
                       {evidence.first().uid});
        // Unchanged, it is no change.
        CHECK(drafting.saveEvidence(evidence.first()));
        CHECK(state(*wb) == before);
    }
    SECTION("figures: set, add, delete")
    {
        const QList<Metric> metrics = wb->drafts().metrics(at.programme, at.force);
        REQUIRE_FALSE(metrics.isEmpty());
        Metric m = metrics.first();
        m.forceValue += 1;
        requireRefused(*wb, before, drafting.saveMetric(m), {m.name, at.document});
        Metric fresh;
        fresh.programmeCode = at.programme;
        fresh.forceCode = at.force;
        fresh.name = S("A figure added afterwards");
        requireRefused(*wb, before, drafting.saveMetric(fresh), {S("A figure added afterwards")});
        requireRefused(*wb, before, drafting.deleteMetric(metrics.first().uid),
                       {metrics.first().name});
    }
    SECTION("findings: add, edit, move, delete")
    {
        Finding added = f;
        added.uid.clear();
        added.status.clear();
        added.position = 0;
        requireRefused(*wb, before, drafting.addFinding(added), {at.document});
        Finding edited = f;
        edited.text += S(" More.");
        requireRefused(
            *wb, before, drafting.updateFinding(edited),
            {f.uid, S("published and locked"), S("as is"), S("--document ") + at.document});
        requireRefused(*wb, before, drafting.moveFinding(f.uid, {}, int(findings.size()) + 1),
                       {f.uid});
        requireRefused(*wb, before, drafting.deleteFinding(f.uid), {f.uid});
    }
    SECTION("judgments: set and clear")
    {
        const QList<Judgment> judgments = wb->drafts().judgments(at.programme, at.force);
        if (judgments.isEmpty()) {
            // The letter's programme: a judgment added there is refused by the lock.
            Judgment j;
            j.programmeCode = at.programme;
            j.forceCode = at.force;
            j.questionCode = S("A1");
            j.summary = S("Added.");
            requireRefused(*wb, before, drafting.setJudgment(j), {at.document});
        } else {
            Judgment j = judgments.first();
            j.summary += S(" More.");
            requireRefused(*wb, before, drafting.setJudgment(j),
                           {S("judgment \""), S("published and locked")});
            requireRefused(*wb, before,
                           drafting.clearJudgment(j.programmeCode, j.forceCode, j.questionCode),
                           {S("judgment \"")});
        }
    }
    SECTION("the document: particulars and sections")
    {
        const Document d = *wb->documents().document(at.document);
        Document particulars = d;
        particulars.title = S("Another title");
        requireRefused(*wb, before, documents.setParticulars(particulars),
                       {at.document, S("reopen")});
        Section s = d.sections.first();
        s.title = S("Another heading");
        requireRefused(*wb, before, documents.updateSection(s), {at.document});
        Section n;
        n.kind = S("narrative");
        n.title = S("Added");
        requireRefused(*wb, before, documents.addSection(at.document, n, {}), {at.document});
        requireRefused(*wb, before, documents.moveSection(d.sections.first().uid, {{}, 0}),
                       {at.document});
        requireRefused(*wb, before, documents.removeSection(d.sections.last().uid), {at.document});
        requireRefused(*wb, before, documents.remove(at.document), {at.document});
    }
    if (which == S("report")) {
        SECTION("a follow-up recorded by the published inspection")
        {
            FollowUp up;
            up.findingUid = S("lancs-2014-f-01");
            up.programmeCode = kPeel;
            up.status = S("open");
            const auto earlier = wb->drafts().finding(up.findingUid);
            REQUIRE(earlier);
            if (earlier->kind != S("strength"))
                requireRefused(*wb, before, FollowUpService(*wb).set(up), {kReport});
        }
    }
}

TEST_CASE("Locking: a draft place still imports and changes as before", "[locking]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    // The letter is published; the 2015 report is a draft.
    const Locked draft{kPeel, kLancs, kReport};
    QJsonObject slice = sliceOf(*wb, draft);
    const QString uid = slice[S("findings")].toArray()[0].toObject()[S("uid")].toString();
    auto r = wb->importData(
        bytes(withField(slice, S("findings"), 0, S("text"), S("Reworded in the draft."))),
        S("lancs.json"));
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r);
    CHECK(r->updated == 1);
    CHECK(wb->drafts().finding(uid)->text == S("Reworded in the draft."));
    DraftingService drafting(*wb);
    EvidenceSample e;
    e.programmeCode = kPeel;
    e.forceCode = kLancs;
    e.label = S("A new sample");
    e.method = S("file_review");
    CHECK(drafting.saveEvidence(e));
    Programme p = *wb->reference().programme(kPeel);
    p.questions[0].text =
        S("How effective is the force at keeping people safe and reducing crime? (reworded)");
    CHECK(FrameworkService(*wb).saveProgramme(p));
    // Kent has no published document in 2014: its material there is free.
    Finding k;
    k.programmeCode = kCore;
    k.forceCode = S("kent");
    k.questionCode = S("A1");
    k.kind = S("strength");
    k.text = S("Kent's own.");
    CHECK(drafting.addFinding(k));
    // But the 2014 framework is the letter's: not even Kent's view of it changes it.
    Programme core = *wb->reference().programme(kCore);
    core.questions[0].text = S("Reworded?");
    CHECK_FALSE(FrameworkService(*wb).saveProgramme(core));
}

TEST_CASE("Locking: material imported with a status has where it came from in its history",
          "[locking]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    // The demo's letter came in published: its history says from which file.
    const QList<StatusChange> letter = review.history(S("document:") + kLetter);
    REQUIRE(letter.size() == 1);
    CHECK(letter.front().from.isEmpty());
    CHECK(letter.front().to == S("published"));
    CHECK(letter.front().reason == S("imported from lancashire-core-business-2014.json"));
    CHECK(review.history(S("finding:lancs-2014-f-01")).size() == 1);
    // Draft material has moved nowhere and has no history yet.
    CHECK(review.history(S("document:") + kReport).isEmpty());

    // A new finding for Kent, imported as ready.
    QJsonObject slice = sliceOf(*wb, {kPeel, kLancs, kReport});
    QJsonObject f = slice[S("findings")].toArray()[0].toObject();
    f[S("uid")] = S("kent-2015-f-imported");
    f[S("force")] = S("kent");
    f[S("status")] = S("ready");
    f[S("evidence")] = QJsonArray();
    QJsonObject root{
        {S("format"), S("findings-workbench")}, {S("version"), 1}, {S("findings"), QJsonArray{f}}};
    auto r = wb->importData(bytes(root), S("kent.json"));
    INFO((r ? QString() : r.error().message).toStdString());
    REQUIRE(r);
    const QList<StatusChange> kent = review.history(S("finding:kent-2015-f-imported"));
    REQUIRE(kent.size() == 1);
    CHECK(kent.front().to == S("ready"));
    CHECK(kent.front().reason == S("imported from kent.json"));
    // Imported again with another status: refused, pointing to the review.
    f[S("status")] = S("draft");
    root[S("findings")] = QJsonArray{f};
    const State before = state(*wb);
    requireRefused(*wb, before, wb->importData(bytes(root), S("kent.json")),
                   {S("kent-2015-f-imported"), S("fwb review move")});
}

TEST_CASE(
    "Ingest moves nothing through the lifecycle, records where it came from and keeps footnotes",
    "[locking][ingest]")
{
    test::Scratch dir;
    const QString seed = QString::fromUtf8(
        test::readFile(test::fixture(S("seeds/peel-2015-effectiveness-report-lancashire.txt"))));

    SECTION("into material that is there")
    {
        auto wb = dir.create(S("demo.fwb"), true);
        const Judgment q1 = *wb->drafts().judgment(kPeel, kLancs, S("Q0"));
        REQUIRE(q1.summary.contains(S("[^fn1]:")));
        REQUIRE(q1.status == S("draft"));
        // The report as the workbench holds it (its footnotes aside): nothing is written.
        auto plan = planIngest(*wb, kPeel, seed, S("report.txt"));
        REQUIRE(plan);
        auto same = applyIngest(*wb, *plan);
        REQUIRE(same);
        CHECK(same->judgmentsWritten == 0);
        CHECK(same->judgmentsUnchanged == 5);
        CHECK(wb->drafts().judgment(kPeel, kLancs, S("Q0"))->summary == q1.summary);
        // Another wording: written, the footnote definitions kept, the status left where it was.
        IngestPlan changed = *plan;
        for (IngestedJudgment& j : changed.judgments)
            if (j.questionCode == S("Q0"))
                j.summary += S(" A sentence the workbench did not have.");
        auto written = applyIngest(*wb, changed);
        REQUIRE(written);
        CHECK(written->judgmentsWritten == 1);
        const Judgment now = *wb->drafts().judgment(kPeel, kLancs, S("Q0"));
        CHECK(now.summary.contains(S("A sentence the workbench did not have.")));
        for (const QString& line : q1.summary.split(QLatin1Char('\n')))
            if (line.startsWith(S("[^")))
                CHECK(now.summary.contains(line));
        CHECK(now.status == S("draft"));
        CHECK(ReviewService(*wb).history(S("judgment:") + kPeel + S("/lancashire/Q0")).isEmpty());
    }
    SECTION("into an empty workbench")
    {
        auto wb = dir.create(S("empty.fwb"), false);
        auto plan = planIngest(*wb, kPeel, seed, S("report.txt"));
        REQUIRE(plan);
        auto written = applyIngest(*wb, *plan);
        REQUIRE(written);
        CHECK(written->judgmentsWritten == 5);
        const QList<StatusChange> h =
            ReviewService(*wb).history(S("judgment:") + kPeel + S("/lancashire/Q2"));
        REQUIRE(h.size() == 1);
        CHECK(h.front().to == S("published"));
        CHECK(h.front().reason == S("ingested from report.txt"));
        for (const Finding& f : wb->drafts().findings(kPeel, kLancs)) {
            const QList<StatusChange> fh = ReviewService(*wb).history(S("finding:") + f.uid);
            REQUIRE(fh.size() == 1);
            CHECK(fh.front().reason == S("ingested from report.txt"));
        }
        // Ingested again, the published material is unchanged and nothing is refused.
        auto again = applyIngest(*wb, *plan);
        REQUIRE(again);
        CHECK(again->judgmentsUnchanged == 5);
        CHECK(again->findingsAlreadyThere == 2);
    }
}
