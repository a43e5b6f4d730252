// ReviewService: the lifecycle (every move allowed and refused), locking of published material,
// review notes and sign-off, the factual accuracy round (send, import with bad rows, decisions),
// revisions and word-level differences.

#include "core/io/csv.h"
#include "core/services/documents.h"
#include "core/services/drafting.h"
#include "core/services/review.h"
#include "coretest.h"
#include "testsupport.h"

using namespace fwb;

namespace {

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kLancs = QStringLiteral("lancashire");
const QString kReport = QStringLiteral("lancs-2015-report");
const QString kLetter = QStringLiteral("lancs-2014-letter");

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

// The lifecycle as the inspectorate works it, written out here rather than taken from the code.
const QSet<QString> kAllowed{S("draft>ready"),     S("ready>draft"),       S("ready>sent"),
                             S("sent>responded"),  S("responded>amended"), S("amended>final"),
                             S("final>published"), S("final>amended"),     S("published>amended")};

Finding firstFinding(Workbench& wb)
{
    const QList<Finding> all = wb.drafts().findings(kPeel, kLancs);
    REQUIRE_FALSE(all.isEmpty());
    return all.first();
}

void forceFindingStatus(Workbench& wb, const QString& uid, const QString& status)
{
    auto f = wb.drafts().finding(uid);
    REQUIRE(f);
    f->status = status;
    REQUIRE(wb.drafts().upsertFinding(*f));
}

qint64 auditCount(Workbench& wb, const QString& action)
{
    qint64 n = 0;
    for (const AuditEntry& e : wb.audit().entries({}, {}, 100000))
        n += e.action == action ? 1 : 0;
    return n;
}

QByteArray formWith(const ReviewRound& round, const QList<QStringList>& answers)
{
    // Each answer: reference, proposed change, evidence, category; the current text is the one
    // sent.
    QByteArray out = csv::formatRow({S("reference"), S("current text"), S("proposed change"),
                                     S("evidence offered"), S("category")});
    for (const QStringList& a : answers) {
        QString shown;
        for (const ReviewItem& i : round.items)
            if (i.reference == a[0])
                shown = i.shown;
        out += csv::formatRow({a[0], a.size() > 4 ? a[4] : shown, a[1], a[2], a[3]});
    }
    return out;
}

const ReviewItem* itemFor(const ReviewRound& round, const QString& prefix)
{
    for (const ReviewItem& i : round.items)
        if (i.target.startsWith(prefix))
            return &i;
    return nullptr;
}

// The demo report, made ready and sent; returns the round.
ReviewRound sendReport(Workbench& wb)
{
    ReviewService review(wb);
    auto moved = review.move(S("document:") + kReport, S("ready"), {});
    REQUIRE(moved);
    auto round = review.send(kReport);
    REQUIRE(round);
    return *round;
}

} // namespace

TEST_CASE("Lifecycle: every allowed move is made and recorded, every other move is refused and "
          "changes nothing",
          "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    const QString uid = firstFinding(*wb).uid;
    const QString target = S("finding:") + uid;
    int allowed = 0, refused = 0;
    for (const QString& from : statuses())
        for (const QString& to : statuses()) {
            if (from == to)
                continue;
            forceFindingStatus(*wb, uid, from);
            const qsizetype before = review.history(target).size();
            auto moved = review.move(target, to, S("a reason"));
            if (kAllowed.contains(from + S(">") + to)) {
                INFO(from << " > " << to << ": " << (moved ? QString() : moved.error().message));
                REQUIRE(moved);
                CHECK(*moved == 1);
                CHECK(wb->drafts().finding(uid)->status == to);
                const QList<StatusChange> h = review.history(target);
                REQUIRE(h.size() == before + 1);
                CHECK(h.back().from == from);
                CHECK(h.back().to == to);
                CHECK(h.back().reason == S("a reason"));
                CHECK_FALSE(h.back().actor.isEmpty());
                ++allowed;
            } else {
                INFO(from << " > " << to);
                REQUIRE_FALSE(moved);
                CHECK(moved.error().code == Error::Code::Conflict);
                CHECK(moved.error().message.contains(statusLabel(from)));
                CHECK(wb->drafts().finding(uid)->status == from);
                CHECK(review.history(target).size() == before);
                ++refused;
            }
        }
    CHECK(allowed == 9);
    CHECK(refused == 7 * 6 - 9);
}

