// Hostile text in the window: the detail pane (force and question pages), the Documents tab's
// preview and its section data show scripts, raw HTML and unsafe links as text, follow no link but
// web and mail links, and load nothing — no image from the disk or the network; tooltips of text
// from the workbench show it as text.

#include "../support/hostiletext.h"
#include "app/documents/documentsworkspace.h"
#include "app/mainwindow.h"
#include "app/panes/detailpane.h"
#include "app/panes/navigatorview.h"
#include "app/panes/safetextbrowser.h"
#include "apptest.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QImage>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>

using namespace fwb;
using namespace fwb::app;

namespace {

class Opened : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls << url; }
};

struct HostileWindow {
    apptest::Scratch scratch;
    QString path = scratch.createFile(QStringLiteral("hostile.fwb"));
    hostile::Made made;
    MainWindow window;
    HostileWindow()
    {
        {
            auto wb = Workbench::open(path);
            REQUIRE(wb.ok());
            made = hostile::make(**wb);
        }
        window.resize(1500, 950);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.openWorkbench(path));
    }
};

void requireMarkers(const QString& text, const QList<int>& fields, const char* where)
{
    QStringList missing;
    for (int f : fields)
        for (const QString& m : hostile::markers(f))
            if (!text.contains(m))
                missing << m;
    INFO(where << ": missing " << missing.join(QLatin1Char(' ')).toStdString());
    CHECK(missing.isEmpty());
}

// Every link of a shown document is to the web, mail, a section or a row of the navigator, and
// nothing in it is an image.
void checkShown(const QTextDocument& doc, const char* where)
{
    QStringList unsafe;
    int images = 0;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            if (cf.isAnchor() && !cf.anchorHref().isEmpty() &&
                !hostile::isSafeHref(cf.anchorHref()) &&
                !cf.anchorHref().startsWith(QLatin1String("fwb:")))
                unsafe << cf.anchorHref();
            if (cf.isImageFormat())
                ++images;
            if (!cf.toolTip().isEmpty())
                unsafe << QStringLiteral("tooltip ") + cf.toolTip();
        }
    INFO(where << ": " << unsafe.join(QStringLiteral(" | ")).toStdString());
    CHECK(unsafe.isEmpty());
    CHECK(images == 0);
}

} // namespace

TEST_CASE("Hostile text: the detail pane shows it as text, with no unsafe link or image",
          "[app][hostile]")
{
    HostileWindow w;
    DetailPane* pane = w.window.detailPane();
    pane->showKey(NavigatorKey{NavigatorKey::Kind::Force, w.made.programme, w.made.force, {}});
    checkShown(*pane->document(), "force page");
    requireMarkers(
        pane->toPlainText(),
        {hostile::EvidenceLabel, hostile::MetricName, hostile::MetricMeasure, hostile::Title},
        "force page");
    pane->showKey(NavigatorKey{NavigatorKey::Kind::Question, w.made.programme, w.made.force,
                               w.made.question});
    checkShown(*pane->document(), "question page");
    requireMarkers(pane->toPlainText(),
                   {hostile::FindingText, hostile::JudgmentSummary, hostile::EvidenceLabel,
                    hostile::MetricName},
                   "question page");
    // The raw HTML is there as its characters.
    CHECK(pane->toPlainText().contains(QStringLiteral("<img src=file:///etc/passwd>")));
    CHECK(pane->toPlainText().contains(QStringLiteral("<script>alert(1)</script>")));
}

