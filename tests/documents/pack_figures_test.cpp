// Charts that set one figure of every force side by side (the report's Figure 3 and Figure 6), as
// the inspectorate sees them and as anyone outside it does: the pack sent to the force and a
// published document show another force's figure only where it is itself published — its
// programme's letter or report is published, or the figure is recorded as published statistics —
// and otherwise this force and England and Wales only, saying so.

#include "doctest.h"

#include "core/services/analysis.h"
#include "core/services/documents.h"
#include "core/services/drafting.h"
#include "core/services/review.h"
#include "documents/assembly.h"
#include "documents/chart.h"
#include "documents/export.h"
#include "documents/package.h"
#include "documents/reviewpack.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextBlock>

using namespace fwb;
using namespace doctest;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

const QString kAsb = S("Anti-social behaviour incidents");
const QString kAsbPeriod = S("12 months to 30 June 2015 compared with the previous 12 months");
const QString kOcg = S("Organised crime groups (OCGs)");
const QString kOcgPeriod = S("As at 30 June 2015");
const QString kNotShown = S("Other forces' figures are not shown until they are published.");
const QString kDraftsShown = S("Draft figures of other forces are shown.");

QString run(const QString& tool, const QStringList& args)
{
    const QString path = QStandardPaths::findExecutable(tool);
    if (path.isEmpty())
        return {};
    QProcess p;
    p.start(path, args);
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

void saveMetric(Workbench& wb, const QString& force, const QString& name, const QString& measure,
                const QString& period, const QString& unit, double value,
                std::optional<double> national, const QString& source)
{
    Metric m;
    m.programmeCode = kPeel;
    m.forceCode = force;
    m.name = name;
    m.measure = measure;
    m.period = period;
    m.unit = unit;
    m.forceValue = value;
    m.nationalValue = national;
    m.source = source;
    auto saved = DraftingService(wb).saveMetric(m);
    INFO((saved ? QString() : saved.error().message).toStdString());
    REQUIRE(saved);
}

void asb(Workbench& wb, const QString& force, double value,
         const QString& source = S("HMIC data collection"))
{
    saveMetric(wb, force, kAsb, S("Percentage change"), kAsbPeriod, S("%"), value, -9, source);
}

void ocg(Workbench& wb, const QString& force, double value)
{
    saveMetric(wb, force, kOcg, S("OCGs per one million population"), kOcgPeriod,
               S("per million population"), value, std::nullopt, S("HMIC data collection"));
}

// A document taken through the whole lifecycle to published.
void publish(Workbench& wb, const QString& uid)
{
    ReviewService review(wb);
    REQUIRE(review.move(S("document:") + uid, S("ready"), {}));
    const Document d = *wb.documents().document(uid);
    REQUIRE(review.send(uid, documents::fieldFiller(wb, d)));
    for (const char* to : {"responded", "amended", "final", "published"}) {
        auto moved = review.move(S("document:") + uid, S(to), {},
                                 QDateTime::currentDateTimeUtc().addYears(20));
        INFO(to << ": " << (moved ? QString() : moved.error().message).toStdString());
        REQUIRE(moved);
    }
    REQUIRE(wb.documents().document(uid)->status == S("published"));
}

// The forces whose draft figures must stay inside the inspectorate, with their distinctive values
// (as a chart or a list of its values would print them).
struct Withheld {
    QString code, name, shortName;
    QStringList values;
};

// The demo with other forces' figures of Figure 3 and Figure 6:
//  - Kent, Merseyside and Cumbria: drafts (Merseyside's report exists but is only ready for
//  review);
//  - Durham: its report of the programme is published;
//  - West Yorkshire: its Figure 3 value is recorded as published statistics; its Figure 6 value is
//    not, and its material is not published;
//  - Humberside: a source that only looks like published statistics (no release named).
struct Fixture {
    test::Scratch dir;
    std::unique_ptr<Workbench> wb = dir.create(S("demo.fwb"), true);
    QList<Withheld> withheld;

    Fixture()
    {
        asb(*wb, S("kent"), 41.3);
        asb(*wb, S("merseyside"), -37.8);
        asb(*wb, S("cumbria"), 28.6);
        asb(*wb, S("durham"), -14.2);
        asb(*wb, S("west-yorkshire"), 12.9,
            S("Published statistics: Anti-social behaviour incidents, year to June 2015, "
              "Home Office"));
        asb(*wb, S("humberside"), 33.4, S("Published statistics:  "));
        ocg(*wb, S("kent"), 987.6);
        ocg(*wb, S("merseyside"), 654.3);
        ocg(*wb, S("west-yorkshire"), 812.5);
        auto durham = DocumentService(*wb).create(kPeel, S("durham"), S("report"));
        REQUIRE(durham);
        publish(*wb, durham->uid);
        auto merseyside = DocumentService(*wb).create(kPeel, S("merseyside"), S("report"));
        REQUIRE(merseyside);
        REQUIRE(ReviewService(*wb).move(S("document:") + merseyside->uid, S("ready"), {}));
        const QHash<QString, QStringList> values{{S("kent"), {S("41.3"), S("987.6")}},
                                                 {S("merseyside"), {S("37.8"), S("654.3")}},
                                                 {S("cumbria"), {S("28.6")}},
                                                 {S("humberside"), {S("33.4")}},
                                                 {S("west-yorkshire"), {S("812.5")}}};
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            const auto f = wb->reference().force(it.key());
            REQUIRE(f);
            // West Yorkshire's Figure 3 value is published statistics: only its Figure 6 value is
            // withheld.
            if (f->code == S("west-yorkshire"))
                withheld << Withheld{f->code, {}, {}, it.value()};
            else
                withheld << Withheld{f->code, f->name, f->shortName, it.value()};
        }
    }
};

