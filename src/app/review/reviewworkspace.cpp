#include "app/review/reviewworkspace.h"
#include "app/panes/safetextbrowser.h"

#include "app/drafting/typingdrafts.h"
#include "app/review/reviewnote.h"
#include "app/review/revisionsview.h"
#include "core/io/filenames.h"
#include "core/workbench.h"
#include "documents/assembly.h"
#include "documents/reviewpack.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {
QString categoryLabel(const QString& code)
{
    QString s = code;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s.isEmpty() ? s : s.front().toUpper() + s.mid(1);
}

QString decisionLabel(const QString& d)
{
    if (d == u"accepted"_s)
        return QObject::tr("Accepted");
    if (d == u"partly_accepted"_s)
        return QObject::tr("Partly accepted");
    if (d == u"rejected"_s)
        return QObject::tr("Rejected");
    return QObject::tr("To decide");
}

// The colour of a status badge: drafting grey, out with the force amber, settled green.
QString statusColour(const QString& s)
{
    if (s == u"draft"_s || s == u"ready"_s)
        return u"#5f6b76"_s;
    if (s == u"sent"_s || s == u"responded"_s)
        return u"#9a6700"_s;
    if (s == u"amended"_s)
        return u"#0b5cad"_s;
    return u"#1e6b34"_s;
}

} // namespace

ReviewWorkspace::ReviewWorkspace(ErrorSink errors, QWidget* parent)
    : QWidget(parent), m_errors(std::move(errors))
{
    setObjectName(u"reviewWorkspace"_s);
    // Dialogs are for a person; on the offscreen platform (tests) the methods are called instead.
    m_dialogs = QGuiApplication::platformName() != QLatin1String("offscreen");
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(0);
    connect(&m_reloadTimer, &QTimer::timeout, this, &ReviewWorkspace::reload);
    buildUi();
}

