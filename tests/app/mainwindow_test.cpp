// The main window on the offscreen platform: walking the navigator with the keyboard, what the
// detail pane shows (checked against the seed documents), bad files, import and export.
#include "app/mainwindow.h"
#include "app/models/navigatormodel.h"
#include "app/panes/detailpane.h"
#include "app/panes/navigatorview.h"
#include "app/workbenchlock.h"
#include "apptest.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>
#include <QTextDocumentFragment>

using namespace fwb;
using namespace fwb::app;

namespace {

const QString kPeelSeed = QStringLiteral("peel-2015-effectiveness-report-lancashire.txt");
const QString kLetterSeed = QStringLiteral("core-business-2014-letter-lancashire.txt");

QString detailText(const MainWindow& w)
{
    return apptest::normalise(w.detailPane()->toPlainText());
}

QModelIndex rowOf(const NavigatorModel& model, int role, const QString& value,
                  const QModelIndex& parent = {})
{
    for (int r = 0; r < model.rowCount(parent); ++r)
        if (model.index(r, 0, parent).data(role).toString() == value)
            return model.index(r, 0, parent);
    return {};
}

void click(QTreeView* view, const QModelIndex& index)
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

struct Window {
    apptest::Scratch scratch;
    QString path = scratch.createFile(QStringLiteral("demo.fwb"));
    MainWindow window;
    Window()
    {
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.openWorkbench(path));
    }
};

} // namespace

TEST_CASE("The window opens on Lancashire's overview of the newest programme", "[window]")
{
    Window w;
    CHECK_FALSE(w.window.dialogsEnabled()); // offscreen: errors are signalled, not modal
    const NavigatorKey key = w.window.navigatorView()->currentKey();
    CHECK(key.kind == NavigatorKey::Kind::Force);
    CHECK(key.force == QStringLiteral("lancashire"));
    CHECK(detailText(w.window).contains(QStringLiteral("Lancashire Constabulary")));
    CHECK(w.window.windowTitle().startsWith(QStringLiteral("demo.fwb")));
    CHECK_FALSE(w.window.windowTitle().contains(QStringLiteral("Read-only")));
    // The status bar names the file and counts what it holds.
    bool pathShown = false, countsShown = false;
    for (QLabel* label : w.window.statusBar()->findChildren<QLabel*>()) {
        pathShown = pathShown || label->text().contains(QStringLiteral("demo.fwb"));
        countsShown = countsShown || label->text().contains(QStringLiteral("finding"));
    }
    CHECK(pathShown);
    CHECK(countsShown);
    CHECK(w.window.navigatorView()->accessibleName() == QStringLiteral("Navigator"));
    CHECK(w.window.detailPane()->accessibleName() == QStringLiteral("Details"));
}

