#pragma once
// The assembler's insides, shared by assembly.cpp (text, judgments, findings, letters) and
// figures.cpp (tables and charts). Not part of the library's interface.

#include "core/services/analysis.h"
#include "core/services/documents.h"
#include "core/services/review.h"
#include "documents/assembly.h"
#include "documents/chart.h"
#include "documents/markdown.h"
#include "documents/style.h"

#include <QRegularExpression>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QTextTable>
#include <cmath>

namespace fwb::documents::detail {
struct Data {
    Document doc;
    Programme programme;
    Force force;
    std::optional<Person> sender, recipient;
    std::optional<GradeScale> scale;
    QHash<QString, Judgment> judgments;
    QHash<QString, QList<Finding>> findings; // by question, in order
    QList<Metric> metrics;
    // The programme's, of every force the audience may see: for a figure that sets the forces side
    // by side; and the figures some other force has an unpublished value of.
    QList<Metric> everyForceMetrics;
    QSet<QString> unpublished;
    Audience audience = Audience::Inspectorate;
    QHash<QString, Force> forces;
    QHash<QString, const Question*> questions;
    QHash<QString, QString> fields;
    QHash<QString, QString> markdownFields; // the same, escaped for filling into Markdown
};

inline void indexQuestions(const QList<Question>& list, QHash<QString, const Question*>& out)
{
    for (const Question& q : list) {
        out.insert(q.code, &q);
        indexQuestions(q.children, out);
    }
}

// Only a per cent sign follows a number in a table; other units are in the column's heading.
inline QString suffix(const QString& unit)
{
    return unit == QLatin1String("%") ? unit : QString();
}

inline QString forceShort(const Force& f)
{
    return f.shortName.isEmpty() ? f.name : f.shortName;
}

class Builder {
public:
    Builder(const Data& data, Assembly& out, const AssemblyOptions& options)
        : m_data(data), m_out(out), m_options(options), m_doc(out.document.get()), m_c(m_doc)
    {
        m_report = data.doc.kind == QStringLiteral("report");
    }

    void build()
    {
        if (m_out.draft && m_options.embargoInText)
            draftNotice();
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
    QTextCharFormat text(qreal size = 10.5, bool bold = false,
                         const QColor& colour = style::ink()) const
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
            named.setAnchorNames({QStringLiteral("s-") + sectionUid});
        }
        m_c.insertText(title, named);
        QTextCursor kept(m_doc);
        kept.setPosition(at);
        kept.setKeepPositionOnInsert(true);
        m_out.headings.push_back({title, level, at, sectionUid, kept});
    }

    // Markdown (with {{fields}} and footnotes) as paragraphs; the notes are returned for the
    // end of the section.
    void markdown(const QString& source, QList<Footnote>& notes, qreal size = 10.5,
                  const QColor& colour = style::ink())
    {
        const QString filled = fillFields(source, m_data.markdownFields);
        if (filled.trimmed().isEmpty())
            return;
        MarkdownText md = extractFootnotes(filled, m_nextNote);
        m_nextNote += int(md.footnotes.size());
        notes += md.footnotes;
        rendered(md.body, size, colour);
    }

    // Markdown whose fields are filled and footnotes taken out.
    void rendered(const QString& body, qreal size = 10.5, const QColor& colour = style::ink())
    {
        if (isPlainParagraph(body)) {
            // Most findings are one paragraph of prose: no need to parse them.
            block(paragraphFormat(), text(size, false, colour));
            referenceMark();
            m_c.insertText(body.simplified(), text(size, false, colour));
            return;
        }
        QTextDocument part;
        readMarkdown(part, body); // raw HTML as text, only web and mail links
        insertDocument(part, size, colour);
    }

    // ---- references of the factual accuracy check ----------------------------------------

