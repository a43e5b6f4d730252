#include "app/documents/documentsworkspace.h"

#include "app/documents/batchexportdialog.h"
#include "app/documents/documentcommands.h"
#include "app/documents/particularsdialog.h"
#include "app/documents/sectiondata.h"
#include "app/drafting/markdownedit.h"
#include "app/panes/safetextbrowser.h"
#include "app/review/reviewnote.h"
#include "core/workbench.h"
#include "documents/chart.h"
#include "documents/export.h"
#include "documents/markdown.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace fwb::app {
namespace {

constexpr int kUidRole = Qt::UserRole + 1;
constexpr int kPreviewDelayMs = 250;

QString sectionLabel(const Section& s)
{
    if (!s.title.isEmpty())
        return s.title;
    if (!s.body.trimmed().isEmpty())
        return QStringLiteral("“%1…”").arg(documents::toPlainText(s.body).simplified().left(48));
    return sectionKindLabel(s.kind);
}

// A short name for what a section shows, for the outline's narrow second column.
QString shortKind(const QString& kind)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("narrative"), QStringLiteral("Text")},
        {QStringLiteral("judgment"), QStringLiteral("Judgment")},
        {QStringLiteral("overview"), QStringLiteral("Summary")},
        {QStringLiteral("findings"), QStringLiteral("Findings")},
        {QStringLiteral("areas_for_improvement"), QStringLiteral("AFIs")},
        {QStringLiteral("metrics_table"), QStringLiteral("Table")},
        {QStringLiteral("chart"), QStringLiteral("Chart")},
        {QStringLiteral("grade_definitions"), QStringLiteral("Grades")},
        {QStringLiteral("contents"), QStringLiteral("Contents")},
        {QStringLiteral("letter_opening"), QStringLiteral("Opening")},
        {QStringLiteral("letter_closing"), QStringLiteral("Closing")},
    };
    return names.value(kind, kind);
}

QString shows(const Section& s)
{
    QString out = shortKind(s.kind);
    if (!s.questionCode.isEmpty())
        out += QLatin1Char(' ') + s.questionCode;
    if (!s.figure.isEmpty())
        out += QStringLiteral(" · ") +
               QString(s.figure).remove(QStringLiteral("Figure ")).prepend(QStringLiteral("Fig. "));
    return out;
}

void addQuestions(QComboBox* box, const QList<Question>& list, int depth)
{
    for (const Question& q : list) {
        box->addItem(QString(depth * 2, QLatin1Char(' ')) + q.code + QStringLiteral("  ") +
                         q.label(),
                     q.code);
        addQuestions(box, q.children, depth + 1);
    }
}

} // namespace

DocumentsWorkspace::DocumentsWorkspace(QUndoStack* undoStack, ErrorSink errors, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("documentsWorkspace"));
    m_context.undoStack = undoStack;
    m_context.errors = std::move(errors);
    m_dialogs = QGuiApplication::platformName() != QLatin1String("offscreen");
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &DocumentsWorkspace::refreshPreview);
    buildUi();
    updateActions();
}

DocumentsWorkspace::~DocumentsWorkspace()
{
    m_preview->setDocument(nullptr); // the assembly's document goes before the browser does
}