void ReviewWorkspace::buildUi()
{
    auto* top = new QHBoxLayout;
    m_document = new QComboBox(this);
    m_document->setObjectName(u"reviewDocument"_s);
    m_document->setAccessibleName(tr("Document"));
    m_document->setMinimumContentsLength(28);
    m_document->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_document, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_reloading)
            showDocument();
    });
    m_status = new QLabel(this);
    m_status->setObjectName(u"reviewStatus"_s);
    m_status->setTextFormat(Qt::RichText);
    m_moves = new QHBoxLayout;
    m_moves->setSpacing(6);
    m_import = new QPushButton(tr("&Import Responses…"), this);
    m_import->setObjectName(u"importResponses"_s);
    m_import->setToolTip(tr("Read the force's completed response form (CSV)"));
    connect(m_import, &QPushButton::clicked, this, &ReviewWorkspace::onImport);
    m_repack = new QPushButton(tr("Write the &Pack Again…"), this);
    m_repack->setObjectName(u"writePackAgain"_s);
    m_repack->setToolTip(
        tr("Write the pack sent to the force again (while nothing has changed since it was sent)"));
    connect(m_repack, &QPushButton::clicked, this, [this] {
        if (!m_dialogs)
            return;
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder for the pack sent to the force"));
        if (!dir.isEmpty())
            writePackAgain(dir);
    });
    m_record = new QPushButton(tr("Closing &Record…"), this);
    m_record->setObjectName(u"exportRecord"_s);
    m_record->setToolTip(
        tr("Every response of the round, its decision, reason and revision, as PDF or CSV"));
    connect(m_record, &QPushButton::clicked, this, &ReviewWorkspace::onRecord);
    top->addWidget(new QLabel(tr("Document:"), this));
    top->addWidget(m_document, 1);
    top->addWidget(m_status);
    top->addStretch();
    top->addLayout(m_moves);
    top->addWidget(m_import);
    top->addWidget(m_repack);
    top->addWidget(m_record);

    m_roundLabel = new QLabel(this);
    m_roundLabel->setObjectName(u"roundLabel"_s);
    m_roundLabel->setWordWrap(true);

    // Responses on the left, the one in hand on the right.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* progressRow = new QHBoxLayout;
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(u"progressLabel"_s);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    m_responses = new QTableWidget(0, 4, this);
    m_responses->setObjectName(u"responses"_s);
    m_responses->setHorizontalHeaderLabels(
        {tr("Ref."), tr("Category"), tr("Proposed change"), tr("Decision")});
    m_responses->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_responses->setSelectionMode(QAbstractItemView::SingleSelection);
    m_responses->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_responses->verticalHeader()->hide();
    m_responses->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_responses->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_responses->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_responses->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_responses->setWordWrap(false);
    connect(m_responses, &QTableWidget::itemSelectionChanged, this, &ReviewWorkspace::showResponse);
    leftLayout->addLayout(progressRow);
    leftLayout->addWidget(m_responses, 1);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_responseTitle = new QLabel(this);
    m_responseTitle->setWordWrap(true);
    m_responseTitle->setTextFormat(Qt::RichText);
    m_proposal = new QTextBrowser(this);
    m_proposal->setObjectName(u"proposal"_s);
    m_proposal->setAccessibleName(tr("The text sent and the change proposed"));
    m_wording = new QPlainTextEdit(this);
    m_wording->setObjectName(u"wording"_s);
    m_wording->setAccessibleName(tr("Wording to apply"));
    m_wording->setPlaceholderText(
        tr("The wording to apply: the proposed change, edited as need be"));
    m_wording->setMaximumHeight(110);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reason"_s);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why (required): what the evidence shows"));
    auto* buttons = new QHBoxLayout;
    m_accept = new QPushButton(tr("&Accept"), this);
    m_accept->setObjectName(u"accept"_s);
    m_accept->setToolTip(tr("Apply the wording above as a new revision"));
    m_partly = new QPushButton(tr("&Partly Accept"), this);
    m_partly->setObjectName(u"partly"_s);
    m_partly->setToolTip(tr("Apply the wording above, which uses part of the proposal"));
    m_reject = new QPushButton(tr("&Reject"), this);
    m_reject->setObjectName(u"reject"_s);
    m_reject->setToolTip(tr("Leave the text as it is"));
    auto typed = [this] {
        if (!m_loadingForm && !m_formResponse.isEmpty())
            m_draftSaver.edited();
    };
    connect(m_wording, &QPlainTextEdit::textChanged, this, typed);
    connect(m_reason, &QLineEdit::textEdited, this, typed);
    connect(m_accept, &QPushButton::clicked, this, [this] { decide(u"accepted"_s); });
    connect(m_partly, &QPushButton::clicked, this, [this] { decide(u"partly_accepted"_s); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(u"rejected"_s); });
    buttons->addStretch();
    buttons->addWidget(m_reject);
    buttons->addWidget(m_partly);
    buttons->addWidget(m_accept);
    auto* form = new QFormLayout;
    form->addRow(tr("&Wording:"), m_wording);
    form->addRow(tr("R&eason:"), m_reason);
    rightLayout->addWidget(m_responseTitle);
    rightLayout->addWidget(m_proposal, 1);
    rightLayout->addLayout(form);
    rightLayout->addLayout(buttons);

    auto* middle = new QSplitter(Qt::Horizontal, this);
    middle->setChildrenCollapsible(false);
    middle->addWidget(left);
    middle->addWidget(right);
    middle->setStretchFactor(0, 1);
    middle->setStretchFactor(1, 1);

    // Notes, changes since sent, history.
    m_lower = new QTabWidget(this);
    m_lower->setObjectName(u"reviewLower"_s);
    m_lower->setDocumentMode(true);
    auto* notesPage = new QWidget(this);
    auto* notesLayout = new QVBoxLayout(notesPage);
    notesLayout->setContentsMargins(0, 4, 0, 0);
    m_notes = new QTreeWidget(this);
    m_notes->setObjectName(u"notes"_s);
    m_notes->setHeaderLabels({tr("Status"), tr("On"), tr("Note"), tr("Answer")});
    m_notes->setRootIsDecorated(false);
    m_notes->setAlternatingRowColors(true);
    m_notes->setColumnWidth(0, 80);
    m_notes->setColumnWidth(1, 220);
    m_notes->setColumnWidth(2, 380);
    auto* noteButtons = new QHBoxLayout;
    m_notesLabel = new QLabel(this);
    auto* addNote = new QPushButton(tr("Add &Note…"), this);
    addNote->setObjectName(u"addNote"_s);
    addNote->setToolTip(tr("A note on the response in hand's text, or on the document"));
    auto* answer = new QPushButton(tr("A&nswer…"), this);
    answer->setObjectName(u"answerNote"_s);
    auto* resolve = new QPushButton(tr("Re&solve"), this);
    resolve->setObjectName(u"resolveNote"_s);
    connect(addNote, &QPushButton::clicked, this, &ReviewWorkspace::onAddNote);
    connect(answer, &QPushButton::clicked, this, &ReviewWorkspace::onAnswerNote);
    connect(resolve, &QPushButton::clicked, this, &ReviewWorkspace::onResolveNote);
    noteButtons->addWidget(m_notesLabel);
    noteButtons->addStretch();
    noteButtons->addWidget(addNote);
    noteButtons->addWidget(answer);
    noteButtons->addWidget(resolve);
    notesLayout->addWidget(m_notes, 1);
    notesLayout->addLayout(noteButtons);

    auto* changesPage = new QWidget(this);
    auto* changesLayout = new QVBoxLayout(changesPage);
    changesLayout->setContentsMargins(0, 4, 0, 0);
    m_changes = new QTextBrowser(this);
    m_changes->setObjectName(u"changes"_s);
    auto* changesRow = new QHBoxLayout;
    m_changedOnly = new QCheckBox(tr("Only what &changed"), this);
    m_changedOnly->setChecked(true);
    connect(m_changedOnly, &QCheckBox::toggled, this, [this] { showDocument(); });
    auto* exportChanges = new QPushButton(tr("E&xport as PDF…"), this);
    connect(exportChanges, &QPushButton::clicked, this, &ReviewWorkspace::onChangesExport);
    changesRow->addWidget(m_changedOnly);
    changesRow->addStretch();
    changesRow->addWidget(exportChanges);
    changesLayout->addWidget(m_changes, 1);
    changesLayout->addLayout(changesRow);

    m_history = new QTreeWidget(this);
    m_history->setObjectName(u"history"_s);
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("From"), tr("To"), tr("Why")});
    m_history->setRootIsDecorated(false);
    m_history->setColumnWidth(0, 140);
    m_history->setColumnWidth(1, 100);
    m_history->setColumnWidth(2, 200);
    m_history->setColumnWidth(3, 200);

    m_lower->addTab(notesPage, tr("Review Notes"));
    m_lower->addTab(changesPage, tr("Changes Since Sent"));
    m_lower->addTab(m_history, tr("History"));
    m_revisions = new RevisionsView(this);
    m_lower->addTab(m_revisions, tr("Revisions of This Text"));

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->setChildrenCollapsible(false);
    vertical->addWidget(middle);
    vertical->addWidget(m_lower);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_roundLabel);
    layout->addWidget(vertical, 1);
}

