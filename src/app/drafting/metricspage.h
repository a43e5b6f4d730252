#pragma once
// MetricsPage: "force in numbers" — the figures of one force in one programme against England and
// Wales, as a table edited in place, grouped by the report figure they belong to (Figure 2,
// Figure 4 …). Each cell edit is saved at once as an undo step; a value that is not a number is
// refused and the cell goes back to what was stored. The layout is the Designer form
// ui/metricspage.ui; the rows are filled here.

#include "app/drafting/draftingcontext.h"
#include "core/changes.h"
#include "core/domain/types.h"

#include <QWidget>

#include <memory>

class QTableWidget;
class QTableWidgetItem;

namespace Ui {
class MetricsPage;
}

namespace fwb::app {

class MetricsPage : public QWidget {
    Q_OBJECT
public:
    enum Column {
        FigureColumn,
        NameColumn,
        MeasureColumn,
        PeriodColumn,
        ForceColumn,
        NationalColumn,
        UnitColumn,
        SourceColumn
    };

    explicit MetricsPage(const DraftingContext& context, QWidget* parent = nullptr);
    ~MetricsPage() override;
    void setPlace(const QString& programme, const QString& force);
    void reload();
    // What a committed change means here: a reload when figures changed, nothing otherwise; a
    // cell open for editing keeps what is typed in it.
    void applyChanges(const fwb::ChangeSet& changes);
    QTableWidget* table() const;
    void addMetric();
    void deleteMetric();

private:
    void onItemChanged(QTableWidgetItem* item);

    const DraftingContext& m_context; // owned by the DraftingWorkspace
    QString m_programme, m_force;
    QList<Metric> m_metrics;
    bool m_loading = false;
    bool m_saving = false; // the page's own save of a cell
    std::unique_ptr<Ui::MetricsPage> m_ui;
    QTableWidget* m_table; // the form's metricsTable
};

} // namespace fwb::app
