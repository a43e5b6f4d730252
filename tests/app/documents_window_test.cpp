// The Documents tab driven like a person would: typing into a narrative section and seeing the
// preview change, adding, moving, nesting and removing sections with undo, creating a letter from
// the template, printing to a PDF and exporting every force's documents.

#include "app/documents/batchexportdialog.h"
#include "app/documents/documentsworkspace.h"
#include "app/drafting/draftingworkspace.h"
#include "app/drafting/markdownedit.h"
#include "app/mainwindow.h"
#include "app/panes/navigatorview.h"
#include "apptest.h"
#include "demowindow.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPrinter>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

inline std::ostream& operator<<(std::ostream& os, const QString& s)
{
    return os << s.toStdString();
}

using namespace fwb;
using namespace fwb::app;

namespace {

const QString kPeel = QStringLiteral("peel-effectiveness-2015");
const QString kCore = QStringLiteral("core-business-2014");
const QString kLancs = QStringLiteral("lancashire");

struct Window : apptest::DemoWindow {
    Window() : DemoWindow(QSize(1500, 950)) {}
    DocumentsWorkspace* open(const QString& programme, const QString& force = kLancs)
    {
        window.navigatorView()->selectKey(
            NavigatorKey{NavigatorKey::Kind::Force, programme, force, {}});
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("workTabs"));
        tabs->setCurrentWidget(window.documentsWorkspace());
        return window.documentsWorkspace();
    }
    QStringList topLevel() const
    {
        QStringList out;
        QTreeWidget* t = window.documentsWorkspace()->outline();
        for (int i = 0; i < t->topLevelItemCount(); ++i)
            out << t->topLevelItem(i)->text(0);
        return out;
    }
};

QTreeWidgetItem* itemTitled(QTreeWidget* tree, const QString& text)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->text(0) == text)
            return *it;
    return nullptr;
}

} // namespace

TEST_CASE(
    "Documents tab: typing in a narrative section changes the preview, and Undo takes it back",
    "[app][documents]")
{
    Window w;
    DocumentsWorkspace* docs = w.open(kPeel);
    REQUIRE(docs->currentDocument() == QStringLiteral("lancs-2015-report"));
    REQUIRE(apptest::eventually([&] {
        return docs->preview()->document()->toPlainText().contains(QStringLiteral("Annex A"));
    }));
    QTreeWidgetItem* intro = itemTitled(docs->outline(), QStringLiteral("Introduction"));
    REQUIRE(intro);
    const QString introUid =
        intro->data(0, Qt::UserRole + 1).toString(); // items are rebuilt on every change
    docs->outline()->setCurrentItem(intro);
    CHECK(docs->titleEdit()->text() == QStringLiteral("Introduction"));
    QTextEdit* edit = docs->bodyEditor()->textEdit();
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("Inspectors also visited three custody suites."));
    // Saved after a short rest, and the preview shows it.
    REQUIRE(apptest::eventually([&] {
        return docs->preview()->document()->toPlainText().contains(
            QStringLiteral("Inspectors also visited three custody suites."));
    }));
    auto stored = [&] {
        const auto d =
            w.window.workbench()->documents().document(QStringLiteral("lancs-2015-report"));
        return findSection(d->sections, introUid)->body;
    };
    CHECK(stored().contains(QStringLiteral("Inspectors also visited three custody suites.")));
    // The preview follows the section being edited: the Introduction is in view.
    const QTextBrowser* preview = docs->preview();
    const QTextCursor shown =
        preview->document()->find(QStringLiteral("The public expects their local police force to"));
    REQUIRE_FALSE(shown.isNull());
    const QRect where = preview->cursorRect(shown); // in the viewport's coordinates
    CHECK(where.top() >= 0);
    CHECK(where.top() < preview->viewport()->height());

    w.window.findChild<QUndoStack*>(QStringLiteral("undoStack"))->undo();
    REQUIRE(
        apptest::eventually([&] { return !stored().contains(QStringLiteral("custody suites")); }));
    REQUIRE(apptest::eventually([&] {
        return !docs->preview()->document()->toPlainText().contains(
            QStringLiteral("custody suites"));
    }));
    CHECK(w.errors.isEmpty());
}

