#pragma once
// ParticularsDialog: a document's title, subtitle, date, embargo, parties, status and the
// reference lines of a report's title page.

#include "core/domain/types.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;

namespace fwb::app {

class ParticularsDialog : public QDialog {
    Q_OBJECT
public:
    ParticularsDialog(const Document& document, const QList<Person>& people,
                      QWidget* parent = nullptr);
    // The document with the particulars as edited (its sections untouched).
    Document particulars() const;

private:
    Document m_document;
    QLineEdit* m_title;
    QLineEdit* m_subtitle;
    QComboBox* m_status;
    QCheckBox* m_hasDate;
    QDateEdit* m_date;
    QCheckBox* m_hasEmbargo;
    QDateTimeEdit* m_embargo;
    QComboBox* m_sender;
    QComboBox* m_recipient;
    QPlainTextEdit* m_reference;
};

} // namespace fwb::app