    QString judgmentKey(const QString& question) const
    {
        return m_data.doc.programmeCode + QLatin1Char('/') + m_data.doc.forceCode +
               QLatin1Char('/') + question;
    }
    // The reference printed beside a text in the pack for the force (empty outside a pack).
    QString referenceOf(const QString& target) const { return m_options.references.value(target); }
    // The next block begins with this reference.
    void markNext(const QString& target) { m_pendingReference = referenceOf(target); }
    void referenceMark()
    {
        if (m_pendingReference.isEmpty())
            return;
        QTextCharFormat cf = text(8.5, true, style::accent());
        cf.setFontFamilies({QStringLiteral("Liberation Mono")});
        m_c.insertText(QLatin1Char('[') + m_pendingReference + QStringLiteral("]\u2002"), cf);
        m_pendingReference.clear();
    }
    // A text with a target: a finding, a judgment's summary or overview.
    void referenced(const QString& target, const QString& source, QList<Footnote>& notes)
    {
        markNext(target);
        markdown(source, notes);
        m_pendingReference.clear();
    }
    // A section's own text: in a pack, paragraph by paragraph, each with its reference.
    void body(const Section& s, QList<Footnote>& notes)
    {
        if (m_options.references.isEmpty()) {
            markdown(s.body, notes);
            return;
        }
        const QString filled = fillFields(s.body, m_data.markdownFields);
        if (filled.trimmed().isEmpty())
            return;
        MarkdownText md = extractFootnotes(filled, m_nextNote);
        m_nextNote += int(md.footnotes.size());
        notes += md.footnotes;
        const QStringList chunks = paragraphsOf(md.body);
        for (int i = 0; i < chunks.size(); ++i) {
            markNext(QStringLiteral("section:") + s.uid + QLatin1Char('#') +
                     QString::number(i + 1));
            rendered(chunks[i]);
        }
        m_pendingReference.clear();
    }