void ReviewWorkspace::setWorkbench(Workbench* workbench)
{
    flush();
    m_formResponse.clear();
    if (m_wb)
        disconnect(m_wb, nullptr, this, nullptr);
    m_wb = workbench;
    if (m_wb)
        connect(m_wb, &Workbench::changed, this, &ReviewWorkspace::scheduleReload);
    reload();
}

void ReviewWorkspace::scheduleReload()
{
    // Hidden, it only notes that it is stale: typing in the Draft tab saves every pause, and
    // comparing the document with what was sent each time would be wasted.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    // Never rebuilt inside the signal of one of its own buttons: the rebuild waits for the loop.
    m_reloadTimer.start();
}

void ReviewWorkspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        m_reloadTimer.start();
    }
}

void ReviewWorkspace::showPlace(const QString& programme, const QString& force)
{
    if (programme == m_programme && force == m_force)
        return;
    m_programme = programme;
    m_force = force;
    reload();
}

QString ReviewWorkspace::currentDocument() const
{
    return m_document->currentData().toString();
}

bool ReviewWorkspace::selectDocument(const QString& uid)
{
    const int i = m_document->findData(uid);
    if (i < 0)
        return false;
    m_document->setCurrentIndex(i);
    return true;
}

void ReviewWorkspace::reload()
{
    fillDocuments();
    showDocument();
}

void ReviewWorkspace::flush()
{
    m_draftSaver.flush();
}

