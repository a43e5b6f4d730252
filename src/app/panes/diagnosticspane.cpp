#include "app/panes/diagnosticspane.h"
#include "app/panes/safetextbrowser.h"

#include "core/reader.h"
#include "core/workbench.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace fwb::app {

DiagnosticsPane::DiagnosticsPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("diagnosticsPane"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("diagnosticsTree"));
    m_tree->setAccessibleName(tr("Problems"));
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setHeaderLabels({tr("Severity"), tr("Rule"), tr("Place"), tr("Problem")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, 90);
    m_tree->setColumnWidth(1, 190);
    m_tree->setColumnWidth(2, 260);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(600);
    connect(&m_timer, &QTimer::timeout, this, &DiagnosticsPane::runNow);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const int i = item ? item->data(0, Qt::UserRole).toInt() : -1;
        if (i >= 0 && i < m_problems.size())
            Q_EMIT problemActivated(m_problems[i]);
    });
}

void DiagnosticsPane::setWorkbench(Workbench* workbench)
{
    if (m_workbench)
        disconnect(m_workbench, nullptr, this, nullptr);
    m_workbench = workbench;
    ++m_generation; // results of a check of the old workbench are dropped
    m_problems.clear();
    m_tree->clear();
    m_summary->clear();
    if (workbench)
        connect(workbench, &Workbench::changed, this, [this] { m_timer.start(); });
}

void DiagnosticsPane::setPlace(const QString& programme, const QString& force, bool now)
{
    if (programme == m_programme && force == m_force && !now)
        return;
    m_programme = programme;
    m_force = force;
    if (now)
        runNow();
    else
        m_timer.start();
}

int DiagnosticsPane::errorCount() const
{
    int n = 0;
    for (const checks::Problem& p : m_problems)
        n += p.severity == checks::Severity::Error ? 1 : 0;
    return n;
}

int DiagnosticsPane::warningCount() const
{
    return int(m_problems.size()) - errorCount();
}

void DiagnosticsPane::runNow()
{
    m_timer.stop();
    const int generation = ++m_generation;
    if (!m_workbench || m_programme.isEmpty() || m_force.isEmpty()) {
        show({}, generation);
        return;
    }
    // Reading is quick and needs the workbench's connection: here. The rules are pure: elsewhere.
    auto context = checks::CheckContext::load(*m_workbench, m_programme, m_force);
    if (!context) {
        spdlog::warn("cannot check {} {}: {}", m_programme.toStdString(), m_force.toStdString(),
                     context.error().message.toStdString());
        show({}, generation);
        return;
    }
    m_running = true;
    QPointer<DiagnosticsPane> self(this);
    QThreadPool::globalInstance()->start([self, generation, c = std::move(context).value()] {
        QList<checks::Problem> problems = checks::checkAll(c);
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self,
            [self, problems, generation] {
                if (self)
                    self->show(problems, generation);
            },
            Qt::QueuedConnection);
    });
}

void DiagnosticsPane::show(const QList<checks::Problem>& problems, int generation)
{
    if (generation != m_generation)
        return; // a newer check is on its way
    m_running = false;
    m_problems = problems;
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [](const checks::Problem& a, const checks::Problem& b) {
                         return int(a.severity) < int(b.severity);
                     });
    m_tree->clear();
    QStyle* style = QApplication::style();
    for (int i = 0; i < m_problems.size(); ++i) {
        const checks::Problem& p = m_problems[i];
        auto* item = new QTreeWidgetItem(
            m_tree, {checks::severityName(p.severity), p.rule, p.place(), p.message});
        item->setIcon(0, style->standardIcon(p.severity == checks::Severity::Error
                                                 ? QStyle::SP_MessageBoxCritical
                                                 : QStyle::SP_MessageBoxWarning));
        item->setToolTip(3, plainToolTip(p.message));
        item->setData(0, Qt::UserRole, i);
    }
    const int errors = errorCount(), warnings = warningCount();
    QString where = m_force;
    if (m_workbench)
        if (const auto f = m_workbench->reader().force(m_force))
            if (const auto p = m_workbench->reader().programme(m_programme))
                where = f->name + QStringLiteral(", ") + p->label();
    m_summary->setText(
        m_force.isEmpty()
            ? tr("Choose a force to check its text against its data.")
            : tr("%1 · %2 · %3")
                  .arg(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors),
                       warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings), where));
    Q_EMIT finished();
}

} // namespace fwb::app
