#include "app/mainwindow.h"

#include "app/analysis/matrixwindow.h"
#include "app/dialogs/frameworkdialog.h"
#include "app/dialogs/ingestdialog.h"
#include "app/dialogs/referencedialog.h"
#include "app/documents/documentsworkspace.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/evidencepage.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/metricspage.h"
#include "app/drafting/questionpage.h"
#include "app/drafting/searchpane.h"
#include "app/models/models.h"
#include "app/models/navigatormodel.h"
#include "app/panes/detailpane.h"
#include "app/panes/diagnosticspane.h"
#include "app/panes/navigatorview.h"
#include "app/review/reviewworkspace.h"
#include "app/workbenchlock.h"
#include "core/services/ingest.h"
#include "core/workbench.h"
#include <QInputDialog>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QSet>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextCursor>
#include <QTextEdit>
#include <QUndoStack>
#include <algorithm>
#include <spdlog/spdlog.h>

namespace fwb::app {
namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

// The same file reached through a link is the same workbench.
QString absolute(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/findings-workbench.svg")));
    m_dialogsEnabled = QGuiApplication::platformName() != QLatin1String("offscreen");

    m_undoStack = new QUndoStack(this);
    m_undoStack->setObjectName(QStringLiteral("undoStack"));
    m_models = new Models(this);
    m_model = m_models->navigator();
    m_model->setShowAllForces(m_settings.showAllForces());
    m_navigator = new NavigatorView(m_model, this);
    m_detail = new DetailPane(this);
    m_drafting = new DraftingWorkspace(
        m_models, m_undoStack,
        [this](const QString& title, const QString& message) { showError(title, message); }, this);
    m_workTabs = new QTabWidget(this);
    m_workTabs->setObjectName(QStringLiteral("workTabs"));
    m_workTabs->setDocumentMode(true);
    m_documents = new DocumentsWorkspace(
        m_undoStack,
        [this](const QString& title, const QString& message) { showError(title, message); }, this);
    m_workTabs->addTab(m_drafting, tr("&Draft"));
    m_workTabs->addTab(m_detail, tr("O&verview"));
    m_workTabs->addTab(m_documents, tr("Do&cuments"));
    m_review = new ReviewWorkspace(
        [this](const QString& title, const QString& message) { showError(title, message); }, this);
    m_workTabs->addTab(m_review, tr("Re&view"));
    connect(m_documents, &DocumentsWorkspace::editQuestionRequested, this,
            [this](const QString& programme, const QString& force, const QString& question) {
                m_navigator->selectKey({NavigatorKey::Kind::Question, programme, force, question});
                m_workTabs->setCurrentWidget(m_drafting);
            });
    connect(m_documents, &DocumentsWorkspace::editFiguresRequested, this,
            [this](const QString& programme, const QString& force) {
                m_navigator->selectKey({NavigatorKey::Kind::Force, programme, force, {}});
                m_workTabs->setCurrentWidget(m_drafting);
                m_drafting->forceTabs()->setCurrentWidget(m_drafting->metricsPage());
            });
    connect(m_workTabs, &QTabWidget::currentChanged, this, [this] {
        if (m_detailStale && m_workTabs->currentWidget() == m_detail)
            refreshDetail();
    });

    m_search = new SearchPane(this);
    m_searchDock = new QDockWidget(tr("Search"), this);
    m_searchDock->setObjectName(QStringLiteral("searchDock"));
    m_searchDock->setWidget(m_search);
    m_searchDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea |
                                  Qt::LeftDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_searchDock);
    m_searchDock->hide();
    connect(m_search, &SearchPane::hitActivated, this, &MainWindow::goToHit);