void ReviewWorkspace::keepDecisionDraft()
{
    if (m_wb && !m_formResponse.isEmpty())
        TypingDrafts().keep(m_wb->path(), u"decision:"_s + m_formResponse,
                            {m_wording->toPlainText(), m_reason->text()});
}

void ReviewWorkspace::fillDocuments()
{
    const QString keep = currentDocument();
    m_reloading = true;
    m_document->clear();
    if (m_wb && !m_programme.isEmpty() && !m_force.isEmpty())
        for (const Document& d : m_wb->documents().documents(m_programme, m_force))
            m_document->addItem(QStringLiteral("%1 (%2)").arg(d.title, d.kind), d.uid);
    if (const int i = m_document->findData(keep); i >= 0)
        m_document->setCurrentIndex(i);
    m_reloading = false;
}

void ReviewWorkspace::showDocument()
{
    const QString keepResponse =
        m_responses->currentRow() >= 0 && m_responses->currentRow() < m_shown.size()
            ? m_shown[m_responses->currentRow()].uid
            : QString();
    // Later, not now: this may run inside one of these buttons' clicked signal (an error box shown
    // from its handler runs the event loop).
    m_rebuilding = true; // the form keeps what is typed while the table is filled again
    for (QPushButton* b : std::as_const(m_moveButtons)) {
        m_moves->removeWidget(b);
        b->hide();
        b->deleteLater();
    }
    m_moveButtons.clear();
    m_shown.clear();
    m_responses->setRowCount(0);
    m_notes->clear();
    m_history->clear();
    m_changes->clear();
    const QString uid = currentDocument();
    const auto d = m_wb && !uid.isEmpty() ? m_wb->documents().document(uid) : std::nullopt;
    setEnabled(m_wb != nullptr);
    if (!d) {
        m_status->clear();
        m_roundLabel->setText(
            m_force.isEmpty()
                ? tr("Select a force to review its letters and reports.")
                : tr("This force has no letter or report in this programme yet: create one "
                     "in the Documents tab."));
        m_progressLabel->clear();
        m_progress->setValue(0);
        m_import->setEnabled(false);
        m_repack->setEnabled(false);
        m_record->setEnabled(false);
        m_rebuilding = false;
        showResponse();
        return;
    }
    ReviewService review(*m_wb);
    m_status->setText(
        QStringLiteral(
            "<span style=\"background-color:%1; color:white; padding:3px\">&nbsp;%2&nbsp;</span>")
            .arg(statusColour(d->status), fwb::statusLabel(d->status).toHtmlEscaped()));
    // The moves open from here, as buttons named for what they do.
    const bool writable = !m_wb->isReadOnly();
    for (const QString& to : nextStatuses(d->status)) {
        auto* b = new QPushButton(transitionLabel(d->status, to) +
                                      (to == u"sent"_s || transitionNeedsReason(d->status, to)
                                           ? QStringLiteral("…")
                                           : QString()),
                                  this);
        b->setObjectName(u"move-"_s + to);
        b->setEnabled(writable);
        // A move the review would refuse is shown, disabled, with the reason as its tooltip.
        if (const Status why = review.check(u"document:"_s + uid, to); !why && to != u"sent"_s) {
            b->setToolTip(plainToolTip(why.error().message));
            b->setEnabled(false);
        } else {
            b->setToolTip(tr("Move the document to “%1”").arg(fwb::statusLabel(to)));
        }
        connect(b, &QPushButton::clicked, this, [this, to] { onMove(to); });
        m_moves->addWidget(b);
        m_moveButtons << b;
    }
    const auto round = review.latestRound(uid);
    m_import->setEnabled(writable && round && round->isOpen() &&
                         (d->status == u"sent"_s || d->status == u"responded"_s));
    m_record->setEnabled(round.has_value());
    m_repack->setEnabled(round && round->isOpen() && d->status == u"sent"_s);
    if (round) {
        m_roundLabel->setText(
            tr("Factual accuracy round %1: sent %2 by %3 with %4 references; %5.")
                .arg(round->number)
                .arg(round->sentAt.left(10), round->sentBy)
                .arg(round->items.size())
                .arg(round->isOpen() ? tr("open") : tr("closed %1").arg(round->closedAt.left(10))));
        const auto progress = review.progress(round->uid);
        m_progressLabel->setText(
            progress.total ? tr("%1 of %2 decided").arg(progress.decided).arg(progress.total)
                           : tr("No responses yet"));
        m_progress->setMaximum(qMax(1, progress.total));
        m_progress->setValue(progress.decided);
        m_shown = review.responses(round->uid);
        m_responses->setRowCount(int(m_shown.size()));
        for (int r = 0; r < m_shown.size(); ++r) {
            const FaResponse& x = m_shown[r];
            auto* ref = new QTableWidgetItem(x.reference);
            ref->setToolTip(tr("Row %1 of the form").arg(x.formRow));
            m_responses->setItem(r, 0, ref);
            m_responses->setItem(r, 1, new QTableWidgetItem(categoryLabel(x.category)));
            auto* proposed = new QTableWidgetItem(x.proposedChange.simplified());
            proposed->setToolTip(plainToolTip(x.proposedChange));
            m_responses->setItem(r, 2, proposed);
            auto* decision = new QTableWidgetItem(decisionLabel(x.decision));
            if (x.decision.isEmpty()) {
                QFont f = decision->font();
                f.setBold(true);
                decision->setFont(f);
            }
            m_responses->setItem(r, 3, decision);
        }
        for (int r = 0; r < m_shown.size(); ++r)
            if (m_shown[r].uid == keepResponse)
                m_responses->selectRow(r);
        auto changes = review.sinceSent(uid);
        if (changes)
            m_changes->setHtml(
                documents::sinceSentHtml(*m_wb, *round, *changes, m_changedOnly->isChecked()));
    } else {
        m_roundLabel->setText(
            d->status == u"draft"_s
                ? tr("Not yet ready for review. Mark it ready when the draft is complete.")
                : tr("Not yet sent to the force for its factual accuracy check."));
        m_progressLabel->setText(tr("No round yet"));
        m_progress->setValue(0);
        m_changes->setHtml(
            tr("<p><i>The document has not been sent: there is nothing to compare with.</i></p>"));
    }
    if (m_responses->currentRow() < 0 && !m_shown.isEmpty()) {
        // Start at the first response still to decide.
        int first = 0;
        for (int r = 0; r < m_shown.size(); ++r)
            if (m_shown[r].decision.isEmpty()) {
                first = r;
                break;
            }
        m_responses->selectRow(first);
    }
    m_rebuilding = false;
    showResponse();

    const QList<ReviewNote> notes = review.notes(uid);
    int open = 0;
    for (const ReviewNote& n : notes) {
        auto* item = new QTreeWidgetItem(
            m_notes, {n.status, n.target, n.author + u": "_s + n.body,
                      n.answer.isEmpty() ? QString() : n.answeredBy + u": "_s + n.answer});
        item->setData(0, Qt::UserRole, n.uid);
        item->setToolTip(2, plainToolTip(n.body));
        item->setToolTip(3, plainToolTip(n.answer));
        open += n.status != u"resolved"_s ? 1 : 0;
    }
    m_notesLabel->setText(tr("%n open note(s)", nullptr, open));
    m_lower->setTabText(0, open ? tr("Review Notes (%1 open)").arg(open) : tr("Review Notes"));
    for (const StatusChange& c : review.history(u"document:"_s + uid))
        new QTreeWidgetItem(m_history,
                            {c.at.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')), c.actor,
                             fwb::statusLabel(c.from), fwb::statusLabel(c.to), c.reason});
}