TEST_CASE("Lifecycle: withdrawing sign-off and reopening need a reason", "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    auto moved = review.move(S("document:") + kLetter, S("amended"), S("  "));
    REQUIRE_FALSE(moved);
    CHECK(moved.error().message.contains(S("needs a reason")));
    CHECK(wb->documents().document(kLetter)->status == S("published"));
}

TEST_CASE("Lifecycle: a document carries the findings and judgments that stood with it", "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    const QString lagging = firstFinding(*wb).uid;
    REQUIRE(review.move(S("finding:") + lagging, S("ready"), {}));
    auto moved = review.move(S("document:") + kReport, S("ready"), {});
    REQUIRE(moved);
    const int findings = int(wb->drafts().findings(kPeel, kLancs).size());
    const int judgments = int(wb->drafts().judgments(kPeel, kLancs).size());
    // The finding made ready beforehand did not stand with the document and did not move again.
    CHECK(*moved == 1 + (findings - 1) + judgments);
    for (const Finding& f : wb->drafts().findings(kPeel, kLancs))
        CHECK(f.status == S("ready"));
    for (const Judgment& j : wb->drafts().judgments(kPeel, kLancs))
        CHECK(j.status == S("ready"));
    // A document is sent only through send(), which makes the round.
    auto sent = review.move(S("document:") + kReport, S("sent"), {});
    REQUIRE_FALSE(sent);
    CHECK(sent.error().message.contains(S("Send for factual accuracy check")));
}

TEST_CASE("Locking: published material refuses edits and says how to reopen, reopening is audited",
          "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const QString uid = firstFinding(*wb).uid;
    forceFindingStatus(*wb, uid, S("published"));
    auto exported = wb->exportJson();
    REQUIRE(exported);
    const QByteArray before = *exported;
    DraftingService drafting(*wb);
    Finding edited = *wb->drafts().finding(uid);
    edited.text += S(" More.");
    auto r = drafting.updateFinding(edited);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.contains(S("published and locked")));
    CHECK(r.error().message.contains(S("reopen")));
    CHECK_FALSE(drafting.deleteFinding(uid));
    CHECK_FALSE(
        drafting.moveFinding(uid, {}, 1 + int(wb->drafts().findings(kPeel, kLancs).size())));
    // The 2014 letter is published: its sections and particulars are locked too.
    DocumentService documents(*wb);
    const Document letter = *wb->documents().document(kLetter);
    Section s = letter.sections.first();
    s.body += S(" Added.");
    auto u = documents.updateSection(s);
    REQUIRE_FALSE(u);
    CHECK(u.error().message.contains(S("published")));
    Document particulars = letter;
    particulars.title = S("Another title");
    CHECK_FALSE(documents.setParticulars(particulars));
    CHECK_FALSE(documents.remove(kLetter));
    auto after = wb->exportJson();
    REQUIRE(after);
    CHECK(*after == before);

    // Reopened with a reason, the finding can be edited again, and the reopening is on record.
    ReviewService review(*wb);
    const qint64 statusRows = auditCount(*wb, S("status"));
    REQUIRE(
        review.move(S("finding:") + uid, S("amended"), S("a figure was wrong after publication")));
    CHECK(auditCount(*wb, S("status")) == statusRows + 1);
    CHECK(review.history(S("finding:") + uid).back().reason ==
          S("a figure was wrong after publication"));
    edited.status.clear(); // the status it had when read is no longer its status
    REQUIRE(drafting.updateFinding(edited, S("corrected after publication")));
    CHECK(wb->drafts().finding(uid)->text == edited.text);
}

