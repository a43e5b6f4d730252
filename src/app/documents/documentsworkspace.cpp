#include "app/documents/documentsworkspace.h"

#include "app/documents/batchexportdialog.h"
#include "app/documents/documentcommands.h"
#include "app/documents/documentoutlinepane.h"
#include "app/documents/documentpreviewpane.h"
#include "app/documents/particularsdialog.h"
#include "app/documents/sectiondata.h"
#include "app/documents/sectioneditorpane.h"
#include "app/drafting/markdownedit.h"
#include "app/review/reviewnote.h"
#include "core/reader.h"
#include "core/workbench.h"
#include "documents/export.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>

#include "ui_documentsworkspace.h"

using namespace Qt::StringLiterals;

namespace fwb::app {

DocumentsWorkspace::DocumentsWorkspace(QUndoStack* undoStack, ErrorSink errors, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::DocumentsWorkspace>())
{
    m_ui->setupUi(this);
    setObjectName(u"documentsWorkspace"_s);
    m_context.undoStack = undoStack;
    m_context.errors = std::move(errors);
    m_dialogs = QGuiApplication::platformName() != u"offscreen"_s;
    buildBar();

    m_ui->documentsSplitter->setStretchFactor(0, 2);
    m_ui->documentsSplitter->setStretchFactor(1, 3);
    m_ui->documentsSplitter->setStretchFactor(2, 4);
    m_ui->documentsSplitter->setSizes({330, 360, 480});

    DocumentOutlinePane* outline = m_ui->outlinePane;
    connect(outline, &DocumentOutlinePane::currentSectionChanged, this,
            &DocumentsWorkspace::onSectionChosen);
    connect(outline, &DocumentOutlinePane::addRequested, this, &DocumentsWorkspace::addSection);
    connect(outline, &DocumentOutlinePane::removeRequested, this,
            &DocumentsWorkspace::removeSection);
    connect(outline, &DocumentOutlinePane::moveRequested, this, &DocumentsWorkspace::moveSection);
    connect(outline, &DocumentOutlinePane::indentRequested, this,
            &DocumentsWorkspace::indentSection);
    connect(outline, &DocumentOutlinePane::noteRequested, this, [this] {
        if (!currentSection().isEmpty())
            askForReviewNote(this, m_context.workbench, u"section:"_s + currentSection(),
                             m_context.errors);
    });

    SectionEditorPane* section = m_ui->sectionPane;
    section->setContext(&m_context);
    connect(section, &SectionEditorPane::edited, m_ui->previewPane,
            &DocumentPreviewPane::scheduleRefresh); // the preview shows the typing once saved
    connect(section, &SectionEditorPane::editDataRequested, this, [this](const Section& s) {
        if (s.kind == u"metrics_table"_s || s.kind == u"chart"_s)
            Q_EMIT editFiguresRequested(m_programme, m_force);
        else if (!s.questionCode.isEmpty())
            Q_EMIT editQuestionRequested(m_programme, m_force, s.questionCode);
    });

    connect(m_ui->previewPane, &DocumentPreviewPane::refreshDue, this,
            &DocumentsWorkspace::refreshPreview);
    connect(m_ui->previewPane, &DocumentPreviewPane::sectionClicked, this,
            [this](const QString& uid) {
                if (uid != currentSection())
                    selectSection(uid);
            });
    updateActions();
}

DocumentsWorkspace::~DocumentsWorkspace() = default;

DocumentOutlinePane* DocumentsWorkspace::outlinePane() const
{
    return m_ui->outlinePane;
}

SectionEditorPane* DocumentsWorkspace::sectionPane() const
{
    return m_ui->sectionPane;
}

DocumentPreviewPane* DocumentsWorkspace::previewPane() const
{
    return m_ui->previewPane;
}

QTreeWidget* DocumentsWorkspace::outline() const
{
    return m_ui->outlinePane->tree();
}

QLineEdit* DocumentsWorkspace::titleEdit() const
{
    return m_ui->sectionPane->titleEdit();
}

MarkdownEdit* DocumentsWorkspace::bodyEditor() const
{
    return m_ui->sectionPane->bodyEditor();
}

QTextBrowser* DocumentsWorkspace::preview() const
{
    return m_ui->previewPane->browser();
}

QTextBrowser* DocumentsWorkspace::dataView() const
{
    return m_ui->sectionPane->dataView();
}

void DocumentsWorkspace::buildBar()
{
    QToolBar* bar = m_ui->documentsBar;
    m_documents = new QComboBox(this);
    m_documents->setObjectName(u"documentBox"_s);
    m_documents->setAccessibleName(tr("Document"));
    m_documents->setMinimumContentsLength(28);
    m_documents->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_documents->setToolTip(tr("The letters and reports of this force in this programme"));
    bar->addWidget(m_documents);
    m_particulars = bar->addAction(tr("Particulars…"), this, &DocumentsWorkspace::editParticulars);
    m_particulars->setToolTip(tr("Title, date, embargo, parties and status"));
    bar->addSeparator();
    m_newLetter = bar->addAction(tr("New Letter"), this, [this] { createDocument(u"letter"_s); });
    m_newReport = bar->addAction(tr("New Report"), this, [this] { createDocument(u"report"_s); });
    m_deleteDocument = bar->addAction(tr("Delete"), this, &DocumentsWorkspace::deleteDocument);
    m_deleteDocument->setToolTip(tr("Delete this document (the findings it shows are kept)"));
    bar->addSeparator();
    m_printPreview = bar->addAction(tr("Print Preview…"), this, &DocumentsWorkspace::printPreview);
    m_printPreview->setObjectName(u"printPreviewAction"_s);
    m_print = bar->addAction(tr("Print…"), this, &DocumentsWorkspace::print);
    m_print->setObjectName(u"printAction"_s);
    m_print->setShortcut(QKeySequence::Print);
    m_print->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_export = bar->addAction(tr("Export…"), this, &DocumentsWorkspace::exportDocument);
    m_export->setObjectName(u"exportDocumentAction"_s);
    m_export->setToolTip(tr("Save this document as PDF, Word, OpenDocument, HTML or Markdown"));
    m_exportAll = new QAction(tr("Export All Forces…"), this);
    m_exportAll->setObjectName(u"exportAllAction"_s);
    m_exportAll->setToolTip(tr("Export the letter or report of every force in this programme"));
    connect(m_exportAll, &QAction::triggered, this, &DocumentsWorkspace::exportAll);
    bar->addAction(m_exportAll);
    connect(m_documents, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        flush(); // saves to the section the editor holds, in the document it came from
        rebuildOutline({});
        refreshPreview();
        updateActions();
    });
}

