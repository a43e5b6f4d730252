#pragma once
// FindingDelegate: a finding in the list — a rule in its kind's colour, the kind and status in
// small capitals above, and the first lines of its text.

#include <QStyledItemDelegate>

namespace fwb::app {

class FindingDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace fwb::app