TEST_CASE("Hostile text: the Documents tab's preview and section data show it as text",
          "[app][hostile]")
{
    HostileWindow w;
    w.window.navigatorView()->selectKey(
        NavigatorKey{NavigatorKey::Kind::Force, w.made.programme, w.made.force, {}});
    auto* tabs = w.window.findChild<QTabWidget*>(QStringLiteral("workTabs"));
    tabs->setCurrentWidget(w.window.documentsWorkspace());
    DocumentsWorkspace* docs = w.window.documentsWorkspace();
    for (const QString& uid : {w.made.report, w.made.letter}) {
        INFO(uid.toStdString());
        QComboBox* box = docs->documentBox();
        const int index = box->findData(uid);
        REQUIRE(index >= 0);
        box->setCurrentIndex(index);
        REQUIRE(apptest::eventually([&] { return docs->currentDocument() == uid; }));
        REQUIRE(apptest::eventually([&] {
            return docs->preview()->document()->toPlainText().contains(
                hostile::after(hostile::SectionBody, 0));
        }));
        checkShown(*docs->preview()->document(), "preview");
        requireMarkers(docs->preview()->document()->toPlainText(),
                       {hostile::Title, hostile::SectionTitle, hostile::SectionBody,
                        hostile::FindingText, hostile::JudgmentSummary, hostile::FigureCaption},
                       "preview");
        checkShown(*docs->dataView()->document(), "section data");
    }
}

TEST_CASE("Hostile text: no view follows a link that is not a web or mail link", "[app][hostile]")
{
    Opened opened;
    for (const char* scheme :
         {"http", "https", "mailto", "javascript", "file", "data", "vbscript", "smb"})
        QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &opened, "open");
    HostileWindow w;
    int selected = 0;
    QObject::connect(w.window.detailPane(), &DetailPane::linkActivated,
                     [&](const NavigatorKey&) { ++selected; });
    for (QTextBrowser* view : {static_cast<QTextBrowser*>(w.window.detailPane()),
                               w.window.documentsWorkspace()->preview()}) {
        CHECK_FALSE(view->openLinks());
        CHECK_FALSE(view->openExternalLinks());
        for (const char* bad :
             {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "file:///etc/passwd",
              "data:text/html,x", "vbscript:msgbox(1)", "smb://server/share/run.exe"})
            Q_EMIT view->anchorClicked(QUrl(QString::fromLatin1(bad)));
        Q_EMIT view->anchorClicked(QUrl(QStringLiteral("https://example.org/")));
    }
    for (const char* scheme :
         {"http", "https", "mailto", "javascript", "file", "data", "vbscript", "smb"})
        QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
    INFO(QUrl::toStringList(opened.urls).join(QLatin1Char(' ')).toStdString());
    CHECK(opened.urls == QList<QUrl>{QUrl(QStringLiteral("https://example.org/")),
                                     QUrl(QStringLiteral("https://example.org/"))});
    CHECK(selected == 0);
}

TEST_CASE("Hostile text: the views load no image from the disk", "[app][hostile]")
{
    apptest::Scratch scratch;
    const QString png = scratch.path(QStringLiteral("big.png"));
    QImage big(240, 160, QImage::Format_RGB32);
    big.fill(Qt::red);
    REQUIRE(big.save(png));
    const QString html =
        QStringLiteral("<img src=\"%1\">").arg(QUrl::fromLocalFile(png).toString());
    SafeTextBrowser view;
    view.setHtml(html);
    view.document()->setTextWidth(600);
    CHECK(view.document()->idealWidth() < 100); // the 240-pixel image was not read
    // A tooltip of the same text shows it as text: no image at all.
    QTextDocument tip;
    tip.setHtml(plainToolTip(html));
    CHECK(tip.toPlainText() == html);
    checkShown(tip, "tooltip");
}

TEST_CASE("Hostile text: a tooltip of text from the workbench shows it as the characters it is",
          "[app][hostile]")
{
    for (const QString& s : hostile::strings()) {
        const QString text = QStringLiteral("before ") + s + QStringLiteral(" after");
        const QString tip = plainToolTip(text);
        INFO(text.toStdString());
        QTextDocument shown; // what a tooltip, which takes HTML-looking text as rich text, shows
        if (Qt::mightBeRichText(tip))
            shown.setHtml(tip);
        else
            shown.setPlainText(tip);
        CHECK(shown.toPlainText() == text);
        checkShown(shown, "tooltip");
    }
    CHECK(plainToolTip(QStringLiteral("plain words")) == QStringLiteral("plain words"));
}

#include "hostile_window_test.moc"
