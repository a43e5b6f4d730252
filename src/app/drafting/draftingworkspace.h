#pragma once
// DraftingWorkspace: the editing side of the window for whatever the navigator has selected — a
// question's judgment and findings, or a force's evidence samples and figures. Every edit is an
// undo command on the window's stack over DraftingService; the pages follow the workbench's change
// records (after the shared Models have taken them in), keeping the person's place and any typing
// in progress.

#include "app/drafting/draftingcontext.h"
#include "app/models/navigatornode.h"
#include "core/changes.h"

#include <QPointer>

#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace fwb::app {

class EvidencePage;
class MetricsPage;
class Models;
class QuestionPage;

class DraftingWorkspace : public QWidget {
    Q_OBJECT
public:
    DraftingWorkspace(QUndoStack* undoStack, ErrorSink errors, QWidget* parent = nullptr);
    // With the window's shared models: the question page lists findings through them, and the
    // pages follow Models::changed rather than the workbench itself.
    DraftingWorkspace(Models* models, QUndoStack* undoStack, ErrorSink errors,
                      QWidget* parent = nullptr);

    void setWorkbench(Workbench* workbench);
    const NavigatorKey& key() const { return m_key; }
    // Whether the selected row has something to draft (a force or a question).
    bool hasPage() const;

    QuestionPage* questionPage() const { return m_question; }
    EvidencePage* evidencePage() const { return m_evidence; }
    MetricsPage* metricsPage() const { return m_metrics; }
    QTabWidget* forceTabs() const { return m_forceTabs; }

    // What the window and the router ask of the page on show, so they need not know its parts.
    // Shows the finding `uid` of the question on show and, when `start` is not negative, selects
    // `length` characters of its stored text from `start`; false when the finding is not there.
    bool selectFinding(const QString& uid, int start = -1, int length = 0);
    // Puts the focus in the judgment's summary of the question on show.
    void focusJudgmentSummary();
    // Brings the force's evidence samples, or its figures, to the front.
    void showEvidence();
    void showMetrics();
    // The question page's finding actions (add, delete, move), each with the name the window's
    // action registry knows it by.
    QList<std::pair<QString, QAction*>> findingActions() const;
    // For the other editors of the window (programmes, forces and people).
    const DraftingContext& context() const { return m_context; }

public Q_SLOTS:
    void showKey(const fwb::app::NavigatorKey& key);
    void reload();
    // Follows committed changes: the page on show updates what they concern.
    void applyChanges(const fwb::ChangeSet& changes);
    // Saves typing not yet saved: before an undo, a selection change, closing.
    void flush();

private:
    DraftingContext m_context;
    QPointer<Models> m_models;
    NavigatorKey m_key;
    QStackedWidget* m_stack;
    QLabel* m_hint;
    QuestionPage* m_question;
    QTabWidget* m_forceTabs;
    EvidencePage* m_evidence;
    MetricsPage* m_metrics;
};

} // namespace fwb::app
