// Assembly of the two demo documents, checked against the seed texts they came from: every
// paragraph of the letter, every heading of the report's contents, every finding and area for
// improvement, in the seed's order.

#include "core/services/documents.h"
#include "core/services/drafting.h"
#include "doctest.h"
#include "documents/assembly.h"
#include "documents/markdown.h"

#include <QTextBlock>

using namespace fwb;
using namespace doctest;

namespace {

QString plain(const documents::Assembly& a)
{
    return normal(a.document->toPlainText());
}

documents::Assembly make(Workbench& wb, const QString& uid,
                         const QDateTime& now = QDateTime::currentDateTime())
{
    documents::AssemblyOptions o;
    o.now = now;
    auto a = documents::assemble(wb, uid, o);
    REQUIRE(a);
    return std::move(*a);
}

// The seed report's contents, without page numbers or leader dots.
QStringList seedContents()
{
    QStringList out;
    bool in = false;
    static const QRegularExpression trailer(QStringLiteral("[\\s.]*\\d+\\s*$"));
    for (const QString& raw : reportSeed().split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line == QLatin1String("Contents")) {
            in = true;
            continue;
        }
        if (!in)
            continue;
        if (line.isEmpty() && !out.isEmpty())
            break;
        if (line.isEmpty())
            continue;
        QString title = line;
        title.remove(trailer);
        out << normal(title);
    }
    return out;
}

} // namespace

TEST_CASE("Assembly: every paragraph and bullet of the 2014 letter, in the letter's order",
          "[assembly]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const documents::Assembly a = make(*wb, kLetter);
    const QString text = plain(a);
    // Paragraphs of the seed (split at blank lines; a sentence broken by a page break counts as
    // two).
    QStringList paragraphs;
    for (const QString& p : letterSeed().split(QRegularExpression(QStringLiteral("\\n\\s*\\n")))) {
        for (const QString& line : p.split(QLatin1Char('\n'))) {
            const QString n = normal(line);
            if (!n.isEmpty())
                paragraphs << n;
        }
    }
    REQUIRE(paragraphs.size() > 40);
    CHECK(inOrder(text, paragraphs) == paragraphs.size());
    // The letter's areas are headings, the letter has no contents and no title page.
    QStringList headings;
    for (const documents::Heading& h : a.headings)
        headings << h.text;
    CHECK(headings == QStringList{QStringLiteral("Preventing crime"),
                                  QStringLiteral("Crime recording and attendance"),
                                  QStringLiteral("Freeing up time")});
    CHECK_FALSE(a.titlePage);
    CHECK(a.contents == nullptr);
}

