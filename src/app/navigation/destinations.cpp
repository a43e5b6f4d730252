#include "app/navigation/destinations.h"

#include "app/drafting/draftingworkspace.h"
#include "app/drafting/evidencepage.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/metricspage.h"
#include "app/drafting/questionpage.h"
#include "app/panes/detailpane.h"
#include "core/workbench.h"

#include <QTabWidget>
#include <QTextCursor>
#include <QTextEdit>

namespace fwb::app {

bool DraftingDestination::answers(const Target& target) const
{
    switch (target.kind) {
    case Target::Kind::Place:
        return !target.force.isEmpty(); // a programme has nothing to draft
    case Target::Kind::Draft:
        return !target.force.isEmpty();
    case Target::Kind::Finding:
    case Target::Kind::Judgment:
    case Target::Kind::Metrics:
    case Target::Kind::Evidence:
        return true;
    default:
        return false;
    }
}

QWidget* DraftingDestination::page()
{
    return m_drafting;
}

bool DraftingDestination::reveal(const Target& target)
{
    if (m_drafting->key() != target.key())
        m_drafting->showKey(target.key());
    switch (target.kind) {
    case Target::Kind::Finding: {
        QuestionPage* page = m_drafting->questionPage();
        if (!page->selectFinding(target.uid))
            return false;
        const auto stored = m_drafting->context().workbench
                                ? m_drafting->context().workbench->drafts().finding(target.uid)
                                : std::nullopt;
        if (stored && target.start >= 0) {
            // Select the words the target is about (positions are in the stored text).
            QTextEdit* edit = page->editor()->textEdit();
            const QString words = stored->text.mid(target.start, target.length);
            const QTextCursor c = edit->document()->find(words);
            if (!words.isEmpty() && !c.isNull())
                edit->setTextCursor(c);
        }
        return true;
    }
    case Target::Kind::Judgment:
        m_drafting->questionPage()->judgmentPanel()->summaryEditor()->textEdit()->setFocus(
            Qt::OtherFocusReason);
        return true;
    case Target::Kind::Metrics:
        m_drafting->forceTabs()->setCurrentWidget(m_drafting->metricsPage());
        return true;
    case Target::Kind::Evidence:
        m_drafting->forceTabs()->setCurrentWidget(m_drafting->evidencePage());
        return true;
    default:
        return m_drafting->hasPage();
    }
}

bool OverviewDestination::answers(const Target& target) const
{
    return target.kind == Target::Kind::Place || target.kind == Target::Kind::Overview;
}

QWidget* OverviewDestination::page()
{
    return m_detail;
}

bool OverviewDestination::reveal(const Target& target)
{
    // The overview follows the navigator; it is brought up to date if it missed a change.
    if (m_detail->key() != target.key())
        m_detail->showKey(target.key());
    return true;
}

} // namespace fwb::app
