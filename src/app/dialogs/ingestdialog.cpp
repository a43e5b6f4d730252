#include "app/dialogs/ingestdialog.h"
#include "ui_ingestdialog.h"

#include "app/panes/safetextbrowser.h"
#include "core/workbench.h"

#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace fwb::app {

IngestDialog::IngestDialog(Workbench* workbench, IngestPlan plan, const QString& reportName,
                           QWidget* parent)
    : QDialog(parent), m_workbench(workbench), m_plan(std::move(plan)),
      m_ui(std::make_unique<Ui::IngestDialog>())
{
    m_ui->setupUi(this);
    QTreeWidget* tree = m_ui->ingestFound;
    tree->setColumnWidth(0, 200);
    tree->setColumnWidth(1, 80);
    tree->setColumnWidth(2, 60);

    auto* judgments =
        new QTreeWidgetItem(tree, {tr("Judgments (%1)").arg(m_plan.judgments.size())});
    for (const IngestedJudgment& j : m_plan.judgments) {
        auto* item =
            new QTreeWidgetItem(judgments, {j.gradeLabel, j.questionCode, QString::number(j.line),
                                            j.summary.left(200).simplified()});
        item->setToolTip(3, plainToolTip(j.summary.left(1200)));
    }
    auto* areas = new QTreeWidgetItem(
        tree, {tr("Areas for improvement (%1)").arg(m_plan.areasForImprovement.size())});
    for (const IngestedFinding& a : m_plan.areasForImprovement)
        new QTreeWidgetItem(
            areas, {tr("Area for improvement"), a.questionCode, QString::number(a.line), a.text});
    if (!m_plan.problems.isEmpty()) {
        auto* problems =
            new QTreeWidgetItem(tree, {tr("Not recognised (%1)").arg(m_plan.problems.size())});
        problems->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        for (const QString& p : m_plan.problems)
            new QTreeWidgetItem(problems, {tr("Problem"), QString(), QString(), p});
    }
    tree->expandAll();

    m_ui->summary->setText(
        m_plan.ok()
            ? tr("%1 reads as the report on %2: %3 judgments and %4 areas for improvement. "
                 "Nothing is written until you choose Write.")
                  .arg(reportName, m_plan.forceName)
                  .arg(m_plan.judgments.size())
                  .arg(m_plan.areasForImprovement.size())
            : tr("%1 could not be read in full; nothing can be written until what is listed under "
                 "\"Not recognised\" is put right in the text.")
                  .arg(reportName));
    m_write = m_ui->buttons->addButton(tr("&Write to the Workbench"), QDialogButtonBox::AcceptRole);
    m_write->setObjectName(u"ingestWrite"_s);
    m_write->setEnabled(m_plan.ok() && m_workbench && !m_workbench->isReadOnly());
    if (m_workbench && m_workbench->isReadOnly())
        m_write->setToolTip(tr("The workbench is open read-only"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, [this] {
        if (write())
            accept();
    });
}

IngestDialog::~IngestDialog() = default;

QTreeWidget* IngestDialog::tree() const
{
    return m_ui->ingestFound;
}

QLabel* IngestDialog::summaryLabel() const
{
    return m_ui->summary;
}

bool IngestDialog::write()
{
    if (!m_workbench)
        return false;
    auto r = applyIngest(*m_workbench, m_plan);
    if (!r) {
        m_error = r.error().message;
        m_ui->summary->setText(tr("Nothing was written: %1").arg(m_error));
        return false;
    }
    return true;
}

} // namespace fwb::app
