// DocumentService: templates, particulars and the section tree. Every change is audited, a refused
// change writes nothing (compared through the workbench's own export), and a removed section can
// be put back exactly where it was.

#include "core/services/documents.h"
#include "coretest.h"
#include "testsupport.h"

#include <QSignalSpy>

using namespace fwb;

namespace {

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kCore = QStringLiteral("core-business-2014");
const QString kLancs = QStringLiteral("lancashire");
const QString kReport = QStringLiteral("lancs-2015-report");

QByteArray snapshot(Workbench& wb)
{
    auto bytes = wb.exportJson(ExportScope{kPeel, kLancs});
    REQUIRE(bytes);
    return *bytes;
}

QStringList outline(const QList<Section>& sections)
{
    QStringList out;
    for (const Section& s : sections) {
        out << s.uid;
        for (const QString& c : outline(s.children))
            out << QStringLiteral("  ") + c;
    }
    return out;
}

QStringList kindsAndQuestions(const QList<Section>& sections, int depth = 0)
{
    QStringList out;
    for (const Section& s : sections) {
        out << QString(depth, QLatin1Char('>')) + s.kind + QLatin1Char(' ') + s.questionCode;
        out += kindsAndQuestions(s.children, depth + 1);
    }
    return out;
}

} // namespace

TEST_CASE(
    "Templates: a PEEL report has the report's structure built from the programme's questions",
    "[documents]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto t = documentTemplate(*wb, kPeel, kLancs, QStringLiteral("report"));
    REQUIRE(t);
    const QStringList shape = kindsAndQuestions(t->sections);
    // The bound sections of the demo report (built from the seed) all appear in the template, in
    // the same order: the template is what the demo was made from.
    const auto demo = wb->documents().document(kReport);
    REQUIRE(demo);
    QStringList demoBound;
    for (const QString& line : kindsAndQuestions(demo->sections)) {
        const QString kind = line.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char('>'));
        if (kind == QLatin1String("judgment") || kind == QLatin1String("overview") ||
            kind == QLatin1String("contents") || kind == QLatin1String("grade_definitions") ||
            kind == QLatin1String("areas_for_improvement"))
            demoBound << line;
    }
    qsizetype from = 0;
    for (const QString& line : demoBound) {
        const qsizetype at = shape.indexOf(line, from);
        INFO(line.toStdString());
        CHECK(at >= 0);
        if (at >= 0)
            from = at + 1;
    }
    // One chapter per core question, with a findings section per sub-question.
    CHECK(shape.contains(QStringLiteral(">findings Q1.1")));
    CHECK(shape.contains(QStringLiteral(">findings Q2.3")));
    CHECK(shape.contains(QStringLiteral(">findings Q4.4")));
    CHECK(shape.contains(QStringLiteral(">findings Q3"))); // Q3 has no sub-questions
    CHECK(t->subtitle == QStringLiteral("An inspection of Lancashire Constabulary"));
    // Section uids are fresh and unique.
    const QStringList uids = outline(t->sections);
    QSet<QString> unique;
    for (const QString& u : uids)
        unique.insert(u.trimmed());
    CHECK(unique.size() == uids.size());
}

TEST_CASE(
    "Templates: a letter has its parties, one findings section per area and the embargo field",
    "[documents]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto t = documentTemplate(*wb, kCore, kLancs, QStringLiteral("letter"));
    REQUIRE(t);
    CHECK(t->recipientCode == QStringLiteral("steve-finnigan"));
    CHECK(t->senderCode == QStringLiteral("roger-baker"));
    CHECK(kindsAndQuestions(t->sections) ==
          QStringList{QStringLiteral("letter_opening "), QStringLiteral("narrative "),
                      QStringLiteral("narrative "), QStringLiteral("narrative "),
                      QStringLiteral("findings A1"), QStringLiteral("findings A2"),
                      QStringLiteral("findings A3"), QStringLiteral("letter_closing ")});
    CHECK(t->sections[2].body.contains(QStringLiteral("{{embargo}}")));
    CHECK(t->sections[1].body.contains(QStringLiteral("how well forces are preventing crime")));
    CHECK_FALSE(documentTemplate(*wb, kCore, kLancs, QStringLiteral("memo")));
    CHECK_FALSE(documentTemplate(*wb, kCore, QStringLiteral("atlantis"), QStringLiteral("letter")));
}

