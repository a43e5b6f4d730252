#pragma once
// ExportDialog: asks what to export (the whole workbench, the selected programme, or the selected
// force in it) and in which format (interchange JSON or judgments CSV). The file name is asked
// for afterwards with a save dialog. The layout is the Designer form ui/exportdialog.ui; the
// wording of the scopes (which name the selection) is set here.

#include "core/services/transfer.h"

#include <QDialog>

#include <memory>

class QRadioButton;

namespace Ui {
class ExportDialog;
}

namespace fwb::app {

enum class ExportFormat { Json, Csv };

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // Labels are shown to the person; an empty programme (or force) code disables that scope.
    ExportDialog(const QString& programmeCode, const QString& programmeLabel,
                 const QString& forceCode, const QString& forceLabel, QWidget* parent = nullptr);
    ~ExportDialog() override;

    ExportScope scope() const;
    ExportFormat format() const;
    // "lancashire-peel-effectiveness-2015.json", "workbench.csv", …
    QString suggestedFileName() const;

    QRadioButton* wholeButton() const;
    QRadioButton* programmeButton() const;
    QRadioButton* forceButton() const;
    QRadioButton* csvButton() const;

private:
    QString m_programme, m_force;
    std::unique_ptr<Ui::ExportDialog> m_ui;
};

} // namespace fwb::app
