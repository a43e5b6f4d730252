#include "app/review/reviewnote.h"

#include "app/drafting/savescheduler.h"
#include "app/drafting/typingdrafts.h"
#include "core/services/review.h"
#include "core/workbench.h"

#include <QGuiApplication>
#include <QInputDialog>

namespace fwb::app {

bool askForText(QWidget* parent, const QString& workbench, const QString& draftKey,
                const QString& title, const QString& label,
                const std::function<bool(const QString&)>& act, bool multiLine)
{
    const TypingDrafts drafts;
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("textDialog"));
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setInputMode(QInputDialog::TextInput);
    if (multiLine)
        dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog.setTextValue(drafts.text(workbench, draftKey).value(0));
    SaveScheduler saver([&] { drafts.keep(workbench, draftKey, {dialog.textValue()}); });
    QObject::connect(&dialog, &QInputDialog::textValueChanged, &saver, &SaveScheduler::edited);
    const bool ok = dialog.exec() == QDialog::Accepted;
    saver.cancel();
    if (!ok) {
        drafts.remove(workbench, draftKey);
        return false;
    }
    const QString text = dialog.textValue();
    drafts.keep(workbench, draftKey, {text}); // kept until the act succeeds
    if (!act(text))
        return false;
    drafts.remove(workbench, draftKey);
    return true;
}

bool askForReviewNote(QWidget* parent, Workbench* workbench, const QString& target,
                      const ErrorSink& errors)
{
    if (!workbench || QGuiApplication::platformName() == QLatin1String("offscreen"))
        return false;
    bool added = false;
    askForText(parent, workbench->path(), QStringLiteral("note:") + target,
               QObject::tr("Add Review Note"), QObject::tr("Note on %1:").arg(target),
               [&](const QString& text) {
                   if (text.trimmed().isEmpty())
                       return true; // nothing to add, and nothing to keep
                   auto note = ReviewService(*workbench).addNote(target, text);
                   if (!note && errors)
                       errors(QObject::tr("Note not added"), note.error().message);
                   added = note.ok();
                   return added;
               });
    return added;
}

} // namespace fwb::app
