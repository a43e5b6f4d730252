#include "documents/flow.h"

#include "documents/markdown.h"
#include "documents/style.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

using namespace Qt::StringLiterals;

namespace fwb::documents::flow {

Look styleOf(Style s)
{
    const QColor ink = style::ink(), accent = style::accent(), muted = style::muted();
    switch (s) {
    case Style::Body:
        return {10.5, false, false, ink, 0, 5.25};
    case Style::Title:
        return {26, true, false, Qt::white, 0, 7.5};
    case Style::Subtitle:
        return {16, false, false, Qt::white, 0, 7.5};
    case Style::Heading1:
        return {18, true, false, accent, 4.5, 10.5, true, 1};
    case Style::Heading2:
        return {14, true, false, accent, 12, 6, true, 2};
    case Style::Heading3:
        return {11.5, true, false, ink, 9, 6, true, 3};
    case Style::Heading4:
        return {10.5, true, true, ink, 9, 4.5, true, 4};
    case Style::ListBullet:
    case Style::ListNumber:
        return {10.5, false, false, ink, 0, 3.75};
    case Style::Caption:
        return {10, true, false, accent, 7.5, 4.5, true};
    case Style::Note:
        return {10, false, true, muted, 0, 5.25};
    case Style::FootnoteText:
        return {8.5, false, false, muted, 0, 1.5};
    case Style::Embargo:
        return {11, true, false, Qt::white, 0, 0};
    case Style::Badge:
        return {13, true, false, QColor(), 0, 0};
    case Style::TableText:
        return {9.5, false, false, ink, 0, 0};
    case Style::TableHeading:
        return {9, true, false, Qt::white, 0, 0};
    case Style::Contents1:
        return {10.5, true, false, accent, 3.75, 1.5};
    case Style::Contents2:
        return {10, false, false, ink, 0, 1.5};
    }
    return {};
}

QString styleName(Style s)
{
    switch (s) {
    case Style::Body:
        return u"Normal"_s;
    case Style::Title:
        return u"Title"_s;
    case Style::Subtitle:
        return u"Subtitle"_s;
    case Style::Heading1:
        return u"Heading 1"_s;
    case Style::Heading2:
        return u"Heading 2"_s;
    case Style::Heading3:
        return u"Heading 3"_s;
    case Style::Heading4:
        return u"Heading 4"_s;
    case Style::ListBullet:
        return u"List Bullet"_s;
    case Style::ListNumber:
        return u"List Number"_s;
    case Style::Caption:
        return u"Caption"_s;
    case Style::Note:
        return u"Note"_s;
    case Style::FootnoteText:
        return u"Footnote Text"_s;
    case Style::Embargo:
        return u"Embargo Notice"_s;
    case Style::Badge:
        return u"Grade"_s;
    case Style::TableText:
        return u"Table Text"_s;
    case Style::TableHeading:
        return u"Table Heading"_s;
    case Style::Contents1:
        return u"Contents 1"_s;
    case Style::Contents2:
        return u"Contents 2"_s;
    }
    return {};
}

QString styleId(Style s)
{
    return styleName(s).remove(QLatin1Char(' '));
}

QString Paragraph::plainText() const
{
    QString out;
    for (const Run& r : runs)
        if (r.kind == Run::Kind::Text)
            out += r.text;
        else if (r.kind == Run::Kind::LineBreak || r.kind == Run::Kind::Tab)
            out += QLatin1Char(' ');
    return out;
}

bool isDraft(const QString& status)
{
    return status != u"final"_s && status != u"published"_s;
}

QString xmlSafe(const QString& text)
{
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char16_t u = out[i].unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < out.size() && out[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        const bool ok = u == 0x9 || u == 0xa || u == 0xd || (u >= 0x20 && u <= 0xd7ff) ||
                        (u >= 0xe000 && u <= 0xfffd);
        if (!ok)
            out[i] = QChar::ReplacementCharacter;
    }
    return out;
}

Paragraph paragraph(Style s, const QString& text)
{
    Paragraph p;
    p.style = s;
    if (!text.isEmpty())
        p.runs.push_back(Run::of(Run::Kind::Text, text));
    return p;
}

QString chartDescription(const ChartSpec& spec)
{
    using style::number;
    const QString unit = spec.unit.isEmpty() ? QString() : u" ("_s + spec.unit + u")"_s;
    QStringList items;
    QString head;
    switch (spec.kind) {
    case ChartSpec::Kind::Bars:
        head = u"Bar chart: "_s + spec.title + unit + u". "_s;
        for (qsizetype i = 0; i < spec.categories.size(); ++i) {
            QString item = spec.categories[i] + u": "_s + spec.forceLabel + u" "_s +
                           number(spec.force.value(i));
            if (i < spec.national.size() && spec.national[i])
                item += u", "_s + spec.nationalLabel + u" "_s + number(*spec.national[i]);
            items << item;
        }
        break;
    case ChartSpec::Kind::Line:
        head = u"Line chart: "_s + spec.title + unit + u", over time. "_s;
        for (qsizetype i = 0; i < spec.categories.size(); ++i) {
            QString item = spec.categories[i] + u": "_s + spec.forceLabel + u" "_s +
                           number(spec.force.value(i));
            if (i < spec.national.size() && spec.national[i])
                item += u", "_s + spec.nationalLabel + u" "_s + number(*spec.national[i]);
            items << item;
        }
        break;
    case ChartSpec::Kind::Forces:
        head = u"Column chart: "_s + spec.title + unit + u", one column per force, highest first"_s;
        if (spec.marked >= 0 && spec.marked < spec.categories.size())
            head += u", "_s + spec.categories[spec.marked] + u" marked"_s;
        head += u". "_s;
        for (qsizetype i = 0; i < spec.categories.size(); ++i)
            items << spec.categories[i] + u" "_s + number(spec.force.value(i));
        if (!spec.national.isEmpty() && spec.national.first())
            items << spec.nationalLabel + u" "_s + number(*spec.national.first());
        break;
    }
    return head + items.join(u"; "_s) + u"."_s;
}

QByteArray chartPng(const ChartSpec& spec, int width)
{
    const qreal pt = width / 46.0;
    const QSizeF size = spec.sizeFor(width, pt);
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        spec.paint(p, QRectF(QPointF(0, 0), size), pt);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

namespace {

bool isSuperscriptDigit(QChar c)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    return digits.contains(c);
}

int superscriptValue(const QString& s)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    int n = 0;
    for (QChar c : s)
        n = n * 10 + int(digits.indexOf(c));
    return n;
}

constexpr qreal kPoint = 72.0 / kLayoutDpi; // points in a layout pixel

class Reader {
public:
    Reader(const Assembly& a, Flow& out) : m_a(a), m_out(out) {}