void DocumentsWorkspace::setWorkbench(Workbench* workbench)
{
    flush();
    m_ui->sectionPane->discard();
    m_ui->previewPane->clear();
    if (m_context.workbench)
        disconnect(m_context.workbench, nullptr, this, nullptr);
    m_context.workbench = workbench;
    m_programme.clear();
    m_force.clear();
    if (workbench)
        connect(workbench, &Workbench::changed, this,
                [this](const ChangeSet& changes) { reload(changes); });
    fillDocuments({});
}

void DocumentsWorkspace::showPlace(const QString& programme, const QString& force)
{
    if (programme == m_programme && force == m_force)
        return;
    flush();
    m_programme = programme;
    m_force = force;
    // The questions a bound section can show are the programme's.
    std::optional<Programme> p;
    if (m_context.workbench && !programme.isEmpty())
        p = m_context.workbench->reader().programme(programme);
    m_ui->sectionPane->setQuestions(p ? p->questions : QList<Question>{});
    fillDocuments({});
}

bool DocumentsWorkspace::answers(const Target& target) const
{
    return target.kind == Target::Kind::Document || target.kind == Target::Kind::Section ||
           (target.kind == Target::Kind::Place && !target.force.isEmpty() &&
            target.question.isEmpty());
}

bool DocumentsWorkspace::reveal(const Target& target)
{
    showPlace(target.programme, target.force); // already so when the navigator moved
    switch (target.kind) {
    case Target::Kind::Document:
        return selectDocument(target.uid);
    case Target::Kind::Section:
        return selectDocument(target.documentUid) && selectSection(target.uid);
    default:
        return true;
    }
}

