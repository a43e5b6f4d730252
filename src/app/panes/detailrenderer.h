#pragma once
// DetailRenderer: the HTML the detail pane shows for a navigator row — a programme's framework and
// grade scale, a force's overview in a programme, or a question with the force's judgment,
// findings, evidence and figures. Reads through the workbench's repositories; knows no widgets.

#include "app/models/navigatornode.h"

#include <QString>

namespace fwb {
class Workbench;
}

namespace fwb::app {

class DetailRenderer {
public:
    explicit DetailRenderer(const Workbench& workbench) : m_workbench(workbench) {}

    QString render(const NavigatorKey& key) const;
    QString programmePage(const QString& programme) const;
    QString forcePage(const QString& programme, const QString& force) const;
    QString questionPage(const QString& programme, const QString& force,
                         const QString& question) const;

    // A quiet page with a title and a line of guidance (nothing selected, nothing open).
    static QString messagePage(const QString& title, const QString& message);

private:
    const Workbench& m_workbench;
};

} // namespace fwb::app