void DocumentsWorkspace::buildUi()
{
    // ---- the bar over everything: which document, and what to do with it ----
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("documentsBar"));
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_documents = new QComboBox(this);
    m_documents->setObjectName(QStringLiteral("documentBox"));
    m_documents->setMinimumContentsLength(28);
    m_documents->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_documents->setToolTip(tr("The letters and reports of this force in this programme"));
    bar->addWidget(m_documents);
    m_particulars = bar->addAction(tr("Particulars…"), this, &DocumentsWorkspace::editParticulars);
    m_particulars->setToolTip(tr("Title, date, embargo, parties and status"));
    bar->addSeparator();
    m_newLetter = bar->addAction(tr("New Letter"), this,
                                 [this] { createDocument(QStringLiteral("letter")); });
    m_newReport = bar->addAction(tr("New Report"), this,
                                 [this] { createDocument(QStringLiteral("report")); });
    m_deleteDocument = bar->addAction(tr("Delete"), this, &DocumentsWorkspace::deleteDocument);
    m_deleteDocument->setToolTip(tr("Delete this document (the findings it shows are kept)"));
    bar->addSeparator();
    m_printPreview = bar->addAction(tr("Print Preview…"), this, &DocumentsWorkspace::printPreview);
    m_print = bar->addAction(tr("Print…"), this, &DocumentsWorkspace::print);
    m_print->setShortcut(QKeySequence::Print);
    m_print->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_export = bar->addAction(tr("Export…"), this, &DocumentsWorkspace::exportDocument);
    m_export->setToolTip(tr("Save this document as PDF, OpenDocument, HTML or Markdown"));
    m_exportAll = new QAction(tr("Export All Forces…"), this);
    m_exportAll->setToolTip(tr("Export the letter or report of every force in this programme"));
    connect(m_exportAll, &QAction::triggered, this, &DocumentsWorkspace::exportAll);
    bar->addAction(m_exportAll);
    connect(m_documents, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        flush(); // saves to the section the editor holds, in the document it came from
        ++m_session;
        rebuildOutline({});
        refreshPreview();
        updateActions();
    });

    // ---- the outline ----
    m_outline = new QTreeWidget(this);
    m_outline->setObjectName(QStringLiteral("outline"));
    m_outline->setHeaderLabels({tr("Section"), tr("Shows")});
    m_outline->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_outline->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_outline->setUniformRowHeights(true);
    m_outline->setAllColumnsShowFocus(true);
    connect(m_outline, &QTreeWidget::currentItemChanged, this, [this] {
        if (m_loading)
            return;
        flush(); // saves to the section the editor holds, not the one now selected
        ++m_session;
        loadSection();
        followSection();
        updateActions();
    });
    auto* outlineBar = new QToolBar(this);
    outlineBar->setIconSize(QSize(16, 16));
    m_add = new QToolButton(this);
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add a section after the selected one"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    auto* addMenu = new QMenu(m_add);
    for (const QString& kind : sectionKinds()) {
        if (kind == QLatin1String("letter_opening") || kind == QLatin1String("letter_closing"))
            continue;
        addMenu->addAction(sectionKindLabel(kind), this, [this, kind] { addSection(kind); });
    }
    m_add->setMenu(addMenu);
    outlineBar->addWidget(m_add);
    m_remove = outlineBar->addAction(tr("Remove"), this, &DocumentsWorkspace::removeSection);
    m_up = outlineBar->addAction(QStringLiteral("↑"), this, [this] { moveSection(-1); });
    m_up->setToolTip(tr("Move up (Alt+Up)"));
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = outlineBar->addAction(QStringLiteral("↓"), this, [this] { moveSection(1); });
    m_down->setToolTip(tr("Move down (Alt+Down)"));
    m_down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_indent = outlineBar->addAction(QStringLiteral("→"), this, [this] { indentSection(true); });
    m_indent->setToolTip(tr("Put under the section above (Alt+Right)"));
    m_indent->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_outdent = outlineBar->addAction(QStringLiteral("←"), this, [this] { indentSection(false); });
    m_outdent->setToolTip(tr("Move out one level (Alt+Left)"));
    m_outdent->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    for (QAction* a : {m_up, m_down, m_indent, m_outdent})
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    outlineBar->addSeparator();
    QAction* note = outlineBar->addAction(tr("Note…"), this, [this] {
        if (!currentSection().isEmpty())
            askForReviewNote(this, m_context.workbench,
                             QStringLiteral("section:") + currentSection(), m_context.errors);
    });
    note->setToolTip(tr("Attach a review note to the selected section; notes are answered and "
                        "resolved in the Review tab"));
    auto* outlinePane = new QWidget(this);
    auto* outlineLayout = new QVBoxLayout(outlinePane);
    outlineLayout->setContentsMargins(0, 0, 0, 0);
    outlineLayout->addWidget(m_outline, 1);
    outlineLayout->addWidget(outlineBar);

    // ---- the section ----
    m_kindLabel = new QLabel(this);
    m_kindLabel->setObjectName(QStringLiteral("kindLabel"));
    m_kindLabel->setStyleSheet(QStringLiteral("QLabel { color: #555d66; }"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    m_title->setPlaceholderText(tr("No heading"));
    connect(m_title, &QLineEdit::textEdited, this, &DocumentsWorkspace::scheduleSave);
    connect(m_title, &QLineEdit::editingFinished, this, &DocumentsWorkspace::flush);
    m_question = new QComboBox(this);
    m_question->setObjectName(QStringLiteral("sectionQuestion"));
    connect(m_question, &QComboBox::activated, this, [this] {
        scheduleSave();
        flush();
    });
    m_figure = new QLineEdit(this);
    m_figure->setObjectName(QStringLiteral("sectionFigure"));
    m_figure->setPlaceholderText(tr("Figure 1"));
    m_figure->setMaximumWidth(140);
    connect(m_figure, &QLineEdit::textEdited, this, &DocumentsWorkspace::scheduleSave);
    connect(m_figure, &QLineEdit::editingFinished, this, &DocumentsWorkspace::flush);
    m_editData = new QToolButton(this);
    m_editData->setText(tr("Edit in Draft"));
    m_editData->setToolTip(tr("Edit the findings, judgment or figures this section shows"));
    connect(m_editData, &QToolButton::clicked, this, [this] {
        const auto s = storedSection();
        if (!s)
            return;
        if (s->kind == QLatin1String("metrics_table") || s->kind == QLatin1String("chart"))
            Q_EMIT editFiguresRequested(m_programme, m_force);
        else if (!s->questionCode.isEmpty())
            Q_EMIT editQuestionRequested(m_programme, m_force, s->questionCode);
    });
    m_boundRow = new QWidget(this);
    auto* boundLayout = new QHBoxLayout(m_boundRow);
    boundLayout->setContentsMargins(0, 0, 0, 0);
    boundLayout->addWidget(new QLabel(tr("Question:"), this));
    boundLayout->addWidget(m_question, 1);
    boundLayout->addWidget(new QLabel(tr("Figure:"), this));
    boundLayout->addWidget(m_figure);
    boundLayout->addWidget(m_editData);
    m_data = new SafeTextBrowser(this);
    m_data->setObjectName(QStringLiteral("sectionData"));
    m_data->setMinimumHeight(120);
    m_bodyLabel = new QLabel(this);
    m_body = new MarkdownEdit(this);
    m_body->setObjectName(QStringLiteral("sectionBody"));
    connect(m_body, &MarkdownEdit::edited, this, &DocumentsWorkspace::scheduleSave);
    connect(m_body, &MarkdownEdit::editingFinished, this, &DocumentsWorkspace::flush);

    auto* sectionPane = new QWidget(this);
    auto* sectionLayout = new QVBoxLayout(sectionPane);
    sectionLayout->setContentsMargins(6, 0, 6, 0);
    sectionLayout->addWidget(m_kindLabel);
    auto* titleForm = new QFormLayout;
    titleForm->addRow(tr("&Heading:"), m_title);
    sectionLayout->addLayout(titleForm);
    sectionLayout->addWidget(m_boundRow);
    sectionLayout->addWidget(m_data, 2);
    sectionLayout->addWidget(m_bodyLabel);
    sectionLayout->addWidget(m_body, 3);

    // ---- the preview ----
    // Text in it may come from anyone: it follows no link by itself and loads nothing.
    m_preview = new SafeTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("documentPreview"));
    m_preview->setStyleSheet(QStringLiteral("QTextBrowser { background: white; }"));
    connect(m_preview, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme().isEmpty() && url.path().isEmpty() &&
            url.fragment().startsWith(QLatin1String("s-")))
            selectSection(url.fragment().mid(2));
        else
            openSafeLink(url); // web and mail links only
    });
    connect(m_preview, &QTextBrowser::cursorPositionChanged, this, [this] {
        // Clicking in the preview selects the section clicked.
        if (!m_assembly || m_loading || !m_preview->hasFocus())
            return;
        const QString uid = m_assembly->sectionAt(m_preview->textCursor().position());
        if (!uid.isEmpty() && uid != currentSection())
            selectSection(uid);
    });

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("documentsSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(outlinePane);
    split->addWidget(sectionPane);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 4);
    split->setSizes({330, 360, 480});

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("documentsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(split);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addWidget(m_stack, 1);
}

