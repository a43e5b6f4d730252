#pragma once
// Logging set-up shared by the window and the command: spdlog to stderr and, for the window, to a
// rotating file in the application's data folder. Qt's own messages are routed into it.

#include <QString>

namespace fwb::logging {

struct Options {
    QString appName;    // logger name and log file stem
    bool toFile = true; // rotating file under the app data folder
    bool toStderr = true;
    int stderrLevel = 2; // spdlog::level: 0 trace … 2 info, 3 warn, 4 err, 6 off
};

// Installs the default logger and the Qt message handler. Returns the log file path, or empty.
QString init(const Options& options);

} // namespace fwb::logging
