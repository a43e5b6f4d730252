// The Router: every kind of target lands on the right workspace, pane and item; search hits,
// problems, the overview's links and the matrix go through it; a target that does not exist is
// refused and the view stays as it was.
#include "app/actionregistry.h"
#include "app/documents/documentsworkspace.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/evidencepage.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/metricspage.h"
#include "app/drafting/questionpage.h"
#include "app/drafting/searchpane.h"
#include "app/mainwindow.h"
#include "app/navigation/router.h"
#include "app/panes/detailpane.h"
#include "app/panes/diagnosticspane.h"
#include "app/panes/navigatorview.h"
#include "app/review/reviewworkspace.h"
#include "apptest.h"
#include "core/io/csv.h"
#include "core/reader.h"
#include "core/services/review.h"
#include "core/workbench.h"
#include "demowindow.h"

#include <QDir>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextEdit>
#include <algorithm>

using namespace fwb;
using namespace fwb::app;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

const QString kPeel = S("peel-effectiveness-2015");
const QString kCore = S("core-business-2014");
const QString kLancs = S("lancashire");

struct Window : apptest::DemoWindow {
    Window() : DemoWindow(QSize(1400, 900)) {}
    Router& router() { return *window.router(); }
    QWidget* tab() { return window.workTabs()->currentWidget(); }
    NavigatorKey key() { return window.navigatorView()->currentKey(); }
    QString firstSection(const QString& document)
    {
        const auto d = window.workbench()->documents().document(document);
        REQUIRE(d);
        REQUIRE_FALSE(d->sections.isEmpty());
        return d->sections.last().uid;
    }
};

} // namespace

TEST_CASE("goTo: a place selects the navigator's row and the workspace that shows it",
          "[window][navigation]")
{
    Window w;
    const NavigatorKey question{NavigatorKey::Kind::Question, kCore, kLancs, S("A2")};
    REQUIRE(w.router().goTo(Target::place(question)));
    CHECK(w.key() == question);
    CHECK(w.tab() == w.window.draftingWorkspace());
    CHECK(w.window.draftingWorkspace()->key() == question);

    const NavigatorKey force{NavigatorKey::Kind::Force, kPeel, kLancs, {}};
    REQUIRE(w.router().goTo(Target::overview(force)));
    CHECK(w.key() == force);
    CHECK(w.tab() == w.window.detailPane());
    CHECK(w.window.detailPane()->key() == force);

    // A force on the Documents tab stays on the Documents tab, showing that force's documents.
    w.window.workTabs()->setCurrentWidget(w.window.documentsWorkspace());
    REQUIRE(w.router().goTo(Target::place({NavigatorKey::Kind::Force, kCore, kLancs, {}})));
    CHECK(w.tab() == w.window.documentsWorkspace());
    CHECK(w.window.documentsWorkspace()->currentDocument() == S("lancs-2014-letter"));

    // A link in the overview goes through the same way.
    w.window.workTabs()->setCurrentWidget(w.window.detailPane());
    Q_EMIT w.window.detailPane()->linkActivated(question);
    CHECK(w.key() == question);
    CHECK(w.tab() == w.window.draftingWorkspace());
    CHECK(w.errors.isEmpty());
}

TEST_CASE("goTo: a finding opens its question in the Draft tab with the finding selected",
          "[window][navigation]")
{
    Window w;
    const auto f = w.window.workbench()->drafts().finding(S("lancs-2014-f-13"));
    REQUIRE(f);
    const qsizetype at = f->text.indexOf(S("Thirty four"));
    REQUIRE(at >= 0);
    QSignalSpy arrived(&w.router(), &Router::arrived);
    REQUIRE(w.router().goTo(Target::finding(f->uid, at, 11)));
    REQUIRE(arrived.count() == 1);
    const auto landed = arrived.front().front().value<Target>();
    CHECK(landed.programme == kCore); // the place is filled in from the finding
    CHECK(landed.question == f->questionCode);
    CHECK(w.tab() == w.window.draftingWorkspace());
    CHECK(w.key() == NavigatorKey{NavigatorKey::Kind::Question, kCore, kLancs, f->questionCode});
    QuestionPage* page = w.window.draftingWorkspace()->questionPage();
    CHECK(page->currentUid() == f->uid);
    CHECK(page->editor()->textEdit()->textCursor().selectedText() == S("Thirty four"));

    // Another finding of the same question, asked for from a force's page: the Draft tab goes
    // back to the question and selects the words asked for.
    QSignalSpy dirty(w.window.workbench(), &Workbench::changed);
    REQUIRE(w.router().goTo(Target::evidence(kCore, kLancs)));
    const auto siblings = w.window.workbench()->reader().findings(kCore, kLancs, f->questionCode);
    const auto other = std::find_if(siblings.begin(), siblings.end(), [&](const Finding& g) {
        return g.uid != f->uid && g.text.size() > 12;
    });
    REQUIRE(other != siblings.end());
    const QString words = other->text.left(other->text.indexOf(u' ', 6));
    REQUIRE(words.size() >= 6);
    REQUIRE(w.router().goTo(Target::finding(other->uid, 0, int(words.size()))));
    CHECK(w.key() == NavigatorKey{NavigatorKey::Kind::Question, kCore, kLancs, f->questionCode});
    CHECK(page->currentUid() == other->uid);
    CHECK(page->editor()->textEdit()->textCursor().selectedText() == words);

    // Words past the end of the text: the finding is selected, no words are.
    REQUIRE(w.router().goTo(Target::finding(f->uid, int(f->text.size()) + 40, 5)));
    CHECK(page->currentUid() == f->uid);
    CHECK_FALSE(page->editor()->textEdit()->textCursor().hasSelection());
    CHECK(dirty.isEmpty()); // going somewhere writes nothing
    CHECK(w.errors.isEmpty());
}

