// styles.xml of the OpenDocument export: the named paragraph and text styles (one per
// flow::Style, under the names LibreOffice gives its own: "Heading 1", "Title", "Caption",
// "Footnote", "Table Heading"…), the list styles with hanging indents, and the page styles with
// the header (embargo notice, "DRAFT", running title) and the footer (page N of M).
#include "documents/odt.h"

#include "documents/style.h"

#include <QXmlStreamWriter>
#include <functional>

using namespace Qt::StringLiterals;

namespace fwb::documents::odt {

QString styleName(flow::Style s)
{
    using flow::Style;
    QString display;
    switch (s) {
    case Style::Body:
        display = u"Text body"_s;
        break;
    case Style::FootnoteText:
        display = u"Footnote"_s;
        break;
    case Style::TableText:
        display = u"Table Contents"_s;
        break;
    default:
        display = flow::styleName(s);
    }
    return display.replace(u" "_s, u"_20_"_s);
}

namespace {

using namespace flow;

QString pt(qreal v)
{
    return QString::number(v, 'f', 2) + u"pt"_s;
}

class Styles {
public:
    explicit Styles(const Flow& f) : m_flow(f) {}

    QByteArray write()
    {
        x.writeStartDocument(u"1.0"_s, true);
        x.writeStartElement(u"office:document-styles"_s);
        const QString oasis = u"urn:oasis:names:tc:opendocument:xmlns:"_s;
        const QList<std::pair<QString, QString>> spaces{
            {std::pair{u"office"_s, oasis + u"office:1.0"_s},
             std::pair{u"style"_s, oasis + u"style:1.0"_s},
             std::pair{u"text"_s, oasis + u"text:1.0"_s},
             std::pair{u"table"_s, oasis + u"table:1.0"_s},
             std::pair{u"draw"_s, oasis + u"drawing:1.0"_s},
             std::pair{u"fo"_s, oasis + u"xsl-fo-compatible:1.0"_s},
             std::pair{u"svg"_s, oasis + u"svg-compatible:1.0"_s},
             std::pair{u"xlink"_s, u"http://www.w3.org/1999/xlink"_s}}};
        for (const auto& [prefix, uri] : spaces)
            x.writeAttribute(u"xmlns:"_s + prefix, uri);
        x.writeAttribute(u"office:version"_s, u"1.3"_s);
        x.writeStartElement(u"office:font-face-decls"_s);
        for (const QString& f : {u"Arial"_s, u"Liberation Mono"_s}) {
            x.writeEmptyElement(u"style:font-face"_s);
            x.writeAttribute(u"style:name"_s, f);
            x.writeAttribute(u"svg:font-family"_s, f.contains(u' ') ? u"'"_s + f + u"'"_s : f);
            x.writeAttribute(u"style:font-family-generic"_s,
                             f == u"Arial"_s ? u"swiss"_s : u"modern"_s);
        }
        x.writeEndElement();

        x.writeStartElement(u"office:styles"_s);
        defaults();
        for (int s = int(Style::Body); s <= int(Style::Contents2); ++s)
            paragraphStyle(Style(s));
        furniture();
        lists();
        notes();
        x.writeEndElement();

        x.writeStartElement(u"office:automatic-styles"_s);
        pageLayout();
        x.writeEndElement();
        masterPages();
        x.writeEndElement();
        x.writeEndDocument();
        return m_out;
    }

private:
    void textProperties(const Look& look, const QColor& colour = {})
    {
        x.writeEmptyElement(u"style:text-properties"_s);
        x.writeAttribute(u"fo:font-size"_s, pt(look.size));
        if (look.bold)
            x.writeAttribute(u"fo:font-weight"_s, u"bold"_s);
        if (look.italic)
            x.writeAttribute(u"fo:font-style"_s, u"italic"_s);
        const QColor c = colour.isValid() ? colour : look.colour;
        if (c.isValid())
            x.writeAttribute(u"fo:color"_s, c.name());
    }

