// Ingest of a published report's text: the seed report is read with every judgment and area for
// improvement, exactly as the curated demo holds them; damaged text is reported, not guessed.

#include "core/services/ingest.h"
#include "coretest.h"
#include "testsupport.h"

#include <QRegularExpression>

using namespace fwb;

namespace {
const QString kPeel = QStringLiteral("peel-effectiveness-2015");

QString seed()
{
    return QString::fromUtf8(test::readFile(
        test::fixture(QStringLiteral("seeds/peel-2015-effectiveness-report-lancashire.txt"))));
}

// The demo's Markdown without its footnotes, as plain words.
QString plainWords(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("\\[\\^fn\\d+\\]:[^\\n]*")));
    s.remove(QRegularExpression(QStringLiteral("\\[\\^fn\\d+\\]")));
    return test::collapseWhitespace(s);
}

// Replaces the n-th (1-based) line equal to `line`.
QString replaceLine(const QString& text, const QString& line, int nth, const QString& with)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    int seen = 0;
    for (QString& l : lines)
        if (l.trimmed() == line && ++seen == nth) {
            l = with;
            break;
        }
    REQUIRE(seen >= nth);
    return lines.join(QLatin1Char('\n'));
}
} // namespace

TEST_CASE(
    "the seed report is read with every judgment and area for improvement, as the demo holds them",
    "[ingest]")
{
    test::Scratch dir;
    auto demo = dir.create(QStringLiteral("demo.fwb"), true);
    auto wb = dir.create(QStringLiteral("empty.fwb"), false);
    auto plan = planIngest(*wb, kPeel, seed());
    REQUIRE(plan);
    INFO(plan->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(plan->ok());
    CHECK(plan->forceCode == QStringLiteral("lancashire"));
    REQUIRE(plan->judgments.size() == 5);
    for (const IngestedJudgment& j : plan->judgments) {
        INFO(j.questionCode.toStdString());
        const auto expected =
            demo->drafts().judgment(kPeel, QStringLiteral("lancashire"), j.questionCode);
        REQUIRE(expected);
        CHECK(j.gradeCode == expected->gradeCode);
        CHECK(test::collapseWhitespace(j.summary) == plainWords(expected->summary));
        CHECK(test::collapseWhitespace(j.overview) == plainWords(expected->overview));
    }
    // The two bulleted areas for improvement, under the questions whose chapters list them.
    REQUIRE(plan->areasForImprovement.size() == 2);
    CHECK(plan->areasForImprovement[0].questionCode == QStringLiteral("Q2"));
    CHECK(plan->areasForImprovement[0].text.startsWith(
        QStringLiteral("The constabulary should ensure that it has oversight")));
    CHECK(plan->areasForImprovement[1].questionCode == QStringLiteral("Q4"));
    CHECK(plan->areasForImprovement[1].text.startsWith(
        QStringLiteral("The constabulary should continue to enhance")));

    auto written = applyIngest(*wb, *plan);
    REQUIRE(written);
    CHECK(written->judgmentsWritten == 5);
    CHECK(written->findingsAdded == 2);
    CHECK(wb->drafts().judgments(kPeel, QStringLiteral("lancashire")).size() == 5);
    CHECK(wb->audit().entries(QStringLiteral("judgment")).size() >= 5);
    // Again: the judgments are rewritten as they are, the findings are not added twice.
    auto again = applyIngest(*wb, *plan);
    REQUIRE(again);
    CHECK(again->findingsAdded == 0);
    CHECK(again->findingsAlreadyThere == 2);
}

TEST_CASE("damaged report text is reported with its line, and nothing is written", "[ingest]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("empty.fwb"), false);
    const QByteArray before = wb->exportJson().value();

    SECTION("a missing judgment line")
    {
        // Q4's grade, in the overview (the 5th "Good" line) and in its chapter (the 8th).
        QString text = seed();
        text = replaceLine(text, QStringLiteral("Good"), 8, QString()); // the chapter's
        text = replaceLine(text, QStringLiteral("Good"), 5, QString()); // the overview's
        auto plan = planIngest(*wb, kPeel, text);
        REQUIRE(plan);
        CHECK_FALSE(plan->ok());
        CHECK(plan->problems.join(QLatin1Char('\n'))
                  .contains(QStringLiteral("no grade follows Q4's heading")));
        CHECK_FALSE(applyIngest(*wb, *plan));
    }
    SECTION("unknown question wording")
    {
        QString text = seed();
        text.replace(
            QStringLiteral(
                "How effective is the force at investigating crime and managing offenders?"),
            QStringLiteral("How effective is the force at solving crime and managing offenders?"));
        auto plan = planIngest(*wb, kPeel, text);
        REQUIRE(plan);
        CHECK_FALSE(plan->ok());
        const QString problems = plan->problems.join(QLatin1Char('\n'));
        CHECK(problems.contains(
            QStringLiteral("\"How effective is the force at solving crime and managing "
                           "offenders?\" reads like a question heading")));
        CHECK(problems.contains(QRegularExpression(QStringLiteral("line \\d+:"))));
        CHECK_FALSE(applyIngest(*wb, *plan));
    }
    SECTION("a force that is not one of the 43")
    {
        QString text = seed();
        text.replace(QStringLiteral("An inspection of Lancashire Constabulary"),
                     QStringLiteral("An inspection of Atlantis Police"));
        auto plan = planIngest(*wb, kPeel, text);
        REQUIRE(plan);
        CHECK(plan->problems.join(QLatin1Char('\n'))
                  .contains(QStringLiteral("\"Atlantis Police\" is not one of the forces")));
        CHECK_FALSE(applyIngest(*wb, *plan));
    }
    SECTION("the overview and the chapter disagree")
    {
        const QString text =
            replaceLine(seed(), QStringLiteral("Good"), 7, QStringLiteral("Requires improvement"));
        auto plan = planIngest(*wb, kPeel, text);
        REQUIRE(plan);
        CHECK(plan->problems.join(QLatin1Char('\n')).contains(QStringLiteral("in the overview")));
    }
    SECTION("not a report at all")
    {
        auto plan = planIngest(
            *wb, kPeel, QStringLiteral("Minutes of the meeting\n\nApologies were received."));
        REQUIRE(plan);
        CHECK_FALSE(plan->ok());
        CHECK(plan->problems.join(QLatin1Char('\n')).contains(QStringLiteral("not in the report")));
    }
    CHECK(wb->exportJson().value() == before);
    CHECK_FALSE(planIngest(*wb, QStringLiteral("no-such-programme"), seed()));
}
