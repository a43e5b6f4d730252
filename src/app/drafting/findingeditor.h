#pragma once
// FindingEditor: the selected finding of a question page — its kind and status, its text, the
// evidence it cites, its history and revisions — and the saving of what is typed in it.
//
// Typing is saved when it rests, at least once a second while it goes on (SaveScheduler), when the
// editor loses focus and before any undo, so a crash loses at most the last second; every save is
// an undo command, and a stretch of typing in one finding is one undo step.
//
// The editor never reads back its own save: a change record about the finding on show is followed
// only when the stored text differs from what the editor holds (an undo, a change elsewhere).

#include "app/drafting/draftingcontext.h"
#include "app/drafting/historyview.h"
#include "core/changes.h"
#include "core/checks/checker.h"
#include "core/domain/types.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QListWidget;
class QTabWidget;
class QToolButton;

namespace fwb::app {

class DiagnosticHighlighter;
class MarkdownEdit;
class RevisionsView;

class FindingEditor : public QWidget {
    Q_OBJECT
public:
    explicit FindingEditor(const DraftingContext& context, QWidget* parent = nullptr);

    // The question the findings belong to; the evidence samples of its force are the choices.
    void setPlace(const QString& programme, const QString& force, const QString& question);
    // Shows a stored finding (empty: none). Typing not yet saved is saved first.
    void showFinding(const QString& uid);
    // Starts a new finding of `kind` at `position` (0: the end): added once text is typed.
    void startNew(const QString& kind, int position);
    // Follows changes to the finding on show (an undo, a change elsewhere), never its own saves.
    void applyChanges(const ChangeSet& changes);
    // Saves typing not yet saved.
    void flush();
    // A new stretch of typing: its own undo step.
    void newSession() { ++m_session; }
    // The evidence samples of the force were changed: read the choices again.
    void reloadEvidenceChoices();

    QString uid() const { return m_uid; }
    bool isNew() const { return m_newFinding; }
    // The finding as last read or saved.
    const std::optional<Finding>& finding() const { return m_finding; }

    // What the underlining checks the text against (owned by the page), or nullptr.
    void setCheckContext(const checks::CheckContext* context);
    // An extra subject for the History tab (the question's judgment), or nullopt.
    void setJudgmentSubject(std::optional<HistoryView::Subject> subject);
    // The hint shown in an empty editor: how to add a finding.
    void setAddHint(const QString& hint) { m_addHint = hint; }

    MarkdownEdit* editor() const { return m_editor; }
    QComboBox* kindCombo() const { return m_kind; }
    QComboBox* statusCombo() const { return m_status; }
    QListWidget* evidenceList() const { return m_evidence; }
    HistoryView* history() const { return m_history; }
    RevisionsView* revisions() const { return m_revisions; }
    QToolButton* reviewNoteButton() const { return m_note; }
    QTabWidget* tabs() const { return m_tabs; }
    DiagnosticHighlighter* highlighter() const { return m_highlighter; }

    void showHistory();

Q_SIGNALS:
    // A new finding was saved for the first time.
    void findingAdded(const QString& uid);

private:
    void fill();
    void fillChoices();
    void saveText();
    void changeStored(const std::function<void(Finding&)>& change);
    std::optional<Finding> stored(const QString& uid) const;

    const DraftingContext& m_context; // owned by the DraftingWorkspace
    QString m_programme, m_force, m_question;
    QString m_uid; // the finding on show; empty for none or a new one
    std::optional<Finding> m_finding;
    bool m_newFinding = false;
    QString m_newKind;
    int m_newPosition = 0;
    QString m_saved; // the text the editor last saved or loaded
    int m_session = 0;
    SaveScheduler m_saver;
    const checks::CheckContext* m_checkContext = nullptr;
    std::optional<HistoryView::Subject> m_judgmentSubject;
    QString m_addHint;

    QComboBox* m_kind;
    QComboBox* m_status;
    MarkdownEdit* m_editor;
    QListWidget* m_evidence;
    QTabWidget* m_tabs;
    HistoryView* m_history;
    RevisionsView* m_revisions;
    QToolButton* m_note;
    DiagnosticHighlighter* m_highlighter;
};

} // namespace fwb::app
