#include "app/drafting/draftingworkspace.h"

#include "app/drafting/evidencepage.h"
#include "app/drafting/findingsmodel.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/metricspage.h"
#include "app/drafting/questionpage.h"
#include "app/models/models.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QVBoxLayout>

namespace fwb::app {

using namespace Qt::StringLiterals;

DraftingWorkspace::DraftingWorkspace(QUndoStack* undoStack, ErrorSink errors, QWidget* parent)
    : DraftingWorkspace(nullptr, undoStack, std::move(errors), parent)
{
}

DraftingWorkspace::DraftingWorkspace(Models* models, QUndoStack* undoStack, ErrorSink errors,
                                     QWidget* parent)
    : QWidget(parent), m_models(models)
{
    setObjectName(QStringLiteral("draftingWorkspace"));
    m_context.undoStack = undoStack;
    m_context.errors = std::move(errors);
    m_stack = new QStackedWidget(this);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("draftingHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: palette(dark); padding: 24px;"));
    m_question = new QuestionPage(m_context, models ? models->findings() : nullptr, this);
    if (models)
        connect(models, &Models::changed, this, &DraftingWorkspace::applyChanges);
    m_evidence = new EvidencePage(m_context, this);
    m_metrics = new MetricsPage(m_context, this);
    m_forceTabs = new QTabWidget(this);
    m_forceTabs->setObjectName(QStringLiteral("forceTabs"));
    m_forceTabs->addTab(m_evidence, tr("&Evidence samples"));
    m_forceTabs->addTab(m_metrics, tr("Force in &numbers"));
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_question);
    m_stack->addWidget(m_forceTabs);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showKey({});
}

void DraftingWorkspace::setWorkbench(Workbench* workbench)
{
    flush();
    if (m_context.workbench)
        disconnect(m_context.workbench, nullptr, this, nullptr);
    m_context.workbench = workbench;
    if (!m_models) {
        // Without shared models the page's own list follows the workbench first.
        m_question->model()->setWorkbench(workbench);
        if (workbench)
            connect(workbench, &Workbench::changed, this, [this](const ChangeSet& changes) {
                m_question->model()->applyChanges(changes);
                applyChanges(changes);
            });
    }
    m_key = {};
    showKey({});
}

bool DraftingWorkspace::hasPage() const
{
    return m_stack->currentWidget() != m_hint;
}

void DraftingWorkspace::showKey(const NavigatorKey& key)
{
    flush();
    m_key = key;
    switch (key.kind) {
    case NavigatorKey::Kind::Question:
        m_question->setPlace(key.programme, key.force, key.question);
        m_stack->setCurrentWidget(m_question);
        break;
    case NavigatorKey::Kind::Force:
        m_evidence->setPlace(key.programme, key.force);
        m_metrics->setPlace(key.programme, key.force);
        m_stack->setCurrentWidget(m_forceTabs);
        break;
    case NavigatorKey::Kind::Programme:
        m_hint->setText(
            tr("Choose a force under the programme to record its evidence samples and figures, "
               "or one of its questions to write the judgment and findings."));
        m_stack->setCurrentWidget(m_hint);
        break;
    case NavigatorKey::Kind::None:
        m_hint->setText(m_context.workbench
                            ? tr("Choose a programme, force or question in the navigator.")
                            : tr("Open a workbench (File ▸ Open) or create one (File ▸ New)."));
        m_stack->setCurrentWidget(m_hint);
        break;
    }
}

void DraftingWorkspace::reload()
{
    if (m_stack->currentWidget() == m_question) {
        m_question->reload();
    } else if (m_stack->currentWidget() == m_forceTabs) {
        m_evidence->reload();
        m_metrics->reload();
    }
}

void DraftingWorkspace::applyChanges(const ChangeSet& changes)
{
    if (m_stack->currentWidget() == m_question) {
        m_question->applyChanges(changes);
    } else if (m_stack->currentWidget() == m_forceTabs) {
        // Each of the force's pages follows its own records (evidence samples, figures) and
        // keeps typing not yet saved; a change to the other's records leaves it as it is.
        m_evidence->applyChanges(changes);
        m_metrics->applyChanges(changes);
    }
}

bool DraftingWorkspace::selectFinding(const QString& uid, int start, int length)
{
    if (!m_question->selectFinding(uid))
        return false;
    const auto stored = m_context.workbench && start >= 0
                            ? m_context.workbench->reader().finding(uid)
                            : std::nullopt;
    if (stored) {
        // Select the words asked for (positions are in the stored text).
        QTextEdit* edit = m_question->editor()->textEdit();
        const QString words = stored->text.mid(start, length);
        const QTextCursor c = edit->document()->find(words);
        if (!words.isEmpty() && !c.isNull())
            edit->setTextCursor(c);
    }
    return true;
}

void DraftingWorkspace::focusJudgmentSummary()
{
    m_question->judgmentPanel()->summaryEditor()->textEdit()->setFocus(Qt::OtherFocusReason);
}

void DraftingWorkspace::showEvidence()
{
    m_forceTabs->setCurrentWidget(m_evidence);
}

void DraftingWorkspace::showMetrics()
{
    m_forceTabs->setCurrentWidget(m_metrics);
}

QList<std::pair<QString, QAction*>> DraftingWorkspace::findingActions() const
{
    return {{u"addFindingAction"_s, m_question->addFindingAction()},
            {u"deleteFindingAction"_s, m_question->deleteFindingAction()},
            {u"moveFindingUpAction"_s, m_question->moveUpAction()},
            {u"moveFindingDownAction"_s, m_question->moveDownAction()},
            {u"moveFindingToAction"_s, m_question->moveToAction()}};
}

void DraftingWorkspace::flush()
{
    m_question->flush();
    m_evidence->flush();
}

} // namespace fwb::app