void DocumentsWorkspace::fillDocuments(const QString& keep)
{
    const QString previous = keep.isEmpty() ? currentDocument() : keep;
    m_loading = true;
    m_documents->clear();
    QList<Document> docs;
    if (m_context.workbench && !m_programme.isEmpty() && !m_force.isEmpty())
        docs = m_context.workbench->reader().documents(m_programme, m_force);
    m_listed.clear();
    for (const Document& d : docs) {
        m_documents->addItem(
            u"%1 — %2"_s.arg(d.kind == u"letter"_s ? tr("Letter") : tr("Report"), d.title), d.uid);
        m_listed.push_back({d.uid, d.title});
    }
    const int at = m_documents->findData(previous);
    m_documents->setCurrentIndex(at >= 0 ? at : (docs.isEmpty() ? -1 : 0));
    m_loading = false;
    if (docs.isEmpty()) {
        QString where;
        if (m_context.workbench && !m_force.isEmpty())
            if (const auto f = m_context.workbench->reader().force(m_force))
                where = f->name;
        m_ui->documentsEmpty->setText(
            m_force.isEmpty()
                ? tr("Choose a force under a programme to see its letters and reports.")
                : tr("%1 has no letter or report in this programme yet.\n\nNew Letter or New "
                     "Report "
                     "creates one from the programme’s template: its sections show the force’s "
                     "judgments, findings and figures as they stand, and follow every correction.")
                      .arg(where));
        m_ui->stack->setCurrentWidget(m_ui->documentsEmpty);
        m_ui->previewPane->clear();
    } else {
        m_ui->stack->setCurrentWidget(m_ui->documentsSplitter);
    }
    rebuildOutline({});
    refreshPreview();
    updateActions();
}

QString DocumentsWorkspace::currentDocument() const
{
    return m_documents->currentData().toString();
}

QString DocumentsWorkspace::currentSection() const
{
    return m_ui->outlinePane->currentSection();
}

bool DocumentsWorkspace::selectDocument(const QString& uid)
{
    const int at = m_documents->findData(uid);
    if (at < 0)
        return false;
    m_documents->setCurrentIndex(at);
    return true;
}

bool DocumentsWorkspace::selectSection(const QString& uid)
{
    return m_ui->outlinePane->selectSection(uid);
}

std::optional<Document> DocumentsWorkspace::document() const
{
    if (!m_context.workbench || currentDocument().isEmpty())
        return std::nullopt;
    return m_context.workbench->reader().document(currentDocument());
}

std::optional<DocumentService::Location> DocumentsWorkspace::location() const
{
    if (!m_context.workbench || currentSection().isEmpty())
        return std::nullopt;
    return DocumentService(*m_context.workbench).locate(currentSection());
}

void DocumentsWorkspace::onSectionChosen()
{
    flush(); // saves to the section the editor holds, not the one now selected
    loadSection();
    followSection();
    updateActions();
}

void DocumentsWorkspace::rebuildOutline(const QString& keep, bool reloadEditor)
{
    const auto d = document();
    m_ui->outlinePane->setDocument(d ? &*d : nullptr, keep);
    if (reloadEditor || currentSection() != m_ui->sectionPane->editingSection())
        loadSection();
}

void DocumentsWorkspace::loadSection()
{
    const auto d = document();
    const auto s = m_context.workbench
                       ? storedSection(*m_context.workbench, currentDocument(), currentSection())
                       : std::nullopt;
    m_ui->sectionPane->load(d, s);
}

void DocumentsWorkspace::flush()
{
    m_ui->sectionPane->save();
}

void DocumentsWorkspace::reload(const ChangeSet& changes)
{
    if (!m_context.workbench)
        return;
    SectionEditorPane* editor = m_ui->sectionPane;
    if (!changes.touchesAny({EntityKind::Document, EntityKind::Section})) {
        // What bound sections show (findings, judgments, figures, names): the preview and the
        // data on show follow; the outline and the editor are as they were. Review notes,
        // rounds and responses are not shown here.
        if (changes.touchesAny({EntityKind::Finding, EntityKind::Judgment, EntityKind::Metric,
                                EntityKind::Evidence, EntityKind::Programme, EntityKind::Question,
                                EntityKind::Force, EntityKind::Person, EntityKind::Region})) {
            if (const auto d = document())
                editor->refreshData(*d);
            m_ui->previewPane->scheduleRefresh();
        }
        return;
    }
    // The editor's own save: the outline's labels and the preview follow, the editor (its caret,
    // its undo history, the typing session) stays as it is.
    if (editor->isSaving()) {
        rebuildOutline({}, false);
        m_ui->previewPane->scheduleRefresh();
        return;
    }
    // Typing in progress is kept: the editor is reloaded only when nothing is waiting to be saved.
    if (!editor->isDirty()) {
        const QString doc = currentDocument();
        QList<QPair<QString, QString>> listed;
        if (!m_programme.isEmpty() && !m_force.isEmpty())
            for (const Document& d : m_context.workbench->reader().documents(m_programme, m_force))
                listed.push_back({d.uid, d.title});
        if (listed != m_listed) { // one added, removed, renamed or replaced
            fillDocuments(doc);
            return;
        }
        rebuildOutline({}); // an undo or another writer changed it: later typing is a new step
    }
    m_ui->previewPane->scheduleRefresh();
    updateActions();
}

