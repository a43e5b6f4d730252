#include "app/drafting/findingeditor.h"

#include "app/drafting/diagnostichighlighter.h"
#include "app/drafting/markdownedit.h"
#include "app/panes/safetextbrowser.h"
#include "app/review/reviewnote.h"
#include "app/review/revisionsview.h"
#include "core/reader.h"
#include "core/services/review.h"
#include "core/workbench.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {

FindingEditor::FindingEditor(const DraftingContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_saver([this] { saveText(); })
{
    setObjectName(u"findingEditorPane"_s);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"findingKind"_s);
    m_kind->setAccessibleName(tr("Kind of finding"));
    for (const QString& k : findingKinds())
        m_kind->addItem(findingKindLabel(k), k);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"findingStatus"_s);
    m_status->setAccessibleName(tr("Status of finding"));
    for (const QString& s : statuses())
        m_status->addItem(statusLabel(s), s);
    m_editor = new MarkdownEdit(this);
    m_editor->setObjectName(u"findingEditor"_s);
    m_editor->textEdit()->setAccessibleName(tr("Finding text"));
    m_evidence = new QListWidget(this);
    m_evidence->setObjectName(u"evidenceCited"_s);
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
    m_note->setObjectName(u"findingNote"_s);
    m_note->setText(tr("Review &Note…"));
    m_note->setToolTip(tr(
        "Attach a review note to this finding; notes are answered and resolved in the Review tab"));
    connect(m_note, &QToolButton::clicked, this, [this] {
        if (!m_uid.isEmpty() && m_context.workbench)
            askForReviewNote(this, m_context.workbench, u"finding:"_s + m_uid, m_context.errors);
    });
    kindRow->addWidget(m_note);
    el->addLayout(kindRow);
    el->addWidget(m_editor, 1);
    auto* citesLabel = new QLabel(tr("Evidence &cited:"), editorPage);
    citesLabel->setBuddy(m_evidence);
    el->addWidget(citesLabel);
    el->addWidget(m_evidence);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"findingTabs"_s);
    m_tabs->addTab(editorPage, tr("Finding"));
    m_tabs->addTab(m_history, tr("History"));
    m_revisions = new RevisionsView(this);
    m_tabs->addTab(m_revisions, tr("Revisions"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { showHistory(); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    setTabOrder(m_kind, m_status);
    setTabOrder(m_status, m_editor->textEdit());
    setTabOrder(m_editor->textEdit(), m_evidence);

    // Problems the checker sees in the text, underlined as the person types.
    m_highlighter =
        new DiagnosticHighlighter(m_editor->textEdit()->document(), [this](const QString& plain) {
            if (!m_checkContext)
                return QList<checks::Problem>{};
            return checks::checkText(*m_checkContext, u"finding"_s, m_uid, m_question, plain,
                                     m_finding ? m_finding->evidenceUids : QStringList{});
        });
    m_editor->setToolTipProvider([this](int position) {
        const auto p = m_highlighter->problemAt(position);
        return p ? plainToolTip(p->message) : QString();
    });

    connect(m_editor, &MarkdownEdit::edited, &m_saver, &SaveScheduler::edited);
    connect(m_editor, &MarkdownEdit::editingFinished, this, [this] {
        flush();
        ++m_session;
    });
    connect(m_kind, qOverload<int>(&QComboBox::activated), this, [this] {
        const QString kind = m_kind->currentData().toString();
        if (m_newFinding)
            return; // the new finding is added with the kind chosen
        changeStored([&](Finding& f) { f.kind = kind; });
    });
    connect(m_status, qOverload<int>(&QComboBox::activated), this, [this] {
        const QString status = m_status->currentData().toString();
        changeStored([&](Finding& f) { f.status = status; });
    });
    // Filled with its signals blocked, so only the person's ticks arrive here.
    connect(m_evidence, &QListWidget::itemChanged, this, [this] {
        QStringList cited;
        for (int i = 0; i < m_evidence->count(); ++i)
            if (m_evidence->item(i)->checkState() == Qt::Checked)
                cited << m_evidence->item(i)->data(Qt::UserRole).toString();
        changeStored([&](Finding& f) { f.evidenceUids = cited; });
    });
}

void FindingEditor::setPlace(const QString& programme, const QString& force,
                             const QString& question)
{
    flush();
    m_programme = programme;
    m_force = force;
    m_question = question;
    m_uid.clear();
    m_finding.reset();
    m_newFinding = false;
    ++m_session;
    reloadEvidenceChoices();
}

void FindingEditor::setCheckContext(const checks::CheckContext* context)
{
    m_checkContext = context;
}

void FindingEditor::setJudgmentSubject(std::optional<HistoryView::Subject> subject)
{
    m_judgmentSubject = std::move(subject);
}

std::optional<Finding> FindingEditor::stored(const QString& uid) const
{
    if (uid.isEmpty() || !m_context.workbench)
        return std::nullopt;
    return m_context.workbench->reader().finding(uid);
}

void FindingEditor::showFinding(const QString& uid)
{
    if (uid == m_uid && !m_newFinding && m_finding)
        return; // already on show: the editor keeps its caret and undo history
    flush();
    m_uid = uid;
    m_newFinding = false;
    ++m_session;
    m_finding = stored(uid);
    if (!m_finding)
        m_uid.clear();
    m_saved = m_finding ? m_finding->text : QString();
    m_editor->setMarkdown(m_saved);
    fill();
}

void FindingEditor::startNew(const QString& kind, int position)
{
    flush();
    m_newFinding = true;
    m_newKind = kind;
    m_newPosition = position;
    m_uid.clear();
    m_finding.reset();
    m_saved.clear();
    ++m_session;
    m_editor->setMarkdown({});
    fill();
}

void FindingEditor::fill()
{
    const std::optional<Finding>& f = m_finding;
    m_kind->setCurrentIndex(m_kind->findData(f ? f->kind : m_newKind));
    m_status->setCurrentIndex(m_status->findData(f ? f->status : u"draft"_s));
    fillChoices();
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
        const QString current = f ? f->status : u"draft"_s;
        const QStringList next = nextStatuses(current);
        for (int i = 0; i < items->rowCount(); ++i) {
            const QString s = m_status->itemData(i).toString();
            items->item(i)->setEnabled(s == current ||
                                       (next.contains(s) && !transitionNeedsReason(current, s)));
        }
    }
    m_editor->setPlaceholderText(m_newFinding
                                     ? tr("Type the new finding; it is saved as you write.")
                                 : f ? QString()
                                     : m_addHint);
    m_kind->setEnabled(writable && (f || m_newFinding));
    m_status->setEnabled(writable && f);
    m_note->setEnabled(m_context.writable() && f);
    m_evidence->setEnabled(writable && f);
    m_highlighter->recheck();
    showHistory();
}

void FindingEditor::fillChoices()
{
    const QSignalBlocker blocker(m_evidence);
    for (int i = 0; i < m_evidence->count(); ++i) {
        QListWidgetItem* item = m_evidence->item(i);
        if (!(item->flags() & Qt::ItemIsUserCheckable))
            continue;
        const bool cited =
            m_finding && m_finding->evidenceUids.contains(item->data(Qt::UserRole).toString());
        item->setCheckState(cited ? Qt::Checked : Qt::Unchecked);
    }
}

void FindingEditor::reloadEvidenceChoices()
{
    const QSignalBlocker blocker(m_evidence);
    m_evidence->clear();
    if (m_context.workbench && !m_force.isEmpty())
        for (const EvidenceSample& e :
             m_context.workbench->reader().evidence(m_programme, m_force)) {
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
    fillChoices();
}

void FindingEditor::applyChanges(const ChangeSet& changes)
{
    if (m_newFinding || m_uid.isEmpty())
        return; // nothing stored on show to follow
    bool concerns = changes.isEverything();
    bool ownWording = true; // only wording of this finding changed
    for (const RecordChange& c : changes.changes()) {
        if (c.kind != EntityKind::Finding && c.kind != EntityKind::Everything)
            continue;
        if (c.uids.isEmpty() || c.uids.contains(m_uid)) {
            concerns = true;
            ownWording = ownWording && c.wordingOnly && c.uids == QStringList{m_uid};
        }
    }
    if (!concerns)
        return;
    auto f = stored(m_uid); // one row by uid: cheap beside what a reload would read
    // Its own save: the record is this finding, only its wording changed, and what is stored is
    // what the editor holds. Nothing to set; the caret and the undo history stay as they are.
    // (The same wording written elsewhere is told apart by the stored text, not by a flag.)
    if (f && ownWording && !changes.isEverything() && f->text == m_editor->markdown()) {
        m_saved = f->text;
        if (m_finding)
            m_finding->text = f->text;
        return;
    }
    if (!f) {
        // Gone (an undo of its addition, a delete elsewhere); the page chooses what to show next.
        m_uid.clear();
        m_finding.reset();
        m_saved.clear();
        m_editor->setMarkdown({});
        fill();
        return;
    }
    const bool sameState = m_finding && m_finding->kind == f->kind &&
                           m_finding->status == f->status &&
                           m_finding->evidenceUids == f->evidenceUids;
    m_finding = f;
    // Typing in progress wins; otherwise the editor shows what is stored when that differs from
    // what it holds (an undo, a change by `fwb`), and keeps its caret and history when not.
    if (!m_saver.isPending() && f->text != m_editor->markdown()) {
        m_editor->setMarkdown(f->text);
        m_saved = f->text;
    }
    if (!sameState)
        fill();
    else
        showHistory();
}

void FindingEditor::saveText()
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
        f.position = m_newPosition;
        // Never merged into an earlier command, so it lives on the stack once run() succeeds.
        auto* command = new AddFindingCommand(m_context.workbench, m_context.errors, f, m_session);
        m_saved = text;
        if (!m_context.run(command))
            return; // still a new finding; the error has been shown
        m_newFinding = false;
        m_uid = command->finding().uid;
        m_finding = command->finding();
        m_finding->text = text;
        spdlog::debug("new finding {} saved", m_uid.toStdString());
        fill();
        Q_EMIT findingAdded(m_uid);
        return;
    }
    if (!m_finding || text == m_finding->text)
        return;
    if (text.trimmed().isEmpty())
        return; // an emptied finding is kept as it was; Delete removes it
    const Finding before = *m_finding;
    Finding after = before;
    after.text = text;
    m_saved = text;
    if (m_context.run(new EditFindingCommand(m_context.workbench, m_context.errors, before, after,
                                             m_session)))
        m_finding = after;
}

void FindingEditor::flush()
{
    m_saver.flush();
}

void FindingEditor::changeStored(const std::function<void(Finding&)>& change)
{
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

void FindingEditor::showHistory()
{
    if (!m_context.workbench)
        return;
    if (m_tabs->currentWidget() == m_revisions) {
        m_revisions->show(m_context.workbench, m_uid.isEmpty() ? QString() : u"finding:"_s + m_uid,
                          tr("Finding %1").arg(m_uid));
        return;
    }
    if (m_tabs->currentWidget() != m_history)
        return;
    QList<HistoryView::Subject> subjects;
    if (!m_uid.isEmpty())
        subjects.push_back({u"finding"_s, m_uid, tr("Finding")});
    if (m_judgmentSubject)
        subjects.push_back(*m_judgmentSubject);
    m_history->show(m_context.workbench, subjects);
}

} // namespace fwb::app
