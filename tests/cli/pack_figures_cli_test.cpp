// fwb review send and fwb render as a script runs them, with other forces' figures in the
// workbench: the pack for Lancashire and a render for outside show another force's figure only
// where it is published; a render of the draft for the inspectorate shows every force.

#include "clitest.h"
#include "documents/package.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <catch2/catch.hpp>

using namespace fwb;
using namespace fwb::clitest;

namespace {

const QString kProgrammeCode = S("peel-effectiveness-2015");

void run(const QStringList& args)
{
    const Run r = runFwb(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.code == 0);
}

void asb(const QString& file, const QString& force, const QString& value, const QString& source)
{
    run({S("metric"),
         S("set"),
         file,
         S("--programme"),
         kProgrammeCode,
         S("--force"),
         force,
         S("--name"),
         S("Anti-social behaviour incidents"),
         S("--measure"),
         S("Percentage change"),
         S("--period"),
         S("12 months to 30 June 2015 compared with the previous 12 months"),
         S("--unit"),
         S("%"),
         S("--value"),
         value,
         S("--national"),
         S("-9"),
         S("--source"),
         source});
}

QString pdfText(const QString& path)
{
    const QString tool = QStandardPaths::findExecutable(S("pdftotext"));
    REQUIRE_FALSE(tool.isEmpty()); // poppler-utils, installed by make
    QProcess p;
    p.start(tool, {S("-raw"), path, S("-")});
    REQUIRE(p.waitForFinished(60000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Every byte of every file in a folder; the PDF's text; every entry of an ODT; the SVG pictures
// of an HTML file decoded.
QString everythingIn(const QString& dir)
{
    QString out;
    for (const QString& name : QDir(dir).entryList(QDir::Files)) {
        const QString path = QDir(dir).filePath(name);
        const QByteArray bytes = test::readFile(path);
        out += QString::fromUtf8(bytes);
        if (name.endsWith(S(".pdf")))
            out += pdfText(path);
        if (name.endsWith(S(".odt")) || name.endsWith(S(".docx")) || name.endsWith(S(".xlsx"))) {
            auto entries = documents::package::entries(bytes);
            REQUIRE(entries);
            for (const QString& e : *entries) {
                auto entry = documents::package::read(bytes, e);
                REQUIRE(entry);
                out += QString::fromUtf8(*entry);
            }
        }
        static const QRegularExpression data(S("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)"));
        for (auto it = data.globalMatch(QString::fromUtf8(bytes)); it.hasNext();)
            out += QString::fromUtf8(QByteArray::fromBase64(it.next().captured(1).toLatin1()));
    }
    return out;
}

} // namespace

TEST_CASE("fwb review send: the pack shows other forces' figures only where published",
          "[cli][review][figures]")
{
    test::Scratch dir;
    const QString file = dir.path(S("demo.fwb"));
    run({S("init"), file, S("--demo")});
    asb(file, S("kent"), S("41.3"), S("HMIC data collection"));
    asb(file, S("merseyside"), S("-37.8"), S("HMIC data collection"));
    asb(file, S("west-yorkshire"), S("12.9"),
        S("Published statistics: ASB incidents, year to June 2015, Home Office"));
    asb(file, S("durham"), S("-14.2"), S("HMIC data collection"));
    // Durham's report of the programme published, through the whole lifecycle.
    run({S("document"), S("create"), file, S("--programme"), kProgrammeCode, S("--force"),
         S("durham"), S("--kind"), S("report"), S("--uid"), S("durham-2015-report")});
    const QStringList durham{S("--document"), S("durham-2015-report")};
    run(QStringList{S("review"), S("move"), file} + durham + QStringList{S("--to"), S("ready")});
    run(QStringList{S("review"), S("send"), file} + durham +
        QStringList{S("-o"), dir.path(S("durham-pack"))});
    for (const char* to : {"responded", "amended", "final", "published"})
        run(QStringList{S("review"), S("move"), file} + durham + QStringList{S("--to"), S(to)});

    // The draft rendered for the inspectorate: every force.
    const Run inside = runFwb(
        {S("render"), file, S("--document"), S("lancs-2015-report"), S("--format"), S("md")});
    REQUIRE(inside.code == 0);
    CHECK(inside.out.contains(S("Kent")));
    CHECK(inside.out.contains(S("Merseyside")));
    CHECK(inside.out.contains(S("Draft figures of other forces are shown.")));

    // The pack for Lancashire.
    run({S("review"), S("move"), file, S("--document"), S("lancs-2015-report"), S("--to"),
         S("ready")});
    const QString pack = dir.path(S("pack"));
    run({S("review"), S("send"), file, S("--programme"), kProgrammeCode, S("--force"),
         S("lancashire"), S("-o"), pack});
    REQUIRE(QDir(pack).entryList(QDir::Files).size() == 5);
    const QString all = everythingIn(pack);
    for (const char* withheld : {"Kent", "Merseyside", "41.3", "37.8"}) {
        INFO(withheld);
        CHECK_FALSE(all.contains(S(withheld)));
    }
    CHECK(all.contains(S("Durham")));
    CHECK(all.simplified().contains(S("West Yorkshire")));
    QString pdf;
    for (const QString& name : QDir(pack).entryList({S("*.pdf")}, QDir::Files))
        pdf += pdfText(QDir(pack).filePath(name));
    CHECK(pdf.simplified().contains(
        S("Other forces' figures are not shown until they are published.")));

    // A render for outside, in every format, chooses the same; a bad audience is refused.
    for (const char* format : {"pdf", "odt", "html", "md"}) {
        const QString out = dir.path(S("outside-") + S(format));
        QDir().mkpath(out);
        run({S("render"), file, S("--document"), S("lancs-2015-report"), S("--audience"),
             S("outside"), S("-o"), QDir(out).filePath(S("report.") + S(format))});
        const QString text = everythingIn(out);
        INFO(format);
        CHECK_FALSE(text.contains(S("Kent")));
        CHECK_FALSE(text.contains(S("Merseyside")));
        if (QString::fromLatin1(format) != S("odt")) // the ODT's charts are pictures
            CHECK(text.contains(S("Durham")));
    }
    const Run bad = runFwb({S("render"), file, S("--document"), S("lancs-2015-report"),
                            S("--audience"), S("everyone"), S("--format"), S("md")});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(S("--audience")));
    CHECK(bad.out.isEmpty());
}
