#pragma once
// MetricsPage: "force in numbers" — the figures of one force in one programme against England and
// Wales, as a table edited in place, grouped by the report figure they belong to (Figure 2,
// Figure 4 …). Each cell edit is saved at once as an undo step; a value that is not a number is
// refused and the cell goes back to what was stored.

#include "app/drafting/draftingcontext.h"
#include "core/domain/types.h"

#include <QWidget>

class QTableWidget;
class QTableWidgetItem;

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
    void setPlace(const QString& programme, const QString& force);
    void reload();
    QTableWidget* table() const { return m_table; }
    void addMetric();
    void deleteMetric();

private:
    void onItemChanged(QTableWidgetItem* item);

    const DraftingContext& m_context; // owned by the DraftingWorkspace
    QString m_programme, m_force;
    QList<Metric> m_metrics;
    bool m_loading = false;
    QTableWidget* m_table;
};

} // namespace fwb::app
