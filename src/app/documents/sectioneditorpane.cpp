#include "app/documents/sectioneditorpane.h"

#include "app/documents/documentcommands.h"
#include "app/documents/sectiondata.h"
#include "app/drafting/markdownedit.h"
#include "core/services/documents.h"
#include "core/workbench.h"

#include "ui_sectioneditorpane.h"

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

void addQuestions(QComboBox* box, const QList<Question>& list, int depth)
{
    for (const Question& q : list) {
        box->addItem(QString(depth * 2, QLatin1Char(' ')) + q.code + u"  "_s + q.label(), q.code);
        addQuestions(box, q.children, depth + 1);
    }
}

bool usesQuestionFor(const Section& s)
{
    return !s.questionCode.isEmpty() || s.kind == u"findings"_s || s.kind == u"judgment"_s ||
           s.kind == u"overview"_s || s.kind == u"areas_for_improvement"_s;
}

bool usesFigureFor(const Section& s)
{
    return s.kind == u"metrics_table"_s || s.kind == u"chart"_s;
}

} // namespace

SectionEditorPane::SectionEditorPane(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SectionEditorPane>())
{
    m_ui->setupUi(this);
    setObjectName(u"sectionEditorPane"_s);
    connect(m_ui->sectionTitle, &QLineEdit::textEdited, this, &SectionEditorPane::scheduleSave);
    connect(m_ui->sectionTitle, &QLineEdit::editingFinished, this, &SectionEditorPane::save);
    connect(m_ui->sectionQuestion, &QComboBox::activated, this, [this] {
        scheduleSave();
        save();
    });
    connect(m_ui->sectionFigure, &QLineEdit::textEdited, this, &SectionEditorPane::scheduleSave);
    connect(m_ui->sectionFigure, &QLineEdit::editingFinished, this, &SectionEditorPane::save);
    connect(m_ui->editData, &QToolButton::clicked, this, [this] {
        if (m_context && m_context->workbench)
            if (const auto s = storedSection(*m_context->workbench, m_document, m_section))
                Q_EMIT editDataRequested(*s);
    });
    connect(m_ui->sectionBody, &MarkdownEdit::edited, this, &SectionEditorPane::scheduleSave);
    connect(m_ui->sectionBody, &MarkdownEdit::editingFinished, this, &SectionEditorPane::save);
    load(std::nullopt, std::nullopt);
}

SectionEditorPane::~SectionEditorPane() = default;

QLineEdit* SectionEditorPane::titleEdit() const
{
    return m_ui->sectionTitle;
}

MarkdownEdit* SectionEditorPane::bodyEditor() const
{
    return m_ui->sectionBody;
}

QTextBrowser* SectionEditorPane::dataView() const
{
    return m_ui->sectionData;
}

bool SectionEditorPane::hasEditingFocus() const
{
    return m_ui->sectionBody->textEdit()->hasFocus() || m_ui->sectionTitle->hasFocus();
}

void SectionEditorPane::focusHeading()
{
    m_ui->sectionTitle->setFocus();
    m_ui->sectionTitle->selectAll();
}

void SectionEditorPane::setQuestions(const QList<Question>& questions)
{
    m_loading = true;
    m_ui->sectionQuestion->clear();
    addQuestions(m_ui->sectionQuestion, questions, 0);
    m_loading = false;
}

void SectionEditorPane::load(const std::optional<Document>& document,
                             const std::optional<Section>& section)
{
    m_saver.cancel();
    m_dirty = false;
    ++m_session; // what is typed next is a new undo step
    m_document = document ? document->uid : QString();
    m_section = section ? section->uid : QString();
    m_loading = true;
    Ui::SectionEditorPane& ui = *m_ui;
    ui.sectionTitle->setEnabled(section.has_value());
    ui.sectionBody->setEnabled(section.has_value());
    if (!section) {
        ui.kindLabel->setText(document ? tr("Choose a section in the outline.") : QString());
        ui.sectionTitle->clear();
        ui.sectionBody->setMarkdown({});
        ui.boundRow->hide();
        ui.sectionData->hide();
        m_loading = false;
        return;
    }
    const Section& s = *section;
    const bool bound = isBoundKind(s.kind);
    m_usesQuestion = usesQuestionFor(s);
    m_usesFigure = usesFigureFor(s);
    ui.kindLabel->setText(
        bound
            ? tr("<b>%1</b> — shows the workbench’s data; the text below is printed after it")
                  .arg(sectionKindLabel(s.kind))
            : tr("<b>Narrative</b> — text of its own (Markdown; footnotes as [^1] … [^1]: note)"));
    ui.sectionTitle->setText(s.title);
    ui.boundRow->setVisible(m_usesQuestion || m_usesFigure);
    ui.sectionQuestion->setVisible(m_usesQuestion);
    ui.questionLabel->setVisible(m_usesQuestion);
    ui.sectionQuestion->setCurrentIndex(ui.sectionQuestion->findData(s.questionCode));
    ui.sectionFigure->setVisible(m_usesFigure);
    ui.figureLabel->setVisible(m_usesFigure);
    ui.sectionFigure->setText(s.figure);
    ui.editData->setVisible(m_usesQuestion || m_usesFigure);
    ui.sectionData->setVisible(bound);
    ui.bodyLabel->setText(bound ? tr("Text after the data (sources, notes):") : tr("Text:"));
    ui.sectionBody->setMarkdown(s.body);
    if (bound && document && m_context && m_context->workbench)
        ui.sectionData->setHtml(sectionDataHtml(*m_context->workbench, *document, s));
    m_loading = false;
}

void SectionEditorPane::refreshData(const Document& document)
{
    if (!m_context || !m_context->workbench || m_section.isEmpty() ||
        !m_ui->sectionData->isVisible())
        return;
    if (const auto s = storedSection(*m_context->workbench, m_document, m_section))
        m_ui->sectionData->setHtml(sectionDataHtml(*m_context->workbench, document, *s));
}

void SectionEditorPane::setWritable(bool writable, const QString& why)
{
    m_ui->sectionBody->setToolTip(why);
    m_ui->sectionTitle->setReadOnly(!writable);
    m_ui->sectionBody->setReadOnly(!writable);
}

void SectionEditorPane::scheduleSave()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_saver.edited();
    Q_EMIT edited();
}

void SectionEditorPane::discard()
{
    m_saver.cancel();
    m_dirty = false;
}

void SectionEditorPane::save()
{
    m_saver.cancel();
    if (!m_dirty)
        return;
    m_dirty = false;
    if (!m_context || !m_context->writable())
        return;
    // The section the editor was loaded with, even if another is selected by now.
    const auto before = storedSection(*m_context->workbench, m_document, m_section);
    if (!before)
        return;
    Section after = *before;
    after.title = m_ui->sectionTitle->text().trimmed();
    after.body = m_ui->sectionBody->markdown();
    if (m_usesQuestion && m_ui->sectionQuestion->currentIndex() >= 0)
        after.questionCode = m_ui->sectionQuestion->currentData().toString();
    if (m_usesFigure)
        after.figure = m_ui->sectionFigure->text().trimmed();
    if (after.title == before->title && after.body == before->body &&
        after.questionCode == before->questionCode && after.figure == before->figure)
        return;
    m_saving = true;
    m_context->run(
        new EditSectionCommand(m_context->workbench, m_context->errors, *before, after, m_session));
    m_saving = false;
}

} // namespace fwb::app
