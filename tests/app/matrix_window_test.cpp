// The judgment matrix in the window: the model under QAbstractItemModelTester, filters by region
// and grade, the exports, and a double-click that opens the force.

#include "app/analysis/changeview.h"
#include "app/analysis/followupview.h"
#include "app/analysis/forceprofileview.h"
#include "app/analysis/matrixmodel.h"
#include "app/analysis/matrixwindow.h"
#include "app/analysis/nationalchart.h"
#include "app/dialogs/ingestdialog.h"
#include "app/drafting/draftingworkspace.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "core/io/csv.h"
#include "core/services/drafting.h"
#include "core/services/frameworks.h"
#include "demowindow.h"
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace fwb;
using namespace fwb::app;

namespace {
const QString kPeel = QStringLiteral("peel-effectiveness-2015");

void grade(Workbench& wb, const QString& force, const QString& question, const QString& grade)
{
    Judgment j;
    j.programmeCode = kPeel;
    j.forceCode = force;
    j.questionCode = question;
    j.gradeCode = grade;
    j.summary = QStringLiteral("Summary for %1.").arg(force);
    REQUIRE(DraftingService(wb).setJudgment(j));
}
} // namespace

TEST_CASE("The matrix model passes QAbstractItemModelTester and shows grades by letters and colour",
          "[window][analysis][model]")
{
    apptest::Scratch scratch;
    auto wb = scratch.create(QStringLiteral("m.fwb"));
    grade(*wb, QStringLiteral("kent"), QStringLiteral("Q1"),
          QStringLiteral("requires-improvement"));
    apptest::WarningRecorder warnings;
    MatrixModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    MatrixFilter filter;
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::Warning);
    filter.setSourceModel(&model);
    auto m = judgmentMatrix(*wb, kPeel);
    REQUIRE(m);
    model.setMatrix(*m);
    CHECK(model.rowCount() == 43);
    CHECK(model.columnCount() == 7);
    int kent = -1, lancs = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString code = model.index(r, 0).data(MatrixModel::ForceCodeRole).toString();
        if (code == QStringLiteral("kent"))
            kent = r;
        if (code == QStringLiteral("lancashire"))
            lancs = r;
    }
    REQUIRE(kent >= 0);
    const QModelIndex q1 = model.index(kent, MatrixModel::FirstQuestionColumn + 1);
    CHECK(q1.data().toString() == QStringLiteral("RI"));
    CHECK(q1.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Summary for kent.")));
    CHECK(q1.data(Qt::AccessibleTextRole).toString() ==
          QStringLiteral("Kent Police, Q1: Requires improvement"));
    const QModelIndex none = model.index(kent, MatrixModel::FirstQuestionColumn + 2);
    CHECK(none.data().toString() == QStringLiteral("–"));
    CHECK(none.data(Qt::BackgroundRole).value<QBrush>().style() !=
          q1.data(Qt::BackgroundRole).value<QBrush>().style());
    CHECK(model.index(lancs, MatrixModel::FirstQuestionColumn).data().toString() ==
          QStringLiteral("G"));

    filter.setRegion(QStringLiteral("South East"));
    CHECK(filter.rowCount() > 1);
    CHECK(filter.rowCount() < 43);
    filter.setGrade(QStringLiteral("requires-improvement"));
    CHECK(filter.rowCount() == 1);
    filter.setRegion({});
    filter.setGrade(QStringLiteral("good"), QStringLiteral("Q1"));
    CHECK(filter.rowCount() == 1);
    CHECK(filter.index(0, 0).data(MatrixModel::ForceCodeRole).toString() ==
          QStringLiteral("lancashire"));
    filter.sort(MatrixModel::FirstQuestionColumn + 1);
    CHECK(warnings.modelTestFailures().isEmpty());
}

