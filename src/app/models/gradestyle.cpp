#include "app/models/gradestyle.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace fwb::app {
namespace {

constexpr qreal kScale = 2.0; // badges are drawn at twice their size so they stay crisp on HiDPI

QPixmap canvas()
{
    QPixmap pixmap(GradeStyle::badgeSize() * kScale);
    pixmap.setDevicePixelRatio(kScale);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

QRectF badgeRect()
{
    return QRectF(QPointF(0.5, 0.5), QSizeF(GradeStyle::badgeSize()) - QSizeF(1, 1));
}

} // namespace

QColor GradeStyle::background(const QString& gradeCode, int rank)
{
    if (gradeCode == QLatin1String("outstanding"))
        return QColor(0x1b, 0x78, 0x37);
    if (gradeCode == QLatin1String("good"))
        return QColor(0x5a, 0xae, 0x61);
    if (gradeCode == QLatin1String("requires-improvement"))
        return QColor(0xf1, 0xa3, 0x40);
    if (gradeCode == QLatin1String("inadequate"))
        return QColor(0xd7, 0x30, 0x27);
    switch (rank) {
    case 1:
        return QColor(0x1b, 0x78, 0x37);
    case 2:
        return QColor(0x5a, 0xae, 0x61);
    case 3:
        return QColor(0xf1, 0xa3, 0x40);
    case 4:
        return QColor(0xd7, 0x30, 0x27);
    default:
        return QColor(0x8a, 0x94, 0xa0);
    }
}

QColor GradeStyle::foreground(const QString& gradeCode, int rank)
{
    // Amber is too light for white letters; the others carry white well.
    const QColor bg = background(gradeCode, rank);
    return bg.lightnessF() > 0.6 ? QColor(0x3a, 0x24, 0x00) : QColor(Qt::white);
}

QString GradeStyle::letters(const QString& gradeCode, const QString& label)
{
    if (gradeCode == QLatin1String("outstanding"))
        return QStringLiteral("O");
    if (gradeCode == QLatin1String("good"))
        return QStringLiteral("G");
    if (gradeCode == QLatin1String("requires-improvement"))
        return QStringLiteral("RI");
    if (gradeCode == QLatin1String("inadequate"))
        return QStringLiteral("I");
    QString initials;
    const QStringList words = label.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words)
        if ((word.front().isLetter() && word.front().isUpper()) || initials.isEmpty())
            initials += word.front().toUpper();
    return initials.left(2);
}

QIcon GradeStyle::badgeIcon(const QString& gradeCode, const QString& label, int rank)
{
    static QHash<QString, QIcon> cache;
    const QString key =
        gradeCode + QLatin1Char('|') + label + QLatin1Char('|') + QString::number(rank);
    if (auto it = cache.constFind(key); it != cache.cend())
        return *it;
    QPixmap pixmap = canvas();
    {
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(background(gradeCode, rank));
        p.drawRoundedRect(badgeRect(), 4, 4);
        QFont font = p.font();
        font.setPixelSize(10);
        font.setBold(true);
        p.setFont(font);
        p.setPen(foreground(gradeCode, rank));
        p.drawText(badgeRect(), Qt::AlignCenter, letters(gradeCode, label));
    }
    // The same pixmap when selected: the style's selection tint would wash the grade colour out.
    QIcon icon(pixmap);
    icon.addPixmap(pixmap, QIcon::Selected);
    cache.insert(key, icon);
    return icon;
}

QIcon GradeStyle::missingIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap = canvas();
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        QPen pen(QColor(0x9a, 0xa3, 0xad));
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.0);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(badgeRect().adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        QFont font = p.font();
        font.setPixelSize(10);
        font.setBold(true);
        p.setFont(font);
        p.drawText(badgeRect(), Qt::AlignCenter, QStringLiteral("?"));
        p.end();
        return QIcon(pixmap);
    }();
    return icon;
}

QIcon GradeStyle::blankIcon()
{
    static const QIcon icon(canvas());
    return icon;
}

} // namespace fwb::app
