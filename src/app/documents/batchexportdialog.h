#pragma once
// BatchExportDialog: every force's letter or report of a programme, exported to one folder in one
// format, with a progress bar and a cancel button. Each file is written whole or not at all, so a
// cancelled run leaves only complete documents behind. The form is ui/batchexportdialog.ui; the
// run is documents::renderEveryForce (documents/batch.h), the same as `fwb render --all-forces`.

#include <QDialog>
#include <memory>

namespace Ui {
class BatchExportDialog;
}

namespace fwb {
class Workbench;
}

namespace fwb::app {

class BatchExportDialog : public QDialog {
    Q_OBJECT
public:
    BatchExportDialog(Workbench& workbench, const QString& programme, const QString& kind,
                      QWidget* parent = nullptr);
    ~BatchExportDialog() override;

    void setFolder(const QString& folder);
    void setFormat(const QString& format); // "pdf", "odt", "html", "md"
    // Runs the export; returns how many files were written (stops early when cancelled or when
    // a document cannot be written, saying which).
    int exportAll();
    QString summary() const;

private:
    void chooseFolder();
    Workbench& m_workbench;
    std::unique_ptr<Ui::BatchExportDialog> m_ui;
};

} // namespace fwb::app
