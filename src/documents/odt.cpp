#include "documents/odt.h"

#include "documents/package.h"
#include "documents/style.h"

#include <QImage>
#include <QXmlStreamWriter>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::documents {
namespace odt {
namespace {

using namespace flow;

constexpr qreal kTextWidthCm = (210 - 22 - 22) / 10.0;

QString cm(qreal v)
{
    return QString::number(v, 'f', 3) + u"cm"_s;
}
QString pt(qreal v)
{
    return QString::number(v, 'f', 2) + u"pt"_s;
}

using Props = QList<std::pair<QString, QString>>;

// Automatic styles: one per distinct set of properties, named in the order they are first used.
struct AutoStyle {
    QString name, family, parent, master;
    QString element; // the properties element ("style:paragraph-properties", …)
    Props props;
    Props text; // style:text-properties, for paragraph and text styles
};

class Content {
public:
    explicit Content(const Flow& f) : m_flow(f) {}

    QByteArray write()
    {
        m_body.writeStartElement(u"office:body"_s);
        m_body.writeStartElement(u"office:text"_s);
        bool first = true;
        for (const Block& b : m_flow.blocks) {
            if (b.paragraph) {
                // The first paragraph starts the first page's style (no running title).
                listed(*b.paragraph, first && (m_flow.titlePage || m_flow.letter));
            } else if (b.table) {
                closeList();
                if (first && (m_flow.titlePage || m_flow.letter))
                    paragraph(Paragraph{}, true);
                table(*b.table);
            }
            first = false;
        }
        closeList();
        if (m_flow.blocks.isEmpty())
            paragraph(Paragraph{}, m_flow.titlePage || m_flow.letter);
        m_body.writeEndElement();
        m_body.writeEndElement();

        QByteArray out;
        QXmlStreamWriter x(&out);
        x.writeStartDocument(u"1.0"_s, true);
        x.writeStartElement(u"office:document-content"_s);
        namespaces(x);
        x.writeAttribute(u"office:version"_s, u"1.3"_s);
        x.writeStartElement(u"office:font-face-decls"_s);
        fontFaces(x);
        x.writeEndElement();
        x.writeStartElement(u"office:automatic-styles"_s);
        for (const AutoStyle& s : m_styles)
            autoStyle(x, s);
        x.writeEndElement();
        x.writeCharacters(QString()); // close the start tag before the body's bytes
        return out + m_bodyBytes + "</office:document-content>\n";
    }

    QList<std::pair<QString, QByteArray>> images;

    static void namespaces(QXmlStreamWriter& x)
    {
        const QString oasis = u"urn:oasis:names:tc:opendocument:xmlns:"_s;
        const QList<std::pair<QString, QString>> spaces{
            {std::pair{u"office"_s, oasis + u"office:1.0"_s},
             std::pair{u"style"_s, oasis + u"style:1.0"_s},
             std::pair{u"text"_s, oasis + u"text:1.0"_s},
             std::pair{u"table"_s, oasis + u"table:1.0"_s},
             std::pair{u"draw"_s, oasis + u"drawing:1.0"_s},
             std::pair{u"fo"_s, oasis + u"xsl-fo-compatible:1.0"_s},
             std::pair{u"svg"_s, oasis + u"svg-compatible:1.0"_s},
             std::pair{u"meta"_s, oasis + u"meta:1.0"_s},
             std::pair{u"number"_s, oasis + u"datastyle:1.0"_s},
             std::pair{u"xlink"_s, u"http://www.w3.org/1999/xlink"_s},
             std::pair{u"dc"_s, u"http://purl.org/dc/elements/1.1/"_s}}};
        for (const auto& [prefix, uri] : spaces)
            x.writeAttribute(u"xmlns:"_s + prefix, uri);
    }

    static void fontFaces(QXmlStreamWriter& x)
    {
        for (const QString& f : {u"Arial"_s, u"Liberation Mono"_s}) {
            x.writeEmptyElement(u"style:font-face"_s);
            x.writeAttribute(u"style:name"_s, f);
            x.writeAttribute(u"svg:font-family"_s, f.contains(u' ') ? u"'"_s + f + u"'"_s : f);
            x.writeAttribute(u"style:font-family-generic"_s,
                             f == u"Arial"_s ? u"swiss"_s : u"modern"_s);
            x.writeAttribute(u"style:font-pitch"_s, f == u"Arial"_s ? u"variable"_s : u"fixed"_s);
        }
    }

private:
    QString autoName(AutoStyle s, const QString& prefix)
    {
        QString key = s.family + u'|' + s.parent + u'|' + s.master + u'|' + s.element;
        for (const auto& [k, v] : s.props)
            key += u'|' + k + u'=' + v;
        key += u"|text"_s;
        for (const auto& [k, v] : s.text)
            key += u'|' + k + u'=' + v;
        if (const auto it = m_byKey.constFind(key); it != m_byKey.cend())
            return *it;
        s.name = prefix + QString::number(m_styles.size() + 1);
        m_byKey.insert(key, s.name);
        m_styles.push_back(s);
        return s.name;
    }

