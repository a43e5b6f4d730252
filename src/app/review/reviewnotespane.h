#pragma once
// ReviewNotesPane: the review notes on a document and on the texts in it — status, what each is
// on, the note and its answer — with adding, answering and resolving. The pane asks; the
// ReviewWorkspace records through ReviewService.

#include "core/domain/types.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace fwb::app {

class ReviewNotesPane : public QWidget {
    Q_OBJECT
public:
    explicit ReviewNotesPane(QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_notes; }
    // Lists the notes; returns how many are open.
    int setNotes(const QList<ReviewNote>& notes);
    void clear();
    QString selectedNote() const;

Q_SIGNALS:
    void addRequested();
    void answerRequested();
    void resolveRequested();

private:
    QTreeWidget* m_notes;
    QLabel* m_label;
};

} // namespace fwb::app
