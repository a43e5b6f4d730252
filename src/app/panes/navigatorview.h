#pragma once
// NavigatorView: the left-hand tree over a NavigatorModel. It keeps the person's place — the
// current row and the expanded branches — across the model's reloads, and announces the current
// row as a NavigatorKey.

#include "app/models/navigatornode.h"

#include <QList>
#include <QTreeView>

namespace fwb::app {

class NavigatorModel;

class NavigatorView : public QTreeView {
    Q_OBJECT
public:
    explicit NavigatorView(NavigatorModel* model, QWidget* parent = nullptr);

    NavigatorModel* navigatorModel() const { return m_model; }
    NavigatorKey currentKey() const;

public Q_SLOTS:
    // Makes `key` (or its nearest ancestor in the tree) current, expanding the way to it.
    void selectKey(const fwb::app::NavigatorKey& key);
    // Expands the first programme that has forces and selects its first force; else the first row.
    void selectFirstForce();

Q_SIGNALS:
    void currentKeyChanged(const fwb::app::NavigatorKey& key);

private:
    void saveState();
    void restoreState();
    void collectExpanded(const QModelIndex& parent);

    NavigatorModel* m_model;
    NavigatorKey m_savedCurrent;
    QList<NavigatorKey> m_savedExpanded;
};

} // namespace fwb::app