TEST_CASE("Filtering the matrix in the window, exporting it, and opening a force",
          "[window][analysis]")
{
    apptest::Scratch scratch;
    const QString path = scratch.createFile(QStringLiteral("demo.fwb"));
    MainWindow w;
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.openWorkbench(path));
    grade(*w.workbench(), QStringLiteral("kent"), QStringLiteral("Q2"),
          QStringLiteral("inadequate"));
    MatrixWindow* m = w.matrixWindow();
    REQUIRE(m);
    m->setProgramme(kPeel);
    m->show();
    REQUIRE(QTest::qWaitForWindowExposed(m));
    CHECK(m->filter()->rowCount() == 43);

    m->regionCombo()->setCurrentIndex(m->regionCombo()->findData(QStringLiteral("North West")));
    const int northWest = m->filter()->rowCount();
    CHECK(northWest >= 5);
    m->regionCombo()->setCurrentIndex(0);
    m->gradeCombo()->setCurrentIndex(m->gradeCombo()->findData(QStringLiteral("inadequate")));
    CHECK(m->filter()->rowCount() == 1);
    CHECK(m->countsLabel()->text().contains(QStringLiteral("1 forces shown")));
    CHECK(m->countsLabel()->text().contains(QStringLiteral("1 inadequate")));

    // Exports: CSV parses back to the rows on show; PNG and SVG are written.
    const QString csvPath = scratch.path(QStringLiteral("m.csv"));
    REQUIRE(m->exportCsv(csvPath));
    auto rows = csv::parse(apptest::readFile(csvPath), csvPath);
    REQUIRE(rows);
    REQUIRE(rows->size() == 2);
    CHECK(rows->at(1).fields.at(0) == QStringLiteral("Kent Police"));
    CHECK(rows->at(1).fields.contains(QStringLiteral("Inadequate")));
    REQUIRE(m->saveImage(scratch.path(QStringLiteral("m.png"))));
    REQUIRE(m->saveImage(scratch.path(QStringLiteral("m.svg"))));
    CHECK(apptest::readFile(scratch.path(QStringLiteral("m.svg"))).contains("<svg"));
    CHECK(QImage(scratch.path(QStringLiteral("m.png"))).width() > 100);

    // A double-click (activation) on Kent's Q2 opens it in the workspace.
    const QModelIndex cell = m->filter()->index(0, MatrixModel::FirstQuestionColumn + 2);
    REQUIRE(cell.data(MatrixModel::QuestionCodeRole).toString() == QStringLiteral("Q2"));
    Q_EMIT m->view()->activated(cell);
    const NavigatorKey key = w.navigatorView()->currentKey();
    CHECK(key.force == QStringLiteral("kent"));
    CHECK(key.question == QStringLiteral("Q2"));
    CHECK(w.draftingWorkspace()->key().force == QStringLiteral("kent"));
}

TEST_CASE("The national picture stacks the forces at each grade and lists those behind a bar",
          "[window][analysis]")
{
    apptest::Scratch scratch;
    auto wb = scratch.create(QStringLiteral("n.fwb"));
    grade(*wb, QStringLiteral("kent"), QStringLiteral("Q1"),
          QStringLiteral("requires-improvement"));
    grade(*wb, QStringLiteral("surrey"), QStringLiteral("Q1"),
          QStringLiteral("requires-improvement"));
    grade(*wb, QStringLiteral("durham"), QStringLiteral("Q1"), QStringLiteral("outstanding"));
    MatrixWindow window(wb.get());
    window.setProgramme(kPeel);
    NationalChart* chart = window.nationalChart();
    CHECK(chart->forcesAt(QStringLiteral("Q1"), QStringLiteral("requires-improvement")) ==
          QStringList{QStringLiteral("Kent Police"), QStringLiteral("Surrey Police")});
    // The chart's sets hold the same counts: one set per grade and one for no judgment.
    auto* series = qobject_cast<QAbstractBarSeries*>(chart->chartView()->chart()->series().front());
    REQUIRE(series);
    REQUIRE(series->count() == 5);
    const int q1 = int(window.model()->matrix().columns.size()) -
                   2;                            // categories run bottom-up; Q1 is the second
    CHECK(series->barSets().at(2)->at(q1) == 2); // requires improvement
    CHECK(series->barSets().at(0)->at(q1) == 1); // outstanding
    CHECK(series->barSets().at(4)->at(q1) == 39);
    Q_EMIT series->barSets().at(2)->clicked(q1);
    CHECK(chart->forceList()->count() == 2);
    CHECK(chart->forceList()->item(0)->text() == QStringLiteral("Kent Police"));

    // By region: the South East only.
    window.regionCombo()->setCurrentIndex(
        window.regionCombo()->findData(QStringLiteral("South East")));
    CHECK(chart->forcesAt(QStringLiteral("Q1"), QStringLiteral("requires-improvement")).size() ==
          2);
    CHECK(chart->forcesAt(QStringLiteral("Q1"), QStringLiteral("outstanding")).isEmpty());
    window.tabs()->setCurrentWidget(chart);
    window.resize(900, 600);
    const QString svg = scratch.path(QStringLiteral("n.svg"));
    REQUIRE(window.saveImage(svg));
    CHECK(apptest::readFile(svg).contains("<svg"));
}

