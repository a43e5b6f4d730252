// The judgment matrix and the counts per grade, on a workbench with known judgments; the exports
// parse back to the same grades.

#include "core/io/csv.h"
#include "core/services/analysis.h"
#include "core/services/drafting.h"
#include "coretest.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace fwb;

namespace {
const QString kPeel = QStringLiteral("peel-effectiveness-2015");

void grade(Workbench& wb, const QString& force, const QString& question, const QString& grade)
{
    Judgment j;
    j.programmeCode = kPeel;
    j.forceCode = force;
    j.questionCode = question;
    j.gradeCode = grade;
    j.summary = QStringLiteral("%1 is %2 at this.").arg(force, grade);
    REQUIRE(DraftingService(wb).setJudgment(j));
}
} // namespace

TEST_CASE("the matrix holds every force against the graded questions, and the counts add up",
          "[analysis]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("a.fwb"), true); // Lancashire: good throughout
    grade(*wb, QStringLiteral("kent"), QStringLiteral("Q1"),
          QStringLiteral("requires-improvement"));
    grade(*wb, QStringLiteral("durham"), QStringLiteral("Q1"), QStringLiteral("outstanding"));
    grade(*wb, QStringLiteral("durham"), QStringLiteral("Q2"), QStringLiteral("good"));
    grade(*wb, QStringLiteral("essex"), QStringLiteral("Q1"), QStringLiteral("inadequate"));

    auto m = judgmentMatrix(*wb, kPeel);
    REQUIRE(m);
    CHECK(m->rows.size() == 43);
    QStringList columns;
    for (const Question& q : m->columns)
        columns << q.code;
    CHECK(columns == QStringList{QStringLiteral("Q0"), QStringLiteral("Q1"), QStringLiteral("Q2"),
                                 QStringLiteral("Q3"), QStringLiteral("Q4")});
    // Grouped by region, then by name.
    for (int i = 1; i < m->rows.size(); ++i)
        CHECK(std::tie(m->rows[i - 1].force.regionName, m->rows[i - 1].force.name) <=
              std::tie(m->rows[i].force.regionName, m->rows[i].force.name));
    QHash<QString, MatrixRow> byForce;
    for (const MatrixRow& r : m->rows)
        byForce.insert(r.force.code, r);
    CHECK(byForce[QStringLiteral("kent")].cells.value(QStringLiteral("Q1")).gradeLabel ==
          QStringLiteral("Requires improvement"));
    CHECK(byForce[QStringLiteral("durham")].cells.value(QStringLiteral("Q1")).rank == 1);
    CHECK_FALSE(byForce[QStringLiteral("kent")].cells.contains(QStringLiteral("Q2")));
    CHECK(byForce[QStringLiteral("lancashire")].cells.size() == 5);

    auto counts = gradeCounts(*wb, kPeel);
    REQUIRE(counts);
    const GradeCount& q1 = (*counts)[1];
    CHECK(q1.question.code == QStringLiteral("Q1"));
    CHECK(q1.forces.value(QStringLiteral("outstanding")) == 1);
    CHECK(q1.forces.value(QStringLiteral("good")) == 1);
    CHECK(q1.forces.value(QStringLiteral("requires-improvement")) == 1);
    CHECK(q1.forces.value(QStringLiteral("inadequate")) == 1);
    CHECK(q1.withoutJudgment == 39);
    for (const GradeCount& c : *counts) {
        int total = c.withoutJudgment;
        for (int n : c.forces)
            total += n;
        CHECK(total == 43);
    }

    // One question only; an ungraded or unknown question is refused.
    auto one = judgmentMatrix(*wb, kPeel, QStringLiteral("Q1"));
    REQUIRE(one);
    CHECK(one->columns.size() == 1);
    CHECK_FALSE(judgmentMatrix(*wb, kPeel, QStringLiteral("Q1.1")));
    CHECK_FALSE(judgmentMatrix(*wb, QStringLiteral("nope")));
}

TEST_CASE("the matrix exports parse back to the same grades", "[analysis]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("a.fwb"), true);
    grade(*wb, QStringLiteral("kent"), QStringLiteral("Q1"),
          QStringLiteral("requires-improvement"));
    auto m = judgmentMatrix(*wb, kPeel);
    REQUIRE(m);

    auto rows = csv::parse(matrixCsv(*m), QStringLiteral("matrix.csv"));
    REQUIRE(rows);
    REQUIRE(rows->size() == 44);
    const QStringList header = rows->front().fields;
    CHECK(header.mid(0, 3) ==
          QStringList{QStringLiteral("force"), QStringLiteral("name"), QStringLiteral("region")});
    int graded = 0;
    for (const csv::Row& r : rows->mid(1)) {
        for (int c = 3; c < r.fields.size(); ++c) {
            if (r.fields[c].isEmpty())
                continue;
            ++graded;
            if (r.fields[0] == QStringLiteral("kent"))
                CHECK(r.fields[c] == QStringLiteral("Requires improvement"));
            else
                CHECK(r.fields[0] == QStringLiteral("lancashire"));
        }
    }
    CHECK(graded == 6);

    const QJsonObject o = QJsonDocument::fromJson(matrixJson(*m)).object();
    CHECK(o[QStringLiteral("forces")].toArray().size() == 43);
    int jsonGraded = 0;
    for (const QJsonValue f : o[QStringLiteral("forces")].toArray())
        for (const QJsonValue j : f[QStringLiteral("judgments")].toObject())
            jsonGraded += j.isObject() ? 1 : 0;
    CHECK(jsonGraded == graded);
}
