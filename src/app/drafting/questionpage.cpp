#include "app/drafting/questionpage.h"
#include "app/panes/safetextbrowser.h"

#include "app/drafting/diagnostichighlighter.h"
#include "app/drafting/findingdelegate.h"
#include "app/drafting/findingsmodel.h"
#include "app/drafting/historyview.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/review/reviewnote.h"
#include "app/review/revisionsview.h"
#include "core/services/review.h"
#include "core/workbench.h"

#include <QStandardItemModel>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace fwb::app {
namespace {

QString statusLabel(const QString& status)
{
    return fwb::statusLabel(status);
}

QToolButton* button(QAction* action, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAutoRaise(true);
    return b;
}

} // namespace

QuestionPage::QuestionPage(const DraftingContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_saver([this] { saveText(); })
{
    setObjectName(QStringLiteral("questionPage"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("questionTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setStyleSheet(QStringLiteral("color: palette(dark);"));

    // Judgment.
    m_judgment = new JudgmentPanel(m_context, this);
    auto* judgmentBox = new QGroupBox(tr("Judgment"), this);
    judgmentBox->setObjectName(QStringLiteral("judgmentBox"));
    auto* jl = new QVBoxLayout(judgmentBox);
    jl->addWidget(m_judgment);
    judgmentBox->setVisible(false);
    connect(m_judgment, &JudgmentPanel::gradedChanged, judgmentBox, &QWidget::setVisible);

    // Findings list with its filters and actions.
    m_add = new QAction(tr("&Add Finding"), this);
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_add->setToolTip(tr("Add a finding after the selected one (%1)")
                          .arg(m_add->shortcut().toString(QKeySequence::NativeText)));
    m_delete = new QAction(tr("&Delete Finding"), this);
    m_delete->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    m_up = new QAction(tr("Move &Up"), this);
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = new QAction(tr("Move Do&wn"), this);
    m_down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_moveTo = new QAction(tr("Move to &Question…"), this);
    m_moveTo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    for (QAction* a : {m_add, m_delete, m_up, m_down, m_moveTo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QWidget::addAction(a);
    }
    connect(m_add, &QAction::triggered, this, &QuestionPage::startNewFinding);
    connect(m_delete, &QAction::triggered, this, &QuestionPage::deleteSelected);
    connect(m_up, &QAction::triggered, this, [this] { moveSelectedBy(-1); });
    connect(m_down, &QAction::triggered, this, [this] { moveSelectedBy(1); });
    connect(m_moveTo, &QAction::triggered, this, &QuestionPage::chooseQuestion);

    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(QStringLiteral("kindFilter"));
    m_kindFilter->setAccessibleName(tr("Show findings of kind"));
    m_kindFilter->addItem(tr("All kinds"), QString());
    for (const QString& k : findingKinds())
        m_kindFilter->addItem(findingKindPluralLabel(k), k);
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Show findings with status"));
    m_statusFilter->addItem(tr("Any status"), QString());
    for (const QString& s : statuses())
        m_statusFilter->addItem(statusLabel(s), s);
    m_countLabel = new QLabel(this);
    m_countLabel->setStyleSheet(QStringLiteral("color: palette(dark);"));

    m_model = new FindingsModel(this);
    m_model->setWorkbench(m_context.workbench);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("findingsList"));
    m_list->setAccessibleName(tr("Findings"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new FindingDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDropIndicatorShown(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setAlternatingRowColors(true);
    connect(m_model, &FindingsModel::moveRequested, this, [this](const QString& uid, int position) {
        if (auto f = stored(uid))
            m_context.run(new MoveFindingCommand(m_context.workbench, m_context.errors, *f,
                                                 m_question, position));
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &QuestionPage::onCurrentChanged);
    connect(m_kindFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        flush();
        m_model->setFilter(m_kindFilter->currentData().toString(),
                           m_statusFilter->currentData().toString());
        reload();
    });
    connect(m_statusFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        flush();
        m_model->setFilter(m_kindFilter->currentData().toString(),
                           m_statusFilter->currentData().toString());
        reload();
    });

    auto* findingsBox = new QGroupBox(tr("Findings"), this);
    auto* fl = new QVBoxLayout(findingsBox);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_kindFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_countLabel, 1);
    for (QAction* a : {m_add, m_up, m_down, m_moveTo, m_delete})
        filters->addWidget(button(a, findingsBox));
    fl->addLayout(filters);
    fl->addWidget(m_list, 1);

    // The selected finding.
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("findingKind"));
    m_kind->setAccessibleName(tr("Kind of finding"));
    for (const QString& k : findingKinds())
        m_kind->addItem(findingKindLabel(k), k);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("findingStatus"));
    m_status->setAccessibleName(tr("Status of finding"));
    for (const QString& s : statuses())
        m_status->addItem(statusLabel(s), s);
    m_editor = new MarkdownEdit(this);
    m_editor->setObjectName(QStringLiteral("findingEditor"));
    m_editor->textEdit()->setAccessibleName(tr("Finding text"));
    m_evidence = new QListWidget(this);
    m_evidence->setObjectName(QStringLiteral("evidenceCited"));
    m_evidence->setAccessibleName(tr("Evidence samples cited"));
    m_evidence->setMaximumHeight(90);
    m_history = new HistoryView(this);

    auto* editorPage = new QWidget(this);
    auto* el = new QVBoxLayout(editorPage);
    auto* kindRow = new QHBoxLayout;
    auto* kindLabel = new QLabel(tr("&Kind:"), editorPage);
    kindLabel->setBuddy(m_kind);
    auto* statusLabelWidget = new QLabel(tr("S&tatus:"), editorPage);
    statusLabelWidget->setBuddy(m_status);
    kindRow->addWidget(kindLabel);
    kindRow->addWidget(m_kind);
    kindRow->addSpacing(12);
    kindRow->addWidget(statusLabelWidget);
    kindRow->addWidget(m_status);
    kindRow->addStretch(1);
    m_note = new QToolButton(editorPage);
    m_note->setObjectName(QStringLiteral("findingNote"));
    m_note->setText(tr("Review &Note…"));
    m_note->setToolTip(tr(
        "Attach a review note to this finding; notes are answered and resolved in the Review tab"));
    connect(m_note, &QToolButton::clicked, this, [this] {
        if (!m_uid.isEmpty() && m_context.workbench)
            askForReviewNote(this, m_context.workbench, QStringLiteral("finding:") + m_uid,
                             m_context.errors);
    });
    kindRow->addWidget(m_note);
    el->addLayout(kindRow);
    el->addWidget(m_editor, 1);
    auto* citesLabel = new QLabel(tr("Evidence &cited:"), editorPage);
    citesLabel->setBuddy(m_evidence);
    el->addWidget(citesLabel);
    el->addWidget(m_evidence);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("findingTabs"));
    m_tabs->addTab(editorPage, tr("Finding"));
    m_tabs->addTab(m_history, tr("History"));
    m_revisions = new RevisionsView(this);
    m_tabs->addTab(m_revisions, tr("Revisions"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { showHistory(); });

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(judgmentBox);
    split->addWidget(findingsBox);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(split, 1);

    setTabOrder(m_judgment->gradeCombo(), m_judgment->firstYearCheck());
    setTabOrder(m_judgment->firstYearCheck(), m_judgment->summaryEditor()->textEdit());
    setTabOrder(m_judgment->summaryEditor()->textEdit(), m_kindFilter);
    setTabOrder(m_kindFilter, m_statusFilter);
    setTabOrder(m_statusFilter, m_list);
    setTabOrder(m_list, m_kind);
    setTabOrder(m_kind, m_status);
    setTabOrder(m_status, m_editor->textEdit());
    setTabOrder(m_editor->textEdit(), m_evidence);

    // Problems the checker sees in the text, underlined as the person types.
    m_findingHighlighter =
        new DiagnosticHighlighter(m_editor->textEdit()->document(), [this](const QString& plain) {
            if (!m_checkContext)
                return QList<checks::Problem>{};
            const auto f = stored(m_uid);
            return checks::checkText(*m_checkContext, QStringLiteral("finding"), m_uid, m_question,
                                     plain, f ? f->evidenceUids : QStringList{});
        });
    m_summaryHighlighter = new DiagnosticHighlighter(
        m_judgment->summaryEditor()->textEdit()->document(), [this](const QString& plain) {
            if (!m_checkContext)
                return QList<checks::Problem>{};
            return checks::checkText(*m_checkContext, QStringLiteral("judgment"),
                                     m_programme + QLatin1Char('/') + m_force + QLatin1Char('/') +
                                         m_question,
                                     m_question, plain);
        });
    m_editor->setToolTipProvider([this](int position) {
        const auto p = m_findingHighlighter->problemAt(position);
        return p ? plainToolTip(p->message) : QString();
    });
    m_judgment->summaryEditor()->setToolTipProvider([this](int position) {
        const auto p = m_summaryHighlighter->problemAt(position);
        return p ? plainToolTip(p->message) : QString();
    });

    connect(m_editor, &MarkdownEdit::edited, &m_saver, &SaveScheduler::edited);
    connect(m_editor, &MarkdownEdit::editingFinished, this, [this] {
        flush();
        ++m_session;
    });
    connect(m_kind, qOverload<int>(&QComboBox::activated), this, [this] {
        const QString kind = m_kind->currentData().toString();
        changeSelected([&](Finding& f) { f.kind = kind; });
    });
    connect(m_status, qOverload<int>(&QComboBox::activated), this, [this] {
        const QString status = m_status->currentData().toString();
        changeSelected([&](Finding& f) { f.status = status; });
    });
    connect(m_evidence, &QListWidget::itemChanged, this, [this] {
        if (m_reloading)
            return;
        QStringList cited;
        for (int i = 0; i < m_evidence->count(); ++i)
            if (m_evidence->item(i)->checkState() == Qt::Checked)
                cited << m_evidence->item(i)->data(Qt::UserRole).toString();
        changeSelected([&](Finding& f) { f.evidenceUids = cited; });
    });
    updateActions();
}

void QuestionPage::setPlace(const QString& programme, const QString& force, const QString& question)
{
    flush();
    m_programme = programme;
    m_force = force;
    m_question = question;
    m_uid.clear();
    m_newFinding = false;
    ++m_session;
    m_judgment->setPlace(programme, force, question);
    m_reloading = true;
    m_model->setWorkbench(m_context.workbench);
    m_model->setPlace(programme, force, question);
    m_reloading = false;
    loadEvidenceChoices();
    loadCheckContext();
    m_summaryHighlighter->recheck();
    updateHeader();
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
    else
        loadEditor();
    updateActions();
}

void QuestionPage::updateHeader()
{
    if (!m_context.workbench)
        return;
    const auto ref = m_context.workbench->reference();
    QString text = m_question;
    for (const Question& q : ref.questionsFlat(m_programme))
        if (q.code == m_question)
            text = q.code + QStringLiteral("  ") + q.text;
    m_title->setText(text);
    const auto force = ref.force(m_force);
    const auto programme = ref.programme(m_programme);
    m_subtitle->setText((force ? force->name : m_force) + QStringLiteral("  ·  ") +
                        (programme ? programme->label() : m_programme));
    const int total = m_model->totalCount();
    const QString findings = total == 1 ? tr("1 finding") : tr("%1 findings").arg(total);
    m_countLabel->setText(m_model->isFiltered()
                              ? tr("%1 shown of %2").arg(m_model->rowCount()).arg(findings)
                              : findings);
}

void QuestionPage::reload()
{
    if (m_question.isEmpty())
        return;
    m_reloading = true;
    const QString keep = m_uid;
    m_model->reload();
    const int row = m_model->rowOf(keep);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
    m_reloading = false;
    m_judgment->reload();
    loadCheckContext();
    updateHeader();
    if (!m_newFinding && (row < 0 && !keep.isEmpty())) {
        // The finding went away (an undo of its addition, a delete elsewhere).
        m_uid.clear();
        if (m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(qMin(m_model->rowCount() - 1, 0), 0));
        else
            loadEditor();
    } else if (!m_newFinding && !m_saver.isPending()) {
        // Show what is stored, unless it is what is being typed.
        if (auto f = stored(m_uid)) {
            if (f->text != m_editor->markdown())
                m_editor->setMarkdown(f->text);
            m_reloading = true;
            m_kind->setCurrentIndex(m_kind->findData(f->kind));
            m_status->setCurrentIndex(m_status->findData(f->status));
            for (int i = 0; i < m_evidence->count(); ++i)
                m_evidence->item(i)->setCheckState(
                    f->evidenceUids.contains(m_evidence->item(i)->data(Qt::UserRole).toString())
                        ? Qt::Checked
                        : Qt::Unchecked);
            m_reloading = false;
        }
    }
    showHistory();
    updateActions();
}

std::optional<Finding> QuestionPage::stored(const QString& uid) const
{
    if (uid.isEmpty() || !m_context.workbench)
        return std::nullopt;
    return m_context.workbench->drafts().finding(uid);
}

QString QuestionPage::currentUid() const
{
    return m_uid;
}

void QuestionPage::onCurrentChanged()
{
    if (m_reloading)
        return;
    flush();
    const auto f = m_model->finding(m_list->currentIndex().row());
    m_uid = f ? f->uid : QString();
    m_newFinding = false;
    ++m_session;
    loadEditor();
    updateActions();
}

void QuestionPage::loadEditor()
{
    const auto f = stored(m_uid);
    m_reloading = true;
    m_editor->setMarkdown(f ? f->text : QString());
    m_kind->setCurrentIndex(m_kind->findData(f ? f->kind
                                             : m_kindFilter->currentData().toString().isEmpty()
                                                 ? QStringLiteral("strength")
                                                 : m_kindFilter->currentData().toString()));
    m_status->setCurrentIndex(m_status->findData(f ? f->status : QStringLiteral("draft")));
    for (int i = 0; i < m_evidence->count(); ++i)
        m_evidence->item(i)->setCheckState(
            f && f->evidenceUids.contains(m_evidence->item(i)->data(Qt::UserRole).toString())
                ? Qt::Checked
                : Qt::Unchecked);
    m_reloading = false;
    // Published findings are locked: shown, not edited, until reopened in the Review tab.
    const bool locked = f && f->status == QLatin1String("published");
    const bool writable = m_context.writable() && !locked;
    m_editor->setReadOnly(!writable || (!f && !m_newFinding));
    m_editor->setToolTip(
        locked ? tr("Published: reopen it in the Review tab (with a reason) to change it")
               : QString());
    // Only the moves the lifecycle allows from here can be chosen; the round's moves are made in
    // the Review tab.
    if (auto* items = qobject_cast<QStandardItemModel*>(m_status->model())) {
        const QString current = f ? f->status : QStringLiteral("draft");
        const QStringList next = nextStatuses(current);
        for (int i = 0; i < items->rowCount(); ++i) {
            const QString s = m_status->itemData(i).toString();
            items->item(i)->setEnabled(s == current ||
                                       (next.contains(s) && !transitionNeedsReason(current, s)));
        }
    }
    m_editor->setPlaceholderText(
        m_newFinding ? tr("Type the new finding; it is saved as you write.")
        : f          ? QString()
                     : tr("No finding selected. Add one with %1.")
                  .arg(m_add->shortcut().toString(QKeySequence::NativeText)));
    m_kind->setEnabled(writable && (f || m_newFinding));
    m_status->setEnabled(writable && f);
    m_note->setEnabled(m_context.writable() && f);
    m_evidence->setEnabled(writable && f);
    m_findingHighlighter->recheck();
    showHistory();
}

void QuestionPage::loadCheckContext()
{
    m_checkContext.reset();
    if (!m_context.workbench || m_question.isEmpty())
        return;
    if (auto c = checks::CheckContext::load(*m_context.workbench, m_programme, m_force))
        m_checkContext = std::move(c).value();
}

void QuestionPage::loadEvidenceChoices()
{
    m_reloading = true;
    m_evidence->clear();
    if (m_context.workbench)
        for (const EvidenceSample& e :
             m_context.workbench->drafts().evidence(m_programme, m_force)) {
            QString label = e.label;
            if (e.sampleSize)
                label +=
                    *e.sampleSize == 1 ? tr(" (1 file)") : tr(" (%1 files)").arg(*e.sampleSize);
            auto* item = new QListWidgetItem(label, m_evidence);
            item->setData(Qt::UserRole, e.uid);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setToolTip(plainToolTip(e.population));
        }
    if (m_evidence->count() == 0) {
        auto* item = new QListWidgetItem(
            tr("No evidence samples for this force yet (add them on the force's Evidence tab)"),
            m_evidence);
        item->setFlags(Qt::NoItemFlags);
    }
    m_reloading = false;
}

void QuestionPage::startNewFinding()
{
    if (!m_context.writable() || m_question.isEmpty())
        return;
    flush();
    m_newFinding = true;
    m_uid.clear();
    ++m_session;
    m_list->clearSelection();
    loadEditor();
    m_editor->textEdit()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void QuestionPage::saveText()
{
    m_saver.cancel();
    if (!m_context.workbench || m_question.isEmpty())
        return;
    const QString text = m_editor->markdown();
    if (m_newFinding) {
        if (text.trimmed().isEmpty())
            return; // nothing to keep yet
        Finding f;
        f.programmeCode = m_programme;
        f.forceCode = m_force;
        f.questionCode = m_question;
        f.kind = m_kind->currentData().toString();
        f.text = text;
        // After the finding selected before "Add", else at the end.
        const auto selected = m_model->finding(m_list->currentIndex().row());
        f.position = selected ? selected->position + 1 : 0;
        // Never merged into an earlier command, so it lives on the stack once run() succeeds.
        auto* command = new AddFindingCommand(m_context.workbench, m_context.errors, f, m_session);
        if (!m_context.run(command))
            return; // still a new finding; the error has been shown
        m_newFinding = false;
        m_uid = command->finding().uid;
        spdlog::debug("new finding {} saved", m_uid.toStdString());
        reload();
        return;
    }
    const auto before = stored(m_uid);
    if (!before || text == before->text)
        return;
    if (text.trimmed().isEmpty())
        return; // an emptied finding is kept as it was; Delete removes it
    Finding after = *before;
    after.text = text;
    m_context.run(
        new EditFindingCommand(m_context.workbench, m_context.errors, *before, after, m_session));
}

void QuestionPage::flush()
{
    m_saver.flush();
    m_judgment->flush();
}

void QuestionPage::changeSelected(const std::function<void(Finding&)>& change)
{
    if (m_reloading)
        return;
    flush();
    const auto before = stored(m_uid);
    if (!before)
        return;
    Finding after = *before;
    change(after);
    if (after.kind == before->kind && after.status == before->status &&
        after.evidenceUids == before->evidenceUids)
        return;
    m_context.run(new EditFindingCommand(m_context.workbench, m_context.errors, *before, after));
}

void QuestionPage::moveSelectedBy(int delta)
{
    flush();
    const auto f = stored(m_uid);
    if (!f || m_model->isFiltered())
        return;
    const int target = f->position + delta;
    if (target < 1 || target > m_model->totalCount())
        return;
    m_context.run(
        new MoveFindingCommand(m_context.workbench, m_context.errors, *f, m_question, target));
}

bool QuestionPage::moveSelectedTo(const QString& question)
{
    flush();
    const auto f = stored(m_uid);
    if (!f || question == m_question)
        return false;
    return m_context.run(
        new MoveFindingCommand(m_context.workbench, m_context.errors, *f, question, 0));
}

void QuestionPage::chooseQuestion()
{
    if (!m_context.workbench || m_uid.isEmpty())
        return;
    QStringList labels, codes;
    for (const Question& q : m_context.workbench->reference().questionsFlat(m_programme)) {
        if (q.code == m_question)
            continue;
        labels << QString(q.depth * 2, QLatin1Char(' ')) + q.code + QStringLiteral("  ") +
                      q.label();
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
    if (const auto f = stored(m_uid))
        m_context.run(new DeleteFindingCommand(m_context.workbench, m_context.errors, *f));
}

bool QuestionPage::selectFinding(const QString& uid)
{
    if (m_model->rowOf(uid) < 0 && m_model->isFiltered()) {
        m_kindFilter->setCurrentIndex(0);
        m_statusFilter->setCurrentIndex(0);
    }
    const int row = m_model->rowOf(uid);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    m_list->scrollTo(m_model->index(row, 0));
    m_tabs->setCurrentIndex(0);
    m_editor->textEdit()->setFocus(Qt::OtherFocusReason);
    return true;
}

void QuestionPage::showHistory()
{
    if (m_tabs->currentWidget() == m_revisions && m_context.workbench) {
        m_revisions->show(m_context.workbench,
                          m_uid.isEmpty() ? QString() : QStringLiteral("finding:") + m_uid,
                          tr("Finding %1").arg(m_uid));
        return;
    }
    if (m_tabs->currentWidget() != m_history || !m_context.workbench)
        return;
    QList<HistoryView::Subject> subjects;
    if (!m_uid.isEmpty())
        subjects.push_back({QStringLiteral("finding"), m_uid, tr("Finding")});
    if (m_judgment->isGraded())
        subjects.push_back(
            {QStringLiteral("judgment"),
             m_programme + QLatin1Char('/') + m_force + QLatin1Char('/') + m_question,
             tr("Judgment")});
    m_history->show(m_context.workbench, subjects);
}

void QuestionPage::updateActions()
{
    const bool writable = m_context.writable() && !m_question.isEmpty();
    const auto f = m_model->finding(m_list->currentIndex().row());
    const bool selected = f && f->uid == m_uid && !m_uid.isEmpty();
    m_add->setEnabled(writable);
    m_delete->setEnabled(writable && selected);
    m_moveTo->setEnabled(writable && selected);
    m_up->setEnabled(writable && selected && !m_model->isFiltered() && f->position > 1);
    m_down->setEnabled(writable && selected && !m_model->isFiltered() &&
                       f->position < m_model->totalCount());
}

} // namespace fwb::app