void DocumentsWorkspace::setWorkbench(Workbench* workbench)
{
    flush();
    m_saver.cancel();
    m_previewTimer.stop();
    m_context.workbench = workbench;
    m_preview->setDocument(nullptr);
    m_assembly.reset();
    m_programme.clear();
    m_force.clear();
    if (workbench)
        connect(workbench, &Workbench::changed, this, &DocumentsWorkspace::reload,
                Qt::UniqueConnection);
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
    m_loading = true;
    m_question->clear();
    if (m_context.workbench && !programme.isEmpty())
        if (const auto p = m_context.workbench->reference().programme(programme))
            addQuestions(m_question, p->questions, 0);
    m_loading = false;
    fillDocuments({});
}

void DocumentsWorkspace::fillDocuments(const QString& keep)
{
    const QString previous = keep.isEmpty() ? currentDocument() : keep;
    m_loading = true;
    m_documents->clear();
    QList<Document> docs;
    if (m_context.workbench && !m_programme.isEmpty() && !m_force.isEmpty())
        docs = m_context.workbench->documents().documents(m_programme, m_force);
    m_listed.clear();
    for (const Document& d : docs) {
        m_documents->addItem(
            QStringLiteral("%1 — %2").arg(
                d.kind == QLatin1String("letter") ? tr("Letter") : tr("Report"), d.title),
            d.uid);
        m_listed.push_back({d.uid, d.title});
    }
    const int at = m_documents->findData(previous);
    m_documents->setCurrentIndex(at >= 0 ? at : (docs.isEmpty() ? -1 : 0));
    m_loading = false;
    if (docs.isEmpty()) {
        QString where;
        if (m_context.workbench && !m_force.isEmpty())
            if (const auto f = m_context.workbench->reference().force(m_force))
                where = f->name;
        m_empty->setText(
            m_force.isEmpty()
                ? tr("Choose a force under a programme to see its letters and reports.")
                : tr("%1 has no letter or report in this programme yet.\n\nNew Letter or New "
                     "Report "
                     "creates one from the programme’s template: its sections show the force’s "
                     "judgments, findings and figures as they stand, and follow every correction.")
                      .arg(where));
        m_stack->setCurrentWidget(m_empty);
        m_preview->setDocument(nullptr);
        m_assembly.reset();
    } else {
        m_stack->setCurrentIndex(0);
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
    const QTreeWidgetItem* item = m_outline->currentItem();
    return item ? item->data(0, kUidRole).toString() : QString();
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
    for (QTreeWidgetItemIterator it(m_outline); *it; ++it)
        if ((*it)->data(0, kUidRole).toString() == uid) {
            m_outline->setCurrentItem(*it);
            m_outline->scrollToItem(*it);
            return true;
        }
    return false;
}

std::optional<Document> DocumentsWorkspace::document() const
{
    if (!m_context.workbench || currentDocument().isEmpty())
        return std::nullopt;
    return m_context.workbench->documents().document(currentDocument());
}

std::optional<Section> DocumentsWorkspace::storedSection() const
{
    return storedSection(currentDocument(), currentSection());
}

std::optional<Section> DocumentsWorkspace::storedSection(const QString& documentUid,
                                                         const QString& uid) const
{
    if (!m_context.workbench || documentUid.isEmpty() || uid.isEmpty())
        return std::nullopt;
    const auto d = m_context.workbench->documents().document(documentUid);
    if (!d)
        return std::nullopt;
    if (const Section* s = findSection(d->sections, uid)) {
        Section copy = *s;
        copy.children.clear();
        return copy;
    }
    return std::nullopt;
}

std::optional<DocumentService::Location> DocumentsWorkspace::location() const
{
    if (!m_context.workbench || currentSection().isEmpty())
        return std::nullopt;
    return DocumentService(*m_context.workbench).locate(currentSection());
}

void DocumentsWorkspace::rebuildOutline(const QString& keep, bool reloadEditor)
{
    const QString selected = keep.isEmpty() ? currentSection() : keep;
    QSet<QString> collapsed;
    for (QTreeWidgetItemIterator it(m_outline); *it; ++it)
        if ((*it)->childCount() && !(*it)->isExpanded())
            collapsed.insert((*it)->data(0, kUidRole).toString());
    m_loading = true;
    m_outline->clear();
    QTreeWidgetItem* current = nullptr;
    if (const auto d = document()) {
        std::function<void(QTreeWidgetItem*, const QList<Section>&)> add =
            [&](QTreeWidgetItem* parent, const QList<Section>& list) {
                for (const Section& s : list) {
                    auto* item =
                        parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_outline);
                    item->setText(0, sectionLabel(s));
                    item->setText(1, shows(s));
                    item->setData(0, kUidRole, s.uid);
                    item->setToolTip(0, sectionLabel(s));
                    item->setToolTip(1, sectionKindLabel(s.kind));
                    if (isBoundKind(s.kind))
                        item->setForeground(1, QColor(0x1d, 0x3a, 0x6b));
                    else
                        item->setForeground(1, QColor(0x6b, 0x75, 0x80));
                    if (s.uid == selected)
                        current = item;
                    add(item, s.children);
                    item->setExpanded(!collapsed.contains(s.uid));
                }
            };
        add(nullptr, d->sections);
    }
    if (!current && m_outline->topLevelItemCount())
        current = m_outline->topLevelItem(0);
    m_outline->setCurrentItem(current);
    m_loading = false;
    if (reloadEditor || currentSection() != m_editingSection)
        loadSection();
}

