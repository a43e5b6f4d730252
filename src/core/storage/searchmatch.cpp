// SearchIndex::translateMatch: an FTS5 expression, as the search service and the benchmarks write
// them, in the terms of a team workbench's index (migrations/postgresql/0002, 0003): a tsquery for
// the words and conditions on the filter columns for the tags. The expression is parsed, never
// copied: every word that reaches the tsquery is a run of letters and digits, quoted, and the
// tsquery itself is bound as a value. What the grammar below does not accept is refused.
//
//   or      := and ("OR" and)*
//   and     := not (["AND"] not)*
//   not     := primary ("NOT" primary)*
//   primary := [columns ":"] ("(" or ")" | phrase ["*"])
//   columns := "{" name+ "}" | name          (title, body, tags)
//   phrase  := "quoted text" | bareword

#include "core/storage/searchindex.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {

enum Columns { kTitle = 1, kBody = 2, kTags = 4, kText = kTitle | kBody };

struct Token {
    enum Kind { Word, String, Open, Close, Colon, Star, And, Or, Not, ColumnSet, End } kind;
    QString text;
};

struct Node {
    QString tsquery;                           // empty for a node of tags alone
    QList<std::pair<QString, qint64>> filters; // from tags
};

Error invalid(const QString& why)
{
    return Error::make(Error::Code::Invalid, u"The search expression is not valid: "_s + why);
}

const QRegularExpression& letters()
{
    static const QRegularExpression word(u"[\\p{L}\\p{N}]+"_s);
    return word;
}