QList<documents::ChartSpec> chartsOf(const QTextDocument& doc)
{
    QList<documents::ChartSpec> out;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().objectType() == documents::ChartObjectType)
                out << documents::ChartSpec::fromVariant(
                    it.fragment().charFormat().property(documents::ChartSpecProperty));
    return out;
}

documents::ChartSpec titled(const QTextDocument& doc, const QString& start)
{
    for (const auto& c : chartsOf(doc))
        if (c.title.startsWith(start))
            return c;
    FAIL("no chart " << start.toStdString());
    return {};
}

// The text that follows a chart's object, up to the next chart or the section's end (a few blocks).
QString underChart(const QTextDocument& doc, const QString& start)
{
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().objectType() == documents::ChartObjectType &&
                documents::ChartSpec::fromVariant(
                    it.fragment().charFormat().property(documents::ChartSpecProperty))
                    .title.startsWith(start)) {
                QString out;
                QTextBlock n = b.next();
                for (int i = 0; i < 2 && n.isValid(); ++i, n = n.next())
                    out += n.text() + QLatin1Char('\n');
                return out;
            }
    return {};
}

// What an audience outside the inspectorate may see of the two figures, and nothing else.
void checkOutsideCharts(const QTextDocument& doc)
{
    const documents::ChartSpec asbChart = titled(doc, S("Figure 3:"));
    CHECK(asbChart.kind == documents::ChartSpec::Kind::Forces);
    // West Yorkshire's published statistic, Lancashire, Durham's published figure: highest first.
    CHECK(asbChart.categories == QStringList{S("West Yorkshire"), S("Lancashire"), S("Durham")});
    CHECK(asbChart.force == QList<double>{12.9, -7, -14.2});
    CHECK(asbChart.marked == 1);
    REQUIRE(asbChart.national.size() == 1);
    CHECK(*asbChart.national[0] == -9);
    CHECK(underChart(doc, S("Figure 3:")).contains(kNotShown));
    // Figure 6: no other force's figure is published, so Lancashire alone (no England and Wales
    // value is recorded for it).
    const documents::ChartSpec ocgChart = titled(doc, S("Figure 6:"));
    CHECK(ocgChart.kind == documents::ChartSpec::Kind::Bars);
    CHECK(ocgChart.force == QList<double>{149});
    CHECK(ocgChart.categories.size() == 1);
    CHECK_FALSE(ocgChart.categories.join(QLatin1Char(' ')).contains(S("Kent")));
    CHECK(underChart(doc, S("Figure 6:")).contains(kNotShown));
    CHECK_FALSE(doc.toPlainText().contains(kDraftsShown));
}