    void run()
    {
        const QTextDocument& doc = *m_a.document;
        // First the notes and the places links go to: a note is printed after the text that
        // refers to it, and the contents come before the headings they name.
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            if (b.blockFormat().intProperty(BlockRoleProperty) == int(BlockRole::Footnote)) {
                const int n = b.blockFormat().intProperty(FootnoteNumberProperty);
                Paragraph p = paragraphOf(b, Style::FootnoteText, false);
                // The number printed before the text is the word processor's to write.
                if (!p.runs.isEmpty() && p.runs.first().kind == Run::Kind::Text &&
                    p.runs.first().text.startsWith(QString::number(n))) {
                    QString& t = p.runs.first().text;
                    t = t.mid(QString::number(n).size());
                    while (!t.isEmpty() && (t[0] == QChar(0x2002) || t[0].isSpace()))
                        t.remove(0, 1);
                    if (t.isEmpty())
                        p.runs.removeFirst();
                }
                m_noteRuns.insert(n, p.runs);
            }
            for (auto it = b.begin(); !it.atEnd(); ++it)
                for (const QString& name : it.fragment().charFormat().anchorNames())
                    bookmarkFor(name);
        }
        if (m_a.contents)
            for (int r = 0; r < m_a.contentsEntries.size(); ++r) {
                const Heading& h = m_a.headings[m_a.contentsEntries[r]];
                m_headingMarks.insert(doc.findBlock(h.cursor.position()).position(),
                                      u"toc"_s + QString::number(r + 1));
            }
        frame(doc.rootFrame());
    }

private:
    QString bookmarkFor(const QString& anchor)
    {
        auto it = m_bookmarks.constFind(anchor);
        if (it != m_bookmarks.cend())
            return *it;
        const QString id = u"sec"_s + QString::number(m_bookmarks.size() + 1);
        m_bookmarks.insert(anchor, id);
        return id;
    }

