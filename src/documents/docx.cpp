#include "documents/docx.h"

#include "documents/package.h"
#include "documents/style.h"

#include <QImage>
#include <QXmlStreamWriter>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::documents {
namespace docx {
namespace {

using namespace flow;

const QString kW = u"http://schemas.openxmlformats.org/wordprocessingml/2006/main"_s;
const QString kR = u"http://schemas.openxmlformats.org/officeDocument/2006/relationships"_s;
const QString kRel = u"http://schemas.openxmlformats.org/package/2006/relationships"_s;

// Twips (twentieths of a point) and English Metric Units.
int twips(qreal points)
{
    return int(std::lround(points * 20));
}
constexpr qint64 kEmuPerMm = 36000;
constexpr qreal kTextWidthPt = (210 - 22 - 22) / 25.4 * 72; // A4 less the margins

QString hex(const QColor& c)
{
    return c.name().mid(1).toUpper();
}

struct Relationship {
    QString id, type, target;
    bool external = false;
};

struct Image {
    QString name;
    QByteArray png;
};

// Writes one part (document, header, footer, footnotes) and gathers what it refers to.
class Writer {
public:
    Writer(const Flow& flow, QList<Relationship>& rels, QList<Image>& images, int& ids)
        : m_flow(flow), m_rels(rels), m_images(images), m_ids(ids)
    {
    }

    QByteArray document()
    {
        begin(u"w:document"_s);
        x.writeStartElement(u"w:body"_s);
        for (const Block& b : m_flow.blocks) {
            if (b.paragraph)
                paragraph(*b.paragraph);
            else if (b.table)
                table(*b.table);
        }
        if (m_flow.blocks.isEmpty())
            paragraph(Paragraph{});
        sectionProperties();
        x.writeEndElement();
        return end();
    }

    QByteArray footnotes()
    {
        begin(u"w:footnotes"_s);
        for (const auto& [id, type] :
             {std::pair{-1, u"separator"_s}, std::pair{0, u"continuationSeparator"_s}}) {
            x.writeStartElement(u"w:footnote"_s);
            x.writeAttribute(u"w:type"_s, type);
            x.writeAttribute(u"w:id"_s, QString::number(id));
            x.writeStartElement(u"w:p"_s);
            x.writeStartElement(u"w:pPr"_s);
            x.writeStartElement(u"w:spacing"_s);
            x.writeAttribute(u"w:after"_s, u"0"_s);
            x.writeAttribute(u"w:line"_s, u"240"_s);
            x.writeAttribute(u"w:lineRule"_s, u"auto"_s);
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement(u"w:r"_s);
            x.writeEmptyElement(id < 0 ? u"w:separator"_s : u"w:continuationSeparator"_s);
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
        }
        for (const Footnote& n : m_flow.footnotes) {
            x.writeStartElement(u"w:footnote"_s);
            x.writeAttribute(u"w:id"_s, QString::number(n.number));
            x.writeStartElement(u"w:p"_s);
            paragraphProperties(flow::paragraph(Style::FootnoteText, QString()));
            x.writeStartElement(u"w:r"_s);
            runStyle(u"FootnoteReference"_s);
            x.writeEmptyElement(u"w:footnoteRef"_s);
            x.writeEndElement();
            text(u"\u2002"_s);
            for (const Run& r : n.runs)
                run(r, Style::FootnoteText);
            x.writeEndElement();
            x.writeEndElement();
        }
        return end();
    }

    // The page header: the embargo notice and the draft mark on every page, and the running title
    // where `running`.
    QByteArray header(bool running)
    {
        begin(u"w:hdr"_s);
        bool any = false;
        if (!m_flow.embargoNotice.isEmpty()) {
            paragraph(flow::paragraph(Style::Embargo, m_flow.embargoNotice));
            any = true;
        }
        if (m_flow.draft) {
            x.writeStartElement(u"w:p"_s);
            x.writeStartElement(u"w:pPr"_s);
            pStyle(u"DraftMark"_s);
            x.writeEndElement();
            text(u"DRAFT"_s);
            text(u" \u2013 not for publication"_s, u"DraftNote"_s);
            x.writeEndElement();
            any = true;
        }
        if (running && !m_flow.runningTitle.isEmpty()) {
            x.writeStartElement(u"w:p"_s);
            x.writeStartElement(u"w:pPr"_s);
            pStyle(u"Header"_s);
            x.writeEndElement();
            text(m_flow.runningTitle);
            x.writeEndElement();
            any = true;
        }
        if (!any) {
            x.writeStartElement(u"w:p"_s);
            x.writeStartElement(u"w:pPr"_s);
            pStyle(u"Header"_s);
            x.writeEndElement();
            x.writeEndElement();
        }
        return end();
    }

