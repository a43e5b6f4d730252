#include "documents/accessible.h"

#include "documents/markdown.h"
#include "documents/style.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fwb::documents {

QString chartAltText(const ChartSpec& spec)
{
    const QString unit = spec.unit == u"%"_s ? u"%"_s : QString();
    // QString, not the builder "+" makes: that would refer to a number gone when it returns.
    auto value = [&](double v) -> QString { return style::number(v) + unit; };
    QString kind;
    switch (spec.kind) {
    case ChartSpec::Kind::Bars:
        kind = u"Bar chart"_s;
        break;
    case ChartSpec::Kind::Line:
        kind = u"Line chart"_s;
        break;
    case ChartSpec::Kind::Forces:
        kind = u"Column chart of every force"_s;
        break;
    }
    QString out = kind;
    if (!spec.title.isEmpty())
        out += u": "_s + spec.title;
    if (!spec.unit.isEmpty() && spec.unit != u"%"_s)
        out += u" ("_s + spec.unit + u")"_s;
    out += u"."_s;
    QStringList parts;
    if (spec.kind == ChartSpec::Kind::Forces) {
        if (spec.marked >= 0 && spec.marked < spec.force.size() &&
            spec.marked < spec.categories.size())
            parts << spec.categories[spec.marked] + u" "_s + value(spec.force[spec.marked]);
        QList<double> sorted = spec.force;
        std::sort(sorted.begin(), sorted.end());
        if (!sorted.isEmpty())
            parts << QStringLiteral("%1 forces, from %2 to %3")
                         .arg(sorted.size())
                         .arg(value(sorted.first()), value(sorted.last()));
        for (const auto& n : spec.national)
            if (n) {
                parts << spec.nationalLabel + u" "_s + value(*n);
                break;
            }
    } else {
        for (qsizetype i = 0; i < spec.categories.size(); ++i) {
            QString p = spec.categories[i] + u": "_s + spec.forceLabel + u" "_s +
                        (i < spec.force.size() ? value(spec.force[i]) : u"no value"_s);
            if (i < spec.national.size() && spec.national[i])
                p += u", "_s + spec.nationalLabel + u" "_s + value(*spec.national[i]);
            parts << p;
        }
    }
    if (!parts.isEmpty())
        out += u" "_s + parts.join(u"; "_s) + u"."_s;
    return out;
}

namespace {

// Headings renumbered so that the first is <h1> and none is more than one below the one before:
// each heading is one below the nearest heading above it of a higher level.
QString headingsInOrder(const QString& html)
{
    static const QRegularExpression heading(u"<(/?)h([1-6])([ >])"_s);
    QString out;
    out.reserve(html.size());
    qsizetype from = 0;
    struct Open {
        int level, mapped;
    };
    QList<Open> above;
    int last = 1;
    for (auto it = heading.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(html).mid(from, m.capturedStart() - from);
        const int level = m.captured(2).toInt();
        if (m.captured(1).isEmpty()) {
            while (!above.isEmpty() && above.last().level >= level)
                above.removeLast();
            last = above.isEmpty() ? 1 : above.last().mapped + 1;
            above << Open{level, last};
        }
        out += u"<"_s + m.captured(1) + u"h"_s + QString::number(last) + m.captured(3);
        from = m.capturedEnd();
    }
    out += QStringView(html).mid(from);
    return out;
}

// In each table: header rows' cells as <th scope="col">, and where a table has a header row, the
// first cell of every other row as <th scope="row">.
QString tableHeaders(const QString& html)
{
    static const QRegularExpression table(u"<table[^>]*>.*?</table>"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression thead(u"<thead>(.*?)</thead>"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression cell(u"<td([^>]*)>(.*?)</td>"_s,
                                         QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression rowStart(u"<tr[^>]*>\\s*<td([^>]*)>(.*?)</td>"_s,
                                             QRegularExpression::DotMatchesEverythingOption);
    QString out;
    qsizetype from = 0;
    for (auto it = table.globalMatch(html); it.hasNext();) {
        const auto t = it.next();
        out += QStringView(html).mid(from, t.capturedStart() - from);
        QString text = t.captured(0);
        const auto head = thead.match(text);
        if (head.hasMatch()) {
            QString cells = head.captured(1);
            cells.replace(cell, u"<th scope=\"col\"\\1>\\2</th>"_s);
            QString body = text.mid(head.capturedEnd());
            body.replace(rowStart, u"<tr><th scope=\"row\"\\1>\\2</th>"_s);
            text = text.left(head.capturedStart()) + u"<thead>"_s + cells + u"</thead>"_s + body;
        }
        out += text;
        from = t.capturedEnd();
    }
    out += QStringView(html).mid(from);
    return out;
}

// An attribute's value: escaped, and cleaned of the control characters XML does not allow (a
// chart's title is typed text and may carry them).
QString attribute(const QString& s)
{
    return cleanText(s).toHtmlEscaped();
}

} // namespace

QString accessibleHtml(QString html, const HtmlPageOptions& options)
{
    static const QRegularExpression htmlTag(u"<html([^>]*)>"_s);
    html.replace(htmlTag, u"<html lang=\""_s + attribute(options.language) + u"\">"_s);
    html = headingsInOrder(html);
    html = tableHeaders(html);
    // Charts: each image of a chart gets the words of its data.
    static const QString chart = u"<img src=\"data:image/svg+xml;base64,"_s;
    qsizetype at = 0;
    for (const QString& alt : options.chartAltTexts) {
        at = html.indexOf(chart, at);
        if (at < 0)
            break;
        const QString with = u"<img role=\"img\" alt=\""_s + attribute(alt) +
                             u"\" src=\"data:image/svg+xml;base64,"_s;
        html.replace(at, chart.size(), with);
        at += with.size();
    }
    // Any other image (there should be none) is decoration: an empty alt says so.
    html.replace(u"<img src="_s, u"<img alt=\"\" src="_s);
    if (!options.draftNotice.isEmpty()) {
        // The notice in the text is the first thing on the page; the band repeats it at the head
        // of every printed page and stays in view on screen.
        const QString band = QStringLiteral("<div class=\"draft-band\" role=\"note\">%1</div>\n")
                                 .arg(cleanText(options.draftNotice).toHtmlEscaped());
        static const QRegularExpression body(u"<body[^>]*>"_s);
        if (const auto m = body.match(html); m.hasMatch())
            html.insert(m.capturedEnd(), u"\n"_s + band);
        const QString css =
            QStringLiteral(
                "<style>.draft-band { position: sticky; top: 0; z-index: 1; padding: 0.3em; "
                "text-align: center; font-weight: bold; letter-spacing: 0.08em; color: %1; "
                "background: %2; border: 2px solid %1; } @media print { .draft-band { position: "
                "fixed; left: 0; right: 0; } body { margin-top: 3em; } }</style>\n")
                .arg(style::draftInk().name(), style::draftBackground().name());
        if (const qsizetype head = html.indexOf(u"</head>"_s); head >= 0)
            html.insert(head, css);
    }
    return html;
}

} // namespace fwb::documents