    void add(Paragraph p)
    {
        if (p.runs.isEmpty() && p.bookmarks.isEmpty() && !p.pageBreakBefore)
            return;
        if (p.runs.isEmpty()) { // an empty line carries its marks on to what follows
            m_pendingMarks += p.bookmarks;
            m_pendingBreak = m_pendingBreak || p.pageBreakBefore;
            return;
        }
        p.bookmarks = m_pendingMarks + p.bookmarks;
        p.pageBreakBefore = p.pageBreakBefore || m_pendingBreak;
        m_pendingMarks.clear();
        m_pendingBreak = false;
        m_out.blocks.push_back({std::move(p), std::nullopt});
    }

    void frame(QTextFrame* f)
    {
        for (auto it = f->begin(); !it.atEnd(); ++it) {
            if (QTextFrame* child = it.currentFrame()) {
                if (auto* t = qobject_cast<QTextTable*>(child))
                    table(t);
                else
                    frame(child);
                continue;
            }
            const QTextBlock b = it.currentBlock();
            const int role = b.blockFormat().intProperty(BlockRoleProperty);
            if (role == int(BlockRole::Embargo))
                continue; // on every page, in the header
            if (role == int(BlockRole::Footnote)) {
                const int n = b.blockFormat().intProperty(FootnoteNumberProperty);
                if (!m_referenced.contains(n))
                    add(paragraphOf(b, Style::FootnoteText)); // a note no text refers to
                continue;
            }
            add(paragraphOf(b, styleFor(b)));
        }
    }

    Style styleFor(const QTextBlock& b)
    {
        switch (BlockRole(b.blockFormat().intProperty(BlockRoleProperty))) {
        case BlockRole::Title:
            return Style::Title;
        case BlockRole::Subtitle:
            return Style::Subtitle;
        case BlockRole::Caption:
            return Style::Caption;
        case BlockRole::Note:
            return Style::Note;
        case BlockRole::Badge:
            return Style::Badge;
        default:
            break;
        }
        if (const int level = b.blockFormat().headingLevel(); level > 0)
            return Style(int(Style::Heading1) + qMin(level, 4) - 1);
        if (const QTextList* list = b.textList()) {
            const auto s = list->format().style();
            return s == QTextListFormat::ListDisc || s == QTextListFormat::ListCircle ||
                           s == QTextListFormat::ListSquare
                       ? Style::ListBullet
                       : Style::ListNumber;
        }
        return Style::Body;
    }

    void table(QTextTable* t)
    {
        if (t == m_a.contents) {
            contents();
            return;
        }
        const QTextTableFormat tf = t->format();
        if (t->rows() == 1 && t->columns() == 1) {
            // A block of colour around a few lines (the title, a grade): shaded paragraphs.
            QColor fill = t->cellAt(0, 0).format().background().style() != Qt::NoBrush
                              ? t->cellAt(0, 0).format().background().color()
                          : tf.background().style() != Qt::NoBrush ? tf.background().color()
                                                                   : QColor();
            QList<Paragraph> ps = cellParagraphs(t->cellAt(0, 0), false, Style::Body);
            if (ps.isEmpty())
                return;
            for (Paragraph& p : ps) {
                p.background = fill;
                if (tf.width().type() == QTextLength::PercentageLength)
                    p.width = tf.width().rawValue();
            }
            if (tf.topMargin() > 0)
                ps.first().before = tf.topMargin() * kPoint;
            if (tf.bottomMargin() > 0)
                ps.last().after = tf.bottomMargin() * kPoint;
            for (Paragraph& p : ps)
                add(std::move(p));
            return;
        }
        Table out;
        out.columns = t->columns();
        out.headerRows = qMin(tf.headerRowCount(), t->rows());
        const auto constraints = tf.columnWidthConstraints();
        for (int c = 0; c < out.columns; ++c)
            out.widths << (c < constraints.size() &&
                                   constraints[c].type() == QTextLength::PercentageLength
                               ? constraints[c].rawValue()
                               : 100.0 / out.columns);
        for (int r = 0; r < t->rows(); ++r) {
            QList<Cell> row;
            const bool head = r < out.headerRows;
            for (int c = 0; c < out.columns; ++c) {
                const QTextTableCell cell = t->cellAt(r, c);
                Cell x;
                if (cell.row() != r || cell.column() != c) {
                    x.covered = true;
                    x.originRow = cell.row();
                    x.originColumn = cell.column();
                    row << x;
                    continue;
                }
                x.rowSpan = cell.rowSpan();
                x.columnSpan = cell.columnSpan();
                if (const QBrush bg = cell.format().background(); bg.style() != Qt::NoBrush)
                    x.background = bg.color();
                x.paragraphs =
                    cellParagraphs(cell, true, head ? Style::TableHeading : Style::TableText);
                row << x;
            }
            out.rows << row;
        }
        m_out.blocks.push_back({std::nullopt, std::move(out)});
    }

