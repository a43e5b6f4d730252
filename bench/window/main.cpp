// fwb-bench-window: drives the real MainWindow offscreen over a workbench file and prints how
// long the person waits.
//
//   fwb-bench-window FILE [RUNS]
//
// FILE is written to (findings are added, moved, graded and deleted, then put back): give it a
// copy. Figures, each as p50/p95 over RUNS (default 7):
//   open        MainWindow::openWorkbench alone, with and without the quick check on open
//   launch      a new window shown and opened until its first paint
//   add, move, delete a finding; change a grade; save as typed: from the command (the undo
//               command the window runs, or the editor's save) until the event queue is idle
//               and the views have repainted.
#include "app/drafting/commands.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/findingsmodel.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/questionpage.h"
#include "app/mainwindow.h"
#include "app/models/models.h"
#include "app/models/navigatormodel.h"
#include "app/panes/navigatorview.h"
#include "core/workbench.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTextEdit>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <spdlog/spdlog.h>

using namespace fwb;
using namespace fwb::app;
using namespace Qt::StringLiterals;

namespace {

struct Figures {
    QList<double> ms;
    double at(double q) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        const auto i = qsizetype(q * double(s.size() - 1) + 0.5);
        return s[std::clamp<qsizetype>(i, 0, s.size() - 1)];
    }
};

void print(const char* what, const Figures& f, double target)
{
    std::printf("%-28s p50 %8.1f ms   p95 %8.1f ms   (n=%lld%s)\n", what, f.at(0.5), f.at(0.95),
                static_cast<long long>(f.ms.size()),
                target > 0 ? (f.at(0.95) <= target ? ", within target" : ", OVER target") : "");
    std::fflush(stdout);
}

// Lets every posted event (layouts, repaints, deferred deletes) run until none is left.
void settle()
{
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
}

// Lets the work deferred by the last edit (timers of other panes) run, so the next figure is the
// edit's own.
void drain(int ms = 700)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

double timed(const std::function<void()>& command)
{
    QElapsedTimer t;
    t.start();
    command();
    settle();
    return double(t.nsecsElapsed()) / 1e6;
}