void DocumentsWorkspace::refreshPreview()
{
    m_ui->previewPane->showDocument(m_context.workbench, document());
    if (m_ui->sectionPane->hasEditingFocus() || outline()->hasFocus())
        followSection();
}

void DocumentsWorkspace::followSection()
{
    m_ui->previewPane->follow(currentSection());
}

void DocumentsWorkspace::updateActions()
{
    // A published document is locked until it is reopened in the Review tab.
    const auto shown = document();
    const bool locked = shown && shown->status == u"published"_s;
    const bool writable = m_context.writable() && !locked;
    m_ui->sectionPane->setWritable(
        writable, locked ? tr("Published: reopen it in the Review tab (with a reason) to change it")
                         : QString());
    const bool place = m_context.writable() && !m_programme.isEmpty() && !m_force.isEmpty();
    const bool hasDoc = shown.has_value();
    const auto where = location();
    m_newLetter->setEnabled(place);
    m_newReport->setEnabled(place);
    m_particulars->setEnabled(hasDoc && writable);
    m_deleteDocument->setEnabled(hasDoc && writable);
    m_print->setEnabled(hasDoc);
    m_printPreview->setEnabled(hasDoc);
    m_export->setEnabled(hasDoc);
    m_exportAll->setEnabled(m_context.workbench && !m_programme.isEmpty());
    const bool movable = where && writable;
    m_ui->outlinePane->setActions(hasDoc && writable, movable, movable && where->place.position > 1,
                                  movable &&
                                      where->place.position < m_ui->outlinePane->siblingCount(),
                                  movable && where->place.position > 1,
                                  movable && !where->place.parentUid.isEmpty(), where.has_value());
}

void DocumentsWorkspace::createDocument(const QString& kind)
{
    if (!m_context.writable() || m_programme.isEmpty() || m_force.isEmpty())
        return;
    flush();
    auto* command = new CreateDocumentCommand(m_context.workbench, m_context.errors, m_programme,
                                              m_force, kind);
    if (!m_context.run(command))
        return;
    const QString uid = static_cast<const CreateDocumentCommand*>(
                            m_context.undoStack->command(m_context.undoStack->index() - 1))
                            ->document()
                            .uid;
    fillDocuments(uid);
}

void DocumentsWorkspace::deleteDocument()
{
    const auto d = document();
    if (!d || !m_context.writable())
        return;
    if (m_dialogs && QMessageBox::question(
                         this, tr("Delete Document"),
                         tr("Delete “%1”? The findings, judgments and figures it shows are kept; "
                            "Undo brings the document back.")
                             .arg(d->title)) != QMessageBox::Yes)
        return;
    m_ui->sectionPane->discard();
    m_context.run(new DeleteDocumentCommand(m_context.workbench, m_context.errors, *d));
}

