#pragma once
// SafeTextBrowser: a read-only rich-text view for text that may come from anyone. It follows no
// link by itself (links are handed to the owner as anchorClicked) and loads no resource — no
// image, style sheet or page, local or remote — other than those already held by its document.
// openSafeLink opens a web or mail link in the system's browser or mail program and refuses
// anything else (javascript:, file:, a share, a program).
//
// Elsewhere (tooltips, labels) text from the workbench is shown as plain text: Qt reads an
// <img src=…> in rich text from the disk, so such text never reaches a widget as rich text
// (plainToolTip, Qt::PlainText labels).

#include <QDesktopServices>
#include <QImage>
#include <QTextBrowser>
#include <QTextDocument>
#include <QUrl>
#include <spdlog/spdlog.h>

namespace fwb::app {

// What a view answers for any resource its text asks for: an empty, transparent pixel. (An empty
// answer would make Qt read the file itself.)
inline QVariant refusedResource(const QUrl& url)
{
    spdlog::debug("not loading resource {} into a view", url.toString().toStdString());
    QImage blank(1, 1, QImage::Format_ARGB32_Premultiplied);
    blank.fill(Qt::transparent);
    return blank;
}

inline bool isSafeExternalLink(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return url.isValid() && !url.host().isEmpty();
    return scheme == QLatin1String("mailto") && url.isValid() && !url.path().isEmpty();
}

// Opens a web or mail link; returns false (and opens nothing) for any other.
inline bool openSafeLink(const QUrl& url)
{
    if (!isSafeExternalLink(url)) {
        spdlog::warn("not opening link {} (only web and mail links are opened)",
                     url.toString().toStdString());
        return false;
    }
    return QDesktopServices::openUrl(url);
}

// A tooltip that shows `text` as the characters it is: Qt shows a tooltip that looks like HTML as
// rich text, so such text is escaped (and its line breaks kept).
inline QString plainToolTip(const QString& text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    return QStringLiteral("<p style='white-space:pre-wrap'>") + text.toHtmlEscaped() +
           QStringLiteral("</p>");
}

class SafeTextBrowser : public QTextBrowser {
public:
    explicit SafeTextBrowser(QWidget* parent = nullptr) : QTextBrowser(parent)
    {
        setOpenLinks(false);
        setOpenExternalLinks(false);
    }

    // Nothing is fetched for what the view shows (a document's own resources are found before
    // this is asked; it is asked for the view's own document).
    QVariant loadResource(int, const QUrl& name) override { return refusedResource(name); }
};

} // namespace fwb::app