Result<QList<Token>> tokenize(const QString& s)
{
    QList<Token> out;
    qsizetype i = 0;
    const auto bare = [](QChar c) { return c.isLetterOrNumber() || c == u'_'; };
    while (i < s.size()) {
        const QChar c = s[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == u'"') {
            QString text;
            ++i;
            bool closed = false;
            while (i < s.size()) {
                if (s[i] == u'"') {
                    if (i + 1 < s.size() && s[i + 1] == u'"') { // "" is a quote inside
                        text += u'"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                text += s[i++];
            }
            if (!closed)
                return invalid(u"a quotation mark is not closed"_s);
            out.push_back({Token::String, text});
        } else if (c == u'{') {
            const qsizetype end = s.indexOf(u'}', i);
            if (end < 0)
                return invalid(u"a { is not closed"_s);
            out.push_back({Token::ColumnSet, s.mid(i + 1, end - i - 1)});
            i = end + 1;
        } else if (c == u'(' || c == u')' || c == u':' || c == u'*') {
            out.push_back({c == u'('   ? Token::Open
                           : c == u')' ? Token::Close
                           : c == u':' ? Token::Colon
                                       : Token::Star,
                           QString(c)});
            ++i;
        } else if (bare(c)) {
            qsizetype j = i;
            while (j < s.size() && bare(s[j]))
                ++j;
            const QString w = s.mid(i, j - i);
            out.push_back({w == u"AND"_s   ? Token::And
                           : w == u"OR"_s  ? Token::Or
                           : w == u"NOT"_s ? Token::Not
                                           : Token::Word,
                           w});
            i = j;
        } else {
            return invalid(u"unexpected \"%1\""_s.arg(c));
        }
    }
    out.push_back({Token::End, {}});
    return out;
}

class Parser {
public:
    explicit Parser(QList<Token> tokens) : m_tokens(std::move(tokens)) {}

    Result<Node> parse()
    {
        auto node = parseOr(kText);
        if (!node)
            return node;
        if (peek().kind != Token::End)
            return invalid(u"unexpected \"%1\""_s.arg(peek().text));
        return node;
    }

private:
    const Token& peek() const { return m_tokens[qMin(m_at, m_tokens.size() - 1)]; }
    const Token& take() { return m_tokens[qMin(m_at++, m_tokens.size() - 1)]; }
    bool startsPrimary() const
    {
        const auto k = peek().kind;
        return k == Token::Word || k == Token::String || k == Token::Open || k == Token::ColumnSet;
    }

    static Result<Node> combine(Node a, Node b, const QString& op)
    {
        if (op != u"&"_s && (!a.filters.isEmpty() || !b.filters.isEmpty()))
            return invalid(u"tags may only be required (joined with AND)"_s);
        Node out;
        out.filters = a.filters + b.filters;
        if (a.tsquery.isEmpty() || b.tsquery.isEmpty()) {
            if (op != u"&"_s)
                return invalid(u"OR and NOT need words on both sides"_s);
            out.tsquery = a.tsquery.isEmpty() ? b.tsquery : a.tsquery;
        } else {
            out.tsquery = u"("_s + a.tsquery + u") "_s + op + u" ("_s + b.tsquery + u")"_s;
        }
        return out;
    }

    Result<Node> parseOr(int columns)
    {
        auto left = parseAnd(columns);
        while (left && peek().kind == Token::Or) {
            take();
            auto right = parseAnd(columns);
            if (!right)
                return right;
            left = combine(*left, *right, u"|"_s);
        }
        return left;
    }

    Result<Node> parseAnd(int columns)
    {
        auto left = parseNot(columns);
        while (left && (peek().kind == Token::And || startsPrimary())) {
            if (peek().kind == Token::And)
                take();
            auto right = parseNot(columns);
            if (!right)
                return right;
            left = combine(*left, *right, u"&"_s);
        }
        return left;
    }

    Result<Node> parseNot(int columns)
    {
        auto left = parseSomething(columns);
        while (left && peek().kind == Token::Not) {
            take();
            auto right = parseSomething(columns);
            if (!right)
                return right;
            left = combine(*left, *right, u"& !"_s);
        }
        return left;
    }

    static Result<int> columnsOf(const QString& names)
    {
        int out = 0;
        for (const QString& n : names.split(u' ', Qt::SkipEmptyParts)) {
            if (n == u"title"_s)
                out |= kTitle;
            else if (n == u"body"_s)
                out |= kBody;
            else if (n == u"tags"_s)
                out |= kTags;
            else
                return invalid(u"no column \"%1\""_s.arg(n));
        }
        if (out == 0)
            return invalid(u"an empty column filter"_s);
        if ((out & kTags) && out != kTags)
            return invalid(u"tags are filtered on their own"_s);
        return out;
    }

    Result<Node> parseSomething(int columns)
    {
        // A column filter: {names} : or name :
        if (peek().kind == Token::ColumnSet ||
            (peek().kind == Token::Word && m_at + 1 < m_tokens.size() &&
             m_tokens[m_at + 1].kind == Token::Colon)) {
            auto named = columnsOf(take().text);
            if (!named)
                return named.error();
            if (take().kind != Token::Colon)
                return invalid(u"a column filter needs a colon"_s);
            columns = *named;
        }
        if (peek().kind == Token::Open) {
            take();
            auto inner = parseOr(columns);
            if (!inner)
                return inner;
            if (take().kind != Token::Close)
                return invalid(u"a parenthesis is not closed"_s);
            return inner;
        }
        if (peek().kind != Token::Word && peek().kind != Token::String)
            return invalid(peek().kind == Token::End ? u"it ends too soon"_s
                                                     : u"unexpected \"%1\""_s.arg(peek().text));
        const QString phrase = take().text;
        const bool prefix = peek().kind == Token::Star;
        if (prefix)
            take();
        if (columns == kTags)
            return tag(phrase);
        QStringList words;
        for (auto it = letters().globalMatch(phrase); it.hasNext();)
            words << it.next().captured(0);
        if (words.isEmpty())
            return invalid(u"an empty phrase"_s);
        const QString weight = columns == kTitle ? u"A"_s : columns == kBody ? u"B"_s : QString();
        QStringList parts;
        for (qsizetype i = 0; i < words.size(); ++i) {
            const bool last = i == words.size() - 1;
            const QString marks = (last && prefix ? u"*"_s : QString()) + weight;
            parts << u"'"_s + words[i] + u"'"_s + (marks.isEmpty() ? QString() : u":"_s + marks);
        }
        return Node{parts.size() == 1 ? parts.front() : parts.join(u" <-> "_s), {}};
    }

    static Result<Node> tag(const QString& token)
    {
        static const QRegularExpression form(u"^z([pfkst])([0-9]{1,18})$"_s);
        const auto m = form.match(token);
        if (!m.hasMatch())
            return invalid(u"no tag \"%1\""_s.arg(token));
        static const QHash<QString, QString> column{{u"p"_s, u"programme_id"_s},
                                                    {u"f"_s, u"force_id"_s},
                                                    {u"k"_s, u"kind"_s},
                                                    {u"s"_s, u"status"_s},
                                                    {u"t"_s, u"type"_s}};
        return Node{{}, {{column.value(m.captured(1)), m.captured(2).toLongLong()}}};
    }

    QList<Token> m_tokens;
    qsizetype m_at = 0;
};

} // namespace

Result<SearchIndex::Translated> SearchIndex::translateMatch(const QString& match)
{
    auto tokens = tokenize(match);
    if (!tokens)
        return tokens.error();
    auto node = Parser(std::move(tokens).value()).parse();
    if (!node)
        return node.error();
    if (node->tsquery.isEmpty())
        return invalid(u"no words to search for"_s);
    return Translated{node->tsquery, node->filters};
}

} // namespace fwb
