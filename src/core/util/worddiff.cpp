#include "core/util/worddiff.h"

#include <dtl/dtl.hpp>
#include <vector>

namespace fwb::diff {
namespace {

enum class Class { Word, Space, Mark };

Class classOf(QChar c)
{
    if (c.isLetterOrNumber() || c == QLatin1Char('\'') || c == QChar(0x2019))
        return Class::Word;
    if (c.isSpace())
        return Class::Space;
    return Class::Mark;
}

std::vector<QString> tokens(const QString& s)
{
    std::vector<QString> out;
    qsizetype i = 0;
    while (i < s.size()) {
        const Class k = classOf(s[i]);
        qsizetype j = i + 1;
        if (k != Class::Mark)
            while (j < s.size() && classOf(s[j]) == k)
                ++j;
        out.push_back(s.mid(i, j - i));
        i = j;
    }
    return out;
}

void append(QList<Piece>& out, Op op, const QString& text)
{
    if (!out.isEmpty() && out.back().op == op)
        out.back().text += text;
    else
        out.push_back({op, text});
}

} // namespace

QList<Piece> words(const QString& before, const QString& after)
{
    QList<Piece> out;
    if (before == after) {
        if (!before.isEmpty())
            out.push_back({Op::Equal, before});
        return out;
    }
    const std::vector<QString> a = tokens(before), b = tokens(after);
    dtl::Diff<QString, std::vector<QString>> d(a, b);
    d.compose();
    // A replacement of several words reads better as all that was deleted, then all that was
    // inserted, than as word after word: a single space shared between two replaced words is
    // taken into both sides of the replacement.
    QString deleted, inserted, gap;
    auto flush = [&] {
        // Spaces that end both sides were shared: they go back between the change and what follows.
        QString shared;
        while (!deleted.isEmpty() && !inserted.isEmpty() && deleted.back() == inserted.back() &&
               deleted.back().isSpace()) {
            shared.prepend(deleted.back());
            deleted.chop(1);
            inserted.chop(1);
        }
        gap = shared + gap;
        if (!deleted.isEmpty())
            append(out, Op::Delete, deleted);
        if (!inserted.isEmpty())
            append(out, Op::Insert, inserted);
        deleted.clear();
        inserted.clear();
        if (!gap.isEmpty())
            append(out, Op::Equal, gap);
        gap.clear();
    };
    auto change = [&](QString& side, const QString& token) {
        if (!gap.isEmpty()) {
            deleted += gap;
            inserted += gap;
            gap.clear();
        }
        side += token;
    };
    for (const auto& [token, info] : d.getSes().getSequence()) {
        switch (info.type) {
        case dtl::SES_COMMON:
            if (gap.isEmpty() && !deleted.isEmpty() && !inserted.isEmpty() &&
                token == QLatin1String(" ")) {
                gap = token;
                break;
            }
            flush();
            append(out, Op::Equal, token);
            break;
        case dtl::SES_DELETE:
            change(deleted, token);
            break;
        case dtl::SES_ADD:
            change(inserted, token);
            break;
        }
    }
    flush();
    return out;
}

QString toText(const QList<Piece>& pieces)
{
    QString out;
    for (const Piece& p : pieces)
        switch (p.op) {
        case Op::Equal:
            out += p.text;
            break;
        case Op::Delete:
            out += QStringLiteral("[-") + p.text + QStringLiteral("-]");
            break;
        case Op::Insert:
            out += QStringLiteral("{+") + p.text + QStringLiteral("+}");
            break;
        }
    return out;
}

QString toHtml(const QList<Piece>& pieces)
{
    QString out;
    for (const Piece& p : pieces) {
        QString text = p.text.toHtmlEscaped();
        text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        switch (p.op) {
        case Op::Equal:
            out += text;
            break;
        case Op::Delete:
            out += QStringLiteral("<span style=\"color:#b3261e; background-color:#fce8e6; "
                                  "text-decoration:line-through\">") +
                   text + QStringLiteral("</span>");
            break;
        case Op::Insert:
            out += QStringLiteral("<span style=\"color:#1e6b34; background-color:#e6f4ea; "
                                  "text-decoration:underline\">") +
                   text + QStringLiteral("</span>");
            break;
        }
    }
    return out;
}

int changeCount(const QList<Piece>& pieces)
{
    int n = 0;
    for (const Piece& p : pieces)
        n += p.op != Op::Equal ? 1 : 0;
    return n;
}

} // namespace fwb::diff