void ReviewWorkspace::showResponse()
{
    if (m_rebuilding)
        return;
    const int row = m_responses->currentRow();
    const bool has = row >= 0 && row < m_shown.size();
    const FaResponse* r = has ? &m_shown[row] : nullptr;
    const bool open = r && r->decision.isEmpty() && m_wb && !m_wb->isReadOnly();
    for (QWidget* w : {static_cast<QWidget*>(m_accept), static_cast<QWidget*>(m_partly),
                       static_cast<QWidget*>(m_reject), static_cast<QWidget*>(m_wording),
                       static_cast<QWidget*>(m_reason)})
        w->setEnabled(open);
    if (!r) {
        m_revisions->show(m_wb, {});
        m_responseTitle->setText(m_shown.isEmpty() ? QString() : tr("Select a response."));
        m_proposal->clear();
        flush();
        m_loadingForm = true;
        m_wording->clear();
        m_reason->clear();
        m_loadingForm = false;
        m_formResponse.clear();
        return;
    }
    ReviewService review(*m_wb);
    QString label;
    if (const auto round = review.latestRound(r->documentUid))
        for (const ReviewItem& i : round->items)
            if (i.reference == r->reference)
                label = i.label;
    m_responseTitle->setText(QStringLiteral("<b>%1</b> · %2 · %3 · row %4 of the form")
                                 .arg(r->reference.toHtmlEscaped(), label.toHtmlEscaped(),
                                      categoryLabel(r->category).toHtmlEscaped())
                                 .arg(r->formRow));
    QString html =
        QStringLiteral("<p><b>%1</b><br>%2</p>").arg(tr("Sent"), r->currentText.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(tr("Proposed, as tracked changes"),
                     diff::toHtml(diff::words(r->currentText, r->proposedChange)));
    if (!r->evidenceOffered.isEmpty())
        html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(tr("Evidence offered"), r->evidenceOffered.toHtmlEscaped());
    if (!r->decision.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b> by %2, %3<br>%4</p>")
                    .arg(decisionLabel(r->decision), r->decidedBy.toHtmlEscaped(),
                         r->decidedAt.left(16), r->reason.toHtmlEscaped());
        if (r->revision)
            html += QStringLiteral("<p>%1</p>").arg(tr("Applied as revision %1.").arg(r->revision));
    }
    m_proposal->setHtml(html);
    // The revisions of the text the response is about (a paragraph's are its section's).
    const QString revised =
        r->target.startsWith(u"section:"_s) ? r->target.section(QLatin1Char('#'), 0, 0) : r->target;
    m_revisions->show(m_wb, revised, r->reference + QStringLiteral(" — ") + label);
    // The same undecided response shown again (after a reload): the form keeps what is typed,
    // with its caret and undo. Another response: what was typed is kept first, and the form
    // shows the new response's draft, if any, else its proposal.
    if (r->decision.isEmpty() && r->uid == m_formResponse)
        return;
    flush();
    const QStringList draft = r->decision.isEmpty()
                                  ? TypingDrafts().text(m_wb->path(), u"decision:"_s + r->uid)
                                  : QStringList{};
    m_loadingForm = true;
    if (!draft.isEmpty()) {
        m_wording->setPlainText(draft.value(0));
        m_reason->setText(draft.value(1));
    } else {
        m_wording->setPlainText(r->decision.isEmpty() ? r->proposedChange : r->wording);
        m_reason->setText(r->decision.isEmpty() ? QString() : r->reason);
    }
    m_loadingForm = false;
    m_formResponse = r->decision.isEmpty() ? r->uid : QString();
}

bool ReviewWorkspace::selectResponse(int row)
{
    if (row < 0 || row >= m_shown.size())
        return false;
    m_responses->selectRow(row);
    return true;
}

bool ReviewWorkspace::report(const Status& s, const QString& title)
{
    if (s)
        return true;
    spdlog::warn("{}: {}", title.toStdString(), s.error().message.toStdString());
    if (m_errors)
        m_errors(title, s.error().message);
    return false;
}

void ReviewWorkspace::decide(const QString& decision)
{
    const int row = m_responses->currentRow();
    if (!m_wb || row < 0 || row >= m_shown.size())
        return;
    const QString uid = m_shown[row].uid;
    const QString wording = decision == u"rejected"_s ? QString() : m_wording->toPlainText();
    flush(); // kept until the decision is recorded
    auto done = ReviewService(*m_wb).decide(uid, decision, m_reason->text(), wording);
    if (!report(done ? Status{} : Status(done.error()), tr("Decision not recorded")))
        return;
    TypingDrafts().remove(m_wb->path(), u"decision:"_s + uid);
    m_formResponse.clear();
    // Move on to the next response still to decide.
    reload();
    for (int r = 0; r < m_shown.size(); ++r)
        if (m_shown[r].decision.isEmpty()) {
            m_responses->selectRow(r);
            break;
        }
}

bool ReviewWorkspace::moveTo(const QString& status, const QString& reason)
{
    if (!m_wb)
        return false;
    auto moved = ReviewService(*m_wb).move(u"document:"_s + currentDocument(), status, reason);
    const bool ok = report(moved ? Status{} : Status(moved.error()), tr("Status not changed"));
    // The buttons are rebuilt once the click that made the move has returned.
    scheduleReload();
    return ok;
}

bool ReviewWorkspace::sendTo(const QString& directory)
{
    if (!m_wb)
        return false;
    const auto d = m_wb->documents().document(currentDocument());
    if (!d)
        return false;
    ReviewService review(*m_wb);
    auto round = review.send(d->uid, documents::fieldFiller(*m_wb, *d));
    if (!report(round ? Status{} : Status(round.error()), tr("Not sent")))
        return false;
    auto written = documents::writePack(*m_wb, *round, directory);
    const bool ok = report(written ? Status{} : Status(written.error()),
                           tr("The document is sent, but its pack was not written (write it again "
                              "from the Review tab)"));
    scheduleReload();
    return ok;
}

bool ReviewWorkspace::writePackAgain(const QString& directory)
{
    if (!m_wb)
        return false;
    auto written = documents::writePackAgain(*m_wb, currentDocument(), directory);
    return report(written ? Status{} : Status(written.error()), tr("The pack was not written"));
}

bool ReviewWorkspace::importForm(const QString& path, bool cleanRowsOnly)
{
    if (!m_wb)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return report(
            Error::make(Error::Code::NotFound, tr("Cannot read %1: %2").arg(path, f.errorString())),
            tr("Responses not imported"));
    auto r = ReviewService(*m_wb).importForm(currentDocument(), f.readAll(),
                                             QFileInfo(path).fileName(), cleanRowsOnly);
    reload();
    return report(r ? Status{} : Status(r.error()), tr("Responses not imported"));
}

bool ReviewWorkspace::exportRecord(const QString& path)
{
    if (!m_wb)
        return false;
    const auto round = ReviewService(*m_wb).latestRound(currentDocument());
    if (!round)
        return false;
    QByteArray bytes;
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive)) {
        bytes = ReviewService(*m_wb).recordCsv(*round);
    } else {
        auto pdf = documents::htmlToPdf(documents::recordHtml(*m_wb, *round),
                                        tr("Factual accuracy record"));
        if (!report(pdf ? Status{} : Status(pdf.error()), tr("Record not exported")))
            return false;
        bytes = *pdf;
    }
    return report(writeFileAtomically(path, bytes), tr("Record not exported"));
}

