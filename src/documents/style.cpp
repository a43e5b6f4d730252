#include "documents/style.h"

#include <QDate>
#include <QDateTime>
#include <cmath>

namespace fwb::documents::style {

const QLocale& english()
{
    static const QLocale l(QLocale::English, QLocale::UnitedKingdom);
    return l;
}

QFont bodyFont(qreal pointSize)
{
    QFont f;
    // Liberation Sans has Arial's metrics, the face the inspectorate's reports are set in.
    f.setFamilies({QStringLiteral("Liberation Sans"), QStringLiteral("Arial"),
                   QStringLiteral("DejaVu Sans")});
    f.setPointSizeF(pointSize);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

QColor ink()
{
    return QColor(0x1a, 0x1a, 0x1a);
}
QColor accent()
{
    return QColor(0x1d, 0x3a, 0x6b);
}
QColor national()
{
    return QColor(0x9a, 0xa7, 0xb8);
}
QColor muted()
{
    return QColor(0x55, 0x5d, 0x66);
}
QColor rule()
{
    return QColor(0xc3, 0xc9, 0xd1);
}
QColor shade()
{
    return QColor(0xf0, 0xf3, 0xf7);
}
QColor embargo()
{
    return QColor(0xb0, 0x10, 0x1e);
}

QColor gradeBackground(const QString& gradeCode, int rank)
{
    if (gradeCode == QLatin1String("outstanding") || (gradeCode.isEmpty() && rank == 1))
        return QColor(0x1b, 0x78, 0x37);
    if (gradeCode == QLatin1String("good") || rank == 2)
        return QColor(0x3f, 0x8f, 0x4a);
    if (gradeCode == QLatin1String("requires-improvement") || rank == 3)
        return QColor(0xf1, 0xa3, 0x40);
    if (gradeCode == QLatin1String("inadequate") || rank == 4)
        return QColor(0xc6, 0x28, 0x28);
    if (rank == 1)
        return QColor(0x1b, 0x78, 0x37);
    return QColor(0x6b, 0x75, 0x80);
}

QColor gradeForeground(const QString& gradeCode, int rank)
{
    return gradeBackground(gradeCode, rank).lightnessF() > 0.6 ? QColor(0x3a, 0x24, 0x00)
                                                               : QColor(Qt::white);
}

QString longDate(const QString& iso, bool monthOnly)
{
    const QDate d = QDate::fromString(iso.left(10), Qt::ISODate);
    if (!d.isValid())
        return iso;
    return english().toString(d, monthOnly ? QStringLiteral("MMMM yyyy")
                                           : QStringLiteral("d MMMM yyyy"));
}

QString embargoTime(const QString& iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (!t.isValid())
        return iso;
    return english().toString(t, QStringLiteral("HH:mm 'on' dddd d MMMM yyyy"));
}

QString embargoPhrase(const QString& iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (!t.isValid())
        return iso;
    return english().toString(t, QStringLiteral("dddd d MMMM yyyy 'at' HH:mm"));
}

QString number(double value)
{
    if (std::abs(value - std::round(value)) < 1e-9)
        return english().toString(qint64(std::llround(value)));
    return english().toString(value, 'f', 1);
}

} // namespace fwb::documents::style