    static void autoStyle(QXmlStreamWriter& x, const AutoStyle& s)
    {
        x.writeStartElement(u"style:style"_s);
        x.writeAttribute(u"style:name"_s, s.name);
        x.writeAttribute(u"style:family"_s, s.family);
        if (!s.parent.isEmpty())
            x.writeAttribute(u"style:parent-style-name"_s, s.parent);
        if (!s.master.isEmpty())
            x.writeAttribute(u"style:master-page-name"_s, s.master);
        if (!s.element.isEmpty() && !s.props.isEmpty()) {
            x.writeEmptyElement(s.element);
            for (const auto& [k, v] : s.props)
                x.writeAttribute(k, v);
        }
        if (!s.text.isEmpty()) {
            x.writeEmptyElement(u"style:text-properties"_s);
            for (const auto& [k, v] : s.text)
                x.writeAttribute(k, v);
        }
        x.writeEndElement();
    }

    QString paragraphStyle(const Paragraph& p, bool firstPage)
    {
        Props props;
        if (p.before)
            props.push_back({u"fo:margin-top"_s, pt(*p.before)});
        if (p.after)
            props.push_back({u"fo:margin-bottom"_s, pt(*p.after)});
        const qreal right = p.width < 100 ? kTextWidthCm * (100 - p.width) / 100 : 0;
        if (p.indent > 0)
            props.push_back({u"fo:margin-left"_s, pt(p.indent)});
        if (right > 0)
            props.push_back({u"fo:margin-right"_s, cm(right)});
        if (p.alignment != Qt::AlignLeft)
            props.push_back({u"fo:text-align"_s, p.alignment == Qt::AlignRight     ? u"end"_s
                                                 : p.alignment == Qt::AlignHCenter ? u"center"_s
                                                                                   : u"justify"_s});
        if (p.pageBreakBefore && !firstPage)
            props.push_back({u"fo:break-before"_s, u"page"_s});
        if (p.keepNext && !styleOf(p.style).keepNext)
            props.push_back({u"fo:keep-with-next"_s, u"always"_s});
        if (p.background.isValid()) {
            props.push_back({u"fo:background-color"_s, p.background.name()});
            props.push_back({u"fo:padding"_s, u"0.2cm"_s});
        }
        if (props.isEmpty() && !firstPage)
            return odt::styleName(p.style);
        return autoName({QString(),
                         u"paragraph"_s,
                         odt::styleName(p.style),
                         firstPage ? u"First_20_Page"_s : QString(),
                         u"style:paragraph-properties"_s,
                         props,
                         {}},
                        u"P"_s);
    }

    QString textStyle(const Run& r)
    {
        Props t;
        if (r.bold)
            t.push_back({u"fo:font-weight"_s, *r.bold ? u"bold"_s : u"normal"_s});
        if (r.italic)
            t.push_back({u"fo:font-style"_s, *r.italic ? u"italic"_s : u"normal"_s});
        QColor colour = r.colour;
        if (r.revision > 0)
            colour = QColor(0x1e, 0x6b, 0x34);
        else if (r.revision < 0)
            colour = QColor(0xb3, 0x26, 0x1e);
        if (colour.isValid())
            t.push_back({u"fo:color"_s, colour.name()});
        if (r.size > 0)
            t.push_back({u"fo:font-size"_s, pt(r.size)});
        if (r.underline || r.revision > 0) {
            t.push_back({u"style:text-underline-style"_s, u"solid"_s});
            t.push_back({u"style:text-underline-width"_s, u"auto"_s});
            t.push_back({u"style:text-underline-color"_s, u"font-color"_s});
        }
        if (r.strike || r.revision < 0)
            t.push_back({u"style:text-line-through-style"_s, u"solid"_s});
        if (r.mono) {
            t.push_back({u"style:font-name"_s, u"Liberation Mono"_s});
            t.push_back({u"fo:font-size"_s, u"8.5pt"_s});
            t.push_back({u"fo:font-weight"_s, u"bold"_s});
            t.push_back({u"fo:color"_s, style::accent().name()});
        }
        if (t.isEmpty())
            return {};
        return autoName({QString(), u"text"_s, QString(), QString(), QString(), {}, t}, u"T"_s);
    }