    // Text in which Markdown would change nothing: one paragraph, no markup characters.
    static bool isPlainParagraph(const QString& s)
    {
        for (QChar c : s)
            switch (c.unicode()) {
            case '*':
            case '_':
            case '[':
            case ']':
            case '`':
            case '#':
            case '<':
            case '>':
            case '|':
            case '\\':
            case '\n':
            case '&':
            case '!':
            case '~':
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
            QTextCharFormat base =
                text(level ? size + 2 : size, level > 0, level ? style::accent() : colour);
            if (level) {
                bf.setTopMargin(8);
                bf.setHeadingLevel(
                    0); // a heading inside a section's text is a run-in heading, not a chapter
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
            referenceMark();
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment frag = it.fragment();
                QTextCharFormat cf = base;
                const QTextCharFormat src = frag.charFormat();
                if (src.fontWeight() >= QFont::Bold)
                    cf.setFontWeight(QFont::Bold);
                if (src.fontItalic())
                    cf.setFontItalic(true);
                if (const QString href = src.isAnchor() ? safeLink(src.anchorHref()) : QString();
                    !href.isEmpty()) {
                    cf.setAnchor(true);
                    cf.setAnchorHref(href);
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
            bf.setProperty(BlockRoleProperty, int(BlockRole::Footnote));
            bf.setProperty(FootnoteNumberProperty, n.number);
            const QTextCharFormat cf = text(8.5, false, style::muted());
            block(bf, cf);
            m_c.insertText(QString::number(n.number) + QStringLiteral("\u2002"),
                           text(8.5, true, style::muted()));
            QTextDocument part;
            readMarkdown(part, n.text);
            m_c.insertText(part.toPlainText().simplified(), cf);
        }
    }

    void bullets(const QStringList& items, const QStringList& targets = {})
    {
        QTextList* list = nullptr;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString& item = items[i];
            QTextBlockFormat bf = paragraphFormat();
            bf.setBottomMargin(5);
            block(bf, text());
            markNext(targets.value(i));
            referenceMark();
            if (!list) {
                QTextListFormat lf;
                lf.setStyle(QTextListFormat::ListDisc);
                lf.setIndent(1);
                list = m_c.createList(lf);
            } else {
                list->add(m_c.block());
            }
            QTextDocument part;
            readMarkdown(part, fillFields(item, m_data.markdownFields));
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
        QTextBlockFormat bf = paragraphFormat();
        bf.setProperty(BlockRoleProperty, int(BlockRole::Note));
        line(s, cf, bf);
    }

    // ---- parts ----------------------------------------------------------------------------

    void draftNotice()
    {
        QTextBlockFormat bf;
        bf.setAlignment(Qt::AlignCenter);
        bf.setBackground(style::draftBackground());
        bf.setTopMargin(2);
        bf.setBottomMargin(m_out.embargoed ? 4 : 14);
        line(m_out.draftNotice, text(11, true, style::draftInk()), bf);
    }

    void embargoNotice()
    {
        QTextBlockFormat bf;
        bf.setAlignment(Qt::AlignCenter);
        bf.setBackground(style::embargo());
        bf.setTopMargin(2);
        bf.setBottomMargin(14);
        bf.setProperty(BlockRoleProperty, int(BlockRole::Embargo));
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
        bf.setProperty(BlockRoleProperty, int(BlockRole::Title));
        cell.setBlockFormat(bf);
        cell.insertText(m_data.doc.title, text(26, true, Qt::white));
        if (!m_data.doc.subtitle.isEmpty()) {
            bf.setProperty(BlockRoleProperty, int(BlockRole::Subtitle));
            cell.insertBlock(bf);
            cell.insertText(fillFields(m_data.doc.subtitle, m_data.fields),
                            text(16, false, Qt::white));
        }
        afterFrame();
        QTextBlockFormat dateFormat;
        dateFormat.setTopMargin(24);
        line(style::longDate(m_data.doc.dated, true), text(13, false, style::accent()), dateFormat);
        if (!m_data.doc.reference.trimmed().isEmpty()) {
            QTextBlockFormat gap;
            gap.setTopMargin(300);
            bool first = true;
            for (const QString& l :
                 m_data.doc.reference.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
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
        heading(s.title.isEmpty() ? QStringLiteral("Contents") : s.title, level, s.uid, true);
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
            QTextCharFormat cf = text(h.level == 1 ? 10.5 : 10, h.level == 1,
                                      h.level == 1 ? style::accent() : style::ink());
            cf.setAnchor(true);
            cf.setAnchorHref(QStringLiteral("#s-") + h.sectionUid);
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
        bf.setProperty(BlockRoleProperty, int(BlockRole::Badge));
        cell.setBlockFormat(bf);
        cell.insertText(it->gradeLabel,
                        text(13, true, style::gradeForeground(it->gradeCode, it->gradeRank)));
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
                referenced(QStringLiteral("finding:") + f.uid, f.text, notes);
        } else {
            QStringList items, targets;
            for (const Finding& f : list) {
                items << f.text;
                targets << QStringLiteral("finding:") + f.uid;
            }
            bullets(items, targets);
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

    // Every force that has the same figure as `m`, highest first.
    QList<ForceValue> everyForce(const Metric& m) const
    {
        return valuesOfEveryForce(m_data.everyForceMetrics, m_data.forces, m);
    }

    // Figures: a caption, then the figure's metrics as a table or a chart (figures.cpp).
    void caption(const Section& s);
    static QString definitionsOf(const QString& body);
    void metricsTable(const Section& s, QList<Footnote>& notes);
    void chart(const Section& s, QList<Footnote>& notes);

    void gradeDefinitions(const Section& s, int level, QList<Footnote>& notes)
    {
        heading(s.title.isEmpty() ? QStringLiteral("Annex A – judgments") : s.title, level, s.uid,
                level == 1);
        if (!s.body.trimmed().isEmpty()) {
            markdown(s.body, notes);
            return;
        }
        if (!m_data.scale) {
            note(QStringLiteral("This programme has no grade scale."));
            return;
        }
        line(QStringLiteral("The judgment categories are:"), text(), paragraphFormat());
        for (const Grade& g : m_data.scale->grades) {
            QTextBlockFormat bf = paragraphFormat();
            bf.setLeftMargin(14);
            block(bf, text());
            m_c.insertText(g.label, text(10.5, true, style::gradeText(g.code, g.rank)));
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
                m_c.insertText(QStringLiteral(", ") + p.postNominals, text(10.5));
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
            line(QStringLiteral("Dear ") + (m_data.recipient->greeting.isEmpty()
                                                ? m_data.recipient->name
                                                : m_data.recipient->greeting),
                 text(), dear);
        }
        QTextBlockFormat subject = paragraphFormat();
        subject.setBottomMargin(12);
        line(m_data.doc.title, text(11, true, style::accent()), subject);
        if (!s.body.trimmed().isEmpty()) {
            QList<Footnote> n;
            body(s, n);
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
            body(s, n);
            notes(n);
        }
        // The close stays on the page of the signature.
        QTextBlockFormat yours = bf;
        yours.setProperty(KeepWithNextProperty, true);
        line(QStringLiteral("Yours sincerely"), text(), yours);
        if (m_data.sender) {
            QTextBlockFormat sig;
            sig.setProperty(KeepWithNextProperty, true);
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
    void findingsTree(const Section& s, const Question& q, int level, QList<Footnote>& notes,
                      bool top)
    {
        const QList<Finding> own = findingsOf(q.code);
        QList<Section> placed;
        for (const Section& c : s.children)
            if (c.questionCode == q.code || (top && c.questionCode.isEmpty()))
                placed << c;
        QList<Finding> shown;
        for (const Finding& f : own)
            if (!(top && q.children.size() && f.kind == QStringLiteral("area_for_improvement")))
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
        if (k == QStringLiteral("contents")) {
            contents(s, level);
        } else if (k == QStringLiteral("narrative")) {
            if (!s.title.isEmpty())
                heading(fillFields(s.title, m_data.fields), level, s.uid, chapter);
            else
                anchorNext(s.uid);
            body(s, n);
        } else if (k == QStringLiteral("judgment")) {
            heading(s.title.isEmpty() ? QStringLiteral("Summary of findings") : s.title, level,
                    s.uid, chapter);
            badge(s.questionCode);
            if (const auto it = m_data.judgments.constFind(s.questionCode);
                it != m_data.judgments.cend())
                referenced(QStringLiteral("judgment:") + judgmentKey(s.questionCode), it->summary,
                           n);
            body(s, n);
        } else if (k == QStringLiteral("overview")) {
            const Question* q = m_data.questions.value(s.questionCode);
            heading(s.title.isEmpty() && q ? q->text : s.title, level, s.uid, chapter);
            if (!m_overviewJudged.contains(s.questionCode))
                badge(s.questionCode);
            if (const auto it = m_data.judgments.constFind(s.questionCode);
                it != m_data.judgments.cend()) {
                const bool own = !it->overview.trimmed().isEmpty();
                referenced((own ? QStringLiteral("overview:") : QStringLiteral("judgment:")) +
                               judgmentKey(s.questionCode),
                           own ? it->overview : it->summary, n);
            }
            body(s, n);
        } else if (k == QStringLiteral("findings")) {
            const Question* q = m_data.questions.value(s.questionCode);
            heading(s.title.isEmpty() && q ? q->text : s.title, level, s.uid, chapter);
            body(s, n);
            if (q)
                findingsTree(s, *q, level + 1, n, true);
            notes(n);
            return; // the children were placed under their questions
        } else if (k == QStringLiteral("areas_for_improvement")) {
            const QList<Finding> afis = findingsOf(
                s.questionCode,
                s.findingKind.isEmpty() ? QStringLiteral("area_for_improvement") : s.findingKind);
            if (afis.isEmpty() && s.body.trimmed().isEmpty()) {
                anchorNext(s.uid);
            } else {
                heading(s.title.isEmpty()
                            ? findingKindPluralLabel(s.findingKind.isEmpty()
                                                         ? QStringLiteral("area_for_improvement")
                                                         : s.findingKind)
                            : s.title,
                        level, s.uid, chapter);
                body(s, n);
                QStringList items, targets;
                for (const Finding& f : afis) {
                    items << f.text;
                    targets << QStringLiteral("finding:") + f.uid;
                }
                bullets(items, targets);
            }
        } else if (k == QStringLiteral("metrics_table")) {
            if (depth == 0)
                heading(s.title, level, s.uid, chapter);
            metricsTable(s, n);
        } else if (k == QStringLiteral("chart")) {
            chart(s, n);
        } else if (k == QStringLiteral("grade_definitions")) {
            gradeDefinitions(s, level, n);
        } else if (k == QStringLiteral("letter_opening")) {
            letterOpening(s);
        } else if (k == QStringLiteral("letter_closing")) {
            letterClosing(s);
        }
        notes(n);
        if (!withChildren)
            return;
        // An overview that follows its question's judgment shows no second badge.
        QSet<QString> judged;
        for (const Section& c : s.children)
            if (c.kind == QStringLiteral("judgment"))
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
    QString m_pendingReference;
    QTextDocument* m_doc;
    QTextCursor m_c;
    bool m_fresh = true;
    bool m_report = false;
    int m_nextNote = 1;
    bool m_contentsPending = false;
    int m_contentsAt = 0;
    QSet<QString> m_overviewJudged;
    QStringList m_pendingAnchors;   // sections waiting for their first block
    QList<Footnote> m_captionNotes; // notes marked in the caption being printed
};

} // namespace fwb::documents::detail
