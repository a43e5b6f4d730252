#pragma once
// ExportDialog: asks what to export (the whole workbench, the selected programme, or the selected
// force in it) and in which format (interchange JSON or judgments CSV). The file name is asked
// for afterwards with a save dialog.

#include "core/services/transfer.h"

#include <QDialog>

class QRadioButton;

namespace fwb::app {

enum class ExportFormat { Json, Csv };

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // Labels are shown to the person; an empty programme (or force) code disables that scope.
    ExportDialog(const QString& programmeCode, const QString& programmeLabel,
                 const QString& forceCode, const QString& forceLabel, QWidget* parent = nullptr);

    ExportScope scope() const;
    ExportFormat format() const;
    // "lancashire-peel-effectiveness-2015.json", "workbench.csv", …
    QString suggestedFileName() const;

private:
    QString m_programme, m_force;
    QRadioButton* m_whole;
    QRadioButton* m_programmeScope;
    QRadioButton* m_forceScope;
    QRadioButton* m_json;
    QRadioButton* m_csv;
};

} // namespace fwb::app