    // List items go into one text:list per list; anything else closes the list open.
    void listed(const Paragraph& p, bool firstPage)
    {
        const bool item =
            p.list > 0 && (p.style == Style::ListBullet || p.style == Style::ListNumber);
        if (!item || p.list != m_openList)
            closeList();
        if (item && m_openList == 0) {
            m_body.writeStartElement(u"text:list"_s);
            m_body.writeAttribute(u"text:style-name"_s, p.style == Style::ListBullet
                                                            ? u"List_20_Bullets"_s
                                                            : u"List_20_Numbers"_s);
            m_openList = p.list;
        }
        if (item)
            m_body.writeStartElement(u"text:list-item"_s);
        paragraph(p, firstPage);
        if (item)
            m_body.writeEndElement();
    }
    void closeList()
    {
        if (m_openList) {
            m_body.writeEndElement();
            m_openList = 0;
        }
    }

    void paragraph(const Paragraph& p, bool firstPage = false)
    {
        const int outline = styleOf(p.style).outline;
        m_body.writeStartElement(outline ? u"text:h"_s : u"text:p"_s);
        m_body.writeAttribute(u"text:style-name"_s, paragraphStyle(p, firstPage));
        if (outline)
            m_body.writeAttribute(u"text:outline-level"_s, QString::number(outline));
        for (const QString& b : p.bookmarks) {
            m_body.writeEmptyElement(u"text:bookmark"_s);
            m_body.writeAttribute(u"text:name"_s, b);
        }
        for (qsizetype i = 0; i < p.runs.size(); ++i) {
            const Run& r = p.runs[i];
            if (r.link.isEmpty()) {
                run(r);
                continue;
            }
            m_body.writeStartElement(u"text:a"_s);
            m_body.writeAttribute(u"xlink:type"_s, u"simple"_s);
            m_body.writeAttribute(u"xlink:href"_s, r.link);
            if (p.style == Style::Contents1 || p.style == Style::Contents2) {
                // The contents are links throughout: they read as the contents, not as links.
                m_body.writeAttribute(u"text:style-name"_s, u"Contents_20_Link"_s);
                m_body.writeAttribute(u"text:visited-style-name"_s, u"Contents_20_Link"_s);
            }
            qsizetype j = i;
            while (j < p.runs.size() && p.runs[j].link == r.link)
                run(p.runs[j++]);
            i = j - 1;
            m_body.writeEndElement();
        }
        m_body.writeEndElement();
    }

    // Text as OpenDocument keeps it: a run of spaces is one space and a count.
    void characters(const QString& s)
    {
        const QString t = xmlSafe(s);
        QString piece;
        for (qsizetype i = 0; i < t.size(); ++i) {
            if (t[i] == u' ' && (i == 0 || (i + 1 < t.size() && t[i + 1] == u' '))) {
                qsizetype j = i;
                while (j < t.size() && t[j] == u' ')
                    ++j;
                qsizetype count = j - i;
                if (i > 0) { // the first of them is an ordinary space
                    piece += u' ';
                    --count;
                }
                m_body.writeCharacters(piece);
                piece.clear();
                if (count > 0) {
                    m_body.writeEmptyElement(u"text:s"_s);
                    if (count > 1)
                        m_body.writeAttribute(u"text:c"_s, QString::number(count));
                }
                i = j - 1;
                continue;
            }
            piece += t[i];
        }
        m_body.writeCharacters(piece);
    }