// HTML with the pictures it embeds (the charts' SVG, base64 in data URLs) decoded beside it.
QString withPictures(const QString& html)
{
    QString out = html;
    static const QRegularExpression data(
        QStringLiteral("data:image/[a-z+]+;base64,([A-Za-z0-9+/=]+)"));
    int pictures = 0;
    for (auto it = data.globalMatch(html); it.hasNext(); ++pictures)
        out += QLatin1Char('\n') +
               QString::fromUtf8(QByteArray::fromBase64(it.next().captured(1).toLatin1()));
    CHECK((!html.contains(S("<html")) || pictures > 0));
    return out;
}

// Every byte of a file as text, and for an ODT every entry of its package, for HTML its pictures.
QString everything(const QString& path)
{
    const QByteArray bytes = test::readFile(path);
    REQUIRE_FALSE(bytes.isEmpty());
    QString out = withPictures(QString::fromUtf8(bytes));
    if (path.endsWith(S(".odt")) || path.endsWith(S(".docx")) || path.endsWith(S(".xlsx"))) {
        auto names = documents::package::entries(bytes);
        REQUIRE(names);
        for (const QString& name : *names) {
            auto entry = documents::package::read(bytes, name);
            REQUIRE(entry);
            out += QLatin1Char('\n') + QString::fromUtf8(*entry);
        }
    }
    if (path.endsWith(S(".pdf")))
        out += run(S("pdftotext"), {S("-layout"), path, S("-")}) +
               run(S("pdftotext"), {S("-raw"), path, S("-")}) + run(S("pdfinfo"), {path});
    return out;
}

// The pictures of an ODT package (its charts), in order.
QList<QByteArray> picturesOf(const QByteArray& odt)
{
    QList<QByteArray> out;
    auto names = documents::package::entries(odt);
    REQUIRE(names);
    for (const QString& n : *names)
        if (n.startsWith(S("Pictures/"))) {
            auto entry = documents::package::read(odt, n);
            REQUIRE(entry);
            out << *entry;
        }
    return out;
}

void checkNothingWithheld(const QString& text, const QList<Withheld>& withheld, const QString& what)
{
    for (const Withheld& w : withheld) {
        INFO(what.toStdString() << ": " << w.name.toStdString());
        if (!w.name.isEmpty()) {
            CHECK_FALSE(text.contains(w.name));
            CHECK_FALSE(text.contains(w.shortName));
        }
        for (const QString& v : w.values)
            CHECK_FALSE(text.contains(v));
    }
}

} // namespace

TEST_CASE("Published figures: a force's programme published or a figure of published statistics, "
          "nothing else",
          "[figures][visibility]")
{
    Fixture fx;
    Workbench& wb = *fx.wb;
    Metric m;
    m.source = S("Published statistics: Police recorded crime, Home Office");
    CHECK(isPublishedStatistic(m));
    m.source = S("  published STATISTICS: Crime in England and Wales, ONS");
    CHECK(isPublishedStatistic(m));
    for (const char* no :
         {"Published statistics:", "Published statistics:   ", "HMIC data collection",
          "Not yet published statistics: x", "Published statistics", ""}) {
        m.source = S(no);
        INFO(no);
        CHECK_FALSE(isPublishedStatistic(m));
    }

    auto published = forcesPublished(wb, kPeel);
    REQUIRE(published);
    CHECK(*published ==
          QSet<QString>{S("durham")}); // Merseyside's report is only ready, Lancashire's a draft
    auto older = forcesPublished(wb, S("core-business-2014"));
    REQUIRE(older);
    CHECK(older->contains(kLancs)); // the 2014 letter is published

    auto outside = figuresOfEveryForce(wb, kPeel, kLancs, Audience::Outside);
    REQUIRE(outside);
    QSet<QString> forces;
    for (const Metric& x : outside->metrics)
        forces.insert(x.forceCode);
    CHECK(forces == QSet<QString>{kLancs, S("durham"), S("west-yorkshire")});
    for (const Metric& x : outside->metrics)
        if (x.forceCode == S("west-yorkshire"))
            CHECK(x.name == kAsb); // its Figure 6 value is not published statistics
    Metric asbLike;
    asbLike.name = kAsb;
    asbLike.unit = S("%");
    asbLike.period = kAsbPeriod;
    CHECK(outside->hasUnpublished(asbLike));
    Metric crime;
    crime.name = S("Recorded crime (excluding fraud)");
    crime.unit = S("per 1,000 population");
    crime.period = S("12 months to 30 June 2015");
    CHECK_FALSE(outside->hasUnpublished(crime)); // Lancashire's alone

    auto inside = figuresOfEveryForce(wb, kPeel, kLancs, Audience::Inspectorate);
    REQUIRE(inside);
    CHECK(inside->metrics.size() == wb.drafts().metrics(kPeel).size());
    CHECK(inside->unpublished == outside->unpublished);

    // Kent's report made and published: its figures are public from then on; reopened, they are
    // not.
    auto kent = DocumentService(wb).create(kPeel, S("kent"), S("report"));
    REQUIRE(kent);
    publish(wb, kent->uid);
    auto after = figuresOfEveryForce(wb, kPeel, kLancs, Audience::Outside);
    REQUIRE(after);
    int kentValues = 0;
    for (const Metric& x : after->metrics)
        kentValues += x.forceCode == S("kent") ? 1 : 0;
    CHECK(kentValues == 2);
    REQUIRE(
        ReviewService(wb).move(S("document:") + kent->uid, S("amended"), S("A figure was wrong")));
    auto reopened = figuresOfEveryForce(wb, kPeel, kLancs, Audience::Outside);
    REQUIRE(reopened);
    for (const Metric& x : reopened->metrics)
        CHECK(x.forceCode != S("kent"));
}