    QList<Paragraph> cellParagraphs(const QTextTableCell& cell, bool keepEmpty, Style base)
    {
        QList<Paragraph> out;
        for (auto it = cell.begin(); !it.atEnd(); ++it) {
            if (it.currentFrame())
                continue; // the assembly nests no tables
            const QTextBlock b = it.currentBlock();
            Style s = styleFor(b);
            if (s == Style::Body)
                s = base;
            Paragraph p = paragraphOf(b, s);
            if (!p.runs.isEmpty() || keepEmpty)
                out << p;
        }
        return out;
    }

    void contents()
    {
        for (int r = 0; r < m_a.contentsEntries.size(); ++r) {
            const Heading& h = m_a.headings[m_a.contentsEntries[r]];
            Paragraph p;
            p.style = h.level == 1 ? Style::Contents1 : Style::Contents2;
            const QString mark = u"toc"_s + QString::number(r + 1);
            Run text = Run::of(Run::Kind::Text, cleanText(h.text));
            text.link = u"#"_s + mark;
            p.runs << text << Run::of(Run::Kind::Tab);
            Run page = Run::of(Run::Kind::PageReference);
            page.bookmark = mark;
            page.link = u"#"_s + mark;
            p.runs << page;
            add(std::move(p));
        }
    }

    static QString cleanText(const QString& s) { return xmlSafe(s); }

