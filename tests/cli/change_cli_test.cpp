// fwb change, and the questions' "follows" through fwb question edit and the interchange format.

#include "clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

TEST_CASE("fwb change lists who went up or down, not comparable questions are marked, follows "
          "survive export and import",
          "[cli][change]")
{
    test::Scratch dir;
    const QString file = dir.path(S("demo.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    REQUIRE(runFwb({S("programme"), S("create"), file, S("--code"), S("peel-2016"), S("--title"),
                    S("PEEL 2016"), S("--year"), S("2016"), S("--copy-from"),
                    S("peel-effectiveness-2015")})
                .code == 0);
    REQUIRE(runFwb({S("judgment"), S("set"), file, S("--programme"), S("peel-2016"), S("--force"),
                    S("lancashire"), S("--question"), S("Q2"), S("--grade"), S("inadequate"),
                    S("--summary"), S("Worse.")})
                .code == 0);
    REQUIRE(runFwb({S("judgment"), S("set"), file, S("--programme"), S("peel-2016"), S("--force"),
                    S("lancashire"), S("--question"), S("Q4"), S("--grade"), S("outstanding"),
                    S("--summary"), S("Better.")})
                .code == 0);
    REQUIRE(runFwb({S("question"), S("edit"), file, S("--programme"), S("peel-2016"), S("--code"),
                    S("Q4"), S("--comparable"), S("no")})
                .code == 0);

    const Run text = runFwb({S("change"), file, S("--to"), S("peel-2016")});
    REQUIRE(text.code == 0);
    CHECK(text.out.contains(S("0 up, 1 down")));
    CHECK(text.out.contains(S("Lancashire Constabulary: Good → Inadequate (down)")));
    CHECK(text.out.contains(S("Lancashire Constabulary: Good → Outstanding (not comparable)")));

    const Run json = runFwb({S("change"), file, S("--from"), S("peel-effectiveness-2015"),
                             S("--to"), S("peel-2016"), S("--format"), S("json")});
    REQUIRE(json.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o[S("totals")][S("down")].toInt() == 1);
    CHECK(o[S("totals")][S("not comparable")].toInt() == 1);
    for (const QJsonValue c : o[S("columns")].toArray())
        if (c[S("question")].toString() == S("Q4"))
            CHECK_FALSE(c[S("comparable")].toBool());

    CHECK(runFwb({S("change"), file, S("--to"), S("peel-effectiveness-2015")}).code ==
          3); // follows nothing
    CHECK(runFwb({S("change"), file}).code == 2);
    CHECK(runFwb({S("change"), file, S("--to"), S("peel-2016"), S("--format"), S("xml")}).code ==
          2);
    CHECK(runFwb({S("question"), S("edit"), file, S("--programme"), S("peel-2016"), S("--code"),
                  S("Q4"), S("--comparable"), S("maybe")})
              .code == 2);
    CHECK(runFwb({S("question"), S("edit"), file, S("--programme"), S("peel-2016"), S("--code"),
                  S("Q4"), S("--follows"), S("peel-1999/Q4")})
              .code == 3);

    // The mapping travels with the programme: exported, imported into a new workbench, compared
    // again.
    const QString json2 = dir.path(S("all.json"));
    REQUIRE(runFwb({S("export"), file, S("--format"), S("json"), S("-o"), json2}).code == 0);
    CHECK(test::readFile(json2).contains("\"follows\": \"peel-effectiveness-2015/Q4\""));
    const QString other = dir.path(S("other.fwb"));
    REQUIRE(runFwb({S("init"), other}).code == 0);
    REQUIRE(runFwb({S("import"), other, json2}).code == 0);
    const Run again = runFwb({S("change"), other, S("--to"), S("peel-2016")});
    REQUIRE(again.code == 0);
    CHECK(again.out == text.out);
}