    void run(const Run& r)
    {
        switch (r.kind) {
        case Run::Kind::Text: {
            const QString style = textStyle(r);
            if (!style.isEmpty()) {
                m_body.writeStartElement(u"text:span"_s);
                m_body.writeAttribute(u"text:style-name"_s, style);
            }
            characters(r.text);
            if (!style.isEmpty())
                m_body.writeEndElement();
            return;
        }
        case Run::Kind::LineBreak:
            m_body.writeEmptyElement(u"text:line-break"_s);
            return;
        case Run::Kind::Tab:
            m_body.writeEmptyElement(u"text:tab"_s);
            return;
        case Run::Kind::NoteReference: {
            const auto note = m_flow.footnotes.constFind(r.note);
            if (note == m_flow.footnotes.cend())
                return;
            m_body.writeStartElement(u"text:note"_s);
            m_body.writeAttribute(u"text:id"_s, u"ftn"_s + QString::number(r.note));
            m_body.writeAttribute(u"text:note-class"_s, u"footnote"_s);
            m_body.writeTextElement(u"text:note-citation"_s, QString::number(r.note));
            m_body.writeStartElement(u"text:note-body"_s);
            Paragraph p;
            p.style = Style::FootnoteText;
            p.runs = note->runs;
            paragraph(p);
            m_body.writeEndElement();
            m_body.writeEndElement();
            return;
        }
        case Run::Kind::PageReference:
            m_body.writeStartElement(u"text:bookmark-ref"_s);
            m_body.writeAttribute(u"text:reference-format"_s, u"page"_s);
            m_body.writeAttribute(u"text:ref-name"_s, r.bookmark);
            m_body.writeEndElement();
            return;
        case Run::Kind::Chart:
            chart(r.chart);
            return;
        }
    }

    void chart(const ChartSpec& spec)
    {
        const int n = int(images.size()) + 1;
        const QString name = u"Pictures/chart-%1.png"_s.arg(n);
        const QByteArray png = chartPng(spec, 1600);
        const QImage image = QImage::fromData(png, "PNG");
        images.push_back({name, png});
        const qreal w = 16.0;
        const qreal h = image.width() > 0 ? w * image.height() / image.width() : w / 2;
        m_body.writeStartElement(u"draw:frame"_s);
        m_body.writeAttribute(u"draw:style-name"_s, u"Chart"_s);
        m_body.writeAttribute(u"draw:name"_s, u"Chart %1"_s.arg(n));
        m_body.writeAttribute(u"text:anchor-type"_s, u"as-char"_s);
        m_body.writeAttribute(u"svg:width"_s, cm(w));
        m_body.writeAttribute(u"svg:height"_s, cm(h));
        m_body.writeAttribute(u"draw:z-index"_s, u"0"_s);
        m_body.writeEmptyElement(u"draw:image"_s);
        m_body.writeAttribute(u"xlink:href"_s, name);
        m_body.writeAttribute(u"xlink:type"_s, u"simple"_s);
        m_body.writeAttribute(u"xlink:show"_s, u"embed"_s);
        m_body.writeAttribute(u"xlink:actuate"_s, u"onLoad"_s);
        m_body.writeAttribute(u"draw:mime-type"_s, u"image/png"_s);
        m_body.writeTextElement(u"svg:title"_s,
                                xmlSafe(spec.title.isEmpty() ? u"Chart %1"_s.arg(n) : spec.title));
        m_body.writeTextElement(u"svg:desc"_s, xmlSafe(chartDescription(spec)));
        m_body.writeEndElement();
    }

    QString cellStyle(const QColor& background)
    {
        Props props{{u"fo:padding-top"_s, u"0.1cm"_s},
                    {u"fo:padding-bottom"_s, u"0.1cm"_s},
                    {u"fo:padding-left"_s, u"0.15cm"_s},
                    {u"fo:padding-right"_s, u"0.15cm"_s},
                    {u"fo:border"_s, u"0.5pt solid "_s + style::rule().name()}};
        if (background.isValid())
            props.push_back({u"fo:background-color"_s, background.name()});
        return autoName({QString(),
                         u"table-cell"_s,
                         QString(),
                         QString(),
                         u"style:table-cell-properties"_s,
                         props,
                         {}},
                        u"Cell"_s);
    }

