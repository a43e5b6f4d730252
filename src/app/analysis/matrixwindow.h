#pragma once
// MatrixWindow: "how many forces are good at investigating crime this year?" at a glance — the
// judgment matrix of a programme, filtered by region and grade, sorted by any column, with the
// count of forces at each grade; a double-click opens the force's judgment and findings. The view
// exports as CSV, copies to the clipboard, saves as PNG or SVG, and prints.

#include "core/util/result.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTabWidget;

namespace fwb {
class Workbench;
}

namespace fwb::app {

class MatrixFilter;
class NationalChart;
class ForceProfileView;
class ChangeViewWidget;
class FollowUpView;
class MatrixModel;

class MatrixWindow : public QWidget {
    Q_OBJECT
public:
    explicit MatrixWindow(Workbench* workbench, QWidget* parent = nullptr);

    void setProgramme(const QString& code);
    void reload();
    MatrixModel* model() const { return m_model; }
    MatrixFilter* filter() const { return m_filter; }
    QTableView* view() const { return m_view; }
    QComboBox* regionCombo() const { return m_region; }
    QComboBox* gradeCombo() const { return m_grade; }
    QComboBox* questionCombo() const { return m_question; }
    QLabel* countsLabel() const { return m_counts; }
    NationalChart* nationalChart() const { return m_national; }
    ForceProfileView* forceProfile() const { return m_profile; }
    ChangeViewWidget* changeView() const { return m_change; }
    FollowUpView* followUpView() const { return m_followUp; }
    QTabWidget* tabs() const { return m_tabs; }

    // The exports the buttons offer, callable without their file dialogs. Each file is written
    // whole or not at all; on failure exportFailed() says why ("the disk is full") and names it.
    bool exportCsv(const QString& path);
    bool saveImage(const QString& path); // .png or .svg
    QString csvText() const;             // what Copy puts on the clipboard
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void openRequested(const QString& programme, const QString& force, const QString& question);
    void exportFailed(const QString& title, const QString& message);

private:
    void updateCounts();
    bool reportExport(const Status& written, const QString& title);

    QPointer<Workbench> m_workbench;
    QString m_programme;
    QComboBox* m_programmeCombo;
    QComboBox* m_region;
    QComboBox* m_grade;
    QComboBox* m_question;
    QLabel* m_counts;
    QTableView* m_view;
    MatrixModel* m_model;
    MatrixFilter* m_filter;
    NationalChart* m_national;
    ForceProfileView* m_profile;
    ChangeViewWidget* m_change;
    FollowUpView* m_followUp = nullptr;
    QTabWidget* m_tabs;
    QString m_lastError;
};

} // namespace fwb::app