void DocumentsWorkspace::loadSection()
{
    m_saver.cancel();
    m_dirty = false;
    const auto s = storedSection();
    m_editingDocument = currentDocument();
    m_editingSection = s ? s->uid : QString();
    const auto d = document();
    m_loading = true;
    const bool has = s.has_value();
    m_title->setEnabled(has);
    m_body->setEnabled(has);
    if (!s) {
        m_kindLabel->setText(d ? tr("Choose a section in the outline.") : QString());
        m_title->clear();
        m_body->setMarkdown({});
        m_boundRow->hide();
        m_data->hide();
        m_loading = false;
        return;
    }
    const bool bound = isBoundKind(s->kind);
    const bool usesQuestion = !s->questionCode.isEmpty() || s->kind == QLatin1String("findings") ||
                              s->kind == QLatin1String("judgment") ||
                              s->kind == QLatin1String("overview") ||
                              s->kind == QLatin1String("areas_for_improvement");
    const bool usesFigure =
        s->kind == QLatin1String("metrics_table") || s->kind == QLatin1String("chart");
    m_usesQuestion = usesQuestion;
    m_usesFigure = usesFigure;
    m_kindLabel->setText(
        bound
            ? tr("<b>%1</b> — shows the workbench’s data; the text below is printed after it")
                  .arg(sectionKindLabel(s->kind))
            : tr("<b>Narrative</b> — text of its own (Markdown; footnotes as [^1] … [^1]: note)"));
    m_title->setText(s->title);
    m_boundRow->setVisible(usesQuestion || usesFigure);
    m_question->setVisible(usesQuestion);
    m_question->setCurrentIndex(m_question->findData(s->questionCode));
    m_figure->setVisible(usesFigure);
    m_figure->setText(s->figure);
    m_editData->setVisible(usesQuestion || usesFigure);
    m_data->setVisible(bound);
    m_bodyLabel->setText(bound ? tr("Text after the data (sources, notes):") : tr("Text:"));
    m_body->setMarkdown(s->body);
    if (bound)
        showData(*s);
    m_loading = false;
}

