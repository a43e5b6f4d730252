#include "documents/style.h"

#include <QDate>
#include <QDateTime>
#include <algorithm>
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
    // Each with its text at a contrast of 4.5:1 or more (gradeForeground); a badge always says
    // its grade in words too, so colour is never all it says.
    if (gradeCode == QLatin1String("outstanding") || (gradeCode.isEmpty() && rank == 1))
        return QColor(0x13, 0x5e, 0x2b);
    if (gradeCode == QLatin1String("good") || rank == 2)
        return QColor(0x2e, 0x7d, 0x3a);
    if (gradeCode == QLatin1String("requires-improvement") || rank == 3)
        return QColor(0xf1, 0xa3, 0x40);
    if (gradeCode == QLatin1String("inadequate") || rank == 4)
        return QColor(0xc6, 0x28, 0x28);
    if (rank == 1)
        return QColor(0x13, 0x5e, 0x2b);
    return QColor(0x6b, 0x75, 0x80);
}

QColor gradeForeground(const QString& gradeCode, int rank)
{
    const QColor back = gradeBackground(gradeCode, rank);
    const QColor white(Qt::white), dark(0x3a, 0x24, 0x00);
    return contrastRatio(white, back) >= contrastRatio(dark, back) ? white : dark;
}

QColor gradeText(const QString& gradeCode, int rank)
{
    return readableOn(gradeBackground(gradeCode, rank), Qt::white);
}

QColor draftBackground()
{
    return QColor(0xff, 0xf4, 0xce);
}
QColor draftInk()
{
    return QColor(0x5c, 0x3c, 0x00);
}

namespace {
double luminance(const QColor& c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor& colour, const QColor& background, double ratio)
{
    QColor c = colour;
    const bool darken = luminance(background) > 0.18;
    for (int i = 0; i < 40 && contrastRatio(c, background) < ratio; ++i)
        c = darken ? c.darker(108) : c.lighter(108);
    return c;
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
