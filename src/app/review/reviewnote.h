#pragma once
// Asking for a review note on a finding, judgment or section from wherever it is shown, and the
// dialog every typed note, answer and reason is asked in.

#include "app/drafting/commands.h"

#include <functional>

class QWidget;

namespace fwb::app {

// Asks for a text in a dialog and hands it to `act` on OK. What is typed is kept as a draft
// (TypingDrafts, under `draftKey` for the workbench file `workbench`) while it is typed, so a
// crash does not lose it, and the next dialog for the same key starts from the draft. Cancel
// removes the draft; so does OK once `act` succeeded. Returns what `act` returned (false on
// Cancel).
bool askForText(QWidget* parent, const QString& workbench, const QString& draftKey,
                const QString& title, const QString& label,
                const std::function<bool(const QString&)>& act, bool multiLine = true);

// Asks for the note's text and attaches it to the target through ReviewService. Returns whether
// a note was added; errors go to `errors`.
bool askForReviewNote(QWidget* parent, Workbench* workbench, const QString& target,
                      const ErrorSink& errors);

} // namespace fwb::app
