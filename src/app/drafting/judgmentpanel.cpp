#include "app/drafting/judgmentpanel.h"

#include "app/drafting/markdownedit.h"
#include "app/models/gradestyle.h"
#include "app/review/reviewnote.h"
#include "core/reader.h"
#include "core/workbench.h"
#include "ui_judgmentpanel.h"

#include <QToolButton>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace fwb::app {

bool DraftingContext::writable() const
{
    return workbench && !workbench->isReadOnly();
}

bool DraftingContext::run(DraftCommand* command) const
{
    if (!undoStack || !writable()) {
        delete command;
        return false;
    }
    return DraftCommand::run(undoStack, command);
}

JudgmentPanel::JudgmentPanel(const DraftingContext& context, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::JudgmentPanel>()), m_context(context),
      m_saver([this] { saveSummary(); })
{
    // The static layout is the form's (ui/judgmentpanel.ui); the grades are filled from the
    // programme's scale.
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("judgmentPanel"));
    m_missing = m_ui->missingJudgment;
    m_grade = m_ui->gradeCombo;
    m_grade->setIconSize(GradeStyle::badgeSize());
    m_definition = m_ui->gradeDefinition;
    m_lastYear = m_ui->lastYearGrade;
    m_firstYear = m_ui->firstYearGraded;
    m_summary = m_ui->judgmentSummary;
    m_summary->textEdit()->setAccessibleName(tr("Judgment summary"));
    m_ui->summaryLabel->setBuddy(m_summary->textEdit());
    connect(m_ui->judgmentNote, &QToolButton::clicked, this, [this] {
        if (m_judgment && m_context.workbench)
            askForReviewNote(
                this, m_context.workbench,
                QStringLiteral("judgment:%1/%2/%3").arg(m_programme, m_force, m_question),
                m_context.errors);
    });
    setTabOrder(m_grade, m_firstYear);
    setTabOrder(m_firstYear, m_summary->textEdit());

    connect(m_grade, qOverload<int>(&QComboBox::activated), this, &JudgmentPanel::onGradeChosen);
    connect(m_grade, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &JudgmentPanel::showDefinition);
    connect(m_firstYear, &QCheckBox::toggled, this, &JudgmentPanel::onFirstYearToggled);
    connect(m_summary, &MarkdownEdit::edited, &m_saver, &SaveScheduler::edited);
    connect(m_summary, &MarkdownEdit::editingFinished, this, [this] {
        flush();
        ++m_session; // the next stretch of typing is its own undo step
    });
}

void JudgmentPanel::setPlace(const QString& programme, const QString& force,
                             const QString& question)
{
    flush();
    m_programme = programme;
    m_force = force;
    m_question = question;
    ++m_session;
    m_scale = {};
    if (m_context.workbench)
        if (const auto p = m_context.workbench->reader().programme(programme))
            if (const auto s = m_context.workbench->reader().gradeScale(p->gradeScaleCode))
                m_scale = *s;
    m_grade->clear();
    m_grade->addItem(GradeStyle::missingIcon(), tr("Not yet graded"), QString());
    for (const Grade& g : m_scale.grades)
        m_grade->addItem(GradeStyle::badgeIcon(g.code, g.label, g.rank), g.label, g.code);
    reload();
    m_summary->setMarkdown(m_judgment ? m_judgment->summary : QString());
}

void JudgmentPanel::reload()
{
    bool graded = false;
    if (m_context.workbench && !m_question.isEmpty())
        for (const Question& q : m_context.workbench->reader().questionsFlat(m_programme))
            if (q.code == m_question)
                graded = q.graded;
    setVisible(graded);
    if (graded != m_graded) {
        m_graded = graded;
        Q_EMIT gradedChanged(graded);
    }
    m_judgment.reset();
    if (!graded || !m_context.workbench)
        return;
    m_judgment = m_context.workbench->reader().judgment(m_programme, m_force, m_question);
    // Shown, not chosen: the grade answers only `activated`, the mark's signal is blocked.
    m_grade->setCurrentIndex(
        qMax(0, m_grade->findData(m_judgment ? m_judgment->gradeCode : QString())));
    {
        const QSignalBlocker blocker(m_firstYear);
        m_firstYear->setChecked(m_judgment && m_judgment->firstYearGraded);
    }
    m_missing->setVisible(!m_judgment);
    // A published judgment is locked until it is reopened in the Review tab.
    const bool locked = m_judgment && m_judgment->status == QLatin1String("published");
    const bool writable = m_context.writable() && !locked;
    m_summary->setToolTip(
        locked ? tr("Published: reopen it in the Review tab (with a reason) to change it")
               : QString());
    m_grade->setEnabled(writable);
    m_firstYear->setEnabled(writable && m_judgment);
    m_summary->setReadOnly(!writable || !m_judgment);
    m_summary->setPlaceholderText(m_judgment
                                      ? tr("The judgment summary, as it will read in the report")
                                      : tr("Choose a grade first; then write the summary here."));
    // Keep what is being typed; otherwise show what is stored (after an undo, say).
    if (!m_saver.isPending() && !(m_summary->textEdit()->hasFocus() && m_judgment &&
                                  m_summary->markdown() == m_judgment->summary))
        if (m_summary->markdown() != (m_judgment ? m_judgment->summary : QString()))
            m_summary->setMarkdown(m_judgment ? m_judgment->summary : QString());
    m_lastYear->setText(lastYearText());
    showDefinition();
}

