#pragma once
// DocumentsWorkspace: the letters and reports of the selected force in the selected programme.
// The bar over it chooses the document and acts on it (particulars, new, delete, print, export);
// under it three panes: the outline of the document's sections (DocumentOutlinePane), the
// selected section (SectionEditorPane) and a live preview of the whole assembled document that
// follows the section being edited (DocumentPreviewPane). The skeleton is ui/documentsworkspace.ui.
// The workspace coordinates the panes and runs what they ask for: every change is an undo command
// over DocumentService. It answers the Router's document and section targets.

#include "app/drafting/draftingcontext.h"
#include "app/navigation/target.h"
#include "core/changes.h"
#include "core/services/documents.h"

#include <QWidget>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLineEdit;
class QPrinter;
class QTextBrowser;
class QTreeWidget;

namespace Ui {
class DocumentsWorkspace;
}

namespace fwb::app {

class DocumentOutlinePane;
class DocumentPreviewPane;
class MarkdownEdit;
class SectionEditorPane;

class DocumentsWorkspace : public QWidget, public Destination {
    Q_OBJECT
public:
    DocumentsWorkspace(QUndoStack* undoStack, ErrorSink errors, QWidget* parent = nullptr);
    ~DocumentsWorkspace() override;

    void setWorkbench(Workbench* workbench);
    // The documents of this programme and force (either may be empty: nothing to show).
    void showPlace(const QString& programme, const QString& force);

    QString currentDocument() const;
    QString currentSection() const;
    bool selectDocument(const QString& uid);
    bool selectSection(const QString& uid);

    // Destination: documents and their sections, and a force's documents.
    bool answers(const Target& target) const override;
    QWidget* page() override { return this; }
    bool reveal(const Target& target) override;

    // Work a script or a test can do without the dialogs.
    Status exportTo(const QString& path, const QString& format = {});
    int printTo(QPrinter* printer);
    void createDocument(const QString& kind);
    void addSection(const QString& kind);
    void removeSection();
    void moveSection(int delta);     // up (-1) or down (+1) among its siblings
    void indentSection(bool inward); // under the section above, or out to its parent's level

    QComboBox* documentBox() const { return m_documents; }
    DocumentOutlinePane* outlinePane() const;
    SectionEditorPane* sectionPane() const;
    DocumentPreviewPane* previewPane() const;
    QTreeWidget* outline() const;
    QLineEdit* titleEdit() const;
    MarkdownEdit* bodyEditor() const;
    QTextBrowser* preview() const;
    QTextBrowser* dataView() const;
    // Actions the window puts in its menus.
    QAction* printAction() const { return m_print; }
    QAction* printPreviewAction() const { return m_printPreview; }
    QAction* exportAction() const { return m_export; }
    QAction* exportAllAction() const { return m_exportAll; }

public Q_SLOTS:
    // Saves typing not yet saved: before an undo, a selection change, closing.
    void flush();
    // Reads the documents again after a change (everything, when no change is named).
    void reload(const fwb::ChangeSet& changes = ChangeSet::everything());
    void refreshPreview();

Q_SIGNALS:
    // The person wants to edit the data a bound section shows (the window routes it).
    void editQuestionRequested(const QString& programme, const QString& force,
                               const QString& question);
    void editFiguresRequested(const QString& programme, const QString& force);

private:
    void buildBar();
    void fillDocuments(const QString& keep);
    // Lists the sections again (keeping the selection and what is folded); `reloadEditor` false
    // keeps the section editor as it is (after a save of the editor's own typing).
    void rebuildOutline(const QString& keep, bool reloadEditor = true);
    void loadSection();
    void onSectionChosen();
    void followSection();
    void updateActions();
    void editParticulars();
    void deleteDocument();
    void printPreview();
    void print();
    void exportDocument();
    void exportAll();
    std::optional<Document> document() const;
    std::optional<DocumentService::Location> location() const;

    std::unique_ptr<Ui::DocumentsWorkspace> m_ui;
    DraftingContext m_context;
    QString m_programme, m_force;
    bool m_dialogs = true;
    bool m_loading = false;
    QList<QPair<QString, QString>> m_listed; // the documents in the box: uid, label

    QComboBox* m_documents = nullptr;
    QAction* m_newLetter = nullptr;
    QAction* m_newReport = nullptr;
    QAction* m_particulars = nullptr;
    QAction* m_deleteDocument = nullptr;
    QAction* m_print = nullptr;
    QAction* m_printPreview = nullptr;
    QAction* m_export = nullptr;
    QAction* m_exportAll = nullptr;
};

} // namespace fwb::app