    QByteArray footer(bool numbered)
    {
        begin(u"w:ftr"_s);
        x.writeStartElement(u"w:p"_s);
        x.writeStartElement(u"w:pPr"_s);
        pStyle(u"Footer"_s);
        x.writeEndElement();
        if (numbered) {
            text(u"Page "_s);
            field(u"PAGE"_s, u"1"_s);
            text(u" of "_s);
            field(u"NUMPAGES"_s, u"1"_s);
        }
        x.writeEndElement();
        return end();
    }

private:
    void begin(const QString& root)
    {
        x.writeStartDocument(u"1.0"_s, true);
        x.writeStartElement(root);
        x.writeAttribute(u"xmlns:w"_s, kW);
        x.writeAttribute(u"xmlns:r"_s, kR);
        x.writeAttribute(
            u"xmlns:wp"_s,
            u"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"_s);
        x.writeAttribute(u"xmlns:a"_s, u"http://schemas.openxmlformats.org/drawingml/2006/main"_s);
        x.writeAttribute(u"xmlns:pic"_s,
                         u"http://schemas.openxmlformats.org/drawingml/2006/picture"_s);
    }
    QByteArray end()
    {
        x.writeEndElement();
        x.writeEndDocument();
        return m_out;
    }

    void pStyle(const QString& id)
    {
        x.writeEmptyElement(u"w:pStyle"_s);
        x.writeAttribute(u"w:val"_s, id);
    }
    void runStyle(const QString& id)
    {
        x.writeStartElement(u"w:rPr"_s);
        x.writeEmptyElement(u"w:rStyle"_s);
        x.writeAttribute(u"w:val"_s, id);
        x.writeEndElement();
    }
    void text(const QString& s, const QString& style = {})
    {
        x.writeStartElement(u"w:r"_s);
        if (!style.isEmpty())
            runStyle(style);
        x.writeStartElement(u"w:t"_s);
        x.writeAttribute(u"xml:space"_s, u"preserve"_s);
        x.writeCharacters(xmlSafe(s));
        x.writeEndElement();
        x.writeEndElement();
    }
    void fieldChar(const QString& type, bool dirty = false)
    {
        x.writeStartElement(u"w:r"_s);
        x.writeEmptyElement(u"w:fldChar"_s);
        x.writeAttribute(u"w:fldCharType"_s, type);
        if (dirty)
            x.writeAttribute(u"w:dirty"_s, u"true"_s);
        x.writeEndElement();
    }
    // A field: its instruction and the result shown until the word processor updates it.
    void field(const QString& instruction, const QString& result, bool dirty = false)
    {
        fieldChar(u"begin"_s, dirty);
        x.writeStartElement(u"w:r"_s);
        x.writeStartElement(u"w:instrText"_s);
        x.writeAttribute(u"xml:space"_s, u"preserve"_s);
        x.writeCharacters(u" "_s + instruction + u" "_s);
        x.writeEndElement();
        x.writeEndElement();
        fieldChar(u"separate"_s);
        text(result);
        fieldChar(u"end"_s);
    }

    static QString wordStyleId(Style s)
    {
        switch (s) {
        case Style::Contents1:
            return u"TOC1"_s;
        case Style::Contents2:
            return u"TOC2"_s;
        default:
            return styleId(s);
        }
    }

