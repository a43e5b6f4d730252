// Typing that goes on without a pause is saved while it goes on, in every editor of the window:
// a letter every 50 ms for 2.5 s, and the workbench already holds most of it after 1.5 s. The
// saves leave the editor alone: the caret stays where the person types, nothing typed is lost or
// doubled, and the editor's own undo still has the typing.

#include "app/documents/documentsworkspace.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/evidencepage.h"
#include "app/drafting/findingsmodel.h"
#include "app/drafting/judgmentpanel.h"
#include "app/drafting/markdownedit.h"
#include "app/drafting/questionpage.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "core/services/documents.h"
#include "demowindow.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>
#include <QUndoStack>
#include <functional>

using namespace fwb;
using namespace fwb::app;

namespace {

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kLancs = QStringLiteral("lancashire");

QString letters(int n)
{
    QString out;
    for (int i = 0; i < n; ++i)
        out += QLatin1Char(char('a' + i % 26));
    return out;
}

// Types a letter every 50 ms for 2.5 s into `widget` and returns what `stored` held after 1.5 s.
QString typeWithoutPause(QWidget* widget, const std::function<QString()>& stored, int* typed)
{
    QElapsedTimer clock;
    clock.start();
    QString at1500;
    bool checked = false;
    *typed = 0;
    while (clock.elapsed() < 2500) {
        QTest::keyClick(widget, char('a' + *typed % 26));
        ++*typed;
        QTest::qWait(50);
        if (!checked && clock.elapsed() >= 1500) {
            at1500 = stored();
            checked = true;
        }
    }
    return at1500;
}

// How many typed letters `text` holds after `original`.
int held(const QString& text, const QString& original)
{
    if (!text.startsWith(original))
        return -1;
    const QString tail = text.mid(original.size());
    return tail == letters(int(tail.size())) ? int(tail.size()) : -1;
}

struct Window : apptest::DemoWindow {
    Window() : DemoWindow(QSize(1400, 900)) {}
    QuestionPage* question(const QString& code)
    {
        window.navigatorView()->selectKey(
            NavigatorKey{NavigatorKey::Kind::Question, kPeel, kLancs, code});
        window.workTabs()->setCurrentWidget(window.draftingWorkspace());
        return window.draftingWorkspace()->questionPage();
    }
};

void checkEditorKept(QTextEdit* edit, const QString& original, int typed)
{
    // Everything typed is in the editor once, in order, with the caret after it.
    CHECK(held(MarkdownEdit::toMarkdown(*edit->document()), original) == typed);
    CHECK(edit->textCursor().position() == edit->document()->characterCount() - 1);
    CHECK(edit->document()->isUndoAvailable());
}

} // namespace

TEST_CASE("Typing a finding without a pause is saved while it goes on, and the editor keeps its "
          "caret and undo",
          "[window][typing]")
{
    Window w;
    QuestionPage* page = w.question(QStringLiteral("Q2.1"));
    REQUIRE(page->model()->rowCount() > 0);
    const QString uid = page->currentUid();
    REQUIRE_FALSE(uid.isEmpty());
    QTextEdit* edit = page->editor()->textEdit();
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    const QString original = page->editor()->markdown();
    const int steps = w.window.undoStack()->count();
    int typed = 0;
    const QString early = typeWithoutPause(
        edit, [&] { return w.window.workbench()->drafts().finding(uid)->text; }, &typed);
    INFO("held after 1.5 s: " << held(early, original) << " of about 30 typed");
    CHECK(held(early, original) >= 10);
    checkEditorKept(edit, original, typed);
    REQUIRE(apptest::eventually([&] {
        return held(w.window.workbench()->drafts().finding(uid)->text, original) == typed;
    }));
    // The saves of one stretch of typing are one undo step.
    CHECK(w.window.undoStack()->count() == steps + 1);
    w.window.undoAction()->trigger();
    CHECK(w.window.workbench()->drafts().finding(uid)->text == original);
    CHECK(w.errors.isEmpty());
}

