#include "app/drafting/findingdelegate.h"

#include "app/drafting/findingsmodel.h"
#include "app/models/kindstyle.h"
#include "core/domain/types.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace fwb::app {
namespace {
constexpr int kMargin = 6, kRule = 4, kTextLines = 3;
}

void FindingDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and selection

    painter->save();
    const QString kind = index.data(FindingsModel::KindRole).toString();
    const QRect r = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    painter->fillRect(QRect(r.left(), r.top(), kRule, r.height()), KindStyle::colour(kind));

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor textColour =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    small.setBold(true);
    const QFontMetrics sm(small);
    const int x = r.left() + kRule + kMargin;
    const int width = r.right() - x;
    painter->setFont(small);
    painter->setPen(selected ? textColour : KindStyle::colour(kind).darker(115));
    const int position = index.data(FindingsModel::PositionRole).toInt();
    const QString status = index.data(FindingsModel::StatusRole).toString();
    QString head = QStringLiteral("%1  %2").arg(position).arg(findingKindLabel(kind).toUpper());
    if (status != QLatin1String("draft"))
        head += QStringLiteral("  ·  ") + status.toUpper();
    const int cited = int(index.data(FindingsModel::EvidenceRole).toStringList().size());
    if (cited > 0)
        head +=
            QStringLiteral("  ·  ") +
            (cited == 1
                 ? QCoreApplication::translate("FindingDelegate", "1 SAMPLE CITED")
                 : QCoreApplication::translate("FindingDelegate", "%1 SAMPLES CITED").arg(cited));
    painter->drawText(QRect(x, r.top(), width, sm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      sm.elidedText(head, Qt::ElideRight, width));

    // Up to three lines of text, the last elided.
    painter->setFont(option.font);
    painter->setPen(textColour);
    const QFontMetrics fm(option.font);
    QTextLayout layout(text, option.font);
    layout.beginLayout();
    int y = r.top() + sm.height() + 2;
    for (int n = 0; n < kTextLines; ++n) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (n == kTextLines - 1 && line.textStart() + line.textLength() < text.size()) {
            const QString rest = text.mid(line.textStart());
            painter->drawText(QPoint(x, y + fm.ascent()),
                              fm.elidedText(rest, Qt::ElideRight, width));
        } else {
            line.draw(painter, QPointF(x, y));
        }
        y += fm.lineSpacing();
    }
    layout.endLayout();
    painter->restore();
}

QSize FindingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics fm(option.font);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const int width =
        qMax(200, option.rect.width() > 0 ? option.rect.width() : 400) - 3 * kMargin - kRule;
    const QString text = index.data(Qt::DisplayRole).toString();
    const int lines =
        qBound(1,
               fm.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text).height() /
                   fm.lineSpacing(),
               kTextLines);
    return {width, QFontMetrics(small).height() + 2 + lines * fm.lineSpacing() + kMargin + 2};
}

} // namespace fwb::app
