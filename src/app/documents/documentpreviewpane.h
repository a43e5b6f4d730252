#pragma once
// DocumentPreviewPane: the whole letter or report as it will print, assembled from the workbench
// as it stands, following the section being edited. Clicking in it selects the section clicked;
// a link within the document goes to its section; web and mail links open outside, nothing else
// is followed or loaded (SafeTextBrowser).

#include "core/domain/types.h"
#include "documents/assembly.h"

#include <QTimer>
#include <QWidget>
#include <optional>

class QTextBrowser;

namespace fwb {
class Workbench;
}

namespace fwb::app {

class SafeTextBrowser;

class DocumentPreviewPane : public QWidget {
    Q_OBJECT
public:
    explicit DocumentPreviewPane(QWidget* parent = nullptr);
    ~DocumentPreviewPane() override;

    QTextBrowser* browser() const;
    // Assembles and shows the document (none: empty), keeping the scroll position.
    void showDocument(const Workbench* workbench, const std::optional<Document>& document);
    void clear();
    // Scrolls to where the section starts.
    void follow(const QString& sectionUid);
    // Assembles again after a short delay (typing saved, data changed): `later` calls coalesce.
    void scheduleRefresh() { m_timer.start(); }
    void cancelRefresh() { m_timer.stop(); }

Q_SIGNALS:
    // The timer ran out: the owner shows the document again.
    void refreshDue();
    void sectionClicked(const QString& uid);

private:
    SafeTextBrowser* m_browser;
    std::optional<documents::Assembly> m_assembly;
    QTimer m_timer;
    bool m_loading = false;
};

} // namespace fwb::app