TEST_CASE("Typing a new finding without a pause adds it while typing goes on", "[window][typing]")
{
    Window w;
    QuestionPage* page = w.question(QStringLiteral("Q2.1"));
    const int before =
        int(w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q2.1")).size());
    page->startNewFinding();
    QTextEdit* edit = page->editor()->textEdit();
    int typed = 0;
    const QString early = typeWithoutPause(
        edit,
        [&] {
            const auto all =
                w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q2.1"));
            return all.size() > before ? QString::number(all.size()) : QString();
        },
        &typed);
    CHECK(early == QString::number(before + 1));
    checkEditorKept(edit, QString(), typed);
    REQUIRE(apptest::eventually([&] {
        const auto f = w.window.workbench()->drafts().finding(page->currentUid());
        return f && f->text == letters(typed);
    }));
    CHECK(w.window.workbench()->drafts().findings(kPeel, kLancs, QStringLiteral("Q2.1")).size() ==
          before + 1);
}

TEST_CASE("Typing a judgment summary without a pause is saved while it goes on", "[window][typing]")
{
    Window w;
    QString code;
    for (const Question& q : w.window.workbench()->reference().questionsFlat(kPeel))
        if (q.graded && w.window.workbench()->drafts().judgment(kPeel, kLancs, q.code) &&
            code.isEmpty())
            code = q.code;
    REQUIRE_FALSE(code.isEmpty());
    QuestionPage* page = w.question(code);
    MarkdownEdit* summary = page->judgmentPanel()->summaryEditor();
    QTextEdit* edit = summary->textEdit();
    REQUIRE_FALSE(edit->isReadOnly());
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    const QString original = summary->markdown();
    auto stored = [&] {
        return w.window.workbench()->drafts().judgment(kPeel, kLancs, code)->summary;
    };
    int typed = 0;
    const QString early = typeWithoutPause(edit, stored, &typed);
    INFO("held after 1.5 s: " << held(early, original));
    CHECK(held(early, original) >= 10);
    checkEditorKept(edit, original, typed);
    REQUIRE(apptest::eventually([&] { return held(stored(), original) == typed; }));
    CHECK(w.errors.isEmpty());
}

TEST_CASE("Typing a document section without a pause is saved while it goes on", "[window][typing]")
{
    Window w;
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    DocumentsWorkspace* docs = w.window.documentsWorkspace();
    w.window.workTabs()->setCurrentWidget(docs);
    const QString document = docs->currentDocument();
    REQUIRE_FALSE(document.isEmpty());
    QString section;
    for (QTreeWidgetItemIterator it(docs->outline()); *it && section.isEmpty(); ++it)
        if ((*it)->text(0) == QStringLiteral("Introduction"))
            section = (*it)->data(0, Qt::UserRole + 1).toString();
    REQUIRE(docs->selectSection(section));
    QTextEdit* edit = docs->bodyEditor()->textEdit();
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    const QString original = docs->bodyEditor()->markdown();
    auto stored = [&] {
        const auto d = w.window.workbench()->documents().document(document);
        return findSection(d->sections, section)->body;
    };
    int typed = 0;
    const QString early = typeWithoutPause(edit, stored, &typed);
    INFO("held after 1.5 s: " << held(early, original));
    CHECK(held(early, original) >= 10);
    checkEditorKept(edit, original, typed);
    REQUIRE(apptest::eventually([&] { return held(stored(), original) == typed; }));
    CHECK(w.errors.isEmpty());
}

TEST_CASE("Typing an evidence sample without a pause is saved while it goes on, and the form keeps "
          "what is typed",
          "[window][typing]")
{
    Window w;
    w.window.navigatorView()->selectKey(NavigatorKey{NavigatorKey::Kind::Force, kPeel, kLancs, {}});
    w.window.workTabs()->setCurrentWidget(w.window.draftingWorkspace());
    EvidencePage* page = w.window.draftingWorkspace()->evidencePage();
    REQUIRE(page->samplesTable()->rowCount() >= 1);
    page->samplesTable()->setCurrentCell(0, 0);
    const QString uid = page->currentUid();
    auto stored = [&] { return w.window.workbench()->drafts().evidenceSample(uid); };

    SECTION("the label")
    {
        QLineEdit* label = page->labelEdit();
        label->setFocus();
        label->end(false);
        const QString original = label->text();
        int typed = 0;
        const QString early = typeWithoutPause(
            label, [&] { return stored()->label; }, &typed);
        INFO("held after 1.5 s: " << held(early, original));
        CHECK(held(early, original) >= 10);
        CHECK(label->text() == original + letters(typed));
        CHECK(label->cursorPosition() == label->text().size());
        CHECK(label->isUndoAvailable());
        REQUIRE(apptest::eventually([&] { return stored()->label == original + letters(typed); }));

        // A pause after a space: the stored label is trimmed, the field keeps the space and the
        // caret, so the next word is not glued to the last.
        QTest::keyClicks(label, QStringLiteral(" x "));
        QTest::qWait(kSaveDelayMs + 300);
        CHECK(stored()->label == original + letters(typed) + QStringLiteral(" x"));
        QTest::keyClicks(label, QStringLiteral("y"));
        CHECK(label->text() == original + letters(typed) + QStringLiteral(" x y"));
        REQUIRE(apptest::eventually(
            [&] { return stored()->label == original + letters(typed) + QStringLiteral(" x y"); }));
    }
    SECTION("the description")
    {
        auto* description = page->findChild<QPlainTextEdit*>();
        REQUIRE(description);
        description->setFocus();
        description->moveCursor(QTextCursor::End);
        const QString original = description->toPlainText().trimmed();
        description->setPlainText(original); // no trailing space to trim
        description->moveCursor(QTextCursor::End);
        QTest::qWait(kSaveDelayMs + 300);
        int typed = 0;
        const QString early = typeWithoutPause(
            description, [&] { return stored()->description; }, &typed);
        INFO("held after 1.5 s: " << held(early, original));
        CHECK(held(early, original) >= 10);
        // The caret did not jump to the start at a save.
        CHECK(description->toPlainText() == original + letters(typed));
        CHECK(description->textCursor().position() == description->toPlainText().size());
        REQUIRE(apptest::eventually(
            [&] { return stored()->description == original + letters(typed); }));
    }
    CHECK(w.errors.isEmpty());
}
