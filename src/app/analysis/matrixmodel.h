#pragma once
// MatrixModel: the judgment matrix as a table — a row per force (force, region, then a column per
// graded question). A cell shows the grade as letters ("G", "RI") on the grade's colour, so it
// reads in greyscale and to colour-blind eyes; the summary is its tooltip; a cell without a
// judgment is a dash on a white, dashed-looking background, unlike any grade. MatrixFilter keeps
// the rows of a region and of a grade.

#include "core/services/analysis.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace fwb::app {

class MatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum { ForceColumn = 0, RegionColumn = 1, FirstQuestionColumn = 2 };
    enum Role {
        ForceCodeRole = Qt::UserRole + 1,
        QuestionCodeRole,
        GradeCodeRole,
        RankRole,
        RegionRole
    };

    explicit MatrixModel(QObject* parent = nullptr);
    void setMatrix(JudgmentMatrix matrix);
    const JudgmentMatrix& matrix() const { return m_matrix; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    JudgmentMatrix m_matrix;
};

class MatrixFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    // Empty: any. A grade keeps forces with that grade in `question` (any graded question when
    // empty).
    void setRegion(const QString& region);
    void setGrade(const QString& gradeCode, const QString& question = {});

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_region, m_grade, m_question;
};

} // namespace fwb::app
