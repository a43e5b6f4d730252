#pragma once
// ActionRegistry: the window's actions, made in one place with their text, shortcuts, status tips
// and icons (windowactions.cpp), and found by name ("openAction"). Panes that make actions of
// their own (the question page's finding actions, the documents bar's print and export) have them
// adopted, so that the registry knows every shortcut of the window and can say where two clash.

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>

class QAction;
class QMenu;
class QMenuBar;
class QUndoStack;

namespace fwb::app {

class ActionRegistry : public QObject {
    Q_OBJECT
public:
    // Actions are children of `window`, so that their shortcuts work across it.
    explicit ActionRegistry(QObject* window);

    // Makes the window's actions (see windowactions.cpp).
    void createWindowActions();
    // Fills the menu bar with the window's menus, of actions made or adopted by then (see
    // windowactions.cpp); returns the menus by name: "file", "recent", "edit", "view", …
    QHash<QString, QMenu*> fillMenuBar(QMenuBar* bar) const;

    // The undo and redo actions over `stack`, named for what they will undo or redo ("Undo Add
    // Finding"); `before` runs first (typing not yet saved is saved, so that Undo takes back what
    // the person sees).
    void bindUndoStack(QUndoStack* stack, const std::function<void()>& before);

    QAction* make(const QString& name, const QString& text,
                  const QList<QKeySequence>& shortcuts = {}, const QString& statusTip = {},
                  const QString& icon = {});
    // An action a pane made, listed under `name` (its object name is set when it has none).
    QAction* adopt(const QString& name, QAction* action);
    // The action of that name; nullptr (and a warning in the log) when there is none.
    QAction* action(const QString& name) const;
    QList<QAction*> actions() const { return m_ordered; }
    // "Ctrl+E: exportAction, exportDocumentAction" for each shortcut held by more than one action
    // whose shortcut context is the whole window.
    QStringList clashes() const;

private:
    QObject* m_window;
    QHash<QString, QAction*> m_byName;
    QList<QAction*> m_ordered;
};

} // namespace fwb::app
