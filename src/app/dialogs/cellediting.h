#pragma once
// A cell open for editing in an item view, kept across a refill of the view: what is typed in it
// is read before the rows are rebuilt and put back into the same record's cell afterwards, so a
// change announced by someone else does not throw away the person's typing.

#include <QAbstractItemView>
#include <QLineEdit>

namespace fwb::app {

struct CellEdit {
    int column = -1;
    QString text;
    bool isOpen() const { return column >= 0; }
};

// The editor of the current cell, when one is open and it is a line edit.
inline QLineEdit* openCellEditor(const QAbstractItemView* view)
{
    const QModelIndex index = view->currentIndex();
    return index.isValid() ? qobject_cast<QLineEdit*>(view->indexWidget(index)) : nullptr;
}

inline CellEdit takeCellEdit(const QAbstractItemView* view)
{
    if (const QLineEdit* editor = openCellEditor(view))
        return {view->currentIndex().column(), editor->text()};
    return {};
}

// Opens `index` for editing again with the text that was typed in it.
inline void restoreCellEdit(QAbstractItemView* view, const QModelIndex& index, const CellEdit& edit)
{
    if (!edit.isOpen() || !index.isValid())
        return;
    view->setCurrentIndex(index);
    if (!view->indexWidget(index)) // a table refilled in place may have kept the editor open
        view->edit(index);
    if (QLineEdit* editor = openCellEditor(view))
        editor->setText(edit.text);
}

} // namespace fwb::app
