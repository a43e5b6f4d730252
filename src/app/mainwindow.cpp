#include "app/mainwindow.h"

#include "app/actionregistry.h"
#include "app/dialogs/copydialog.h"
#include "app/documents/documentsworkspace.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/questionpage.h"
#include "app/drafting/searchpane.h"
#include "app/models/models.h"
#include "app/models/navigatormodel.h"
#include "app/navigation/destinations.h"
#include "app/navigation/router.h"
#include "app/panes/detailpane.h"
#include "app/panes/diagnosticspane.h"
#include "app/panes/navigatorview.h"
#include "app/review/reviewworkspace.h"
#include "app/session/session.h"
#include "app/session/sessionprompts.h"
#include "app/session/sessionwindows.h"
#include "app/session/statusline.h"
#include "core/workbench.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/icons/findings-workbench.svg"_s));
    m_dialogsEnabled = QGuiApplication::platformName() != u"offscreen"_s;
    m_session = new Session(m_settings, this);
    m_actions = new ActionRegistry(this);
    m_actions->createWindowActions();
    m_undoStack = new QUndoStack(this);
    m_undoStack->setObjectName(u"undoStack"_s);
    createPanes();
    m_windows = new SessionWindows(*m_session, m_drafting->context(), this);
    connect(m_windows, &SessionWindows::failed, this, &MainWindow::showError);
    m_router = new Router(m_navigator, m_workTabs, this);
    wireNavigation();
    connectActions();
    createMenus();
    m_status = new StatusLine(statusBar(), *m_session);
    connect(m_diagnostics, &DiagnosticsPane::finished, this, [this] {
        m_status->setProblems(m_diagnostics->errorCount(), m_diagnostics->warningCount());
    });
    connect(m_session, &Session::failed, this, &MainWindow::showError);
    connect(m_session, &Session::notice, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_session, &Session::aboutToClose, this, &MainWindow::letGo);
    connect(m_session, &Session::workbenchOpened, this, &MainWindow::adopt);
    connect(m_session, &Session::workbenchClosed, this, &MainWindow::updateTitle);
    connect(m_session, &Session::readOnlyChanged, this, &MainWindow::updateTitle);
    updateTitle();

    if (!m_settings.restoreWindow(*this, *m_splitter)) {
        // First run: most of the screen, since the detail pane reads best wide.
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1400, 900);
        resize(available.boundedTo(QSize(1600, 1000)) * 0.92);
    }
    m_navigator->setFocus();
}

MainWindow::~MainWindow()
{
    // Undo commands and views let go before the workbench closes, and its lock after.
    disconnect(m_session, nullptr, this, nullptr);
    letGo();
    m_session->close();
}

void MainWindow::createPanes()
{
    const ErrorSink errors = [this](const QString& t, const QString& m) { showError(t, m); };
    m_models = new Models(this);
    m_model = m_models->navigator();
    m_model->setShowAllForces(m_settings.showAllForces());
    m_actions->action(u"showAllForcesAction"_s)->setChecked(m_model->showAllForces());
    m_navigator = new NavigatorView(m_model, this);
    m_detail = new DetailPane(this);
    m_drafting = new DraftingWorkspace(m_models, m_undoStack, errors, this);
    m_documents = new DocumentsWorkspace(m_undoStack, errors, this);
    m_review = new ReviewWorkspace(errors, this);
    m_workTabs = new QTabWidget(this);
    m_workTabs->setObjectName(u"workTabs"_s);
    m_workTabs->setDocumentMode(true);
    m_workTabs->addTab(m_drafting, tr("&Draft"));
    m_workTabs->addTab(m_detail, tr("O&verview"));
    m_workTabs->addTab(m_documents, tr("Do&cuments"));
    m_workTabs->addTab(m_review, tr("Re&view"));
    connect(m_workTabs, &QTabWidget::currentChanged, this, [this] {
        if (m_detailStale && m_workTabs->currentWidget() == m_detail)
            refreshDetail();
    });

    auto dock = [this](QWidget* pane, const QString& title, const QString& name) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(pane);
        addDockWidget(Qt::BottomDockWidgetArea, d);
        d->hide();
        return d;
    };
    m_search = new SearchPane(this);
    m_searchDock = dock(m_search, tr("Search"), u"searchDock"_s);
    m_searchDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea |
                                  Qt::LeftDockWidgetArea);
    m_diagnostics = new DiagnosticsPane(this);
    m_diagnosticsDock = dock(m_diagnostics, tr("Problems"), u"diagnosticsDock"_s);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(m_workTabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({440, 860});
    setCentralWidget(m_splitter);
    setTabOrder(m_navigator, m_workTabs);
}

