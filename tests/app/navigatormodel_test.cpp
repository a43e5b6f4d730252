// NavigatorModel over the demo workbench: structure checked by QAbstractItemModelTester, before
// and after "show all forces" and an import; grades, counts and incomplete questions.
#include "app/models/navigatormodel.h"
#include "apptest.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace fwb;
using namespace fwb::app;

namespace {

QModelIndex programmeRow(const NavigatorModel& model, const QString& code)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, 0).data(NavigatorModel::ProgrammeRole).toString() == code)
            return model.index(r, 0);
    return {};
}

// Every index in the tree, depth first.
void walk(const NavigatorModel& model, const QModelIndex& parent,
          const std::function<void(const QModelIndex&)>& visit)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        visit(i);
        walk(model, i, visit);
    }
}

const QByteArray kCumbriaSlice = R"({
  "format": "findings-workbench", "version": 1,
  "judgments": [
    { "programme": "peel-effectiveness-2015", "force": "cumbria", "question": "%Q%",
      "grade": "requires-improvement", "summary": "Cumbria Constabulary requires improvement.",
      "overview": "", "first_year_graded": false, "status": "draft" }
  ],
  "findings": [
    { "uid": "test-cumbria-1", "programme": "peel-effectiveness-2015", "force": "cumbria",
      "question": "%Q%", "kind": "area_for_improvement", "position": 1,
      "text": "The constabulary should improve something.", "status": "draft", "evidence": [] }
  ]
})";

} // namespace