TEST_CASE("DocumentService: create, change particulars, add, edit, move and remove sections",
          "[documents]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    DocumentService service(*wb);
    QSignalSpy changed(wb.get(), &Workbench::changed);
    const qint64 auditBefore = wb->audit().count();

    auto doc =
        service.create(kPeel, kLancs, QStringLiteral("report"), QStringLiteral("second-report"));
    REQUIRE(doc);
    CHECK(wb->documents().documents(kPeel, kLancs).size() == 2);
    CHECK(changed.size() == 1);

    Document particulars = *doc;
    particulars.embargo = QStringLiteral("2016-02-02T00:01");
    particulars.status = QStringLiteral("ready");
    // The status moves only through the review's lifecycle.
    auto refused = service.setParticulars(particulars);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("moves through the review")));
    CHECK(wb->documents().document(QStringLiteral("second-report"))->embargo.isEmpty());
    particulars.status.clear();
    auto set = service.setParticulars(particulars);
    REQUIRE(set);
    CHECK(wb->documents().document(QStringLiteral("second-report"))->embargo ==
          QStringLiteral("2016-02-02T00:01"));

    Section intro;
    intro.kind = QStringLiteral("narrative");
    intro.title = QStringLiteral("Foreword");
    intro.body = QStringLiteral("A word before the report.");
    auto added = service.addSection(QStringLiteral("second-report"), intro, {{}, 2});
    REQUIRE(added);
    auto after = wb->documents().document(QStringLiteral("second-report"));
    REQUIRE(after->sections[1].uid == added->uid);
    CHECK(after->sections[1].body == intro.body);

    Section edited = *added;
    edited.body = QStringLiteral("A better word before the report.");
    REQUIRE(service.updateSection(edited));
    CHECK(
        findSection(wb->documents().document(QStringLiteral("second-report"))->sections, added->uid)
            ->body == edited.body);

    // Nest it under the introduction, then put it back at the top.
    const QString introduction =
        wb->documents().document(QStringLiteral("second-report"))->sections[4].uid;
    REQUIRE(service.moveSection(added->uid, {introduction, 1}));
    auto where = service.locate(added->uid);
    REQUIRE(where);
    CHECK(where->place.parentUid == introduction);
    CHECK(where->place.position == 1);
    REQUIRE(service.moveSection(added->uid, {{}, 2}));
    CHECK(service.locate(added->uid)->place.parentUid.isEmpty());

    // Remove and restore: the same place, the same text.
    const QStringList before =
        outline(wb->documents().document(QStringLiteral("second-report"))->sections);
    auto removed = service.removeSection(added->uid);
    REQUIRE(removed);
    CHECK_FALSE(service.locate(added->uid));
    REQUIRE(service.restoreSection(*removed));
    CHECK(outline(wb->documents().document(QStringLiteral("second-report"))->sections) == before);

    // Every change was recorded, with the text as it was.
    const QList<AuditEntry> entries = wb->audit().entries(QStringLiteral("section"), added->uid);
    CHECK(entries.size() >= 5);
    bool sawEdit = false;
    for (const AuditEntry& e : entries)
        if (e.action == QLatin1String("update") &&
            e.before.contains(QStringLiteral("A word before")) &&
            e.after.contains(QStringLiteral("A better word")))
            sawEdit = true;
    CHECK(sawEdit);
    CHECK(wb->audit().count() > auditBefore + 6);

    // A whole document removed and put back.
    auto gone = service.remove(QStringLiteral("second-report"));
    REQUIRE(gone);
    CHECK(wb->documents().documents(kPeel, kLancs).size() == 1);
    REQUIRE(service.insert(*gone));
    CHECK(outline(wb->documents().document(QStringLiteral("second-report"))->sections) == before);
}