TEST_CASE("Documents tab: sections are added, moved, nested and removed, each step undoable",
          "[app][documents]")
{
    Window w;
    DocumentsWorkspace* docs = w.open(kPeel);
    QUndoStack* undo = w.window.findChild<QUndoStack*>(QStringLiteral("undoStack"));
    const QStringList before = w.topLevel();
    REQUIRE(before.size() >= 8);
    docs->outline()->setCurrentItem(
        itemTitled(docs->outline(), QStringLiteral("Force in numbers")));
    docs->addSection(QStringLiteral("narrative"));
    const QString added = docs->currentSection();
    REQUIRE_FALSE(added.isEmpty());
    CHECK(w.topLevel().size() == before.size() + 1);
    CHECK(w.topLevel().at(3) == QStringLiteral("New section")); // after Force in numbers
    QTest::keyClick(docs->titleEdit(),
                    Qt::Key_End); // the new heading is selected, ready to be replaced
    QTest::keyClicks(docs->titleEdit(), QStringLiteral(" on custody"));
    docs->flush();
    CHECK(w.topLevel().at(3) == QStringLiteral("New section on custody"));

    docs->moveSection(1); // below the Introduction
    CHECK(w.topLevel().at(4) == QStringLiteral("New section on custody"));
    docs->indentSection(true); // under the Introduction
    CHECK(w.topLevel().size() == before.size());
    QTreeWidgetItem* item = docs->outline()->currentItem();
    REQUIRE(item->parent());
    CHECK(item->parent()->text(0) == QStringLiteral("Introduction"));
    docs->indentSection(false);
    CHECK(w.topLevel().at(4) == QStringLiteral("New section on custody"));
    docs->removeSection();
    CHECK(w.topLevel() == before);

    // Undo all the way back through the removal, the moves and the typing.
    undo->undo();
    CHECK(w.topLevel().contains(QStringLiteral("New section on custody")));
    while (undo->canUndo() && w.topLevel().contains(QStringLiteral("New section on custody")) &&
           undo->index() > 0)
        undo->undo();
    CHECK(w.topLevel() == before);
    CHECK(w.errors.isEmpty());
}

TEST_CASE(
    "Documents tab: a force without documents offers the templates, a new letter is built from one",
    "[app][documents]")
{
    Window w;
    // Kent has no material in the demo: it is listed once all forces are shown.
    for (QAction* a : w.window.findChildren<QAction*>())
        if (a->text() == QStringLiteral("Show &All Forces"))
            a->setChecked(true);
    DocumentsWorkspace* docs = w.open(kCore, QStringLiteral("kent"));
    REQUIRE(w.window.navigatorView()->currentKey().force == QStringLiteral("kent"));
    CHECK(docs->currentDocument().isEmpty());
    CHECK(docs->documentBox()->count() == 0);
    docs->createDocument(QStringLiteral("letter"));
    REQUIRE_FALSE(docs->currentDocument().isEmpty());
    CHECK(w.topLevel().contains(QStringLiteral("Preventing crime")));
    REQUIRE(apptest::eventually([&] {
        return docs->preview()->document()->toPlainText().contains(
            QStringLiteral("Yours sincerely"));
    }));
    // A bound section shows its data and offers to edit it in the Draft tab.
    docs->outline()->setCurrentItem(
        itemTitled(docs->outline(), QStringLiteral("Preventing crime")));
    CHECK(docs->dataView()->isVisible());
    INFO(docs->dataView()->toPlainText().toStdString()
         << " / current " << docs->currentSection().toStdString());
    CHECK(docs->dataView()->toPlainText().contains(QStringLiteral("No findings are recorded")));
    Q_EMIT docs->editQuestionRequested(kCore, QStringLiteral("kent"), QStringLiteral("A1"));
    CHECK(w.window.findChild<QTabWidget*>(QStringLiteral("workTabs"))->currentWidget() ==
          w.window.draftingWorkspace());
    CHECK(w.window.draftingWorkspace()->key().question == QStringLiteral("A1"));
    // Undo removes the letter again.
    w.window.findChild<QUndoStack*>(QStringLiteral("undoStack"))->undo();
    CHECK(w.window.workbench()->documents().documents(kCore, QStringLiteral("kent")).isEmpty());
}

