// fwb followup as a script runs it: an assessment recorded, refused without its evidence, and the
// national list as text, CSV and JSON.

#include "clitest.h"
#include "core/io/csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

TEST_CASE("fwb followup: set, list and history", "[cli][followups]")
{
    test::Scratch dir;
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    const Run all = runFwb(
        {S("followup"), S("list"), file, S("--force"), S("lancashire"), S("--format"), S("json")});
    REQUIRE(all.code == 0);
    const QJsonArray items =
        QJsonDocument::fromJson(all.out.toUtf8()).object()[S("items")].toArray();
    REQUIRE(items.size() > 3);
    QString earlier;
    for (const QJsonValue& v : items)
        if (v[S("since")].toInt() == 2014 && earlier.isEmpty())
            earlier = v[S("finding")].toString();
    REQUIRE_FALSE(earlier.isEmpty());

    const Run refused = runFwb({S("followup"), S("set"), file, earlier, S("--programme"),
                                S("peel-effectiveness-2015"), S("--status"), S("completed")});
    CHECK(refused.code == 3);
    CHECK(refused.err.contains(S("needs the later finding")));
    const Run set = runFwb({S("followup"), S("set"), file, earlier, S("--programme"),
                            S("peel-effectiveness-2015"), S("--status"), S("completed"),
                            S("--evidence"), S("lancs-2015-f-036"), S("--note"), S("Done.")});
    REQUIRE(set.code == 0);
    const Run history = runFwb({S("followup"), S("history"), file, earlier});
    REQUIRE(history.code == 0);
    CHECK(history.out.contains(S("Completed  (lancs-2015-f-036)  Done.")));

    const Run open = runFwb({S("followup"), S("list"), file, S("--force"), S("lancashire"),
                             S("--open"), S("--format"), S("csv")});
    REQUIRE(open.code == 0);
    auto rows = csv::parse(open.out.toUtf8(), S("open.csv"));
    REQUIRE(rows);
    CHECK(rows->size() == items.size()); // one fewer item, plus the header
    for (int r = 1; r < rows->size(); ++r)
        CHECK((*rows)[r].fields[3] != earlier);
    const Run text = runFwb({S("followup"), S("list"), file, S("--open")});
    REQUIRE(text.code == 0);
    CHECK(text.out.contains(QStringLiteral("%1 item(s)").arg(items.size() - 1)));
    CHECK(runFwb({S("followup"), S("list"), file, S("--kind"), S("strength")}).code == 2);
}
