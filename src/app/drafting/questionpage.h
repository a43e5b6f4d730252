#pragma once
// QuestionPage: where an inspector writes up one question for one force — its judgment (when the
// question is graded), its findings in order with filters by kind and status, the editor of the
// selected finding (kind, status, rich text, evidence cited, counts) and its change history.
//
// Typing is saved when it rests, at least once a second while it goes on (SaveScheduler), when the
// editor loses focus and before any undo, so a crash loses at most the last second; every save is
// an undo command, and a stretch of typing in one finding is one undo step.

#include "app/drafting/draftingcontext.h"
#include "core/checks/checker.h"
#include "core/domain/types.h"

#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QTabWidget;
class QToolButton;

namespace fwb::app {

class FindingsModel;
class HistoryView;
class RevisionsView;
class JudgmentPanel;
class MarkdownEdit;

class DiagnosticHighlighter;

class QuestionPage : public QWidget {
    Q_OBJECT
public:
    explicit QuestionPage(const DraftingContext& context, QWidget* parent = nullptr);

    void setPlace(const QString& programme, const QString& force, const QString& question);
    void reload();
    // Saves typing not yet saved (in the finding and the judgment summary).
    void flush();
    // Selects a finding by uid (after a search, say) and puts the cursor in its text.
    bool selectFinding(const QString& uid);
    QString currentUid() const;

    // The actions, for the window's menus.
    QAction* addFindingAction() const { return m_add; }
    QAction* deleteFindingAction() const { return m_delete; }
    QAction* moveUpAction() const { return m_up; }
    QAction* moveDownAction() const { return m_down; }
    QAction* moveToAction() const { return m_moveTo; }

    FindingsModel* model() const { return m_model; }
    QListView* list() const { return m_list; }
    MarkdownEdit* editor() const { return m_editor; }
    JudgmentPanel* judgmentPanel() const { return m_judgment; }
    QComboBox* kindCombo() const { return m_kind; }
    QComboBox* kindFilter() const { return m_kindFilter; }
    QComboBox* statusFilter() const { return m_statusFilter; }
    QListWidget* evidenceList() const { return m_evidence; }
    HistoryView* history() const { return m_history; }
    RevisionsView* revisions() const { return m_revisions; }
    QToolButton* reviewNoteButton() const { return m_note; }
    DiagnosticHighlighter* findingHighlighter() const { return m_findingHighlighter; }
    DiagnosticHighlighter* summaryHighlighter() const { return m_summaryHighlighter; }

    // Starts a new finding: the editor empties, and the finding is added as soon as text is typed.
    void startNewFinding();
    // Moves the selected finding to a question (of the same programme) at the end.
    bool moveSelectedTo(const QString& question);

private:
    void onCurrentChanged();
    void loadEditor();
    void saveText();
    void changeSelected(const std::function<void(Finding&)>& change);
    void moveSelectedBy(int delta);
    void deleteSelected();
    void chooseQuestion();
    void updateActions();
    void updateHeader();
    void loadEvidenceChoices();
    void showHistory();
    std::optional<Finding> stored(const QString& uid) const;

    const DraftingContext& m_context; // owned by the DraftingWorkspace
    QString m_programme, m_force, m_question;
    QString m_uid; // the finding in the editor; empty for a new one
    bool m_newFinding = false;
    bool m_reloading = false;
    int m_session = 0;
    SaveScheduler m_saver;

    QLabel* m_title;
    QLabel* m_subtitle;
    JudgmentPanel* m_judgment;
    FindingsModel* m_model;
    QListView* m_list;
    QComboBox* m_kindFilter;
    QComboBox* m_statusFilter;
    QLabel* m_countLabel;
    QTabWidget* m_tabs;
    QComboBox* m_kind;
    QComboBox* m_status;
    MarkdownEdit* m_editor;
    QListWidget* m_evidence;
    HistoryView* m_history;
    RevisionsView* m_revisions = nullptr;
    QToolButton* m_note = nullptr;
    QAction* m_add;
    QAction* m_delete;
    QAction* m_up;
    QAction* m_down;
    QAction* m_moveTo;
    std::optional<checks::CheckContext> m_checkContext; // for underlining as the person types
    DiagnosticHighlighter* m_findingHighlighter;
    DiagnosticHighlighter* m_summaryHighlighter;
    void loadCheckContext();
};

} // namespace fwb::app
