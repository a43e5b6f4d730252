#pragma once
// DetailPane: the right-hand pane — a read-only rendering of whatever the navigator has selected.
// Links to other rows ("fwb:programme/force/question") are handed back as linkActivated so the
// window can select that row; web and mail links open in the system's programs, nothing else is
// followed, and nothing is loaded (see SafeTextBrowser).

#include "app/models/navigatornode.h"

#include "app/panes/safetextbrowser.h"

#include <QPointer>

namespace fwb {
class Workbench;
}

namespace fwb::app {

class DetailPane : public SafeTextBrowser {
    Q_OBJECT
public:
    explicit DetailPane(QWidget* parent = nullptr);

    void setWorkbench(Workbench* workbench);
    const NavigatorKey& key() const { return m_key; }

public Q_SLOTS:
    void showKey(const NavigatorKey& key);
    // Renders the current key again (after the workbench changed), keeping the scroll position.
    void refresh();

Q_SIGNALS:
    void linkActivated(const fwb::app::NavigatorKey& key);

private:
    void render(bool keepScroll);
    void onAnchorClicked(const QUrl& url);

    QPointer<Workbench> m_workbench;
    NavigatorKey m_key;
};

} // namespace fwb::app
