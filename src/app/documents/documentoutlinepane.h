#pragma once
// DocumentOutlinePane: the outline of one document's sections — a tree of headings with what each
// shows, and the bar under it that adds, removes, reorders and nests them and attaches a review
// note. The pane only shows and asks: the DocumentsWorkspace runs the commands it asks for.

#include "core/domain/types.h"

#include <QWidget>

class QAction;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace fwb::app {

class DocumentOutlinePane : public QWidget {
    Q_OBJECT
public:
    explicit DocumentOutlinePane(QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    QString currentSection() const;
    // Makes the section current (announced as currentSectionChanged); false when it is not listed.
    bool selectSection(const QString& uid);
    // Lists the document's sections (none for nullptr), keeping what is folded and selecting
    // `keep` (else the section selected before, else the first). Announces nothing.
    void setDocument(const Document* document, const QString& keep);

    // How many sections share the current one's level (0: none current).
    int siblingCount() const;
    // The section just above the current one at its level (empty: it is the first).
    QString sectionAbove() const;
    // The section to select once the current one is removed: the next, else the one above.
    QString successor() const;

    // What the bar offers, given whether the document can be changed and where the section is.
    void setActions(bool canAdd, bool canRemove, bool canUp, bool canDown, bool canIndent,
                    bool canOutdent, bool canNote);

    QAction* upAction() const { return m_up; }
    QAction* downAction() const { return m_down; }
    QAction* indentAction() const { return m_indent; }
    QAction* outdentAction() const { return m_outdent; }

Q_SIGNALS:
    void currentSectionChanged();
    void addRequested(const QString& kind);
    void removeRequested();
    void moveRequested(int delta);
    void indentRequested(bool inward);
    void noteRequested();

private:
    QTreeWidget* m_tree;
    QToolButton* m_add;
    QAction* m_remove;
    QAction* m_up;
    QAction* m_down;
    QAction* m_indent;
    QAction* m_outdent;
    QAction* m_note;
    bool m_filling = false;
};

// The label of a section in lists: its heading, else the start of its text, else its kind.
QString sectionLabel(const Section& s);

} // namespace fwb::app