TEST_CASE("Locking: nothing a published document shows can be added, moved or changed", "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    DraftingService drafting(*wb);
    const QString core = S("core-business-2014");
    Finding f;
    f.programmeCode = core;
    f.forceCode = kLancs;
    f.questionCode = wb->drafts().findings(core, kLancs).first().questionCode;
    f.kind = S("strength");
    f.text = S("Added after publication.");
    auto added = drafting.addFinding(f);
    REQUIRE_FALSE(added);
    CHECK(added.error().message.contains(S("lancs-2014-letter")));
    Metric m;
    m.programmeCode = core;
    m.forceCode = kLancs;
    m.name = S("A figure added after publication");
    m.forceValue = 1;
    CHECK_FALSE(drafting.saveMetric(m));
    // Kent has no published document in that programme: its material is free.
    f.forceCode = S("kent");
    CHECK(drafting.addFinding(f));
}

TEST_CASE("Status edits through drafting follow the lifecycle", "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    DraftingService drafting(*wb);
    Finding f = firstFinding(*wb);
    f.status = S("final");
    auto r = drafting.updateFinding(f);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Error::Code::Conflict);
    f.status = S("ready");
    REQUIRE(drafting.updateFinding(f));
    CHECK(ReviewService(*wb).history(S("finding:") + f.uid).size() == 1);
}

TEST_CASE("Review notes: added, answered and resolved, open notes block sign-off with the reason",
          "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    const Finding f = firstFinding(*wb);
    forceFindingStatus(*wb, f.uid, S("amended"));
    auto note = review.addNote(S("finding:") + f.uid, S("Which sample does this rest on?"));
    REQUIRE(note);
    CHECK(note->status == S("open"));
    CHECK(review.notes(kReport, true).size() == 1);
    CHECK(review.notes(kLetter, true).isEmpty()); // the note is on the 2015 material only
    auto refused = review.move(S("finding:") + f.uid, S("final"), {});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(S("review note")));
    auto answered = review.answerNote(note->uid, S("The unattended crime sample."));
    REQUIRE(answered);
    CHECK(answered->status == S("answered"));
    CHECK(answered->answer == S("The unattended crime sample."));
    CHECK_FALSE(review.move(S("finding:") + f.uid, S("final"), {})); // answered is still open
    REQUIRE(review.resolveNote(note->uid));
    CHECK(review.notes(kReport, true).isEmpty());
    CHECK(review.move(S("finding:") + f.uid, S("final"), {}));
    CHECK_FALSE(review.addNote(S("finding:no-such"), S("text")));
    CHECK_FALSE(review.addNote(S("finding:") + f.uid, S("   ")));
}

TEST_CASE("Send: the round freezes every finding, judgment and paragraph under a reference",
          "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    CHECK(round.number == 1);
    CHECK(round.isOpen());
    CHECK(wb->documents().document(kReport)->status == S("sent"));
    int findings = 0, judgments = 0, paragraphs = 0;
    QSet<QString> references;
    for (const ReviewItem& i : round.items) {
        CHECK_FALSE(references.contains(i.reference));
        references.insert(i.reference);
        findings += i.target.startsWith(S("finding:")) ? 1 : 0;
        judgments +=
            i.target.startsWith(S("judgment:")) || i.target.startsWith(S("overview:")) ? 1 : 0;
        paragraphs += i.target.startsWith(S("section:")) ? 1 : 0;
        CHECK_FALSE(i.text.trimmed().isEmpty());
    }
    // Every finding of the report is sent once (the seed has 81), and every judgment.
    CHECK(findings == 81);
    CHECK(judgments >= int(wb->drafts().judgments(kPeel, kLancs).size()));
    CHECK(paragraphs > 10);
    CHECK(round.items.first().reference.size() >= 2);
    // The form has one row per reference after its header.
    auto rows = csv::parse(ReviewService(*wb).form(round), S("form.csv"));
    REQUIRE(rows);
    CHECK(rows->size() == round.items.size() + 1);
    CHECK((*rows)[1].fields[0] == round.items[0].reference);
    CHECK((*rows)[1].fields[1] == ReviewService::formText(round.items[0])); // plain text
    // Only a document ready for review is sent.
    CHECK_FALSE(ReviewService(*wb).send(kReport));
    CHECK_FALSE(ReviewService(*wb).send(kLetter));
}

