// The bundled demo must hold everything in the two seed documents, under the right question.
// The expectations are read from the seed texts themselves (tests/fixtures/seeds), never from the
// demo data.

#include "testsupport.h"

#include <QRegularExpression>
#include <catch2/catch.hpp>
#include <functional>

using namespace fwb;

namespace {

QStringList seedLines(const QString& name)
{
    return QString::fromUtf8(test::readFile(test::fixture(QStringLiteral("seeds/") + name)))
        .split(QLatin1Char('\n'));
}

// Folds white space and drops footnote markers: superscript digits in the seed, [^label]
// references and "[^label]: …" definitions in the workbench's Markdown.
QString normal(QString s)
{
    static const QRegularExpression definition(QStringLiteral("^\\[\\^[^\\]]+\\]:.*$"),
                                               QRegularExpression::MultilineOption);
    static const QRegularExpression reference(QStringLiteral("\\[\\^[^\\]]+\\]"));
    static const QRegularExpression superscripts(QStringLiteral("[⁰¹²³⁴⁵⁶⁷⁸⁹]+"));
    static const QRegularExpression bullet(QStringLiteral("(^|\\n)\\s*[-*]\\s+"));
    s.remove(definition);
    s.remove(reference);
    s.remove(superscripts);
    s.replace(bullet, QStringLiteral("\n"));
    return test::collapseWhitespace(s);
}

// The letter's bullets under each area heading, with page-broken bullets joined.
QMap<QString, QStringList> letterBullets()
{
    const QStringList headings{QStringLiteral("Preventing crime"),
                               QStringLiteral("Crime recording and attendance"),
                               QStringLiteral("Freeing up time")};
    QMap<QString, QStringList> out;
    QString area;
    for (const QString& raw :
         seedLines(QStringLiteral("core-business-2014-letter-lancashire.txt"))) {
        const QString line = raw.trimmed();
        if (headings.contains(line)) {
            area = line;
            continue;
        }
        if (line == QLatin1String("Yours sincerely"))
            break;
        if (area.isEmpty() || line.isEmpty())
            continue;
        if (line.startsWith(QLatin1String("- ")))
            out[area] << line.mid(2);
        else
            out[area].last() += QLatin1Char(' ') + line; // continuation after a page break
    }
    return out;
}

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kCore = QStringLiteral("core-business-2014");

} // namespace

TEST_CASE("Demo: every bullet of the 2014 letter is a finding under its area, in order", "[demo]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const auto bullets = letterBullets();
    REQUIRE(bullets.size() == 3);
    const QMap<QString, QString> areaCode{
        {QStringLiteral("Preventing crime"), QStringLiteral("A1")},
        {QStringLiteral("Crime recording and attendance"), QStringLiteral("A2")},
        {QStringLiteral("Freeing up time"), QStringLiteral("A3")}};
    int total = 0;
    for (auto it = bullets.begin(); it != bullets.end(); ++it) {
        const QList<Finding> findings =
            wb->drafts().findings(kCore, QStringLiteral("lancashire"), areaCode[it.key()]);
        INFO(it.key().toStdString());
        REQUIRE(findings.size() == it.value().size());
        for (int i = 0; i < findings.size(); ++i)
            CHECK(normal(findings[i].text).toStdString() == normal(it.value()[i]).toStdString());
        total += int(findings.size());
    }
    CHECK(total == 26);
    CHECK(wb->drafts().findings(kCore, QStringLiteral("lancashire")).size() == total);
}