TEST_CASE("A published report is shown before it is written, and written only when asked",
          "[window][analysis][ingest]")
{
    apptest::Scratch scratch;
    const QString path = scratch.createFile(QStringLiteral("empty.fwb"), false);
    MainWindow w;
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.openWorkbench(path));
    const QString report =
        apptest::fixture(QStringLiteral("seeds/peel-2015-effectiveness-report-lancashire.txt"));
    IngestDialog* dialog = w.ingestReport(report, kPeel);
    REQUIRE(dialog);
    // Shown, not written.
    CHECK(w.workbench()->drafts().judgments(kPeel).isEmpty());
    REQUIRE(dialog->tree()->topLevelItemCount() ==
            2); // judgments, areas for improvement; no problems
    CHECK(dialog->tree()->topLevelItem(0)->childCount() == 5);
    CHECK(dialog->tree()->topLevelItem(1)->childCount() == 2);
    REQUIRE(dialog->writeButton()->isEnabled());
    QTest::mouseClick(dialog->writeButton(), Qt::LeftButton);
    CHECK(w.workbench()->drafts().judgments(kPeel, QStringLiteral("lancashire")).size() == 5);
    dialog->deleteLater();

    // Damaged text: the problems are listed and Write is off.
    QString text = QString::fromUtf8(apptest::readFile(report));
    text.replace(QStringLiteral("An inspection of Lancashire Constabulary"),
                 QStringLiteral("An inspection of Atlantis Police"));
    const QString damaged = scratch.path(QStringLiteral("damaged.txt"));
    apptest::writeFile(damaged, text.toUtf8());
    IngestDialog* bad = w.ingestReport(damaged, kPeel);
    REQUIRE(bad);
    CHECK(bad->tree()->topLevelItemCount() == 3);
    CHECK_FALSE(bad->writeButton()->isEnabled());
    CHECK_FALSE(bad->write());
    CHECK(bad->lastError().contains(QStringLiteral("not fully recognised")));
    bad->deleteLater();
}

TEST_CASE("A force profile shows its judgments over time, its findings by kind and its figures "
          "against England and Wales",
          "[window][analysis]")
{
    apptest::Scratch scratch;
    auto wb = scratch.create(QStringLiteral("p.fwb"));
    auto profile = forceProfile(*wb, QStringLiteral("lancashire"));
    REQUIRE(profile);
    CHECK(profile->programmes.front().year == 2014); // oldest first
    CHECK(profile->judgments.value(kPeel).size() == 5);
    CHECK(profile->findings.value(kPeel).value(QStringLiteral("strength")) == 54);
    CHECK(profile->findings.value(QStringLiteral("core-business-2014"))
              .value(QStringLiteral("area_for_improvement")) == 13);
    // Lancashire is the only force of its region with figures: there is no region's mean to show.
    bool found = false;
    for (const ProfileFigure& f : profile->figures.value(kPeel))
        if (f.metric.name == QStringLiteral("Victim-based crime") &&
            f.metric.unit == QStringLiteral("per 1,000 population")) {
            found = true;
            CHECK_FALSE(f.regionMean);
            CHECK(f.regionForces == 1);
        }
    CHECK(found);
    CHECK_FALSE(forceProfile(*wb, QStringLiteral("atlantis")));

    MatrixWindow window(wb.get());
    window.setProgramme(kPeel);
    ForceProfileView* view = window.forceProfile();
    view->setForce(QStringLiteral("lancashire"));
    CHECK(view->page()->toPlainText().contains(QStringLiteral("Judgments over time")));
    CHECK(view->page()->toPlainText().contains(QStringLiteral("Requires improvement")) == false);
    CHECK(view->chartedProgramme() == kPeel);
    auto* series = view->chartView()->chart()->series().value(0);
    REQUIRE(series);
    CHECK(qobject_cast<QAbstractBarSeries*>(series)->barSets().size() ==
          2); // the force and England and Wales: no region's mean of one
    // A click on a grade opens the question.
    QString opened;
    QObject::connect(view, &ForceProfileView::openRequested,
                     [&](const QString& p, const QString& f, const QString& q) {
                         opened = p + QLatin1Char('/') + f + QLatin1Char('/') + q;
                     });
    Q_EMIT view->page()->anchorClicked(
        QUrl(QStringLiteral("fwb:peel-effectiveness-2015/lancashire/Q2")));
    CHECK(opened == QStringLiteral("peel-effectiveness-2015/lancashire/Q2"));
    // A force without material says so instead of drawing empty bars.
    view->setForce(QStringLiteral("kent"));
    CHECK(view->chartedProgramme().isEmpty());
    CHECK(view->chartView()->chart()->title().contains(QStringLiteral("No rates")));
}