TEST_CASE("Pack: a chart of every force shows another force's figure only where it is published",
          "[review][pack][figures]")
{
    Fixture fx;
    Workbench& wb = *fx.wb;

    // The report's own text (footnotes naming forces left out of figures) names none of these.
    auto inside = documents::assemble(wb, kReport);
    REQUIRE(inside);
    CHECK(inside->audience == Audience::Inspectorate);
    for (const Withheld& w : fx.withheld)
        REQUIRE((w.name.isEmpty() || !inside->document->toPlainText().contains(w.name)));

    // The inspectorate's own draft shows every force, and says which of them are drafts.
    {
        const documents::ChartSpec all = titled(*inside->document, S("Figure 3:"));
        CHECK(all.kind == documents::ChartSpec::Kind::Forces);
        CHECK(all.categories == QStringList{S("Kent"), S("Humberside"), S("Cumbria"),
                                            S("West Yorkshire"), S("Lancashire"), S("Durham"),
                                            S("Merseyside")});
        CHECK(all.force == QList<double>{41.3, 33.4, 28.6, 12.9, -7, -14.2, -37.8});
        CHECK(underChart(*inside->document, S("Figure 3:")).contains(kDraftsShown));
        const documents::ChartSpec ocgs = titled(*inside->document, S("Figure 6:"));
        CHECK(ocgs.categories ==
              QStringList{S("Kent"), S("West Yorkshire"), S("Merseyside"), S("Lancashire")});
        CHECK_FALSE(inside->document->toPlainText().contains(kNotShown));
    }

    ReviewService review(wb);
    REQUIRE(review.move(S("document:") + kReport, S("ready"), {}));
    const Document d = *wb.documents().document(kReport);
    auto round = review.send(kReport, documents::fieldFiller(wb, d));
    REQUIRE(round);
    const QString out = fx.dir.path(S("pack"));
    auto written = documents::writePack(wb, *round, out);
    REQUIRE(written);
    REQUIRE(written->size() == 5);

    // Every file of the pack, every byte and every entry: no withheld force's name or value.
    QString all;
    for (const QString& path : *written) {
        const QString text = everything(path);
        checkNothingWithheld(text, fx.withheld, QFileInfo(path).fileName());
        all += text;
    }
    // What is published is there, with the note under each chart that left something out.
    const QString pdf = [&] {
        for (const QString& p : *written)
            if (p.endsWith(S(".pdf")))
                return run(S("pdftotext"), {S("-raw"), p, S("-")});
        return QString();
    }();
    REQUIRE_FALSE(pdf.isEmpty());     // pdftotext comes with poppler-utils, installed by make
    CHECK(pdf.contains(S("Durham"))); // a force's name under its column
    CHECK(pdf.simplified().contains(S("West Yorkshire")));
    CHECK(pdf.simplified().count(kNotShown) == 2);
    CHECK_FALSE(pdf.contains(kDraftsShown));
    QString odtContent;
    QByteArray odt;
    for (const QString& p : *written)
        if (p.endsWith(S(".odt"))) {
            odt = test::readFile(p);
            auto content = documents::package::read(test::readFile(p), S("content.xml"));
            REQUIRE(content);
            odtContent = QString::fromUtf8(*content);
            // The charts are there, as pictures.
            auto names = documents::package::entries(test::readFile(p));
            REQUIRE(names);
            int pictures = 0;
            for (const QString& n : *names)
                pictures += n.startsWith(S("Pictures/")) ? 1 : 0;
            CHECK(pictures >= 3);
        }
    CHECK(odtContent.contains(S("are not shown until they are published")));

    // The pack's charts as assembled for it: the published values only.
    documents::AssemblyOptions forPack;
    forPack.audience = Audience::Outside;
    for (const ReviewItem& i : round->items)
        forPack.references.insert(i.target, i.reference);
    auto packed = documents::assemble(wb, kReport, forPack);
    REQUIRE(packed);
    CHECK(packed->audience == Audience::Outside);
    checkOutsideCharts(*packed->document);

    // The same choice in every exporter: HTML (its SVG), Markdown (the charts' values as text).
    const QString html = withPictures(QString::fromUtf8(documents::toHtml(*packed)));
    CHECK(html.contains(S("Durham")));
    checkNothingWithheld(html, fx.withheld, S("html"));
    QString svgs;
    for (const auto& c : chartsOf(*packed->document))
        svgs += QString::fromUtf8(c.toSvg(720));
    checkNothingWithheld(svgs, fx.withheld, S("svg"));
    CHECK(svgs.contains(S("West Yorkshire")));
    const QString md = QString::fromUtf8(documents::toMarkdown(*packed));
    checkNothingWithheld(md, fx.withheld, S("markdown"));
    CHECK(md.contains(S("12.9")));
    CHECK(md.contains(S("14.2")));
    CHECK(md.contains(kNotShown.left(40)));

    // Still, for the inspectorate, every force.
    auto stillInside = documents::assemble(wb, kReport);
    REQUIRE(stillInside);
    CHECK(titled(*stillInside->document, S("Figure 3:")).categories.size() == 7);
    const QString insideMd = QString::fromUtf8(documents::toMarkdown(*stillInside));

    // The pack's ODT pictures are the charts assembled for outside, pixel for pixel, and not the
    // inspectorate's.
    auto outsideOdt = documents::toOdt(*packed);
    REQUIRE(outsideOdt);
    auto insideOdt = documents::toOdt(*stillInside);
    REQUIRE(insideOdt);
    const QList<QByteArray> sent = picturesOf(odt), forOutside = picturesOf(*outsideOdt),
                            forInside = picturesOf(*insideOdt);
    REQUIRE(sent.size() == forOutside.size());
    CHECK(sent == forOutside);
    REQUIRE(sent.size() == forInside.size());
    int differ = 0;
    for (qsizetype i = 0; i < sent.size(); ++i)
        differ += sent[i] != forInside[i] ? 1 : 0;
    CHECK(differ == 2); // Figure 3 and Figure 6
    CHECK(insideMd.contains(S("Kent")));
    CHECK(insideMd.contains(S("987.6")));
}