    void paragraphProperties(const Paragraph& p)
    {
        x.writeStartElement(u"w:pPr"_s);
        pStyle(wordStyleId(p.style));
        if (p.keepNext && !styleOf(p.style).keepNext)
            x.writeEmptyElement(u"w:keepNext"_s);
        if (p.pageBreakBefore)
            x.writeEmptyElement(u"w:pageBreakBefore"_s);
        if (p.style == Style::ListNumber && p.list > 0) {
            x.writeStartElement(u"w:numPr"_s);
            x.writeEmptyElement(u"w:ilvl"_s);
            x.writeAttribute(u"w:val"_s, u"0"_s);
            x.writeEmptyElement(u"w:numId"_s);
            x.writeAttribute(u"w:val"_s, QString::number(numberedList(p.list)));
            x.writeEndElement();
        }
        if (p.background.isValid()) {
            // A band of colour: its own colour as the border, for room around the text.
            x.writeStartElement(u"w:pBdr"_s);
            for (const QString& side : {u"top"_s, u"left"_s, u"bottom"_s, u"right"_s}) {
                x.writeEmptyElement(u"w:"_s + side);
                x.writeAttribute(u"w:val"_s, u"single"_s);
                x.writeAttribute(u"w:sz"_s, u"4"_s);
                x.writeAttribute(u"w:space"_s,
                                 side == u"top"_s || side == u"bottom"_s ? u"6"_s : u"8"_s);
                x.writeAttribute(u"w:color"_s, hex(p.background));
            }
            x.writeEndElement();
            x.writeEmptyElement(u"w:shd"_s);
            x.writeAttribute(u"w:val"_s, u"clear"_s);
            x.writeAttribute(u"w:color"_s, u"auto"_s);
            x.writeAttribute(u"w:fill"_s, hex(p.background));
        }
        if (p.before || p.after) {
            x.writeEmptyElement(u"w:spacing"_s);
            if (p.before)
                x.writeAttribute(u"w:before"_s, QString::number(twips(*p.before)));
            if (p.after)
                x.writeAttribute(u"w:after"_s, QString::number(twips(*p.after)));
        }
        const qreal right = p.width < 100 ? kTextWidthPt * (100 - p.width) / 100 : 0;
        if (p.indent > 0 || right > 0 || p.background.isValid()) {
            x.writeEmptyElement(u"w:ind"_s);
            // A shaded paragraph's border stands outside its text: indented by as much.
            const qreal pad = p.background.isValid() ? 8 : 0;
            x.writeAttribute(u"w:left"_s, QString::number(twips(p.indent + pad)));
            x.writeAttribute(u"w:right"_s, QString::number(twips(right + pad)));
        }
        if (p.alignment != Qt::AlignLeft) {
            x.writeEmptyElement(u"w:jc"_s);
            x.writeAttribute(u"w:val"_s, p.alignment == Qt::AlignRight     ? u"right"_s
                                         : p.alignment == Qt::AlignHCenter ? u"center"_s
                                                                           : u"both"_s);
        }
        x.writeEndElement();
    }

    int numberedList(int list)
    {
        // numbering.xml: 1 bullets, 2 numbers, then one per numbered list, each from 1.
        return 2 + list;
    }

    void paragraph(const Paragraph& p)
    {
        x.writeStartElement(u"w:p"_s);
        paragraphProperties(p);
        QList<int> marks;
        for (const QString& b : p.bookmarks) {
            const int id = m_ids++;
            marks << id;
            x.writeEmptyElement(u"w:bookmarkStart"_s);
            x.writeAttribute(u"w:id"_s, QString::number(id));
            x.writeAttribute(u"w:name"_s, b);
        }
        for (qsizetype i = 0; i < p.runs.size(); ++i) {
            const Run& r = p.runs[i];
            if (r.link.isEmpty()) {
                revised(r, p.style);
                continue;
            }
            // Neighbouring runs to the same place make one link.
            x.writeStartElement(u"w:hyperlink"_s);
            if (r.link.startsWith(QLatin1Char('#'))) {
                x.writeAttribute(u"w:anchor"_s, r.link.mid(1));
            } else {
                const QString id = u"rIdL"_s + QString::number(m_rels.size() + 1);
                m_rels.push_back({id, kR + u"/hyperlink"_s, r.link, true});
                x.writeAttribute(u"r:id"_s, id);
            }
            qsizetype j = i;
            // The contents are links throughout: they read as the contents, not as links.
            const bool styled = p.style != Style::Contents1 && p.style != Style::Contents2;
            while (j < p.runs.size() && p.runs[j].link == r.link)
                revised(p.runs[j++], p.style, styled);
            i = j - 1;
            x.writeEndElement();
        }
        for (int id : marks) {
            x.writeEmptyElement(u"w:bookmarkEnd"_s);
            x.writeAttribute(u"w:id"_s, QString::number(id));
        }
        x.writeEndElement();
    }

