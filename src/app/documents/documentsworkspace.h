#pragma once
// DocumentsWorkspace: the letters and reports of the selected force in the selected programme.
// On the left the outline of the document's sections (add, remove, reorder, nest); in the middle
// the selected section — its own text in a formatting editor, or, for a bound section, the data it
// shows with a way to edit that data in the Draft tab; on the right a live preview of the whole
// assembled document that follows the section being edited. Print, print preview and export work
// from the same assembly. Every change is an undo command over DocumentService.

#include "app/drafting/draftingcontext.h"
#include "core/services/documents.h"
#include "documents/assembly.h"

#include <QTimer>
#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPrinter;
class QStackedWidget;
class QTextBrowser;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace fwb::app {

class MarkdownEdit;

class DocumentsWorkspace : public QWidget {
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

    // Work a script or a test can do without the dialogs.
    Status exportTo(const QString& path, const QString& format = {});
    int printTo(QPrinter* printer);
    void createDocument(const QString& kind);
    void addSection(const QString& kind);
    void removeSection();
    void moveSection(int delta);     // up (-1) or down (+1) among its siblings
    void indentSection(bool inward); // under the section above, or out to its parent's level

    QComboBox* documentBox() const { return m_documents; }
    QTreeWidget* outline() const { return m_outline; }
    QLineEdit* titleEdit() const { return m_title; }
    MarkdownEdit* bodyEditor() const { return m_body; }
    QTextBrowser* preview() const { return m_preview; }
    QTextBrowser* dataView() const { return m_data; }
    // Actions the window puts in its menus.
    QAction* printAction() const { return m_print; }
    QAction* printPreviewAction() const { return m_printPreview; }
    QAction* exportAction() const { return m_export; }
    QAction* exportAllAction() const { return m_exportAll; }

public Q_SLOTS:
    // Saves typing not yet saved: before an undo, a selection change, closing.
    void flush();
    void reload();
    void refreshPreview();

Q_SIGNALS:
    // The person wants to edit the data a bound section shows.
    void editQuestionRequested(const QString& programme, const QString& force,
                               const QString& question);
    void editFiguresRequested(const QString& programme, const QString& force);

private:
    void buildUi();
    void fillDocuments(const QString& keep);
    // Rebuilds the outline (keeping the selection and what is folded); `reloadEditor` false keeps
    // the section editor as it is (after a save of the editor's own typing).
    void rebuildOutline(const QString& keep, bool reloadEditor = true);
    void loadSection();
    void showData(const Section& s);
    void scheduleSave();
    void save();
    void followSection();
    void updateActions();
    void editParticulars();
    void deleteDocument();
    void printPreview();
    void print();
    void exportDocument();
    void exportAll();
    std::optional<Document> document() const;
    std::optional<Section> storedSection() const;
    std::optional<Section> storedSection(const QString& documentUid, const QString& uid) const;
    std::optional<DocumentService::Location> location() const;

    DraftingContext m_context;
    QString m_programme, m_force;
    bool m_dialogs = true;
    bool m_loading = false;
    bool m_dirty = false;
    bool m_saving = false; // a save of the editor's own typing is being written
    int m_session = 0;
    // What the editor holds: saves go to this section, whatever is selected by the time they run.
    QString m_editingDocument, m_editingSection;
    bool m_usesQuestion = false, m_usesFigure = false;
    QList<QPair<QString, QString>> m_listed;   // the documents in the box: uid, label
    SaveScheduler m_saver{[this] { save(); }}; // typing: on rest, and at least once a second
    QTimer m_previewTimer;
    std::optional<documents::Assembly> m_assembly;

    QComboBox* m_documents;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QTreeWidget* m_outline;
    QLabel* m_kindLabel;
    QLineEdit* m_title;
    QComboBox* m_question;
    QLineEdit* m_figure;
    QWidget* m_boundRow;
    QToolButton* m_editData;
    QTextBrowser* m_data;
    QLabel* m_bodyLabel;
    MarkdownEdit* m_body;
    QTextBrowser* m_preview;
    QAction* m_newLetter;
    QAction* m_newReport;
    QAction* m_particulars;
    QAction* m_deleteDocument;
    QToolButton* m_add;
    QAction* m_remove;
    QAction* m_up;
    QAction* m_down;
    QAction* m_indent;
    QAction* m_outdent;
    QAction* m_print;
    QAction* m_printPreview;
    QAction* m_export;
    QAction* m_exportAll;
};

} // namespace fwb::app
