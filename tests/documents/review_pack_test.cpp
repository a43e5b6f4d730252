// The factual accuracy pack: the draft with a reference beside every text, the response form,
// and nothing about any other force anywhere in it; the tracked changes and the closing record
// as PDFs.

#include "doctest.h"

#include "core/io/csv.h"
#include "core/services/documents.h"
#include "core/services/drafting.h"
#include "core/services/review.h"
#include "documents/assembly.h"
#include "documents/package.h"
#include "documents/reviewpack.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <algorithm>

using namespace fwb;
using namespace doctest;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

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

// Another force's material: a finding, a judgment and a report of its own.
struct Other {
    QString code, finding, summary;
};

Other addOtherForce(Workbench& wb, const QString& code, const QString& finding,
                    const QString& summary)
{
    Finding f;
    f.programmeCode = kPeel;
    f.forceCode = code;
    f.questionCode = S("Q1");
    f.kind = S("area_for_improvement");
    f.text = finding;
    REQUIRE(DraftingService(wb).addFinding(f));
    Judgment j = wb.drafts().judgments(kPeel, kLancs).first();
    j.forceCode = code;
    j.summary = summary;
    j.overview.clear();
    j.status = S("draft");
    REQUIRE(DraftingService(wb).setJudgment(j));
    REQUIRE(DocumentService(wb).create(kPeel, code, S("report")));
    return {code, finding, summary};
}

ReviewRound sendReport(Workbench& wb)
{
    ReviewService review(wb);
    REQUIRE(review.move(S("document:") + kReport, S("ready"), {}));
    const Document d = *wb.documents().document(kReport);
    auto round = review.send(kReport, documents::fieldFiller(wb, d));
    REQUIRE(round);
    return *round;
}

} // namespace

TEST_CASE("Pack: one force's pack holds nothing about any other force, in any file or its metadata",
          "[review][pack]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const QList<Other> others{
        addOtherForce(
            *wb, S("cumbria"),
            S("Cumbria's control room sends officers to every burglary within the hour."),
            S("Cumbria Constabulary is outstanding at preventing crime in its rural valleys.")),
        addOtherForce(*wb, S("kent"),
                      S("Kent's neighbourhood teams patrol the Medway towns each night."),
                      S("Kent Police is good at tackling the harbour smuggling it finds."))};
    const ReviewRound round = sendReport(*wb);
    const QString out = dir.path(S("pack"));
    auto written = documents::writePack(*wb, round, out);
    REQUIRE(written);
    REQUIRE(written->size() == 5);
    CHECK(QDir(out).entryList(QDir::Files).size() == 5); // nothing else, nothing half-written

    // Everything the force receives, as text: the forms, every entry of the ODT, Word and Excel
    // packages, the PDF's text, its metadata and its raw bytes.
    QString everything;
    QString pdfText;
    for (const QString& path : *written) {
        const QByteArray bytes = test::readFile(path);
        REQUIRE_FALSE(bytes.isEmpty());
        everything += QString::fromUtf8(bytes);
        if (path.endsWith(S(".odt")) || path.endsWith(S(".docx")) || path.endsWith(S(".xlsx"))) {
            auto names = documents::package::entries(bytes);
            REQUIRE(names);
            CHECK(names->contains(path.endsWith(S(".odt"))    ? S("content.xml")
                                  : path.endsWith(S(".docx")) ? S("word/document.xml")
                                                              : S("xl/workbook.xml")));
            for (const QString& name : *names) {
                auto entry = documents::package::read(bytes, name);
                REQUIRE(entry);
                everything += QString::fromUtf8(*entry);
            }
        }
        if (path.endsWith(S(".pdf"))) {
            pdfText = run(S("pdftotext"), {S("-layout"), path, S("-")});
            everything += pdfText + run(S("pdfinfo"), {path});
        }
    }
    // What the pack is about is there…
    CHECK(everything.contains(S("Lancashire Constabulary")));
    // …and no other force: neither its name nor anything written about it. The report's own
    // footnotes name four forces (why figures leave them out); those names may appear, as they do
    // in the published report, and no others. The forces with material in this workbench never do.
    auto own = documents::assemble(*wb, kReport);
    REQUIRE(own);
    const QString ownText = own->document->toPlainText();
    for (const Force& f : wb->reference().forces()) {
        if (f.code == kLancs)
            continue;
        INFO(f.name.toStdString());
        const bool mentioned = ownText.contains(f.name);
        CHECK((mentioned ? f.code != S("cumbria") && f.code != S("kent")
                         : !everything.contains(f.name)));
        if (f.shortName.size() > 4 && !ownText.contains(f.shortName))
            CHECK_FALSE(everything.contains(f.shortName + QLatin1Char(' ')));
    }
    for (const Other& o : others) {
        CHECK_FALSE(everything.contains(o.finding));
        CHECK_FALSE(everything.contains(o.summary));
        CHECK_FALSE(everything.contains(o.finding.left(30)));
    }

    // The form: one row per reference, the text as the force reads it.
    const auto csvPath = std::find_if(written->cbegin(), written->cend(),
                                      [](const QString& p) { return p.endsWith(S(".csv")); });
    REQUIRE(csvPath != written->cend());
    auto rows = csv::parse(test::readFile(*csvPath), S("form"));
    REQUIRE(rows);
    CHECK(rows->front().fields == QStringList{S("reference"), S("current text"),
                                              S("proposed change"), S("evidence offered"),
                                              S("category")});
    REQUIRE(rows->size() == round.items.size() + 1);
    for (qsizetype i = 0; i < round.items.size(); ++i) {
        CHECK((*rows)[i + 1].fields[0] == round.items[i].reference);
        CHECK_FALSE((*rows)[i + 1].fields[1].contains(S("{{")));
    }

    // The PDF prints every reference beside its text.
    REQUIRE_FALSE(pdfText.isEmpty()); // pdftotext comes with poppler-utils, installed by make
    {
        const QString flat = pdfText.simplified();
        int missing = 0;
        for (const ReviewItem& i : round.items)
            missing += flat.contains(QLatin1Char('[') + i.reference + QLatin1Char(']')) ? 0 : 1;
        CHECK(missing == 0);
        CHECK(flat.contains(S("Draft for factual accuracy check")));
    }
}

