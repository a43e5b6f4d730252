#pragma once
// NationalChart: the national picture — for each graded question of a programme, how many forces
// are at each grade, as stacked bars (grade colours, with the counts written on them), for all
// forces or one region. A click on a bar lists the forces behind it.

#include "core/services/analysis.h"

#include <QWidget>

class QListWidget;
class QLabel;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace fwb::app {

class NationalChart : public QWidget {
    Q_OBJECT
public:
    explicit NationalChart(QWidget* parent = nullptr);
    // The matrix to draw, and the region to keep (empty: England and Wales).
    void setMatrix(const JudgmentMatrix& matrix, const QString& region = {});
    // The forces behind a bar: grade (empty for "no judgment") of a question.
    QStringList forcesAt(const QString& question, const QString& gradeCode) const;
    void showForces(const QString& question, const QString& gradeCode);
    QListWidget* forceList() const { return m_list; }
    QChartView* chartView() const { return m_view; }

private:
    JudgmentMatrix m_matrix;
    QString m_region;
    QChartView* m_view;
    QLabel* m_listTitle;
    QListWidget* m_list;
};

} // namespace fwb::app
