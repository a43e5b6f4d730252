#include "app/mainwindow.h"

#include "app/actionregistry.h"
#include "app/analysis/matrixwindow.h"
#include "app/dialogs/frameworkdialog.h"
#include "app/dialogs/ingestdialog.h"
#include "app/dialogs/referencedialog.h"
#include "app/documents/documentsworkspace.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/questionpage.h"
#include "app/drafting/searchpane.h"
#include "app/models/navigatormodel.h"
#include "app/navigation/destinations.h"
#include "app/navigation/router.h"
#include "app/panes/detailpane.h"
#include "app/panes/diagnosticspane.h"
#include "app/panes/navigatorview.h"
#include "app/review/reviewworkspace.h"
#include "app/session/session.h"
#include "app/session/sessionprompts.h"
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
    updateTitle();

    if (const QByteArray geometry = m_settings.windowGeometry();
        geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First run: most of the screen, since the detail pane reads best wide.
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1400, 900);
        resize(available.boundedTo(QSize(1600, 1000)) * 0.92);
    }
    if (const QByteArray state = m_settings.windowState(); !state.isEmpty())
        restoreState(state);
    if (const QByteArray splitter = m_settings.splitterState(); !splitter.isEmpty())
        m_splitter->restoreState(splitter);
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
    const ErrorSink errors = [this](const QString& title, const QString& message) {
        showError(title, message);
    };
    m_model = new NavigatorModel(this);
    m_model->setShowAllForces(m_settings.showAllForces());
    m_actions->action(u"showAllForcesAction"_s)->setChecked(m_model->showAllForces());
    m_navigator = new NavigatorView(m_model, this);
    m_detail = new DetailPane(this);
    m_drafting = new DraftingWorkspace(m_undoStack, errors, this);
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
    connect(m_router, &Router::refused, this, [this](const Target&, const QString& why) {
        statusBar()->showMessage(why, 10000);
    });
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
    on(u"exportAction"_s, asking([this] {
           prompts::exportData(this, *m_session, m_navigator->currentKey());
       }));
    on(u"quitAction"_s, [this] { close(); });
    on(u"aboutAction"_s, asking([this] { prompts::about(this); }));
    connect(a.action(u"aboutQtAction"_s), &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(a.action(u"showAllForcesAction"_s), &QAction::toggled, this, [this](bool shown) {
        m_settings.setShowAllForces(shown);
        m_model->setShowAllForces(shown); // reloads; the navigator keeps its place
        m_detail->showKey(m_navigator->currentKey());
    });

    // The actions name what they will undo or redo ("Undo Add Finding"). Typing not yet saved is
    // saved first, so that Undo takes back what the person sees.
    for (const bool isUndo : {true, false}) {
        QAction* action = a.action(isUndo ? u"undoAction"_s : u"redoAction"_s);
        const QString plain = isUndo ? tr("&Undo") : tr("&Redo");
        connect(action, &QAction::triggered, this, [this, isUndo] {
            flushEdits();
            isUndo ? m_undoStack->undo() : m_undoStack->redo();
        });
        connect(m_undoStack, isUndo ? &QUndoStack::canUndoChanged : &QUndoStack::canRedoChanged,
                action, &QAction::setEnabled);
        connect(m_undoStack, isUndo ? &QUndoStack::undoTextChanged : &QUndoStack::redoTextChanged,
                action, [action, plain](const QString& text) {
                    action->setText(text.isEmpty() ? plain : plain + u' ' + text);
                });
    }
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
    on(u"frameworksAction"_s, [this] {
        if (FrameworkDialog* d = frameworkDialog()) {
            d->selectProgramme(m_navigator->currentKey().programme);
            d->show();
            d->raise();
        }
    });
    on(u"referencesAction"_s, [this] {
        if (ReferenceDialog* d = referenceDialog()) {
            d->show();
            d->raise();
        }
    });
    on(u"nextPaneAction"_s, [this] {
        (m_navigator->hasFocus() ? static_cast<QWidget*>(m_detail) : m_navigator)
            ->setFocus(Qt::ShortcutFocusReason);
    });
    on(u"ingestAction"_s, asking([this] {
           QString path, programme;
           if (m_session->isOpen() && prompts::publishedReport(this, *m_session, &path, &programme))
               ingestReport(path, programme);
       }));
    on(u"matrixAction"_s, [this] {
        if (MatrixWindow* m = matrixWindow()) {
            if (const QString programme = m_navigator->currentKey().programme; !programme.isEmpty())
                m->setProgramme(programme);
            m->show();
            m->raise();
            m->activateWindow();
        }
    });

    // The panes' own actions, so the registry knows every shortcut of the window.
    a.adopt(u"printPreviewAction"_s, m_documents->printPreviewAction());
    a.adopt(u"printAction"_s, m_documents->printAction());
    a.adopt(u"exportDocumentAction"_s, m_documents->exportAction());
    a.adopt(u"exportAllAction"_s, m_documents->exportAllAction());
    QuestionPage* page = m_drafting->questionPage();
    a.adopt(u"addFindingAction"_s, page->addFindingAction());
    a.adopt(u"deleteFindingAction"_s, page->deleteFindingAction());
    a.adopt(u"moveFindingUpAction"_s, page->moveUpAction());
    a.adopt(u"moveFindingDownAction"_s, page->moveDownAction());
    a.adopt(u"moveFindingToAction"_s, page->moveToAction());
}