TEST_CASE("NavigatorModel is a well-behaved tree over the demo workbench", "[navigator][model]")
{
    apptest::Scratch scratch;
    auto wb = scratch.create(QStringLiteral("demo.fwb"));
    apptest::WarningRecorder warnings;

    NavigatorModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setWorkbench(wb.get());
    CHECK(warnings.modelTestFailures().isEmpty());

    const auto programmes = wb->reference().programmes();
    REQUIRE(model.rowCount() == programmes.size());
    REQUIRE(model.columnCount() == NavigatorModel::ColumnCount);

    SECTION("programmes list the forces with material, then the question tree")
    {
        const QModelIndex peel = programmeRow(model, QStringLiteral("peel-effectiveness-2015"));
        REQUIRE(peel.isValid());
        REQUIRE(model.rowCount(peel) ==
                wb->drafts().forcesWithMaterial(QStringLiteral("peel-effectiveness-2015")).size());
        const QModelIndex lancs = model.index(0, 0, peel);
        CHECK(lancs.data().toString() == QStringLiteral("Lancashire Constabulary"));
        CHECK(lancs.data(NavigatorModel::KindRole).toInt() == int(NavigatorKey::Kind::Force));
        const auto programme = wb->reference().programme(QStringLiteral("peel-effectiveness-2015"));
        REQUIRE(programme);
        CHECK(model.rowCount(lancs) == programme->questions.size());

        // Every row's key finds the row again.
        walk(model, {}, [&](const QModelIndex& i) { CHECK(model.indexOf(model.keyOf(i)) == i); });
        // Findings are counted, and shown in the second column.
        bool anyCounts = false;
        walk(model, lancs, [&](const QModelIndex& i) {
            anyCounts =
                anyCounts ||
                !i.siblingAtColumn(NavigatorModel::FindingsColumn).data().toString().isEmpty();
        });
        CHECK(anyCounts);
        CHECK(lancs.siblingAtColumn(NavigatorModel::FindingsColumn)
                  .data()
                  .toString()
                  .contains(QStringLiteral("▲")));
        // Graded questions with a judgment carry the grade.
        int graded = 0;
        walk(model, lancs, [&](const QModelIndex& i) {
            if (!i.data(NavigatorModel::GradeRole).toString().isEmpty())
                ++graded;
        });
        CHECK(graded == wb->drafts()
                            .judgments(QStringLiteral("peel-effectiveness-2015"),
                                       QStringLiteral("lancashire"))
                            .size());
    }

    SECTION("show all forces lists every force under every programme")
    {
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setShowAllForces(true);
        CHECK(reset.count() == 1);
        CHECK(warnings.modelTestFailures().isEmpty());
        const int forces = int(wb->reference().forces().size());
        CHECK(forces == 43);
        for (int r = 0; r < model.rowCount(); ++r)
            CHECK(model.rowCount(model.index(r, 0)) == forces);
        // A force without material has the question tree and no grades.
        const QModelIndex peel = programmeRow(model, QStringLiteral("peel-effectiveness-2015"));
        const QModelIndex avon = model.index(0, 0, peel);
        CHECK(avon.data(NavigatorModel::ForceRole).toString() ==
              QStringLiteral("avon-and-somerset"));
        walk(model, avon, [&](const QModelIndex& i) {
            CHECK(i.data(NavigatorModel::GradeRole).toString().isEmpty());
        });

        model.setShowAllForces(false);
        CHECK(warnings.modelTestFailures().isEmpty());
        CHECK(model.rowCount(programmeRow(model, QStringLiteral("peel-effectiveness-2015"))) ==
              wb->drafts().forcesWithMaterial(QStringLiteral("peel-effectiveness-2015")).size());
    }

    SECTION("an import adds a force with its grade and findings")
    {
        const auto programme = wb->reference().programme(QStringLiteral("peel-effectiveness-2015"));
        REQUIRE(programme);
        REQUIRE(!programme->questions.isEmpty());
        const QString question = programme->questions.front().code;
        QByteArray slice = kCumbriaSlice;
        slice.replace("%Q%", question.toUtf8());

        QObject::connect(wb.get(), &Workbench::changed, &model, &NavigatorModel::reload);
        auto report = wb->importData(slice, QStringLiteral("cumbria.json"));
        INFO((report ? QString() : report.error().message).toStdString());
        REQUIRE(report.ok());
        CHECK(warnings.modelTestFailures().isEmpty());

        const QModelIndex cumbria = model.indexOf(
            {NavigatorKey::Kind::Force, programme->code, QStringLiteral("cumbria"), {}});
        REQUIRE(cumbria.isValid());
        CHECK(cumbria.data(NavigatorModel::ForceRole).toString() == QStringLiteral("cumbria"));
        const QModelIndex q = model.indexOf(
            {NavigatorKey::Kind::Question, programme->code, QStringLiteral("cumbria"), question});
        REQUIRE(q.isValid());
        CHECK(q.data(NavigatorModel::GradeRole).toString() ==
              QStringLiteral("requires-improvement"));
        CHECK(q.siblingAtColumn(NavigatorModel::FindingsColumn).data().toString() ==
              QStringLiteral("1 ▼"));
        CHECK(q.data(Qt::DecorationRole).value<QIcon>().isNull() == false);

        // Cumbria's other graded questions have no judgment: shown as incomplete.
        int incomplete = 0;
        walk(model, cumbria, [&](const QModelIndex& i) {
            if (i.data(NavigatorModel::IncompleteRole).toBool()) {
                ++incomplete;
                CHECK(i.data(Qt::FontRole).value<QFont>().italic());
                CHECK(i.siblingAtColumn(NavigatorModel::FindingsColumn)
                          .data()
                          .toString()
                          .contains(QStringLiteral("no judgment")));
            }
        });
        CHECK(incomplete > 0);
    }

    SECTION("no workbench: an empty tree")
    {
        model.setWorkbench(nullptr);
        CHECK(model.rowCount() == 0);
        CHECK(warnings.modelTestFailures().isEmpty());
    }
}

TEST_CASE("Finding counts read as symbols and words", "[navigator]")
{
    QMap<QString, int> counts{{QStringLiteral("strength"), 3},
                              {QStringLiteral("area_for_improvement"), 2}};
    CHECK(NavigatorModel::countsText(counts) == QStringLiteral("3 ▲ 2 ▼"));
    CHECK(NavigatorModel::countsInWords(counts) ==
          QStringLiteral("3 strengths, 2 areas for improvement"));
    CHECK(NavigatorModel::countsText({}).isEmpty());
    counts = {{QStringLiteral("area_for_improvement"), 1}};
    CHECK(NavigatorModel::countsInWords(counts) == QStringLiteral("1 area for improvement"));
}
