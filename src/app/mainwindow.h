#pragma once
// MainWindow: wires the panes to the session and to each other, and owns the action registry and
// the menus. The Session owns the open workbench (open, create, lock, import, export, what it
// holds); the Router moves the view (search hits, problems, links, requests from one workspace to
// another). Opening, creating, importing and exporting are methods as well as menu actions, so
// tests drive the same paths a person does without modal dialogs.

#include "app/actionregistry.h"
#include "app/dialogs/exportdialog.h"
#include "app/session/session.h"
#include "app/session/sessionwindows.h"
#include "app/settings.h"
#include "core/checks/checker.h"
#include "core/services/search.h"
#include "core/services/transfer.h"
#include "core/storage/database.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QSplitter;
class QTabWidget;
class QUndoStack;

namespace fwb {
class ChangeSet;
class Workbench;
} // namespace fwb

namespace fwb::app {

class DetailPane;
class Models;
class DiagnosticsPane;
class DocumentsWorkspace;
class DraftingDestination;
class DraftingWorkspace;
class FrameworkDialog;
class IngestDialog;
class MatrixWindow;
class NavigatorModel;
class NavigatorView;
class OverviewDestination;
class ReferenceDialog;
class ReviewWorkspace;
class Router;
class SearchPane;
class StatusLine;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each returns false after showing the error; the workbench open before stays open.
    bool openWorkbench(const QString& path, const OpenOptions& options = {})
    {
        return m_session->open(path, options);
    }
    bool newWorkbench(const QString& path, bool demo) { return m_session->create(path, demo); }
    bool importFile(const QString& path) { return m_session->importFile(path); }
    bool exportTo(const QString& path, ExportFormat format, const ExportScope& scope)
    {
        return m_session->exportTo(path, format, scope);
    }

    Session* session() const { return m_session; }
    Router* router() const { return m_router; }
    ActionRegistry* actions() const { return m_actions; }
    Workbench* workbench() const { return m_session->workbench(); }
    NavigatorModel* navigatorModel() const { return m_model; }
    NavigatorView* navigatorView() const { return m_navigator; }
    DetailPane* detailPane() const { return m_detail; }
    DraftingWorkspace* draftingWorkspace() const { return m_drafting; }
    DocumentsWorkspace* documentsWorkspace() const { return m_documents; }
    ReviewWorkspace* reviewWorkspace() const { return m_review; }
    SearchPane* searchPane() const { return m_search; }
    DiagnosticsPane* diagnosticsPane() const { return m_diagnostics; }
    QTabWidget* workTabs() const { return m_workTabs; }
    QAction* checkAction() const { return m_actions->action(QStringLiteral("checkAction")); }
    QAction* undoAction() const { return m_actions->action(QStringLiteral("undoAction")); }
    QAction* redoAction() const { return m_actions->action(QStringLiteral("redoAction")); }
    QAction* findAction() const { return m_actions->action(QStringLiteral("findAction")); }
    QAction* showAllForcesAction() const
    {
        return m_actions->action(QStringLiteral("showAllForcesAction"));
    }
    // One undo stack for the open workbench: every edit made in the window is a command on it,
    // over a core service. Emptied when another workbench is opened.
    QUndoStack* undoStack() const { return m_undoStack; }
    QMenu* editMenu() const { return m_editMenu; }
    // Saves typing not yet saved in any editor.
    void flushEdits();
    // The editors of programmes and frameworks, and of forces and people (opened by the Edit menu).
    FrameworkDialog* frameworkDialog() { return m_windows->frameworks(); }
    ReferenceDialog* referenceDialog() { return m_windows->references(); }
    // The judgment matrix of the programme in hand (opened by Analysis ▸ Judgment Matrix).
    MatrixWindow* matrixWindow() { return m_windows->matrix(); }
    // Reads a published report and shows what it found (the dialog writes only when asked).
    IngestDialog* ingestReport(const QString& path, const QString& programme)
    {
        return m_windows->ingest(path, programme, m_dialogsEnabled);
    }

    // Errors are shown in a message box unless dialogs are off (the default on the offscreen
    // platform): then they are only logged and announced with errorShown.
    void setDialogsEnabled(bool on) { m_dialogsEnabled = on; }
    bool dialogsEnabled() const { return m_dialogsEnabled; }

public Q_SLOTS:
    virtual void showError(const QString& title, const QString& message);

Q_SIGNALS:
    void errorShown(const QString& message);
    void workbenchOpened(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPanes();
    void wireNavigation();
    void connectActions();
    void createMenus();
    void letGo();
    void adopt();
    void refresh(const ChangeSet& changes);
    void refreshDetail();
    void updateTitle();
    void saveWindowState();

    Settings m_settings;
    Session* m_session = nullptr;
    Router* m_router = nullptr;
    ActionRegistry* m_actions = nullptr;
    StatusLine* m_status = nullptr;
    bool m_dialogsEnabled = true;
    bool m_detailStale = false; // the overview missed a change of wording while hidden

    Models* m_models = nullptr; // owns the shared item models
    NavigatorModel* m_model = nullptr;
    NavigatorView* m_navigator = nullptr;
    DetailPane* m_detail = nullptr;
    QSplitter* m_splitter = nullptr;
    QTabWidget* m_workTabs = nullptr;
    DraftingWorkspace* m_drafting = nullptr;
    DocumentsWorkspace* m_documents = nullptr;
    ReviewWorkspace* m_review = nullptr;
    SearchPane* m_search = nullptr;
    QDockWidget* m_searchDock = nullptr;
    DiagnosticsPane* m_diagnostics = nullptr;
    QDockWidget* m_diagnosticsDock = nullptr;
    SessionWindows* m_windows = nullptr;
    QUndoStack* m_undoStack = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    std::unique_ptr<DraftingDestination> m_draftingDestination;
    std::unique_ptr<OverviewDestination> m_overviewDestination;
};

} // namespace fwb::app
