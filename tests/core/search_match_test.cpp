// How a team workbench runs the search service's FTS5 expressions (SearchIndex::translateMatch):
// words become quoted tsquery lexemes, tags become conditions on the filter columns, and what is
// not in the accepted grammar is refused with a message rather than passed on.

#include "core/services/search.h"
#include "core/storage/searchindex.h"
#include "coretest.h"

using namespace fwb;

namespace {
SearchIndex::Translated ok(const QString& match)
{
    auto t = SearchIndex::translateMatch(match);
    INFO(match.toStdString());
    REQUIRE(t);
    return *t;
}
} // namespace

TEST_CASE("The service's expressions become a tsquery and filter conditions", "[search]")
{
    const QString words = SearchService::ftsQuery(QStringLiteral("unattended crime"));
    auto t = ok(QStringLiteral("{title body} : (") + words + QStringLiteral(")"));
    CHECK(t.tsquery == QStringLiteral("('unattended') & ('crime':*)"));
    CHECK(t.filters.isEmpty());

    t = ok(QStringLiteral("{title body} : (\"victims\") AND tags : (\"zp12\" \"zf3\" \"zk2\" "
                          "\"zs1\")"));
    CHECK(t.tsquery == QStringLiteral("'victims'"));
    REQUIRE(t.filters.size() == 4);
    CHECK(t.filters[0] == std::pair<QString, qint64>(QStringLiteral("programme_id"), 12));
    CHECK(t.filters[1] == std::pair<QString, qint64>(QStringLiteral("force_id"), 3));
    CHECK(t.filters[2] == std::pair<QString, qint64>(QStringLiteral("kind"), 2));
    CHECK(t.filters[3] == std::pair<QString, qint64>(QStringLiteral("status"), 1));
}

TEST_CASE("FTS5 operators phrases and columns are translated", "[search]")
{
    CHECK(ok(QStringLiteral("durham AND summary")).tsquery ==
          QStringLiteral("('durham') & ('summary')"));
    CHECK(ok(QStringLiteral("a OR b")).tsquery == QStringLiteral("('a') | ('b')"));
    CHECK(ok(QStringLiteral("a NOT b")).tsquery == QStringLiteral("('a') & ! ('b')"));
    CHECK(ok(QStringLiteral("\"missing children\"")).tsquery ==
          QStringLiteral("'missing' <-> 'children'"));
    CHECK(ok(QStringLiteral("title : letter*")).tsquery == QStringLiteral("'letter':*A"));
    CHECK(ok(QStringLiteral("body : café")).tsquery == QStringLiteral("'café':B"));
    // Quotes and operators inside a phrase are text, and only letters and digits reach the query.
    CHECK(ok(QStringLiteral("\"it's a \"\"test\"\" AND ')--\"")).tsquery ==
          QStringLiteral("'it' <-> 's' <-> 'a' <-> 'test' <-> 'AND'"));
}

TEST_CASE("Hostile or malformed expressions are refused with a message", "[search]")
{
    for (const QString& bad :
         {QStringLiteral("\"unclosed"), QStringLiteral("AND AND"), QStringLiteral("a AND"),
          QStringLiteral("(a b"), QStringLiteral("a) b"),
          QStringLiteral("x'; DROP TABLE findings; --"), QStringLiteral("nosuch : a"),
          QStringLiteral("{title tags} : a"), QStringLiteral("tags : (\"zq1\")"),
          QStringLiteral("tags : (\"zp1\") OR a"), QStringLiteral("tags : (\"zp1\")"),
          QStringLiteral("\"\""), QStringLiteral(""), QStringLiteral("a NEAR/3 b"),
          QStringLiteral("^a")}) {
        INFO(bad.toStdString());
        auto t = SearchIndex::translateMatch(bad);
        REQUIRE_FALSE(t);
        CHECK(t.error().code == Error::Code::Invalid);
        CHECK(t.error().message.startsWith(QStringLiteral("The search expression is not valid")));
    }
}
