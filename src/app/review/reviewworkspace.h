#pragma once
// ReviewWorkspace: the factual accuracy check of the selected force's letters and reports.
// At the top the document, its place in the lifecycle and the moves open to it (send the pack,
// import the force's form, close the round, sign off, publish, reopen). In the middle the force's
// responses with how many are decided, and the response in hand: the text sent, the change
// proposed shown as tracked changes, the wording to apply (editable) and the reason, with Accept,
// Partly accept and Reject. Below, the review notes, the document as sent against the document
// now, and the history of its moves. Every action goes through ReviewService; nothing here is an
// undo command, because each move and decision is a recorded act, reopened only with a reason.

#include "app/drafting/draftingcontext.h"
#include "app/drafting/savescheduler.h"
#include "core/services/review.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;
class QHBoxLayout;

namespace fwb::app {

class RevisionsView;

class ReviewWorkspace : public QWidget {
    Q_OBJECT
public:
    ReviewWorkspace(ErrorSink errors, QWidget* parent = nullptr);

    void setWorkbench(Workbench* workbench);
    void showPlace(const QString& programme, const QString& force);
    bool selectDocument(const QString& uid);
    QString currentDocument() const;
    // Dialogs (folders, files, reasons) are asked only when on; tests and scripts call the methods.
    void setDialogsEnabled(bool on) { m_dialogs = on; }

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

    QComboBox* documentBox() const { return m_document; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* progressLabel() const { return m_progressLabel; }
    QTableWidget* responsesTable() const { return m_responses; }
    QTextBrowser* proposalView() const { return m_proposal; }
    QPlainTextEdit* wordingEdit() const { return m_wording; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* acceptButton() const { return m_accept; }
    QPushButton* partlyButton() const { return m_partly; }
    QPushButton* rejectButton() const { return m_reject; }
    QTreeWidget* notesList() const { return m_notes; }
    QTextBrowser* changesView() const { return m_changes; }
    QTreeWidget* historyList() const { return m_history; }
    RevisionsView* revisionsView() const { return m_revisions; }
    QList<QPushButton*> moveButtons() const { return m_moveButtons; }

public Q_SLOTS:
    void reload();
    // Keeps the wording and reason typed for the response in hand (see TypingDrafts) at once.
    void flush();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
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
    QString selectedNote() const;
    bool report(const Status& s, const QString& title);
    void keepDecisionDraft();

    ErrorSink m_errors;
    QPointer<Workbench> m_wb;
    QString m_programme, m_force;
    bool m_dialogs = true;
    bool m_reloading = false;
    bool m_stale = false;
    QTimer m_reloadTimer;
    QList<FaResponse> m_shown;
    // The wording and reason typed before a decision are kept as a draft while they are typed,
    // offered again when the response is shown, and removed once it is decided.
    QString m_formResponse; // the undecided response whose wording and reason the form holds
    bool m_loadingForm = false;
    bool m_rebuilding = false; // the responses table is being refilled: the form stays as it is
    SaveScheduler m_draftSaver{[this] { keepDecisionDraft(); }};

    QComboBox* m_document = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_roundLabel = nullptr;
    QHBoxLayout* m_moves = nullptr;
    QList<QPushButton*> m_moveButtons;
    QPushButton* m_import = nullptr;
    QPushButton* m_record = nullptr;
    QPushButton* m_repack = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QTableWidget* m_responses = nullptr;
    QLabel* m_responseTitle = nullptr;
    QTextBrowser* m_proposal = nullptr;
    QPlainTextEdit* m_wording = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_partly = nullptr;
    QPushButton* m_reject = nullptr;
    QTabWidget* m_lower = nullptr;
    QTreeWidget* m_notes = nullptr;
    QLabel* m_notesLabel = nullptr;
    QTextBrowser* m_changes = nullptr;
    QCheckBox* m_changedOnly = nullptr;
    QTreeWidget* m_history = nullptr;
    RevisionsView* m_revisions = nullptr;
};

} // namespace fwb::app