void MainWindow::wireNavigation()
{
    m_draftingDestination = std::make_unique<DraftingDestination>(m_drafting);
    m_overviewDestination = std::make_unique<OverviewDestination>(m_detail);
    m_router->addDestination(m_draftingDestination.get());
    m_router->addDestination(m_overviewDestination.get());
    m_router->addDestination(m_documents);
    m_router->addDestination(m_review);
    // A force without material is listed once every force is shown, so the way to it exists.
    m_router->setRevealForce([this](const QString& programme, const QString& force) {
        if (!m_model->showAllForces() && !m_session->hasMaterial(programme, force))
            m_actions->action(u"showAllForcesAction"_s)->setChecked(true);
    });
    connect(m_router, &Router::refused, this,
            [this](const Target&, const QString& why) { statusBar()->showMessage(why, 10000); });
    auto go = [this](const Target& t) { m_router->goTo(t); };
    connect(m_search, &SearchPane::hitActivated, this,
            [go](const SearchHit& hit) { go(Target::fromHit(hit)); });
    connect(m_diagnostics, &DiagnosticsPane::problemActivated, this,
            [go](const checks::Problem& p) { go(Target::fromProblem(p)); });
    connect(m_detail, &DetailPane::linkActivated, this,
            [go](const NavigatorKey& key) { go(Target::place(key)); });
    connect(m_documents, &DocumentsWorkspace::editQuestionRequested, this,
            [go](const QString& programme, const QString& force, const QString& question) {
                go(Target::draft({NavigatorKey::Kind::Question, programme, force, question}));
            });
    connect(m_windows, &SessionWindows::openRequested, this,
            [this](const QString& programme, const QString& force, const QString& question) {
                m_router->goTo(Target::draft(
                    {question.isEmpty() ? NavigatorKey::Kind::Force : NavigatorKey::Kind::Question,
                     programme, force, question}));
                raise();
                activateWindow();
            });
    connect(m_documents, &DocumentsWorkspace::editFiguresRequested, this,
            [go](const QString& programme, const QString& force) {
                go(Target::metrics(programme, force));
            });

    // The navigator is the place every workspace shows.
    connect(m_navigator, &NavigatorView::currentKeyChanged, m_detail, &DetailPane::showKey);
    connect(m_navigator, &NavigatorView::currentKeyChanged, this, [this](const NavigatorKey& key) {
        m_diagnostics->setPlace(key.programme, key.force);
        m_documents->showPlace(key.programme, key.force);
        m_review->showPlace(key.programme, key.force);
        if (key == m_drafting->key())
            return;
        m_drafting->showKey(key);
        // A programme has nothing to draft: show its overview instead.
        if (!m_drafting->hasPage() && m_workTabs->currentWidget() == m_drafting)
            m_workTabs->setCurrentWidget(m_detail);
        else if (m_drafting->hasPage() && key.kind == NavigatorKey::Kind::Question)
            m_workTabs->setCurrentWidget(m_drafting);
    });
}