void MainWindow::createMenus()
{
    ActionRegistry& a = *m_actions;
    auto add = [&a](QMenu* menu, const QStringList& names) {
        for (const QString& name : names)
            if (name.isEmpty())
                menu->addSeparator();
            else
                menu->addAction(a.action(name));
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    add(file, {u"newAction"_s, u"openAction"_s});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] {
        prompts::fillRecentMenu(m_recentMenu, m_settings,
                                [this](const QString& path) { openWorkbench(path); });
    });
    add(file, {{}, u"importAction"_s, u"exportAction"_s, {}});
    // The letter or report on the Documents tab.
    for (const QString& name : {u"printPreviewAction"_s, u"printAction"_s,
                                u"exportDocumentAction"_s, u"exportAllAction"_s}) {
        file->addAction(a.action(name));
        connect(a.action(name), &QAction::triggered, this,
                [this] { m_workTabs->setCurrentWidget(m_documents); });
    }
    add(file, {{}, u"quitAction"_s});

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    add(m_editMenu, {u"undoAction"_s, u"redoAction"_s, {}});
    for (const QString& name : {u"addFindingAction"_s, u"deleteFindingAction"_s,
                                u"moveFindingUpAction"_s, u"moveFindingDownAction"_s,
                                u"moveFindingToAction"_s}) {
        // From the menu they act on the question on show, wherever the focus is.
        a.action(name)->setShortcutContext(Qt::WindowShortcut);
        m_editMenu->addAction(a.action(name));
    }
    add(m_editMenu, {{}, u"frameworksAction"_s, u"referencesAction"_s, {}, u"findAction"_s,
                     u"checkAction"_s});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(a.action(u"showAllForcesAction"_s));
    view->addAction(m_searchDock->toggleViewAction());
    view->addAction(m_diagnosticsDock->toggleViewAction());
    add(view, {{}, u"nextPaneAction"_s});
    add(menuBar()->addMenu(tr("&Analysis")), {u"ingestAction"_s, {}, u"matrixAction"_s});
    add(menuBar()->addMenu(tr("&Help")), {u"aboutAction"_s, u"aboutQtAction"_s});
}

Workbench* MainWindow::workbench() const
{
    return m_session->workbench();
}

QAction* MainWindow::checkAction() const
{
    return m_actions->action(u"checkAction"_s);
}

QAction* MainWindow::undoAction() const
{
    return m_actions->action(u"undoAction"_s);
}

QAction* MainWindow::redoAction() const
{
    return m_actions->action(u"redoAction"_s);
}

QAction* MainWindow::findAction() const
{
    return m_actions->action(u"findAction"_s);
}

