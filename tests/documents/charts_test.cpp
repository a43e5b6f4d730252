// Charts in documents: a figure the force has for several periods is drawn as a line over time
// (the report's Figure 1); a figure other forces have too is drawn a column per force with this
// force marked and the England and Wales line (Figure 3); otherwise the force against England and
// Wales, a bar each. The chart travels in the document as its data, so the PDF, HTML and ODT draw
// the same thing.

#include "core/services/drafting.h"
#include "doctest.h"
#include "documents/assembly.h"
#include "documents/chart.h"
#include "documents/export.h"
#include "documents/style.h"

#include <QImage>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>

using namespace fwb;
using namespace doctest;

namespace {

// The charts of an assembled document, in order.
QList<documents::ChartSpec> chartsOf(const QTextDocument& doc)
{
    QList<documents::ChartSpec> out;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().objectType() == documents::ChartObjectType)
                out << documents::ChartSpec::fromVariant(
                    f.charFormat().property(documents::ChartSpecProperty));
        }
    return out;
}

const documents::ChartSpec* titled(const QList<documents::ChartSpec>& charts, const QString& start)
{
    for (const auto& c : charts)
        if (c.title.startsWith(start))
            return &c;
    return nullptr;
}

void save(Workbench& wb, const QString& force, const QString& figure, const QString& name,
          const QString& period, const QString& unit, double value, std::optional<double> national)
{
    Metric m;
    m.programmeCode = kPeel;
    m.forceCode = force;
    m.figure = figure;
    m.name = name;
    m.period = period;
    m.unit = unit;
    m.forceValue = value;
    m.nationalValue = national;
    auto saved = DraftingService(wb).saveMetric(m);
    INFO((saved ? QString() : saved.error().message).toStdString());
    REQUIRE(saved);
}

} // namespace

TEST_CASE("Charts: a figure over five years is a line, one figure of every force a column each",
          "[assembly][charts]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    {
        auto a = documents::assemble(*wb, kReport, {});
        REQUIRE(a);
        // The demo has no figures for Figure 1 (the seed gives only its caption): no chart, and it
        // says so.
        CHECK_FALSE(titled(chartsOf(*a->document), QStringLiteral("Figure 1:")));
        CHECK(a->document->toPlainText().contains(
            QStringLiteral("No figures are recorded for Figure 1")));
        const documents::ChartSpec* asb =
            titled(chartsOf(*a->document), QStringLiteral("Figure 3:"));
        REQUIRE(asb);
        CHECK(asb->kind ==
              documents::ChartSpec::Kind::Bars); // Lancashire alone: against England and Wales
    }
    // Five years of recorded crime for Figure 1, given out of order.
    const QString crime = QStringLiteral("Recorded crime (excluding fraud)");
    const QString rate = QStringLiteral("per 1,000 population");
    const QList<std::tuple<int, double, double>> years{{2013, 65.1, 64.0},
                                                       {2011, 70.4, 72.0},
                                                       {2015, 62.7, 63.0},
                                                       {2012, 68.0, 68.3},
                                                       {2014, 64.6, 60.6}};
    for (const auto& [year, force, national] : years)
        save(*wb, kLancs, QStringLiteral("Figure 1"), crime,
             QStringLiteral("12 months to 30 June %1").arg(year), rate, force, national);
    // Figure 3's change in anti-social behaviour for two more forces.
    const QString asbName = QStringLiteral("Anti-social behaviour incidents");
    const QString asbPeriod =
        QStringLiteral("12 months to 30 June 2015 compared with the previous 12 months");
    save(*wb, QStringLiteral("kent"), {}, asbName, asbPeriod, QStringLiteral("%"), 3.5, -9);
    save(*wb, QStringLiteral("cumbria"), {}, asbName, asbPeriod, QStringLiteral("%"), -20.0, -9);

    auto a = documents::assemble(*wb, kReport, {});
    REQUIRE(a);
    const QList<documents::ChartSpec> charts = chartsOf(*a->document);
    const documents::ChartSpec* figure1 = titled(charts, QStringLiteral("Figure 1:"));
    REQUIRE(figure1);
    CHECK(figure1->kind == documents::ChartSpec::Kind::Line);
    CHECK(figure1->categories == QStringList{QStringLiteral("Jun 2011"), QStringLiteral("Jun 2012"),
                                             QStringLiteral("Jun 2013"), QStringLiteral("Jun 2014"),
                                             QStringLiteral("Jun 2015")});
    CHECK(figure1->force == QList<double>{70.4, 68.0, 65.1, 64.6, 62.7});
    REQUIRE(figure1->national.size() == 5);
    CHECK(*figure1->national[1] == 68.3);
    CHECK(figure1->unit == rate);

    const documents::ChartSpec* figure3 = titled(charts, QStringLiteral("Figure 3:"));
    REQUIRE(figure3);
    CHECK(figure3->kind == documents::ChartSpec::Kind::Forces);
    CHECK(figure3->categories == QStringList{QStringLiteral("Kent"), QStringLiteral("Lancashire"),
                                             QStringLiteral("Cumbria")});
    CHECK(figure3->force == QList<double>{3.5, -7, -20});
    CHECK(figure3->marked == 1);
    REQUIRE(figure3->national.size() == 1);
    CHECK(*figure3->national[0] == -9);

    // The data survives the trip through the document's format property.
    const auto back = documents::ChartSpec::fromVariant(figure3->toVariant());
    CHECK(back.kind == documents::ChartSpec::Kind::Forces);
    CHECK(back.marked == 1);

    // Each draws something: ink in the plot, the force's colour present.
    for (const documents::ChartSpec* spec : {figure1, figure3}) {
        const QSizeF size = spec->sizeFor(800, 14);
        CHECK(size.height() > 200);
        QImage image(size.toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            spec->paint(p, QRectF(QPointF(0, 0), size), 14);
        }
        int accent = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                accent += image.pixelColor(x, y) == documents::style::accent() ? 1 : 0;
        CHECK(accent > 20);
    }
    // And the PDF is written with them.
    const QString pdf = dir.path(QStringLiteral("report.pdf"));
    REQUIRE(documents::renderToFile(*wb, kReport, documents::Format::Pdf, pdf));
    CHECK(test::readFile(pdf).startsWith("%PDF"));
}
