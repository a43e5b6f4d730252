#pragma once
// QuestionPage: where an inspector writes up one question for one force. It lays out and routes
// between three panes with one job each — the JudgmentPanel (when the question is graded), the
// FindingsListPane (the findings in order, with filters and actions) and the FindingEditor (the
// selected finding, saved as it is typed) — and keeps what the checker underlines up to date.
//
// Changes arrive as change records after the shared models have taken them in (applyChanges):
// each pane follows what concerns it; nothing reloads the whole force on a pause in typing.

#include "app/drafting/draftingcontext.h"
#include "core/changes.h"
#include "core/checks/checker.h"
#include "core/domain/types.h"

#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QToolButton;

namespace fwb::app {

class DiagnosticHighlighter;
class FindingEditor;
class FindingsListPane;
class FindingsModel;
class HistoryView;
class JudgmentPanel;
class MarkdownEdit;
class RevisionsView;

class QuestionPage : public QWidget {
    Q_OBJECT
public:
    // `model`: the shared findings list (see Models); nullptr: the page keeps its own.
    explicit QuestionPage(const DraftingContext& context, FindingsModel* model = nullptr,
                          QWidget* parent = nullptr);

    void setPlace(const QString& programme, const QString& force, const QString& question);
    // Reads everything on the page again (a reopened file, an import).
    void reload();
    // Follows committed changes (after the shared models have taken them in).
    void applyChanges(const ChangeSet& changes);
    // Saves typing not yet saved (in the finding and the judgment summary).
    void flush();
    // Selects a finding by uid (after a search, say) and puts the cursor in its text.
    bool selectFinding(const QString& uid);
    QString currentUid() const;

    // The actions, for the window's menus.
    QAction* addFindingAction() const;
    QAction* deleteFindingAction() const;
    QAction* moveUpAction() const;
    QAction* moveDownAction() const;
    QAction* moveToAction() const;

    FindingsListPane* findingsPane() const { return m_listPane; }
    FindingEditor* findingEditor() const { return m_editorPane; }
    FindingsModel* model() const;
    QListView* list() const;
    MarkdownEdit* editor() const;
    JudgmentPanel* judgmentPanel() const { return m_judgment; }
    QComboBox* kindCombo() const;
    QComboBox* kindFilter() const;
    QComboBox* statusFilter() const;
    QListWidget* evidenceList() const;
    HistoryView* history() const;
    RevisionsView* revisions() const;
    QToolButton* reviewNoteButton() const;
    DiagnosticHighlighter* findingHighlighter() const;
    DiagnosticHighlighter* summaryHighlighter() const { return m_summaryHighlighter; }
    // How many times the check context was read (for tests: not on every pause in typing).
    int checkContextLoads() const { return m_checkContextLoads; }

    // Starts a new finding: the editor empties, and the finding is added as soon as text is typed.
    void startNewFinding();
    // Moves the selected finding to a question (of the same programme) at the end.
    bool moveSelectedTo(const QString& question);

private:
    void onCurrentChanged(const QString& uid);
    void moveSelectedBy(int delta);
    void deleteSelected();
    void chooseQuestion();
    void updateActions();
    void updateHeader();
    void loadCheckContext();
    void updateCheckContext(const ChangeSet& changes);
    bool isHere(const Place& place) const;
    std::optional<Finding> selected() const;

    const DraftingContext& m_context; // owned by the DraftingWorkspace
    QString m_programme, m_force, m_question;

    QLabel* m_title;
    QLabel* m_subtitle;
    JudgmentPanel* m_judgment;
    FindingsListPane* m_listPane;
    FindingEditor* m_editorPane;
    std::optional<checks::CheckContext> m_checkContext; // for underlining as the person types
    int m_checkContextLoads = 0;
    DiagnosticHighlighter* m_summaryHighlighter;
};

} // namespace fwb::app
