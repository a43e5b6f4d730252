#pragma once
// IngestDialog: what the reader of a published report found — the force, each judgment with its
// grade and the start of its summary, the areas for improvement and the question each goes under,
// and anything it could not recognise, by line. Nothing is written until the person chooses to;
// a report with problems cannot be written at all.

#include "core/services/ingest.h"

#include <QDialog>

class QDialogButtonBox;
class QTreeWidget;
class QLabel;

namespace fwb::app {

class IngestDialog : public QDialog {
    Q_OBJECT
public:
    IngestDialog(Workbench* workbench, IngestPlan plan, const QString& reportName,
                 QWidget* parent = nullptr);
    QTreeWidget* tree() const { return m_tree; }
    QPushButton* writeButton() const;
    // Writes the plan (what the Write button does); false and a message when refused.
    bool write();
    const QString& lastError() const { return m_error; }

private:
    Workbench* m_workbench;
    IngestPlan m_plan;
    QString m_error;
    QTreeWidget* m_tree;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
};

} // namespace fwb::app