TEST_CASE("Demo: the letter's parties, date and embargo", "[demo]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QStringList letter =
        seedLines(QStringLiteral("core-business-2014-letter-lancashire.txt"));
    const QList<Document> docs = wb->documents().documents(kCore, QStringLiteral("lancashire"));
    REQUIRE(docs.size() == 1);
    const Document& d = docs.front();
    CHECK(d.kind == QLatin1String("letter"));
    const auto sender = wb->reference().person(d.senderCode);
    const auto recipient = wb->reference().person(d.recipientCode);
    REQUIRE(sender);
    REQUIRE(recipient);
    // "Roger Baker, QPM, MBA, MA" / "HM Inspector of Constabulary" / "Mr S Finnigan" / "Dear Steve"
    CHECK(letter.contains(sender->name + QStringLiteral(", ") + sender->postNominals));
    CHECK(letter.contains(sender->post));
    CHECK(letter.contains(recipient->addressName));
    CHECK(letter.contains(recipient->post));
    CHECK(letter.contains(QStringLiteral("Dear ") + recipient->greeting));
    CHECK(letter.contains(QStringLiteral("3 September 2014")));
    CHECK(d.dated == QLatin1String("2014-09-03"));
    // "published by HMIC on Thursday 4 September 2014 at 00:01"
    CHECK(d.embargo == QLatin1String("2014-09-04T00:01:00"));
    CHECK(letter.join(QLatin1Char(' '))
              .contains(QStringLiteral("Thursday 4 September 2014 at 00:01")));
    const auto force = wb->reference().force(QStringLiteral("lancashire"));
    REQUIRE(force);
    CHECK(force->chiefOfficerCode == recipient->code);
}

TEST_CASE("Demo: the letter's case-file samples and their counts", "[demo]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QList<EvidenceSample> samples =
        wb->drafts().evidence(kCore, QStringLiteral("lancashire"));
    const QString letter = test::collapseWhitespace(
        seedLines(QStringLiteral("core-business-2014-letter-lancashire.txt"))
            .join(QLatin1Char(' ')));
    REQUIRE(samples.size() >= 4);
    // "Fifty unattended crime reports were examined. Thirty four … 35 … 35"
    REQUIRE(letter.contains(
        QStringLiteral("Fifty unattended crime reports were examined. Thirty four")));
    const auto unattended =
        std::find_if(samples.begin(), samples.end(), [](const EvidenceSample& s) {
            return s.label.contains(QStringLiteral("nattended"));
        });
    REQUIRE(unattended != samples.end());
    CHECK(unattended->sampleSize == 50);
    QList<int> counts;
    for (const Measure& m : unattended->measures)
        counts << m.count;
    CHECK(counts == QList<int>{34, 35, 35});
    // "50 undetected investigations - 10 each from the categories of …; of the other 30 cases 13 …
    // 19 … 19"
    const auto undetected =
        std::find_if(samples.begin(), samples.end(), [](const EvidenceSample& s) {
            return s.label.contains(QStringLiteral("ndetected"));
        });
    REQUIRE(undetected != samples.end());
    CHECK(undetected->sampleSize == 50);
    REQUIRE(undetected->strata.size() == 5);
    for (const Stratum& s : undetected->strata) {
        CHECK(s.size == 10);
        CHECK(letter.contains(s.label, Qt::CaseInsensitive));
    }
    for (const Measure& m : undetected->measures)
        CHECK(m.base == 30);
    // Findings that report the samples cite them.
    bool cited = false;
    for (const Finding& f : wb->drafts().findings(kCore, QStringLiteral("lancashire")))
        if (f.text.startsWith(QStringLiteral("Fifty unattended")))
            cited = f.evidenceUids.contains(unattended->uid);
    CHECK(cited);
    // Every sample is cited by the finding that reports it: the one whose text holds the words
    // the sample was described with.
    for (const EvidenceSample& s : samples) {
        INFO(s.uid.toStdString());
        REQUIRE_FALSE(s.description.isEmpty());
        CHECK(letter.contains(test::collapseWhitespace(s.description)));
        bool citedByItsFinding = false;
        for (const Finding& f : wb->drafts().findings(kCore, QStringLiteral("lancashire")))
            if (f.evidenceUids.contains(s.uid))
                citedByItsFinding =
                    citedByItsFinding || test::collapseWhitespace(f.text).contains(
                                             test::collapseWhitespace(s.description).left(40));
        CHECK(citedByItsFinding);
    }
}

