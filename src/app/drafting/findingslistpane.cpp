#include "app/drafting/findingslistpane.h"

#include "app/drafting/findingdelegate.h"
#include "app/drafting/findingsmodel.h"
#include "core/domain/types.h"
#include "core/services/review.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

QToolButton* button(QAction* action, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAutoRaise(true);
    return b;
}

} // namespace

FindingsListPane::FindingsListPane(FindingsModel* model, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    setObjectName(u"findingsListPane"_s);
    m_add = new QAction(tr("&Add Finding"), this);
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_add->setToolTip(tr("Add a finding after the selected one (%1)")
                          .arg(m_add->shortcut().toString(QKeySequence::NativeText)));
    m_delete = new QAction(tr("&Delete Finding"), this);
    m_delete->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    m_up = new QAction(tr("Move &Up"), this);
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = new QAction(tr("Move Do&wn"), this);
    m_down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_moveTo = new QAction(tr("Move to &Question…"), this);
    m_moveTo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));

    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(u"kindFilter"_s);
    m_kindFilter->setAccessibleName(tr("Show findings of kind"));
    m_kindFilter->addItem(tr("All kinds"), QString());
    for (const QString& k : findingKinds())
        m_kindFilter->addItem(findingKindPluralLabel(k), k);
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(u"statusFilter"_s);
    m_statusFilter->setAccessibleName(tr("Show findings with status"));
    m_statusFilter->addItem(tr("Any status"), QString());
    for (const QString& s : statuses())
        m_statusFilter->addItem(statusLabel(s), s);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"findingsCount"_s);
    m_countLabel->setStyleSheet(u"color: palette(dark);"_s);

    m_list = new QListView(this);
    m_list->setObjectName(u"findingsList"_s);
    m_list->setAccessibleName(tr("Findings"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new FindingDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDropIndicatorShown(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setAlternatingRowColors(true);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT currentFindingChanged(currentUid()); });

    auto filter = [this] {
        m_model->setFilter(m_kindFilter->currentData().toString(),
                           m_statusFilter->currentData().toString());
        updateCount();
        Q_EMIT filterChanged();
    };
    connect(m_kindFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, filter);
    connect(m_statusFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, filter);
    // The count follows the rows as they come and go.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FindingsListPane::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FindingsListPane::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindingsListPane::updateCount);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_kindFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_countLabel, 1);
    for (QAction* a : {m_add, m_up, m_down, m_moveTo, m_delete})
        filters->addWidget(button(a, this));
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    setTabOrder(m_kindFilter, m_statusFilter);
    setTabOrder(m_statusFilter, m_list);
}

QString FindingsListPane::currentUid() const
{
    const auto f = m_model->finding(m_list->currentIndex().row());
    return f ? f->uid : QString();
}

bool FindingsListPane::setCurrentUid(const QString& uid)
{
    const int row = m_model->rowOf(uid);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    m_list->scrollTo(m_model->index(row, 0));
    return true;
}

void FindingsListPane::updateCount()
{
    const int total = m_model->totalCount();
    const QString findings = total == 1 ? tr("1 finding") : tr("%1 findings").arg(total);
    m_countLabel->setText(m_model->isFiltered()
                              ? tr("%1 shown of %2").arg(m_model->rowCount()).arg(findings)
                              : findings);
}

} // namespace fwb::app
