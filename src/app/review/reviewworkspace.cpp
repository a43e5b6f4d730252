#include "app/review/reviewworkspace.h"

#include "app/review/responseinhandpane.h"
#include "app/review/responsespane.h"
#include "app/review/reviewmovesbar.h"
#include "app/review/reviewnote.h"
#include "app/review/reviewnotespane.h"
#include "app/review/reviewrecordpanes.h"
#include "app/review/revisionsview.h"
#include "core/io/filenames.h"
#include "core/reader.h"
#include "core/workbench.h"
#include "documents/assembly.h"
#include "documents/reviewpack.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <spdlog/spdlog.h>

#include "ui_reviewworkspace.h"

using namespace Qt::StringLiterals;

namespace fwb::app {

ReviewWorkspace::ReviewWorkspace(ErrorSink errors, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ReviewWorkspace>()), m_errors(std::move(errors))
{
    m_ui->setupUi(this);
    setObjectName(u"reviewWorkspace"_s);
    m_ui->historyPane->setObjectName(u"history"_s);
    // Dialogs are for a person; on the offscreen platform (tests) the methods are called instead.
    m_dialogs = QGuiApplication::platformName() != u"offscreen"_s;
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(0);
    connect(&m_reloadTimer, &QTimer::timeout, this, &ReviewWorkspace::reload);
    m_ui->responsesSplitter->setStretchFactor(0, 1);
    m_ui->responsesSplitter->setStretchFactor(1, 1);
    m_ui->responsesSplitter->setSizes({500, 500}); // the responses and the one in hand alike
    m_ui->reviewSplitter->setStretchFactor(0, 3);
    m_ui->reviewSplitter->setStretchFactor(1, 2);

    ReviewMovesBar* bar = m_ui->movesBar;
    connect(bar, &ReviewMovesBar::documentChosen, this, &ReviewWorkspace::showDocument);
    connect(bar, &ReviewMovesBar::moveRequested, this, &ReviewWorkspace::onMove);
    connect(bar, &ReviewMovesBar::importRequested, this, &ReviewWorkspace::onImport);
    connect(bar, &ReviewMovesBar::repackRequested, this, [this] {
        if (!m_dialogs)
            return;
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder for the pack sent to the force"));
        if (!dir.isEmpty())
            writePackAgain(dir);
    });
    connect(bar, &ReviewMovesBar::recordRequested, this, &ReviewWorkspace::onRecord);
    connect(m_ui->responsesPane, &ResponsesPane::currentChanged, this,
            &ReviewWorkspace::showResponse);
    connect(m_ui->responsePane, &ResponseInHandPane::decideRequested, this,
            &ReviewWorkspace::decide);
    connect(m_ui->notesPane, &ReviewNotesPane::addRequested, this, &ReviewWorkspace::onAddNote);
    connect(m_ui->notesPane, &ReviewNotesPane::answerRequested, this,
            &ReviewWorkspace::onAnswerNote);
    connect(m_ui->notesPane, &ReviewNotesPane::resolveRequested, this,
            &ReviewWorkspace::onResolveNote);
    connect(m_ui->changesPane, &ChangesSincePane::changedOnlyToggled, this,
            &ReviewWorkspace::showDocument);
    connect(m_ui->changesPane, &ChangesSincePane::exportRequested, this,
            &ReviewWorkspace::onChangesExport);
}

ReviewWorkspace::~ReviewWorkspace() = default;

ReviewMovesBar* ReviewWorkspace::movesBar() const
{
    return m_ui->movesBar;
}
ResponsesPane* ReviewWorkspace::responsesPane() const
{
    return m_ui->responsesPane;
}
ResponseInHandPane* ReviewWorkspace::responsePane() const
{
    return m_ui->responsePane;
}
ReviewNotesPane* ReviewWorkspace::notesPane() const
{
    return m_ui->notesPane;
}
QComboBox* ReviewWorkspace::documentBox() const
{
    return m_ui->movesBar->documentBox();
}
QLabel* ReviewWorkspace::statusLabel() const
{
    return m_ui->movesBar->statusLabel();
}
QLabel* ReviewWorkspace::progressLabel() const
{
    return m_ui->responsesPane->progressLabel();
}
QTableWidget* ReviewWorkspace::responsesTable() const
{
    return m_ui->responsesPane->table();
}
QTextBrowser* ReviewWorkspace::proposalView() const
{
    return m_ui->responsePane->proposalView();
}
QPlainTextEdit* ReviewWorkspace::wordingEdit() const
{
    return m_ui->responsePane->wordingEdit();
}
QLineEdit* ReviewWorkspace::reasonEdit() const
{
    return m_ui->responsePane->reasonEdit();
}
QPushButton* ReviewWorkspace::acceptButton() const
{
    return m_ui->responsePane->acceptButton();
}
QPushButton* ReviewWorkspace::partlyButton() const
{
    return m_ui->responsePane->partlyButton();
}
QPushButton* ReviewWorkspace::rejectButton() const
{
    return m_ui->responsePane->rejectButton();
}
QTreeWidget* ReviewWorkspace::notesList() const
{
    return m_ui->notesPane->list();
}
QTextBrowser* ReviewWorkspace::changesView() const
{
    return m_ui->changesPane->view();
}
QTreeWidget* ReviewWorkspace::historyList() const
{
    return m_ui->historyPane;
}
RevisionsView* ReviewWorkspace::revisionsView() const
{
    return m_ui->revisionsPane;
}
QList<QPushButton*> ReviewWorkspace::moveButtons() const
{
    return m_ui->movesBar->moveButtons();
}

void ReviewWorkspace::setWorkbench(Workbench* workbench)
{
    flush();
    if (m_wb)
        disconnect(m_wb, nullptr, this, nullptr);
    m_wb = workbench;
    m_ui->responsePane->setWorkbench(workbench);
    if (m_wb)
        connect(m_wb, &Workbench::changed, this, &ReviewWorkspace::onChanged);
    reload();
}

void ReviewWorkspace::onChanged(const ChangeSet& changes)
{
    // What the tab shows: the document and its text, the review's records, and the names in it.
    if (changes.touchesAny({EntityKind::Document, EntityKind::Section, EntityKind::Finding,
                            EntityKind::Judgment, EntityKind::Metric, EntityKind::ReviewNote,
                            EntityKind::ReviewRound, EntityKind::Response, EntityKind::Revision,
                            EntityKind::Programme, EntityKind::Question, EntityKind::Force}))
        scheduleReload();
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

bool ReviewWorkspace::answers(const Target& target) const
{
    return target.kind == Target::Kind::Response ||
           (target.kind == Target::Kind::Place && !target.force.isEmpty() &&
            target.question.isEmpty());
}

bool ReviewWorkspace::reveal(const Target& target)
{
    showPlace(target.programme, target.force); // already so when the navigator moved
    if (m_reloadTimer.isActive() || m_stale) {
        m_stale = false;
        reload(); // what is selected next must be there now
    }
    if (target.kind != Target::Kind::Response)
        return true;
    return selectDocument(target.documentUid) && m_ui->responsesPane->selectResponse(target.uid);
}

QString ReviewWorkspace::currentDocument() const
{
    return m_ui->movesBar->currentDocument();
}

bool ReviewWorkspace::selectDocument(const QString& uid)
{
    const int i = documentBox()->findData(uid);
    if (i < 0)
        return false;
    documentBox()->setCurrentIndex(i);
    return true;
}

void ReviewWorkspace::reload()
{
    m_reloadTimer.stop();
    fillDocuments();
    showDocument();
}

void ReviewWorkspace::flush()
{
    m_ui->responsePane->flush();
}

void ReviewWorkspace::fillDocuments()
{
    QList<QPair<QString, QString>> listed;
    if (m_wb && !m_programme.isEmpty() && !m_force.isEmpty())
        for (const Document& d : m_wb->reader().documents(m_programme, m_force))
            listed.push_back({d.uid, u"%1 (%2)"_s.arg(d.title, d.kind)});
    m_ui->movesBar->setDocuments(listed, currentDocument());
}

void ReviewWorkspace::showDocument()
{
    ResponsesPane* responses = m_ui->responsesPane;
    const FaResponse* held = responses->current();
    const QString keepResponse = held ? held->uid : QString();
    m_rebuilding = true; // the form keeps what is typed while the table is filled again
    responses->clear();
    m_ui->notesPane->clear();
    m_ui->historyPane->clear();
    m_ui->changesPane->view()->clear();
    const QString uid = currentDocument();
    const auto d = m_wb && !uid.isEmpty() ? m_wb->reader().document(uid) : std::nullopt;
    setEnabled(m_wb != nullptr);
    if (!d) {
        m_ui->movesBar->showDocument(std::nullopt, nullptr, false, std::nullopt);
        m_ui->roundLabel->setText(
            m_force.isEmpty()
                ? tr("Select a force to review its letters and reports.")
                : tr("This force has no letter or report in this programme yet: create one "
                     "in the Documents tab."));
        responses->setProgress({}, 0, 0);
        m_rebuilding = false;
        showResponse();
        return;
    }
    ReviewService review(*m_wb);
    const auto round = review.latestRound(uid);
    m_ui->movesBar->showDocument(d, &review, !m_wb->isReadOnly(), round);
    if (round) {
        m_ui->roundLabel->setText(
            tr("Factual accuracy round %1: sent %2 by %3 with %4 references; %5.")
                .arg(round->number)
                .arg(round->sentAt.left(10), round->sentBy)
                .arg(round->items.size())
                .arg(round->isOpen() ? tr("open") : tr("closed %1").arg(round->closedAt.left(10))));
        const auto progress = review.progress(round->uid);
        responses->setProgress(
            progress.total ? tr("%1 of %2 decided").arg(progress.decided).arg(progress.total)
                           : tr("No responses yet"),
            progress.decided, progress.total);
        responses->setResponses(review.responses(round->uid), keepResponse);
        if (auto changes = review.sinceSent(uid))
            m_ui->changesPane->view()->setHtml(documents::sinceSentHtml(
                *m_wb, *round, *changes, m_ui->changesPane->changedOnly()));
    } else {
        m_ui->roundLabel->setText(
            d->status == u"draft"_s
                ? tr("Not yet ready for review. Mark it ready when the draft is complete.")
                : tr("Not yet sent to the force for its factual accuracy check."));
        responses->setProgress(tr("No round yet"), 0, 0);
        m_ui->changesPane->view()->setHtml(
            tr("<p><i>The document has not been sent: there is nothing to compare with.</i></p>"));
    }
    // Start at the first response still to decide.
    if (!responses->current() && !responses->responses().isEmpty() && !responses->selectUndecided())
        responses->selectRow(0);
    m_rebuilding = false;
    showResponse();

    const int open = m_ui->notesPane->setNotes(review.notes(uid));
    m_ui->reviewLower->setTabText(0, open ? tr("Review Notes (%1 open)").arg(open)
                                          : tr("Review Notes"));
    m_ui->historyPane->setChanges(review.history(u"document:"_s + uid));
}

void ReviewWorkspace::showResponse()
{
    if (m_rebuilding)
        return;
    const FaResponse* r = m_wb ? m_ui->responsesPane->current() : nullptr;
    const bool any = !m_ui->responsesPane->responses().isEmpty();
    if (!r) {
        m_ui->revisionsPane->show(m_wb, {});
        m_ui->responsePane->showResponse(nullptr, {}, any);
        return;
    }
    QString label;
    if (const auto round = ReviewService(*m_wb).latestRound(r->documentUid))
        for (const ReviewItem& i : round->items)
            if (i.reference == r->reference)
                label = i.label;
    // The revisions of the text the response is about (a paragraph's are its section's).
    const QString revised =
        r->target.startsWith(u"section:"_s) ? r->target.section(QLatin1Char('#'), 0, 0) : r->target;
    m_ui->revisionsPane->show(m_wb, revised, r->reference + u" — "_s + label);
    m_ui->responsePane->showResponse(r, label, any);
}

bool ReviewWorkspace::selectResponse(int row)
{
    return m_ui->responsesPane->selectRow(row);
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
    const FaResponse* r = m_ui->responsesPane->current();
    if (!m_wb || !r)
        return;
    const QString uid = r->uid;
    ResponseInHandPane* form = m_ui->responsePane;
    const QString wording = decision == u"rejected"_s ? QString() : form->wording();
    form->flush(); // kept until the decision is recorded
    auto done = ReviewService(*m_wb).decide(uid, decision, form->reason(), wording);
    if (!report(done ? Status{} : Status(done.error()), tr("Decision not recorded")))
        return;
    form->forget(uid);
    // Move on to the next response still to decide.
    reload();
    m_ui->responsesPane->selectUndecided();
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
    const auto d = m_wb->reader().document(currentDocument());
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
        documents::sinceSentHtml(*m_wb, *round, *changes, m_ui->changesPane->changedOnly());
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

void ReviewWorkspace::onMove(const QString& status)
{
    if (status == u"sent"_s) {
        onSend();
        return;
    }
    const auto d = m_wb ? m_wb->reader().document(currentDocument()) : std::nullopt;
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
                                                      tr("Response forms (*.xlsx *.csv)"));
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
    if (const FaResponse* r = m_ui->responsesPane->current()) {
        const QString t = r->target;
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
    const QString uid = m_ui->notesPane->selectedNote();
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
    const QString uid = m_ui->notesPane->selectedNote();
    if (uid.isEmpty() || !m_wb)
        return;
    auto r = ReviewService(*m_wb).resolveNote(uid);
    report(r ? Status{} : Status(r.error()), tr("Note not resolved"));
    reload();
}

} // namespace fwb::app