    void defaults()
    {
        x.writeStartElement(u"style:default-style"_s);
        x.writeAttribute(u"style:family"_s, u"paragraph"_s);
        x.writeEmptyElement(u"style:paragraph-properties"_s);
        x.writeAttribute(u"fo:hyphenation-ladder-count"_s, u"no-limit"_s);
        x.writeAttribute(u"style:writing-mode"_s, u"lr-tb"_s);
        x.writeEmptyElement(u"style:text-properties"_s);
        x.writeAttribute(u"style:font-name"_s, u"Arial"_s);
        x.writeAttribute(u"fo:font-size"_s, u"10.5pt"_s);
        x.writeAttribute(u"fo:language"_s, u"en"_s);
        x.writeAttribute(u"fo:country"_s, u"GB"_s);
        x.writeEndElement();
        x.writeStartElement(u"style:style"_s);
        x.writeAttribute(u"style:name"_s, u"Standard"_s);
        x.writeAttribute(u"style:family"_s, u"paragraph"_s);
        x.writeAttribute(u"style:class"_s, u"text"_s);
        x.writeEmptyElement(u"style:text-properties"_s);
        x.writeAttribute(u"style:font-name"_s, u"Arial"_s);
        x.writeAttribute(u"fo:color"_s, style::ink().name());
        x.writeEndElement();
    }

    static QString displayName(Style s) { return odt::styleName(s).replace(u"_20_"_s, u" "_s); }

    void paragraphStyle(Style s)
    {
        const Look look = styleOf(s);
        x.writeStartElement(u"style:style"_s);
        x.writeAttribute(u"style:name"_s, odt::styleName(s));
        x.writeAttribute(u"style:display-name"_s, displayName(s));
        x.writeAttribute(u"style:family"_s, u"paragraph"_s);
        x.writeAttribute(u"style:parent-style-name"_s, u"Standard"_s);
        if (look.outline) {
            x.writeAttribute(u"style:default-outline-level"_s, QString::number(look.outline));
            x.writeAttribute(u"style:next-style-name"_s, odt::styleName(Style::Body));
            x.writeAttribute(u"style:class"_s, u"text"_s);
        }
        if (s == Style::ListBullet || s == Style::ListNumber)
            x.writeAttribute(u"style:list-style-name"_s,
                             s == Style::ListBullet ? u"List_20_Bullets"_s : u"List_20_Numbers"_s);
        x.writeStartElement(u"style:paragraph-properties"_s);
        x.writeAttribute(u"fo:margin-top"_s, pt(look.before));
        x.writeAttribute(u"fo:margin-bottom"_s, pt(look.after));
        const bool single = s == Style::TableText || s == Style::TableHeading ||
                            s == Style::FootnoteText || s == Style::Embargo || s == Style::Badge ||
                            look.outline || s == Style::Title || s == Style::Subtitle;
        x.writeAttribute(u"fo:line-height"_s, single ? u"100%"_s : u"118%"_s);
        if (look.keepNext)
            x.writeAttribute(u"fo:keep-with-next"_s, u"always"_s);
        if (s == Style::Title || s == Style::Subtitle || s == Style::Embargo) {
            x.writeAttribute(u"fo:background-color"_s,
                             (s == Style::Embargo ? style::embargo() : style::accent()).name());
            x.writeAttribute(u"fo:padding"_s, s == Style::Embargo ? u"0.1cm"_s : u"0.3cm"_s);
        }
        if (s == Style::Embargo || s == Style::Badge)
            x.writeAttribute(u"fo:text-align"_s, u"center"_s);
        if (s == Style::Contents2)
            x.writeAttribute(u"fo:margin-left"_s, u"0.42cm"_s);
        if (s == Style::FootnoteText) {
            x.writeAttribute(u"fo:margin-left"_s, u"0.4cm"_s);
            x.writeAttribute(u"fo:text-indent"_s, u"-0.4cm"_s);
        }
        if (s == Style::Contents1 || s == Style::Contents2) {
            // The page number at the right margin, dots leading to it.
            x.writeStartElement(u"style:tab-stops"_s);
            x.writeEmptyElement(u"style:tab-stop"_s);
            x.writeAttribute(u"style:position"_s,
                             QString::number(16.6 - (s == Style::Contents2 ? 0.42 : 0), 'f', 2) +
                                 u"cm"_s);
            x.writeAttribute(u"style:type"_s, u"right"_s);
            x.writeAttribute(u"style:leader-style"_s, u"dotted"_s);
            x.writeAttribute(u"style:leader-text"_s, u"."_s);
            x.writeEndElement();
        }
        x.writeEndElement();
        textProperties(look);
        x.writeEndElement();
    }