bool ReviewWorkspace::exportChanges(const QString& path)
{
    if (!m_wb)
        return false;
    ReviewService review(*m_wb);
    const auto round = review.latestRound(currentDocument());
    auto changes = review.sinceSent(currentDocument());
    if (!round || !changes)
        return report(changes ? Status(Error::make(Error::Code::NotFound,
                                                   tr("The document has not been sent.")))
                              : Status(changes.error()),
                      tr("Changes not exported"));
    const QString html =
        documents::sinceSentHtml(*m_wb, *round, *changes, m_changedOnly->isChecked());
    if (path.endsWith(u".html"_s, Qt::CaseInsensitive))
        return report(writeFileAtomically(path, html.toUtf8()), tr("Changes not exported"));
    auto pdf = documents::htmlToPdf(html, tr("Changes since sent"));
    if (!report(pdf ? Status{} : Status(pdf.error()), tr("Changes not exported")))
        return false;
    return report(writeFileAtomically(path, *pdf), tr("Changes not exported"));
}

bool ReviewWorkspace::addNote(const QString& target, const QString& text)
{
    if (!m_wb)
        return false;
    auto n = ReviewService(*m_wb).addNote(target, text);
    reload();
    return report(n ? Status{} : Status(n.error()), tr("Note not added"));
}