    void table(const Table& t)
    {
        const int n = ++m_tables;
        const QString name = u"Table"_s + QString::number(n);
        const QString tableStyle = autoName({QString(),
                                             u"table"_s,
                                             QString(),
                                             QString(),
                                             u"style:table-properties"_s,
                                             {{u"style:width"_s, cm(kTextWidthCm)},
                                              {u"table:align"_s, u"margins"_s},
                                              {u"fo:margin-bottom"_s, u"0.2cm"_s}},
                                             {}},
                                            u"Tab"_s);
        m_body.writeStartElement(u"table:table"_s);
        m_body.writeAttribute(u"table:name"_s, name);
        m_body.writeAttribute(u"table:style-name"_s, tableStyle);
        for (int c = 0; c < t.columns; ++c) {
            const QString column =
                autoName({QString(),
                          u"table-column"_s,
                          QString(),
                          QString(),
                          u"style:table-column-properties"_s,
                          {{u"style:column-width"_s,
                            cm(kTextWidthCm * t.widths.value(c, 100.0 / t.columns) / 100)}},
                          {}},
                         u"Col"_s);
            m_body.writeEmptyElement(u"table:table-column"_s);
            m_body.writeAttribute(u"table:style-name"_s, column);
        }
        for (int r = 0; r < t.rows.size(); ++r) {
            if (r == 0 && t.headerRows > 0)
                m_body.writeStartElement(u"table:table-header-rows"_s);
            m_body.writeStartElement(u"table:table-row"_s);
            for (const Cell& cell : t.rows[r]) {
                if (cell.covered) {
                    m_body.writeEmptyElement(u"table:covered-table-cell"_s);
                    continue;
                }
                m_body.writeStartElement(u"table:table-cell"_s);
                QColor fill = cell.background;
                if (r < t.headerRows && !fill.isValid())
                    fill = style::accent(); // a header row is never white on nothing
                m_body.writeAttribute(u"table:style-name"_s, cellStyle(fill));
                m_body.writeAttribute(u"office:value-type"_s, u"string"_s);
                if (cell.columnSpan > 1)
                    m_body.writeAttribute(u"table:number-columns-spanned"_s,
                                          QString::number(cell.columnSpan));
                if (cell.rowSpan > 1)
                    m_body.writeAttribute(u"table:number-rows-spanned"_s,
                                          QString::number(cell.rowSpan));
                if (cell.paragraphs.isEmpty())
                    paragraph(flow::paragraph(
                        r < t.headerRows ? Style::TableHeading : Style::TableText, QString()));
                for (const Paragraph& p : cell.paragraphs)
                    paragraph(p);
                m_body.writeEndElement();
            }
            m_body.writeEndElement();
            if (r + 1 == t.headerRows)
                m_body.writeEndElement();
        }
        m_body.writeEndElement();
    }

    const Flow& m_flow;
    QList<AutoStyle> m_styles;
    QHash<QString, QString> m_byKey;
    QByteArray m_bodyBytes;
    QXmlStreamWriter m_body{&m_bodyBytes};
    int m_openList = 0;
    int m_tables = 0;
};

QByteArray manifest(const QList<std::pair<QString, QByteArray>>& images)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"manifest:manifest"_s);
    x.writeAttribute(u"xmlns:manifest"_s, u"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"_s);
    x.writeAttribute(u"manifest:version"_s, u"1.3"_s);
    auto entry = [&](const QString& path, const QString& type) {
        x.writeEmptyElement(u"manifest:file-entry"_s);
        x.writeAttribute(u"manifest:full-path"_s, path);
        if (path == u"/"_s)
            x.writeAttribute(u"manifest:version"_s, u"1.3"_s);
        x.writeAttribute(u"manifest:media-type"_s, type);
    };
    entry(u"/"_s, u"application/vnd.oasis.opendocument.text"_s);
    for (const QString& part : {u"content.xml"_s, u"styles.xml"_s, u"meta.xml"_s})
        entry(part, u"text/xml"_s);
    for (const auto& [name, png] : images)
        entry(name, u"image/png"_s);
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QByteArray meta(const Flow& f)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"office:document-meta"_s);
    Content::namespaces(x);
    x.writeAttribute(u"office:version"_s, u"1.3"_s);
    x.writeStartElement(u"office:meta"_s);
    x.writeTextElement(u"meta:generator"_s, u"Findings Workbench"_s);
    x.writeTextElement(u"dc:title"_s, xmlSafe(f.runningTitle.isEmpty() ? f.title : f.runningTitle));
    x.writeTextElement(u"dc:language"_s, f.language);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

} // namespace

Result<QByteArray> write(const Flow& flow)
{
    Content content(flow);
    const QByteArray body = content.write();
    QList<package::Entry> entries{
        {u"mimetype"_s, "application/vnd.oasis.opendocument.text", true},
        {u"content.xml"_s, body},
        {u"styles.xml"_s, styles(flow)},
        {u"meta.xml"_s, meta(flow)},
        {u"META-INF/manifest.xml"_s, manifest(content.images)},
    };
    for (const auto& [name, png] : content.images)
        entries.push_back({name, png, true});
    return package::write(entries);
}

} // namespace odt

Result<QByteArray> toOdt(const Assembly& a)
{
    const flow::Flow f = flow::fromAssembly(a);
    auto out = odt::write(f);
    if (out)
        spdlog::debug("ODT of {}: {} blocks, {} footnotes, {} charts", a.source.uid.toStdString(),
                      f.blocks.size(), f.footnotes.size(), f.charts);
    return out;
}

} // namespace fwb::documents
