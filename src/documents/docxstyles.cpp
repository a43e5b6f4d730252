// The parts of a Word document that do not depend on its text: the styles (one per flow::Style,
// under Word's own names for its built-in styles, so that Word's navigation pane, contents and
// style gallery know them), the list numbering and the settings.
#include "documents/docx.h"

#include "documents/style.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace fwb::documents::docx {
namespace {

using namespace flow;

constexpr const char* kFont = "Arial"; // Liberation Sans, which LibreOffice uses for it, has its
                                       // metrics
const QString kW = u"http://schemas.openxmlformats.org/wordprocessingml/2006/main"_s;
constexpr int kTextWidthTwips = int((210 - 22 - 22) / 25.4 * 1440);

QString hex(const QColor& c)
{
    return c.name().mid(1).toUpper();
}
QString num(qreal v)
{
    return QString::number(std::lround(v));
}

class Styles {
public:
    QByteArray write()
    {
        x.writeStartDocument(u"1.0"_s, true);
        x.writeStartElement(u"w:styles"_s);
        x.writeAttribute(u"xmlns:w"_s, kW);
        defaults();
        for (int s = int(Style::Body); s <= int(Style::Contents2); ++s)
            paragraphStyle(Style(s));
        extraParagraphStyles();
        characterStyles();
        tableStyle();
        x.writeEndElement();
        x.writeEndDocument();
        return m_out;
    }

private:
    void val(const QString& element, const QString& value)
    {
        x.writeEmptyElement(element);
        x.writeAttribute(u"w:val"_s, value);
    }
    void fonts()
    {
        x.writeEmptyElement(u"w:rFonts"_s);
        for (const QString& a : {u"w:ascii"_s, u"w:hAnsi"_s, u"w:eastAsia"_s, u"w:cs"_s})
            x.writeAttribute(a, QString::fromLatin1(kFont));
    }
    void size(qreal points)
    {
        val(u"w:sz"_s, num(points * 2));
        val(u"w:szCs"_s, num(points * 2));
    }
    void shade(const QColor& c)
    {
        x.writeEmptyElement(u"w:shd"_s);
        x.writeAttribute(u"w:val"_s, u"clear"_s);
        x.writeAttribute(u"w:color"_s, u"auto"_s);
        x.writeAttribute(u"w:fill"_s, hex(c));
    }
    void border(const QString& side, const QColor& c, int eighths, int space)
    {
        x.writeEmptyElement(u"w:"_s + side);
        x.writeAttribute(u"w:val"_s, u"single"_s);
        x.writeAttribute(u"w:sz"_s, QString::number(eighths));
        x.writeAttribute(u"w:space"_s, QString::number(space));
        x.writeAttribute(u"w:color"_s, hex(c));
    }
    void spacing(qreal before, qreal after, int line = 0)
    {
        x.writeEmptyElement(u"w:spacing"_s);
        x.writeAttribute(u"w:before"_s, num(before * 20));
        x.writeAttribute(u"w:after"_s, num(after * 20));
        if (line) {
            x.writeAttribute(u"w:line"_s, QString::number(line));
            x.writeAttribute(u"w:lineRule"_s, u"auto"_s);
        }
    }

