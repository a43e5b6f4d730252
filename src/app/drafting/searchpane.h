#pragma once
// SearchPane: Ctrl+F search across the workbench — findings, judgment summaries and document
// text — with results ranked as they are typed, the matched words highlighted, filters by
// programme, force, kind and status, and Enter (or a click) to go to the place.

#include "core/services/search.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace fwb {
class Workbench;
}

namespace fwb::app {

class SearchPane : public QWidget {
    Q_OBJECT
public:
    explicit SearchPane(QWidget* parent = nullptr);
    void setWorkbench(Workbench* workbench);

    QLineEdit* queryEdit() const { return m_query; }
    QListWidget* results() const { return m_results; }
    QComboBox* programmeFilter() const { return m_programme; }
    QComboBox* forceFilter() const { return m_force; }
    QComboBox* kindFilter() const { return m_kind; }
    QComboBox* statusFilter() const { return m_status; }
    const QList<SearchHit>& hits() const { return m_hits; }

public Q_SLOTS:
    // Runs the search now (typing runs it after a short pause).
    void search();
    void focusQuery();

Q_SIGNALS:
    void hitActivated(const fwb::SearchHit& hit);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillFilters();
    void activate(QListWidgetItem* item);

    QPointer<Workbench> m_workbench;
    QList<SearchHit> m_hits;
    QTimer m_typingTimer;
    QLineEdit* m_query;
    QComboBox* m_programme;
    QComboBox* m_force;
    QComboBox* m_kind;
    QComboBox* m_status;
    QLabel* m_summary;
    QListWidget* m_results;
};

} // namespace fwb::app

Q_DECLARE_METATYPE(fwb::SearchHit)
