// The window's actions: every one with its text, shortcut, status tip and icon, in one place.
// What they do is wired by the MainWindow.
#include "app/actionregistry.h"

#include <QAction>

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
    QAction* all = make(u"showAllForcesAction"_s, tr("Show &All Forces"),
                        {K(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
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

} // namespace fwb::app
