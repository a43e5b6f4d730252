#pragma once
// HistoryView: the change history of a finding or judgment from the audit log — when, who, what
// was done, and the text before and after (the whole record in the tooltip).

#include <QTreeWidget>

namespace fwb {
class Workbench;
}

namespace fwb::app {

class HistoryView : public QTreeWidget {
    Q_OBJECT
public:
    explicit HistoryView(QWidget* parent = nullptr);
    // Shows the entries of each (entity, key, label) given, newest first.
    struct Subject {
        QString entity, key, label;
    };
    void show(Workbench* workbench, const QList<Subject>& subjects);
};

} // namespace fwb::app
