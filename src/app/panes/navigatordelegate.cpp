#include "app/panes/navigatordelegate.h"

#include "app/models/kindstyle.h"
#include "app/models/navigatormodel.h"
#include "core/domain/types.h"

#include <QApplication>
#include <QPainter>

namespace fwb::app {

QSize NavigatorDelegate::sizeHint(const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(size.height() + 8);
    if (index.column() == NavigatorModel::FindingsColumn)
        size.setWidth(size.width() + 12);
    return size;
}

void NavigatorDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    const QVariantMap counts = index.data(NavigatorModel::CountsRole).toMap();
    if (index.column() != NavigatorModel::FindingsColumn || counts.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString prefix =
        index.data(NavigatorModel::IncompleteRole).toBool() ? tr("no judgment · ") : QString();
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter,
                       widget); // background, selection, focus

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor plain = selected ? opt.palette.color(group, QPalette::HighlightedText)
                                  : KindStyle::mutedText(opt.palette);
    QRect rect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, 0, 0);
    painter->save();
    painter->setFont(opt.font);
    auto draw = [&](const QString& text, const QColor& colour) {
        painter->setPen(colour);
        painter->drawText(rect, Qt::AlignVCenter | Qt::AlignLeft, text);
        rect.setLeft(rect.left() + opt.fontMetrics.horizontalAdvance(text));
    };
    if (!prefix.isEmpty())
        draw(prefix, plain);
    bool first = true;
    for (const QString& kind : findingKinds()) {
        const int n = counts.value(kind).toInt();
        if (!n)
            continue;
        draw((first ? QString() : QStringLiteral(" ")) + QString::number(n) + QLatin1Char(' '),
             plain);
        draw(KindStyle::symbol(kind), selected ? plain : KindStyle::colour(kind));
        first = false;
    }
    painter->restore();
}

} // namespace fwb::app