    m_diagnostics = new DiagnosticsPane(this);
    m_diagnosticsDock = new QDockWidget(tr("Problems"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("diagnosticsDock"));
    m_diagnosticsDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
    m_diagnosticsDock->hide();
    connect(m_diagnostics, &DiagnosticsPane::problemActivated, this, &MainWindow::goToProblem);
    connect(m_diagnostics, &DiagnosticsPane::finished, this, &MainWindow::updateProblemCount);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(m_workTabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({440, 860});
    setCentralWidget(m_splitter);
    setTabOrder(m_navigator, m_workTabs);

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
    connect(m_detail, &DetailPane::linkActivated, m_navigator, &NavigatorView::selectKey);

    createActions();
    createMenus();
    createStatusBar();
    updateTitleAndStatus();

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
    // Undo commands, views, then the workbench, then its lock: nothing reads a closed workbench
    // and the lock is released only once the file is closed.
    m_undoStack->clear();
    m_drafting->setWorkbench(nullptr);
    m_documents->setWorkbench(nullptr);
    m_review->setWorkbench(nullptr);
    m_search->setWorkbench(nullptr);
    m_diagnostics->setWorkbench(nullptr);
    m_models->setWorkbench(nullptr);
    m_detail->setWorkbench(nullptr);
    m_workbench.reset();
    m_lock.reset();
}

void MainWindow::createActions()
{
    m_new = new QAction(QIcon(QStringLiteral(":/icons/document-new.svg")), tr("&New…"), this);
    m_new->setShortcut(QKeySequence::New);
    m_new->setStatusTip(
        tr("Create a workbench with the reference data, and the demo content if you like"));
    connect(m_new, &QAction::triggered, this, &MainWindow::onNew);

    m_open = new QAction(QIcon(QStringLiteral(":/icons/document-open.svg")), tr("&Open…"), this);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setStatusTip(tr("Open a workbench file"));
    connect(m_open, &QAction::triggered, this, &MainWindow::onOpen);

    m_import =
        new QAction(QIcon(QStringLiteral(":/icons/document-import.svg")), tr("&Import…"), this);
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setStatusTip(tr("Import a JSON interchange file or a judgments CSV; all or nothing"));
    connect(m_import, &QAction::triggered, this, &MainWindow::onImport);

    m_export =
        new QAction(QIcon(QStringLiteral(":/icons/document-export.svg")), tr("&Export…"), this);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setStatusTip(tr("Export the workbench, a programme or a force as JSON or CSV"));
    connect(m_export, &QAction::triggered, this, &MainWindow::onExport);

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcuts(QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                             ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                             : QKeySequence::keyBindings(QKeySequence::Quit));
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_showAllForces = new QAction(tr("Show &All Forces"), this);
    m_showAllForces->setCheckable(true);
    m_showAllForces->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_showAllForces->setChecked(m_model->showAllForces());
    m_showAllForces->setStatusTip(
        tr("List all 43 forces under each programme, not only those with material"));
    connect(m_showAllForces, &QAction::toggled, this, [this](bool on) {
        m_settings.setShowAllForces(on);
        m_model->setShowAllForces(on); // reloads; the navigator keeps its place
        m_detail->showKey(m_navigator->currentKey());
    });

    // The actions name what they will undo or redo ("Undo Add Finding").
    // Typing not yet saved is saved first, so that Undo takes back what the person sees.
    m_undo = new QAction(tr("&Undo"), this);
    m_undo->setShortcuts(QKeySequence::Undo);
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setEnabled(false);
    connect(m_undo, &QAction::triggered, this, [this] {
        flushEdits();
        m_undoStack->undo();
    });
    connect(m_undoStack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, [this](const QString& text) {
        m_undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    m_redo = new QAction(tr("&Redo"), this);
    m_redo->setShortcuts(QKeySequence::Redo);
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_redo->setEnabled(false);
    connect(m_redo, &QAction::triggered, this, [this] {
        flushEdits();
        m_undoStack->redo();
    });
    connect(m_undoStack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::redoTextChanged, this, [this](const QString& text) {
        m_redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });

    m_find = new QAction(tr("&Find…"), this);
    m_find->setObjectName(QStringLiteral("findAction"));
    m_find->setShortcuts(QKeySequence::Find);
    m_find->setStatusTip(
        tr("Search findings, judgment summaries and documents across the workbench"));
    connect(m_find, &QAction::triggered, this, [this] {
        m_searchDock->show();
        m_searchDock->raise();
        m_search->focusQuery();
    });

    m_check = new QAction(tr("&Check Text Against Data"), this);
    m_check->setObjectName(QStringLiteral("checkAction"));
    m_check->setShortcut(QKeySequence(Qt::Key_F7));
    m_check->setStatusTip(tr("Check the force's findings, summaries and documents against its "
                             "evidence, figures and judgments"));
    connect(m_check, &QAction::triggered, this, [this] {
        flushEdits();
        m_diagnosticsDock->show();
        m_diagnosticsDock->raise();
        const NavigatorKey key = m_navigator->currentKey();
        m_diagnostics->setPlace(key.programme, key.force, true);
    });

    m_about = new QAction(tr("&About Findings Workbench"), this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::onAbout);
    m_aboutQt = new QAction(tr("About &Qt"), this);
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_new);
    file->addAction(m_open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(m_import);
    file->addAction(m_export);
    file->addSeparator();
    // The letter or report on the Documents tab.
    for (QAction* a : {m_documents->printPreviewAction(), m_documents->printAction(),
                       m_documents->exportAction(), m_documents->exportAllAction()}) {
        file->addAction(a);
        connect(a, &QAction::triggered, this,
                [this] { m_workTabs->setCurrentWidget(m_documents); });
    }
    file->addSeparator();
    file->addAction(m_quit);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addAction(m_undo);
    m_editMenu->addAction(m_redo);
    m_editMenu->addSeparator();
    QuestionPage* page = m_drafting->questionPage();
    for (QAction* a : {page->addFindingAction(), page->deleteFindingAction(), page->moveUpAction(),
                       page->moveDownAction(), page->moveToAction()}) {
        // From the menu they act on the question on show, wherever the focus is.
        a->setShortcutContext(Qt::WindowShortcut);
        m_editMenu->addAction(a);
    }
    m_editMenu->addSeparator();
    QAction* frameworks = m_editMenu->addAction(tr("&Programmes and Frameworks…"));
    frameworks->setObjectName(QStringLiteral("frameworksAction"));
    frameworks->setStatusTip(
        tr("Create a programme, copy a framework from an earlier year, edit its questions"));
    connect(frameworks, &QAction::triggered, this, [this] {
        if (FrameworkDialog* d = frameworkDialog()) {
            d->selectProgramme(m_navigator->currentKey().programme);
            d->show();
            d->raise();
        }
    });
    QAction* references = m_editMenu->addAction(tr("Forces and P&eople…"));
    references->setObjectName(QStringLiteral("referencesAction"));
    connect(references, &QAction::triggered, this, [this] {
        if (ReferenceDialog* d = referenceDialog()) {
            d->show();
            d->raise();
        }
    });
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_find);
    m_editMenu->addAction(m_check);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_showAllForces);
    view->addAction(m_searchDock->toggleViewAction());
    view->addAction(m_diagnosticsDock->toggleViewAction());
    view->addSeparator();
    // F6 moves between the panes, as in most desktop programs (Tab follows the detail's links).
    QAction* switchPane = view->addAction(tr("&Next Pane"));
    switchPane->setShortcut(QKeySequence(Qt::Key_F6));
    connect(switchPane, &QAction::triggered, this, [this] {
        (m_navigator->hasFocus() ? static_cast<QWidget*>(m_detail) : m_navigator)
            ->setFocus(Qt::ShortcutFocusReason);
    });

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    QAction* ingest = analysis->addAction(tr("Import Published &Report…"));
    ingest->setObjectName(QStringLiteral("ingestAction"));
    ingest->setStatusTip(
        tr("Read a published PEEL report's text (as pdftotext gives it) and show what it holds"));
    connect(ingest, &QAction::triggered, this, [this] {
        if (!m_workbench || !m_dialogsEnabled)
            return;
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import Published Report"), dialogFolder(),
                                         tr("Report text (*.txt);;All files (*)"));
        if (path.isEmpty())
            return;
        QStringList labels, codes;
        for (const Programme& p : m_workbench->reference().programmes())
            if (!p.gradeScaleCode.isEmpty()) {
                labels << p.label();
                codes << p.code;
            }
        bool ok = false;
        const QString chosen =
            QInputDialog::getItem(this, tr("Import Published Report"), tr("The report belongs to:"),
                                  labels, 0, false, &ok);
        if (ok)
            ingestReport(path, codes.value(labels.indexOf(chosen)));
    });
    analysis->addSeparator();
    QAction* matrix = analysis->addAction(tr("Judgment &Matrix"));
    matrix->setObjectName(QStringLiteral("matrixAction"));
    matrix->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    matrix->setStatusTip(tr("Every force against the programme's graded questions"));
    connect(matrix, &QAction::triggered, this, [this] {
        if (MatrixWindow* m = matrixWindow()) {
            const QString programme = m_navigator->currentKey().programme;
            if (!programme.isEmpty())
                m->setProgramme(programme);
            m->show();
            m->raise();
            m->activateWindow();
        }
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);
    help->addAction(m_aboutQt);
}

void MainWindow::createStatusBar()
{
    m_pathLabel = new QLabel(this);
    m_pathLabel->setAccessibleName(tr("Workbench file"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countsLabel = new QLabel(this);
    m_countsLabel->setAccessibleName(tr("Workbench contents"));
    m_readOnlyLabel = new QLabel(tr("Read-only"), this);
    m_readOnlyLabel->setAccessibleName(tr("Read-only"));
    m_readOnlyLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fbe3c2; color: #6b3d00; border-radius: 3px; padding: "
                       "1px 8px; font-weight: bold; }"));
    m_readOnlyLabel->hide();
    statusBar()->addWidget(m_pathLabel, 1);
    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    m_problemsLabel->setAccessibleName(tr("Problems found by the checker"));
    statusBar()->addPermanentWidget(m_problemsLabel);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_readOnlyLabel);
}

void MainWindow::showError(const QString& title, const QString& message)
{
    spdlog::warn("{}: {}", str(title), str(message));
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
    const QString file = absolute(path);
    if (m_workbench && absolute(m_workbench->path()) == file)
        return true; // already open here
    auto lock = WorkbenchLock::acquire(file);
    if (!lock) {
        showError(tr("Workbench in use"), lock.error().message);
        return false;
    }
    auto workbench = Workbench::open(file, options);
    if (!workbench) {
        showError(tr("Cannot open workbench"), workbench.error().message);
        if (workbench.error().code == Error::Code::NotFound)
            m_settings.removeRecentFile(file);
        return false;
    }
    spdlog::info("opened {}{}", str(file), workbench.value()->isReadOnly() ? " (read-only)" : "");
    const QString damage = workbench.value()->database().damageWarning();
    adopt(std::move(workbench).value(), std::move(lock).value());
    if (!damage.isEmpty())
        showError(tr("Damaged workbench"), damage);
    return true;
}

bool MainWindow::newWorkbench(const QString& path, bool demo)
{
    const QString file = absolute(path);
    if (QFileInfo::exists(file)) {
        showError(
            tr("Cannot create workbench"),
            tr("%1 already exists. Choose another name: an existing file is never overwritten.")
                .arg(QDir::toNativeSeparators(file)));
        return false;
    }
    auto lock = WorkbenchLock::acquire(file);
    if (!lock) {
        showError(tr("Workbench in use"), lock.error().message);
        return false;
    }
    CreateOptions options;
    options.demo = demo;
    auto workbench = Workbench::create(file, options);
    if (!workbench) {
        showError(tr("Cannot create workbench"), workbench.error().message);
        return false;
    }
    spdlog::info("created {}{}", str(file), demo ? " with the demo content" : "");
    adopt(std::move(workbench).value(), std::move(lock).value());
    return true;
}

void MainWindow::adopt(std::unique_ptr<Workbench> workbench, std::unique_ptr<WorkbenchLock> lock)
{
    flushEdits();
    delete m_frameworks; // the editors of the workbench being closed
    m_frameworks = nullptr;
    delete m_references;
    m_references = nullptr;
    delete m_matrix;
    m_matrix = nullptr;
    m_undoStack->clear(); // its commands belong to the workbench being closed
    m_drafting->setWorkbench(nullptr);
    m_documents->setWorkbench(nullptr);
    m_review->setWorkbench(nullptr);
    m_search->setWorkbench(nullptr);
    m_diagnostics->setWorkbench(nullptr);
    m_models->setWorkbench(nullptr);
    m_detail->setWorkbench(nullptr);
    m_workbench.reset();
    m_lock.reset();

    m_workbench = std::move(workbench);
    m_lock = std::move(lock);
    connect(m_workbench.get(), &Workbench::changed, this,
            [this](const ChangeSet& changes) { refresh(changes.wordingOnly()); });
    m_models->setWorkbench(m_workbench.get());
    m_detail->setWorkbench(m_workbench.get());
    m_drafting->setWorkbench(m_workbench.get());
    m_documents->setWorkbench(m_workbench.get());
    m_review->setWorkbench(m_workbench.get());
    m_search->setWorkbench(m_workbench.get());
    m_diagnostics->setWorkbench(m_workbench.get());
    m_navigator->selectFirstForce();
    m_workTabs->setCurrentWidget(
        m_detail); // open on the force's overview; a question opens the Draft tab

    m_settings.setLastWorkbench(m_workbench->path());
    m_settings.addRecentFile(m_workbench->path());
    updateTitleAndStatus();
    Q_EMIT workbenchOpened(m_workbench->path());
}

void MainWindow::refresh(bool wordingOnly)
{
    // Saving as a person types changes wording only: the navigator's counts and grades and the
    // status bar's totals stay as they are, and the overview is rendered when next shown. On a
    // national workbench rebuilding the navigator takes seconds; typing must not wait for it.
    if (wordingOnly && m_workTabs->currentWidget() != m_detail) {
        m_detailStale = true;
        return;
    }
    refreshDetail();
    if (!wordingOnly)
        updateTitleAndStatus();
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

bool MainWindow::importFile(const QString& path)
{
    if (!m_workbench) {
        showError(tr("Import failed"), tr("Open a workbench to import into first."));
        return false;
    }
    auto report = m_workbench->importFile(path);
    if (!report) {
        showError(tr("Import failed"),
                  report.error().message + QStringLiteral("\n\n") + tr("Nothing was imported."));
        return false;
    }
    const QString summary =
        tr("Imported %1: %2").arg(QFileInfo(path).fileName(), report->summary());
    spdlog::info("{}", str(summary));
    statusBar()->showMessage(summary, 15000);
    return true;
}

bool MainWindow::exportTo(const QString& path, ExportFormat format, const ExportScope& scope)
{
    if (!m_workbench) {
        showError(tr("Export failed"), tr("No workbench is open."));
        return false;
    }
    if (Status own = m_workbench->refuseOwnFile(path); !own) {
        showError(tr("Export failed"), own.error().message);
        return false;
    }
    auto bytes = format == ExportFormat::Csv ? m_workbench->exportCsv(scope)
                                             : m_workbench->exportJson(scope);
    if (!bytes) {
        showError(tr("Export failed"), bytes.error().message);
        return false;
    }
    if (Status written = writeFileAtomically(path, bytes.value()); !written) {
        showError(tr("Export failed"), written.error().message);
        return false;
    }
    spdlog::info("exported {} bytes to {}", bytes.value().size(), str(path));
    statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 15000);
    return true;
}

void MainWindow::updateTitleAndStatus()
{
    const bool open = m_workbench != nullptr;
    const bool readOnly = open && m_workbench->isReadOnly();
    m_import->setEnabled(open && !readOnly);
    m_export->setEnabled(open);
    if (!open) {
        setWindowTitle(tr("Findings Workbench"));
        m_pathLabel->setText(tr("No workbench open"));
        m_countsLabel->clear();
        m_readOnlyLabel->hide();
        return;
    }
    const QString name = QFileInfo(m_workbench->path()).fileName();
    setWindowTitle(readOnly ? tr("%1 [Read-only] — Findings Workbench").arg(name)
                            : tr("%1 — Findings Workbench").arg(name));
    m_pathLabel->setText(QDir::toNativeSeparators(m_workbench->path()));
    const WorkbenchInfo info = m_workbench->info();
    QSet<QString> forces;
    for (const Programme& p : m_workbench->reference().programmes())
        for (const QString& f : m_workbench->drafts().forcesWithMaterial(p.code))
            forces.insert(f);
    auto count = [](qint64 n, const QString& one, const QString& many) {
        return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
    };
    m_countsLabel->setText(
        count(forces.size(), tr("force with material"), tr("forces with material")) +
        QStringLiteral("  ·  ") + count(info.findings, tr("finding"), tr("findings")) +
        QStringLiteral("  ·  ") + count(info.judgments, tr("judgment"), tr("judgments")));
    m_readOnlyLabel->setText(info.damage.isEmpty() ? tr("Read-only") : tr("Damaged — read-only"));
    m_readOnlyLabel->setVisible(readOnly);
    m_readOnlyLabel->setToolTip(info.damage.isEmpty() ? info.readOnlyReason
                                                      : m_workbench->database().damageWarning());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    int n = 0;
    for (const QString& file : files) {
        QAction* action = m_recentMenu->addAction(
            QStringLiteral("&%1  %2").arg(++n).arg(QFileInfo(file).fileName()));
        action->setToolTip(QDir::toNativeSeparators(file));
        action->setStatusTip(QDir::toNativeSeparators(file));
        connect(action, &QAction::triggered, this, [this, file] { openWorkbench(file); });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent workbenches"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear List"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] { m_settings.setRecentFiles({}); });
}