void DocumentsWorkspace::showData(const Section& s)
{
    if (m_context.workbench)
        if (const auto d = document())
            m_data->setHtml(sectionDataHtml(*m_context.workbench, *d, s));
}

void DocumentsWorkspace::scheduleSave()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_saver.edited();
    m_previewTimer.start(); // the preview shows the typing once it is saved
}

void DocumentsWorkspace::save()
{
    m_saver.cancel();
    if (!m_dirty)
        return;
    m_dirty = false;
    // The section the editor was loaded with, even if another is selected by now.
    const auto before = storedSection(m_editingDocument, m_editingSection);
    if (!before || !m_context.writable())
        return;
    Section after = *before;
    after.title = m_title->text().trimmed();
    after.body = m_body->markdown();
    if (m_usesQuestion && m_question->currentIndex() >= 0)
        after.questionCode = m_question->currentData().toString();
    if (m_usesFigure)
        after.figure = m_figure->text().trimmed();
    if (after.title == before->title && after.body == before->body &&
        after.questionCode == before->questionCode && after.figure == before->figure)
        return;
    m_saving = true;
    m_context.run(
        new EditSectionCommand(m_context.workbench, m_context.errors, *before, after, m_session));
    m_saving = false;
}

void DocumentsWorkspace::flush()
{
    save();
}