void MainWindow::connectActions()
{
    ActionRegistry& a = *m_actions;
    auto on = [this, &a](const QString& name, auto&& slot) {
        connect(a.action(name), &QAction::triggered, this, slot);
    };
    // Dialogs are for a person; offscreen and in tests the methods are called instead.
    auto asking = [this](auto&& ask) {
        return [this, ask] {
            if (m_dialogsEnabled)
                ask();
        };
    };
    on(u"newAction"_s, asking([this] { prompts::newWorkbench(this, *m_session); }));
    on(u"openAction"_s, asking([this] { prompts::openWorkbench(this, *m_session); }));
    on(u"importAction"_s, asking([this] { prompts::importFile(this, *m_session); }));
    on(u"exportAction"_s,
       asking([this] { prompts::exportData(this, *m_session, m_navigator->currentKey()); }));
    on(u"copyWorkbenchAction"_s, asking([this] { CopyDialog(m_session->path(), this).exec(); }));
    on(u"quitAction"_s, [this] { close(); });
    on(u"aboutAction"_s, asking([this] { prompts::about(this); }));
    connect(a.action(u"aboutQtAction"_s), &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(a.action(u"showAllForcesAction"_s), &QAction::toggled, this, [this](bool shown) {
        m_settings.setShowAllForces(shown);
        m_model->setShowAllForces(shown); // reloads; the navigator keeps its place
        m_detail->showKey(m_navigator->currentKey());
    });

    a.bindUndoStack(m_undoStack, [this] { flushEdits(); });
    on(u"findAction"_s, [this] {
        m_searchDock->show();
        m_searchDock->raise();
        m_search->focusQuery();
    });
    on(u"checkAction"_s, [this] {
        flushEdits();
        m_diagnosticsDock->show();
        m_diagnosticsDock->raise();
        const NavigatorKey key = m_navigator->currentKey();
        m_diagnostics->setPlace(key.programme, key.force, true);
    });
    on(u"frameworksAction"_s,
       [this] { m_windows->showFrameworks(m_navigator->currentKey().programme); });
    on(u"referencesAction"_s, [this] { m_windows->showReferences(); });
    on(u"nextPaneAction"_s, [this] {
        (m_navigator->hasFocus() ? static_cast<QWidget*>(m_detail) : m_navigator)
            ->setFocus(Qt::ShortcutFocusReason);
    });
    on(u"ingestAction"_s, asking([this] {
           QString path, programme;
           if (m_session->isOpen() && prompts::publishedReport(this, *m_session, &path, &programme))
               m_windows->ingest(path, programme, true);
       }));
    on(u"matrixAction"_s, [this] { m_windows->showMatrix(m_navigator->currentKey().programme); });

    // The panes' own actions, so the registry knows every shortcut of the window.
    QList<std::pair<QString, QAction*>> adopted{
        {u"printPreviewAction"_s, m_documents->printPreviewAction()},
        {u"printAction"_s, m_documents->printAction()},
        {u"exportDocumentAction"_s, m_documents->exportAction()},
        {u"exportAllAction"_s, m_documents->exportAllAction()}};
    adopted += m_drafting->findingActions();
    for (const auto& [name, action] : adopted)
        a.adopt(name, action);
}

void MainWindow::createMenus()
{
    m_actions->adopt(u"searchDockAction"_s, m_searchDock->toggleViewAction());
    m_actions->adopt(u"diagnosticsDockAction"_s, m_diagnosticsDock->toggleViewAction());
    const QHash<QString, QMenu*> menus = m_actions->fillMenuBar(menuBar());
    m_editMenu = menus.value(u"edit"_s);
    m_recentMenu = menus.value(u"recent"_s);
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] {
        prompts::fillRecentMenu(m_recentMenu, m_settings,
                                [this](const QString& path) { openWorkbench(path); });
    });
    // The letter or report on the Documents tab is what the File menu's document actions act on.
    for (QAction* a : {m_documents->printPreviewAction(), m_documents->printAction(),
                       m_documents->exportAction(), m_documents->exportAllAction()})
        connect(a, &QAction::triggered, this,
                [this] { m_workTabs->setCurrentWidget(m_documents); });
    // From the menu the finding actions act on the question on show, wherever the focus is.
    for (const auto& [name, a] : m_drafting->findingActions())
        a->setShortcutContext(Qt::WindowShortcut);
}

