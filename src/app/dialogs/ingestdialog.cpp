#include "app/dialogs/ingestdialog.h"
#include "app/panes/safetextbrowser.h"

#include "core/workbench.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fwb::app {

IngestDialog::IngestDialog(Workbench* workbench, IngestPlan plan, const QString& reportName,
                           QWidget* parent)
    : QDialog(parent), m_workbench(workbench), m_plan(std::move(plan))
{
    setObjectName(QStringLiteral("ingestDialog"));
    setWindowTitle(tr("Import Published Report"));
    resize(900, 600);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("ingestFound"));
    m_tree->setHeaderLabels({tr("Found"), tr("Question"), tr("Line"), tr("Text")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, 200);
    m_tree->setColumnWidth(1, 80);
    m_tree->setColumnWidth(2, 60);
    m_tree->setRootIsDecorated(true);

    auto* judgments =
        new QTreeWidgetItem(m_tree, {tr("Judgments (%1)").arg(m_plan.judgments.size())});
    for (const IngestedJudgment& j : m_plan.judgments) {
        auto* item =
            new QTreeWidgetItem(judgments, {j.gradeLabel, j.questionCode, QString::number(j.line),
                                            j.summary.left(200).simplified()});
        item->setToolTip(3, plainToolTip(j.summary.left(1200)));
    }
    auto* areas = new QTreeWidgetItem(
        m_tree, {tr("Areas for improvement (%1)").arg(m_plan.areasForImprovement.size())});
    for (const IngestedFinding& a : m_plan.areasForImprovement)
        new QTreeWidgetItem(
            areas, {tr("Area for improvement"), a.questionCode, QString::number(a.line), a.text});
    if (!m_plan.problems.isEmpty()) {
        auto* problems =
            new QTreeWidgetItem(m_tree, {tr("Not recognised (%1)").arg(m_plan.problems.size())});
        problems->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        for (const QString& p : m_plan.problems)
            new QTreeWidgetItem(problems, {tr("Problem"), QString(), QString(), p});
    }
    m_tree->expandAll();

    m_summary->setText(
        m_plan.ok()
            ? tr("%1 reads as the report on %2: %3 judgments and %4 areas for improvement. "
                 "Nothing is written until you choose Write.")
                  .arg(reportName, m_plan.forceName)
                  .arg(m_plan.judgments.size())
                  .arg(m_plan.areasForImprovement.size())
            : tr("%1 could not be read in full; nothing can be written until what is listed under "
                 "\"Not recognised\" is put right in the text.")
                  .arg(reportName));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* writeButton =
        m_buttons->addButton(tr("&Write to the Workbench"), QDialogButtonBox::AcceptRole);
    writeButton->setObjectName(QStringLiteral("ingestWrite"));
    writeButton->setEnabled(m_plan.ok() && m_workbench && !m_workbench->isReadOnly());
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (write())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_buttons);
}

QPushButton* IngestDialog::writeButton() const
{
    return findChild<QPushButton*>(QStringLiteral("ingestWrite"));
}

bool IngestDialog::write()
{
    if (!m_workbench)
        return false;
    auto r = applyIngest(*m_workbench, m_plan);
    if (!r) {
        m_error = r.error().message;
        m_summary->setText(tr("Nothing was written: %1").arg(m_error));
        return false;
    }
    return true;
}

} // namespace fwb::app
