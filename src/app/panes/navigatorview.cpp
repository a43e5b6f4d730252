#include "app/panes/navigatorview.h"

#include "app/models/gradestyle.h"
#include "app/models/navigatormodel.h"
#include "app/panes/navigatordelegate.h"

#include <QHeaderView>

namespace fwb::app {

NavigatorView::NavigatorView(NavigatorModel* model, QWidget* parent)
    : QTreeView(parent), m_model(model)
{
    setObjectName(QStringLiteral("navigator"));
    setAccessibleName(tr("Navigator"));
    setAccessibleDescription(
        tr("Programmes, the forces inspected in them and the questions of each inspection"));
    setModel(model);
    setItemDelegate(new NavigatorDelegate(this));
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setIconSize(GradeStyle::badgeSize());
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setExpandsOnDoubleClick(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(NavigatorModel::LabelColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(NavigatorModel::FindingsColumn, QHeaderView::ResizeToContents);

    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &NavigatorView::saveState);
    connect(model, &QAbstractItemModel::modelReset, this, &NavigatorView::restoreState);
    connect(
        selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) { Q_EMIT currentKeyChanged(m_model->keyOf(current)); });
}

NavigatorKey NavigatorView::currentKey() const
{
    return m_model->keyOf(currentIndex());
}

void NavigatorView::selectKey(const NavigatorKey& key)
{
    const QModelIndex index = m_model->indexOf(key);
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        expand(p);
    setCurrentIndex(index);
    scrollTo(index);
}

void NavigatorView::selectFirstForce()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex programme = m_model->index(row, 0);
        if (m_model->rowCount(programme) > 0) {
            expand(programme);
            setCurrentIndex(m_model->index(0, 0, programme));
            return;
        }
    }
    if (m_model->rowCount() > 0)
        setCurrentIndex(m_model->index(0, 0));
}

void NavigatorView::saveState()
{
    m_savedCurrent = currentKey();
    m_savedExpanded.clear();
    collectExpanded({});
}

void NavigatorView::collectExpanded(const QModelIndex& parent)
{
    for (int row = 0; row < m_model->rowCount(parent); ++row) {
        const QModelIndex index = m_model->index(row, 0, parent);
        if (isExpanded(index)) {
            m_savedExpanded << m_model->keyOf(index);
            collectExpanded(index);
        }
    }
}

void NavigatorView::restoreState()
{
    for (const NavigatorKey& key : std::as_const(m_savedExpanded)) {
        const QModelIndex index = m_model->indexOf(key);
        if (index.isValid() && m_model->keyOf(index) == key)
            expand(index);
    }
    if (m_savedCurrent.isValid())
        selectKey(m_savedCurrent);
    m_savedExpanded.clear();
}

} // namespace fwb::app