    void revised(const Run& r, Style s, bool link = false)
    {
        if (r.revision == 0)
            return run(r, s, link);
        x.writeStartElement(r.revision > 0 ? u"w:ins"_s : u"w:del"_s);
        x.writeAttribute(u"w:id"_s, QString::number(m_ids++));
        x.writeAttribute(u"w:author"_s,
                         xmlSafe(m_flow.revisionAuthor.isEmpty() ? u"Findings Workbench"_s
                                                                 : m_flow.revisionAuthor));
        if (m_flow.revisionDate.isValid())
            x.writeAttribute(u"w:date"_s, m_flow.revisionDate.toUTC().toString(Qt::ISODate));
        run(r, s, link);
        x.writeEndElement();
    }

    void runProperties(const Run& r, bool link)
    {
        x.writeStartElement(u"w:rPr"_s);
        if (link || r.kind == Run::Kind::NoteReference) {
            x.writeEmptyElement(u"w:rStyle"_s);
            x.writeAttribute(u"w:val"_s, link ? u"Hyperlink"_s : u"FootnoteReference"_s);
        } else if (r.mono) {
            x.writeEmptyElement(u"w:rStyle"_s);
            x.writeAttribute(u"w:val"_s, u"Reference"_s);
        }
        if (r.bold) {
            x.writeEmptyElement(u"w:b"_s);
            if (!*r.bold)
                x.writeAttribute(u"w:val"_s, u"0"_s);
        }
        if (r.italic) {
            x.writeEmptyElement(u"w:i"_s);
            if (!*r.italic)
                x.writeAttribute(u"w:val"_s, u"0"_s);
        }
        if (r.strike)
            x.writeEmptyElement(u"w:strike"_s);
        if (r.colour.isValid() && !r.mono) {
            x.writeEmptyElement(u"w:color"_s);
            x.writeAttribute(u"w:val"_s, hex(r.colour));
        }
        if (r.size > 0 && !r.mono) {
            x.writeEmptyElement(u"w:sz"_s);
            x.writeAttribute(u"w:val"_s, QString::number(std::lround(r.size * 2)));
            x.writeEmptyElement(u"w:szCs"_s);
            x.writeAttribute(u"w:val"_s, QString::number(std::lround(r.size * 2)));
        }
        if (r.underline) {
            x.writeEmptyElement(u"w:u"_s);
            x.writeAttribute(u"w:val"_s, u"single"_s);
        }
        x.writeEndElement();
    }

    void run(const Run& r, Style s, bool link = false)
    {
        switch (r.kind) {
        case Run::Kind::Text: {
            x.writeStartElement(u"w:r"_s);
            runProperties(r, link);
            x.writeStartElement(r.revision < 0 ? u"w:delText"_s : u"w:t"_s);
            x.writeAttribute(u"xml:space"_s, u"preserve"_s);
            x.writeCharacters(xmlSafe(r.text));
            x.writeEndElement();
            x.writeEndElement();
            return;
        }
        case Run::Kind::LineBreak:
        case Run::Kind::Tab:
            x.writeStartElement(u"w:r"_s);
            x.writeEmptyElement(r.kind == Run::Kind::Tab ? u"w:tab"_s : u"w:br"_s);
            x.writeEndElement();
            return;
        case Run::Kind::NoteReference:
            x.writeStartElement(u"w:r"_s);
            runProperties(r, false);
            x.writeEmptyElement(u"w:footnoteReference"_s);
            x.writeAttribute(u"w:id"_s, QString::number(r.note));
            x.writeEndElement();
            return;
        case Run::Kind::PageReference:
            // Word and LibreOffice write the page when they lay the document out.
            field(u"PAGEREF "_s + r.bookmark + u" \\h"_s, QString(), true);
            return;
        case Run::Kind::Chart:
            chart(r.chart);
            return;
        }
        Q_UNUSED(s);
    }