TEST_CASE("Walking the navigator with the keyboard shows a question's judgment and findings",
          "[window]")
{
    Window w;
    NavigatorView* view = w.window.navigatorView();
    NavigatorModel* model = w.window.navigatorModel();
    view->collapseAll();

    // Programme: click it, then expand it with the Right key.
    const QModelIndex peel =
        rowOf(*model, NavigatorModel::ProgrammeRole, QStringLiteral("peel-effectiveness-2015"));
    REQUIRE(peel.isValid());
    click(view, peel);
    CHECK(view->currentKey().kind == NavigatorKey::Kind::Programme);
    const QString title =
        apptest::seedLine(kPeelSeed, QStringLiteral("PEEL: Police effectiveness 2015"));
    CHECK(detailText(w.window).contains(QStringLiteral("Police effectiveness")));
    QTest::keyClick(view, Qt::Key_Right);
    CHECK(view->isExpanded(peel));

    // Down to Lancashire: its overview in that programme.
    QTest::keyClick(view, Qt::Key_Down);
    REQUIRE(view->currentKey().force == QStringLiteral("lancashire"));
    CHECK(view->currentKey().kind == NavigatorKey::Kind::Force);
    CHECK(detailText(w.window).contains(QStringLiteral("Judgments")));
    CHECK(detailText(w.window).contains(QStringLiteral("Good")));

    // Into the question tree; Down until the question the seed's contents list as
    // "How effective is the force at investigating crime and managing offenders?".
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_Down);
    REQUIRE(view->currentKey().kind == NavigatorKey::Kind::Question);
    QTest::keyClick(view, Qt::Key_Right); // open the overall question
    const QString heading =
        QStringLiteral("How effective is the force at investigating crime and managing offenders?");
    REQUIRE(apptest::seedLine(kPeelSeed, heading).startsWith(heading));
    bool found = false;
    for (int step = 0; step < 40 && !found; ++step) {
        QTest::keyClick(view, Qt::Key_Down);
        // The tooltip is markup with the data escaped; its first line is the question as printed.
        const QString tip =
            QTextDocumentFragment::fromHtml(view->currentIndex().data(Qt::ToolTipRole).toString())
                .toPlainText();
        const QString text = tip.section(QLatin1Char('\n'), 0, 0);
        found = apptest::normalise(text) == heading;
    }
    REQUIRE(found);

    const QString detail = detailText(w.window);
    INFO(detail.left(3000).toStdString());
    CHECK(detail.contains(heading));
    CHECK(detail.contains(QStringLiteral("Good")));
    // The judgment's summary and a finding, as the report prints them.
    CHECK(detail.contains(
        apptest::seedLine(kPeelSeed,
                          QStringLiteral("Lancashire Constabulary's approach to investigating "
                                         "crime and managing offenders is good."))
            .section(QLatin1Char('.'), 0, 0)));
    const QString finding = apptest::seedLine(
        kPeelSeed,
        QStringLiteral(
            "Lancashire Constabulary has an effective process for the initial investigation"));
    CHECK(detail.contains(finding.section(QLatin1Char('.'), 0, 0)));
    CHECK(title.contains(QStringLiteral("effectiveness")));
}

TEST_CASE("A question of the 2014 letter shows the letter's findings and the case-file sample",
          "[window]")
{
    Window w;
    NavigatorView* view = w.window.navigatorView();
    view->selectKey({NavigatorKey::Kind::Question, QStringLiteral("core-business-2014"),
                     QStringLiteral("lancashire"), QStringLiteral("A2")});
    REQUIRE(view->currentKey().question == QStringLiteral("A2"));
    const QString detail = detailText(w.window);
    INFO(detail.left(3000).toStdString());
    const QString letter = apptest::seedLine(
        kLetterSeed, QStringLiteral("- Fifty unattended crime reports were examined."));
    CHECK(detail.contains(letter.mid(2).section(QLatin1Char('.'), 0, 0)));
    CHECK(detail.contains(
        QStringLiteral("34 of 50"))); // "Thirty four of those files contained no evidence …"
    CHECK(detail.contains(QStringLiteral("Areas for improvement")));
}

TEST_CASE("Opening a file that is not a workbench keeps the current one open", "[window][errors]")
{
    Window w;
    const QString bad = w.scratch.path(QStringLiteral("notes.fwb"));
    apptest::writeFile(bad, "These are my notes, not a workbench.\n");
    const QString before = detailText(w.window);
    const QString title = w.window.windowTitle();
    QSignalSpy errors(&w.window, &MainWindow::errorShown);

    CHECK_FALSE(w.window.openWorkbench(bad));
    REQUIRE(errors.count() == 1);
    CHECK(errors.front().front().toString().startsWith(QStringLiteral("Not a workbench")));
    REQUIRE(w.window.workbench());
    CHECK(w.window.workbench()->path() == w.path);
    CHECK(w.window.windowTitle() == title);
    CHECK(detailText(w.window) == before);
    CHECK(apptest::readFile(bad) == "These are my notes, not a workbench.\n"); // left untouched

    CHECK_FALSE(w.window.openWorkbench(w.scratch.path(QStringLiteral("missing.fwb"))));
    CHECK(errors.count() == 2);
    CHECK(errors.back().front().toString().startsWith(QStringLiteral("No such file")));
    CHECK(w.window.workbench()->path() == w.path);
}

