// fwb check as a separate process: exit 1 with errors, 0 without, one line per problem or JSON.

#include "clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

TEST_CASE("fwb check exits 0 on the published demo and 1 once an error is injected",
          "[cli][checks]")
{
    test::Scratch dir;
    const QString file = dir.path(S("c.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    const QStringList place{S("--programme"), S("core-business-2014"), S("--force"),
                            S("lancashire")};
    const Run clean = runFwb(QStringList{S("check"), file} + place);
    CHECK(clean.code == 0);
    CHECK(clean.out.trimmed().endsWith(S("0 errors, 0 warnings")));

    // The letter is published: the finding is refused until the letter is reopened.
    const Run locked =
        runFwb({S("finding"), S("edit"), file, S("lancs-2014-f-13"), S("--text"), S("Changed.")});
    CHECK(locked.code != 0);
    CHECK(locked.err.contains(S("published and locked")));
    REQUIRE(runFwb({S("review"), S("move"), file, S("--document"), S("lancs-2014-letter"),
                    S("--to"), S("amended"), S("--reason"), S("a count to correct")})
                .code == 0);
    REQUIRE(runFwb({S("finding"), S("edit"), file, S("lancs-2014-f-13"), S("--text"),
                    S("Fifty unattended crime reports were examined. Thirty six of those files "
                      "contained no evidence of "
                      "any investigation, 35 had no evidence of any form of supervisory input and "
                      "35 were filed within 24 hours.")})
                .code == 0);
    const Run dirty = runFwb(QStringList{S("check"), file} + place);
    CHECK(dirty.code == 1);
    CHECK(dirty.out.contains(S("error: finding lancs-2014-f-13 (text): Thirty six is not a count "
                               "the evidence cited records")));
    CHECK(dirty.out.contains(S("[evidence.count]")));

    const Run json = runFwb(QStringList{S("check"), file, S("--json")} + place);
    CHECK(json.code == 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o[S("errors")].toInt() == 1);
    const QJsonObject p = o[S("problems")].toArray().at(0).toObject();
    CHECK(p[S("rule")].toString() == S("evidence.count"));
    CHECK(p[S("key")].toString() == S("lancs-2014-f-13"));
    CHECK(p[S("start")].toInt() == 46);

    CHECK(runFwb({S("check"), file}).code == 2);
    CHECK(runFwb(QStringList{S("check"), dir.path(S("missing.fwb"))} + place).code == 3);
    const Run unknown =
        runFwb({S("check"), file, S("--programme"), S("nope"), S("--force"), S("lancashire")});
    CHECK(unknown.code == 3);
    CHECK(unknown.err.contains(S("no programme")));
    const Run rules = runFwb({S("check"), S("--rules")});
    CHECK(rules.code == 0);
    CHECK(rules.out.contains(S("force.other-name")));
}
