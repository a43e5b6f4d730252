#include "app/models/kindstyle.h"

namespace fwb::app {

QString KindStyle::symbol(const QString& kind)
{
    if (kind == QLatin1String("strength"))
        return QStringLiteral("▲");
    if (kind == QLatin1String("area_for_improvement"))
        return QStringLiteral("▼");
    if (kind == QLatin1String("cause_of_concern"))
        return QStringLiteral("■");
    if (kind == QLatin1String("recommendation"))
        return QStringLiteral("◆");
    return QStringLiteral("●");
}

QColor KindStyle::colour(const QString& kind)
{
    // The grade palette's ends for strengths and concerns, its amber (a shade darker, to read on
    // white) for areas for improvement; navy and slate for the rest.
    if (kind == QLatin1String("strength"))
        return QColor(0x1b, 0x78, 0x37);
    if (kind == QLatin1String("area_for_improvement"))
        return QColor(0xe0, 0x8a, 0x1e);
    if (kind == QLatin1String("cause_of_concern"))
        return QColor(0xd7, 0x30, 0x27);
    if (kind == QLatin1String("recommendation"))
        return QColor(0x2c, 0x4a, 0x6e);
    return QColor(0x8a, 0x94, 0xa0);
}

QColor KindStyle::mutedText(const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const auto mix = [](int a, int b) { return (a * 62 + b * 38) / 100; };
    return QColor(mix(text.red(), base.red()), mix(text.green(), base.green()),
                  mix(text.blue(), base.blue()));
}

} // namespace fwb::app
