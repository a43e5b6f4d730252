#pragma once
// ParticularsDialog: a document's title, subtitle, date, embargo, parties, status and the
// reference lines of a report's title page. The layout is the Designer form
// ui/particularsdialog.ui; the lists of people and statuses are filled here.

#include "core/domain/types.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;

namespace Ui {
class ParticularsDialog;
}

namespace fwb::app {

class ParticularsDialog : public QDialog {
    Q_OBJECT
public:
    ParticularsDialog(const Document& document, const QList<Person>& people,
                      QWidget* parent = nullptr);
    ~ParticularsDialog() override;
    // The document with the particulars as edited (its sections untouched).
    Document particulars() const;
    // Why the particulars cannot be accepted as they stand ("A document needs a title."), or
    // empty; shown in the dialog, and OK is off while there is one.
    QString problem() const;

private:
    void check();

    Document m_document;
    std::unique_ptr<Ui::ParticularsDialog> m_ui;
};

} // namespace fwb::app
