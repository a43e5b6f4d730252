// fwb programme / question / force / person, run as separate processes.

#include "clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {
QJsonObject programmeJson(const QString& file, const QString& code)
{
    const Run r = runFwb({S("export"), file, S("--format"), S("json"), S("--programme"), code});
    REQUIRE(r.code == 0);
    for (const QJsonValue v :
         QJsonDocument::fromJson(r.out.toUtf8()).object()[S("programmes")].toArray())
        if (v[S("code")].toString() == code)
            return v.toObject();
    return {};
}
QStringList childCodes(const QJsonObject& programme, const QString& parent)
{
    QStringList out;
    std::function<void(const QJsonArray&)> walk = [&](const QJsonArray& qs) {
        for (const QJsonValue q : qs) {
            if (q[S("code")].toString() == parent)
                for (const QJsonValue c : q[S("children")].toArray())
                    out << c[S("code")].toString();
            walk(q[S("children")].toArray());
        }
    };
    walk(programme[S("questions")].toArray());
    return out;
}
} // namespace

TEST_CASE("fwb programme and question build a new year's framework from last year's",
          "[cli][frameworks]")
{
    test::Scratch dir;
    const QString file = dir.path(S("f.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    const Run copy =
        runFwb({S("programme"), S("create"), file, S("--code"), S("peel-effectiveness-2016"),
                S("--title"), S("PEEL: Police effectiveness 2016"), S("--year"), S("2016"),
                S("--copy-from"), S("peel-effectiveness-2015")});
    REQUIRE(copy.code == 0);
    CHECK(copy.out.trimmed() == S("peel-effectiveness-2016"));
    const QJsonObject before = programmeJson(file, S("peel-effectiveness-2016"));
    CHECK(before[S("grade_scale")].toString() == S("peel-four-point"));

    REQUIRE(
        runFwb({S("question"), S("add"), file, S("--programme"), S("peel-effectiveness-2016"),
                S("--code"), S("Q3.1"), S("--text"), S("How well does the force protect people?"),
                S("--parent"), S("Q3"), S("--graded")})
            .code == 0);
    CHECK(childCodes(programmeJson(file, S("peel-effectiveness-2016")), S("Q3")) ==
          QStringList{S("Q3.1")});
    // Moved under Q4, first.
    REQUIRE(runFwb({S("question"), S("edit"), file, S("--programme"), S("peel-effectiveness-2016"),
                    S("--code"), S("Q3.1"), S("--parent"), S("Q4"), S("--position"), S("1")})
                .code == 0);
    const QJsonObject after = programmeJson(file, S("peel-effectiveness-2016"));
    CHECK(childCodes(after, S("Q3")).isEmpty());
    CHECK(childCodes(after, S("Q4")).value(0) == S("Q3.1"));
    REQUIRE(runFwb({S("question"), S("delete"), file, S("--programme"),
                    S("peel-effectiveness-2016"), S("--code"), S("Q3.1")})
                .code == 0);
    CHECK(programmeJson(file, S("peel-effectiveness-2016")) == before);
}

TEST_CASE("fwb framework commands refuse what would lose material, with exit 3 and nothing written",
          "[cli][frameworks]")
{
    test::Scratch dir;
    const QString file = dir.path(S("f.fwb"));
    REQUIRE(runFwb({S("init"), file, S("--demo")}).code == 0);
    const QByteArray before = test::readFile(file);
    const Run held = runFwb({S("question"), S("delete"), file, S("--programme"),
                             S("peel-effectiveness-2015"), S("--code"), S("Q1.1.2")});
    CHECK(held.code == 3);
    CHECK(held.err.contains(S("holds 5 findings")));
    const Run ungrade =
        runFwb({S("question"), S("edit"), file, S("--programme"), S("peel-effectiveness-2015"),
                S("--code"), S("Q1"), S("--not-graded")});
    CHECK(ungrade.code == 3);
    CHECK(ungrade.err.contains(S("must stay graded")));
    const Run busy = runFwb({S("programme"), S("delete"), file, S("peel-effectiveness-2015")});
    CHECK(busy.code == 3);
    const Run taken =
        runFwb({S("programme"), S("create"), file, S("--code"), S("peel-effectiveness-2015"),
                S("--title"), S("x"), S("--year"), S("2015")});
    CHECK(taken.code == 3);
    CHECK(runFwb({S("programme"), S("create"), file, S("--code"), S("x")}).code == 2);
    CHECK(runFwb({S("programme"), S("create"), file, S("--code"), S("x"), S("--title"), S("t"),
                  S("--year"), S("soon")})
              .code == 2);
    CHECK(runFwb({S("force"), S("set"), file, S("kent"), S("--style"), S("brigade")}).code == 3);
    CHECK(runFwb({S("force"), S("set"), file, S("atlantis")}).code == 3);
    CHECK(runFwb({S("person"), S("set"), file, S("nobody")}).code == 2);
    CHECK(test::readFile(file) == before);

    REQUIRE(runFwb({S("person"), S("set"), file, S("alan-pughsley"), S("--name"),
                    S("Alan Pughsley"), S("--post-nominals"), S("QPM"), S("--force"), S("kent")})
                .code == 0);
    REQUIRE(
        runFwb({S("force"), S("set"), file, S("kent"), S("--chief-officer"), S("alan-pughsley")})
            .code == 0);
    const Run exported = runFwb({S("export"), file, S("--format"), S("json")});
    bool found = false;
    for (const QJsonValue f :
         QJsonDocument::fromJson(exported.out.toUtf8()).object()[S("forces")].toArray())
        if (f[S("code")].toString() == S("kent")) {
            found = true;
            CHECK(f[S("chief_officer")].toString() == S("alan-pughsley"));
        }
    CHECK(found);
}
