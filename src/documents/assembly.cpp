#include "assembly.h"

#include "chart.h"
#include "markdown.h"
#include "services/documents.h"
#include "style.h"
#include "workbench.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QImage>
#include <QRegularExpression>
#include <cmath>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QTextTable>
#include <spdlog/spdlog.h>

namespace fwb::documents {
namespace {

QString L(const char* s) { return QString::fromLatin1(s); }

struct Data {
    Document doc;
    Programme programme;
    Force force;
    std::optional<Person> sender, recipient;
    std::optional<GradeScale> scale;
    QHash<QString, Judgment> judgments;
    QHash<QString, QList<Finding>> findings; // by question, in order
    QList<Metric> metrics;
    QHash<QString, const Question*> questions;
    QHash<QString, QString> fields;
};

void indexQuestions(const QList<Question>& list, QHash<QString, const Question*>& out)
{
    for (const Question& q : list) {
        out.insert(q.code, &q);
        indexQuestions(q.children, out);
    }
}

// Only a per cent sign follows a number in a table; other units are in the column's heading.
QString suffix(const QString& unit) { return unit == QLatin1String("%") ? unit : QString(); }

QString forceShort(const Force& f) { return f.shortName.isEmpty() ? f.name : f.shortName; }

class Builder {
public:
    Builder(const Data& data, Assembly& out, const AssemblyOptions& options)
        : m_data(data), m_out(out), m_options(options), m_doc(out.document.get()), m_c(m_doc)
    {
        m_report = data.doc.kind == L("report");
    }

    void build()
    {
        if (m_out.embargoed && m_options.embargoInText)
            embargoNotice();
        if (m_report)
            titlePage();
        for (const Section& s : m_data.doc.sections)
            section(s, 0, true);
        m_out.titlePage = m_report;
    }

private:
    // ---- blocks and text ------------------------------------------------------------------

    QTextBlockFormat paragraphFormat() const
    {
        QTextBlockFormat f;
        f.setBottomMargin(7);
        f.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
        return f;
    }
    QTextCharFormat text(qreal size = 10.5, bool bold = false, const QColor& colour = style::ink()) const
    {
        QTextCharFormat f;
        f.setFont(style::bodyFont(size), QTextCharFormat::FontPropertiesSpecifiedOnly);
        f.setFontPointSize(size);
        f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
        f.setForeground(colour);
        return f;
    }

    // A new block at the end (the empty first block, or the one after a table, is used as is).
    void block(const QTextBlockFormat& bf, const QTextCharFormat& cf = {})
    {
        m_c.movePosition(QTextCursor::End);
        if (m_fresh) {
            m_c.setBlockFormat(bf);
            m_c.setBlockCharFormat(cf);
            m_c.setCharFormat(cf);
            m_fresh = false;
        } else {
            m_c.insertBlock(bf, cf);
        }
        // Sections without a heading start where their first block does.
        for (const QString& uid : std::as_const(m_pendingAnchors))
            if (!m_out.sectionPositions.contains(uid))
                m_out.sectionPositions.insert(uid, m_c.position());
        m_pendingAnchors.clear();
    }
    void afterFrame()
    {
        m_c.movePosition(QTextCursor::End);
        m_fresh = true;
    }

    void line(const QString& s, const QTextCharFormat& cf, QTextBlockFormat bf = {})
    {
        block(bf, cf);
        m_c.insertText(s, cf);
    }

    // Records where a section's text starts.
    void anchor(const QString& sectionUid)
    {
        if (!sectionUid.isEmpty() && !m_out.sectionPositions.contains(sectionUid))
            m_out.sectionPositions.insert(sectionUid, m_c.position());
    }

    void heading(const QString& title, int level, const QString& sectionUid, bool newPage = false)
    {
        if (!m_report)
            level = qMin(level + 1, 4); // a letter's headings are its areas, not chapters
        QTextBlockFormat bf;
        bf.setHeadingLevel(level);
        bf.setTopMargin(level == 1 ? 6 : level == 2 ? 16 : 12);
        bf.setBottomMargin(level == 1 ? 14 : 8);
        if (newPage)
            bf.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        bf.setProperty(KeepWithNextProperty, true);
        const qreal size = level == 1 ? 18 : level == 2 ? 14 : 11.5;
        QTextCharFormat cf = text(size, true, level == 3 ? style::ink() : style::accent());
        block(bf, cf);
        const int at = m_c.position();
        anchor(sectionUid);
        QTextCharFormat named = cf;
        if (!sectionUid.isEmpty()) {
            named.setAnchor(true);
            named.setAnchorNames({L("s-") + sectionUid});
        }
        m_c.insertText(title, named);
        QTextCursor kept(m_doc);
        kept.setPosition(at);
        kept.setKeepPositionOnInsert(true);
        m_out.headings.push_back({title, level, at, sectionUid, kept});
    }

