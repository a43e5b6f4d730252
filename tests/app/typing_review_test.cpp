// Text typed before an explicit act — the wording and reason of a decision before Accept, a note
// before OK — is kept as a draft while it is typed: a reload, a click on another response or a
// crash does not lose it, and it is offered again where it was typed until the act is done.

#include "app/drafting/savescheduler.h"
#include "app/drafting/typingdrafts.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "app/review/reviewnote.h"
#include "app/review/reviewworkspace.h"
#include "apptest.h"
#include "core/io/csv.h"
#include "core/services/review.h"
#include "core/workbench.h"
#include "demowindow.h"

#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace fwb;
using namespace fwb::app;

namespace {

QString S(const char* s)
{
    return QString::fromUtf8(s);
}

struct Window : apptest::DemoWindow {
    Window() : DemoWindow(QSize(1500, 950)) {}
    ReviewWorkspace* open()
    {
        window.navigatorView()->selectKey(NavigatorKey{
            NavigatorKey::Kind::Force, S("peel-effectiveness-2015"), S("lancashire"), {}});
        window.workTabs()->setCurrentWidget(window.reviewWorkspace());
        return window.reviewWorkspace();
    }
    // The report sent, and the force's answers to two findings imported.
    ReviewWorkspace* withResponses()
    {
        ReviewWorkspace* review = open();
        REQUIRE(review->selectDocument(S("lancs-2015-report")));
        REQUIRE(review->moveTo(S("ready")));
        const QString pack = scratch.path(S("pack"));
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
                filled[i].fields[2] = filled[i].fields[1] + S(" It did so in 2015.");
                filled[i].fields[4] = S("factual error");
                ++answered;
            }
        QByteArray bytes;
        for (const csv::Row& r : filled)
            bytes += csv::formatRow(r.fields);
        apptest::writeFile(scratch.path(S("answered.csv")), bytes);
        REQUIRE(review->importForm(scratch.path(S("answered.csv"))));
        REQUIRE(apptest::eventually([&] { return review->responsesTable()->rowCount() == 2; }));
        return review;
    }
};

QString responseUid(Window& w, int row)
{
    const auto round = ReviewService(*w.window.workbench()).latestRound(S("lancs-2015-report"));
    REQUIRE(round);
    const auto responses = ReviewService(*w.window.workbench()).responses(round->uid);
    REQUIRE(row < responses.size());
    return responses[row].uid;
}

} // namespace