    void chart(const ChartSpec& spec)
    {
        const int n = int(m_images.size()) + 1;
        const QString name = u"chart-%1.png"_s.arg(n);
        const QByteArray png = chartPng(spec, 1600);
        const QImage image = QImage::fromData(png, "PNG");
        m_images.push_back({name, png});
        const QString rel = u"rIdImg"_s + QString::number(n);
        m_rels.push_back({rel, kR + u"/image"_s, u"media/"_s + name});
        const qint64 cx = 160 * kEmuPerMm;
        const qint64 cy = image.width() > 0 ? cx * image.height() / image.width() : cx / 2;
        const QString descr = xmlSafe(chartDescription(spec));
        const QString title = xmlSafe(spec.title.isEmpty() ? u"Chart %1"_s.arg(n) : spec.title);
        const QString id = QString::number(1000 + n);
        x.writeStartElement(u"w:r"_s);
        x.writeStartElement(u"w:drawing"_s);
        x.writeStartElement(u"wp:inline"_s);
        for (const QString& d : {u"distT"_s, u"distB"_s, u"distL"_s, u"distR"_s})
            x.writeAttribute(d, u"0"_s);
        x.writeEmptyElement(u"wp:extent"_s);
        x.writeAttribute(u"cx"_s, QString::number(cx));
        x.writeAttribute(u"cy"_s, QString::number(cy));
        x.writeEmptyElement(u"wp:effectExtent"_s);
        for (const QString& d : {u"l"_s, u"t"_s, u"r"_s, u"b"_s})
            x.writeAttribute(d, u"0"_s);
        x.writeEmptyElement(u"wp:docPr"_s);
        x.writeAttribute(u"id"_s, id);
        x.writeAttribute(u"name"_s, title);
        x.writeAttribute(u"descr"_s, descr);
        x.writeAttribute(u"title"_s, title);
        x.writeStartElement(u"wp:cNvGraphicFramePr"_s);
        x.writeEmptyElement(u"a:graphicFrameLocks"_s);
        x.writeAttribute(u"noChangeAspect"_s, u"1"_s);
        x.writeEndElement();
        x.writeStartElement(u"a:graphic"_s);
        x.writeStartElement(u"a:graphicData"_s);
        x.writeAttribute(u"uri"_s, u"http://schemas.openxmlformats.org/drawingml/2006/picture"_s);
        x.writeStartElement(u"pic:pic"_s);
        x.writeStartElement(u"pic:nvPicPr"_s);
        x.writeEmptyElement(u"pic:cNvPr"_s);
        x.writeAttribute(u"id"_s, id);
        x.writeAttribute(u"name"_s, name);
        x.writeAttribute(u"descr"_s, descr);
        x.writeEmptyElement(u"pic:cNvPicPr"_s);
        x.writeEndElement();
        x.writeStartElement(u"pic:blipFill"_s);
        x.writeEmptyElement(u"a:blip"_s);
        x.writeAttribute(u"r:embed"_s, rel);
        x.writeStartElement(u"a:stretch"_s);
        x.writeEmptyElement(u"a:fillRect"_s);
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement(u"pic:spPr"_s);
        x.writeStartElement(u"a:xfrm"_s);
        x.writeEmptyElement(u"a:off"_s);
        x.writeAttribute(u"x"_s, u"0"_s);
        x.writeAttribute(u"y"_s, u"0"_s);
        x.writeEmptyElement(u"a:ext"_s);
        x.writeAttribute(u"cx"_s, QString::number(cx));
        x.writeAttribute(u"cy"_s, QString::number(cy));
        x.writeEndElement();
        x.writeStartElement(u"a:prstGeom"_s);
        x.writeAttribute(u"prst"_s, u"rect"_s);
        x.writeEmptyElement(u"a:avLst"_s);
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement(); // pic:pic
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement(); // wp:inline
        x.writeEndElement();
        x.writeEndElement();
    }