    // Markdown (with {{fields}} and footnotes) as paragraphs; the notes are returned for the
    // end of the section.
    void markdown(const QString& source, QList<Footnote>& notes, qreal size = 10.5, const QColor& colour = style::ink())
    {
        const QString filled = fillFields(source, m_data.fields);
        if (filled.trimmed().isEmpty())
            return;
        MarkdownText md = extractFootnotes(filled, m_nextNote);
        m_nextNote += int(md.footnotes.size());
        notes += md.footnotes;
        if (isPlainParagraph(md.body)) {
            // Most findings are one paragraph of prose: no need to parse them.
            block(paragraphFormat(), text(size, false, colour));
            m_c.insertText(md.body.simplified(), text(size, false, colour));
            return;
        }
        QTextDocument part;
        part.setMarkdown(md.body);
        insertDocument(part, size, colour);
    }

    // Text in which Markdown would change nothing: one paragraph, no markup characters.
    static bool isPlainParagraph(const QString& s)
    {
        for (QChar c : s)
            switch (c.unicode()) {
            case '*': case '_': case '[': case ']': case '`': case '#': case '<': case '>': case '|': case '\\':
            case '\n': case '&': case '!': case '~':
                return false;
            default:
                break;
            }
        const QString t = s.trimmed();
        if (t.isEmpty())
            return true;
        // A line starting like a list item or a numbered item is Markdown too.
        if (t.startsWith(QLatin1String("- ")) || t.startsWith(QLatin1String("+ ")))
            return false;
        qsizetype i = 0;
        while (i < t.size() && t[i].isDigit())
            ++i;
        return !(i > 0 && i < t.size() && (t[i] == QLatin1Char('.') || t[i] == QLatin1Char(')')));
    }

    // Copies a parsed Markdown document block by block, keeping emphasis, links and lists and
    // giving paragraphs the house format.
    void insertDocument(const QTextDocument& part, qreal size, const QColor& colour)
    {
        QTextList* list = nullptr;
        QTextList* sourceList = nullptr;
        for (QTextBlock b = part.begin(); b.isValid(); b = b.next()) {
            QTextBlockFormat bf = paragraphFormat();
            const int level = b.blockFormat().headingLevel();
            QTextCharFormat base = text(level ? size + 2 : size, level > 0, level ? style::accent() : colour);
            if (level) {
                bf.setTopMargin(8);
                bf.setHeadingLevel(0); // a heading inside a section's text is a run-in heading, not a chapter
            }
            if (b.textList())
                bf.setBottomMargin(3);
            else if (list)
                bf.setTopMargin(6); // a paragraph after a list stands clear of it
            block(bf, base);
            if (QTextList* src = b.textList()) {
                if (src != sourceList || !list) {
                    QTextListFormat lf;
                    lf.setStyle(src->format().style());
                    lf.setIndent(1);
                    list = m_c.createList(lf);
                    sourceList = src;
                } else {
                    list->add(m_c.block());
                }
            } else {
                list = nullptr;
                sourceList = nullptr;
            }
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment frag = it.fragment();
                QTextCharFormat cf = base;
                const QTextCharFormat src = frag.charFormat();
                if (src.fontWeight() >= QFont::Bold)
                    cf.setFontWeight(QFont::Bold);
                if (src.fontItalic())
                    cf.setFontItalic(true);
                if (src.isAnchor()) {
                    cf.setAnchor(true);
                    cf.setAnchorHref(src.anchorHref());
                    cf.setForeground(style::accent());
                    cf.setFontUnderline(true);
                }
                m_c.insertText(frag.text(), cf);
            }
        }
    }

    void notes(const QList<Footnote>& list)
    {
        for (const Footnote& n : list) {
            QTextBlockFormat bf;
            bf.setBottomMargin(2);
            bf.setLeftMargin(16);
            bf.setTextIndent(-16);
            const QTextCharFormat cf = text(8.5, false, style::muted());
            block(bf, cf);
            m_c.insertText(QString::number(n.number) + QStringLiteral("\u2002"), text(8.5, true, style::muted()));
            MarkdownText plain;
            QTextDocument part;
            part.setMarkdown(n.text);
            m_c.insertText(part.toPlainText().simplified(), cf);
        }
    }

    void bullets(const QStringList& items)
    {
        QTextList* list = nullptr;
        for (const QString& item : items) {
            QTextBlockFormat bf = paragraphFormat();
            bf.setBottomMargin(5);
            block(bf, text());
            if (!list) {
                QTextListFormat lf;
                lf.setStyle(QTextListFormat::ListDisc);
                lf.setIndent(1);
                list = m_c.createList(lf);
            } else {
                list->add(m_c.block());
            }
            QTextDocument part;
            part.setMarkdown(fillFields(item, m_data.fields));
            bool first = true;
            for (QTextBlock b = part.begin(); b.isValid(); b = b.next()) {
                if (!first)
                    m_c.insertText(QStringLiteral(" "));
                first = false;
                for (auto it = b.begin(); !it.atEnd(); ++it) {
                    QTextCharFormat cf = text();
                    if (it.fragment().charFormat().fontWeight() >= QFont::Bold)
                        cf.setFontWeight(QFont::Bold);
                    if (it.fragment().charFormat().fontItalic())
                        cf.setFontItalic(true);
                    m_c.insertText(it.fragment().text(), cf);
                }
            }
        }
    }

