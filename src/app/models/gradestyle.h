#pragma once
// GradeStyle: how a grade looks wherever the window shows one — its colour, its badge letters
// ("O", "G", "RI", "I") and a badge icon for item views. One place, so the navigator, the detail
// pane and any later chart agree.

#include <QColor>
#include <QIcon>
#include <QString>

namespace fwb::app {

class GradeStyle {
public:
    // The four PEEL grades by code; other scales fall back on the rank (1 is best).
    static QColor background(const QString& gradeCode, int rank = 0);
    // Text colour that reads on background().
    static QColor foreground(const QString& gradeCode, int rank = 0);
    // "O", "G", "RI", "I"; for other grades the initials of the label.
    static QString letters(const QString& gradeCode, const QString& label);

    static QSize badgeSize() { return {30, 16}; }
    // A rounded badge with the grade's letters.
    static QIcon badgeIcon(const QString& gradeCode, const QString& label, int rank = 0);
    // A dashed empty badge: a graded question that has no judgment yet.
    static QIcon missingIcon();
    // A transparent badge-sized icon, so that ungraded rows line up with graded ones.
    static QIcon blankIcon();
};

} // namespace fwb::app
