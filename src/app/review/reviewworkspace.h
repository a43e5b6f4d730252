#pragma once
// ReviewWorkspace: the factual accuracy check of the selected force's letters and reports, in
// panes over a Designer skeleton (ui/reviewworkspace.ui): at the top the document, its place in
// the lifecycle and the moves open to it (ReviewMovesBar); in the middle the force's responses
// with how many are decided (ResponsesPane) and the response in hand (ResponseInHandPane); below,
// the review notes (ReviewNotesPane), the document as sent against the document now
// (ChangesSincePane), the history of its moves (ReviewHistoryPane) and the revisions of the text
// in hand (RevisionsView). The workspace coordinates them and records through ReviewService;
// nothing here is an undo command, because each move and decision is a recorded act, reopened
// only with a reason. It answers the Router's response targets.

#include "app/drafting/draftingcontext.h"
#include "app/navigation/target.h"
#include "core/changes.h"
#include "core/services/review.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace Ui {
class ReviewWorkspace;
}

namespace fwb::app {

class ResponseInHandPane;
class ResponsesPane;
class ReviewMovesBar;
class ReviewNotesPane;
class RevisionsView;

class ReviewWorkspace : public QWidget, public Destination {
    Q_OBJECT
public:
    explicit ReviewWorkspace(ErrorSink errors, QWidget* parent = nullptr);
    ~ReviewWorkspace() override;

    void setWorkbench(Workbench* workbench);
    void showPlace(const QString& programme, const QString& force);
    bool selectDocument(const QString& uid);
    QString currentDocument() const;
    // Dialogs (folders, files, reasons) are asked only when on; tests and scripts call the methods.
    void setDialogsEnabled(bool on) { m_dialogs = on; }

    // Destination: a response of a document's latest round, and a force's documents.
    bool answers(const Target& target) const override;
    QWidget* page() override { return this; }
    bool reveal(const Target& target) override;

    // What the buttons do, without their dialogs. Each returns false after reporting the error.
    bool moveTo(const QString& status, const QString& reason = {});
    bool sendTo(const QString& directory);
    // The pack of the open round, written again (refused when the document changed since sent).
    bool writePackAgain(const QString& directory);
    bool importForm(const QString& path, bool cleanRowsOnly = false);
    bool exportRecord(const QString& path);  // .pdf or .csv
    bool exportChanges(const QString& path); // .pdf or .html
    bool addNote(const QString& target, const QString& text);
    bool selectResponse(int row);

    ReviewMovesBar* movesBar() const;
    ResponsesPane* responsesPane() const;
    ResponseInHandPane* responsePane() const;
    ReviewNotesPane* notesPane() const;
    QComboBox* documentBox() const;
    QLabel* statusLabel() const;
    QLabel* progressLabel() const;
    QTableWidget* responsesTable() const;
    QTextBrowser* proposalView() const;
    QPlainTextEdit* wordingEdit() const;
    QLineEdit* reasonEdit() const;
    QPushButton* acceptButton() const;
    QPushButton* partlyButton() const;
    QPushButton* rejectButton() const;
    QTreeWidget* notesList() const;
    QTextBrowser* changesView() const;
    QTreeWidget* historyList() const;
    RevisionsView* revisionsView() const;
    QList<QPushButton*> moveButtons() const;

public Q_SLOTS:
    void reload();
    // Keeps the wording and reason typed for the response in hand (see TypingDrafts) at once.
    void flush();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onChanged(const ChangeSet& changes);
    void scheduleReload();
    void fillDocuments();
    void showDocument();
    void showResponse();
    void decide(const QString& decision);
    void onMove(const QString& status);
    void onSend();
    void onImport();
    void onRecord();
    void onChangesExport();
    void onAddNote();
    void onAnswerNote();
    void onResolveNote();
    bool report(const Status& s, const QString& title);

    std::unique_ptr<Ui::ReviewWorkspace> m_ui;
    ErrorSink m_errors;
    QPointer<Workbench> m_wb;
    QString m_programme, m_force;
    bool m_dialogs = true;
    bool m_stale = false;
    bool m_rebuilding = false; // the responses table is being refilled: the form stays as it is
    QTimer m_reloadTimer;
};

} // namespace fwb::app
