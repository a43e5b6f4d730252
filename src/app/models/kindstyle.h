#pragma once
// KindStyle: how a kind of finding looks — a symbol for compact counts ("3 ▲ 2 ▼") and a colour
// for the symbol and for the rule beside a finding in the detail pane.

#include <QColor>
#include <QPalette>
#include <QString>

namespace fwb::app {

class KindStyle {
public:
    static QString symbol(const QString& kind);
    static QColor colour(const QString& kind);
    // The quieter text colour counts are written in: text blended towards the background, so it
    // follows light and dark palettes alike.
    static QColor mutedText(const QPalette& palette);
};

} // namespace fwb::app
