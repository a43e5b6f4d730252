// The change view between two programmes: a framework copied from last year's records which
// question each continues; grades then and now give up, down, same, new or gone, and a question
// the frameworks mark not comparable is never counted as a move.

#include "core/io/csv.h"
#include "core/io/interchange.h"
#include "core/services/analysis.h"
#include "core/services/drafting.h"
#include "core/services/frameworks.h"
#include "coretest.h"
#include "testsupport.h"

using namespace fwb;

namespace {

const QString k2015 = QStringLiteral("peel-effectiveness-2015");
const QString k2016 = QStringLiteral("peel-effectiveness-2016");

void grade(Workbench& wb, const QString& programme, const QString& force, const QString& question,
           const QString& g)
{
    Judgment j;
    j.programmeCode = programme;
    j.forceCode = force;
    j.questionCode = question;
    j.gradeCode = g;
    j.summary = QStringLiteral("Summary.");
    REQUIRE(DraftingService(wb).setJudgment(j));
}

} // namespace

TEST_CASE("Change view: up, down, same, new, gone and not comparable between two years",
          "[analysis][change]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto copied = FrameworkService(*wb).copyFramework(
        k2015, k2016, QStringLiteral("PEEL: Police effectiveness 2016"), 2016);
    REQUIRE(copied);
    // The copy records where each question came from.
    const Question* q2 = findQuestion(copied->questions, QStringLiteral("Q2"));
    REQUIRE(q2);
    CHECK(q2->follows == k2015 + QStringLiteral("/Q2"));
    CHECK(q2->comparable);
    CHECK(followedProgramme(*copied) == k2015);

    // Lancashire was Good on Q0-Q4 in 2015 (the demo). 2016: up, down, same, none, not comparable.
    grade(*wb, k2016, QStringLiteral("lancashire"), QStringLiteral("Q1"),
          QStringLiteral("outstanding"));
    grade(*wb, k2016, QStringLiteral("lancashire"), QStringLiteral("Q2"),
          QStringLiteral("requires-improvement"));
    grade(*wb, k2016, QStringLiteral("lancashire"), QStringLiteral("Q0"), QStringLiteral("good"));
    grade(*wb, k2016, QStringLiteral("lancashire"), QStringLiteral("Q3"),
          QStringLiteral("inadequate"));
    grade(*wb, k2016, QStringLiteral("kent"), QStringLiteral("Q1"),
          QStringLiteral("good")); // no 2015 judgment
    Programme p = *wb->reference().programme(k2016);
    const_cast<Question*>(findQuestion(p.questions, QStringLiteral("Q3")))->comparable = false;
    REQUIRE(FrameworkService(*wb).saveProgramme(p));

    auto v = changeView(*wb, k2015, k2016);
    REQUIRE(v);
    CHECK(v->columns.size() == 5);
    auto cell = [&](const QString& force, const QString& q) {
        for (const ChangeRow& r : v->rows)
            if (r.force.code == force)
                return r.cells.value(q);
        FAIL("no row for " << force.toStdString());
        return ChangeCell{};
    };
    CHECK(cell(QStringLiteral("lancashire"), QStringLiteral("Q1")).change == Change::Up);
    CHECK(cell(QStringLiteral("lancashire"), QStringLiteral("Q2")).change == Change::Down);
    CHECK(cell(QStringLiteral("lancashire"), QStringLiteral("Q0")).change == Change::Same);
    CHECK(cell(QStringLiteral("lancashire"), QStringLiteral("Q4")).change == Change::Gone);
    CHECK(cell(QStringLiteral("lancashire"), QStringLiteral("Q3")).change == Change::NotComparable);
    CHECK(cell(QStringLiteral("lancashire"), QStringLiteral("Q3")).before.gradeCode ==
          QStringLiteral("good"));
    CHECK(cell(QStringLiteral("kent"), QStringLiteral("Q1")).change == Change::New);
    CHECK(cell(QStringLiteral("kent"), QStringLiteral("Q2")).change == Change::None);
    CHECK(v->totals.value(Change::Up) == 1);
    CHECK(v->totals.value(Change::Down) == 1);
    CHECK(v->totals.value(Change::NotComparable) == 1);
    CHECK(v->rows.size() == 43);

    // The CSV parses back to the same changes.
    auto rows = csv::parse(changeCsv(*v), QStringLiteral("change.csv"));
    REQUIRE(rows);
    const QStringList head = rows->first().fields;
    const qsizetype q2change = head.indexOf(QStringLiteral("Q2 change"));
    REQUIRE(q2change > 0);
    bool found = false;
    for (const auto& r : *rows)
        if (r.fields.value(0) == QStringLiteral("lancashire")) {
            CHECK(r.fields.value(q2change) == QStringLiteral("down"));
            CHECK(r.fields.value(q2change - 1) == QStringLiteral("Requires improvement"));
            found = true;
        }
    CHECK(found);
}

TEST_CASE("Change view: refused between a programme and itself, or programmes not linked",
          "[analysis][change]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    CHECK_FALSE(changeView(*wb, k2015, k2015));
    auto unlinked = changeView(*wb, QStringLiteral("core-business-2014"), k2015);
    REQUIRE_FALSE(unlinked);
    CHECK(unlinked.error().message.contains(QStringLiteral("follows")));
    CHECK_FALSE(changeView(*wb, QStringLiteral("nothing"), k2015));
    // A question cannot follow one of its own programme, nor one that does not exist.
    Programme p = *wb->reference().programme(k2015);
    Programme bad = p;
    const_cast<Question*>(findQuestion(bad.questions, QStringLiteral("Q2")))->follows =
        k2015 + QStringLiteral("/Q1");
    CHECK_FALSE(FrameworkService(*wb).saveProgramme(bad));
    const_cast<Question*>(findQuestion(bad.questions, QStringLiteral("Q2")))->follows =
        QStringLiteral("peel-1999/Q1");
    CHECK_FALSE(FrameworkService(*wb).saveProgramme(bad));
    CHECK(wb->reference().programme(k2015)->questions.first().follows.isEmpty());
}

TEST_CASE("A question follows only a question of an earlier year, and different grade scales never "
          "compare",
          "[analysis][change]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    REQUIRE(FrameworkService(*wb).copyFramework(k2015, k2016, QStringLiteral("PEEL 2016"), 2016));
    // 2015 cannot follow 2016: that would let two programmes follow each other.
    Programme earlier = *wb->reference().programme(k2015);
    const_cast<Question*>(findQuestion(earlier.questions, QStringLiteral("Q2")))->follows =
        k2016 + QStringLiteral("/Q2");
    auto refused = FrameworkService(*wb).saveProgramme(earlier);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("earlier year")));
    CHECK(findQuestion(wb->reference().programme(k2015)->questions, QStringLiteral("Q2"))
              ->follows.isEmpty());
}

TEST_CASE("A file whose question follows something that is not programme/question is refused, "
          "naming the place",
          "[analysis][change]")
{
    const QByteArray json =
        R"({"format": "findings-workbench", "version": 1, "programmes": [{"code": "p-2016", "title": "P",
        "year": 2016, "kind": "peel", "grade_scale": null, "questions": [{"code": "Q1", "text": "How?", "graded": false,
        "follows": "just-a-code", "children": []}]}]})";
    auto parsed = interchange::parse(json, QStringLiteral("bad.json"));
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().message.contains(
        QStringLiteral("bad.json: programmes[0].questions[0].follows")));
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("plain.fwb"));
    CHECK_FALSE(wb->importData(json, QStringLiteral("bad.json")));
    CHECK_FALSE(wb->reference().programme(QStringLiteral("p-2016")));
}
