#pragma once
// FindingsListPane: the findings of a question in their order — filters by kind and status, the
// count, the list itself (dragged to reorder) and the actions on the selected finding. The list's
// model is the shared FindingsModel (see Models), updated in place as the workbench changes, so
// the selection and the scroll position stay where they are.

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListView;

namespace fwb::app {

class FindingsModel;

class FindingsListPane : public QWidget {
    Q_OBJECT
public:
    explicit FindingsListPane(FindingsModel* model, QWidget* parent = nullptr);

    FindingsModel* model() const { return m_model; }
    QListView* list() const { return m_list; }
    QComboBox* kindFilter() const { return m_kindFilter; }
    QComboBox* statusFilter() const { return m_statusFilter; }
    QLabel* countLabel() const { return m_countLabel; }

    // The uid of the current row, or empty.
    QString currentUid() const;
    // Makes the finding's row current (and visible); false when it is not listed.
    bool setCurrentUid(const QString& uid);
    // "3 findings", "1 shown of 3 findings".
    void updateCount();

    QAction* addFindingAction() const { return m_add; }
    QAction* deleteAction() const { return m_delete; }
    QAction* moveUpAction() const { return m_up; }
    QAction* moveDownAction() const { return m_down; }
    QAction* moveToAction() const { return m_moveTo; }

Q_SIGNALS:
    // The current row changed: its finding's uid (empty for none).
    void currentFindingChanged(const QString& uid);
    // The person chose another filter (already applied to the model).
    void filterChanged();

private:
    FindingsModel* m_model;
    QListView* m_list;
    QComboBox* m_kindFilter;
    QComboBox* m_statusFilter;
    QLabel* m_countLabel;
    QAction* m_add;
    QAction* m_delete;
    QAction* m_up;
    QAction* m_down;
    QAction* m_moveTo;
};

} // namespace fwb::app