    void simpleStyle(const QString& name, const QString& display, const QString& family,
                     const std::function<void()>& body)
    {
        x.writeStartElement(u"style:style"_s);
        x.writeAttribute(u"style:name"_s, name);
        x.writeAttribute(u"style:display-name"_s, display);
        x.writeAttribute(u"style:family"_s, family);
        if (family == u"paragraph"_s)
            x.writeAttribute(u"style:parent-style-name"_s, u"Standard"_s);
        body();
        x.writeEndElement();
    }

    void furniture()
    {
        for (const QString& name : {u"Header"_s, u"Footer"_s})
            simpleStyle(name, name, u"paragraph"_s, [&] {
                x.writeEmptyElement(u"style:paragraph-properties"_s);
                x.writeAttribute(u"fo:margin-top"_s, u"0pt"_s);
                x.writeAttribute(u"fo:margin-bottom"_s, name == u"Header"_s ? u"2pt"_s : u"0pt"_s);
                if (name == u"Header"_s) {
                    x.writeAttribute(u"fo:border-bottom"_s,
                                     u"0.5pt solid "_s + style::rule().name());
                    x.writeAttribute(u"fo:padding-bottom"_s, u"0.1cm"_s);
                } else {
                    x.writeAttribute(u"fo:text-align"_s, u"center"_s);
                }
                x.writeEmptyElement(u"style:text-properties"_s);
                x.writeAttribute(u"fo:font-size"_s, u"8pt"_s);
                x.writeAttribute(u"fo:color"_s, style::muted().name());
            });
        simpleStyle(u"Draft_20_Mark"_s, u"Draft Mark"_s, u"paragraph"_s, [&] {
            x.writeEmptyElement(u"style:paragraph-properties"_s);
            x.writeAttribute(u"fo:margin-top"_s, u"2pt"_s);
            x.writeAttribute(u"fo:margin-bottom"_s, u"4pt"_s);
            x.writeAttribute(u"fo:margin-left"_s, u"6cm"_s);
            x.writeAttribute(u"fo:margin-right"_s, u"6cm"_s);
            x.writeAttribute(u"fo:text-align"_s, u"center"_s);
            x.writeAttribute(u"fo:border"_s, u"1pt solid "_s + style::embargo().name());
            x.writeAttribute(u"fo:padding"_s, u"0.05cm"_s);
            x.writeEmptyElement(u"style:text-properties"_s);
            x.writeAttribute(u"fo:font-size"_s, u"10pt"_s);
            x.writeAttribute(u"fo:font-weight"_s, u"bold"_s);
            x.writeAttribute(u"fo:color"_s, style::embargo().name());
        });
        simpleStyle(u"Draft_20_Note"_s, u"Draft Note"_s, u"text"_s, [&] {
            x.writeEmptyElement(u"style:text-properties"_s);
            x.writeAttribute(u"fo:font-size"_s, u"8pt"_s);
            x.writeAttribute(u"fo:font-weight"_s, u"normal"_s);
        });
        simpleStyle(u"Contents_20_Link"_s, u"Contents Link"_s, u"text"_s, [&] {
            x.writeEmptyElement(u"style:text-properties"_s);
            x.writeAttribute(u"style:text-underline-style"_s, u"none"_s);
        });
        simpleStyle(u"Footnote_20_anchor"_s, u"Footnote anchor"_s, u"text"_s, [&] {
            x.writeEmptyElement(u"style:text-properties"_s);
            x.writeAttribute(u"style:text-position"_s, u"super 58%"_s);
        });
        simpleStyle(u"Chart"_s, u"Chart"_s, u"graphic"_s, [&] {
            x.writeEmptyElement(u"style:graphic-properties"_s);
            x.writeAttribute(u"style:vertical-pos"_s, u"top"_s);
            x.writeAttribute(u"style:vertical-rel"_s, u"baseline"_s);
            x.writeAttribute(u"fo:border"_s, u"none"_s);
        });
    }