QString ReviewWorkspace::selectedNote() const
{
    const QTreeWidgetItem* item = m_notes->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void ReviewWorkspace::onMove(const QString& status)
{
    if (status == u"sent"_s) {
        onSend();
        return;
    }
    const auto d = m_wb ? m_wb->documents().document(currentDocument()) : std::nullopt;
    if (!d)
        return;
    if (transitionNeedsReason(d->status, status)) {
        if (!m_dialogs)
            return;
        // The reason typed is kept as a draft until the move is made.
        askForText(
            this, m_wb->path(), u"move:"_s + d->uid + u":"_s + status,
            transitionLabel(d->status, status),
            tr("Why? The reason is kept with the document's history."),
            [&](const QString& reason) { return moveTo(status, reason); }, false);
        return;
    }
    moveTo(status);
}

void ReviewWorkspace::onSend()
{
    if (!m_dialogs)
        return;
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Folder for the pack sent to the force"));
    if (!dir.isEmpty())
        sendTo(dir);
}

void ReviewWorkspace::onImport()
{
    if (!m_dialogs)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import the Force's Responses"), {},
                                                      tr("Response forms (*.csv)"));
    if (path.isEmpty())
        return;
    if (importForm(path))
        return;
    // The form has problems: offer to import the clean rows, explicitly.
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const auto round = ReviewService(*m_wb).latestRound(currentDocument());
    if (!round)
        return;
    QList<FaResponse> clean;
    ReviewService(*m_wb).checkForm(*round, f.readAll(), QFileInfo(path).fileName(), &clean);
    if (clean.isEmpty())
        return;
    bool ok = false;
    const QString choice =
        QInputDialog::getItem(this, tr("Import the Clean Rows?"),
                              tr("%n row(s) of the form are clean. Import them now and leave the "
                                 "others for a corrected form?",
                                 nullptr, int(clean.size())),
                              {tr("Import the clean rows"), tr("Import nothing")}, 1, false, &ok);
    if (ok && choice == tr("Import the clean rows"))
        importForm(path, true);
}