    void note(const QString& s)
    {
        QTextCharFormat cf = text(10, false, style::muted());
        cf.setFontItalic(true);
        line(s, cf, paragraphFormat());
    }

    // ---- parts ----------------------------------------------------------------------------

    void embargoNotice()
    {
        QTextBlockFormat bf;
        bf.setAlignment(Qt::AlignCenter);
        bf.setBackground(style::embargo());
        bf.setTopMargin(2);
        bf.setBottomMargin(14);
        line(m_out.embargoNotice, text(11, true, Qt::white), bf);
    }

    // The cell carries the colour too: OpenDocument keeps a cell's background, not a table's.
    static void fillCell(QTextTable* t, const QColor& colour)
    {
        QTextTableCell cell = t->cellAt(0, 0);
        QTextTableCellFormat f = cell.format().toTableCellFormat();
        f.setBackground(colour);
        cell.setFormat(f);
    }

    void titlePage()
    {
        QTextTableFormat tf;
        tf.setBorder(0);
        tf.setCellPadding(22);
        tf.setBackground(style::accent());
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setTopMargin(60);
        m_c.movePosition(QTextCursor::End);
        QTextTable* t = m_c.insertTable(1, 1, tf);
        fillCell(t, style::accent());
        QTextCursor cell = t->cellAt(0, 0).firstCursorPosition();
        QTextBlockFormat bf;
        bf.setBottomMargin(10);
        cell.setBlockFormat(bf);
        cell.insertText(m_data.doc.title, text(26, true, Qt::white));
        if (!m_data.doc.subtitle.isEmpty()) {
            cell.insertBlock(bf);
            cell.insertText(fillFields(m_data.doc.subtitle, m_data.fields), text(16, false, Qt::white));
        }
        afterFrame();
        QTextBlockFormat dateFormat;
        dateFormat.setTopMargin(24);
        line(style::longDate(m_data.doc.dated, true), text(13, false, style::accent()), dateFormat);
        if (!m_data.doc.reference.trimmed().isEmpty()) {
            QTextBlockFormat gap;
            gap.setTopMargin(300);
            bool first = true;
            for (const QString& l : m_data.doc.reference.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                QTextBlockFormat bf2;
                bf2.setBottomMargin(4);
                if (first)
                    bf2.setTopMargin(320);
                first = false;
                line(l.trimmed(), text(9, false, style::muted()), bf2);
            }
        }
    }

    void contents(const Section& s, int level)
    {
        heading(s.title.isEmpty() ? L("Contents") : s.title, level, s.uid, true);
        m_contentsPending = true;
        m_contentsAt = m_c.position();
    }

    // Builds the contents table once every heading is known (called at the end).
public:
    void finishContents()
    {
        if (!m_contentsPending)
            return;
        // Entries: the headings of levels 1 and 2 after the contents heading itself.
        QList<int> entries;
        for (int i = 0; i < m_out.headings.size(); ++i)
            if (m_out.headings[i].level <= 2 && m_out.headings[i].position > m_contentsAt)
                entries << i;
        if (entries.isEmpty())
            return;
        QTextCursor c(m_doc);
        c.setPosition(m_contentsAt);
        c.movePosition(QTextCursor::EndOfBlock);
        QTextTableFormat tf;
        tf.setBorder(0);
        tf.setCellPadding(3);
        tf.setCellSpacing(0);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 90),
                                      QTextLength(QTextLength::PercentageLength, 10)});
        const int shift = m_doc->characterCount();
        QTextTable* t = c.insertTable(int(entries.size()), 2, tf);
        for (int r = 0; r < entries.size(); ++r) {
            const Heading& h = m_out.headings[entries[r]];
            QTextCursor cell = t->cellAt(r, 0).firstCursorPosition();
            QTextBlockFormat bf;
            bf.setLeftMargin(h.level == 1 ? 0 : 16);
            bf.setTopMargin(h.level == 1 ? 5 : 0);
            cell.setBlockFormat(bf);
            QTextCharFormat cf = text(h.level == 1 ? 10.5 : 10, h.level == 1, h.level == 1 ? style::accent() : style::ink());
            cf.setAnchor(true);
            cf.setAnchorHref(L("#s-") + h.sectionUid);
            cell.insertText(h.text, cf);
            QTextCursor page = t->cellAt(r, 1).firstCursorPosition();
            QTextBlockFormat right;
            right.setAlignment(Qt::AlignRight);
            right.setTopMargin(bf.topMargin());
            page.setBlockFormat(right);
        }
        // Everything after the table moved on by what it added.
        const int added = m_doc->characterCount() - shift;
        for (Heading& h : m_out.headings)
            h.position = h.cursor.position();
        for (auto it = m_out.sectionPositions.begin(); it != m_out.sectionPositions.end(); ++it)
            if (it.value() > m_contentsAt)
                it.value() += added;
        m_out.contents = t;
        m_out.contentsEntries = entries;
    }

