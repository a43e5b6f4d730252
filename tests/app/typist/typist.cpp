// fwb-typist: the real window, typing without a pause, for the crash test (typing_crash_test.cpp).
//
//   fwb-typist WORKBENCH finding|summary|section [CHARACTERS-PER-SECOND]
//
// Opens the main window on the workbench, puts the caret at the end of a finding, a judgment
// summary or a narrative section of Lancashire's 2015 PEEL effectiveness material, and types the
// letters a to z over and over with QTest, never pausing, until it is killed. On standard output,
// each line flushed at once:
//   target finding UID | target summary PROGRAMME/FORCE/QUESTION | target section DOCUMENT/SECTION
//   original HEX        the editor's text before the typing (UTF-8, hexadecimal)
//   ready
//   typed N             after each keystroke: N letters typed so far
// It exits with status 2 when it cannot open the workbench or find something to type in, and by
// itself after two minutes, so that a test that failed to kill it leaves nothing running.

#include "app/documents/documentsworkspace.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/questionpage.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "core/workbench.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QTreeWidget>
#include <cstdio>
#include <spdlog/spdlog.h>

using namespace fwb;
using namespace fwb::app;

namespace {

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kLancs = QStringLiteral("lancashire");

void say(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString& why)
{
    std::fprintf(stderr, "fwb-typist: %s\n", why.toUtf8().constData());
    return 2;
}

struct TypingTarget {
    QString id;
    MarkdownEdit* editor = nullptr;
};

TypingTarget findingTarget(MainWindow& window)
{
    Workbench* wb = window.workbench();
    for (const Question& q : wb->reference().questionsFlat(kPeel))
        for (const Finding& f : wb->drafts().findings(kPeel, kLancs, q.code)) {
            if (f.status == QLatin1String("published"))
                continue;
            window.navigatorView()->selectKey(
                NavigatorKey{NavigatorKey::Kind::Question, kPeel, kLancs, q.code});
            QuestionPage* page = window.draftingWorkspace()->questionPage();
            window.workTabs()->setCurrentWidget(window.draftingWorkspace());
            if (page->selectFinding(f.uid) && !page->editor()->textEdit()->isReadOnly())
                return {f.uid, page->editor()};
        }
    return {};
}

TypingTarget summaryTarget(MainWindow& window)
{
    Workbench* wb = window.workbench();
    for (const Question& q : wb->reference().questionsFlat(kPeel)) {
        const auto j = wb->drafts().judgment(kPeel, kLancs, q.code);
        if (!q.graded || !j || j->status == QLatin1String("published"))
            continue;
        window.navigatorView()->selectKey(
            NavigatorKey{NavigatorKey::Kind::Question, kPeel, kLancs, q.code});
        window.workTabs()->setCurrentWidget(window.draftingWorkspace());
        MarkdownEdit* editor =
            window.draftingWorkspace()->questionPage()->judgmentPanel()->summaryEditor();
        if (!editor->textEdit()->isReadOnly())
            return {kPeel + QLatin1Char('/') + kLancs + QLatin1Char('/') + q.code, editor};
    }
    return {};
}

TypingTarget sectionTarget(MainWindow& window)
{
    window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    DocumentsWorkspace* docs = window.documentsWorkspace();
    window.workTabs()->setCurrentWidget(docs);
    const QString document = docs->currentDocument();
    const auto d = window.workbench()->documents().document(document);
    if (!d)
        return {};
    for (QTreeWidgetItemIterator it(docs->outline()); *it; ++it) {
        const QString uid = (*it)->data(0, Qt::UserRole + 1).toString();
        const Section* s = findSection(d->sections, uid);
        if (!s || s->kind != QLatin1String("narrative") || !docs->selectSection(uid))
            continue;
        if (!docs->bodyEditor()->textEdit()->isReadOnly() && docs->bodyEditor()->isEnabled())
            return {document + QLatin1Char('/') + uid, docs->bodyEditor()};
    }
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // the person's own settings stay untouched
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("findings-workbench-typist"));
    QApplication::setOrganizationName(QStringLiteral("Findings Workbench Tests"));
    spdlog::set_level(spdlog::level::err);
    const QStringList args = QApplication::arguments();
    if (args.size() < 3)
        return fail(QStringLiteral(
            "usage: fwb-typist WORKBENCH finding|summary|section [CHARACTERS-PER-SECOND]"));
    const QString kind = args.at(2);
    const int perSecond = args.size() > 3 ? args.at(3).toInt() : 20;
    if (perSecond < 1 || perSecond > 200)
        return fail(QStringLiteral("characters per second must be 1 to 200, not \"%1\"")
                        .arg(args.value(3)));

    MainWindow window;
    window.setDialogsEnabled(false);
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail(QStringLiteral("the window was not shown"));
    if (!window.openWorkbench(args.at(1)))
        return fail(QStringLiteral("cannot open %1").arg(args.at(1)));

    TypingTarget target;
    if (kind == QLatin1String("finding"))
        target = findingTarget(window);
    else if (kind == QLatin1String("summary"))
        target = summaryTarget(window);
    else if (kind == QLatin1String("section"))
        target = sectionTarget(window);
    else
        return fail(QStringLiteral("unknown editor \"%1\": finding, summary or section").arg(kind));
    if (!target.editor)
        return fail(QStringLiteral("nothing to type in for %1").arg(kind));

    QTextEdit* edit = target.editor->textEdit();
    window.activateWindow();
    edit->setFocus(Qt::OtherFocusReason);
    edit->moveCursor(QTextCursor::End);
    QTest::qWait(200); // let the selection's reloads and checks settle before the clock starts
    say(QStringLiteral("target %1 %2").arg(kind, target.id));
    say(QStringLiteral("original %1")
            .arg(QString::fromLatin1(target.editor->markdown().toUtf8().toHex())));
    say(QStringLiteral("ready"));

    int typed = 0;
    QTimer keys;
    keys.setTimerType(Qt::PreciseTimer);
    keys.setInterval(1000 / perSecond);
    QObject::connect(&keys, &QTimer::timeout, [&] {
        QTest::keyClick(edit, char('a' + typed % 26));
        ++typed;
        say(QStringLiteral("typed %1").arg(typed));
    });
    keys.start();
    QTimer::singleShot(120000, &app, &QCoreApplication::quit);
    return QApplication::exec();
}
