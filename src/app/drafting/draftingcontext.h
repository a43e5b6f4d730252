#pragma once
// What every drafting editor needs: the open workbench, the window's undo stack, and where to
// report an edit the services refused.

#include "app/drafting/commands.h"
#include "app/drafting/savescheduler.h"

#include <QPointer>
#include <QUndoStack>

namespace fwb::app {

struct DraftingContext {
    QPointer<Workbench> workbench;
    QPointer<QUndoStack> undoStack;
    ErrorSink errors;

    bool writable() const;
    // Runs the command through the stack (see DraftCommand::run).
    bool run(DraftCommand* command) const;
};

} // namespace fwb::app
