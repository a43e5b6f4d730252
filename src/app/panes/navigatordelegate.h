#pragma once
// NavigatorDelegate: roomier navigator rows, and the findings column drawn with each kind's symbol
// in its colour ("3 ▲ 2 ▼" with a green ▲ and an amber ▼). The text is the model's, so copying
// and accessibility see the same thing.

#include <QStyledItemDelegate>

namespace fwb::app {

class NavigatorDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace fwb::app