void DocumentsWorkspace::reload()
{
    if (!m_context.workbench)
        return;
    // The editor's own save: the outline's labels and the preview follow, the editor (its caret,
    // its undo history, the typing session) stays as it is.
    if (m_saving) {
        rebuildOutline({}, false);
        m_previewTimer.start();
        return;
    }
    // Typing in progress is kept: the editor is reloaded only when nothing is waiting to be saved.
    if (!m_dirty) {
        const QString doc = currentDocument();
        QList<QPair<QString, QString>> listed;
        if (!m_programme.isEmpty() && !m_force.isEmpty())
            for (const Document& d :
                 m_context.workbench->documents().documents(m_programme, m_force))
                listed.push_back({d.uid, d.title});
        if (listed != m_listed) { // one added, removed, renamed or replaced
            fillDocuments(doc);
            return;
        }
        ++m_session; // an undo or another writer changed it: later typing is a new step
        rebuildOutline({});
    }
    m_previewTimer.start();
    updateActions();
}

void DocumentsWorkspace::refreshPreview()
{
    m_previewTimer.stop();
    const auto d = document();
    if (!m_context.workbench || !d) {
        m_preview->setDocument(nullptr);
        m_assembly.reset();
        return;
    }
    const int scroll = m_preview->verticalScrollBar()->value();
    auto a = documents::assemble(*m_context.workbench, *d);
    if (!a) {
        m_preview->setDocument(nullptr); // let go of the old assembly's document first
        m_assembly.reset();
        m_preview->setPlainText(a.error().message);
        return;
    }
    std::optional<documents::Assembly> previous =
        std::move(m_assembly); // kept until the view lets go
    m_assembly = std::move(*a);
    m_loading = true;
    m_preview->setDocument(m_assembly->document.get());
    documents::ChartObject::install(m_assembly->document.get());
    m_loading = false;
    previous.reset();
    m_preview->verticalScrollBar()->setValue(scroll);
    if (m_body->textEdit()->hasFocus() || m_title->hasFocus() || m_outline->hasFocus())
        followSection();
}

void DocumentsWorkspace::followSection()
{
    if (!m_assembly)
        return;
    const auto it = m_assembly->sectionPositions.constFind(currentSection());
    if (it == m_assembly->sectionPositions.cend())
        return;
    QTextDocument* doc = m_assembly->document.get();
    const QTextBlock block = doc->findBlock(*it);
    const QRectF r = doc->documentLayout()->blockBoundingRect(block);
    m_preview->verticalScrollBar()->setValue(int(r.top()) - 12);
}

