#pragma once
// The record of a document's review, in two panes of the Review tab: what changed since the
// document was sent (the document as sent against the document now, optionally only what
// changed, exportable) and the history of its moves (when, who, from, to, why).

#include "core/domain/types.h"

#include <QTreeWidget>
#include <QWidget>

class QCheckBox;
class QTextBrowser;

namespace fwb::app {

class ChangesSincePane : public QWidget {
    Q_OBJECT
public:
    explicit ChangesSincePane(QWidget* parent = nullptr);

    QTextBrowser* view() const { return m_view; }
    bool changedOnly() const;

Q_SIGNALS:
    void changedOnlyToggled();
    void exportRequested();

private:
    QTextBrowser* m_view;
    QCheckBox* m_changedOnly;
};

class ReviewHistoryPane : public QTreeWidget {
    Q_OBJECT
public:
    explicit ReviewHistoryPane(QWidget* parent = nullptr);
    void setChanges(const QList<StatusChange>& changes);
};

} // namespace fwb::app