TEST_CASE("Assembly: the report's contents, judgments, findings and areas for improvement follow "
          "the seed",
          "[assembly]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const documents::Assembly a = make(*wb, kReport);
    const QString text = plain(a);

    // Every entry of the seed's contents is a heading, in the same order.
    QStringList headings;
    for (const documents::Heading& h : a.headings)
        headings << normal(h.text);
    const QStringList contents = seedContents();
    REQUIRE(contents.size() >= 20);
    qsizetype from = 0;
    for (const QString& entry : contents) {
        const qsizetype at = headings.indexOf(entry, from);
        INFO("contents entry " << entry);
        CHECK(at >= 0);
        if (at >= 0)
            from = at + 1;
    }
    REQUIRE(a.contents != nullptr);
    CHECK(a.titlePage);

    // Every finding of the report appears, in the order the seed prints them.
    const QString seedText = normal(reportSeed());
    // The overview repeats some findings' sentences: findings are placed by where the chapters
    // print them, after the introduction.
    const qsizetype chapters =
        seedText.indexOf(QStringLiteral("The public expects their local police force to"));
    REQUIRE(chapters > 0);
    struct Placed {
        QString text;
        qsizetype inSeed;
    };
    QList<Placed> placed;
    for (const Finding& f : wb->drafts().findings(kPeel, kLancs)) {
        const QString t = normal(f.text);
        const QString shown =
            normal(documents::toPlainText(f.text)); // Markdown emphasis is formatting
        // The seed breaks some paragraphs across pages (with notes between): its opening words
        // place it.
        const qsizetype s = seedText.indexOf(t.left(60), chapters);
        INFO("finding " << f.uid);
        REQUIRE(s >= 0); // the demo holds the seed's own words
        placed.push_back({shown, s});
    }
    REQUIRE(placed.size() == 81);
    std::sort(placed.begin(), placed.end(),
              [](const Placed& x, const Placed& y) { return x.inSeed < y.inSeed; });
    QStringList ordered;
    for (const Placed& p : placed)
        ordered << p.text;
    CHECK(inOrder(text, ordered) == ordered.size());

    // The areas for improvement are listed under their heading.
    QStringList areas;
    const QStringList lines = reportSeed().split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].trimmed() == QLatin1String("Areas for improvement"))
            for (int j = i + 1; j < lines.size() && j < i + 6; ++j)
                if (lines[j].startsWith(QLatin1String("- ")))
                    areas << normal(lines[j]);
    REQUIRE(areas.size() == 2);
    for (const QString& area : areas) {
        const qsizetype heading =
            text.lastIndexOf(QStringLiteral("Areas for improvement"), text.indexOf(area));
        CHECK(heading >= 0);
        CHECK(text.indexOf(area) > heading);
    }

    // Each graded question shows its grade and its summary.
    for (const Judgment& j : wb->drafts().judgments(kPeel, kLancs)) {
        INFO("judgment " << j.questionCode);
        CHECK(text.contains(normal(j.summary)));
    }
    CHECK(text.count(QStringLiteral("Good")) >=
          9); // the overall judgment, four in the overview, four chapters
    // The bound figures table shows the workbench's metrics (Figure 2 of the seed).
    CHECK(text.contains(QStringLiteral("Recorded crime (excluding fraud) 62.7 63.0")));
}

TEST_CASE("Assembly: a corrected finding is corrected in every document that shows it",
          "[assembly]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto second = DocumentService(*wb).create(kPeel, kLancs, QStringLiteral("report"));
    REQUIRE(second);
    const QList<Finding> findings = wb->drafts().findings(kPeel, kLancs, QStringLiteral("Q1.1.1"));
    REQUIRE_FALSE(findings.isEmpty());
    Finding f = findings.first();
    const QString old = normal(f.text);
    CHECK(plain(make(*wb, kReport)).contains(old));
    CHECK(plain(make(*wb, second->uid)).contains(old));
    f.text = QStringLiteral(
        "Lancashire Constabulary treats the prevention of crime as its first priority, corrected.");
    REQUIRE(DraftingService(*wb).updateFinding(f));
    for (const QString& uid : {kReport, second->uid}) {
        const QString text = plain(make(*wb, uid));
        INFO(uid);
        CHECK(text.contains(normal(f.text)));
        CHECK_FALSE(text.contains(old));
    }
    // The letter of the other programme is untouched.
    CHECK_FALSE(plain(make(*wb, kLetter)).contains(normal(f.text)));
}

TEST_CASE("Assembly: the embargo notice is shown before the embargo and not after", "[assembly]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const auto before = make(*wb, kLetter, QDateTime(QDate(2014, 9, 3), QTime(18, 0)));
    CHECK(before.embargoed);
    CHECK(before.embargoNotice ==
          QStringLiteral("EMBARGOED until 00:01 on Thursday 4 September 2014"));
    CHECK(before.document->toPlainText().startsWith(before.embargoNotice));
    const auto after = make(*wb, kLetter, QDateTime(QDate(2014, 9, 4), QTime(0, 1)));
    CHECK_FALSE(after.embargoed);
    CHECK_FALSE(after.document->toPlainText().contains(QStringLiteral("EMBARGOED")));
    // The report has no embargo set: never embargoed.
    CHECK_FALSE(make(*wb, kReport, QDateTime(QDate(2000, 1, 1), QTime(0, 0))).embargoed);
}