private:
    void badge(const QString& questionCode)
    {
        const auto it = m_data.judgments.constFind(questionCode);
        if (it == m_data.judgments.cend()) {
            note(QStringLiteral("No judgment is recorded for question %1.").arg(questionCode));
            return;
        }
        QTextTableFormat tf;
        tf.setBorder(0);
        tf.setCellPadding(7);
        tf.setBackground(style::gradeBackground(it->gradeCode, it->gradeRank));
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 32));
        tf.setAlignment(Qt::AlignLeft);
        tf.setTopMargin(4);
        tf.setBottomMargin(10);
        m_c.movePosition(QTextCursor::End);
        QTextTable* t = m_c.insertTable(1, 1, tf);
        fillCell(t, style::gradeBackground(it->gradeCode, it->gradeRank));
        QTextCursor cell = t->cellAt(0, 0).firstCursorPosition();
        QTextBlockFormat bf;
        bf.setAlignment(Qt::AlignCenter);
        cell.setBlockFormat(bf);
        cell.insertText(it->gradeLabel, text(13, true, style::gradeForeground(it->gradeCode, it->gradeRank)));
        afterFrame();
    }

    QList<Finding> findingsOf(const QString& questionCode, const QString& kind = {}) const
    {
        QList<Finding> out;
        for (const Finding& f : m_data.findings.value(questionCode))
            if (kind.isEmpty() || f.kind == kind)
                out << f;
        return out;
    }

    void findingsAsText(const QList<Finding>& list, QList<Footnote>& notes)
    {
        if (m_report) {
            for (const Finding& f : list)
                markdown(f.text, notes);
        } else {
            QStringList items;
            for (const Finding& f : list)
                items << f.text;
            bullets(items);
        }
    }

    QList<Metric> metricsOf(const QString& figure) const
    {
        QList<Metric> out;
        for (const Metric& m : m_data.metrics)
            if (m.figure == figure)
                out << m;
        return out;
    }

    void caption(const Section& s)
    {
        if (s.title.isEmpty())
            return;
        QTextBlockFormat bf;
        bf.setTopMargin(10);
        bf.setBottomMargin(6);
        bf.setProperty(KeepWithNextProperty, true);
        block(bf, text(10, true, style::accent()));
        anchor(s.uid);
        // A note marked in the caption is defined in the section's text, below it.
        MarkdownText t = extractFootnotes(s.title + QStringLiteral("\n\n") + definitionsOf(s.body), m_nextNote);
        m_nextNote += int(t.footnotes.size());
        m_captionNotes += t.footnotes;
        m_c.insertText(t.body, text(10, true, style::accent()));
    }

    static QString definitionsOf(const QString& body)
    {
        static const QRegularExpression definition(QStringLiteral("^\\[\\^[^\\]]+\\]:.*$"), QRegularExpression::MultilineOption);
        QStringList out;
        auto it = definition.globalMatch(body);
        while (it.hasNext())
            out << it.next().captured(0);
        return out.join(QLatin1Char('\n'));
    }

    void metricsTable(const Section& s, QList<Footnote>& notes)
    {
        caption(s);
        notes += std::exchange(m_captionNotes, {});
        const QList<Metric> metrics = s.figure.isEmpty() ? QList<Metric>{} : metricsOf(s.figure);
        if (!metrics.isEmpty()) {
            // Rows are the metric names in first-seen order, columns the measures (and periods).
            QStringList rows, measures;
            bool national = false;
            QSet<QString> periods;
            for (const Metric& m : metrics) {
                const QString row = m.name;
                if (!rows.contains(row))
                    rows << row;
                if (!measures.contains(m.measure))
                    measures << m.measure;
                national = national || m.nationalValue.has_value();
                periods.insert(m.period);
            }
            const bool showPeriod = periods.size() > 1;
            auto find = [&](const QString& row, const QString& measure) -> const Metric* {
                for (const Metric& m : metrics)
                    if (m.name == row && m.measure == measure)
                        return &m;
                return nullptr;
            };
            const int sides = national ? 2 : 1;
            const int columns = 1 + (showPeriod ? 1 : 0) + sides * int(measures.size());
            const bool twoHeaderRows = measures.size() > 1;
            QTextTableFormat tf;
            tf.setBorder(0.6);
            tf.setBorderBrush(style::rule());
            tf.setBorderCollapse(true);
            tf.setCellPadding(4);
            tf.setCellSpacing(0);
            tf.setHeaderRowCount(twoHeaderRows ? 2 : 1);
            tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
            tf.setBottomMargin(6);
            m_c.movePosition(QTextCursor::End);
            QTextTable* t = m_c.insertTable(int(rows.size()) + (twoHeaderRows ? 2 : 1), columns, tf);
            const QTextCharFormat head = text(9, true, Qt::white);
            auto put = [&](int r, int col, const QString& v, const QTextCharFormat& cf, Qt::Alignment a) {
                QTextTableCell cell = t->cellAt(r, col);
                QTextCursor cc = cell.firstCursorPosition();
                QTextBlockFormat bf;
                bf.setAlignment(a);
                cc.setBlockFormat(bf);
                cc.insertText(v, cf);
            };
            auto shadeCell = [&](int r, int col, const QColor& colour) {
                QTextTableCell cell = t->cellAt(r, col);
                QTextTableCellFormat f = cell.format().toTableCellFormat();
                f.setBackground(colour);
                cell.setFormat(f);
            };
            const int headerRows = twoHeaderRows ? 2 : 1;
            for (int r = 0; r < headerRows; ++r)
                for (int col = 0; col < columns; ++col)
                    shadeCell(r, col, style::accent());
            const QString forceName = m_data.force.name;
            const QString first = measures.size() == 1 ? measures.first() : QString();
            put(0, 0, first, head, Qt::AlignLeft);
            if (showPeriod)
                put(0, 1, L("Period"), head, Qt::AlignLeft);
            const int firstValue = showPeriod ? 2 : 1;
            for (int side = 0; side < sides; ++side) {
                const QString who = side == 0 ? forceName : L("England and Wales");
                const int col = firstValue + side * int(measures.size());
                if (twoHeaderRows) {
                    t->mergeCells(0, col, 1, int(measures.size()));
                    put(0, col, who, head, Qt::AlignCenter);
                    for (int m = 0; m < measures.size(); ++m)
                        put(1, col + m, measures[m], head, Qt::AlignRight);
                } else {
                    put(0, col, who, head, Qt::AlignRight);
                }
            }
            if (twoHeaderRows) {
                t->mergeCells(0, 0, 2, 1);
                if (showPeriod)
                    t->mergeCells(0, 1, 2, 1);
            }
            // A column shows one decimal place throughout when any of its figures has one.
            QHash<QString, int> decimals;
            for (const Metric& m : metrics) {
                auto fractional = [](double v) { return std::abs(v - std::round(v)) > 1e-9; };
                if (fractional(m.forceValue) || (m.nationalValue && fractional(*m.nationalValue)))
                    decimals[m.measure] = 1;
            }
            auto figure = [&](double v, const QString& measure, const QString& unit) -> QString {
                return (decimals.value(measure) ? style::english().toString(v, 'f', 1) : style::number(v)) + suffix(unit);
            };
            for (int r = 0; r < rows.size(); ++r) {
                const int row = headerRows + r;
                const QTextCharFormat body = text(9.5);
                put(row, 0, rows[r], body, Qt::AlignLeft);
                if (r % 2 == 1)
                    for (int col = 0; col < columns; ++col)
                        shadeCell(row, col, style::shade());
                for (int m = 0; m < measures.size(); ++m) {
                    const Metric* metric = find(rows[r], measures[m]);
                    if (!metric)
                        continue;
                    if (showPeriod && m == 0)
                        put(row, 1, metric->period, body, Qt::AlignLeft);
                    put(row, firstValue + m, figure(metric->forceValue, metric->measure, metric->unit), body, Qt::AlignRight);
                    if (national && metric->nationalValue)
                        put(row, firstValue + int(measures.size()) + m, figure(*metric->nationalValue, metric->measure, metric->unit),
                            body, Qt::AlignRight);
                }
            }
            afterFrame();
        } else if (!s.figure.isEmpty() && s.body.trimmed().isEmpty()) {
            note(QStringLiteral("No figures are recorded for %1.").arg(s.figure));
        }
        markdown(s.body, notes, 9, style::muted());
    }

    void chart(const Section& s, QList<Footnote>& notes)
    {
        caption(s);
        notes += std::exchange(m_captionNotes, {});
        const QList<Metric> metrics = metricsOf(s.figure);
        if (metrics.isEmpty()) {
            note(QStringLiteral("No figures are recorded for %1, so there is no chart to draw.").arg(s.figure));
        } else {
            ChartSpec spec;
            spec.title = s.title;
            spec.forceLabel = forceShort(m_data.force);
            QSet<QString> names, periods, measures;
            for (const Metric& m : metrics) {
                names.insert(m.name);
                periods.insert(m.period);
                measures.insert(m.measure);
            }
            for (const Metric& m : metrics) {
                QString category = names.size() == 1 && periods.size() > 1 ? m.period
                                   : periods.size() > 1                   ? m.name + L(", ") + m.period
                                                                          : m.name;
                if (measures.size() > 1)
                    category += L(" (") + m.measure + L(")");
                spec.categories << category;
                spec.force << m.forceValue;
                spec.national << m.nationalValue;
            }
            if (measures.size() == 1)
                spec.unit = *measures.begin();
            QTextCharFormat f;
            f.setObjectType(ChartObjectType);
            f.setProperty(ChartSpecProperty, spec.toVariant());
            block(paragraphFormat());
            m_c.insertText(QString(QChar::ObjectReplacementCharacter), f);
        }
        markdown(s.body, notes, 9, style::muted());
    }

    void gradeDefinitions(const Section& s, int level, QList<Footnote>& notes)
    {
        heading(s.title.isEmpty() ? QStringLiteral("Annex A – judgments") : s.title, level, s.uid, level == 1);
        if (!s.body.trimmed().isEmpty()) {
            markdown(s.body, notes);
            return;
        }
        if (!m_data.scale) {
            note(L("This programme has no grade scale."));
            return;
        }
        line(L("The judgment categories are:"), text(), paragraphFormat());
        for (const Grade& g : m_data.scale->grades) {
            QTextBlockFormat bf = paragraphFormat();
            bf.setLeftMargin(14);
            block(bf, text());
            m_c.insertText(g.label, text(10.5, true, style::gradeBackground(g.code, g.rank).darker(115)));
            if (!g.definition.isEmpty())
                m_c.insertText(QStringLiteral(" – ") + g.definition, text());
        }
    }

    void letterOpening(const Section& s)
    {
        QTextBlockFormat right;
        right.setAlignment(Qt::AlignRight);
        right.setBottomMargin(1);
        block(right, text());
        anchor(s.uid);
        if (m_data.sender) {
            const Person& p = *m_data.sender;
            m_c.insertText(p.name, text(10.5, true));
            if (!p.postNominals.isEmpty())
                m_c.insertText(L(", ") + p.postNominals, text(10.5));
            if (!p.post.isEmpty())
                line(p.post, text(10.5), right);
        }
        QTextBlockFormat gap;
        gap.setTopMargin(24);
        gap.setBottomMargin(1);
        QTextBlockFormat tight;
        tight.setBottomMargin(1);
        if (m_data.recipient) {
            const Person& r = *m_data.recipient;
            line(r.addressName.isEmpty() ? r.name : r.addressName, text(), gap);
            if (!r.post.isEmpty())
                line(r.post, text(), tight);
        }
        QTextBlockFormat date = gap;
        date.setBottomMargin(18);
        line(style::longDate(m_data.doc.dated), text(), date);
        if (m_data.recipient) {
            QTextBlockFormat dear = paragraphFormat();
            dear.setBottomMargin(12);
            line(L("Dear ") + (m_data.recipient->greeting.isEmpty() ? m_data.recipient->name : m_data.recipient->greeting),
                 text(), dear);
        }
        QTextBlockFormat subject = paragraphFormat();
        subject.setBottomMargin(12);
        line(m_data.doc.title, text(11, true, style::accent()), subject);
        if (!s.body.trimmed().isEmpty()) {
            QList<Footnote> n;
            markdown(s.body, n);
            notes(n);
        }
    }

    void letterClosing(const Section& s)
    {
        QTextBlockFormat bf = paragraphFormat();
        bf.setTopMargin(14);
        bf.setPageBreakPolicy(QTextFormat::PageBreak_Auto);
        block(bf, text());
        anchor(s.uid);
        if (!s.body.trimmed().isEmpty()) {
            QList<Footnote> n;
            markdown(s.body, n);
            notes(n);
        }
        line(L("Yours sincerely"), text(), bf);
        if (m_data.sender) {
            QTextBlockFormat sig;
            sig.setTopMargin(42);
            sig.setBottomMargin(1);
            line(m_data.sender->name, text(10.5, true), sig);
            QTextBlockFormat tight;
            tight.setBottomMargin(1);
            if (!m_data.sender->post.isEmpty())
                line(m_data.sender->post, text(), tight);
        }
    }

    // The findings of a question and of the questions below it, each sub-question under its
    // own heading, and the sections placed under those questions after their findings.
    void findingsTree(const Section& s, const Question& q, int level, QList<Footnote>& notes, bool top)
    {
        const QList<Finding> own = findingsOf(q.code);
        QList<Section> placed;
        for (const Section& c : s.children)
            if (c.questionCode == q.code || (top && c.questionCode.isEmpty()))
                placed << c;
        QList<Finding> shown;
        for (const Finding& f : own)
            if (!(top && q.children.size() && f.kind == L("area_for_improvement")))
                shown << f;
        if (!top && (shown.size() || placed.size() || hasContent(s, q)))
            heading(q.text, level, {});
        findingsAsText(shown, notes);
        // Placed sections sit one level below the heading they are under: the findings section's
        // own heading for the top question, this question's heading below it.
        for (const Section& c : placed)
            section(c, top ? level - 1 : level, false);
        for (const Question& sub : q.children)
            findingsTree(s, sub, qMin(level + (top ? 0 : 1), 4), notes, false);
    }

    bool hasContent(const Section& s, const Question& q) const
    {
        if (!findingsOf(q.code).isEmpty())
            return true;
        for (const Section& c : s.children)
            if (c.questionCode == q.code)
                return true;
        for (const Question& sub : q.children)
            if (hasContent(s, sub))
                return true;
        return false;
    }

    // ---- sections -------------------------------------------------------------------------

    void section(const Section& s, int depth, bool withChildren)
    {
        const int level = qMin(depth + 1, 4);
        QList<Footnote> n;
        const QString& k = s.kind;
        const bool chapter = m_report && depth == 0;
        if (k == L("contents")) {
            contents(s, level);
        } else if (k == L("narrative")) {
            if (!s.title.isEmpty())
                heading(fillFields(s.title, m_data.fields), level, s.uid, chapter);
            else
                anchorNext(s.uid);
            markdown(s.body, n);
        } else if (k == L("judgment")) {
            heading(s.title.isEmpty() ? L("Summary of findings") : s.title, level, s.uid, chapter);
            badge(s.questionCode);
            if (const auto it = m_data.judgments.constFind(s.questionCode); it != m_data.judgments.cend())
                markdown(it->summary, n);
            markdown(s.body, n);
        } else if (k == L("overview")) {
            const Question* q = m_data.questions.value(s.questionCode);
            heading(s.title.isEmpty() && q ? q->text : s.title, level, s.uid, chapter);
            if (!m_overviewJudged.contains(s.questionCode))
                badge(s.questionCode);
            if (const auto it = m_data.judgments.constFind(s.questionCode); it != m_data.judgments.cend())
                markdown(it->overview.trimmed().isEmpty() ? it->summary : it->overview, n);
            markdown(s.body, n);
        } else if (k == L("findings")) {
            const Question* q = m_data.questions.value(s.questionCode);
            heading(s.title.isEmpty() && q ? q->text : s.title, level, s.uid, chapter);
            markdown(s.body, n);
            if (q)
                findingsTree(s, *q, level + 1, n, true);
            notes(n);
            return; // the children were placed under their questions
        } else if (k == L("areas_for_improvement")) {
            const QList<Finding> afis = findingsOf(s.questionCode, s.findingKind.isEmpty() ? L("area_for_improvement") : s.findingKind);
            if (afis.isEmpty() && s.body.trimmed().isEmpty()) {
                anchorNext(s.uid);
            } else {
                heading(s.title.isEmpty() ? findingKindPluralLabel(s.findingKind.isEmpty() ? L("area_for_improvement") : s.findingKind) : s.title,
                        level, s.uid, chapter);
                markdown(s.body, n);
                QStringList items;
                for (const Finding& f : afis)
                    items << f.text;
                bullets(items);
            }
        } else if (k == L("metrics_table")) {
            if (depth == 0)
                heading(s.title, level, s.uid, chapter);
            metricsTable(s, n);
        } else if (k == L("chart")) {
            chart(s, n);
        } else if (k == L("grade_definitions")) {
            gradeDefinitions(s, level, n);
        } else if (k == L("letter_opening")) {
            letterOpening(s);
        } else if (k == L("letter_closing")) {
            letterClosing(s);
        }
        notes(n);
        if (!withChildren)
            return;
        // An overview that follows its question's judgment shows no second badge.
        QSet<QString> judged;
        for (const Section& c : s.children)
            if (c.kind == L("judgment"))
                judged.insert(c.questionCode);
        const QSet<QString> saved = m_overviewJudged;
        m_overviewJudged = judged;
        for (const Section& c : s.children)
            section(c, depth + 1, true);
        m_overviewJudged = saved;
    }

    // A section with no heading of its own starts where its first text will go.
    void anchorNext(const QString& uid)
    {
        if (!m_out.sectionPositions.contains(uid))
            m_pendingAnchors << uid;
    }

    const Data& m_data;
    Assembly& m_out;
    const AssemblyOptions& m_options;
    QTextDocument* m_doc;
    QTextCursor m_c;
    bool m_fresh = true;
    bool m_report = false;
    int m_nextNote = 1;
    bool m_contentsPending = false;
    int m_contentsAt = 0;
    QSet<QString> m_overviewJudged;
    QStringList m_pendingAnchors; // sections waiting for their first block
    QList<Footnote> m_captionNotes; // notes marked in the caption being printed
};

} // namespace

