// The Review tab driven like a reviewer would: mark the report ready, send the pack, import the
// force's form, then decide a response by editing its wording, typing the reason and clicking
// Accept; a rejection without a reason is refused; notes block sign-off; a published letter
// offers only reopening.
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "app/review/reviewworkspace.h"
#include "app/review/revisionsview.h"
#include "apptest.h"
#include "core/io/csv.h"
#include "core/services/review.h"
#include "core/workbench.h"
#include "demowindow.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

inline std::ostream& operator<<(std::ostream& os, const QString& s)
{
    return os << s.toStdString();
}

using namespace fwb;
using namespace fwb::app;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

struct Window : apptest::DemoWindow {
    Window() : DemoWindow(QSize(1500, 950)) {}
    ReviewWorkspace* open(const QString& programme)
    {
        window.navigatorView()->selectKey(
            NavigatorKey{NavigatorKey::Kind::Force, programme, S("lancashire"), {}});
        window.workTabs()->setCurrentWidget(window.reviewWorkspace());
        return window.reviewWorkspace();
    }
    QPushButton* moveButton(const QString& to)
    {
        QCoreApplication::processEvents();
        for (QPushButton* b : window.reviewWorkspace()->moveButtons())
            if (b->objectName() == S("move-") + to)
                return b;
        return nullptr;
    }
};

} // namespace