TEST_CASE("Demo: the PEEL judgments are those printed in the report", "[demo]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QStringList report =
        seedLines(QStringLiteral("peel-2015-effectiveness-report-lancashire.txt"));
    const QList<Question> questions = wb->reference().questionsFlat(kPeel);
    // Each graded question's text is printed as a heading followed (after blank lines) by its
    // grade.
    int graded = 0;
    for (const Question& q : questions) {
        if (!q.graded)
            continue;
        ++graded;
        QString printed;
        for (int i = 0; i < report.size() && printed.isEmpty(); ++i) {
            if (!report[i].trimmed().endsWith(q.text) || report[i].contains(QLatin1Char('\t')))
                continue;
            for (int k = i + 1; k < report.size() && k < i + 9; ++k) {
                const QString t = report[k].trimmed();
                if (t == QLatin1String("Good") || t == QLatin1String("Outstanding") ||
                    t == QLatin1String("Requires improvement") ||
                    t == QLatin1String("Inadequate")) {
                    printed = t;
                    break;
                }
            }
        }
        INFO(q.code.toStdString());
        REQUIRE_FALSE(printed.isEmpty());
        const auto j = wb->drafts().judgment(kPeel, QStringLiteral("lancashire"), q.code);
        REQUIRE(j);
        CHECK(j->gradeLabel == printed);
        CHECK_FALSE(j->summary.isEmpty());
    }
    CHECK(graded == 5);
    // "This is the first year HMIC has graded forces on their overall effectiveness"
    CHECK(wb->drafts()
              .judgment(kPeel, QStringLiteral("lancashire"), QStringLiteral("Q0"))
              ->firstYearGraded);
}

TEST_CASE("Demo: the report's areas for improvement are findings of their core question", "[demo]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QStringList report =
        seedLines(QStringLiteral("peel-2015-effectiveness-report-lancashire.txt"));
    const QList<Question> questions = wb->reference().questionsFlat(kPeel);
    // Walk the report: remember the last core question heading; bullets after "Areas for
    // improvement".
    QString core;
    bool inAreas = false;
    QList<QPair<QString, QString>> expected;
    for (const QString& raw : report) {
        const QString line = raw.trimmed();
        for (const Question& q : questions)
            if (q.depth == 1 && line == q.text)
                core = q.code;
        if (line == QLatin1String("Areas for improvement")) {
            inAreas = true;
            continue;
        }
        if (inAreas && line.startsWith(QLatin1String("- "))) {
            expected.push_back({core, line.mid(2)});
            continue;
        }
        if (inAreas && !line.isEmpty())
            inAreas = false;
    }
    REQUIRE(expected.size() == 2);
    for (const auto& [code, text] : expected) {
        INFO(code.toStdString() << ": " << text.toStdString());
        bool found = false;
        for (const Finding& f : wb->drafts().findings(kPeel, QStringLiteral("lancashire"), code))
            found = found || (f.kind == QLatin1String("area_for_improvement") &&
                              normal(f.text) == normal(text));
        CHECK(found);
    }
}