class PaintWatch : public QObject {
public:
    bool painted = false;
    bool eventFilter(QObject*, QEvent* e) override
    {
        if (e->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

// The first force's first question with findings, in the newest programme.
NavigatorKey questionWithFindings(Workbench& wb, NavigatorModel& model)
{
    for (int p = 0; p < model.rowCount(); ++p) {
        const QModelIndex programme = model.index(p, 0);
        for (int f = 0; f < std::min(model.rowCount(programme), 3); ++f) {
            const NavigatorKey force = model.keyOf(model.index(f, 0, programme));
            for (const Question& q : wb.reference().questionsFlat(force.programme)) {
                auto n = wb.drafts().findingCount(force.programme, force.force, q.code);
                if (n && *n > 1 && q.graded)
                    return {NavigatorKey::Kind::Question, force.programme, force.force, q.code};
            }
        }
    }
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"findings-workbench-bench"_s);
    QApplication::setOrganizationName(u"Findings Workbench Bench"_s);
    QSettings().clear();
    spdlog::set_level(qEnvironmentVariableIsEmpty("FWB_BENCH_LOG") ? spdlog::level::warn
                                                                   : spdlog::level::debug);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: fwb-bench-window FILE [RUNS]\n");
        return 2;
    }
    const QString path = QFileInfo(args[1]).absoluteFilePath();
    const int runs = args.size() > 2 ? std::max(1, args[2].toInt()) : 7;
    std::printf("fwb-bench-window: %s, %d runs\n", qPrintable(path), runs);

    // Opening the file alone, with the quick check on open and without.
    {
        Figures withCheck, withoutCheck;
        for (int i = 0; i < runs; ++i) {
            for (int check : {2000, 0}) {
                QElapsedTimer t;
                t.start();
                OpenOptions options;
                options.quickCheckMs = check;
                auto wb = Workbench::open(path, options);
                if (!wb) {
                    std::fprintf(stderr, "cannot open: %s\n", qPrintable(wb.error().message));
                    return 1;
                }
                (check ? withCheck : withoutCheck).ms << double(t.nsecsElapsed()) / 1e6;
            }
        }
        print("open (quick check 2 s)", withCheck, 0);
        print("open (no quick check)", withoutCheck, 0);
    }

    // Launch: a window shown and opened, to its first paint; and where the time goes (the window
    // built and shown, openWorkbench, then to the paint).
    Figures launch, launchNoCheck, built, opened, painted;
    for (int i = 0; i < runs; ++i) {
        for (int check : {2000, 0}) {
            QElapsedTimer t;
            t.start();
            auto window = std::make_unique<MainWindow>();
            PaintWatch watch;
            window->installEventFilter(&watch);
            window->resize(1400, 900);
            window->show();
            const double atShown = double(t.nsecsElapsed()) / 1e6;
            OpenOptions options;
            options.quickCheckMs = check;
            if (!window->openWorkbench(path, options))
                return 1;
            const double atOpened = double(t.nsecsElapsed()) / 1e6;
            while (!watch.painted && t.elapsed() < 60000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            const double atPainted = double(t.nsecsElapsed()) / 1e6;
            (check ? launch : launchNoCheck).ms << atPainted;
            if (!check) {
                built.ms << atShown;
                opened.ms << atOpened - atShown;
                painted.ms << atPainted - atOpened;
            }
            window->removeEventFilter(&watch);
            window.reset();
            settle();
        }
    }
    print("launch to painted window", launch, 300);
    print("launch, no quick check", launchNoCheck, 300);
    print("  window built and shown", built, 0);
    print("  openWorkbench (no check)", opened, 0);
    print("  then to the first paint", painted, 0);

    // Edits, in one window on a question with findings.
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    if (!window.openWorkbench(path))
        return 1;
    settle();
    Workbench* wb = window.workbench();
    const NavigatorKey key = questionWithFindings(*wb, *window.navigatorModel());
    if (!key.isValid()) {
        std::fprintf(stderr, "no graded question with findings in the first forces\n");
        return 1;
    }
    window.navigatorView()->selectKey(key);
    window.workTabs()->setCurrentWidget(window.draftingWorkspace());
    settle();
    std::printf("editing %s\n", qPrintable(key.path()));
    QuestionPage* page = window.draftingWorkspace()->questionPage();
    QUndoStack* stack = window.undoStack();
    const ErrorSink errors = [](const QString& title, const QString& message) {
        spdlog::error("{}: {}", title.toStdString(), message.toStdString());
    };
    QString otherQuestion;
    for (const Question& q : wb->reference().questionsFlat(key.programme))
        if (q.code != key.question) {
            otherQuestion = q.code;
            break;
        }
    const auto programme = wb->reference().programme(key.programme);
    const auto scale =
        wb->reference().gradeScale(programme ? programme->gradeScaleCode : QString());

    // The same edits told precisely (uids, place, wording only), as the services are to announce
    // them: the shared models and the drafting page alone, from the change set to repainted.
    Models* models = window.findChild<Models*>();
    Figures pAdd, pMove, pRemove, pGrade, pTyped;
    auto precise = [&](Figures& into, EntityKind kind, ChangeOp op, const QString& uid,
                       const Place& place, const Place& from = {}, bool wording = false) {
        if (!models)
            return;
        RecordChange c;
        c.kind = kind;
        c.op = op;
        c.uids = {uid};
        c.place = place;
        c.from = from;
        c.wordingOnly = wording;
        const ChangeSet changes{c};
        drain();
        into.ms << timed([&] { models->apply(changes); });
        drain();
    };
    const Place here{key.programme, key.force, key.question};
    const Place there{key.programme, key.force,
                      otherQuestion.isEmpty() ? key.question : otherQuestion};

    Figures add, move, remove, grade, typed;
    for (int i = 0; i < runs; ++i) {
        Finding f;
        f.programmeCode = key.programme;
        f.forceCode = key.force;
        f.questionCode = key.question;
        f.kind = u"strength"_s;
        f.text = u"A finding added by the benchmark, run %1."_s.arg(i);
        f.position = 1;
        QString uid;
        add.ms << timed([&] {
            auto* command = new AddFindingCommand(wb, errors, f);
            if (DraftCommand::run(stack, command))
                uid = command->finding().uid;
        });
        if (uid.isEmpty())
            return 1;
        precise(pAdd, EntityKind::Finding, ChangeOp::Added, uid, here);
        page->selectFinding(uid);
        settle();

        // Save as typed: a word typed, then the editor's save.
        QTextEdit* edit = page->editor()->textEdit();
        edit->moveCursor(QTextCursor::End);
        edit->insertPlainText(u" More"_s);
        typed.ms << timed([&] { page->flush(); });
        precise(pTyped, EntityKind::Finding, ChangeOp::Changed, uid, here, {}, true);

        const auto stored = wb->drafts().finding(uid);
        if (!stored)
            return 1;
        move.ms << timed([&] {
            DraftCommand::run(
                stack,
                new MoveFindingCommand(wb, errors, *stored,
                                       otherQuestion.isEmpty() ? key.question : otherQuestion, 0));
        });
        precise(pMove, EntityKind::Finding, ChangeOp::Moved, uid, there, here);

        if (scale && scale->grades.size() > 1) {
            const auto before = wb->drafts().judgment(key.programme, key.force, key.question);
            Judgment j = before.value_or(Judgment{});
            j.programmeCode = key.programme;
            j.forceCode = key.force;
            j.questionCode = key.question;
            j.gradeCode = scale->grades[size_t(i % 2)].code == j.gradeCode
                              ? scale->grades[size_t((i + 1) % 2)].code
                              : scale->grades[size_t(i % 2)].code;
            grade.ms << timed([&] {
                DraftCommand::run(stack,
                                  new SetJudgmentCommand(wb, errors, before, j, u"Set Grade"_s));
            });
            precise(pGrade, EntityKind::Judgment, ChangeOp::Changed,
                    key.programme + u'/' + key.force + u'/' + key.question, here);
        }

        const auto moved = wb->drafts().finding(uid);
        if (!moved)
            return 1;
        remove.ms << timed(
            [&] { DraftCommand::run(stack, new DeleteFindingCommand(wb, errors, *moved)); });
        precise(pRemove, EntityKind::Finding, ChangeOp::Removed, uid, there);
    }
    print("add a finding", add, 50);
    print("move a finding", move, 50);
    print("delete a finding", remove, 50);
    print("change a grade", grade, 50);
    print("save as typed", typed, 50);
    std::printf("told precisely (models and drafting page only):\n");
    print("  add a finding", pAdd, 50);
    print("  move a finding", pMove, 50);
    print("  delete a finding", pRemove, 50);
    print("  change a grade", pGrade, 50);
    print("  save as typed", pTyped, 50);
    stack->clear();
    return 0;
}
