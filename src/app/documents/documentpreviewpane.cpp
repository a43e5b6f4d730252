#include "app/documents/documentpreviewpane.h"

#include "app/panes/safetextbrowser.h"
#include "documents/chart.h"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {
constexpr int kPreviewDelayMs = 250;
}

DocumentPreviewPane::DocumentPreviewPane(QWidget* parent) : QWidget(parent)
{
    m_browser = new SafeTextBrowser(this);
    m_browser->setObjectName(u"documentPreview"_s);
    m_browser->setAccessibleName(tr("Preview"));
    m_browser->setStyleSheet(u"QTextBrowser { background: white; }"_s);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kPreviewDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &DocumentPreviewPane::refreshDue);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme().isEmpty() && url.path().isEmpty() && url.fragment().startsWith(u"s-"_s))
            Q_EMIT sectionClicked(url.fragment().mid(2));
        else
            openSafeLink(url); // web and mail links only
    });
    connect(m_browser, &QTextBrowser::cursorPositionChanged, this, [this] {
        // Clicking in the preview selects the section clicked.
        if (!m_assembly || m_loading || !m_browser->hasFocus())
            return;
        const QString uid = m_assembly->sectionAt(m_browser->textCursor().position());
        if (!uid.isEmpty())
            Q_EMIT sectionClicked(uid);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
}

DocumentPreviewPane::~DocumentPreviewPane()
{
    m_browser->setDocument(nullptr); // the assembly's document goes before the browser does
}

QTextBrowser* DocumentPreviewPane::browser() const
{
    return m_browser;
}

void DocumentPreviewPane::clear()
{
    m_timer.stop();
    m_browser->setDocument(nullptr);
    m_assembly.reset();
}

void DocumentPreviewPane::showDocument(const Workbench* workbench,
                                       const std::optional<Document>& document)
{
    m_timer.stop();
    if (!workbench || !document) {
        clear();
        return;
    }
    const int scroll = m_browser->verticalScrollBar()->value();
    auto a = documents::assemble(*workbench, *document);
    if (!a) {
        clear(); // let go of the old assembly's document first
        m_browser->setPlainText(a.error().message);
        return;
    }
    std::optional<documents::Assembly> previous =
        std::move(m_assembly); // kept until the view lets go
    m_assembly = std::move(*a);
    m_loading = true;
    m_browser->setDocument(m_assembly->document.get());
    documents::ChartObject::install(m_assembly->document.get());
    m_loading = false;
    previous.reset();
    m_browser->verticalScrollBar()->setValue(scroll);
}

void DocumentPreviewPane::follow(const QString& sectionUid)
{
    if (!m_assembly)
        return;
    const auto it = m_assembly->sectionPositions.constFind(sectionUid);
    if (it == m_assembly->sectionPositions.cend())
        return;
    QTextDocument* doc = m_assembly->document.get();
    const QTextBlock block = doc->findBlock(*it);
    const QRectF r = doc->documentLayout()->blockBoundingRect(block);
    m_browser->verticalScrollBar()->setValue(int(r.top()) - 12);
}

} // namespace fwb::app