void MainWindow::showError(const QString& title, const QString& message)
{
    spdlog::warn("{}: {}", title.toStdString(), message.toStdString());
    Q_EMIT errorShown(message);
    if (m_dialogsEnabled) {
        // Messages quote file contents: show them as text, never as markup.
        QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    }
}

void MainWindow::letGo()
{
    flushEdits();
    m_windows->closeAll(); // the editors of the workbench being closed
    m_undoStack->clear();  // its commands belong to the workbench being closed
    m_router->setWorkbench(nullptr);
    m_drafting->setWorkbench(nullptr);
    m_documents->setWorkbench(nullptr);
    m_review->setWorkbench(nullptr);
    m_search->setWorkbench(nullptr);
    m_diagnostics->setWorkbench(nullptr);
    m_models->setWorkbench(nullptr);
    m_detail->setWorkbench(nullptr);
}

void MainWindow::adopt()
{
    Workbench* wb = m_session->workbench();
    connect(wb, &Workbench::changed, this, &MainWindow::refresh);
    m_router->setWorkbench(wb);
    m_models->setWorkbench(wb);
    m_detail->setWorkbench(wb);
    m_drafting->setWorkbench(wb);
    m_documents->setWorkbench(wb);
    m_review->setWorkbench(wb);
    m_search->setWorkbench(wb);
    m_diagnostics->setWorkbench(wb);
    m_navigator->selectFirstForce();
    // Open on the force's overview; a question opens the Draft tab.
    m_workTabs->setCurrentWidget(m_detail);
    updateTitle();
    Q_EMIT workbenchOpened(wb->path());
}

void MainWindow::refresh(const ChangeSet& changes)
{
    // What an edit costs is what it changed: the status bar adjusts its totals from the change
    // records, and the overview is rendered only while it is on show; hidden, it is marked stale
    // and rendered when its tab is chosen. On a national workbench nothing here reads the
    // million findings.
    if (m_status)
        m_status->apply(changes);
    if (changes.isEverything())
        updateTitle();
    if (m_workTabs->currentWidget() != m_detail) {
        m_detailStale = true;
        return;
    }
    refreshDetail();
}

void MainWindow::refreshDetail()
{
    m_detailStale = false;
    const NavigatorKey key = m_navigator->currentKey();
    if (key == m_detail->key())
        m_detail->refresh();
    else
        m_detail->showKey(key);
}

void MainWindow::updateTitle()
{
    const bool open = m_session->isOpen();
    m_actions->action(u"importAction"_s)->setEnabled(open && !m_session->isReadOnly());
    m_actions->action(u"exportAction"_s)->setEnabled(open);
    m_actions->action(u"copyWorkbenchAction"_s)->setEnabled(open);
    const QString name = QFileInfo(m_session->path()).fileName();
    setWindowTitle(!open                     ? tr("Findings Workbench")
                   : m_session->isReadOnly() ? tr("%1 [Read-only] — Findings Workbench").arg(name)
                                             : tr("%1 — Findings Workbench").arg(name));
    if (m_status)
        m_status->update();
}

void MainWindow::saveWindowState()
{
    m_settings.saveWindow(*this, *m_splitter);
    if (m_session->isOpen())
        m_settings.setLastWorkbench(m_session->path());
    m_settings.sync();
}

void MainWindow::flushEdits()
{
    m_drafting->flush();
    m_documents->flush();
    m_review->flush();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    flushEdits();
    saveWindowState();
    event->accept();
}

} // namespace fwb::app