    void table(const Table& t)
    {
        x.writeStartElement(u"w:tbl"_s);
        x.writeStartElement(u"w:tblPr"_s);
        x.writeEmptyElement(u"w:tblStyle"_s);
        x.writeAttribute(u"w:val"_s, u"FindingsTable"_s);
        x.writeEmptyElement(u"w:tblW"_s);
        x.writeAttribute(u"w:w"_s, u"5000"_s);
        x.writeAttribute(u"w:type"_s, u"pct"_s);
        x.writeEmptyElement(u"w:tblLook"_s);
        x.writeAttribute(u"w:firstRow"_s, t.headerRows > 0 ? u"1"_s : u"0"_s);
        x.writeAttribute(u"w:lastRow"_s, u"0"_s);
        x.writeAttribute(u"w:firstColumn"_s, u"0"_s);
        x.writeAttribute(u"w:lastColumn"_s, u"0"_s);
        x.writeAttribute(u"w:noHBand"_s, u"1"_s);
        x.writeAttribute(u"w:noVBand"_s, u"1"_s);
        x.writeEndElement();
        QList<int> widths;
        x.writeStartElement(u"w:tblGrid"_s);
        for (int c = 0; c < t.columns; ++c) {
            widths << twips(kTextWidthPt * t.widths.value(c, 100.0 / t.columns) / 100);
            x.writeEmptyElement(u"w:gridCol"_s);
            x.writeAttribute(u"w:w"_s, QString::number(widths.last()));
        }
        x.writeEndElement();
        for (int r = 0; r < t.rows.size(); ++r) {
            x.writeStartElement(u"w:tr"_s);
            if (r < t.headerRows) {
                x.writeStartElement(u"w:trPr"_s);
                x.writeEmptyElement(u"w:cantSplit"_s);
                x.writeEmptyElement(u"w:tblHeader"_s);
                x.writeEndElement();
            }
            for (int c = 0; c < t.rows[r].size(); ++c) {
                const Cell& cell = t.rows[r][c];
                const Cell* origin = &cell;
                bool continued = false;
                if (cell.covered) {
                    // Covered from the left: the cell spanning it stands for it. From above: a
                    // cell that continues the one above it.
                    if (cell.originRow == r || cell.originColumn != c)
                        continue;
                    origin = &t.rows[cell.originRow][cell.originColumn];
                    continued = true;
                }
                x.writeStartElement(u"w:tc"_s);
                x.writeStartElement(u"w:tcPr"_s);
                int width = 0;
                for (int k = 0; k < origin->columnSpan; ++k)
                    width += widths.value(c + k);
                x.writeEmptyElement(u"w:tcW"_s);
                x.writeAttribute(u"w:w"_s, QString::number(width));
                x.writeAttribute(u"w:type"_s, u"dxa"_s);
                if (origin->columnSpan > 1) {
                    x.writeEmptyElement(u"w:gridSpan"_s);
                    x.writeAttribute(u"w:val"_s, QString::number(origin->columnSpan));
                }
                if (continued)
                    x.writeEmptyElement(u"w:vMerge"_s);
                else if (cell.rowSpan > 1) {
                    x.writeEmptyElement(u"w:vMerge"_s);
                    x.writeAttribute(u"w:val"_s, u"restart"_s);
                }
                if (origin->background.isValid()) {
                    x.writeEmptyElement(u"w:shd"_s);
                    x.writeAttribute(u"w:val"_s, u"clear"_s);
                    x.writeAttribute(u"w:color"_s, u"auto"_s);
                    x.writeAttribute(u"w:fill"_s, hex(origin->background));
                }
                x.writeEndElement();
                if (continued || cell.paragraphs.isEmpty())
                    paragraph(flow::paragraph(
                        r < t.headerRows ? Style::TableHeading : Style::TableText, QString()));
                else
                    for (const Paragraph& p : cell.paragraphs)
                        paragraph(p);
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeEndElement();
        // Word joins two tables that follow each other: an empty paragraph keeps them apart.
        paragraph(flow::paragraph(Style::TableText, QString()));
    }

    void sectionProperties()
    {
        x.writeStartElement(u"w:sectPr"_s);
        for (const auto& [kind, rel] : {std::pair{u"w:headerReference"_s, u"rIdH1"_s},
                                        std::pair{u"w:headerReference"_s, u"rIdH2"_s},
                                        std::pair{u"w:footerReference"_s, u"rIdF1"_s},
                                        std::pair{u"w:footerReference"_s, u"rIdF2"_s}}) {
            x.writeEmptyElement(kind);
            x.writeAttribute(u"w:type"_s, rel.endsWith(u'1') ? u"default"_s : u"first"_s);
            x.writeAttribute(u"r:id"_s, rel);
        }
        x.writeEmptyElement(u"w:pgSz"_s);
        x.writeAttribute(u"w:w"_s, u"11906"_s);
        x.writeAttribute(u"w:h"_s, u"16838"_s);
        x.writeEmptyElement(u"w:pgMar"_s);
        x.writeAttribute(u"w:top"_s, u"1361"_s);
        x.writeAttribute(u"w:right"_s, u"1247"_s);
        x.writeAttribute(u"w:bottom"_s, u"1247"_s);
        x.writeAttribute(u"w:left"_s, u"1247"_s);
        x.writeAttribute(u"w:header"_s, u"454"_s);
        x.writeAttribute(u"w:footer"_s, u"567"_s);
        x.writeAttribute(u"w:gutter"_s, u"0"_s);
        x.writeEmptyElement(u"w:titlePg"_s);
        x.writeEndElement();
    }

    const Flow& m_flow;
    QList<Relationship>& m_rels;
    QList<Image>& m_images;
    int& m_ids;
    QByteArray m_out;
    QXmlStreamWriter x{&m_out}; // one part per writer
};

QByteArray relationships(const QList<Relationship>& rels)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"Relationships"_s);
    x.writeAttribute(u"xmlns"_s, kRel);
    for (const Relationship& r : rels) {
        x.writeEmptyElement(u"Relationship"_s);
        x.writeAttribute(u"Id"_s, r.id);
        x.writeAttribute(u"Type"_s, r.type);
        x.writeAttribute(u"Target"_s, r.target);
        if (r.external)
            x.writeAttribute(u"TargetMode"_s, u"External"_s);
    }
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QByteArray contentTypes()
{
    const QString wml = u"application/vnd.openxmlformats-officedocument.wordprocessingml."_s;
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"Types"_s);
    x.writeAttribute(u"xmlns"_s, u"http://schemas.openxmlformats.org/package/2006/content-types"_s);
    for (const auto& [ext, type] :
         {std::pair{u"rels"_s, u"application/vnd.openxmlformats-package.relationships+xml"_s},
          std::pair{u"xml"_s, u"application/xml"_s}, std::pair{u"png"_s, u"image/png"_s}}) {
        x.writeEmptyElement(u"Default"_s);
        x.writeAttribute(u"Extension"_s, ext);
        x.writeAttribute(u"ContentType"_s, type);
    }
    const QList<std::pair<QString, QString>> overrides{
        {std::pair{u"/word/document.xml"_s, wml + u"document.main+xml"_s},
         std::pair{u"/word/styles.xml"_s, wml + u"styles+xml"_s},
         std::pair{u"/word/settings.xml"_s, wml + u"settings+xml"_s},
         std::pair{u"/word/numbering.xml"_s, wml + u"numbering+xml"_s},
         std::pair{u"/word/footnotes.xml"_s, wml + u"footnotes+xml"_s},
         std::pair{u"/word/header1.xml"_s, wml + u"header+xml"_s},
         std::pair{u"/word/header2.xml"_s, wml + u"header+xml"_s},
         std::pair{u"/word/footer1.xml"_s, wml + u"footer+xml"_s},
         std::pair{u"/word/footer2.xml"_s, wml + u"footer+xml"_s},
         std::pair{u"/docProps/core.xml"_s,
                   u"application/vnd.openxmlformats-package.core-properties+xml"_s},
         std::pair{u"/docProps/app.xml"_s,
                   u"application/vnd.openxmlformats-officedocument.extended-properties+xml"_s}}};
    for (const auto& [part, type] : overrides) {
        x.writeEmptyElement(u"Override"_s);
        x.writeAttribute(u"PartName"_s, part);
        x.writeAttribute(u"ContentType"_s, type);
    }
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QByteArray coreProperties(const Flow& f)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"cp:coreProperties"_s);
    x.writeAttribute(u"xmlns:cp"_s,
                     u"http://schemas.openxmlformats.org/package/2006/metadata/core-properties"_s);
    x.writeAttribute(u"xmlns:dc"_s, u"http://purl.org/dc/elements/1.1/"_s);
    x.writeAttribute(u"xmlns:dcterms"_s, u"http://purl.org/dc/terms/"_s);
    x.writeAttribute(u"xmlns:xsi"_s, u"http://www.w3.org/2001/XMLSchema-instance"_s);
    x.writeTextElement(u"dc:title"_s, xmlSafe(f.runningTitle.isEmpty() ? f.title : f.runningTitle));
    x.writeTextElement(u"dc:creator"_s,
                       xmlSafe(f.author.isEmpty() ? u"Findings Workbench"_s : f.author));
    x.writeTextElement(u"dc:language"_s, f.language);
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QByteArray appProperties()
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(u"1.0"_s, true);
    x.writeStartElement(u"Properties"_s);
    x.writeAttribute(
        u"xmlns"_s, u"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"_s);
    x.writeTextElement(u"Application"_s, u"Findings Workbench"_s);
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

} // namespace

Result<QByteArray> write(const Flow& flow)
{
    QList<Relationship> rels{
        {u"rIdStyles"_s, kR + u"/styles"_s, u"styles.xml"_s},
        {u"rIdSettings"_s, kR + u"/settings"_s, u"settings.xml"_s},
        {u"rIdNumbering"_s, kR + u"/numbering"_s, u"numbering.xml"_s},
        {u"rIdFootnotes"_s, kR + u"/footnotes"_s, u"footnotes.xml"_s},
        {u"rIdH1"_s, kR + u"/header"_s, u"header1.xml"_s},
        {u"rIdH2"_s, kR + u"/header"_s, u"header2.xml"_s},
        {u"rIdF1"_s, kR + u"/footer"_s, u"footer1.xml"_s},
        {u"rIdF2"_s, kR + u"/footer"_s, u"footer2.xml"_s},
    };
    QList<Image> images;
    int ids = 1;
    auto part = [&] { return Writer(flow, rels, images, ids); };
    const QByteArray document = part().document();
    const QByteArray footnotes = part().footnotes();
    // A report's title page and a letter's letterhead have no running title; the title page has
    // no page number either.
    const QByteArray header1 = part().header(true);
    const QByteArray header2 = part().header(!flow.titlePage && !flow.letter);
    const QByteArray footer1 = part().footer(true);
    const QByteArray footer2 = part().footer(!flow.titlePage);
    int numbered = 0, references = 0;
    for (const Block& b : flow.blocks)
        if (b.paragraph) {
            if (b.paragraph->style == Style::ListNumber)
                numbered = qMax(numbered, b.paragraph->list);
            for (const Run& r : b.paragraph->runs)
                references += r.kind == Run::Kind::PageReference ? 1 : 0;
        }
    QList<package::Entry> entries{
        {u"[Content_Types].xml"_s, contentTypes()},
        {u"_rels/.rels"_s,
         relationships({{u"rId1"_s, kR + u"/officeDocument"_s, u"word/document.xml"_s},
                        {u"rId2"_s, kRel + u"/metadata/core-properties"_s, u"docProps/core.xml"_s},
                        {u"rId3"_s, kR + u"/extended-properties"_s, u"docProps/app.xml"_s}})},
        {u"docProps/core.xml"_s, coreProperties(flow)},
        {u"docProps/app.xml"_s, appProperties()},
        {u"word/document.xml"_s, document},
        {u"word/styles.xml"_s, styles()},
        {u"word/settings.xml"_s, settings(references > 0)},
        {u"word/numbering.xml"_s, numbering(numbered)},
        {u"word/footnotes.xml"_s, footnotes},
        {u"word/header1.xml"_s, header1},
        {u"word/header2.xml"_s, header2},
        {u"word/footer1.xml"_s, footer1},
        {u"word/footer2.xml"_s, footer2},
        {u"word/_rels/document.xml.rels"_s, relationships(rels)},
    };
    for (const Image& i : images)
        entries.push_back({u"word/media/"_s + i.name, i.png, true});
    return package::write(entries);
}

} // namespace docx

Result<QByteArray> toDocx(const Assembly& a)
{
    const flow::Flow f = flow::fromAssembly(a);
    auto out = docx::write(f);
    if (out)
        spdlog::debug("DOCX of {}: {} blocks, {} footnotes, {} charts", a.source.uid.toStdString(),
                      f.blocks.size(), f.footnotes.size(), f.charts);
    return out;
}

} // namespace fwb::documents