    void defaults()
    {
        x.writeStartElement(u"w:docDefaults"_s);
        x.writeStartElement(u"w:rPrDefault"_s);
        x.writeStartElement(u"w:rPr"_s);
        fonts();
        size(10.5);
        x.writeEmptyElement(u"w:lang"_s);
        x.writeAttribute(u"w:val"_s, u"en-GB"_s);
        x.writeAttribute(u"w:eastAsia"_s, u"en-GB"_s);
        x.writeAttribute(u"w:bidi"_s, u"ar-SA"_s);
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement(u"w:pPrDefault"_s);
        x.writeStartElement(u"w:pPr"_s);
        spacing(0, 5.25, 283);
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    static QString wordName(Style s)
    {
        switch (s) {
        case Style::Heading1:
        case Style::Heading2:
        case Style::Heading3:
        case Style::Heading4:
            return styleName(s).toLower(); // "heading 1": Word's own
        case Style::Caption:
            return u"caption"_s;
        case Style::FootnoteText:
            return u"footnote text"_s;
        case Style::Contents1:
            return u"toc 1"_s;
        case Style::Contents2:
            return u"toc 2"_s;
        default:
            return styleName(s);
        }
    }
    static QString wordId(Style s)
    {
        return s == Style::Contents1 ? u"TOC1"_s : s == Style::Contents2 ? u"TOC2"_s : styleId(s);
    }

    void begin(const QString& type, const QString& id, const QString& name, bool isDefault = false)
    {
        x.writeStartElement(u"w:style"_s);
        x.writeAttribute(u"w:type"_s, type);
        if (isDefault)
            x.writeAttribute(u"w:default"_s, u"1"_s);
        x.writeAttribute(u"w:styleId"_s, id);
        val(u"w:name"_s, name);
    }

    void paragraphStyle(Style s)
    {
        const Look look = styleOf(s);
        begin(u"paragraph"_s, wordId(s), wordName(s), s == Style::Body);
        if (s != Style::Body)
            val(u"w:basedOn"_s, u"Normal"_s);
        if (look.outline || s == Style::Title || s == Style::Caption)
            val(u"w:next"_s, u"Normal"_s);
        x.writeEmptyElement(u"w:qFormat"_s);
        x.writeStartElement(u"w:pPr"_s);
        if (look.keepNext)
            x.writeEmptyElement(u"w:keepNext"_s);
        if (s == Style::ListBullet) {
            x.writeStartElement(u"w:numPr"_s);
            val(u"w:numId"_s, u"1"_s);
            x.writeEndElement();
        } else if (s == Style::ListNumber) {
            x.writeStartElement(u"w:numPr"_s);
            val(u"w:numId"_s, u"2"_s);
            x.writeEndElement();
        }
        const bool band = s == Style::Title || s == Style::Subtitle || s == Style::Embargo;
        const QColor fill = s == Style::Embargo ? style::embargo() : style::accent();
        if (band) {
            x.writeStartElement(u"w:pBdr"_s);
            for (const QString& side : {u"top"_s, u"left"_s, u"bottom"_s, u"right"_s})
                border(side, fill, 4, side == u"top"_s || side == u"bottom"_s ? 4 : 8);
            x.writeEndElement();
            shade(fill);
        }
        if (s == Style::Contents1 || s == Style::Contents2) {
            x.writeStartElement(u"w:tabs"_s);
            x.writeEmptyElement(u"w:tab"_s);
            x.writeAttribute(u"w:val"_s, u"right"_s);
            x.writeAttribute(u"w:leader"_s, u"dot"_s);
            x.writeAttribute(u"w:pos"_s, QString::number(kTextWidthTwips));
            x.writeEndElement();
        }
        const bool single = s == Style::TableText || s == Style::TableHeading ||
                            s == Style::FootnoteText || s == Style::Embargo || s == Style::Badge ||
                            look.outline || s == Style::Title || s == Style::Subtitle;
        spacing(look.before, look.after, single ? 240 : 283);
        if (band) {
            x.writeEmptyElement(u"w:ind"_s);
            x.writeAttribute(u"w:left"_s, u"160"_s);
            x.writeAttribute(u"w:right"_s, u"160"_s);
        } else if (s == Style::Contents2) {
            x.writeEmptyElement(u"w:ind"_s);
            x.writeAttribute(u"w:left"_s, u"240"_s);
        } else if (s == Style::FootnoteText) {
            x.writeEmptyElement(u"w:ind"_s);
            x.writeAttribute(u"w:left"_s, u"240"_s);
            x.writeAttribute(u"w:hanging"_s, u"240"_s);
        }
        if (s == Style::Embargo || s == Style::Badge)
            val(u"w:jc"_s, u"center"_s);
        if (look.outline)
            val(u"w:outlineLvl"_s, QString::number(look.outline - 1));
        x.writeEndElement();
        x.writeStartElement(u"w:rPr"_s);
        if (look.bold)
            x.writeEmptyElement(u"w:b"_s);
        if (look.italic)
            x.writeEmptyElement(u"w:i"_s);
        if (look.colour.isValid())
            val(u"w:color"_s, hex(look.colour));
        size(look.size);
        x.writeEndElement();
        x.writeEndElement();
    }

    void extraParagraphStyles()
    {
        // The page furniture.
        for (const auto& [id, name] :
             {std::pair{u"Header"_s, u"header"_s}, std::pair{u"Footer"_s, u"footer"_s}}) {
            begin(u"paragraph"_s, id, name);
            val(u"w:basedOn"_s, u"Normal"_s);
            x.writeStartElement(u"w:pPr"_s);
            if (id == u"Header"_s) {
                x.writeStartElement(u"w:pBdr"_s);
                border(u"bottom"_s, style::rule(), 4, 4);
                x.writeEndElement();
            }
            spacing(0, id == u"Header"_s ? 6 : 0, 240);
            if (id == u"Footer"_s)
                val(u"w:jc"_s, u"center"_s);
            x.writeEndElement();
            x.writeStartElement(u"w:rPr"_s);
            val(u"w:color"_s, hex(style::muted()));
            size(8);
            x.writeEndElement();
            x.writeEndElement();
        }
        begin(u"paragraph"_s, u"DraftMark"_s, u"Draft Mark"_s);
        val(u"w:basedOn"_s, u"Normal"_s);
        x.writeStartElement(u"w:pPr"_s);
        x.writeStartElement(u"w:pBdr"_s);
        for (const QString& side : {u"top"_s, u"left"_s, u"bottom"_s, u"right"_s})
            border(side, style::embargo(), 8, side == u"top"_s || side == u"bottom"_s ? 1 : 4);
        x.writeEndElement();
        spacing(2, 4, 240);
        x.writeEmptyElement(u"w:ind"_s);
        x.writeAttribute(u"w:left"_s, u"3400"_s);
        x.writeAttribute(u"w:right"_s, u"3400"_s);
        val(u"w:jc"_s, u"center"_s);
        x.writeEndElement();
        x.writeStartElement(u"w:rPr"_s);
        x.writeEmptyElement(u"w:b"_s);
        val(u"w:color"_s, hex(style::embargo()));
        size(10);
        x.writeEndElement();
        x.writeEndElement();
    }

    void characterStyles()
    {
        begin(u"character"_s, u"DefaultParagraphFont"_s, u"Default Paragraph Font"_s, true);
        x.writeEmptyElement(u"w:uiPriority"_s);
        x.writeAttribute(u"w:val"_s, u"1"_s);
        x.writeEmptyElement(u"w:semiHidden"_s);
        x.writeEndElement();
        begin(u"character"_s, u"FootnoteReference"_s, u"footnote reference"_s);
        x.writeStartElement(u"w:rPr"_s);
        val(u"w:vertAlign"_s, u"superscript"_s);
        x.writeEndElement();
        x.writeEndElement();
        begin(u"character"_s, u"Hyperlink"_s, u"Hyperlink"_s);
        x.writeStartElement(u"w:rPr"_s);
        val(u"w:color"_s, hex(style::accent()));
        val(u"w:u"_s, u"single"_s);
        x.writeEndElement();
        x.writeEndElement();
        // The reference printed beside each text of the factual accuracy pack.
        begin(u"character"_s, u"Reference"_s, u"Reference"_s);
        x.writeStartElement(u"w:rPr"_s);
        x.writeEmptyElement(u"w:rFonts"_s);
        x.writeAttribute(u"w:ascii"_s, u"Courier New"_s);
        x.writeAttribute(u"w:hAnsi"_s, u"Courier New"_s);
        x.writeEmptyElement(u"w:b"_s);
        val(u"w:color"_s, hex(style::accent()));
        size(8.5);
        x.writeEndElement();
        x.writeEndElement();
        begin(u"character"_s, u"DraftNote"_s, u"Draft Note"_s);
        x.writeStartElement(u"w:rPr"_s);
        x.writeEmptyElement(u"w:b"_s);
        x.writeAttribute(u"w:val"_s, u"0"_s);
        size(8);
        x.writeEndElement();
        x.writeEndElement();
    }

    void tableStyle()
    {
        begin(u"table"_s, u"TableNormal"_s, u"Normal Table"_s, true);
        x.writeEmptyElement(u"w:semiHidden"_s);
        x.writeStartElement(u"w:tblPr"_s);
        x.writeStartElement(u"w:tblCellMar"_s);
        for (const auto& [side, w] : {std::pair{u"top"_s, 0}, std::pair{u"left"_s, 108},
                                      std::pair{u"bottom"_s, 0}, std::pair{u"right"_s, 108}}) {
            x.writeEmptyElement(u"w:"_s + side);
            x.writeAttribute(u"w:w"_s, QString::number(w));
            x.writeAttribute(u"w:type"_s, u"dxa"_s);
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();

        begin(u"table"_s, u"FindingsTable"_s, u"Findings Table"_s);
        val(u"w:basedOn"_s, u"TableNormal"_s);
        x.writeEmptyElement(u"w:qFormat"_s);
        x.writeStartElement(u"w:pPr"_s);
        spacing(0, 0, 240);
        x.writeEndElement();
        x.writeStartElement(u"w:rPr"_s);
        size(9.5);
        x.writeEndElement();
        x.writeStartElement(u"w:tblPr"_s);
        x.writeStartElement(u"w:tblBorders"_s);
        for (const QString& side :
             {u"top"_s, u"left"_s, u"bottom"_s, u"right"_s, u"insideH"_s, u"insideV"_s})
            border(side, style::rule(), 4, 0);
        x.writeEndElement();
        x.writeStartElement(u"w:tblCellMar"_s);
        for (const auto& [side, w] : {std::pair{u"top"_s, 57}, std::pair{u"left"_s, 85},
                                      std::pair{u"bottom"_s, 57}, std::pair{u"right"_s, 85}}) {
            x.writeEmptyElement(u"w:"_s + side);
            x.writeAttribute(u"w:w"_s, QString::number(w));
            x.writeAttribute(u"w:type"_s, u"dxa"_s);
        }
        x.writeEndElement();
        x.writeEndElement();
        // The header row: white on the accent, repeated on every page.
        x.writeStartElement(u"w:tblStylePr"_s);
        x.writeAttribute(u"w:type"_s, u"firstRow"_s);
        x.writeStartElement(u"w:rPr"_s);
        x.writeEmptyElement(u"w:b"_s);
        val(u"w:color"_s, u"FFFFFF"_s);
        x.writeEndElement();
        x.writeStartElement(u"w:trPr"_s);
        x.writeEmptyElement(u"w:tblHeader"_s);
        x.writeEndElement();
        x.writeStartElement(u"w:tcPr"_s);
        shade(style::accent());
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    QByteArray m_out;
    QXmlStreamWriter x{&m_out};
};

} // namespace

QByteArray styles()
{
    return Styles().write();
}

QByteArray numbering(int numberedLists)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"w:numbering"_s);
    x.writeAttribute(u"xmlns:w"_s, kW);
    // 1: bullets, 2: numbers; hanging indents, the mark in the accent colour.
    for (int a = 1; a <= 2; ++a) {
        x.writeStartElement(u"w:abstractNum"_s);
        x.writeAttribute(u"w:abstractNumId"_s, QString::number(a));
        x.writeEmptyElement(u"w:multiLevelType"_s);
        x.writeAttribute(u"w:val"_s, u"hybridMultilevel"_s);
        for (int level = 0; level < 3; ++level) {
            x.writeStartElement(u"w:lvl"_s);
            x.writeAttribute(u"w:ilvl"_s, QString::number(level));
            auto v = [&](const QString& e, const QString& value) {
                x.writeEmptyElement(e);
                x.writeAttribute(u"w:val"_s, value);
            };
            v(u"w:start"_s, u"1"_s);
            v(u"w:numFmt"_s, a == 1 ? u"bullet"_s : level == 1 ? u"lowerLetter"_s : u"decimal"_s);
            v(u"w:lvlText"_s, a == 1 ? (level == 1 ? u"\u2013"_s : u"\u2022"_s)
                                     : u"%"_s + QString::number(level + 1) + u"."_s);
            v(u"w:lvlJc"_s, u"left"_s);
            x.writeStartElement(u"w:pPr"_s);
            x.writeEmptyElement(u"w:ind"_s);
            x.writeAttribute(u"w:left"_s, QString::number(360 * (level + 1)));
            x.writeAttribute(u"w:hanging"_s, u"360"_s);
            x.writeEndElement();
            x.writeStartElement(u"w:rPr"_s);
            v(u"w:color"_s, hex(style::accent()));
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }
    for (int n = 1; n <= 2 + numberedLists; ++n) {
        x.writeStartElement(u"w:num"_s);
        x.writeAttribute(u"w:numId"_s, QString::number(n));
        x.writeEmptyElement(u"w:abstractNumId"_s);
        x.writeAttribute(u"w:val"_s, n == 1 ? u"1"_s : u"2"_s);
        if (n > 2) { // each numbered list counts from 1
            x.writeStartElement(u"w:lvlOverride"_s);
            x.writeAttribute(u"w:ilvl"_s, u"0"_s);
            x.writeEmptyElement(u"w:startOverride"_s);
            x.writeAttribute(u"w:val"_s, u"1"_s);
            x.writeEndElement();
        }
        x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QByteArray settings(bool updateFields)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"w:settings"_s);
    x.writeAttribute(u"xmlns:w"_s, kW);
    x.writeEmptyElement(u"w:zoom"_s);
    x.writeAttribute(u"w:percent"_s, u"100"_s);
    x.writeEmptyElement(u"w:defaultTabStop"_s);
    x.writeAttribute(u"w:val"_s, u"720"_s);
    x.writeEmptyElement(u"w:characterSpacingControl"_s);
    x.writeAttribute(u"w:val"_s, u"doNotCompress"_s);
    // The contents' page numbers are fields: Word writes them when it opens the document.
    if (updateFields) {
        x.writeEmptyElement(u"w:updateFields"_s);
        x.writeAttribute(u"w:val"_s, u"true"_s);
    }
    x.writeStartElement(u"w:footnotePr"_s);
    for (const QString& id : {u"-1"_s, u"0"_s}) {
        x.writeEmptyElement(u"w:footnote"_s);
        x.writeAttribute(u"w:id"_s, id);
    }
    x.writeEndElement();
    x.writeStartElement(u"w:compat"_s);
    x.writeEmptyElement(u"w:compatSetting"_s);
    x.writeAttribute(u"w:name"_s, u"compatibilityMode"_s);
    x.writeAttribute(u"w:uri"_s, u"http://schemas.microsoft.com/office/word"_s);
    x.writeAttribute(u"w:val"_s, u"15"_s);
    x.writeEndElement();
    x.writeEmptyElement(u"w:themeFontLang"_s);
    x.writeAttribute(u"w:val"_s, u"en-GB"_s);
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

} // namespace fwb::documents::docx
