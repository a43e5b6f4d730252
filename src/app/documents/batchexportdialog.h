#pragma once
// BatchExportDialog: every force's letter or report of a programme, exported to one folder in one
// format, with a progress bar and a cancel button. Each file is written whole or not at all, so a
// cancelled run leaves only complete documents behind.

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace fwb {
class Workbench;
}

namespace fwb::app {

class BatchExportDialog : public QDialog {
    Q_OBJECT
public:
    BatchExportDialog(Workbench& workbench, const QString& programme, const QString& kind,
                      QWidget* parent = nullptr);

    void setFolder(const QString& folder);
    void setFormat(const QString& format); // "pdf", "odt", "html", "md"
    // Runs the export; returns how many files were written (stops early when cancelled or when
    // a document cannot be written, saying which).
    int exportAll();
    QString summary() const;

private:
    void chooseFolder();
    Workbench& m_workbench;
    QComboBox* m_programme;
    QComboBox* m_kind;
    QComboBox* m_format;
    QLineEdit* m_folder;
    QLabel* m_result;
};

} // namespace fwb::app