void DocumentsWorkspace::updateActions()
{
    // A published document is locked until it is reopened in the Review tab.
    const auto shown = m_context.workbench && !currentDocument().isEmpty()
                           ? m_context.workbench->documents().document(currentDocument())
                           : std::nullopt;
    const bool locked = shown && shown->status == QLatin1String("published");
    const bool writable = m_context.writable() && !locked;
    m_body->setToolTip(
        locked ? tr("Published: reopen it in the Review tab (with a reason) to change it")
               : QString());
    const bool place = m_context.writable() && !m_programme.isEmpty() && !m_force.isEmpty();
    const bool hasDoc = !currentDocument().isEmpty();
    const auto where = location();
    m_newLetter->setEnabled(place);
    m_newReport->setEnabled(place);
    m_particulars->setEnabled(hasDoc && writable);
    m_deleteDocument->setEnabled(hasDoc && writable);
    m_print->setEnabled(hasDoc);
    m_printPreview->setEnabled(hasDoc);
    m_export->setEnabled(hasDoc);
    m_exportAll->setEnabled(m_context.workbench && !m_programme.isEmpty());
    m_add->setEnabled(hasDoc && writable);
    m_remove->setEnabled(where.has_value() && writable);
    m_up->setEnabled(where && writable && where->place.position > 1);
    const QTreeWidgetItem* item = m_outline->currentItem();
    const int siblings =
        item ? (item->parent() ? item->parent()->childCount() : m_outline->topLevelItemCount()) : 0;
    m_down->setEnabled(where && writable && where->place.position < siblings);
    m_indent->setEnabled(where && writable && where->place.position > 1);
    m_outdent->setEnabled(where && writable && !where->place.parentUid.isEmpty());
    m_title->setReadOnly(!writable);
    m_body->setReadOnly(!writable);
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
    m_saver.cancel();
    m_dirty = false;
    m_context.run(new DeleteDocumentCommand(m_context.workbench, m_context.errors, *d));
}

void DocumentsWorkspace::editParticulars()
{
    const auto d = document();
    if (!d || !m_context.writable())
        return;
    flush();
    ParticularsDialog dialog(*d, m_context.workbench->reference().people(), this);
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
    const auto current = storedSection();
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
    m_title->setFocus();
    m_title->selectAll();
}

void DocumentsWorkspace::removeSection()
{
    const auto s = storedSection();
    if (!s || !m_context.writable())
        return;
    m_saver.cancel();
    m_dirty = false;
    // The next section (or the one before) takes the selection.
    QTreeWidgetItem* item = m_outline->currentItem();
    QTreeWidgetItem* next = nullptr;
    if (item) {
        QTreeWidgetItem* parent = item->parent();
        const int index =
            parent ? parent->indexOfChild(item) : m_outline->indexOfTopLevelItem(item);
        const int count = parent ? parent->childCount() : m_outline->topLevelItemCount();
        if (index + 1 < count)
            next = parent ? parent->child(index + 1) : m_outline->topLevelItem(index + 1);
        else
            next = m_outline->itemAbove(item); // the sibling above, or the parent
    }
    const QString nextUid = next ? next->data(0, kUidRole).toString() : QString();
    if (m_context.run(new RemoveSectionCommand(m_context.workbench, m_context.errors, s->uid,
                                               sectionLabel(*s))))
        rebuildOutline(nextUid);
}

void DocumentsWorkspace::moveSection(int delta)
{
    const auto s = storedSection();
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
    const auto s = storedSection();
    const auto where = location();
    QTreeWidgetItem* item = m_outline->currentItem();
    if (!s || !where || !item || !m_context.writable())
        return;
    flush();
    DocumentService::Place to;
    if (inward) {
        // Under the section above it at the same level, as its last child.
        QTreeWidgetItem* parent = item->parent();
        const int index =
            parent ? parent->indexOfChild(item) : m_outline->indexOfTopLevelItem(item);
        if (index < 1)
            return;
        QTreeWidgetItem* above =
            parent ? parent->child(index - 1) : m_outline->topLevelItem(index - 1);
        to.parentUid = above->data(0, kUidRole).toString();
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
            tr("“%1” is not PDF, ODT, HTML or Markdown.").arg(QFileInfo(path).fileName()));
    return documents::renderToFile(*m_context.workbench, currentDocument(), *f, path);
}

void DocumentsWorkspace::exportDocument()
{
    const auto d = document();
    if (!d)
        return;
    const QString filters =
        tr("PDF document (*.pdf);;OpenDocument text (*.odt);;Web page (*.html);;Markdown (*.md)");
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Document"), documents::suggestedFileName(*d, documents::Format::Pdf),
        filters, &selected);
    if (path.isEmpty())
        return;
    QString format = QFileInfo(path).suffix();
    if (!documents::formatFromName(format))
        format = selected.section(QStringLiteral("*."), 1).section(QLatin1Char(')'), 0, 0);
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
    BatchExportDialog dialog(*m_context.workbench, m_programme,
                             d ? d->kind : QStringLiteral("report"), this);
    dialog.exec();
}

} // namespace fwb::app