TEST_CASE("A second window on the same workbench is refused", "[window][lock]")
{
    Window w;
    MainWindow second;
    QSignalSpy errors(&second, &MainWindow::errorShown);
    CHECK_FALSE(second.openWorkbench(w.path));
    REQUIRE(errors.count() == 1);
    CHECK(errors.front().front().toString().contains(QStringLiteral("open in another window")));
    CHECK(second.workbench() == nullptr);

    // Once the first window has moved on, the second may open it.
    CHECK(w.window.newWorkbench(w.scratch.path(QStringLiteral("other.fwb")), false));
    CHECK(second.openWorkbench(w.path));
}

TEST_CASE("A read-only workbench says so in the title and the status bar", "[window]")
{
    apptest::Scratch scratch;
    const QString path = scratch.createFile(QStringLiteral("demo.fwb"));
    MainWindow window;
    window.show();
    OpenOptions options;
    options.readOnly = true;
    REQUIRE(window.openWorkbench(path, options));
    CHECK(window.windowTitle().contains(QStringLiteral("Read-only")));
    bool shown = false;
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
        shown = shown || (label->text() == QStringLiteral("Read-only") && label->isVisible());
    CHECK(shown);
}

TEST_CASE("Import through the window refreshes the navigator, and a bad import changes nothing",
          "[window][import]")
{
    Window w;
    NavigatorModel* model = w.window.navigatorModel();
    const auto programme =
        w.window.workbench()->reference().programme(QStringLiteral("peel-effectiveness-2015"));
    REQUIRE(programme);
    const QString question = programme->questions.front().code;
    const QString csv = w.scratch.path(QStringLiteral("judgments.csv"));
    apptest::writeFile(
        csv, QStringLiteral(
                 "force,programme,question,grade,summary\n"
                 "cumbria,peel-effectiveness-2015,%1,Outstanding,\"Cumbria is outstanding.\"\n")
                 .arg(question)
                 .toUtf8());
    REQUIRE(w.window.importFile(csv));
    CHECK(w.window.statusBar()->currentMessage().startsWith(
        QStringLiteral("Imported judgments.csv")));
    const QModelIndex q = model->indexOf(
        {NavigatorKey::Kind::Question, programme->code, QStringLiteral("cumbria"), question});
    REQUIRE(q.isValid());
    CHECK(q.data(NavigatorModel::GradeRole).toString() == QStringLiteral("outstanding"));

    const qint64 judgments = w.window.workbench()->info().judgments;
    const QString bad = w.scratch.path(QStringLiteral("bad.csv"));
    apptest::writeFile(
        bad, QStringLiteral("force,programme,question,grade,summary\n"
                            "durham,peel-effectiveness-2015,%1,good,\"fine\"\n"
                            "durham,peel-effectiveness-2015,%1,excellent,\"no such grade\"\n")
                 .arg(question)
                 .toUtf8());
    QSignalSpy errors(&w.window, &MainWindow::errorShown);
    CHECK_FALSE(w.window.importFile(bad));
    REQUIRE(errors.count() == 1);
    CHECK(errors.front().front().toString().contains(QStringLiteral("excellent")));
    CHECK(w.window.workbench()->info().judgments == judgments);
    CHECK_FALSE(
        model->indexOf({NavigatorKey::Kind::Force, programme->code, QStringLiteral("durham"), {}})
            .data(NavigatorModel::ForceRole)
            .toString() == QStringLiteral("durham"));
}