    Paragraph paragraphOf(const QTextBlock& b, Style s, bool references = true)
    {
        Paragraph p;
        p.style = s;
        const QTextBlockFormat bf = b.blockFormat();
        const Look look = styleOf(s);
        const Qt::Alignment a = bf.alignment() & Qt::AlignHorizontal_Mask;
        p.alignment = a & Qt::AlignRight     ? Qt::AlignRight
                      : a & Qt::AlignHCenter ? Qt::AlignHCenter
                      : a & Qt::AlignJustify ? Qt::AlignJustify
                                             : Qt::AlignLeft;
        const qreal before = bf.topMargin() * kPoint, after = bf.bottomMargin() * kPoint;
        if (std::abs(before - look.before) > 0.4)
            p.before = before;
        if (std::abs(after - look.after) > 0.4)
            p.after = after;
        if (!b.textList() && s != Style::FootnoteText && bf.leftMargin() > 0)
            p.indent = bf.leftMargin() * kPoint;
        p.pageBreakBefore = bf.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore;
        p.keepNext = bf.boolProperty(KeepWithNextProperty);
        if (const QTextList* list = b.textList()) {
            auto it = m_lists.constFind(list);
            if (it == m_lists.cend())
                it = m_lists.insert(list, int(m_lists.size()) + 1);
            p.list = *it;
        }
        if (const auto mark = m_headingMarks.constFind(b.position()); mark != m_headingMarks.cend())
            p.bookmarks << *mark;
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextCharFormat cf = f.charFormat();
            for (const QString& name : cf.anchorNames())
                if (const QString id = bookmarkFor(name); !p.bookmarks.contains(id))
                    p.bookmarks << id;
            if (cf.objectType() == ChartObjectType) {
                for (int i = 0; i < f.length(); ++i) {
                    Run r = Run::of(Run::Kind::Chart);
                    r.chart = ChartSpec::fromVariant(cf.property(ChartSpecProperty));
                    p.runs << r;
                    ++m_out.charts;
                }
                continue;
            }
            if (cf.objectType() != QTextFormat::NoObject)
                continue;
            Run proto = formatted(cf, look);
            appendText(p, proto, xmlSafe(f.text()), references);
        }
        return p;
    }

    Run formatted(const QTextCharFormat& cf, const Look& look)
    {
        Run r;
        const bool bold = cf.fontWeight() >= QFont::DemiBold;
        if (bold != look.bold)
            r.bold = bold;
        if (cf.fontItalic() != look.italic)
            r.italic = cf.fontItalic();
        r.strike = cf.fontStrikeOut();
        r.mono =
            cf.fontFamilies().toStringList().contains(u"Liberation Mono"_s) || cf.fontFixedPitch();
        if (cf.isAnchor() && !cf.anchorHref().isEmpty()) {
            const QString href = cf.anchorHref();
            if (isSectionLink(href)) {
                if (m_bookmarks.contains(href.mid(1)))
                    r.link = u"#"_s + m_bookmarks.value(href.mid(1));
            } else if (!safeLink(href).isEmpty()) {
                r.link = safeLink(href);
            }
        }
        if (r.link.isEmpty()) {
            r.underline = cf.fontUnderline();
            if (cf.foreground().style() != Qt::NoBrush) {
                const QColor c = cf.foreground().color();
                if (!look.colour.isValid() || c.rgb() != look.colour.rgb())
                    r.colour = c;
            }
        }
        const qreal size = cf.fontPointSize();
        if (size > 0 && std::abs(size - look.size) > 0.1)
            r.size = size;
        return r;
    }

    void appendText(Paragraph& p, const Run& proto, const QString& text, bool references)
    {
        QString piece;
        auto flush = [&] {
            if (piece.isEmpty())
                return;
            Run r = proto;
            r.text = piece;
            p.runs << r;
            piece.clear();
        };
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c == QChar::LineSeparator || c == QLatin1Char('\n') || c == QChar(0x2029)) {
                flush();
                p.runs << Run::of(Run::Kind::LineBreak);
            } else if (c == QLatin1Char('\t')) {
                flush();
                p.runs << Run::of(Run::Kind::Tab);
            } else if (c == QLatin1Char('\r')) {
                continue;
            } else if (references && isSuperscriptDigit(c)) {
                qsizetype j = i;
                while (j < text.size() && isSuperscriptDigit(text[j]))
                    ++j;
                // Neighbouring references run together ("⁵⁶⁷" is notes 5, 6 and 7): read the
                // digits as the notes not yet referred to, the next one in order first.
                QString digits = text.mid(i, j - i);
                while (!digits.isEmpty()) {
                    const int n = nextNote(digits);
                    if (n == 0) {
                        piece += digits;
                        break;
                    }
                    flush();
                    m_referenced.insert(n);
                    m_out.footnotes.insert(n, {n, m_noteRuns.value(n)});
                    Run r = Run::of(Run::Kind::NoteReference);
                    r.note = n;
                    p.runs << r;
                    digits = digits.mid(QString::number(n).size());
                }
                i = j - 1;
            } else {
                piece += c;
            }
        }
        flush();
    }

    // The note a run of superscript digits starts with: the next note not yet referred to when
    // the digits start with its number, else the longest number of a note not yet referred to;
    // 0 when there is none.
    int nextNote(const QString& digits) const
    {
        int expected = 0;
        for (auto it = m_noteRuns.cbegin(); it != m_noteRuns.cend(); ++it)
            if (!m_referenced.contains(it.key()) && (expected == 0 || it.key() < expected))
                expected = it.key();
        const QString value = QString::number(superscriptValue(digits));
        if (expected && value.startsWith(QString::number(expected)))
            return expected;
        for (qsizetype len = digits.size(); len > 0; --len) {
            const int n = superscriptValue(digits.left(len));
            if (m_noteRuns.contains(n) && !m_referenced.contains(n) && n > 0)
                return n;
        }
        return 0;
    }

    const Assembly& m_a;
    Flow& m_out;
    QHash<int, QList<Run>> m_noteRuns;
    QSet<int> m_referenced;
    QHash<QString, QString> m_bookmarks; // anchor name → bookmark
    QHash<int, QString> m_headingMarks;  // block position → bookmark of a contents entry
    QHash<const QTextList*, int> m_lists;
    QStringList m_pendingMarks;
    bool m_pendingBreak = false;
};

} // namespace

Flow fromAssembly(const Assembly& a)
{
    Flow f;
    f.title = xmlSafe(a.source.title);
    f.runningTitle = xmlSafe(a.runningTitle);
    f.embargoNotice = a.embargoed ? xmlSafe(a.embargoNotice) : QString();
    f.draft = isDraft(a.source.status);
    f.titlePage = a.titlePage;
    f.letter = a.source.kind == u"letter"_s;
    Reader(a, f).run();
    return f;
}

} // namespace fwb::documents::flow
