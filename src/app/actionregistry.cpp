#include "app/actionregistry.h"

#include <QAction>
#include <QIcon>
#include <QMap>
#include <QUndoStack>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {

ActionRegistry::ActionRegistry(QObject* window) : QObject(window), m_window(window)
{
    setObjectName(u"actionRegistry"_s);
}

QAction* ActionRegistry::make(const QString& name, const QString& text,
                              const QList<QKeySequence>& shortcuts, const QString& statusTip,
                              const QString& icon)
{
    auto* a =
        icon.isEmpty() ? new QAction(text, m_window) : new QAction(QIcon(icon), text, m_window);
    a->setObjectName(name);
    a->setShortcuts(shortcuts);
    if (!statusTip.isEmpty())
        a->setStatusTip(statusTip);
    return adopt(name, a);
}

QAction* ActionRegistry::adopt(const QString& name, QAction* action)
{
    if (!action)
        return nullptr;
    if (action->objectName().isEmpty())
        action->setObjectName(name);
    if (m_byName.contains(name))
        spdlog::warn("two actions named {}", name.toStdString());
    m_byName.insert(name, action);
    m_ordered << action;
    return action;
}

QAction* ActionRegistry::action(const QString& name) const
{
    QAction* a = m_byName.value(name);
    if (!a)
        spdlog::warn("no action named {}", name.toStdString());
    return a;
}

void ActionRegistry::bindUndoStack(QUndoStack* stack, const std::function<void()>& before)
{
    for (const bool isUndo : {true, false}) {
        QAction* a = action(isUndo ? u"undoAction"_s : u"redoAction"_s);
        const QString plain = isUndo ? tr("&Undo") : tr("&Redo");
        connect(a, &QAction::triggered, stack, [stack, before, isUndo] {
            if (before)
                before();
            isUndo ? stack->undo() : stack->redo();
        });
        connect(stack, isUndo ? &QUndoStack::canUndoChanged : &QUndoStack::canRedoChanged, a,
                &QAction::setEnabled);
        connect(stack, isUndo ? &QUndoStack::undoTextChanged : &QUndoStack::redoTextChanged, a,
                [a, plain](const QString& text) {
                    a->setText(text.isEmpty() ? plain : plain + u' ' + text);
                });
    }
}

QStringList ActionRegistry::clashes() const
{
    QMap<QString, QStringList> holders;
    for (QAction* a : m_ordered) {
        if (a->shortcutContext() != Qt::WindowShortcut &&
            a->shortcutContext() != Qt::ApplicationShortcut)
            continue;
        for (const QKeySequence& k : a->shortcuts())
            holders[k.toString(QKeySequence::PortableText)] << m_byName.key(a);
    }
    QStringList out;
    for (auto it = holders.cbegin(); it != holders.cend(); ++it)
        if (it.value().size() > 1)
            out << it.key() + u": "_s + it.value().join(u", "_s);
    return out;
}

} // namespace fwb::app