TEST_CASE("The force profile charts a figure over time and one figure of every force, chosen "
          "beside the chart",
          "[window][analysis][figures]")
{
    apptest::Scratch scratch;
    auto wb = scratch.create(QStringLiteral("p.fwb"));
    auto rate = [&](const QString& force, const QString& period, double value) {
        Metric m;
        m.programmeCode = kPeel;
        m.forceCode = force;
        m.name = QStringLiteral("Victim-based crime");
        m.unit = QStringLiteral("per 1,000 population");
        m.period = period;
        m.forceValue = value;
        m.nationalValue = 56.0;
        REQUIRE(DraftingService(*wb).saveMetric(m));
    };
    rate(QStringLiteral("lancashire"), QStringLiteral("12 months to 30 June 2013"), 61.0);
    rate(QStringLiteral("lancashire"), QStringLiteral("12 months to 30 June 2014"), 60.2);
    rate(QStringLiteral("kent"), QStringLiteral("12 months to 30 June 2015"), 70.0);
    rate(QStringLiteral("cumbria"), QStringLiteral("12 months to 30 June 2015"), 40.0);

    MatrixWindow window(wb.get());
    window.resize(1200, 800);
    window.setProgramme(kPeel);
    ForceProfileView* view = window.forceProfile();
    view->setForce(QStringLiteral("lancashire"));
    QComboBox* choice = view->chartCombo();
    CHECK(choice->currentIndex() == 0); // the rates against England and Wales first
    // Cumbria gives victim-based crime but not the other rates: no region's mean is drawn rather
    // than a mean of 0 beside the rates no other force of the region has.
    auto* rates = qobject_cast<QAbstractBarSeries*>(view->chartView()->chart()->series().value(0));
    REQUIRE(rates);
    CHECK(rates->barSets().size() == 2);
    // The rates of the latest period only, each once, each bar with its own name: the earlier
    // years of victim-based crime are for the chart over time.
    auto* names =
        qobject_cast<QBarCategoryAxis*>(view->chartView()->chart()->axes(Qt::Vertical).value(0));
    REQUIRE(names);
    const QStringList categories = names->categories();
    CHECK(categories.size() == rates->barSets()[0]->count());
    CHECK(categories.count(QStringLiteral("Victim-based crime")) == 1);
    CHECK(rates->barSets()[0]->at(int(categories.indexOf(QStringLiteral("Victim-based crime")))) ==
          58.1);
    const int overTime =
        choice->findText(QStringLiteral("Victim-based crime, per 1,000 population, over time"));
    REQUIRE(overTime > 0);
    // Chosen from the keyboard, as a person would: focus the combo and step down to it.
    choice->setFocus();
    while (choice->currentIndex() < overTime)
        QTest::keyClick(choice, Qt::Key_Down);
    QChart* chart = view->chartView()->chart();
    REQUIRE(chart->series().size() == 3); // the force, England and Wales, and the region's mean
    auto* force = qobject_cast<QLineSeries*>(chart->series()[0]);
    REQUIRE(force);
    REQUIRE(force->count() == 3);
    CHECK(force->at(0).y() == 61.0);
    CHECK(force->at(2).y() == 58.1);
    CHECK(force->at(0).x() < force->at(1).x()); // oldest first, at the date each period ends
    auto* region = qobject_cast<QLineSeries*>(chart->series()[2]);
    REQUIRE(region);
    CHECK(region->count() == 1); // only 2015 has another force of the region to average with
    CHECK(region->at(0).y() == Approx((58.1 + 40.0) / 2));

    // One figure of every force: a bar per force, highest first, Lancashire's marked, England and
    // Wales a line across.
    const int everyForce = choice->findText(
        QStringLiteral("Victim-based crime, every force (12 months to 30 June 2015)"));
    REQUIRE(everyForce > 0);
    choice->setCurrentIndex(everyForce);
    chart = view->chartView()->chart();
    auto* bars = qobject_cast<QBarSeries*>(chart->series().value(0));
    REQUIRE(bars);
    QBarSet* set = bars->barSets().value(0);
    REQUIRE(set);
    REQUIRE(set->count() == 3);
    CHECK(set->at(0) == 70.0);
    CHECK(set->at(1) == 58.1);
    CHECK(set->selectedBars() == QList<int>{1});
    auto* line = qobject_cast<QLineSeries*>(chart->series().value(1));
    REQUIRE(line);
    CHECK(line->at(0).y() == 56.0);
    CHECK(line->name().contains(QStringLiteral("England and Wales")));

    // The choice stays with another force where it can, and the CSV is the profile's own.
    view->setForce(QStringLiteral("kent"));
    CHECK(choice->currentIndex() ==
          choice->findText(
              QStringLiteral("Victim-based crime, every force (12 months to 30 June 2015)")));
    auto* kentBars = qobject_cast<QBarSeries*>(view->chartView()->chart()->series().value(0));
    REQUIRE(kentBars);
    REQUIRE(kentBars->barSets().size() == 1);
    CHECK(kentBars->barSets()[0]->selectedBars() == QList<int>{0});
    window.tabs()->setCurrentWidget(view);
    auto rows = csv::parse(window.csvText().toUtf8(), QStringLiteral("profile.csv"));
    REQUIRE(rows);
    REQUIRE(rows->size() > 1);
    CHECK((*rows)[0].fields.value(3) == QStringLiteral("part"));
    CHECK((*rows)[1].fields.value(0) == QStringLiteral("kent"));
}

