// Word documents: the package read back with libzip and its XML parsed — the styles the text uses
// are defined, every footnote reference has its note, the header and footer carry the running
// title and PAGE / NUMPAGES, tables repeat their header rows, each chart's alternative text is the
// description of its data, DRAFT is on every page of a draft and on none of a published document,
// the embargo notice on every page before the embargo; every text of the assembly once. The
// closing record and the tracked changes of the factual accuracy check.

#include "wordprocessor.h"

#include "core/io/csv.h"
#include "core/services/documents.h"
#include "core/services/review.h"
#include "documents/docx.h"
#include "documents/export.h"
#include "documents/reviewpack.h"

#include <QSet>

using namespace fwb;
using namespace doctest;
using wp::S;

namespace {

documents::Assembly make(Workbench& wb, const QString& uid,
                         const QDateTime& now = QDateTime(QDate(2016, 3, 1), QTime(9, 0)))
{
    documents::AssemblyOptions o;
    o.now = now;
    auto a = documents::assemble(wb, uid, o);
    REQUIRE(a);
    return std::move(*a);
}

QByteArray docx(const documents::Assembly& a)
{
    auto bytes = documents::toDocx(a);
    REQUIRE(bytes);
    return *bytes;
}

QString bodyText(const QByteArray& zip)
{
    QStringList out;
    for (const QString part : {S("word/document.xml"), S("word/footnotes.xml")})
        for (const wp::Para& p : wp::paragraphs(wp::part(zip, part), false))
            out << wp::folded(p.text);
    return out.join(QLatin1Char('\n'));
}

} // namespace

TEST_CASE("DOCX: the styles the report uses are defined and are Word's own", "[export][docx]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const QByteArray zip = docx(make(*wb, kReport));
    auto names = documents::package::entries(zip);
    REQUIRE(names);
    for (const QString part :
         {S("[Content_Types].xml"), S("_rels/.rels"), S("word/document.xml"), S("word/styles.xml"),
          S("word/numbering.xml"), S("word/footnotes.xml"), S("word/settings.xml"),
          S("word/header1.xml"), S("word/footer1.xml"), S("word/_rels/document.xml.rels"),
          S("docProps/core.xml")})
        CHECK(names->contains(part));
    const QByteArray styles = wp::part(zip, S("word/styles.xml"));
    const QStringList ids = wp::attributes(styles, S("w:style"), S("w:styleId"));
    const QSet<QString> defined(ids.begin(), ids.end());
    const QByteArray document = wp::part(zip, S("word/document.xml"));
    const QStringList used = wp::attributes(document, S("w:pStyle"), S("w:val"));
    for (const QString& s : used) {
        INFO("style " << s);
        CHECK(defined.contains(s));
    }
    for (const QString s :
         {S("Title"), S("Heading1"), S("Heading2"), S("Heading3"), S("ListBullet"), S("ListNumber"),
          S("Caption"), S("TOC1"), S("TOC2"), S("Grade"), S("TableHeading"), S("TableText")}) {
        INFO("style used: " << s);
        CHECK(used.contains(s));
    }
    // Word knows its built-in styles by name: "heading 1", "caption", "toc 1".
    const QStringList names2 = wp::attributes(styles, S("w:name"), S("w:val"));
    for (const QString n : {S("heading 1"), S("heading 2"), S("caption"), S("toc 1"),
                            S("footnote text"), S("List Bullet"), S("Title")})
        CHECK(names2.contains(n));
    // Headings carry their outline level, in the style.
    CHECK(wp::attributes(styles, S("w:outlineLvl"), S("w:val")).contains(S("0")));
    for (const QString s : wp::attributes(document, S("w:tblStyle"), S("w:val")))
        CHECK(s == S("FindingsTable"));
    CHECK(defined.contains(S("FindingsTable")));
    // Every character style used is defined too.
    for (const QString& s : wp::attributes(document, S("w:rStyle"), S("w:val"))) {
        INFO("character style " << s);
        CHECK(defined.contains(s));
    }
    // The document is in British English.
    CHECK(wp::attributes(styles, S("w:lang"), S("w:val")).contains(S("en-GB")));
    CHECK(wp::part(zip, S("docProps/core.xml")).contains("<dc:language>en-GB</dc:language>"));
}

