#include "app/drafting/questionpage.h"

#include "app/drafting/diagnostichighlighter.h"
#include "app/drafting/findingeditor.h"
#include "app/drafting/findingslistpane.h"
#include "app/drafting/findingsmodel.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/panes/safetextbrowser.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {

QuestionPage::QuestionPage(const DraftingContext& context, FindingsModel* findings, QWidget* parent)
    : QWidget(parent), m_context(context)
{
    setObjectName(u"questionPage"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"questionTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setStyleSheet(u"color: palette(dark);"_s);

    // Judgment.
    m_judgment = new JudgmentPanel(m_context, this);
    auto* judgmentBox = new QGroupBox(tr("Judgment"), this);
    judgmentBox->setObjectName(u"judgmentBox"_s);
    auto* jl = new QVBoxLayout(judgmentBox);
    jl->addWidget(m_judgment);
    judgmentBox->setVisible(false);
    connect(m_judgment, &JudgmentPanel::gradedChanged, judgmentBox, &QWidget::setVisible);

    // The findings, and the selected one.
    if (!findings) {
        findings = new FindingsModel(this);
        findings->setWorkbench(m_context.workbench);
    }
    auto* findingsBox = new QGroupBox(tr("Findings"), this);
    m_listPane = new FindingsListPane(findings, findingsBox);
    auto* fl = new QVBoxLayout(findingsBox);
    fl->addWidget(m_listPane);
    m_editorPane = new FindingEditor(m_context, this);
    m_editorPane->setAddHint(
        tr("No finding selected. Add one with %1.")
            .arg(addFindingAction()->shortcut().toString(QKeySequence::NativeText)));

    for (QAction* a : {addFindingAction(), deleteFindingAction(), moveUpAction(), moveDownAction(),
                       moveToAction()}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QWidget::addAction(a);
    }
    connect(addFindingAction(), &QAction::triggered, this, &QuestionPage::startNewFinding);
    connect(deleteFindingAction(), &QAction::triggered, this, &QuestionPage::deleteSelected);
    connect(moveUpAction(), &QAction::triggered, this, [this] { moveSelectedBy(-1); });
    connect(moveDownAction(), &QAction::triggered, this, [this] { moveSelectedBy(1); });
    connect(moveToAction(), &QAction::triggered, this, &QuestionPage::chooseQuestion);
    connect(findings, &FindingsModel::moveRequested, this,
            [this](const QString& uid, int position) {
                if (!m_context.workbench)
                    return;
                if (auto f = m_context.workbench->reader().finding(uid))
                    m_context.run(new MoveFindingCommand(m_context.workbench, m_context.errors, *f,
                                                         m_question, position));
            });
    connect(m_listPane, &FindingsListPane::currentFindingChanged, this,
            &QuestionPage::onCurrentChanged);
    connect(m_listPane, &FindingsListPane::filterChanged, this, [this] {
        // The filter reset the list: show its first row, or the finding on show if still listed.
        const QString keep = m_editorPane->uid();
        if (!m_listPane->setCurrentUid(keep) && model()->rowCount() > 0)
            list()->setCurrentIndex(model()->index(0, 0));
        else if (model()->rowCount() == 0 && !m_editorPane->isNew())
            m_editorPane->showFinding({});
        updateActions();
    });
    connect(m_editorPane, &FindingEditor::findingAdded, this, [this](const QString& uid) {
        m_listPane->setCurrentUid(uid); // already on show: the editor is left as it is
        updateActions();
    });

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(judgmentBox);
    split->addWidget(findingsBox);
    split->addWidget(m_editorPane);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(split, 1);

    setTabOrder(m_judgment->gradeCombo(), m_judgment->firstYearCheck());
    setTabOrder(m_judgment->firstYearCheck(), m_judgment->summaryEditor()->textEdit());
    setTabOrder(m_judgment->summaryEditor()->textEdit(), kindFilter());
    setTabOrder(kindFilter(), statusFilter());
    setTabOrder(statusFilter(), list());
    setTabOrder(list(), kindCombo());

    m_summaryHighlighter = new DiagnosticHighlighter(
        m_judgment->summaryEditor()->textEdit()->document(), [this](const QString& plain) {
            if (!m_checkContext)
                return QList<checks::Problem>{};
            return checks::checkText(*m_checkContext, u"judgment"_s,
                                     m_programme + u'/' + m_force + u'/' + m_question, m_question,
                                     plain);
        });
    m_judgment->summaryEditor()->setToolTipProvider([this](int position) {
        const auto p = m_summaryHighlighter->problemAt(position);
        return p ? plainToolTip(p->message) : QString();
    });
    updateActions();
}

QAction* QuestionPage::addFindingAction() const
{
    return m_listPane->addFindingAction();
}
QAction* QuestionPage::deleteFindingAction() const
{
    return m_listPane->deleteAction();
}
QAction* QuestionPage::moveUpAction() const
{
    return m_listPane->moveUpAction();
}
QAction* QuestionPage::moveDownAction() const
{
    return m_listPane->moveDownAction();
}
QAction* QuestionPage::moveToAction() const
{
    return m_listPane->moveToAction();
}
FindingsModel* QuestionPage::model() const
{
    return m_listPane->model();
}
QListView* QuestionPage::list() const
{
    return m_listPane->list();
}
MarkdownEdit* QuestionPage::editor() const
{
    return m_editorPane->editor();
}
QComboBox* QuestionPage::kindCombo() const
{
    return m_editorPane->kindCombo();
}
QComboBox* QuestionPage::kindFilter() const
{
    return m_listPane->kindFilter();
}
QComboBox* QuestionPage::statusFilter() const
{
    return m_listPane->statusFilter();
}
QListWidget* QuestionPage::evidenceList() const
{
    return m_editorPane->evidenceList();
}
HistoryView* QuestionPage::history() const
{
    return m_editorPane->history();
}
RevisionsView* QuestionPage::revisions() const
{
    return m_editorPane->revisions();
}
QToolButton* QuestionPage::reviewNoteButton() const
{
    return m_editorPane->reviewNoteButton();
}
DiagnosticHighlighter* QuestionPage::findingHighlighter() const
{
    return m_editorPane->highlighter();
}

void QuestionPage::setPlace(const QString& programme, const QString& force, const QString& question)
{
    flush();
    m_programme = programme;
    m_force = force;
    m_question = question;
    m_judgment->setPlace(programme, force, question);
    if (m_judgment->isGraded())
        m_editorPane->setJudgmentSubject(HistoryView::Subject{
            u"judgment"_s, programme + u'/' + force + u'/' + question, tr("Judgment")});
    else
        m_editorPane->setJudgmentSubject(std::nullopt);
    m_editorPane->setPlace(programme, force, question);
    if (model()->workbench() != m_context.workbench)
        model()->setWorkbench(m_context.workbench);
    model()->setPlace(programme, force, question);
    m_listPane->updateCount();
    loadCheckContext();
    m_summaryHighlighter->recheck();
    updateHeader();
    if (model()->rowCount() > 0)
        list()->setCurrentIndex(model()->index(0, 0));
    else
        m_editorPane->showFinding({});
    updateActions();
}

void QuestionPage::updateHeader()
{
    if (!m_context.workbench)
        return;
    const auto ref = m_context.workbench->reader();
    QString text = m_question;
    for (const Question& q : ref.questionsFlat(m_programme))
        if (q.code == m_question)
            text = q.code + u"  "_s + q.text;
    m_title->setText(text);
    const auto force = ref.force(m_force);
    const auto programme = ref.programme(m_programme);
    m_subtitle->setText((force ? force->name : m_force) + u"  ·  "_s +
                        (programme ? programme->label() : m_programme));
    m_listPane->updateCount();
}

void QuestionPage::reload()
{
    if (m_question.isEmpty())
        return;
    const QString keep = m_editorPane->uid();
    model()->reload();
    m_listPane->setCurrentUid(keep);
    m_judgment->reload();
    m_editorPane->reloadEvidenceChoices();
    loadCheckContext();
    m_editorPane->applyChanges(ChangeSet::everything());
    if (!m_editorPane->isNew() && m_editorPane->uid().isEmpty() && model()->rowCount() > 0)
        list()->setCurrentIndex(model()->index(0, 0));
    updateHeader();
    updateActions();
}

bool QuestionPage::isHere(const Place& place) const
{
    return (place.programme.isEmpty() || place.programme == m_programme) &&
           (place.force.isEmpty() || place.force == m_force);
}

void QuestionPage::applyChanges(const ChangeSet& changes)
{
    if (m_question.isEmpty() || changes.isEmpty())
        return;
    if (changes.isEverything()) {
        reload();
        return;
    }
    m_judgment->applyChanges(changes);
    m_editorPane->applyChanges(changes);
    // The finding on show went away (an undo of its addition, a delete elsewhere): show the row
    // the list now has current.
    if (!m_editorPane->isNew() && m_editorPane->uid().isEmpty()) {
        if (list()->currentIndex().isValid())
            m_editorPane->showFinding(m_listPane->currentUid());
        else if (model()->rowCount() > 0)
            list()->setCurrentIndex(model()->index(0, 0));
    }
    bool evidence = false;
    for (const RecordChange& c : changes.of(EntityKind::Evidence))
        evidence = evidence || isHere(c.place);
    if (evidence)
        m_editorPane->reloadEvidenceChoices();
    updateCheckContext(changes);
    if (changes.touchesAny({EntityKind::Programme, EntityKind::Question, EntityKind::Force}))
        updateHeader();
    else if (changes.touches(EntityKind::Finding))
        m_listPane->updateCount();
    updateActions();
}

QString QuestionPage::currentUid() const
{
    return m_editorPane->uid();
}

std::optional<Finding> QuestionPage::selected() const
{
    const QString uid = m_editorPane->uid();
    if (uid.isEmpty() || !m_context.workbench)
        return std::nullopt;
    return m_context.workbench->reader().finding(uid);
}

void QuestionPage::onCurrentChanged(const QString& uid)
{
    if (uid.isEmpty() && m_editorPane->isNew())
        return; // a new finding is being written
    if (uid.isEmpty() && !list()->currentIndex().isValid() && model()->rowCount() > 0)
        return; // between a reset and the next current row
    m_editorPane->showFinding(uid);
    updateActions();
}

void QuestionPage::loadCheckContext()
{
    m_checkContext.reset();
    m_editorPane->setCheckContext(nullptr);
    if (!m_context.workbench || m_question.isEmpty())
        return;
    ++m_checkContextLoads;
    if (auto c = checks::CheckContext::load(*m_context.workbench, m_programme, m_force))
        m_checkContext = std::move(c).value();
    m_editorPane->setCheckContext(m_checkContext ? &*m_checkContext : nullptr);
}

void QuestionPage::updateCheckContext(const ChangeSet& changes)
{
    // Wording saved as typed is copied into the context; anything else about this force (a
    // finding added or moved, evidence, figures, documents, names) reads the context again.
    if (!m_checkContext || !m_context.workbench)
        return;
    bool reread = false;
    bool recheck = false;
    const Reader drafts = m_context.workbench->reader();
    for (const RecordChange& c : changes.changes()) {
        if (reread)
            break;
        switch (c.kind) {
        case EntityKind::Finding: {
            if (!isHere(c.place) && !(c.op == ChangeOp::Moved && isHere(c.from)))
                break;
            if (!c.isPrecise()) {
                reread = true;
                break;
            }
            // The findings named are copied in (the one being typed from the editor), dropped
            // when gone, added when new.
            QList<Finding>& findings = m_checkContext->findings;
            for (const QString& uid : c.uids) {
                const auto at = std::find_if(findings.begin(), findings.end(),
                                             [&](const Finding& f) { return f.uid == uid; });
                const auto& mine = m_editorPane->finding();
                std::optional<Finding> now;
                if (c.wordingOnly && mine && mine->uid == uid)
                    now = mine;
                else if (c.op != ChangeOp::Removed)
                    now = drafts.finding(uid);
                if (now && (now->programmeCode != m_programme || now->forceCode != m_force))
                    now.reset();
                if (at != findings.end() && now)
                    *at = *now;
                else if (at != findings.end())
                    findings.erase(at);
                else if (now)
                    findings.push_back(*now);
            }
            recheck = !c.wordingOnly;
            break;
        }
        case EntityKind::Judgment: {
            if (!isHere(c.place))
                break;
            if (!c.isPrecise()) {
                reread = true;
                break;
            }
            QList<Judgment>& judgments = m_checkContext->judgments;
            for (const QString& uid : c.uids) {
                const QStringList parts = uid.split(u'/');
                if (parts.size() != 3 || parts[0] != m_programme || parts[1] != m_force)
                    continue;
                const auto at = std::find_if(judgments.begin(), judgments.end(),
                                             [&](auto& j) { return j.questionCode == parts[2]; });
                const auto now = drafts.judgment(parts[0], parts[1], parts[2]);
                if (at != judgments.end() && now)
                    *at = *now;
                else if (at != judgments.end())
                    judgments.erase(at);
                else if (now)
                    judgments.push_back(*now);
            }
            recheck = recheck || !c.wordingOnly;
            break;
        }
        case EntityKind::Evidence:
        case EntityKind::Metric:
        case EntityKind::Document:
        case EntityKind::Programme:
        case EntityKind::Question:
            reread = isHere(c.place);
            break;
        case EntityKind::Force:
        case EntityKind::Person:
        case EntityKind::Region:
        case EntityKind::Everything:
            reread = true;
            break;
        default:
            break;
        }
    }
    if (reread)
        loadCheckContext();
    if (!reread && !recheck)
        return;
    m_editorPane->highlighter()->recheck();
    m_summaryHighlighter->recheck();
}

void QuestionPage::startNewFinding()
{
    if (!m_context.writable() || m_question.isEmpty())
        return;
    flush();
    // After the finding selected before "Add", else at the end.
    const auto f = model()->finding(list()->currentIndex().row());
    const QString filterKind = kindFilter()->currentData().toString();
    m_editorPane->startNew(filterKind.isEmpty() ? u"strength"_s : filterKind,
                           f ? f->position + 1 : 0);
    list()->clearSelection();
    editor()->textEdit()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void QuestionPage::flush()
{
    m_editorPane->flush();
    m_judgment->flush();
}

void QuestionPage::moveSelectedBy(int delta)
{
    flush();
    const auto f = selected();
    if (!f || model()->isFiltered())
        return;
    const int target = f->position + delta;
    if (target < 1 || target > model()->totalCount())
        return;
    m_context.run(
        new MoveFindingCommand(m_context.workbench, m_context.errors, *f, m_question, target));
}

bool QuestionPage::moveSelectedTo(const QString& question)
{
    flush();
    const auto f = selected();
    if (!f || question == m_question)
        return false;
    return m_context.run(
        new MoveFindingCommand(m_context.workbench, m_context.errors, *f, question, 0));
}

void QuestionPage::chooseQuestion()
{
    if (!m_context.workbench || m_editorPane->uid().isEmpty())
        return;
    QStringList labels, codes;
    for (const Question& q : m_context.workbench->reader().questionsFlat(m_programme)) {
        if (q.code == m_question)
            continue;
        labels << QString(q.depth * 2, u' ') + q.code + u"  "_s + q.label();
        codes << q.code;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Move Finding"),
                                                 tr("Move the finding to:"), labels, 0, false, &ok);
    if (ok)
        moveSelectedTo(codes.value(labels.indexOf(chosen)));
}

void QuestionPage::deleteSelected()
{
    flush();
    if (const auto f = selected())
        m_context.run(new DeleteFindingCommand(m_context.workbench, m_context.errors, *f));
}

bool QuestionPage::selectFinding(const QString& uid)
{
    if (model()->rowOf(uid) < 0 && model()->isFiltered()) {
        kindFilter()->setCurrentIndex(0);
        statusFilter()->setCurrentIndex(0);
    }
    if (!m_listPane->setCurrentUid(uid))
        return false;
    m_editorPane->tabs()->setCurrentIndex(0);
    editor()->textEdit()->setFocus(Qt::OtherFocusReason);
    return true;
}

void QuestionPage::updateActions()
{
    const bool writable = m_context.writable() && !m_question.isEmpty();
    const auto f = model()->finding(list()->currentIndex().row());
    const QString uid = m_editorPane->uid();
    const bool isSelected = f && f->uid == uid && !uid.isEmpty();
    addFindingAction()->setEnabled(writable);
    deleteFindingAction()->setEnabled(writable && isSelected);
    moveToAction()->setEnabled(writable && isSelected);
    moveUpAction()->setEnabled(writable && isSelected && !model()->isFiltered() && f->position > 1);
    moveDownAction()->setEnabled(writable && isSelected && !model()->isFiltered() &&
                                 f->position < model()->totalCount());
}

} // namespace fwb::app