TEST_CASE("Export writes the selected force's slice", "[window][export]")
{
    Window w;
    const QString json = w.scratch.path(QStringLiteral("lancs.json"));
    REQUIRE(w.window.exportTo(
        json, ExportFormat::Json,
        {QStringLiteral("peel-effectiveness-2015"), QStringLiteral("lancashire")}));
    const QByteArray bytes = apptest::readFile(json);
    CHECK(bytes.contains("\"findings-workbench\""));
    CHECK(bytes.contains("lancashire"));
    const QString csv = w.scratch.path(QStringLiteral("all.csv"));
    REQUIRE(w.window.exportTo(csv, ExportFormat::Csv, {}));
    const QByteArray header = apptest::readFile(csv).split('\n').front();
    CHECK(QString::fromUtf8(header)
              .remove(QLatin1Char('"'))
              .startsWith(QStringLiteral("force,programme,question,grade")));
    CHECK(apptest::readFile(csv).contains("lancashire"));
}

TEST_CASE("Show all forces is an action that keeps the place in the tree", "[window]")
{
    Window w;
    const NavigatorKey before = w.window.navigatorView()->currentKey();
    w.window.showAllForcesAction()->setChecked(true);
    const QModelIndex peel =
        rowOf(*w.window.navigatorModel(), NavigatorModel::ProgrammeRole, before.programme);
    CHECK(w.window.navigatorModel()->rowCount(peel) == 43);
    CHECK(w.window.navigatorView()->currentKey() == before);
    w.window.showAllForcesAction()->setChecked(false);
    CHECK(w.window.navigatorView()->currentKey() == before);
}

TEST_CASE("Export refuses to write over the open workbench", "[app][export]")
{
    Window w;
    const QString own = w.path;
    const QByteArray before = apptest::readFile(own);
    QStringList errors;
    QObject::connect(&w.window, &MainWindow::errorShown, [&](const QString& m) { errors << m; });
    CHECK_FALSE(w.window.exportTo(own, ExportFormat::Json, {}));
    CHECK_FALSE(w.window.exportTo(own + QStringLiteral("-wal"), ExportFormat::Csv, {}));
    REQUIRE(errors.size() == 2);
    CHECK(errors.front().contains(QStringLiteral("the workbench's own file")));
    CHECK(apptest::readFile(own).left(16) == before.left(16)); // still an SQLite file
}

TEST_CASE("A workbench reached through a symbolic link is the same workbench for the lock",
          "[app][lock]")
{
    apptest::Scratch dir;
    const QString real = dir.createFile(QStringLiteral("real.fwb"), false);
    const QString link = dir.path(QStringLiteral("shortcut.fwb"));
    REQUIRE(QFile::link(real, link));
    auto first = WorkbenchLock::acquire(real);
    REQUIRE(first.ok());
    auto second = WorkbenchLock::acquire(link);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().message.contains(QStringLiteral("open in another window")));
}

TEST_CASE("A workbench with a damaged page opens read-only in the window with a warning",
          "[window][damaged]")
{
    apptest::Scratch scratch;
    const QString path = scratch.createFile(QStringLiteral("damaged.fwb"));
    qint64 page = 0;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("pages"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(
            QStringLiteral("SELECT max(pageno) FROM dbstat WHERE name = 'search_index_content'")));
        REQUIRE(q.next());
        page = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pages"));
    REQUIRE(page > 1);
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.seek((page - 1) * 4096));
        REQUIRE(f.write(QByteArray(4096, 'Z')) == 4096);
    }
    const QByteArray before = apptest::readFile(path);
    MainWindow window;
    window.show();
    QSignalSpy errors(&window, &MainWindow::errorShown);
    REQUIRE(window.openWorkbench(path));
    REQUIRE(errors.count() == 1);
    CHECK(errors.front().front().toString().startsWith(QStringLiteral("Damaged workbench")));
    CHECK(window.workbench()->isReadOnly());
    CHECK(window.windowTitle().contains(QStringLiteral("Read-only")));
    bool shown = false;
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
        shown = shown || (label->text().contains(QStringLiteral("Damaged")) && label->isVisible());
    CHECK(shown);
    CHECK(apptest::readFile(path) == before);
}