void DocumentsWorkspace::editParticulars()
{
    const auto d = document();
    if (!d || !m_context.writable())
        return;
    flush();
    ParticularsDialog dialog(*d, m_context.workbench->reader().people(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_context.run(
        new SetParticularsCommand(m_context.workbench, m_context.errors, *d, dialog.particulars()));
}

void DocumentsWorkspace::addSection(const QString& kind)
{
    const auto d = document();
    if (!d || !m_context.writable())
        return;
    flush();
    const auto current = storedSection(*m_context.workbench, d->uid, currentSection());
    const auto where = location();
    Section s = DocumentService(*m_context.workbench).newSection(*d, kind, current);
    DocumentService::Place place;
    if (where) {
        place.parentUid = where->place.parentUid;
        place.position = where->place.position + 1;
    }
    auto* command = new AddSectionCommand(m_context.workbench, m_context.errors, d->uid, s, place);
    if (!m_context.run(command))
        return;
    const QString uid = static_cast<const AddSectionCommand*>(
                            m_context.undoStack->command(m_context.undoStack->index() - 1))
                            ->section()
                            .uid;
    rebuildOutline(uid);
    selectSection(uid);
    m_ui->sectionPane->focusHeading();
}

void DocumentsWorkspace::removeSection()
{
    const auto s = m_context.workbench
                       ? storedSection(*m_context.workbench, currentDocument(), currentSection())
                       : std::nullopt;
    if (!s || !m_context.writable())
        return;
    m_ui->sectionPane->discard();
    // The next section (or the one before) takes the selection.
    const QString next = m_ui->outlinePane->successor();
    if (m_context.run(new RemoveSectionCommand(m_context.workbench, m_context.errors, s->uid,
                                               sectionLabel(*s))))
        rebuildOutline(next);
}

void DocumentsWorkspace::moveSection(int delta)
{
    const auto s = m_context.workbench
                       ? storedSection(*m_context.workbench, currentDocument(), currentSection())
                       : std::nullopt;
    const auto where = location();
    if (!s || !where || !m_context.writable())
        return;
    flush();
    DocumentService::Place to = where->place;
    to.position = where->place.position + delta;
    if (to.position < 1)
        return;
    if (m_context.run(new MoveSectionCommand(m_context.workbench, m_context.errors, s->uid,
                                             sectionLabel(*s), where->place, to)))
        rebuildOutline(s->uid);
}

void DocumentsWorkspace::indentSection(bool inward)
{
    const auto s = m_context.workbench
                       ? storedSection(*m_context.workbench, currentDocument(), currentSection())
                       : std::nullopt;
    const auto where = location();
    if (!s || !where || !m_context.writable())
        return;
    flush();
    DocumentService::Place to;
    if (inward) {
        // Under the section above it at the same level, as its last child.
        to.parentUid = m_ui->outlinePane->sectionAbove();
        if (to.parentUid.isEmpty())
            return;
        to.position = 0;
    } else {
        if (where->place.parentUid.isEmpty())
            return;
        const auto parentPlace =
            DocumentService(*m_context.workbench).locate(where->place.parentUid);
        if (!parentPlace)
            return;
        to.parentUid = parentPlace->place.parentUid;
        to.position = parentPlace->place.position + 1;
    }
    if (m_context.run(new MoveSectionCommand(m_context.workbench, m_context.errors, s->uid,
                                             sectionLabel(*s), where->place, to)))
        rebuildOutline(s->uid);
}

int DocumentsWorkspace::printTo(QPrinter* printer)
{
    flush();
    if (!m_context.workbench || currentDocument().isEmpty())
        return 0;
    documents::AssemblyOptions options;
    options.embargoInText = false; // printed at the head of every page instead
    auto a = documents::assemble(*m_context.workbench, currentDocument(), options);
    if (!a) {
        if (m_context.errors)
            m_context.errors(tr("Print"), a.error().message);
        return 0;
    }
    printer->setDocName(a->runningTitle);
    return documents::paintPages(*a, *printer);
}

void DocumentsWorkspace::printPreview()
{
    if (currentDocument().isEmpty())
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Preview — %1").arg(m_documents->currentText()));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter* p) { printTo(p); });
    dialog.resize(900, 1000);
    dialog.exec();
}

void DocumentsWorkspace::print()
{
    if (currentDocument().isEmpty())
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        printTo(&printer);
}

Status DocumentsWorkspace::exportTo(const QString& path, const QString& format)
{
    flush();
    if (!m_context.workbench || currentDocument().isEmpty())
        return Error::make(Error::Code::NotFound, tr("There is no document to export."));
    const auto f = documents::formatFromName(format.isEmpty() ? QFileInfo(path).suffix() : format);
    if (!f)
        return Error::make(
            Error::Code::Invalid,
            tr("“%1” is not PDF, DOCX, ODT, HTML or Markdown.").arg(QFileInfo(path).fileName()));
    return documents::renderToFile(*m_context.workbench, currentDocument(), *f, path);
}

void DocumentsWorkspace::exportDocument()
{
    const auto d = document();
    if (!d)
        return;
    const QString filters =
        tr("PDF document (*.pdf);;Word document (*.docx);;OpenDocument text (*.odt);;Web page "
           "(*.html);;Markdown (*.md)");
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Document"), documents::suggestedFileName(*d, documents::Format::Pdf),
        filters, &selected);
    if (path.isEmpty())
        return;
    QString format = QFileInfo(path).suffix();
    if (!documents::formatFromName(format))
        format = selected.section(u"*."_s, 1).section(QLatin1Char(')'), 0, 0);
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Status s = exportTo(path, format);
    QGuiApplication::restoreOverrideCursor();
    if (!s && m_context.errors)
        m_context.errors(tr("Export Document"), s.error().message);
}

void DocumentsWorkspace::exportAll()
{
    if (!m_context.workbench)
        return;
    flush();
    const auto d = document();
    BatchExportDialog dialog(*m_context.workbench, m_programme, d ? d->kind : u"report"_s, this);
    dialog.exec();
}

} // namespace fwb::app
