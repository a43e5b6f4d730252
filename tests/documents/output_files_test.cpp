// Files written whole or not at all, in-process: the pack is all or nothing, several files
// written together leave no temporary, and a pipe is written to rather than replaced.

#include "doctest.h"

#include "core/services/review.h"
#include "documents/export.h"
#include "documents/reviewpack.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

using namespace fwb;
using namespace doctest;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

QStringList everything(const QString& dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

TEST_CASE("Pack: when one file of the pack cannot be written, none of it is",
          "[review][pack][diskfull]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    REQUIRE(review.move(S("document:") + kReport, S("ready"), {}));
    const Document d = *wb->documents().document(kReport);
    auto round = review.send(kReport, documents::fieldFiller(*wb, d));
    REQUIRE(round);
    const QString out = dir.path(S("pack"));
    // The ODT's name is taken by a folder: the PDF (written first) must not be left on its own.
    REQUIRE(QDir().mkpath(out +
                          S("/lancashire-peel-effectiveness-2015-report-factual-accuracy-1.odt")));
    auto written = documents::writePack(*wb, *round, out);
    REQUIRE_FALSE(written);
    CHECK(written.error().message.contains(
        S("lancashire-peel-effectiveness-2015-report-factual-accuracy-1.odt")));
    CHECK(written.error().message.contains(S("no file of the pack was written")));
    CHECK(everything(out) ==
          QStringList{S("lancashire-peel-effectiveness-2015-report-factual-accuracy-1.odt")});
}

TEST_CASE("Files written together: all or none, and no temporary left", "[export][diskfull]")
{
    test::Scratch dir;
    const QString a = dir.path(S("out/a.csv")), b = dir.path(S("out/b.csv"));
    REQUIRE(QDir().mkpath(dir.path(S("out"))));
    test::writeFile(a, "before");
    REQUIRE(QDir().mkpath(b)); // b cannot be written: a folder has its name
    const Status s = writeFilesTogether({{a, "after"}, {b, "after"}});
    REQUIRE_FALSE(s);
    CHECK(s.error().message.startsWith(S("Cannot write ") + b));
    CHECK(test::readFile(a) == "before"); // left as it was
    CHECK(everything(dir.path(S("out"))) == QStringList{S("a.csv"), S("b.csv")});

    REQUIRE(QDir(b).removeRecursively());
    REQUIRE(writeFilesTogether({{a, "after"}, {b, "after"}}));
    CHECK(test::readFile(a) == "after");
    CHECK(test::readFile(b) == "after");
    CHECK(everything(dir.path(S("out"))) == QStringList{S("a.csv"), S("b.csv")});
}

TEST_CASE("A document rendered into a pipe is written to it, and the pipe stays a pipe",
          "[export][diskfull]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const QString fifo = dir.path(S("pipe"));
    REQUIRE(QProcess::execute(S("mkfifo"), {fifo}) == 0);
    QProcess reader;
    reader.start(S("sh"),
                 {S("-c"), S("cat \"$1\" > \"$2\""), S("sh"), fifo, dir.path(S("through.md"))});
    REQUIRE(reader.waitForStarted());
    REQUIRE(documents::renderToFile(*wb, kLetter, documents::Format::Markdown, fifo));
    REQUIRE(reader.waitForFinished(30000));
    CHECK(test::readFile(dir.path(S("through.md"))).contains("Dear Steve"));
    const QFileInfo info(fifo);
    CHECK_FALSE(info.isFile()); // not replaced by a plain file
    CHECK(info.exists());
}
