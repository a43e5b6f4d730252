#pragma once
// Asking for a review note on a finding, judgment or section from wherever it is shown.

#include "drafting/commands.h"

class QWidget;

namespace fwb::app {

// Asks for the note's text and attaches it to the target through ReviewService. Returns whether
// a note was added; errors go to `errors`.
bool askForReviewNote(QWidget* parent, Workbench* workbench, const QString& target, const ErrorSink& errors);

} // namespace fwb::app
