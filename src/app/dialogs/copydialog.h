#pragma once
// CopyDialog (File ▸ Copy Workbench To…): the open workbench copied whole into a new file or an
// empty team workbench on a server (a postgresql:// URI), as `fwb copy` does, and verified equal.
// The copy runs on a thread of its own; the dialog says which table it is at and how it ended.

#include <QDialog>
#include <QThread>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fwb::app {

class CopyDialog : public QDialog {
    Q_OBJECT
public:
    CopyDialog(const QString& source, QWidget* parent = nullptr);
    ~CopyDialog() override;

    QLineEdit* destination() const { return m_destination; }
    QLabel* status() const { return m_status; }
    // Starts the copy to what the destination field says; copyFinished() is emitted when it ends.
    void start();
    bool running() const { return m_thread != nullptr; }

Q_SIGNALS:
    void copyFinished(bool ok, const QString& message);

private:
    void onProgress(const QString& table);
    void onFinished(bool ok, const QString& message);
    void reject() override;

    QString m_source;
    QLineEdit* m_destination = nullptr;
    QPushButton* m_browse = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QThread* m_thread = nullptr;
};

} // namespace fwb::app