    void lists()
    {
        for (const bool bullets : {true, false}) {
            x.writeStartElement(u"text:list-style"_s);
            x.writeAttribute(u"style:name"_s,
                             bullets ? u"List_20_Bullets"_s : u"List_20_Numbers"_s);
            x.writeAttribute(u"style:display-name"_s,
                             bullets ? u"List Bullets"_s : u"List Numbers"_s);
            for (int level = 1; level <= 3; ++level) {
                x.writeStartElement(bullets ? u"text:list-level-style-bullet"_s
                                            : u"text:list-level-style-number"_s);
                x.writeAttribute(u"text:level"_s, QString::number(level));
                if (bullets) {
                    x.writeAttribute(u"text:bullet-char"_s, level == 2 ? u"\u2013"_s : u"\u2022"_s);
                } else {
                    x.writeAttribute(u"style:num-suffix"_s, u"."_s);
                    x.writeAttribute(u"style:num-format"_s, level == 2 ? u"a"_s : u"1"_s);
                }
                x.writeStartElement(u"style:list-level-properties"_s);
                x.writeAttribute(u"text:list-level-position-and-space-mode"_s,
                                 u"label-alignment"_s);
                const QString margin = QString::number(0.635 * level, 'f', 3) + u"cm"_s;
                x.writeEmptyElement(u"style:list-level-label-alignment"_s);
                x.writeAttribute(u"text:label-followed-by"_s, u"listtab"_s);
                x.writeAttribute(u"text:list-tab-stop-position"_s, margin);
                x.writeAttribute(u"fo:text-indent"_s, u"-0.635cm"_s);
                x.writeAttribute(u"fo:margin-left"_s, margin);
                x.writeEndElement();
                x.writeEmptyElement(u"style:text-properties"_s);
                x.writeAttribute(u"fo:color"_s, style::accent().name());
                x.writeEndElement();
            }
            x.writeEndElement();
        }
    }

    void notes()
    {
        x.writeEmptyElement(u"text:notes-configuration"_s);
        x.writeAttribute(u"text:note-class"_s, u"footnote"_s);
        x.writeAttribute(u"text:citation-body-style-name"_s, u"Footnote_20_anchor"_s);
        x.writeAttribute(u"text:default-style-name"_s, u"Footnote"_s);
        x.writeAttribute(u"style:num-format"_s, u"1"_s);
        x.writeAttribute(u"text:start-value"_s, u"0"_s);
        x.writeAttribute(u"text:footnotes-position"_s, u"page"_s);
        x.writeAttribute(u"text:start-numbering-at"_s, u"document"_s);
    }

