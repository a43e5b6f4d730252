#pragma once
// What the File and Analysis menus ask a person before the Session acts: the file to open, create,
// import or export to, whether to include the demo content, what to export, which programme a
// published report belongs to; and the Open Recent menu. Each returns when the person cancels.

#include "app/models/navigatornode.h"

#include <functional>

class QMenu;
class QWidget;

namespace fwb::app {

class Session;
class Settings;

namespace prompts {

void newWorkbench(QWidget* parent, Session& session);
void openWorkbench(QWidget* parent, Session& session);
void importFile(QWidget* parent, Session& session);
// Export of the workbench, or of the programme or force at `key`.
void exportData(QWidget* parent, Session& session, const NavigatorKey& key);
// The report file and its programme; false when the person cancelled.
bool publishedReport(QWidget* parent, const Session& session, QString* path, QString* programme);
void about(QWidget* parent);
// Fills the Open Recent menu from the settings; `open` opens a file chosen from it.
void fillRecentMenu(QMenu* menu, Settings& settings, const std::function<void(QString)>& open);

} // namespace prompts
} // namespace fwb::app