TEST_CASE("DocumentService refuses bad changes with a reason and writes nothing", "[documents]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    DocumentService service(*wb);
    const QByteArray before = snapshot(*wb);
    const qint64 audit = wb->audit().count();
    const auto demo = wb->documents().document(kReport);
    REQUIRE(demo);

    Section bad;
    bad.kind = QStringLiteral("poem");
    auto r1 = service.addSection(kReport, bad, {});
    REQUIRE_FALSE(r1);
    CHECK(r1.error().message.contains(QStringLiteral("unknown section kind")));

    bad.kind = QStringLiteral("findings");
    auto r2 = service.addSection(kReport, bad, {});
    REQUIRE_FALSE(r2);
    CHECK(r2.error().message.contains(QStringLiteral("give the question")));

    bad.questionCode = QStringLiteral("Q9");
    auto r3 = service.addSection(kReport, bad, {});
    REQUIRE_FALSE(r3);
    CHECK(r3.error().message.contains(QStringLiteral("no question \"Q9\"")));

    bad.kind = QStringLiteral("judgment");
    bad.questionCode = QStringLiteral("Q1.1"); // not graded
    CHECK_FALSE(service.addSection(kReport, bad, {}));

    bad.kind = QStringLiteral("letter_closing");
    bad.questionCode.clear();
    auto r4 = service.addSection(kReport, bad, {});
    REQUIRE_FALSE(r4);
    CHECK(r4.error().message.contains(QStringLiteral("belongs in a letter")));

    Section fine;
    fine.kind = QStringLiteral("narrative");
    CHECK_FALSE(service.addSection(kReport, fine, {QStringLiteral("no-such-section"), 1}));
    CHECK_FALSE(service.addSection(QStringLiteral("no-such-document"), fine, {}));

    // A section cannot go inside itself or its own children.
    const Section& chapter = demo->sections[1];
    REQUIRE_FALSE(chapter.children.isEmpty());
    auto r5 = service.moveSection(chapter.uid, {chapter.children.first().uid, 1});
    REQUIRE_FALSE(r5);
    CHECK(r5.error().message.contains(QStringLiteral("inside itself")));

    Document particulars = *demo;
    particulars.embargo = QStringLiteral("next Tuesday");
    auto r6 = service.setParticulars(particulars);
    REQUIRE_FALSE(r6);
    CHECK(r6.error().message.contains(QStringLiteral("not a date and time")));
    particulars = *demo;
    particulars.title.clear();
    CHECK_FALSE(service.setParticulars(particulars));
    particulars = *demo;
    particulars.status = QStringLiteral("shredded");
    CHECK_FALSE(service.setParticulars(particulars));

    CHECK_FALSE(service.create(kPeel, kLancs, QStringLiteral("report"), kReport)); // uid taken
    CHECK_FALSE(service.removeSection(QStringLiteral("no-such-section")));

    CHECK(snapshot(*wb) == before);
    CHECK(wb->audit().count() == audit);
    CHECK(outline(wb->documents().document(kReport)->sections) == outline(demo->sections));
}

TEST_CASE("DocumentService: a change of a section's body alone is announced as wording only and "
          "a change of its kind is not",
          "[documents]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    DocumentService service(*wb);
    const auto demo = wb->documents().document(kReport);
    Section intro = demo->sections[3];
    REQUIRE(intro.title == QStringLiteral("Introduction"));
    QSignalSpy changed(wb.get(), &Workbench::changed);
    intro.body += QStringLiteral("\n\nOne more paragraph.");
    intro.children.clear();
    REQUIRE(service.updateSection(intro));
    REQUIRE(changed.size() == 1);
    const Place place{demo->programmeCode, demo->forceCode, {}, kReport};
    const auto set = changed.at(0).at(0).value<ChangeSet>();
    CHECK(set.wordingOnly());
    CHECK(set.of(EntityKind::Section) ==
          QList<RecordChange>{
              {EntityKind::Section, ChangeOp::Changed, {intro.uid}, place, {}, true}});
    CHECK_FALSE(set.touches(EntityKind::Document));
    intro.kind = QStringLiteral("grade_definitions");
    REQUIRE(service.updateSection(intro));
    REQUIRE(changed.size() == 2);
    CHECK(changed.at(1).at(0).value<ChangeSet>() ==
          ChangeSet{{EntityKind::Section, ChangeOp::Changed, {intro.uid}, place, {}, false}});
    CHECK_FALSE(changed.at(1).at(0).value<ChangeSet>().wordingOnly());
}

TEST_CASE("DocumentService: changing particulars leaves the sections' rows as they are",
          "[documents]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto ids = [&] {
        QSqlQuery q(wb->database().sql());
        REQUIRE(q.exec(QStringLiteral(
            "SELECT group_concat(id) FROM (SELECT id FROM document_sections ORDER BY id)")));
        REQUIRE(q.next());
        return q.value(0).toString();
    };
    const QString before = ids();
    Document d = *wb->documents().document(kReport);
    d.title = QStringLiteral("PEEL: Police effectiveness 2015 (corrected)");
    REQUIRE(DocumentService(*wb).setParticulars(d));
    CHECK(ids() == before);
    CHECK(wb->documents().document(kReport)->title == d.title);
}