TEST_CASE("Review tab: a reviewer sends the report, imports the form and decides a response",
          "[app][review]")
{
    Window w;
    ReviewWorkspace* review = w.open(S("peel-effectiveness-2015"));
    REQUIRE(review->selectDocument(S("lancs-2015-report")));
    CHECK(review->statusLabel()->text().contains(S("Draft")));

    // Mark ready with the button the draft offers.
    QPushButton* ready = w.moveButton(S("ready"));
    REQUIRE(ready);
    QTest::mouseClick(ready, Qt::LeftButton);
    QTRY_VERIFY(review->statusLabel()->text().contains(S("Ready for review")));
    REQUIRE(w.moveButton(S("sent")));
    // The button reads as written, its ellipsis one character, not bytes read as Latin-1 ("â¦").
    CHECK(w.moveButton(S("sent"))->text() ==
          QString::fromUtf8("Send for factual accuracy check\u2026"));

    // Send the pack (the folder dialog is what a person sees; the test names the folder).
    const QString pack = w.scratch.path(S("pack"));
    REQUIRE(review->sendTo(pack));
    QTRY_VERIFY(review->statusLabel()->text().contains(S("Sent for factual accuracy check")));
    QString formPath;
    for (const QString& f : QDir(pack).entryList(QDir::Files))
        if (f.endsWith(S("response-form.csv")))
            formPath = QDir(pack).filePath(f);
    REQUIRE_FALSE(formPath.isEmpty());

    // The force answers two references.
    auto rows = csv::parse(readFile(formPath), S("form"));
    REQUIRE(rows);
    QList<csv::Row> filled = *rows;
    int first = -1, second = -1;
    for (int i = 1; i < filled.size() && second < 0; ++i)
        if (filled[i].fields[0].startsWith(QLatin1Char('F')))
            (first < 0 ? first : second) = i;
    REQUIRE(second > 0);
    filled[first].fields[2] = filled[first].fields[1] + S(" It did so in 2015.");
    filled[first].fields[4] = S("factual error");
    filled[second].fields[2] = S("Remove this finding.");
    filled[second].fields[3] = S("Our own audit");
    filled[second].fields[4] = S("challenge to judgment");
    QByteArray bytes;
    for (const csv::Row& r : filled)
        bytes += csv::formatRow(r.fields);
    writeFile(w.scratch.path(S("answered.csv")), bytes);
    REQUIRE(review->importForm(w.scratch.path(S("answered.csv"))));
    QTRY_COMPARE(review->responsesTable()->rowCount(), 2);
    CHECK(review->progressLabel()->text() == S("0 of 2 decided"));
    CHECK(review->statusLabel()->text().contains(S("Responses received")));

    // The first response is in hand: the proposal shows as tracked changes, the wording is
    // editable.
    REQUIRE(review->selectResponse(0));
    CHECK(review->proposalView()->toHtml().contains(S("It did so in 2015.")));
    CHECK(review->wordingEdit()->toPlainText().endsWith(S("It did so in 2015.")));
    const QString findingUid = [&] {
        const auto round = ReviewService(*w.window.workbench()).latestRound(S("lancs-2015-report"));
        for (const ReviewItem& i : round->items)
            if (i.reference == filled[first].fields[0])
                return i.target.mid(8);
        return QString();
    }();
    REQUIRE_FALSE(findingUid.isEmpty());

    // Edit the wording, give the reason, accept.
    review->wordingEdit()->setFocus();
    review->wordingEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(review->wordingEdit(), S(" (Confirmed.)"));
    QTest::mouseClick(review->reasonEdit(), Qt::LeftButton);
    QTest::keyClicks(review->reasonEdit(), S("The force's records confirm the date."));
    QTest::mouseClick(review->acceptButton(), Qt::LeftButton);
    QTRY_COMPARE(review->progressLabel()->text(), S("1 of 2 decided"));
    const auto finding = w.window.workbench()->drafts().finding(findingUid);
    REQUIRE(finding);
    CHECK(finding->text.endsWith(S("It did so in 2015. (Confirmed.)")));
    CHECK(review->responsesTable()->item(0, 3)->text() == S("Accepted"));
    CHECK(ReviewService(*w.window.workbench()).revisions(S("finding:") + findingUid).size() == 2);
    // The next response to decide is now in hand.
    CHECK(review->responsesTable()->currentRow() == 1);
    // Back on the first, its text's revisions compare as tracked changes.
    REQUIRE(review->selectResponse(0));
    REQUIRE(review->revisionsView()->fromBox()->count() == 2);
    review->revisionsView()->compare(1, 2);
    CHECK(review->revisionsView()->view()->toHtml().contains(S("(Confirmed.)")));
    CHECK(review->revisionsView()->view()->toHtml().contains(S("#1e6b34")));
    REQUIRE(review->revisionsView()->exportPdf(w.scratch.path(S("revisions.pdf"))));
    CHECK(readFile(w.scratch.path(S("revisions.pdf"))).startsWith("%PDF"));
    REQUIRE(review->selectResponse(1));

    // Rejecting without a reason is refused and says why; with one it is recorded.
    QTest::mouseClick(review->rejectButton(), Qt::LeftButton);
    REQUIRE_FALSE(w.errors.isEmpty());
    CHECK(w.errors.last().contains(S("needs a reason")));
    CHECK(review->progressLabel()->text() == S("1 of 2 decided"));
    QTest::keyClicks(review->reasonEdit(), S("The evidence does not support removing it."));
    QTest::mouseClick(review->rejectButton(), Qt::LeftButton);
    QTRY_COMPARE(review->progressLabel()->text(), S("2 of 2 decided"));
    CHECK_FALSE(review->acceptButton()->isEnabled()); // a decided response cannot be decided again

    // The changes since sent show the accepted wording.
    CHECK(review->changesView()->toPlainText().contains(S("(Confirmed.)")));

    // Close the round; sign-off waits for the open note.
    QPushButton* close = w.moveButton(S("amended"));
    REQUIRE(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(review->statusLabel()->text().contains(S("Amended")));
    REQUIRE(review->addNote(S("document:lancs-2015-report"), S("Check the figures once more.")));
    QTRY_COMPARE(review->notesList()->topLevelItemCount(), 1);
    QPushButton* signOff = w.moveButton(S("final"));
    REQUIRE(signOff);
    // Offered, but disabled, with the reason in its tooltip; asked anyway, the review refuses.
    CHECK_FALSE(signOff->isEnabled());
    CHECK(signOff->toolTip().contains(S("review note(s) are open")));
    CHECK_FALSE(review->moveTo(S("final")));
    CHECK(w.errors.last().contains(S("review note(s) are open")));
    CHECK(review->historyList()->topLevelItemCount() == 4); // ready, sent, responded, amended

    // Both records can be exported.
    REQUIRE(review->exportRecord(w.scratch.path(S("record.pdf"))));
    CHECK(readFile(w.scratch.path(S("record.pdf"))).startsWith("%PDF"));
    REQUIRE(review->exportChanges(w.scratch.path(S("changes.pdf"))));
    CHECK(readFile(w.scratch.path(S("changes.pdf"))).startsWith("%PDF"));
}

TEST_CASE("Review tab: a published letter offers only reopening", "[app][review]")
{
    Window w;
    ReviewWorkspace* review = w.open(S("core-business-2014"));
    REQUIRE(review->selectDocument(S("lancs-2014-letter")));
    CHECK(review->statusLabel()->text().contains(S("Published")));
    QCoreApplication::processEvents();
    REQUIRE(review->moveButtons().size() == 1);
    CHECK(review->moveButtons().first()->objectName() == S("move-amended"));
    CHECK(review->moveButtons().first()->text().startsWith(S("Reopen")));
    CHECK_FALSE(review->moveTo(S("amended"))); // without a reason
    REQUIRE(review->moveTo(S("amended"), S("A date to correct.")));
    QTRY_VERIFY(review->statusLabel()->text().contains(S("Amended")));
    // Changed while another tab is on show, the tab is brought up to date when it is shown again.
    w.window.workTabs()->setCurrentIndex(0);
    REQUIRE(ReviewService(*w.window.workbench())
                .addNote(S("document:lancs-2014-letter"), S("Check the date.")));
    QCoreApplication::processEvents();
    CHECK(review->notesList()->topLevelItemCount() == 0);
    w.window.workTabs()->setCurrentWidget(review);
    QTRY_COMPARE(review->notesList()->topLevelItemCount(), 1);
}

TEST_CASE("Review tab: an error box shown from a move button's click does not pull the button from "
          "under it",
          "[app][review]")
{
    apptest::Scratch scratch;
    auto wb = Workbench::open(scratch.createFile(S("demo.fwb")));
    REQUIRE(wb);
    QStringList errors;
    // Like a message box: the error is shown while the event loop runs.
    ReviewWorkspace review([&](const QString&, const QString& message) {
        errors << message;
        QTest::qWait(50);
    });
    review.setWorkbench(wb->get());
    review.showPlace(S("peel-effectiveness-2015"), S("lancashire"));
    REQUIRE(review.selectDocument(S("lancs-2015-report")));
    review.show();
    QCoreApplication::processEvents();
    QPushButton* ready = nullptr;
    for (QPushButton* b : review.moveButtons())
        if (b->objectName() == S("move-ready"))
            ready = b;
    REQUIRE(ready);
    REQUIRE(ready->isEnabled());
    // Behind the window's back the document moves on, so the click's move is refused.
    Document d = *(*wb)->documents().document(S("lancs-2015-report"));
    d.sections.clear();
    d.status = S("final");
    REQUIRE((*wb)->documents().updateParticulars(d));
    (*wb)->notifyChanged(
        ChangeSet{{EntityKind::Document, ChangeOp::Changed, {d.uid}, {}, {}, false}});
    QTest::mouseClick(ready, Qt::LeftButton);
    REQUIRE(errors.size() == 1);
    CHECK(errors.first().contains(S("cannot go to")));
    QTRY_VERIFY(review.statusLabel()->text().contains(S("Final")));
}