// The window's actions: every one with its text, shortcut, status tip and icon, in one place.
// What they do is wired by the MainWindow.
#include "app/actionregistry.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace fwb::app {
void ActionRegistry::createWindowActions()
{
    using K = QKeySequence;
    // File
    make(u"newAction"_s, tr("&New…"), K::keyBindings(K::New),
         tr("Create a workbench with the reference data, and the demo content if you like"),
         u":/icons/document-new.svg"_s);
    make(u"openAction"_s, tr("&Open…"), K::keyBindings(K::Open), tr("Open a workbench file"),
         u":/icons/document-open.svg"_s);
    make(u"importAction"_s, tr("&Import…"), {K(Qt::CTRL | Qt::Key_I)},
         tr("Import a JSON interchange file or a judgments CSV; all or nothing"),
         u":/icons/document-import.svg"_s);
    make(u"exportAction"_s, tr("&Export…"), {K(Qt::CTRL | Qt::Key_E)},
         tr("Export the workbench, a programme or a force as JSON or CSV"),
         u":/icons/document-export.svg"_s);
    make(u"copyWorkbenchAction"_s, tr("&Copy Workbench To…"), {},
         tr("Copy the whole workbench into a new file or an empty team workbench on a server"));
    make(u"quitAction"_s, tr("&Quit"),
         K::keyBindings(K::Quit).isEmpty() ? QList<K>{K(Qt::CTRL | Qt::Key_Q)}
                                           : K::keyBindings(K::Quit));
    // Edit
    QAction* undo = make(u"undoAction"_s, tr("&Undo"), K::keyBindings(K::Undo));
    undo->setEnabled(false);
    QAction* redo = make(u"redoAction"_s, tr("&Redo"), K::keyBindings(K::Redo));
    redo->setEnabled(false);
    make(u"frameworksAction"_s, tr("&Programmes and Frameworks…"), {},
         tr("Create a programme, copy a framework from an earlier year, edit its questions"));
    make(u"referencesAction"_s, tr("Forces and P&eople…"));
    make(u"findAction"_s, tr("&Find…"), K::keyBindings(K::Find),
         tr("Search findings, judgment summaries and documents across the workbench"));
    make(u"checkAction"_s, tr("&Check Text Against Data"), {K(Qt::Key_F7)},
         tr("Check the force's findings, summaries and documents against its evidence, figures "
            "and judgments"));
    // View
    QAction* all = make(
        u"showAllForcesAction"_s, tr("Show &All Forces"), {K(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        tr("List all 43 forces under each programme, not only those with material"));
    all->setCheckable(true);
    // F6 moves between the panes, as in most desktop programs (Tab follows the detail's links).
    make(u"nextPaneAction"_s, tr("&Next Pane"), {K(Qt::Key_F6)});
    // Analysis
    make(u"ingestAction"_s, tr("Import Published &Report…"), {},
         tr("Read a published PEEL report's text (as pdftotext gives it) and show what it holds"));
    make(u"matrixAction"_s, tr("Judgment &Matrix"), {K(Qt::CTRL | Qt::SHIFT | Qt::Key_J)},
         tr("Every force against the programme's graded questions"));
    // Help
    make(u"aboutAction"_s, tr("&About Findings Workbench"))->setMenuRole(QAction::AboutRole);
    make(u"aboutQtAction"_s, tr("About &Qt"))->setMenuRole(QAction::AboutQtRole);
}

QHash<QString, QMenu*> ActionRegistry::fillMenuBar(QMenuBar* bar) const
{
    // Each menu: its name, title and items: an action's name, {} for a separator, "@name" for a
    // submenu filled by the window.
    struct Menu {
        QString name, title;
        QStringList items;
    };
    const QList<Menu> menus{
        {u"file"_s,
         tr("&File"),
         {u"newAction"_s,
          u"openAction"_s,
          u"@recent"_s,
          {},
          u"importAction"_s,
          u"exportAction"_s,
          u"copyWorkbenchAction"_s,
          {},
          u"printPreviewAction"_s,
          u"printAction"_s,
          u"exportDocumentAction"_s,
          u"exportAllAction"_s,
          {},
          u"quitAction"_s}},
        {u"edit"_s,
         tr("&Edit"),
         {u"undoAction"_s,
          u"redoAction"_s,
          {},
          u"addFindingAction"_s,
          u"deleteFindingAction"_s,
          u"moveFindingUpAction"_s,
          u"moveFindingDownAction"_s,
          u"moveFindingToAction"_s,
          {},
          u"frameworksAction"_s,
          u"referencesAction"_s,
          {},
          u"findAction"_s,
          u"checkAction"_s}},
        {u"view"_s,
         tr("&View"),
         {u"showAllForcesAction"_s,
          u"searchDockAction"_s,
          u"diagnosticsDockAction"_s,
          {},
          u"nextPaneAction"_s}},
        {u"analysis"_s, tr("&Analysis"), {u"ingestAction"_s, {}, u"matrixAction"_s}},
        {u"help"_s, tr("&Help"), {u"aboutAction"_s, u"aboutQtAction"_s}},
    };
    const QHash<QString, QString> submenus{{u"recent"_s, tr("Open &Recent")}};
    QHash<QString, QMenu*> out;
    for (const Menu& m : menus) {
        QMenu* menu = bar->addMenu(m.title);
        menu->setObjectName(m.name + u"Menu"_s);
        out.insert(m.name, menu);
        for (const QString& item : m.items) {
            if (item.isEmpty())
                menu->addSeparator();
            else if (item.startsWith(QLatin1Char('@')))
                out.insert(item.mid(1), menu->addMenu(submenus.value(item.mid(1))));
            else if (QAction* a = action(item))
                menu->addAction(a);
        }
    }
    return out;
}

} // namespace fwb::app
