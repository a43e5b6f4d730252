#pragma once
// ChangeView: "which forces moved down since last year?" — every force's grade on each question
// of a programme against the question it continues in an earlier programme: up, down, the same,
// or not comparable where the frameworks say so. Filterable to the forces that moved; exports as
// CSV and copies to the clipboard; a double-click opens the force's judgment.

#include "core/services/analysis.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace fwb {
class Workbench;
}

namespace fwb::app {

class ChangeModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ForceColumn, RegionColumn, FirstQuestionColumn };
    enum Role {
        ForceCodeRole = Qt::UserRole + 1,
        QuestionCodeRole,
        ChangeRole,
        MovedRole,
        JudgedRole,
        SortRole
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setView(fwb::ChangeView view);
    const fwb::ChangeView& view() const { return m_view; }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    fwb::ChangeView m_view;
};

// Keeps the forces judged in either programme, and (when asked) only those whose grade went up
// or down on any question.
class ChangeFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMoversOnly(bool on);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    bool m_moversOnly = false;
};

class ChangeViewWidget : public QWidget {
    Q_OBJECT
public:
    ChangeViewWidget(Workbench* workbench, QWidget* parent = nullptr);
    // Compares `programme` with the programme it follows (or the earlier one chosen).
    void setProgramme(const QString& programme);
    void reload();
    ChangeModel* model() const { return m_model; }
    ChangeFilter* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    QComboBox* fromCombo() const { return m_from; }
    QCheckBox* moversOnly() const { return m_movers; }
    QLabel* summary() const { return m_summary; }
    // The rows on show, written whole or not at all; on failure exportFailed() says why.
    bool exportCsv(const QString& path);
    fwb::ChangeView shown() const; // the view with only the rows on show

Q_SIGNALS:
    void openRequested(const QString& programme, const QString& force, const QString& question);
    void exportFailed(const QString& title, const QString& message);

private:
    QPointer<Workbench> m_workbench;
    QString m_programme;
    QComboBox* m_from;
    QCheckBox* m_movers;
    QLabel* m_summary;
    QTableView* m_table;
    ChangeModel* m_model;
    ChangeFilter* m_filter;
};

} // namespace fwb::app
