#pragma once
// IngestDialog: what the reader of a published report found — the force, each judgment with its
// grade and the start of its summary, the areas for improvement and the question each goes under,
// and anything it could not recognise, by line. Nothing is written until the person chooses to;
// a report with problems cannot be written at all. The layout is the Designer form
// ui/ingestdialog.ui; the tree of what was found is filled here.

#include "core/services/ingest.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Ui {
class IngestDialog;
}

namespace fwb::app {

class IngestDialog : public QDialog {
    Q_OBJECT
public:
    IngestDialog(Workbench* workbench, IngestPlan plan, const QString& reportName,
                 QWidget* parent = nullptr);
    ~IngestDialog() override;
    QTreeWidget* tree() const;
    QPushButton* writeButton() const { return m_write; }
    QLabel* summaryLabel() const;
    // Writes the plan (what the Write button does); false and a message when refused.
    bool write();
    const QString& lastError() const { return m_error; }

private:
    Workbench* m_workbench;
    IngestPlan m_plan;
    QString m_error;
    std::unique_ptr<Ui::IngestDialog> m_ui;
    QPushButton* m_write;
};

} // namespace fwb::app
