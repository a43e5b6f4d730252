#include "app/panes/detailpane.h"

#include "app/panes/detailrenderer.h"
#include "core/workbench.h"

#include <QFile>
#include <QScrollBar>
#include <QUrl>
#include <spdlog/spdlog.h>

namespace fwb::app {
namespace {

QString detailStyleSheet()
{
    QFile file(QStringLiteral(":/style/detail.css"));
    if (!file.open(QIODevice::ReadOnly)) {
        spdlog::warn("the detail pane's style sheet is missing from the resources");
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

DetailPane::DetailPane(QWidget* parent) : SafeTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    setAccessibleName(tr("Details"));
    setAccessibleDescription(
        tr("The judgment, findings, evidence and figures of the selected row"));
    setFrameShape(QFrame::NoFrame);
    document()->setDefaultStyleSheet(detailStyleSheet());
    document()->setDocumentMargin(28);
    document()->setUndoRedoEnabled(false);
    connect(this, &QTextBrowser::anchorClicked, this, &DetailPane::onAnchorClicked);
    render(false);
}

void DetailPane::setWorkbench(Workbench* workbench)
{
    m_workbench = workbench;
    m_key = {};
    render(false);
}

void DetailPane::showKey(const NavigatorKey& key)
{
    if (key == m_key)
        return;
    m_key = key;
    render(false);
}

void DetailPane::refresh()
{
    render(true);
}

void DetailPane::render(bool keepScroll)
{
    const int scroll = verticalScrollBar()->value();
    if (!m_workbench)
        setHtml(DetailRenderer::messagePage(
            tr("No workbench open"),
            tr("Open a workbench with File ▸ Open…, or make one with File ▸ New…")));
    else
        setHtml(DetailRenderer(*m_workbench).render(m_key));
    verticalScrollBar()->setValue(keepScroll ? scroll : 0);
}

void DetailPane::onAnchorClicked(const QUrl& url)
{
    if (url.scheme() != QLatin1String("fwb")) {
        // Text in a workbench may come from anyone: open web and mail links only, never a
        // local file or a share that the system might run.
        openSafeLink(url);
        return;
    }
    const QStringList parts = url.path().split(QLatin1Char('/'));
    NavigatorKey key;
    key.programme = parts.value(0);
    key.force = parts.value(1);
    key.question = parts.value(2);
    key.kind = parts.size() >= 3   ? NavigatorKey::Kind::Question
               : parts.size() == 2 ? NavigatorKey::Kind::Force
                                   : NavigatorKey::Kind::Programme;
    Q_EMIT linkActivated(key);
}

} // namespace fwb::app