TEST_CASE("goTo: a judgment, the figures and the evidence of a force land on their pages",
          "[window][navigation]")
{
    Window w;
    DraftingWorkspace* drafting = w.window.draftingWorkspace();
    REQUIRE(w.router().goTo(Target::judgment(kPeel, kLancs, S("Q1"))));
    CHECK(w.tab() == drafting);
    CHECK(drafting->key() == NavigatorKey{NavigatorKey::Kind::Question, kPeel, kLancs, S("Q1")});
    // The judgment's summary is ready for typing, from wherever the focus was.
    QTextEdit* summary = drafting->questionPage()->judgmentPanel()->summaryEditor()->textEdit();
    w.window.navigatorView()->setFocus();
    REQUIRE(w.router().goTo(Target::judgment(kPeel, kLancs, S("Q1"))));
    CHECK(apptest::eventually([&] { return summary->hasFocus(); }));

    REQUIRE(w.router().goTo(Target::metrics(kPeel, kLancs)));
    CHECK(w.tab() == drafting);
    CHECK(w.key() == NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    CHECK(drafting->forceTabs()->currentWidget() == drafting->metricsPage());

    REQUIRE(w.router().goTo(Target::evidence(kCore, kLancs)));
    CHECK(w.key() == NavigatorKey{NavigatorKey::Kind::Force, kCore, kLancs, {}});
    CHECK(drafting->forceTabs()->currentWidget() == drafting->evidencePage());

    // A problem about a figure goes the same way.
    checks::Problem problem;
    problem.entity = S("metric");
    problem.programme = kPeel;
    problem.force = kLancs;
    Q_EMIT w.window.diagnosticsPane()->problemActivated(problem);
    CHECK(w.key().programme == kPeel);
    CHECK(drafting->forceTabs()->currentWidget() == drafting->metricsPage());
}

TEST_CASE("goTo: a document and a section open in the Documents tab, from any place",
          "[window][navigation]")
{
    Window w;
    DocumentsWorkspace* docs = w.window.documentsWorkspace();
    REQUIRE(w.key().programme == kPeel);
    REQUIRE(w.router().goTo(Target::document(S("lancs-2014-letter"))));
    CHECK(w.tab() == docs);
    CHECK(w.key() == NavigatorKey{NavigatorKey::Kind::Force, kCore, kLancs, {}});
    CHECK(docs->currentDocument() == S("lancs-2014-letter"));

    const QString section = w.firstSection(S("lancs-2015-report"));
    REQUIRE(w.router().goTo(Target::section(S("lancs-2015-report"), section)));
    CHECK(w.key().programme == kPeel);
    CHECK(docs->currentDocument() == S("lancs-2015-report"));
    CHECK(docs->currentSection() == section);

    // A section named without its document (as the checker names it) is found.
    const QString letterSection = w.firstSection(S("lancs-2014-letter"));
    REQUIRE(w.router().goTo(Target::section({}, letterSection)));
    CHECK(docs->currentDocument() == S("lancs-2014-letter"));
    CHECK(docs->currentSection() == letterSection);

    // A search hit in a section goes there too.
    SearchHit hit;
    hit.type = SearchHit::Type::Section;
    hit.key = section;
    hit.documentUid = S("lancs-2015-report");
    hit.programme = kPeel;
    hit.force = kLancs;
    w.window.workTabs()->setCurrentWidget(w.window.detailPane());
    Q_EMIT w.window.searchPane()->hitActivated(hit);
    CHECK(w.tab() == docs);
    CHECK(docs->currentSection() == section);
    CHECK(w.errors.isEmpty());
}

TEST_CASE("goTo: a response of the factual accuracy check opens in the Review tab",
          "[window][navigation]")
{
    Window w;
    ReviewWorkspace* review = w.window.reviewWorkspace();
    REQUIRE(w.router().goTo(Target::place({NavigatorKey::Kind::Force, kPeel, kLancs, {}})));
    w.window.workTabs()->setCurrentWidget(review);
    REQUIRE(review->selectDocument(S("lancs-2015-report")));
    REQUIRE(review->moveTo(S("ready")));
    const QString pack = w.scratch.path(S("pack"));
    REQUIRE(review->sendTo(pack));
    QString formPath;
    for (const QString& f : QDir(pack).entryList(QDir::Files))
        if (f.endsWith(S("response-form.csv")))
            formPath = QDir(pack).filePath(f);
    REQUIRE_FALSE(formPath.isEmpty());
    auto rows = csv::parse(apptest::readFile(formPath), S("form"));
    REQUIRE(rows);
    QList<csv::Row> filled = *rows;
    int answered = 0;
    for (int i = 1; i < filled.size() && answered < 2; ++i)
        if (filled[i].fields[0].startsWith(QLatin1Char('F'))) {
            filled[i].fields[2] = filled[i].fields[1] + S(" Corrected.");
            filled[i].fields[4] = S("factual error");
            ++answered;
        }
    QByteArray bytes;
    for (const csv::Row& r : filled)
        bytes += csv::formatRow(r.fields);
    apptest::writeFile(w.scratch.path(S("answered.csv")), bytes);
    REQUIRE(review->importForm(w.scratch.path(S("answered.csv"))));
    const auto round = ReviewService(*w.window.workbench()).latestRound(S("lancs-2015-report"));
    REQUIRE(round);
    const auto responses = ReviewService(*w.window.workbench()).responses(round->uid);
    REQUIRE(responses.size() == 2);

    // From elsewhere in the window, to the second response.
    REQUIRE(w.router().goTo(Target::overview({NavigatorKey::Kind::Force, kCore, kLancs, {}})));
    REQUIRE(w.router().goTo(Target::response(S("lancs-2015-report"), responses[1].uid)));
    CHECK(w.tab() == review);
    CHECK(w.key().programme == kPeel);
    CHECK(review->currentDocument() == S("lancs-2015-report"));
    CHECK(review->responsesTable()->currentRow() == 1);
    CHECK(review->wordingEdit()->toPlainText().endsWith(S("Corrected.")));
}

TEST_CASE("goTo: a target that does not exist is refused and the view stays as it was",
          "[window][navigation]")
{
    Window w;
    const NavigatorKey question{NavigatorKey::Kind::Question, kCore, kLancs, S("A2")};
    REQUIRE(w.router().goTo(Target::place(question)));
    const QString finding = w.window.draftingWorkspace()->questionPage()->currentUid();
    QWidget* tab = w.tab();
    QSignalSpy refused(&w.router(), &Router::refused);
    const QList<Target> unknown{
        Target{},
        Target::finding(S("no-such-finding")),
        Target::document(S("no-such-document")),
        Target::section(S("lancs-2015-report"), S("no-such-section")),
        Target::section({}, S("no-such-section")),
        Target::response(S("lancs-2015-report"), S("no-such-response")), // no round yet
        Target::place({NavigatorKey::Kind::Programme, S("no-such-programme"), {}, {}}),
        Target::place({NavigatorKey::Kind::Question, kCore, kLancs, S("Z99")}),
        Target::judgment(kPeel, S("no-such-force"), S("Q1")),
        Target::metrics(kPeel, {}),
    };
    for (const Target& t : unknown) {
        INFO(t.describe().toStdString());
        CHECK_FALSE(w.router().goTo(t));
        CHECK(w.key() == question);
        CHECK(w.tab() == tab);
        CHECK(w.window.draftingWorkspace()->questionPage()->currentUid() == finding);
    }
    REQUIRE(refused.count() == unknown.size());
    CHECK(refused.at(1).at(1).toString().contains(S("no-such-finding")));
    CHECK(w.errors.isEmpty()); // refused quietly, in the status bar, not with an error box
}

TEST_CASE("goTo: with no workbench open every target is refused", "[window][navigation]")
{
    MainWindow window;
    CHECK_FALSE(
        window.router()->goTo(Target::place({NavigatorKey::Kind::Force, kPeel, kLancs, {}})));
    CHECK_FALSE(window.router()->goTo(Target::finding(S("lancs-2014-f-13"))));
}

TEST_CASE("Every shortcut of the window is held by one action", "[window][actions]")
{
    Window w;
    INFO(w.window.actions()->clashes().join(S("; ")).toStdString());
    CHECK(w.window.actions()->clashes().isEmpty());
    CHECK(w.window.actions()->action(S("openAction"))->shortcut() == QKeySequence::Open);
    CHECK(w.window.actions()->actions().size() > 25);
}