TEST_CASE("Import: each kind of bad row is reported by row and field, and nothing is imported",
          "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    const ReviewItem* f = itemFor(round, S("finding:"));
    const ReviewItem* j = itemFor(round, S("judgment:"));
    REQUIRE(f);
    REQUIRE(j);
    const QByteArray bad = formWith(
        round, {{f->reference, S("New wording."), S(""), S("factual error")},
                {S("Z99"), S("x"), S(""), S("typo")},
                {j->reference, S("y"), S(""), S("typo"), S("A current text the force rewrote.")},
                {f->reference, S("z"), S(""), S("complaint")},
                {f->reference, S(""), S(""), S("typo")}});
    auto r = review.importForm(kReport, bad, S("form.csv"));
    REQUIRE_FALSE(r);
    const QString m = r.error().message;
    CHECK(m.contains(S("nothing was imported")));
    CHECK(m.contains(S("row 3, reference: “Z99” is not a reference")));
    CHECK(m.contains(S("row 4, current text: differs")));
    CHECK(m.contains(S("row 5, category: “complaint”")));
    CHECK(m.contains(S("row 6, proposed change: is empty")));
    CHECK_FALSE(m.contains(S("row 2")));
    CHECK(review.responses(round.uid).isEmpty());
    CHECK(wb->documents().document(kReport)->status == S("sent"));

    // Malformed files say so and import nothing.
    for (const QByteArray& broken :
         {QByteArray(), QByteArray("reference,current text\r\n"),
          QByteArray("reference,current text,proposed change,evidence offered,category\r\n\"F1,"),
          QByteArray("\x89PNG\r\n\x1a\n")}) {
        auto b = review.importForm(kReport, broken, S("broken.csv"));
        REQUIRE_FALSE(b);
        CHECK(b.error().code == Error::Code::Invalid);
    }
    CHECK(review.responses(round.uid).isEmpty());

    // Even chosen explicitly, a form with no clean row imports nothing and leaves the round as it
    // was.
    const QByteArray allBad = formWith(round, {{S("Z98"), S("x"), S(""), S("typo")}});
    auto none = review.importForm(kReport, allBad, S("bad.csv"), true);
    REQUIRE_FALSE(none);
    CHECK(none.error().message.contains(S("no row is clean")));
    CHECK(wb->documents().document(kReport)->status == S("sent"));
    auto unreadable =
        review.importForm(kReport, QByteArray("reference,current text\r\n"), S("short.csv"), true);
    REQUIRE_FALSE(unreadable);
    CHECK(wb->documents().document(kReport)->status == S("sent"));

    // Chosen explicitly, the clean rows are imported and the others reported.
    auto clean = review.importForm(kReport, bad, S("form.csv"), true);
    REQUIRE(clean);
    CHECK(clean->imported == 1);
    CHECK(clean->problems.size() == 4);
    const QList<FaResponse> got = review.responses(round.uid);
    REQUIRE(got.size() == 1);
    CHECK(got[0].reference == f->reference);
    CHECK(got[0].target == f->target);
    CHECK(got[0].formRow == 2);
    CHECK(got[0].category == S("factual_error"));
    CHECK(wb->documents().document(kReport)->status == S("responded"));
    // The same form again imports nothing twice.
    auto again = review.importForm(kReport, bad, S("form.csv"), true);
    REQUIRE(again);
    CHECK(again->imported == 0);
    CHECK(again->alreadyImported == 1);
    // A row repeated within one form is imported once.
    const ReviewItem* other = itemFor(round, S("judgment:"));
    const QByteArray twice = formWith(round, {{other->reference, S("Same."), S(""), S("typo")},
                                              {other->reference, S("Same."), S(""), S("typo")}});
    auto repeated = review.importForm(kReport, twice, S("twice.csv"));
    REQUIRE(repeated);
    CHECK(repeated->imported == 1);
    CHECK(repeated->alreadyImported == 1);
}