TEST_CASE("DOCX: headings in order, every footnote a Word footnote, every text once",
          "[export][docx]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    for (const QString& uid : {kReport, kLetter}) {
        INFO(uid);
        const documents::Assembly a = make(*wb, uid);
        const QByteArray zip = docx(a);
        const QByteArray document = wp::part(zip, S("word/document.xml"));
        QStringList headings;
        for (const wp::Para& p : wp::paragraphs(document, false))
            if (p.style.startsWith(S("Heading")))
                headings << p.text;
        QStringList expected;
        for (const documents::Heading& h : a.headings)
            expected << h.text;
        CHECK(headings == expected);

        // Each reference names a note that is in footnotes.xml, and every note of the assembly
        // is one.
        const QStringList refs = wp::attributes(document, S("w:footnoteReference"), S("w:id"));
        const QByteArray notes = wp::part(zip, S("word/footnotes.xml"));
        QStringList ids = wp::attributes(notes, S("w:footnote"), S("w:id"));
        ids.removeAll(S("-1"));
        ids.removeAll(S("0"));
        CHECK(refs == ids);
        CHECK(refs.size() == wp::footnoteBlocks(a));
        CHECK(QSet<QString>(refs.begin(), refs.end()).size() == refs.size());
        if (uid == kReport)
            CHECK(refs.size() >= 10);

        wp::eachOnce(wp::assemblyTexts(a), bodyText(zip), "DOCX");
    }
}

TEST_CASE("DOCX: running title, page N of M, header rows repeated, charts described",
          "[export][docx]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const documents::Assembly a = make(*wb, kReport);
    const QByteArray zip = docx(a);
    const QByteArray header = wp::part(zip, S("word/header1.xml"));
    const QByteArray footer = wp::part(zip, S("word/footer1.xml"));
    CHECK(wp::texts(header, S("w:t")).join(QString()).contains(a.runningTitle));
    const QStringList fields = wp::texts(footer, S("w:instrText"));
    CHECK(fields.join(QString()).simplified() == S("PAGE NUMPAGES"));
    CHECK(wp::texts(footer, S("w:t")).join(QString()).startsWith(S("Page 1 of 1")));
    // The title page has neither running title nor number; the document says so.
    const QByteArray document = wp::part(zip, S("word/document.xml"));
    CHECK(document.contains("<w:titlePg/>"));
    CHECK_FALSE(wp::texts(wp::part(zip, S("word/header2.xml")), S("w:t"))
                    .join(QString())
                    .contains(a.runningTitle));
    CHECK(wp::texts(wp::part(zip, S("word/footer2.xml")), S("w:t")).isEmpty());

    // The figure tables repeat their header rows on every page; header cells are shaded.
    const int tables = int(wp::attributes(document, S("w:tbl"), QString()).size());
    const int headerRows = int(wp::attributes(document, S("w:tblHeader"), QString()).size());
    CHECK(tables >= 2);
    CHECK(headerRows >= tables);
    CHECK(document.contains("w:fill=\"1D3A6B\""));

    // Each chart: a PNG in the package, its alternative text its data in words.
    const QList<documents::ChartSpec> charts = wp::chartsOf(a);
    REQUIRE_FALSE(charts.isEmpty());
    const QStringList descriptions = wp::attributes(document, S("wp:docPr"), S("descr"));
    REQUIRE(descriptions.size() == charts.size());
    for (qsizetype i = 0; i < charts.size(); ++i) {
        CHECK(descriptions[i] == documents::flow::chartDescription(charts[i]));
        CHECK(descriptions[i].contains(charts[i].categories.value(0)));
        CHECK(wp::part(zip, S("word/media/chart-%1.png").arg(i + 1)).startsWith("\x89PNG"));
    }
    CHECK(wp::attributes(document, S("pic:cNvPr"), S("descr")) == descriptions);
}

