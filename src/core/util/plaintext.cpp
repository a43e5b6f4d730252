#include "core/util/plaintext.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {

// Inline markup of one line: links, emphasis, code and escapes.
QString inlinePlain(QString s)
{
    static const QRegularExpression footnote(u"\\[\\^[^\\]\\s]+\\]"_s);
    static const QRegularExpression image(u"!\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression link(u"\\[([^\\]]+)\\]\\([^)]*\\)"_s);
    static const QRegularExpression autolink(u"<((?:https?|mailto):[^>\\s]+)>"_s);
    static const QRegularExpression strong(u"(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"_s);
    static const QRegularExpression starEm(u"(?<![\\\\*])\\*(?=[^\\s*])(.+?)(?<=[^\\s\\\\*])\\*"_s);
    static const QRegularExpression lineEm(u"(?<![\\w\\\\])_(?=\\S)(.+?)(?<=\\S)_(?!\\w)"_s);
    static const QRegularExpression strike(u"~~(?=\\S)(.+?)(?<=\\S)~~"_s);
    static const QRegularExpression code(u"`+([^`]+)`+"_s);
    static const QRegularExpression escape(u"\\\\([!-/:-@\\[-`{-~])"_s);
    s.remove(footnote);
    s.replace(image, u"\\1"_s);
    s.replace(link, u"\\1"_s);
    s.replace(autolink, u"\\1"_s);
    s.replace(code, u"\\1"_s);
    s.replace(strong, u"\\2"_s);
    s.replace(strike, u"\\1"_s);
    s.replace(starEm, u"\\1"_s);
    s.replace(lineEm, u"\\1"_s);
    s.replace(escape, u"\\1"_s);
    return s;
}

} // namespace

QString markdownToPlain(const QString& markdown)
{
    static const QRegularExpression definition(u"^\\s{0,3}\\[\\^[^\\]]+\\]:"_s);
    static const QRegularExpression heading(u"^\\s{0,3}#{1,6}\\s+"_s);
    static const QRegularExpression closingHashes(u"\\s+#+\\s*$"_s);
    static const QRegularExpression bullet(u"^\\s*[-*+]\\s+"_s);
    static const QRegularExpression numbered(u"^\\s*(\\d{1,9})[.)]\\s+"_s);
    static const QRegularExpression quote(u"^\\s{0,3}>\\s?"_s);
    static const QRegularExpression rule(u"^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$"_s);
    QStringList paragraphs;
    QStringList lines; // of the paragraph being read, each a list item or a run of text
    bool inDefinition = false;
    auto endParagraph = [&] {
        if (!lines.isEmpty())
            paragraphs << lines.join(u'\n');
        lines.clear();
    };
    const QStringList source = QString(markdown).replace(u"\r\n"_s, u"\n"_s).split(u'\n');
    for (QString line : source) {
        if (line.trimmed().isEmpty()) {
            inDefinition = false;
            endParagraph();
            continue;
        }
        if (definition.match(line).hasMatch()) {
            inDefinition = true; // a footnote's text is printed as a note, not here
            continue;
        }
        if (inDefinition && (line.startsWith(u"    "_s) || line.startsWith(u'\t')))
            continue;
        inDefinition = false;
        if (rule.match(line).hasMatch()) {
            endParagraph();
            continue;
        }
        line.remove(quote);
        bool item = false;
        if (const auto h = heading.match(line); h.hasMatch()) {
            endParagraph();
            line = line.mid(h.capturedLength()).remove(closingHashes);
            paragraphs << inlinePlain(line).trimmed();
            continue;
        }
        if (const auto b = bullet.match(line); b.hasMatch()) {
            line = u"• "_s + line.mid(b.capturedLength());
            item = true;
        } else if (const auto n = numbered.match(line); n.hasMatch()) {
            line = n.captured(1) + u". "_s + line.mid(n.capturedLength());
            item = true;
        }
        line = inlinePlain(line).trimmed();
        if (item || lines.isEmpty())
            lines << line;
        else
            lines.last() += u' ' + line; // a soft break reads as a space
    }
    endParagraph();
    return paragraphs.join(u"\n\n"_s);
}

} // namespace fwb