TEST_CASE("Decisions: a paragraph is changed where its text is now, or refused when it was changed "
          "meanwhile",
          "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    // A section with two paragraphs or more, and the reference of its second.
    const ReviewItem* second = nullptr;
    for (const ReviewItem& i : round.items)
        if (i.target.startsWith(S("section:")) && i.target.endsWith(S("#2")) && !second)
            second = &i;
    REQUIRE(second);
    const QString uid = second->target.mid(8).section(QLatin1Char('#'), 0, 0);
    const ReviewItem* first = nullptr;
    for (const ReviewItem& i : round.items)
        if (i.target == S("section:") + uid + S("#1"))
            first = &i;
    REQUIRE(first);
    REQUIRE(review.importForm(
        kReport,
        formWith(round, {{second->reference, S("The second, corrected."), S(""), S("typo")},
                         {first->reference, S("The first, corrected."), S(""), S("typo")}}),
        S("form.csv")));
    // Meanwhile a paragraph is put in at the top of the section, and the first one is reworded.
    const Document d = *wb->documents().document(kReport);
    Section s = *findSection(d.sections, uid);
    const QStringList before = paragraphsOf(s.body);
    s.body = S("A new opening paragraph.\n\n") +
             s.body.replace(before[0], S("The first, reworded by the author."));
    REQUIRE(DocumentService(*wb).updateSection(s, S("author's own change")));
    const QList<FaResponse> rs = review.responses(round.uid);
    REQUIRE(rs.size() == 2);
    // The second paragraph is now the third: it is found by its text and changed there.
    REQUIRE(review.decide(rs[0].uid, S("accepted"), S("Agreed.")));
    QStringList now =
        paragraphsOf(findSection(wb->documents().document(kReport)->sections, uid)->body);
    CHECK(now[0] == S("A new opening paragraph."));
    CHECK(now[1] == S("The first, reworded by the author."));
    CHECK(now[2] == S("The second, corrected."));
    // The first was reworded since it was sent: accepting would overwrite the author's words.
    auto refused = review.decide(rs[1].uid, S("accepted"), S("Agreed."));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(S("no longer as it was sent")));
    CHECK(review.decide(rs[1].uid, S("rejected"), S("Already reworded by the author.")));
}