    void pageLayout()
    {
        x.writeStartElement(u"style:page-layout"_s);
        x.writeAttribute(u"style:name"_s, u"A4"_s);
        x.writeEmptyElement(u"style:page-layout-properties"_s);
        x.writeAttribute(u"fo:page-width"_s, u"21cm"_s);
        x.writeAttribute(u"fo:page-height"_s, u"29.7cm"_s);
        x.writeAttribute(u"style:print-orientation"_s, u"portrait"_s);
        x.writeAttribute(u"fo:margin-top"_s, u"0.8cm"_s);
        x.writeAttribute(u"fo:margin-bottom"_s, u"1cm"_s);
        x.writeAttribute(u"fo:margin-left"_s, u"2.2cm"_s);
        x.writeAttribute(u"fo:margin-right"_s, u"2.2cm"_s);
        x.writeStartElement(u"style:header-style"_s);
        x.writeEmptyElement(u"style:header-footer-properties"_s);
        x.writeAttribute(u"fo:min-height"_s, u"0.9cm"_s);
        x.writeAttribute(u"fo:margin-bottom"_s, u"0.5cm"_s);
        x.writeAttribute(u"style:dynamic-spacing"_s, u"false"_s);
        x.writeEndElement();
        x.writeStartElement(u"style:footer-style"_s);
        x.writeEmptyElement(u"style:header-footer-properties"_s);
        x.writeAttribute(u"fo:min-height"_s, u"0.6cm"_s);
        x.writeAttribute(u"fo:margin-top"_s, u"0.6cm"_s);
        x.writeEndElement();
        x.writeEndElement();
    }

    void header(bool running)
    {
        if (!running && m_flow.embargoNotice.isEmpty() && !m_flow.draft)
            return;
        x.writeStartElement(u"style:header"_s);
        if (!m_flow.embargoNotice.isEmpty()) {
            x.writeStartElement(u"text:p"_s);
            x.writeAttribute(u"text:style-name"_s, odt::styleName(Style::Embargo));
            x.writeCharacters(xmlSafe(m_flow.embargoNotice));
            x.writeEndElement();
        }
        if (m_flow.draft) {
            x.writeStartElement(u"text:p"_s);
            x.writeAttribute(u"text:style-name"_s, u"Draft_20_Mark"_s);
            x.writeCharacters(u"DRAFT"_s);
            x.writeStartElement(u"text:span"_s);
            x.writeAttribute(u"text:style-name"_s, u"Draft_20_Note"_s);
            x.writeCharacters(u" \u2013 not for publication"_s);
            x.writeEndElement();
            x.writeEndElement();
        }
        if (running) {
            x.writeStartElement(u"text:p"_s);
            x.writeAttribute(u"text:style-name"_s, u"Header"_s);
            x.writeCharacters(xmlSafe(m_flow.runningTitle));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    void footer(bool numbered)
    {
        x.writeStartElement(u"style:footer"_s);
        x.writeStartElement(u"text:p"_s);
        x.writeAttribute(u"text:style-name"_s, u"Footer"_s);
        if (numbered) {
            x.writeCharacters(u"Page "_s);
            x.writeStartElement(u"text:page-number"_s);
            x.writeAttribute(u"text:select-page"_s, u"current"_s);
            x.writeCharacters(u"1"_s);
            x.writeEndElement();
            x.writeCharacters(u" of "_s);
            x.writeTextElement(u"text:page-count"_s, u"1"_s);
        }
        x.writeEndElement();
        x.writeEndElement();
    }

    void masterPages()
    {
        x.writeStartElement(u"office:master-styles"_s);
        x.writeStartElement(u"style:master-page"_s);
        x.writeAttribute(u"style:name"_s, u"Standard"_s);
        x.writeAttribute(u"style:page-layout-name"_s, u"A4"_s);
        header(true);
        footer(true);
        x.writeEndElement();
        // A report's title page and a letter's letterhead: no running title; no page number on
        // the title page.
        x.writeStartElement(u"style:master-page"_s);
        x.writeAttribute(u"style:name"_s, u"First_20_Page"_s);
        x.writeAttribute(u"style:display-name"_s, u"First Page"_s);
        x.writeAttribute(u"style:page-layout-name"_s, u"A4"_s);
        x.writeAttribute(u"style:next-style-name"_s, u"Standard"_s);
        header(false);
        footer(!m_flow.titlePage);
        x.writeEndElement();
        x.writeEndElement();
    }

    const Flow& m_flow;
    QByteArray m_out;
    QXmlStreamWriter x{&m_out};
};

} // namespace

QByteArray styles(const flow::Flow& flow)
{
    return Styles(flow).write();
}

} // namespace fwb::documents::odt