TEST_CASE("Demo: every paragraph under a report question is a finding of that question", "[demo]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("demo.fwb"), true);
    const QStringList report =
        seedLines(QStringLiteral("peel-2015-effectiveness-report-lancashire.txt"));
    const QList<Question> questions = wb->reference().questionsFlat(kPeel);
    QHash<QString, QString> byText;
    for (const Question& q : questions)
        byText.insert(q.text, q.code);

    // Findings live under the most specific questions: those without children, below a core
    // question.
    QSet<QString> leaves;
    for (const Question& q : questions)
        if (q.depth >= 2 && q.children.isEmpty())
            leaves.insert(q.code);
    // Headings that end a question's findings without being questions.
    const QStringList stops{QStringLiteral("Summary of findings"),
                            QStringLiteral("Areas for improvement"),
                            QStringLiteral("Force in numbers"), QStringLiteral("Introduction")};

    QHash<QString, QStringList> paragraphs;
    QString current;
    QString pending;
    auto flush = [&] {
        if (!current.isEmpty() && !pending.isEmpty())
            paragraphs[current] << pending;
        pending.clear();
    };
    static const QRegularExpression footnote(QStringLiteral("^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ "));
    static const QRegularExpression ends(QStringLiteral("[.:;?!'’\")]$"));
    bool footnoteOpen = false; // a footnote broken by a page continues on a later line
    for (const QString& raw : report) {
        const QString line = raw.trimmed();
        if (line.contains(QLatin1Char('\t')))
            continue; // the contents list and table rows
        if (byText.contains(line) || stops.contains(line) ||
            line.startsWith(QLatin1String("Annex A"))) {
            flush();
            current = leaves.contains(byText.value(line)) ? byText.value(line) : QString();
            continue;
        }
        if (footnote.match(line).hasMatch()) {
            footnoteOpen = !ends.match(line).hasMatch();
            continue;
        }
        if (footnoteOpen && !line.isEmpty() && line.front().isLower() &&
            (pending.isEmpty() || ends.match(pending).hasMatch())) {
            footnoteOpen = false;
            continue;
        }
        if (line.isEmpty() || line.startsWith(QLatin1String("Figure ")) ||
            line.startsWith(QLatin1String("Source:")))
            continue;
        // A paragraph broken by a page or a footnote continues on its next text line; a list item
        // always starts anew.
        if (!pending.isEmpty() && !ends.match(pending).hasMatch() &&
            !line.startsWith(QLatin1String("- "))) {
            pending += QLatin1Char(' ') + line;
            continue;
        }
        flush();
        pending = line;
    }
    flush();

    // Context paragraphs (what HMIC looked at, national figures) are the report's own narrative.
    QString narrative;
    std::function<void(const QList<Section>&)> walk = [&](const QList<Section>& list) {
        for (const Section& s : list) {
            if (s.kind == QLatin1String("narrative") || s.kind == QLatin1String("chart") ||
                s.kind == QLatin1String("metrics_table"))
                narrative += normal(s.body) + QLatin1Char(' ');
            walk(s.children);
        }
    };
    for (const Document& d : wb->documents().documents(kPeel, QStringLiteral("lancashire")))
        walk(d.sections);

    REQUIRE(paragraphs.size() >= 12);
    int asFindings = 0, total = 0;
    for (auto it = paragraphs.begin(); it != paragraphs.end(); ++it) {
        QString here, elsewhere;
        for (const Finding& f : wb->drafts().findings(kPeel, QStringLiteral("lancashire")))
            (f.questionCode == it.key() ? here : elsewhere) += normal(f.text) + QLatin1Char(' ');
        for (const QString& p : it.value()) {
            INFO(it.key().toStdString() << ": " << p.toStdString());
            const QString n = normal(p);
            const bool found = here.contains(n);
            CHECK((found || narrative.contains(n)));
            CHECK_FALSE(elsewhere.contains(n)); // never attached to another question
            asFindings += found ? 1 : 0;
            ++total;
        }
    }
    CHECK(total >= 60);
    CHECK(asFindings >= total * 3 / 4);
}

TEST_CASE("Reference data: 43 forces in ten regions, and the PEEL grade scale of Annex A",
          "[demo][reference]")
{
    test::Scratch dir;
    auto wb = dir.create(QStringLiteral("ref.fwb"), false);
    const QList<Force> forces = wb->reference().forces();
    CHECK(forces.size() == 43);
    CHECK(wb->reference().regions().size() == 10);
    QHash<QString, int> perRegion;
    for (const Force& f : forces)
        ++perRegion[f.regionCode];
    CHECK(perRegion.value(QStringLiteral("wales")) == 4);
    CHECK(perRegion.value(QStringLiteral("london")) == 2);
    const auto lancs = wb->reference().force(QStringLiteral("lancashire"));
    REQUIRE(lancs);
    CHECK(lancs->name == QLatin1String("Lancashire Constabulary"));
    CHECK(lancs->regionCode == QLatin1String("north-west"));
    CHECK(lancs->styleNoun() == QLatin1String("the constabulary"));
    // No demo content without --demo.
    CHECK(wb->drafts().findings({}).isEmpty());

    // Annex A: "The judgment categories are: outstanding; good; requires improvement; and
    // inadequate."
    const auto scale = wb->reference().gradeScale(QStringLiteral("peel-four-point"));
    REQUIRE(scale);
    QStringList labels;
    for (const Grade& g : scale->grades) {
        labels << g.label.toLower();
        CHECK_FALSE(g.definition.isEmpty());
    }
    CHECK(labels == QStringList{QStringLiteral("outstanding"), QStringLiteral("good"),
                                QStringLiteral("requires improvement"),
                                QStringLiteral("inadequate")});
    const QString annex = test::collapseWhitespace(QString::fromUtf8(test::readFile(
        test::fixture(QStringLiteral("seeds/peel-2015-effectiveness-report-lancashire.txt")))));
    // "the effectiveness of the force is inadequate because it is considerably lower than is
    // expected"
    CHECK(annex.contains(
        QStringLiteral("inadequate because it is considerably lower than is expected")));
    CHECK(scale->grades.last().definition.contains(
        QStringLiteral("considerably lower than is expected")));
}