QString MainWindow::dialogFolder() const
{
    if (m_workbench)
        return QFileInfo(m_workbench->path()).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void MainWindow::onNew()
{
    if (!m_dialogsEnabled)
        return; // offscreen and in tests: no modal dialogs
    QString path = QFileDialog::getSaveFileName(this, tr("New Workbench"), dialogFolder(),
                                                tr("Workbenches (*.fwb)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".fwb");
    const auto answer =
        QMessageBox::question(this, tr("New Workbench"),
                              tr("Include the demo content?\n\nThe demo holds Lancashire "
                                 "Constabulary's material from the Core business "
                                 "2014 letter and the PEEL effectiveness 2015 report. Without it "
                                 "the workbench holds the reference "
                                 "data only: forces, grade scale and question frameworks."),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    newWorkbench(path, answer == QMessageBox::Yes);
}

void MainWindow::onOpen()
{
    if (!m_dialogsEnabled)
        return; // offscreen and in tests: no modal dialogs
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workbench"), dialogFolder(),
                                                      tr("Workbenches (*.fwb);;All files (*)"));
    if (!path.isEmpty())
        openWorkbench(path);
}

void MainWindow::onImport()
{
    if (!m_dialogsEnabled)
        return; // offscreen and in tests: no modal dialogs
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import"), dialogFolder(),
                                     tr("Interchange or judgments (*.json *.csv);;JSON interchange "
                                        "(*.json);;Judgments CSV (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void MainWindow::onExport()
{
    if (!m_workbench || !m_dialogsEnabled)
        return;
    const NavigatorKey key = m_navigator->currentKey();
    QString programmeLabel, forceLabel;
    if (!key.programme.isEmpty())
        if (const auto p = m_workbench->reference().programme(key.programme))
            programmeLabel = p->label();
    if (!key.force.isEmpty())
        if (const auto f = m_workbench->reference().force(key.force))
            forceLabel = f->name;
    ExportDialog dialog(key.programme, programmeLabel, key.force, forceLabel, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool csv = dialog.format() == ExportFormat::Csv;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export"), dialogFolder() + QLatin1Char('/') + dialog.suggestedFileName(),
        csv ? tr("Judgments CSV (*.csv)") : tr("JSON interchange (*.json)"));
    if (!path.isEmpty())
        exportTo(path, dialog.format(), dialog.scope());
}

void MainWindow::onAbout()
{
    if (!m_dialogsEnabled)
        return; // offscreen and in tests: no modal dialogs
    QMessageBox::about(
        this, tr("About Findings Workbench"),
        tr("<h3>Findings Workbench %1</h3>"
           "<p>Graded judgments, findings, evidence samples and figures for police inspection, "
           "and the letters and reports made from them.</p>"
           "<p>Grades: Outstanding, Good, Requires improvement, Inadequate.</p>")
            .arg(QStringLiteral(FWB_VERSION)));
}

void MainWindow::saveWindowState()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setSplitterState(m_splitter->saveState());
    if (m_workbench)
        m_settings.setLastWorkbench(m_workbench->path());
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
    if (!m_workbench)
        return nullptr;
    if (!m_frameworks)
        m_frameworks = new FrameworkDialog(m_drafting->context(), this);
    return m_frameworks;
}

IngestDialog* MainWindow::ingestReport(const QString& path, const QString& programme)
{
    if (!m_workbench)
        return nullptr;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Import Published Report"),
                  tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return nullptr;
    }
    auto plan = planIngest(*m_workbench, programme, QString::fromUtf8(file.readAll()),
                           QFileInfo(path).fileName());
    if (!plan) {
        showError(tr("Import Published Report"), plan.error().message);
        return nullptr;
    }
    auto* dialog = new IngestDialog(m_workbench.get(), std::move(plan).value(),
                                    QFileInfo(path).fileName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_dialogsEnabled)
        dialog->open();
    return dialog;
}

MatrixWindow* MainWindow::matrixWindow()
{
    if (!m_workbench)
        return nullptr;
    if (!m_matrix) {
        m_matrix = new MatrixWindow(m_workbench.get(), this);
        connect(m_matrix, &MatrixWindow::exportFailed, this, &MainWindow::showError);
        connect(m_matrix, &MatrixWindow::openRequested, this,
                [this](const QString& programme, const QString& force, const QString& question) {
                    // Show the force even where it has no material yet, so the way to it exists.
                    if (!m_model->showAllForces() &&
                        !m_workbench->drafts().forcesWithMaterial(programme).contains(force))
                        m_showAllForces->setChecked(true);
                    m_navigator->selectKey(NavigatorKey{question.isEmpty()
                                                            ? NavigatorKey::Kind::Force
                                                            : NavigatorKey::Kind::Question,
                                                        programme, force, question});
                    m_workTabs->setCurrentWidget(m_drafting);
                    raise();
                    activateWindow();
                });
    }
    return m_matrix;
}

ReferenceDialog* MainWindow::referenceDialog()
{
    if (!m_workbench)
        return nullptr;
    if (!m_references)
        m_references = new ReferenceDialog(m_drafting->context(), this);
    return m_references;
}

void MainWindow::goToHit(const SearchHit& hit)
{
    NavigatorKey key;
    key.programme = hit.programme;
    key.force = hit.force;
    key.question = hit.question;
    key.kind = hit.question.isEmpty() ? NavigatorKey::Kind::Force : NavigatorKey::Kind::Question;
    if (hit.type == SearchHit::Type::Section) {
        key.kind = NavigatorKey::Kind::Force;
        key.question.clear();
    }
    m_navigator->selectKey(key);
    switch (hit.type) {
    case SearchHit::Type::Finding:
        m_workTabs->setCurrentWidget(m_drafting);
        m_drafting->questionPage()->selectFinding(hit.key);
        break;
    case SearchHit::Type::Judgment:
        m_workTabs->setCurrentWidget(m_drafting);
        m_drafting->questionPage()->judgmentPanel()->summaryEditor()->textEdit()->setFocus(
            Qt::OtherFocusReason);
        break;
    case SearchHit::Type::Section:
        m_workTabs->setCurrentWidget(m_documents);
        m_documents->selectDocument(hit.documentUid);
        m_documents->selectSection(hit.key);
        break;
    }
}

void MainWindow::updateProblemCount()
{
    const int errors = m_diagnostics->errorCount(), warnings = m_diagnostics->warningCount();
    m_problemsLabel->setText(tr("✖ %1  ⚠ %2").arg(errors).arg(warnings));
    m_problemsLabel->setToolTip(
        tr("%1 errors and %2 warnings from the consistency checker (F7 to see them)")
            .arg(errors)
            .arg(warnings));
    m_problemsLabel->setStyleSheet(
        errors > 0 ? QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }") : QString());
}

void MainWindow::goToProblem(const checks::Problem& problem)
{
    NavigatorKey key{NavigatorKey::Kind::Force, problem.programme, problem.force, {}};
    if (!problem.question.isEmpty() && (problem.entity == QLatin1String("finding") ||
                                        problem.entity == QLatin1String("judgment") ||
                                        problem.entity == QLatin1String("question"))) {
        key.kind = NavigatorKey::Kind::Question;
        key.question = problem.question;
    }
    m_navigator->selectKey(key);
    if (problem.entity == QLatin1String("finding")) {
        m_workTabs->setCurrentWidget(m_drafting);
        QuestionPage* page = m_drafting->questionPage();
        const auto stored = m_workbench->drafts().finding(problem.key);
        if (page->selectFinding(problem.key) && stored && problem.start >= 0) {
            // Select the words the problem is about (positions are in the stored text).
            QTextEdit* edit = page->editor()->textEdit();
            const QString words = stored->text.mid(problem.start, problem.length);
            const QTextCursor c = edit->document()->find(words);
            if (!words.isEmpty() && !c.isNull())
                edit->setTextCursor(c);
        }
    } else if (problem.entity == QLatin1String("judgment") ||
               problem.entity == QLatin1String("question")) {
        m_workTabs->setCurrentWidget(m_drafting);
        m_drafting->questionPage()->judgmentPanel()->summaryEditor()->textEdit()->setFocus(
            Qt::OtherFocusReason);
    } else if (problem.entity == QLatin1String("metric")) {
        m_workTabs->setCurrentWidget(m_drafting);
        m_drafting->forceTabs()->setCurrentWidget(m_drafting->metricsPage());
    } else {
        m_workTabs->setCurrentWidget(m_detail); // documents are read on the overview
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    flushEdits();
    saveWindowState();
    event->accept();
}

} // namespace fwb::app