TEST_CASE("Decisions: accept, partly accept and reject make the right revisions and audit rows",
          "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    QList<const ReviewItem*> findings;
    for (const ReviewItem& i : round.items)
        if (i.target.startsWith(S("finding:")))
            findings << &i;
    const ReviewItem* paragraph = itemFor(round, S("section:"));
    REQUIRE(findings.size() >= 3);
    REQUIRE(paragraph);
    const QString accepted = findings[0]->text + S(" (corrected)");
    const QByteArray form = formWith(
        round,
        {{findings[0]->reference, accepted, S("Force records"), S("factual error")},
         {findings[1]->reference, S("Replace everything."), S(""), S("challenge to judgment")},
         {findings[2]->reference, S("Something else."), S("Minutes of 3 May"), S("other")},
         {paragraph->reference, S("The force's own wording."), S(""), S("typo")}});
    REQUIRE(review.importForm(kReport, form, S("form.csv")));
    QList<FaResponse> rs = review.responses(round.uid);
    REQUIRE(rs.size() == 4);
    CHECK(review.progress(round.uid).decided == 0);
    CHECK(review.progress(round.uid).total == 4);
    // The round cannot close while responses are undecided.
    auto early = review.move(S("document:") + kReport, S("amended"), {});
    REQUIRE_FALSE(early);
    CHECK(early.error().message.contains(S("4 of 4")));

    const QString f0 = findings[0]->target.mid(8), f1 = findings[1]->target.mid(8),
                  f2 = findings[2]->target.mid(8);
    const QString f2Before = wb->drafts().finding(f2)->text;
    const qint64 decides = auditCount(*wb, S("decide"));

    CHECK_FALSE(review.decide(rs[0].uid, S("accepted"), S(""))); // a reason is required
    auto a = review.decide(rs[0].uid, S("accepted"), S("The force's records show it."));
    REQUIRE(a);
    CHECK(wb->drafts().finding(f0)->text == accepted);
    CHECK(a->revision == 2); // 1: as it stood for review; 2: the accepted wording
    const QList<Revision> revs = review.revisions(S("finding:") + f0);
    REQUIRE(revs.size() == 2);
    CHECK(revs[0].text == findings[0]->text);
    CHECK(revs[1].text == accepted);
    CHECK(revs[1].reason.contains(findings[0]->reference));
    CHECK(revs[1].reason.contains(S("The force's records show it.")));
    CHECK_FALSE(review.decide(rs[0].uid, S("rejected"), S("changed my mind"))); // decided once

    CHECK_FALSE(
        review.decide(rs[1].uid, S("partly_accepted"), S("Some of it"))); // needs the wording used
    auto p = review.decide(rs[1].uid, S("partly_accepted"), S("Some of it is right."),
                           S("A narrower wording."));
    REQUIRE(p);
    CHECK(p->wording == S("A narrower wording."));
    CHECK(wb->drafts().finding(f1)->text == S("A narrower wording."));

    auto r = review.decide(rs[2].uid, S("rejected"), S("The evidence does not support it."));
    REQUIRE(r);
    CHECK(r->revision == 0);
    CHECK(wb->drafts().finding(f2)->text == f2Before);
    CHECK(review.revisions(S("finding:") + f2).size() == 1); // only the text as it stood

    // The paragraph is changed in its section, the rest of the section left as it was.
    const QString sectionUid = paragraph->target.mid(8).section(QLatin1Char('#'), 0, 0);
    auto e = review.decide(rs[3].uid, S("accepted"), S("Agreed."), S("Our edited wording."));
    REQUIRE(e);
    auto now = review.currentText(paragraph->target);
    REQUIRE(now);
    CHECK(*now == S("Our edited wording."));
    CHECK(review.revisions(S("section:") + sectionUid).size() == 2);

    CHECK(auditCount(*wb, S("decide")) == decides + 4);
    CHECK(review.progress(round.uid).decided == 4);

    // The closing record lists every response, its decision, reason and revision.
    auto record = csv::parse(review.recordCsv(round), S("record.csv"));
    REQUIRE(record);
    REQUIRE(record->size() == 5);
    CHECK((*record)[1].fields[7] == S("Accepted"));
    CHECK((*record)[1].fields[10] == S("2"));
    CHECK((*record)[2].fields[7] == S("Partly accepted"));
    CHECK((*record)[3].fields[7] == S("Rejected"));
    CHECK((*record)[3].fields[8] == S("The evidence does not support it."));

    // Now the round closes; sign-off waits for notes; publication waits for the embargo.
    REQUIRE(review.move(S("document:") + kReport, S("amended"), {}));
    CHECK_FALSE(review.latestRound(kReport)->isOpen());
    auto note = review.addNote(S("document:") + kReport, S("Check the contents page."));
    REQUIRE(note);
    auto blocked = review.move(S("document:") + kReport, S("final"), {});
    REQUIRE_FALSE(blocked);
    CHECK(blocked.error().message.contains(S("1 review note(s) are open")));
    REQUIRE(review.resolveNote(note->uid));
    REQUIRE(review.move(S("document:") + kReport, S("final"), {}));
    Document particulars = *wb->documents().document(kReport);
    particulars.embargo = S("2016-02-18T00:01");
    REQUIRE(DocumentService(*wb).setParticulars(particulars));
    const QString embargo = wb->documents().document(kReport)->embargo;
    const QDateTime until = QDateTime::fromString(embargo, Qt::ISODate);
    auto early2 = review.move(S("document:") + kReport, S("published"), {}, until.addSecs(-60));
    REQUIRE_FALSE(early2);
    CHECK(early2.error().message.contains(S("embargoed")));
    REQUIRE(review.move(S("document:") + kReport, S("published"), {}, until.addSecs(60)));
    CHECK(wb->drafts().finding(f0)->status == S("published"));
}

TEST_CASE("Sign-off is refused for a document never reviewed", "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    Document d = *wb->documents().document(kReport);
    d.sections.clear();
    d.status = S("amended");
    REQUIRE(wb->documents().updateParticulars(d));
    auto r = ReviewService(*wb).move(S("document:") + kReport, S("final"), {});
    REQUIRE_FALSE(r);
    CHECK(r.error().message.contains(S("never been through a factual accuracy check")));
}