TEST_CASE("Render: a published document shows only published figures of other forces, unless asked "
          "for the inspectorate",
          "[assembly][figures][visibility]")
{
    Fixture fx;
    Workbench& wb = *fx.wb;
    publish(wb, kReport);

    auto a = documents::assemble(wb, kReport);
    REQUIRE(a);
    CHECK(a->audience == Audience::Outside);
    checkOutsideCharts(*a->document);
    for (documents::Format format : {documents::Format::Pdf, documents::Format::Odt,
                                     documents::Format::Html, documents::Format::Markdown}) {
        const QString path = fx.dir.path(S("published") + documents::extension(format));
        REQUIRE(documents::renderToFile(wb, kReport, format, path));
        const QString text = everything(path);
        checkNothingWithheld(text, fx.withheld, documents::formatName(format));
        if (format != documents::Format::Odt) // the ODT's charts are pictures
            CHECK(text.contains(S("Durham")));
    }

    documents::AssemblyOptions inspectorate;
    inspectorate.audience = Audience::Inspectorate;
    auto asked = documents::assemble(wb, kReport, inspectorate);
    REQUIRE(asked);
    CHECK(asked->audience == Audience::Inspectorate);
    CHECK(titled(*asked->document, S("Figure 3:")).categories.contains(S("Kent")));
}
