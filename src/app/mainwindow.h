#pragma once
// MainWindow: wires the navigator and the detail pane to one open workbench and owns the actions.
// Opening, creating, importing and exporting are methods (the menu actions ask for file names and
// call them), so tests drive the same paths a person does without modal dialogs.

#include "app/dialogs/exportdialog.h"
#include "app/settings.h"
#include "core/checks/checker.h"
#include "core/services/search.h"
#include "core/storage/database.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QUndoStack;
class QTabWidget;
class QDockWidget;

namespace fwb {
class Workbench;
}

namespace fwb::app {

class DetailPane;
class Models;
class DraftingWorkspace;
class DocumentsWorkspace;
class ReviewWorkspace;
class DiagnosticsPane;
class FrameworkDialog;
class MatrixWindow;
class IngestDialog;
class ReferenceDialog;
class SearchPane;
class NavigatorModel;
class NavigatorView;
class WorkbenchLock;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Each returns false after showing the error; the workbench open before stays open.
    bool openWorkbench(const QString& path, const OpenOptions& options = {});
    bool newWorkbench(const QString& path, bool demo);
    bool importFile(const QString& path);
    bool exportTo(const QString& path, ExportFormat format, const ExportScope& scope);

    Workbench* workbench() const { return m_workbench.get(); }
    NavigatorModel* navigatorModel() const { return m_model; }
    NavigatorView* navigatorView() const { return m_navigator; }
    DetailPane* detailPane() const { return m_detail; }
    DraftingWorkspace* draftingWorkspace() const { return m_drafting; }
    DocumentsWorkspace* documentsWorkspace() const { return m_documents; }
    ReviewWorkspace* reviewWorkspace() const { return m_review; }
    SearchPane* searchPane() const { return m_search; }
    DiagnosticsPane* diagnosticsPane() const { return m_diagnostics; }
    QAction* checkAction() const { return m_check; }
    QTabWidget* workTabs() const { return m_workTabs; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* findAction() const { return m_find; }
    // Saves typing not yet saved in any editor.
    void flushEdits();
    // The editors of programmes and frameworks, and of forces and people (opened by the Edit menu).
    FrameworkDialog* frameworkDialog();
    ReferenceDialog* referenceDialog();
    // The judgment matrix of the programme in hand (opened by Analysis ▸ Judgment Matrix).
    MatrixWindow* matrixWindow();
    // Reads a published report and shows what it found (the dialog writes only when asked).
    IngestDialog* ingestReport(const QString& path, const QString& programme);
    QAction* showAllForcesAction() const { return m_showAllForces; }
    // One undo stack for the open workbench: every edit made in the window is a command on it,
    // over a core service. Emptied when another workbench is opened.
    QUndoStack* undoStack() const { return m_undoStack; }
    QMenu* editMenu() const { return m_editMenu; }

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
    void createActions();
    void createMenus();
    void createStatusBar();
    void adopt(std::unique_ptr<Workbench> workbench, std::unique_ptr<WorkbenchLock> lock);
    void refresh(bool wordingOnly = false);
    void refreshDetail();
    void updateTitleAndStatus();
    void rebuildRecentMenu();
    void saveWindowState();

    void onNew();
    void onOpen();
    void onImport();
    void onExport();
    void onAbout();
    void goToHit(const SearchHit& hit);
    void goToProblem(const checks::Problem& problem);
    void updateProblemCount();
    QString dialogFolder() const;

    Settings m_settings;
    std::unique_ptr<WorkbenchLock> m_lock;
    std::unique_ptr<Workbench> m_workbench;
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
    QAction* m_find = nullptr;
    QAction* m_check = nullptr;
    DiagnosticsPane* m_diagnostics = nullptr;
    QDockWidget* m_diagnosticsDock = nullptr;
    QLabel* m_problemsLabel = nullptr;
    FrameworkDialog* m_frameworks = nullptr;
    ReferenceDialog* m_references = nullptr;
    MatrixWindow* m_matrix = nullptr;
    QUndoStack* m_undoStack = nullptr;
    QMenu* m_editMenu = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QLabel* m_pathLabel = nullptr;
    QLabel* m_countsLabel = nullptr;
    QLabel* m_readOnlyLabel = nullptr;

    QAction* m_new = nullptr;
    QAction* m_open = nullptr;
    QAction* m_import = nullptr;
    QAction* m_export = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_showAllForces = nullptr;
    QAction* m_about = nullptr;
    QAction* m_aboutQt = nullptr;
    QMenu* m_recentMenu = nullptr;
};

} // namespace fwb::app