TEST_CASE("Documents tab: print to PDF, export the document and every force's", "[app][documents]")
{
    Window w;
    DocumentsWorkspace* docs = w.open(kCore);
    REQUIRE(docs->currentDocument() == QStringLiteral("lancs-2014-letter"));
    const QString pdf = w.scratch.path(QStringLiteral("printed.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(pdf);
    CHECK(docs->printTo(&printer) >= 3);
    CHECK(apptest::readFile(pdf).startsWith("%PDF"));

    const QString md = w.scratch.path(QStringLiteral("letter.md"));
    REQUIRE(docs->exportTo(md));
    CHECK(apptest::readFile(md).contains("Dear Steve"));
    REQUIRE(docs->exportTo(w.scratch.path(QStringLiteral("letter.docx"))));
    CHECK(apptest::readFile(w.scratch.path(QStringLiteral("letter.docx"))).startsWith("PK"));
    CHECK_FALSE(docs->exportTo(w.scratch.path(QStringLiteral("letter.rtf"))));

    BatchExportDialog dialog(*w.window.workbench(), kCore, QStringLiteral("letter"), &w.window);
    dialog.setFolder(w.scratch.path(QStringLiteral("letters")));
    dialog.setFormat(QStringLiteral("html"));
    CHECK(dialog.exportAll() == 1);
    CHECK(QDir(w.scratch.path(QStringLiteral("letters"))).entryList(QDir::Files) ==
          QStringList{QStringLiteral("lancashire-core-business-2014-letter.html")});
    CHECK(dialog.summary().contains(QStringLiteral("1 of 1 written")));
}

TEST_CASE("Documents tab: typing is saved to the section it was typed in, keeps its caret, and "
          "undoes in one step",
          "[app][documents]")
{
    Window w;
    DocumentsWorkspace* docs = w.open(kPeel);
    QUndoStack* undo = w.window.findChild<QUndoStack*>(QStringLiteral("undoStack"));
    auto section = [&](const QString& uid) {
        return *findSection(w.window.workbench()
                                ->documents()
                                .document(QStringLiteral("lancs-2015-report"))
                                ->sections,
                            uid);
    };
    // A heading typed, then straight to another section before the save: each keeps its own.
    docs->outline()->setCurrentItem(
        itemTitled(docs->outline(), QStringLiteral("Force in numbers")));
    const QString first = docs->currentSection();
    docs->titleEdit()->setFocus();
    QTest::keyClick(docs->titleEdit(), Qt::Key_End);
    QTest::keyClicks(docs->titleEdit(), QStringLiteral(" at a glance"));
    docs->outline()->setCurrentItem(itemTitled(docs->outline(), QStringLiteral("Introduction")));
    const QString second = docs->currentSection();
    CHECK(section(first).title == QStringLiteral("Force in numbers at a glance"));
    CHECK(section(second).title == QStringLiteral("Introduction"));

    // Typing in the middle of the text, a pause long enough to save, more typing: the caret stays.
    QTextEdit* edit = docs->bodyEditor()->textEdit();
    edit->setFocus();
    QTextCursor c = edit->textCursor();
    c.movePosition(QTextCursor::Start);
    edit->setTextCursor(c);
    const int steps = undo->index();
    QTest::keyClicks(edit, QStringLiteral("In short: "));
    REQUIRE(apptest::eventually(
        [&] { return section(second).body.startsWith(QStringLiteral("In short: ")); }));
    QTest::keyClicks(edit, QStringLiteral("effective. "));
    REQUIRE(apptest::eventually(
        [&] { return section(second).body.startsWith(QStringLiteral("In short: effective. ")); }));
    CHECK(edit->textCursor().position() == QStringLiteral("In short: effective. ").size());
    CHECK(undo->index() == steps + 1); // one stretch of typing, one step
    undo->undo();
    REQUIRE(apptest::eventually(
        [&] { return !section(second).body.startsWith(QStringLiteral("In short")); }));
}