TEST_CASE("DOCX: DRAFT on every page of a draft and none of a published document, the embargo "
          "notice on every page before the embargo",
          "[export][docx]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    documents::Assembly a = make(*wb, kLetter, QDateTime(QDate(2014, 9, 1), QTime(9, 0)));
    REQUIRE(a.embargoed);
    a.source.status = S("draft"); // the demo's letter is published: as it was in its draft
    QByteArray zip = docx(a);
    for (const QString h : {S("word/header1.xml"), S("word/header2.xml")}) {
        const QString text = wp::texts(wp::part(zip, h), S("w:t")).join(S(" "));
        CHECK(text.contains(S("DRAFT")));
        CHECK(text.contains(a.embargoNotice));
    }
    // The notice is in the header, not the text as well.
    CHECK_FALSE(bodyText(zip).contains(S("EMBARGOED")));

    for (const QString status : {S("final"), S("published")}) {
        a.source.status = status;
        zip = docx(a);
        for (const QString part : {S("word/header1.xml"), S("word/header2.xml"),
                                   S("word/document.xml"), S("word/footer1.xml")})
            CHECK_FALSE(wp::part(zip, part).contains("DRAFT"));
    }
    const documents::Assembly after = make(*wb, kLetter, QDateTime(QDate(2015, 1, 1), QTime(9, 0)));
    zip = docx(after);
    for (const QString h : {S("word/header1.xml"), S("word/header2.xml")})
        CHECK_FALSE(wp::part(zip, h).contains("EMBARGOED"));
}

TEST_CASE("DOCX: fwb's formats name it, and it renders to a file", "[export][docx]")
{
    CHECK(documents::formatFromName(S("docx")) == documents::Format::Docx);
    CHECK(documents::formatFromName(S("DOCX")) == documents::Format::Docx);
    CHECK(documents::extension(documents::Format::Docx) == S(".docx"));
    CHECK(documents::formatLabel(documents::Format::Docx) == S("Word document"));
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    const QString path = dir.path(S("letter.docx"));
    REQUIRE(documents::renderToFile(*wb, kLetter, documents::Format::Docx, path));
    CHECK(test::readFile(path).startsWith("PK"));
}

TEST_CASE("DOCX: the tracked changes are Word revisions and the record a table with its header",
          "[export][docx][review]")
{
    test::Scratch dir;
    auto wb = dir.create(S("demo.fwb"), true);
    ReviewService review(*wb);
    REQUIRE(review.move(S("document:") + kReport, S("ready"), {}));
    const Document d = *wb->documents().document(kReport);
    auto round = review.send(kReport, documents::fieldFiller(*wb, d));
    REQUIRE(round);
    const ReviewItem* f = nullptr;
    for (const ReviewItem& i : round->items)
        if (i.target.startsWith(S("finding:")) && !f)
            f = &i;
    REQUIRE(f);
    QByteArray form = csv::formatRow({S("reference"), S("current text"), S("proposed change"),
                                      S("evidence offered"), S("category")});
    form += csv::formatRow({f->reference, f->shown, S("Replaced <entirely> & rewritten."),
                            S("Audit report"), S("factual error")});
    REQUIRE(review.importForm(kReport, form, S("form.csv")));
    REQUIRE(review.decide(review.responses(round->uid).first().uid, S("accepted"),
                          S("The audit confirms it.")));
    auto changes = review.sinceSent(kReport);
    REQUIRE(changes);
    const QDateTime now(QDate(2016, 2, 1), QTime(10, 30), Qt::UTC);
    auto bytes = documents::sinceSentDocx(*wb, *round, *changes, true, now);
    REQUIRE(bytes);
    const QByteArray document = wp::part(*bytes, S("word/document.xml"));
    CHECK(wp::texts(document, S("w:ins")).join(QString()).contains(S("Replaced <entirely>")));
    CHECK(wp::texts(document, S("w:del")).join(QString()).size() > 20);
    CHECK(wp::attributes(document, S("w:ins"), S("w:date")).first() == S("2016-02-01T10:30:00Z"));
    CHECK_FALSE(wp::attributes(document, S("w:del"), S("w:author")).first().isEmpty());
    // What was deleted is deleted text, not text.
    CHECK(wp::attributes(document, S("w:delText"), QString()).size() > 0);
    CHECK(wp::texts(document, S("w:t")).join(QString()).contains(f->reference));

    auto record = documents::recordDocx(*wb, *round);
    REQUIRE(record);
    const QByteArray r = wp::part(*record, S("word/document.xml"));
    CHECK(wp::attributes(r, S("w:tblHeader"), QString()).size() == 1);
    const QString text = wp::texts(r, S("w:t")).join(S(" "));
    CHECK(text.contains(S("Accepted")));
    CHECK(text.contains(S("The audit confirms it.")));
    CHECK(text.contains(S("1 of 1 responses decided")));

    auto revisions = review.compare(f->target, 1, 0);
    REQUIRE(revisions);
    auto one = documents::revisionsDocx(f->target, S("A finding"), 1, 0, *revisions, now);
    REQUIRE(one);
    CHECK(wp::part(*one, S("word/document.xml")).contains("<w:ins "));
}