TEST_CASE("Pack: references sit beside the texts they name in the assembled draft",
          "[review][pack]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    documents::AssemblyOptions options;
    for (const ReviewItem& i : round.items)
        options.references.insert(i.target, i.reference);
    auto a = documents::assemble(*wb, kReport, options);
    REQUIRE(a);
    const QString text = a->document->toPlainText();
    // Each reference — finding, judgment, paragraph — is followed by the start of its text as the
    // force reads it (texts with Markdown or footnote marks are left out of the comparison).
    int findings = 0, paragraphs = 0, judgments = 0;
    for (const ReviewItem& i : round.items) {
        const qsizetype at = text.indexOf(QLatin1Char('[') + i.reference + QLatin1Char(']'));
        INFO(i.reference.toStdString());
        REQUIRE(at >= 0);
        static const QRegularExpression markup(
            QStringLiteral("[\\[*_#`>|]|^\\s*([-+]|\\d+[.)])\\s"));
        if (i.shown.contains(markup)) // lists and emphasis: the marks are not in the plain text
            continue;
        const QString after = text.mid(at + i.reference.size() + 2, 60).simplified();
        REQUIRE(after.size() >= 10);
        CHECK(i.shown.simplified().startsWith(after.left(25)));
        findings += i.target.startsWith(S("finding:")) ? 1 : 0;
        paragraphs += i.target.startsWith(S("section:")) ? 1 : 0;
        judgments +=
            i.target.startsWith(S("judgment:")) || i.target.startsWith(S("overview:")) ? 1 : 0;
    }
    CHECK(findings > 40);
    CHECK(paragraphs > 10);
    CHECK(judgments >= 3);
    // Without references the draft carries none.
    auto plain = documents::assemble(*wb, kReport);
    REQUIRE(plain);
    CHECK_FALSE(plain->document->toPlainText().contains(
        QLatin1Char('[') + round.items.first().reference + QLatin1Char(']')));
}

TEST_CASE("Review PDFs: tracked changes since sent and the closing record", "[review][pack]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const ReviewRound round = sendReport(*wb);
    ReviewService review(*wb);
    const ReviewItem* f = nullptr;
    for (const ReviewItem& i : round.items)
        if (i.target.startsWith(S("finding:")) && !f)
            f = &i;
    REQUIRE(f);
    QByteArray form = csv::formatRow({S("reference"), S("current text"), S("proposed change"),
                                      S("evidence offered"), S("category")});
    form += csv::formatRow({f->reference, f->shown, f->text + S(" Confirmed by audit."),
                            S("Audit report"), S("factual error")});
    REQUIRE(review.importForm(kReport, form, S("form.csv")));
    REQUIRE(review.decide(review.responses(round.uid).first().uid, S("accepted"),
                          S("The audit confirms it.")));

    auto changes = review.sinceSent(kReport);
    REQUIRE(changes);
    const QString html = documents::sinceSentHtml(*wb, round, *changes, true);
    CHECK(html.contains(S("Confirmed by audit.")));
    CHECK(html.contains(S("#1e6b34"))); // inserted text in green
    auto pdf = documents::htmlToPdf(html, S("changes"));
    REQUIRE(pdf);
    CHECK(pdf->startsWith("%PDF"));
    const QString path = dir.path(S("changes.pdf"));
    test::writeFile(path, *pdf);
    const QString text = run(S("pdftotext"), {path, S("-")});
    if (!text.isEmpty()) {
        CHECK(text.contains(f->reference));
        CHECK(text.simplified().contains(S("Confirmed by audit.")));
    }

    auto record = documents::htmlToPdf(documents::recordHtml(*wb, round), S("record"));
    REQUIRE(record);
    const QString recordPath = dir.path(S("record.pdf"));
    test::writeFile(recordPath, *record);
    const QString recordText = run(S("pdftotext"), {recordPath, S("-")});
    if (!recordText.isEmpty()) {
        CHECK(recordText.contains(S("Accepted")));
        CHECK(recordText.simplified().contains(S("The audit confirms it.")));
        CHECK(recordText.contains(S("1 of 1 responses decided")));
    }
}
