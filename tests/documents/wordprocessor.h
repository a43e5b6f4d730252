#pragma once
// Helpers for the tests of the word-processor formats (DOCX and ODT): a package's parts, its
// paragraphs with their styles, the attributes of its elements, and the assembly's own texts to
// compare with.

#include "doctest.h"
#include "documents/assembly.h"
#include "documents/chart.h"
#include "documents/package.h"

#include <QTextBlock>
#include <QXmlStreamReader>

namespace wp {

inline QString S(const char* s)
{
    return QString::fromUtf8(s);
}

inline QByteArray part(const QByteArray& zip, const QString& name)
{
    auto bytes = fwb::documents::package::read(zip, name);
    INFO("part " << name);
    REQUIRE(bytes);
    return *bytes;
}

struct Para {
    QString tag, style, text;
};

// The paragraphs of a part in the order they end (a note's paragraph before the one holding
// it), each with its style and text. `odt`: OpenDocument's text:p and text:h, else Word's w:p.
inline QList<Para> paragraphs(const QByteArray& xml, bool odt)
{
    QXmlStreamReader r(xml);
    QList<Para> out, stack;
    bool inText = false;
    int inCitation = 0; // a note's number, a chart's title and description: not text

    while (!r.atEnd()) {
        r.readNext();
        const QString qn = r.qualifiedName().toString();
        if (r.isStartElement()) {
            if (odt ? (qn == S("text:p") || qn == S("text:h")) : qn == S("w:p")) {
                Para p;
                p.tag = qn;
                if (odt)
                    p.style = r.attributes().value(S("text:style-name")).toString();
                stack << p;
            } else if (!odt && qn == S("w:pStyle") && !stack.isEmpty()) {
                stack.last().style = r.attributes().value(S("w:val")).toString();
            } else if (!odt && qn == S("w:t")) {
                inText = true;
            } else if (!stack.isEmpty() && (qn == S("w:tab") || qn == S("w:br") ||
                                            qn == S("text:tab") || qn == S("text:line-break"))) {
                stack.last().text += QLatin1Char(' ');
            } else if (odt && qn == S("text:s") && !stack.isEmpty()) {
                const int n = r.attributes().value(S("text:c")).toInt();
                stack.last().text += QString(qMax(1, n), QLatin1Char(' '));
            } else if (qn == S("text:note-citation") || qn == S("svg:title") ||
                       qn == S("svg:desc")) {
                ++inCitation;
            }
        } else if (r.isEndElement()) {
            if (!stack.isEmpty() && qn == stack.last().tag)
                out << stack.takeLast();
            else if (qn == S("w:t"))
                inText = false;
            else if (qn == S("text:note-citation") || qn == S("svg:title") || qn == S("svg:desc"))
                --inCitation;
        } else if (r.isCharacters() && !stack.isEmpty() && (odt ? !inCitation : inText)) {
            stack.last().text += r.text();
        }
    }
    INFO(r.errorString());
    CHECK_FALSE(r.hasError());
    return out;
}

// The values of one attribute on every element of a name, in document order.
inline QStringList attributes(const QByteArray& xml, const QString& element,
                              const QString& attribute)
{
    QXmlStreamReader r(xml);
    QStringList out;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.qualifiedName() == element)
            out << r.attributes().value(attribute).toString();
    }
    CHECK_FALSE(r.hasError());
    return out;
}

// The text of every element of a name.
inline QStringList texts(const QByteArray& xml, const QString& element)
{
    QXmlStreamReader r(xml);
    QStringList out;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.qualifiedName() == element)
            out << r.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    CHECK_FALSE(r.hasError());
    return out;
}

// Text as compared: superscript note numbers and the object character dropped, white space
// folded.
inline QString folded(QString s)
{
    static const QRegularExpression superscripts(QStringLiteral("[⁰¹²³⁴⁵⁶⁷⁸⁹]+"));
    s.remove(superscripts);
    s.remove(QChar::ObjectReplacementCharacter);
    s.replace(QChar::LineSeparator, QLatin1Char(' '));
    s.replace(QChar(0x2002), QLatin1Char(' '));
    return s.simplified();
}

// Every text block of the assembly as the reader meets it: not the embargo notice (the page
// header carries it), a footnote without the number printed before it.
inline QStringList assemblyTexts(const fwb::documents::Assembly& a)
{
    using namespace fwb::documents;
    QStringList out;
    for (QTextBlock b = a.document->begin(); b.isValid(); b = b.next()) {
        const int role = b.blockFormat().intProperty(BlockRoleProperty);
        if (role == int(BlockRole::Embargo))
            continue;
        QString t = b.text();
        if (role == int(BlockRole::Footnote)) {
            const QString n = QString::number(b.blockFormat().intProperty(FootnoteNumberProperty));
            if (t.startsWith(n))
                t = t.mid(n.size());
        }
        t = folded(t);
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

inline int footnoteBlocks(const fwb::documents::Assembly& a)
{
    using namespace fwb::documents;
    int n = 0;
    for (QTextBlock b = a.document->begin(); b.isValid(); b = b.next())
        n += b.blockFormat().intProperty(BlockRoleProperty) == int(BlockRole::Footnote) ? 1 : 0;
    return n;
}

inline QList<fwb::documents::ChartSpec> chartsOf(const fwb::documents::Assembly& a)
{
    using namespace fwb::documents;
    QList<ChartSpec> out;
    for (QTextBlock b = a.document->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().objectType() == ChartObjectType)
                out << ChartSpec::fromVariant(
                    it.fragment().charFormat().property(ChartSpecProperty));
    return out;
}

// Every text of `expected` is in `actual` as often as it is in `expected`.
inline void eachOnce(const QStringList& expected, const QString& actual, const char* where)
{
    const QString all = expected.join(QLatin1Char('\n'));
    QStringList wrong;
    for (const QString& t : expected) {
        if (t.size() < 12)
            continue; // a number or a word: found everywhere
        if (actual.count(t) != all.count(t))
            wrong << QStringLiteral("%1× (want %2×): %3")
                         .arg(actual.count(t))
                         .arg(all.count(t))
                         .arg(t.left(90));
    }
    INFO(where << ":\n" << wrong.join(QLatin1Char('\n')));
    CHECK(wrong.isEmpty());
}

} // namespace wp