void JudgmentPanel::showDefinition()
{
    const QString code = m_grade->currentData().toString();
    QString text;
    for (const Grade& g : m_scale.grades)
        if (g.code == code)
            text = g.definition;
    m_definition->setText(text);
    m_definition->setVisible(!text.isEmpty());
}

QString JudgmentPanel::lastYearText() const
{
    if (!m_context.workbench)
        return {};
    const auto reference = m_context.workbench->reader();
    const auto current = reference.programme(m_programme);
    if (!current)
        return {};
    // The latest earlier programme of the same kind with a judgment for this force and question.
    std::optional<Judgment> best;
    int bestYear = 0;
    for (const Programme& p : reference.programmes()) {
        if (p.code == m_programme || p.kind != current->kind || p.year >= current->year ||
            p.year <= bestYear)
            continue;
        if (auto j = m_context.workbench->reader().judgment(p.code, m_force, m_question)) {
            best = j;
            bestYear = p.year;
        }
    }
    if (!best)
        return tr("No earlier grade for this question in the workbench");
    return tr("Last graded %1: %2").arg(bestYear).arg(best->gradeLabel);
}

void JudgmentPanel::onGradeChosen(int index)
{
    if (!m_context.workbench)
        return;
    flush();
    const QString code = m_grade->itemData(index).toString();
    if (m_judgment && code == m_judgment->gradeCode)
        return;
    // Once it is stored the change record brings the panel up to date; a refused change shows
    // what is stored again.
    bool ran = true;
    if (code.isEmpty()) {
        if (m_judgment)
            ran = m_context.run(new SetJudgmentCommand(m_context.workbench, m_context.errors,
                                                       m_judgment, std::nullopt,
                                                       tr("Remove Judgment")));
    } else {
        Judgment j = m_judgment.value_or(Judgment{});
        j.programmeCode = m_programme;
        j.forceCode = m_force;
        j.questionCode = m_question;
        j.gradeCode = code;
        if (!m_judgment)
            j.summary = m_summary->markdown();
        ran = m_context.run(
            new SetJudgmentCommand(m_context.workbench, m_context.errors, m_judgment, j,
                                   tr("Set Grade to %1").arg(m_grade->itemText(index))));
    }
    if (!ran)
        reload();
}

void JudgmentPanel::onFirstYearToggled(bool on)
{
    if (!m_judgment || m_judgment->firstYearGraded == on)
        return;
    Judgment j = *m_judgment;
    j.firstYearGraded = on;
    if (!m_context.run(new SetJudgmentCommand(m_context.workbench, m_context.errors, m_judgment, j,
                                              on ? tr("Mark First Year Graded")
                                                 : tr("Clear First Year Graded"))))
        reload();
}

void JudgmentPanel::saveSummary()
{
    m_saver.cancel();
    if (!m_judgment || !m_context.workbench)
        return;
    const QString text = m_summary->markdown();
    if (text == m_judgment->summary)
        return;
    Judgment j = *m_judgment;
    j.summary = text;
    const std::optional<Judgment> before = m_judgment;
    m_judgment = j; // typing continues from here even before the reload
    m_context.run(new SetJudgmentCommand(m_context.workbench, m_context.errors, before, j,
                                         tr("Edit Judgment Summary"), m_session));
}

JudgmentPanel::~JudgmentPanel() = default;

void JudgmentPanel::applyChanges(const ChangeSet& changes)
{
    if (m_question.isEmpty())
        return;
    const QString key = m_programme + QLatin1Char('/') + m_force + QLatin1Char('/') + m_question;
    bool concerns =
        changes.isEverything() || changes.touchesAny({EntityKind::Programme, EntityKind::Question});
    bool own = !concerns;
    for (const RecordChange& c : changes.of(EntityKind::Judgment)) {
        const bool here = c.uids.isEmpty()
                              ? (c.place.programme.isEmpty() || c.place.programme == m_programme)
                              : c.uids.contains(key);
        if (!here)
            continue;
        concerns = true;
        own = own && c.wordingOnly && c.uids == QStringList{key};
    }
    if (!concerns)
        return;
    // Its own save of the summary: nothing to read back.
    if (own && m_judgment && m_summary->markdown() == m_judgment->summary)
        return;
    reload();
}

void JudgmentPanel::flush()
{
    m_saver.flush();
}

} // namespace fwb::app