TEST_CASE("Assembly: fields in narrative text are filled from the document and its force",
          "[assembly]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    auto letter =
        DocumentService(*wb).create(kCore, QStringLiteral("kent"), QStringLiteral("letter"));
    REQUIRE(letter);
    Document d = *letter;
    d.embargo = QStringLiteral("2014-09-04T00:01");
    REQUIRE(DocumentService(*wb).setParticulars(d));
    Section note;
    note.kind = QStringLiteral("narrative");
    note.body =
        QStringLiteral("This letter is about {{force}} ({{style}}); {{unknown}} stays as written.");
    REQUIRE(DocumentService(*wb).addSection(letter->uid, note, {}));
    const QString text =
        make(*wb, letter->uid, QDateTime(QDate(2020, 1, 1), QTime(0, 0))).document->toPlainText();
    CHECK(
        text.contains(QStringLiteral("published by HMIC on Thursday 4 September 2014 at 00:01.")));
    CHECK(text.contains(QStringLiteral(
        "This letter is about Kent Police (the force); {{unknown}} stays as written.")));
    CHECK(documents::fillFields(QStringLiteral("{{ force }}!"),
                                {{QStringLiteral("force"), QStringLiteral("Kent")}}) ==
          QStringLiteral("Kent!"));
}

TEST_CASE("Assembly: footnotes are numbered through the document and printed after their section",
          "[assembly]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const auto a = make(*wb, kReport);
    const QString text = a.document->toPlainText();
    // The seed's first note, on the overall judgment, is number 1; the Figure 4 notes follow on.
    const qsizetype first =
        text.indexOf(QStringLiteral("Outstanding, Good, Requires improvement or Inadequate"));
    REQUIRE(first > 0);
    CHECK(text.mid(first - 3, 3).trimmed().startsWith(QLatin1Char('1')));
    CHECK(text.contains(QStringLiteral("Rate based on number of outcomes recorded")));
    // No raw [^label] markers reach the document.
    CHECK_FALSE(text.contains(QStringLiteral("[^")));
}

TEST_CASE(
    "Assembly: headings step one level at a time, and untitled sections start at their own text",
    "[assembly]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const auto report = make(*wb, kReport);
    int previous = 0;
    for (const documents::Heading& h : report.headings) {
        INFO(h.text.toStdString());
        CHECK(h.level <= previous + 1); // never from ## to ####
        previous = h.level;
    }
    const auto letter = make(*wb, kLetter);
    const auto d = wb->documents().document(kLetter);
    REQUIRE(d);
    const Section& opening = d->sections[1]; // the first untitled paragraph
    REQUIRE(opening.title.isEmpty());
    const int at = letter.sectionPositions.value(opening.uid, -1);
    REQUIRE(at >= 0);
    CHECK(letter.document->findBlock(at).text().startsWith(
        QStringLiteral("Between January and April 2014")));
    CHECK(letter.sectionAt(at) == opening.uid);
}

TEST_CASE("Assembly: a note marked in a figure's caption is printed with the figure", "[assembly]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    Section chart;
    chart.kind = QStringLiteral("chart");
    chart.figure = QStringLiteral("Figure 5");
    chart.title = QStringLiteral("Figure 9: Victim satisfaction[^sat]");
    chart.body = QStringLiteral(
        "Source: force survey\n\n[^sat]: Victims of burglary, vehicle crime and violence.");
    REQUIRE(DocumentService(*wb).addSection(kReport, chart, {}));
    const QString text = make(*wb, kReport).document->toPlainText();
    const qsizetype caption = text.indexOf(QStringLiteral("Figure 9: Victim satisfaction"));
    REQUIRE(caption >= 0);
    CHECK(text.indexOf(QStringLiteral("Victims of burglary, vehicle crime and violence."),
                       caption) > caption);
    CHECK_FALSE(text.contains(QStringLiteral("[^sat]")));
}
