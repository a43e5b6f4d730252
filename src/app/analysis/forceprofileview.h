#pragma once
// ForceProfileView: one page per force — every judgment over time (a row per programme, the
// grades as badges, a click opens the question), its findings by kind, what is still open, and a
// chart of its figures, chosen beside it: the latest rates against England and Wales and its
// region's mean, as bars; a figure over time, as lines; or one figure of every force, a bar each
// with the England and Wales line.

#include "core/services/analysis.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QTextBrowser;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace fwb {
class Workbench;
}

namespace fwb::app {

class ForceProfileView : public QWidget {
    Q_OBJECT
public:
    explicit ForceProfileView(Workbench* workbench, QWidget* parent = nullptr);
    void setForce(const QString& code);
    void reload();
    const ForceProfile& profile() const { return m_profile; }
    QTextBrowser* page() const { return m_page; }
    QChartView* chartView() const { return m_chart; }
    QComboBox* forceCombo() const { return m_force; }
    QComboBox* chartCombo() const { return m_chartChoice; }
    // The programme whose rates the first chart draws (the latest with any).
    const QString& chartedProgramme() const { return m_charted; }

Q_SIGNALS:
    void openRequested(const QString& programme, const QString& force, const QString& question);

private:
    void fillChartChoices();
    void drawChart();
    QChart* ratesChart() const;
    QChart* seriesChart(const FigureSeries& series) const;
    QChart* everyForceChart(const ProfileFigure& figure) const;

    QPointer<Workbench> m_workbench;
    ForceProfile m_profile;
    QString m_charted;
    QComboBox* m_force;
    QComboBox* m_chartChoice;
    QTextBrowser* m_page;
    QChartView* m_chart;
};

} // namespace fwb::app