QPaintDevice* layoutDevice()
{
    // 96 dots per inch: 3780 dots per metre.
    static QImage device = [] {
        QImage i(1, 1, QImage::Format_ARGB32_Premultiplied);
        i.setDotsPerMeterX(3780);
        i.setDotsPerMeterY(3780);
        return i;
    }();
    return &device;
}

QString fillFields(const QString& text, const QHash<QString, QString>& fields)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    static const QRegularExpression field(QStringLiteral("\\{\\{\\s*([a-z_]+)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    auto it = field.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const auto value = fields.constFind(m.captured(1));
        out += value != fields.cend() ? *value : m.captured(0);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

QString Assembly::sectionAt(int position) const
{
    QString best;
    int bestAt = -1;
    for (auto it = sectionPositions.cbegin(); it != sectionPositions.cend(); ++it)
        if (it.value() <= position && it.value() > bestAt) {
            bestAt = it.value();
            best = it.key();
        }
    return best;
}

void Assembly::setContentsPages(const std::function<int(int)>& pageOf)
{
    if (!contents)
        return;
    // Every page is found before any number is written: writing changes the layout.
    QList<int> pages;
    for (int r = 0; r < contentsEntries.size(); ++r)
        pages << pageOf(headings[contentsEntries[r]].cursor.position());
    for (int r = 0; r < contentsEntries.size(); ++r) {
        const Heading& h = headings[contentsEntries[r]];
        QTextTableCell cell = contents->cellAt(r, 1);
        QTextCursor c = cell.firstCursorPosition();
        c.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
        QTextCharFormat cf;
        cf.setFont(style::bodyFont(h.level == 1 ? 10.5 : 10), QTextCharFormat::FontPropertiesSpecifiedOnly);
        cf.setFontPointSize(h.level == 1 ? 10.5 : 10);
        cf.setFontWeight(h.level == 1 ? QFont::Bold : QFont::Normal);
        cf.setForeground(h.level == 1 ? style::accent() : style::ink());
        c.insertText(QString::number(pages[r]), cf);
    }
    document->markContentsDirty(0, document->characterCount());
}

Result<Assembly> assemble(const Workbench& workbench, const QString& documentUid, const AssemblyOptions& options)
{
    const auto d = workbench.documents().document(documentUid);
    if (!d)
        return Error::make(Error::Code::NotFound, QStringLiteral("no document \"%1\"").arg(documentUid));
    return assemble(workbench, *d, options);
}

Result<Assembly> assemble(const Workbench& workbench, const Document& document, const AssemblyOptions& options)
{
    QElapsedTimer clock;
    clock.start();
    const ReferenceRepository ref = workbench.reference();
    const DraftRepository drafts = workbench.drafts();
    Data data;
    data.doc = document;
    const auto programme = ref.programme(document.programmeCode);
    if (!programme)
        return Error::make(Error::Code::NotFound, QStringLiteral("no programme \"%1\"").arg(document.programmeCode));
    data.programme = *programme;
    const auto force = ref.force(document.forceCode);
    if (!force)
        return Error::make(Error::Code::NotFound, QStringLiteral("no force \"%1\"").arg(document.forceCode));
    data.force = *force;
    for (const Person& p : ref.people()) {
        if (p.code == document.senderCode)
            data.sender = p;
        if (p.code == document.recipientCode)
            data.recipient = p;
    }
    if (!data.programme.gradeScaleCode.isEmpty())
        data.scale = ref.gradeScale(data.programme.gradeScaleCode);
    for (const Judgment& j : drafts.judgments(document.programmeCode, document.forceCode))
        data.judgments.insert(j.questionCode, j);
    for (const Finding& f : drafts.findings(document.programmeCode, document.forceCode))
        data.findings[f.questionCode].push_back(f);
    for (auto& list : data.findings)
        std::stable_sort(list.begin(), list.end(), [](const Finding& a, const Finding& b) { return a.position < b.position; });
    data.metrics = drafts.metrics(document.programmeCode, document.forceCode);
    std::stable_sort(data.metrics.begin(), data.metrics.end(),
                     [](const Metric& a, const Metric& b) { return a.position < b.position; });
    indexQuestions(data.programme.questions, data.questions);
    data.fields = {{L("force"), data.force.name},
                   {L("force_short"), forceShort(data.force)},
                   {L("style"), data.force.styleNoun()},
                   {L("programme"), data.programme.title},
                   {L("fieldwork"), data.programme.fieldwork},
                   {L("date"), style::longDate(document.dated)},
                   {L("embargo"), document.embargo.isEmpty() ? QStringLiteral("(no embargo set)") : style::embargoPhrase(document.embargo)}};

    Assembly out;
    out.source = document;
    out.document = std::make_unique<QTextDocument>();
    QTextDocument* doc = out.document.get();
    doc->setDefaultFont(style::bodyFont());
    doc->setDocumentMargin(0);
    doc->setMetaInformation(QTextDocument::DocumentTitle, document.title);
    out.runningTitle = document.kind == L("report")
                           ? document.title + QStringLiteral(" – ") + data.force.name
                           : document.title;
    if (!document.embargo.isEmpty()) {
        QDateTime until = QDateTime::fromString(document.embargo, Qt::ISODate);
        if (until.isValid() && options.now < until) {
            out.embargoed = true;
            out.embargoNotice = L("EMBARGOED until ") + style::embargoTime(document.embargo);
        }
    }
    const qint64 loaded = clock.elapsed();
    Builder b(data, out, options);
    b.build();
    const qint64 built = clock.elapsed();
    b.finishContents();
    // The layout is made only now: while the text is being built, every insertion would lay the
    // document out again.
    doc->documentLayout()->setPaintDevice(layoutDevice());
    ChartObject::install(doc);
    spdlog::debug("assembly of {}: data {} ms, text {} ms, contents {} ms", document.uid.toStdString(), loaded,
                  built - loaded, clock.elapsed() - built);
    spdlog::debug("assembled {} ({} characters, {} headings)", document.uid.toStdString(), doc->characterCount(),
                  out.headings.size());
    return out;
}

} // namespace fwb::documents
