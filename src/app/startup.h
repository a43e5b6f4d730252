#pragma once
// Which workbench the window opens at start: the file named on the command line; else the last
// one if it still exists; else the default workbench in the app's data folder, created with the
// demo content on first run.

#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace fwb::app {

class Settings;

namespace startup {

// <AppDataLocation>/demo.fwb
QString defaultWorkbenchPath();

// Creates the default workbench (reference data and demo content) when it does not exist yet.
Status ensureDefaultWorkbench(const QString& path);

// The path to open; an error only when the default workbench had to be created and could not be.
Result<QString> workbenchToOpen(const QStringList& arguments, const Settings& settings);

} // namespace startup
} // namespace fwb::app