TEST_CASE("The wording and reason typed before a decision survive a reload, another response and "
          "reopening",
          "[window][typing][review]")
{
    Window w;
    ReviewWorkspace* review = w.withResponses();
    REQUIRE(review->selectResponse(0));
    const QString uid = responseUid(w, review->responsesTable()->currentRow());
    const QString proposal = review->wordingEdit()->toPlainText();
    QPlainTextEdit* wording = review->wordingEdit();
    wording->setFocus();
    wording->moveCursor(QTextCursor::End);
    QTest::keyClicks(wording, S(" (Checked.)"));
    QTest::keyClicks(review->reasonEdit(), S("Records confirm"));
    const TypingDrafts drafts;
    const QString path = w.window.workbench()->path();
    // Kept as it is typed, without any act of the person's.
    REQUIRE(apptest::eventually(
        [&] { return drafts.text(path, S("decision:") + uid).value(1) == S("Records confirm"); },
        kSaveMaxWaitMs + 1000));
    CHECK(drafts.text(path, S("decision:") + uid).value(0) == proposal + S(" (Checked.)"));

    // A reload (the workbench changed) leaves the form as typed, caret included.
    wording->setFocus();
    const int caret = wording->textCursor().position();
    review->reload();
    CHECK(wording->toPlainText() == proposal + S(" (Checked.)"));
    CHECK(wording->textCursor().position() == caret);
    CHECK(review->reasonEdit()->text() == S("Records confirm"));

    // Another response and back: the typing is still there.
    REQUIRE(review->selectResponse(1));
    CHECK(review->reasonEdit()->text().isEmpty());
    REQUIRE(review->selectResponse(0));
    CHECK(wording->toPlainText() == proposal + S(" (Checked.)"));
    CHECK(review->reasonEdit()->text() == S("Records confirm"));

    // The workbench opened again (as after a crash): the draft is offered where it was typed.
    REQUIRE(w.window.openWorkbench(w.path));
    review = w.open();
    REQUIRE(review->selectDocument(S("lancs-2015-report")));
    REQUIRE(apptest::eventually([&] { return review->responsesTable()->rowCount() == 2; }));
    REQUIRE(review->selectResponse(0));
    CHECK(review->wordingEdit()->toPlainText() == proposal + S(" (Checked.)"));
    CHECK(review->reasonEdit()->text() == S("Records confirm"));

    // Decided: the draft is gone, and the decision holds what was typed.
    QTest::mouseClick(review->acceptButton(), Qt::LeftButton);
    REQUIRE(apptest::eventually(
        [&] { return review->progressLabel()->text() == S("1 of 2 decided"); }));
    CHECK_FALSE(drafts.has(path, S("decision:") + uid));
    const auto round = ReviewService(*w.window.workbench()).latestRound(S("lancs-2015-report"));
    for (const FaResponse& r : ReviewService(*w.window.workbench()).responses(round->uid))
        if (r.uid == uid) {
            CHECK(r.reason == S("Records confirm"));
            CHECK(r.wording == proposal + S(" (Checked.)"));
        }
    CHECK(w.errors.isEmpty());
}

TEST_CASE("A note typed in its dialog is kept while it is typed, offered again, and removed once "
          "added or cancelled",
          "[window][typing][review]")
{
    apptest::Scratch scratch;
    const QString workbench = scratch.path(S("notes.fwb"));
    const QString key = S("note:finding:F1");
    const TypingDrafts drafts;
    drafts.remove(workbench, key);
    QWidget parent;

    // Typing without OK: kept by the deadline while the dialog is open; Cancel removes it.
    bool seenWhileOpen = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        auto* edit = dialog ? dialog->findChild<QPlainTextEdit*>() : nullptr;
        if (!edit) { // no exception through the dialog's event loop: the checks below fail instead
            if (dialog)
                dialog->reject();
            return;
        }
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < kSaveMaxWaitMs + 300) { // without a pause long enough to rest
            QTest::keyClick(edit, 'n');
            QTest::qWait(50);
        }
        seenWhileOpen = drafts.text(workbench, key).value(0).startsWith(S("nnnnnnnnnn"));
        dialog->reject();
    });
    bool acted = false;
    CHECK_FALSE(
        askForText(&parent, workbench, key, S("Add Review Note"), S("Note:"), [&](const QString&) {
            acted = true;
            return true;
        }));
    CHECK(seenWhileOpen);
    CHECK_FALSE(acted);
    CHECK_FALSE(drafts.has(workbench, key));

    // A draft left by a crash is offered again; when the act fails it is kept, once done removed.
    drafts.keep(workbench, key, {S("Check the date of the audit.")});
    QString offered;
    auto acceptDialog = [&] {
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            offered = dialog->textValue();
            dialog->accept();
        });
    };
    acceptDialog();
    CHECK_FALSE(askForText(&parent, workbench, key, S("Add Review Note"), S("Note:"),
                           [](const QString&) { return false; }));
    CHECK(offered == S("Check the date of the audit."));
    CHECK(drafts.text(workbench, key) == QStringList{S("Check the date of the audit.")});
    QString added;
    acceptDialog();
    CHECK(askForText(&parent, workbench, key, S("Add Review Note"), S("Note:"),
                     [&](const QString& text) {
                         added = text;
                         return true;
                     }));
    CHECK(added == S("Check the date of the audit."));
    CHECK_FALSE(drafts.has(workbench, key));
}