QAction* MainWindow::showAllForcesAction() const
{
    return m_actions->action(u"showAllForcesAction"_s);
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

bool MainWindow::openWorkbench(const QString& path, const OpenOptions& options)
{
    return m_session->open(path, options);
}

bool MainWindow::newWorkbench(const QString& path, bool demo)
{
    return m_session->create(path, demo);
}

bool MainWindow::importFile(const QString& path)
{
    return m_session->importFile(path);
}

bool MainWindow::exportTo(const QString& path, ExportFormat format, const ExportScope& scope)
{
    return m_session->exportTo(path, format, scope);
}

void MainWindow::letGo()
{
    flushEdits();
    delete m_frameworks; // the editors of the workbench being closed
    m_frameworks = nullptr;
    delete m_references;
    m_references = nullptr;
    delete m_matrix;
    m_matrix = nullptr;
    m_undoStack->clear(); // its commands belong to the workbench being closed
    m_router->setWorkbench(nullptr);
    m_drafting->setWorkbench(nullptr);
    m_documents->setWorkbench(nullptr);
    m_review->setWorkbench(nullptr);
    m_search->setWorkbench(nullptr);
    m_diagnostics->setWorkbench(nullptr);
    m_model->setWorkbench(nullptr);
    m_detail->setWorkbench(nullptr);
    updateTitle();
}

void MainWindow::adopt()
{
    Workbench* wb = m_session->workbench();
    connect(wb, &Workbench::changed, this, &MainWindow::refresh);
    m_router->setWorkbench(wb);
    m_model->setWorkbench(wb);
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
    // Saving as a person types changes wording only: the navigator's counts and grades and the
    // status bar's totals stay as they are, and the overview is rendered when next shown. On a
    // national workbench rebuilding the navigator takes seconds; typing must not wait for it.
    const bool wordingOnly = changes.wordingOnly();
    if (!wordingOnly)
        m_model->reload(); // the navigator keeps its place across the reload
    if (wordingOnly && m_workTabs->currentWidget() != m_detail) {
        m_detailStale = true;
        return;
    }
    refreshDetail();
    if (!wordingOnly)
        updateTitle();
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
    const QString name = QFileInfo(m_session->path()).fileName();
    setWindowTitle(!open ? tr("Findings Workbench")
                   : m_session->isReadOnly() ? tr("%1 [Read-only] — Findings Workbench").arg(name)
                                             : tr("%1 — Findings Workbench").arg(name));
    if (m_status)
        m_status->update();
}

void MainWindow::saveWindowState()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setSplitterState(m_splitter->saveState());
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

FrameworkDialog* MainWindow::frameworkDialog()
{
    if (!m_session->isOpen())
        return nullptr;
    if (!m_frameworks)
        m_frameworks = new FrameworkDialog(m_drafting->context(), this);
    return m_frameworks;
}

ReferenceDialog* MainWindow::referenceDialog()
{
    if (!m_session->isOpen())
        return nullptr;
    if (!m_references)
        m_references = new ReferenceDialog(m_drafting->context(), this);
    return m_references;
}

IngestDialog* MainWindow::ingestReport(const QString& path, const QString& programme)
{
    auto plan = m_session->planIngest(path, programme);
    if (!plan)
        return nullptr;
    auto* dialog = new IngestDialog(m_session->workbench(), std::move(*plan),
                                    QFileInfo(path).fileName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_dialogsEnabled)
        dialog->open();
    return dialog;
}

MatrixWindow* MainWindow::matrixWindow()
{
    if (!m_session->isOpen())
        return nullptr;
    if (!m_matrix) {
        m_matrix = new MatrixWindow(m_session->workbench(), this);
        connect(m_matrix, &MatrixWindow::exportFailed, this, &MainWindow::showError);
        connect(m_matrix, &MatrixWindow::openRequested, this,
                [this](const QString& programme, const QString& force, const QString& question) {
                    m_router->goTo(Target::draft(
                        {question.isEmpty() ? NavigatorKey::Kind::Force
                                            : NavigatorKey::Kind::Question,
                         programme, force, question}));
                    raise();
                    activateWindow();
                });
    }
    return m_matrix;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    flushEdits();
    saveWindowState();
    event->accept();
}

} // namespace fwb::app