TEST_CASE(
    "The change tab shows who went up or down since the programme followed, and opens a force",
    "[window][analysis][change]")
{
    apptest::DemoWindow demo;
    MainWindow& w = demo.window;
    const apptest::Scratch& scratch = demo.scratch;
    auto copied =
        FrameworkService(*w.workbench())
            .copyFramework(kPeel, QStringLiteral("peel-2016"), QStringLiteral("PEEL 2016"), 2016);
    REQUIRE(copied);
    Judgment j;
    j.programmeCode = QStringLiteral("peel-2016");
    j.forceCode = QStringLiteral("lancashire");
    j.questionCode = QStringLiteral("Q2");
    j.gradeCode = QStringLiteral("requires-improvement");
    j.summary = QStringLiteral("Slipped.");
    REQUIRE(DraftingService(*w.workbench()).setJudgment(j));

    MatrixWindow* m = w.matrixWindow();
    REQUIRE(m);
    m->setProgramme(QStringLiteral("peel-2016"));
    ChangeViewWidget* change = m->changeView();
    m->tabs()->setCurrentWidget(change);
    QAbstractItemModelTester tester(change->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    CHECK(change->fromCombo()->currentData().toString() == kPeel);
    CHECK(change->summary()->text().contains(QStringLiteral("1 down")));
    CHECK(change->filter()->rowCount() == 1); // only Lancashire is judged in either year
    CHECK(change->model()->rowCount() == 43);
    change->moversOnly()->setChecked(true);
    REQUIRE(change->filter()->rowCount() == 1);
    const QModelIndex name = change->filter()->index(0, ChangeModel::ForceColumn);
    CHECK(name.data().toString() == QStringLiteral("Lancashire Constabulary"));
    int q2 = -1;
    for (int c = ChangeModel::FirstQuestionColumn; c < change->filter()->columnCount(); ++c)
        if (change->filter()->index(0, c).data(ChangeModel::QuestionCodeRole).toString() ==
            QStringLiteral("Q2"))
            q2 = c;
    REQUIRE(q2 > 0);
    const QModelIndex cell = change->filter()->index(0, q2);
    CHECK(cell.data().toString().contains(QStringLiteral("G → RI")));
    CHECK(cell.data().toString().contains(QStringLiteral("down"))); // in words, not colour alone
    CHECK(cell.data(ChangeModel::ChangeRole).toString() == QStringLiteral("down"));

    const QString csvPath = scratch.path(QStringLiteral("change.csv"));
    REQUIRE(change->exportCsv(csvPath));
    auto rows = csv::parse(apptest::readFile(csvPath), csvPath);
    REQUIRE(rows);
    CHECK(rows->size() == 2); // the heading and the one force on show

    // The window's own buttons act on the tab on show.
    REQUIRE(m->exportCsv(scratch.path(QStringLiteral("window.csv"))));
    CHECK(apptest::readFile(scratch.path(QStringLiteral("window.csv"))).contains("Q2 change"));
    REQUIRE(m->saveImage(scratch.path(QStringLiteral("change.svg"))));
    CHECK(apptest::readFile(scratch.path(QStringLiteral("change.svg"))).contains("<svg"));

    Q_EMIT change->table()->activated(cell);
    CHECK(w.navigatorView()->currentKey().programme == QStringLiteral("peel-2016"));
    CHECK(w.navigatorView()->currentKey().question == QStringLiteral("Q2"));
}

TEST_CASE("The follow-up tab lists what earlier inspections asked, records how a later one found "
          "it, and exports",
          "[window][analysis][followups]")
{
    apptest::DemoWindow demo;
    app::MainWindow& w = demo.window;
    MatrixWindow* m = w.matrixWindow();
    REQUIRE(m);
    m->show();
    REQUIRE(QTest::qWaitForWindowExposed(m));
    FollowUpView* view = m->followUpView();
    REQUIRE(view);
    m->tabs()->setCurrentWidget(view);
    const int open = view->table()->model()->rowCount();
    REQUIRE(open > 3);
    REQUIRE(view->openOnly()->isChecked());

    // A 2014 area for improvement, found completed by the 2015 inspection.
    QString earlier;
    for (const FollowUpItem& i : view->shown().items)
        if (i.since == 2014 && earlier.isEmpty())
            earlier = i.finding.uid;
    REQUIRE(view->selectFinding(earlier));
    REQUIRE(view->programmeCombo()->count() == 1); // only the later programme
    REQUIRE(view->recordButton()->isEnabled());
    view->statusCombo()->setCurrentIndex(
        view->statusCombo()->findData(QStringLiteral("completed")));
    // Without the later finding that says so, it is refused with the reason on show.
    view->evidenceCombo()->setCurrentIndex(0);
    QTest::mouseClick(view->recordButton(), Qt::LeftButton);
    CHECK(view->message()->text().contains(QStringLiteral("needs the later finding")));
    CHECK(view->table()->model()->rowCount() == open);
    REQUIRE(view->evidenceCombo()->count() > 1);
    view->evidenceCombo()->setCurrentIndex(1);
    QTest::mouseClick(view->recordButton(), Qt::LeftButton);
    CHECK(view->message()->text().startsWith(QStringLiteral("Recorded")));
    // Completed, it leaves the list of what is still open.
    QTRY_COMPARE(view->table()->model()->rowCount(), open - 1);
    QTest::mouseClick(view->openOnly(), Qt::LeftButton);
    QTRY_COMPARE(view->table()->model()->rowCount(), open);
    REQUIRE(view->selectFinding(earlier));
    CHECK(view->table()->model()->index(view->table()->currentIndex().row(), 4).data().toString() ==
          QStringLiteral("Completed"));

    // The window's export acts on the tab on show and parses back to the same rows.
    const QString path = demo.scratch.path(QStringLiteral("followups.csv"));
    REQUIRE(m->exportCsv(path));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    auto rows = csv::parse(f.readAll(), QStringLiteral("followups.csv"));
    REQUIRE(rows);
    CHECK(rows->size() == open + 1);

    // Capped, the table shows the oldest few and says how many there are; the export still takes
    // all.
    view->setShownAtMost(3);
    QTRY_COMPARE(view->table()->model()->rowCount(), 3);
    CHECK(view->summary()->text().startsWith(QStringLiteral("The oldest 3 of %1 shown").arg(open)));
    CHECK(view->shown().items.first().since == 2014);
    REQUIRE(m->exportCsv(path));
    QFile again(path);
    REQUIRE(again.open(QIODevice::ReadOnly));
    auto all = csv::parse(again.readAll(), QStringLiteral("followups.csv"));
    REQUIRE(all);
    CHECK(all->size() == open + 1);
    view->setShownAtMost(2000);
    QTRY_COMPARE(view->table()->model()->rowCount(), open);

    // The force profile lists what is still open.
    m->forceProfile()->setForce(QStringLiteral("lancashire"));
    CHECK(m->forceProfile()->page()->toPlainText().contains(QStringLiteral("still open")));
    CHECK(m->forceProfile()->profile().stillOpen.items.size() == open - 1);
}

TEST_CASE("The follow-up tab reads a page at a time as the table scrolls and ends with the whole "
          "list",
          "[window][analysis][followups]")
{
    apptest::DemoWindow demo;
    app::MainWindow& w = demo.window;
    MatrixWindow* m = w.matrixWindow();
    REQUIRE(m);
    m->show();
    REQUIRE(QTest::qWaitForWindowExposed(m));
    FollowUpView* view = m->followUpView();
    REQUIRE(view);
    m->tabs()->setCurrentWidget(view);
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    auto full = followUpList(*demo.window.workbench(), {{}, {}, {}, true});
    REQUIRE(full);
    REQUIRE(full->items.size() > 6);
    // The reference order: the oldest inspection first, then force.
    QList<FollowUpItem> expected = full->items;
    std::stable_sort(
        expected.begin(), expected.end(), [](const FollowUpItem& a, const FollowUpItem& b) {
            return a.since != b.since ? a.since < b.since : a.force.name < b.force.name;
        });

    // Pages of two rows in a table a few rows high: it reads what fills it, and no more.
    view->table()->setFixedHeight(view->table()->horizontalHeader()->height() +
                                  3 * view->table()->verticalHeader()->defaultSectionSize());
    view->model()->setPageSize(2);
    view->reload();
    QCoreApplication::processEvents();
    const int first = view->table()->model()->rowCount();
    CHECK(first >= 2);
    CHECK(first < expected.size());
    CHECK(view->model()->canFetchMore({}));
    CHECK(view->summary()->text().startsWith(
        QStringLiteral("The oldest %1 of %2 shown: more are read as the list scrolls")
            .arg(first)
            .arg(full->items.size())));
    // Scrolled to its end, the table asks for the next page.
    view->table()->scrollToBottom();
    QTRY_VERIFY(view->table()->model()->rowCount() > first);
    REQUIRE(view->model()->fetchAll());
    CHECK_FALSE(view->model()->canFetchMore({}));
    const QList<FollowUpItem>& read = view->shown().items;
    REQUIRE(read.size() == expected.size());
    for (int i = 0; i < read.size(); ++i) {
        INFO("row " << i);
        CHECK(read[i].finding.uid == expected[i].finding.uid);
        CHECK(view->table()->model()->index(i, 0).data().toString() == expected[i].force.name);
        CHECK(view->table()->model()->index(i, 3).data().toString() ==
              QString::number(expected[i].since));
    }
    CHECK(view->summary()->text().startsWith(QStringLiteral("%1 shown").arg(expected.size())));
    // What the exports write is the whole list in the table's order.
    view->reload();
    const FollowUpList exported = view->all();
    REQUIRE(exported.items.size() == expected.size());
    for (int i = 0; i < exported.items.size(); ++i)
        CHECK(exported.items[i].finding.uid == expected[i].finding.uid);
    // A finding beyond the first page is found by reading on.
    view->reload();
    REQUIRE(view->table()->model()->rowCount() < expected.size());
    REQUIRE(view->selectFinding(expected.back().finding.uid));
    CHECK(view->table()->currentIndex().row() == expected.size() - 1);
    CHECK_FALSE(view->selectFinding(QStringLiteral("no-such-finding")));
}
