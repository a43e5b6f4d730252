#include "app/review/reviewrecordpanes.h"

#include "core/services/review.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fwb::app {

ChangesSincePane::ChangesSincePane(QWidget* parent) : QWidget(parent)
{
    m_view = new QTextBrowser(this);
    m_view->setObjectName(u"changes"_s);
    m_view->setAccessibleName(tr("Changes since sent"));
    m_changedOnly = new QCheckBox(tr("Only what &changed"), this);
    m_changedOnly->setChecked(true);
    connect(m_changedOnly, &QCheckBox::toggled, this, &ChangesSincePane::changedOnlyToggled);
    auto* exportButton = new QPushButton(tr("E&xport as PDF…"), this);
    exportButton->setObjectName(u"exportChanges"_s);
    connect(exportButton, &QPushButton::clicked, this, &ChangesSincePane::exportRequested);
    auto* row = new QHBoxLayout;
    row->addWidget(m_changedOnly);
    row->addStretch();
    row->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(row);
}

bool ChangesSincePane::changedOnly() const
{
    return m_changedOnly->isChecked();
}

ReviewHistoryPane::ReviewHistoryPane(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(u"history"_s);
    setAccessibleName(tr("History"));
    setHeaderLabels({tr("When"), tr("Who"), tr("From"), tr("To"), tr("Why")});
    setRootIsDecorated(false);
    setColumnWidth(0, 140);
    setColumnWidth(1, 100);
    setColumnWidth(2, 200);
    setColumnWidth(3, 200);
}

void ReviewHistoryPane::setChanges(const QList<StatusChange>& changes)
{
    clear();
    for (const StatusChange& c : changes)
        new QTreeWidgetItem(this,
                            {c.at.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')), c.actor,
                             fwb::statusLabel(c.from), fwb::statusLabel(c.to), c.reason});
}

} // namespace fwb::app
