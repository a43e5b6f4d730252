#include "reviewnote.h"

#include "services/review.h"
#include "workbench.h"

#include <QGuiApplication>
#include <QInputDialog>

namespace fwb::app {

bool askForReviewNote(QWidget* parent, Workbench* workbench, const QString& target, const ErrorSink& errors)
{
    if (!workbench || QGuiApplication::platformName() == QLatin1String("offscreen"))
        return false;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(parent, QObject::tr("Add Review Note"),
                                                        QObject::tr("Note on %1:").arg(target), {}, &ok);
    if (!ok || text.trimmed().isEmpty())
        return false;
    auto note = ReviewService(*workbench).addNote(target, text);
    if (!note && errors)
        errors(QObject::tr("Note not added"), note.error().message);
    return note.ok();
}

} // namespace fwb::app