TEST_CASE("Revisions: every change of text under review is kept with its reason, and compared word "
          "by word",
          "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    DraftingService drafting(*wb);
    ReviewService review(*wb);
    Finding f = firstFinding(*wb);
    f.text = S("Fifty unattended crime reports were examined.");
    REQUIRE(drafting.updateFinding(f));
    CHECK(review.revisions(S("finding:") + f.uid).isEmpty()); // a draft keeps no revisions
    REQUIRE(review.move(S("finding:") + f.uid, S("ready"), {}));
    f.text = S("Fifty-one unattended crime reports were looked at.");
    f.status.clear(); // as it stands now ("ready"), not as it was read
    REQUIRE(drafting.updateFinding(f, S("note 4")));
    const QList<Revision> revs = review.revisions(S("finding:") + f.uid);
    REQUIRE(revs.size() == 2);
    CHECK(revs[0].reason == S("as it stood for review"));
    CHECK(revs[1].reason == S("note 4"));
    // Typing saved as it goes is one revision per run of edits, not one per pause.
    Finding typed = *wb->drafts().finding(f.uid);
    typed.text += S(" More");
    REQUIRE(drafting.updateFinding(typed));
    typed.text += S(" words.");
    REQUIRE(drafting.updateFinding(typed));
    const QList<Revision> typing = review.revisions(S("finding:") + f.uid);
    REQUIRE(typing.size() == 3);
    CHECK(typing[2].reason == S("edited"));
    CHECK(typing[2].text == typed.text);
    auto d = review.compare(S("finding:") + f.uid, 1, 2);
    REQUIRE(d);
    CHECK(diff::toText(*d) ==
          S("Fifty{+-one+} unattended crime reports were [-examined-]{+looked at+}."));
    auto none = review.compare(S("finding:") + f.uid, 3, 0); // the last revision is the text now
    REQUIRE(none);
    CHECK(diff::changeCount(*none) == 0);
    CHECK_FALSE(review.compare(S("finding:") + f.uid, 1, 7));
}

TEST_CASE("Word differences rebuild both texts and group replaced phrases", "[review][diff]")
{
    const QString a = S("thirty four contained no evidence of any investigation");
    const QString b = S("thirty-four contained no record of any investigation at all");
    const QList<diff::Piece> pieces = diff::words(a, b);
    QString before, after;
    for (const diff::Piece& p : pieces) {
        if (p.op != diff::Op::Insert)
            before += p.text;
        if (p.op != diff::Op::Delete)
            after += p.text;
    }
    CHECK(before == a);
    CHECK(after == b);
    CHECK(diff::toText(pieces) == S("thirty[- -]{+-+}four contained no [-evidence-]{+record+} of "
                                    "any investigation{+ at all+}"));
    CHECK(diff::toText(diff::words(S("was examined by"), S("were looked at by"))) ==
          S("[-was examined-]{+were looked at+} by"));
    CHECK(diff::toHtml(diff::words(S("a <b>"), S("a <c>"))).contains(S("&lt;")));
    CHECK(diff::words(S("same"), S("same")).size() == 1);
    CHECK(diff::changeCount(diff::words(S(""), S("new"))) == 1);
}

TEST_CASE("Since sent: the document as sent against the document now", "[review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    auto unchanged = review.sinceSent(kReport);
    REQUIRE(unchanged);
    for (const auto& c : *unchanged)
        CHECK(diff::changeCount(c.pieces) == 0);
    const ReviewItem* f = itemFor(round, S("finding:"));
    REQUIRE(review.importForm(
        kReport,
        formWith(round, {{f->reference, f->text + S(" Now corrected."), S(""), S("typo")}}),
        S("f.csv")));
    REQUIRE(review.decide(review.responses(round.uid)[0].uid, S("accepted"), S("ok")));
    auto changed = review.sinceSent(kReport);
    REQUIRE(changed);
    int count = 0;
    for (const auto& c : *changed)
        if (diff::changeCount(c.pieces)) {
            ++count;
            CHECK(c.item.reference == f->reference);
            CHECK(diff::toText(c.pieces).endsWith(S("{+ Now corrected.+}")));
        }
    CHECK(count == 1);
}