void ReviewWorkspace::onRecord()
{
    if (!m_dialogs)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the Closing Record"),
                                                      fileSlug(currentDocument(), u"document"_s) +
                                                          u"-factual-accuracy-record.pdf"_s,
                                                      tr("PDF (*.pdf);;CSV (*.csv)"));
    if (!path.isEmpty())
        exportRecord(path);
}

void ReviewWorkspace::onChangesExport()
{
    if (!m_dialogs)
        return;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the Changes Since Sent"),
                                     fileSlug(currentDocument(), u"document"_s) + u"-changes.pdf"_s,
                                     tr("PDF (*.pdf);;HTML (*.html)"));
    if (!path.isEmpty())
        exportChanges(path);
}

void ReviewWorkspace::onAddNote()
{
    if (!m_dialogs || !m_wb || currentDocument().isEmpty())
        return;
    // On the text of the response in hand, or else on the document.
    QString target = u"document:"_s + currentDocument();
    const int row = m_responses->currentRow();
    if (row >= 0 && row < m_shown.size()) {
        const QString t = m_shown[row].target;
        target = t.startsWith(u"section:"_s)    ? t.section(QLatin1Char('#'), 0, 0)
                 : t.startsWith(u"overview:"_s) ? u"judgment:"_s + t.mid(9)
                                                : t;
    }
    askForText(this, m_wb->path(), u"note:"_s + target, tr("Add Review Note"),
               tr("Note on %1:").arg(target), [&](const QString& text) {
                   return text.trimmed().isEmpty() || addNote(target, text);
               });
}

void ReviewWorkspace::onAnswerNote()
{
    const QString uid = selectedNote();
    if (!m_dialogs || uid.isEmpty() || !m_wb)
        return;
    askForText(this, m_wb->path(), u"answer:"_s + uid, tr("Answer Review Note"), tr("Answer:"),
               [&](const QString& text) {
                   if (text.trimmed().isEmpty())
                       return true;
                   auto r = ReviewService(*m_wb).answerNote(uid, text);
                   const bool done =
                       report(r ? Status{} : Status(r.error()), tr("Note not answered"));
                   reload();
                   return done;
               });
}

void ReviewWorkspace::onResolveNote()
{
    const QString uid = selectedNote();
    if (uid.isEmpty() || !m_wb)
        return;
    auto r = ReviewService(*m_wb).resolveNote(uid);
    report(r ? Status{} : Status(r.error()), tr("Note not resolved"));
    reload();
}

} // namespace fwb::app
