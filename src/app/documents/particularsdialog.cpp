#include "app/documents/particularsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

#include "core/services/review.h"

namespace fwb::app {
namespace {

void fillPeople(QComboBox* box, const QList<Person>& people, const QString& current)
{
    box->addItem(QObject::tr("(nobody)"), QString());
    for (const Person& p : people)
        box->addItem(p.post.isEmpty() ? p.name : QStringLiteral("%1 — %2").arg(p.name, p.post),
                     p.code);
    box->setCurrentIndex(qMax(0, box->findData(current)));
}

} // namespace

ParticularsDialog::ParticularsDialog(const Document& document, const QList<Person>& people,
                                     QWidget* parent)
    : QDialog(parent), m_document(document)
{
    setObjectName(QStringLiteral("particularsDialog"));
    setWindowTitle(tr("Particulars of the %1").arg(document.kind));
    m_title = new QLineEdit(document.title, this);
    m_title->setObjectName(QStringLiteral("title"));
    m_subtitle = new QLineEdit(document.subtitle, this);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("status"));
    for (const QString& s : statuses())
        m_status->addItem(statusLabel(s), s);
    m_status->setCurrentIndex(qMax(0, m_status->findData(document.status)));
    // Shown, not chosen: the status moves through the review (Review tab), where each move is
    // checked and recorded.
    m_status->setEnabled(false);
    m_status->setToolTip(tr("The status moves through the Review tab"));

    m_hasDate = new QCheckBox(tr("Dated"), this);
    m_date = new QDateEdit(this);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("d MMMM yyyy"));
    const QDate dated = QDate::fromString(document.dated, Qt::ISODate);
    m_hasDate->setChecked(dated.isValid());
    m_date->setDate(dated.isValid() ? dated : QDate::currentDate());
    m_date->setEnabled(dated.isValid());
    connect(m_hasDate, &QCheckBox::toggled, m_date, &QWidget::setEnabled);

    m_hasEmbargo = new QCheckBox(tr("Embargoed until"), this);
    m_hasEmbargo->setObjectName(QStringLiteral("hasEmbargo"));
    m_embargo = new QDateTimeEdit(this);
    m_embargo->setObjectName(QStringLiteral("embargo"));
    m_embargo->setCalendarPopup(true);
    m_embargo->setDisplayFormat(QStringLiteral("d MMMM yyyy HH:mm"));
    const QDateTime embargo = QDateTime::fromString(document.embargo, Qt::ISODate);
    m_hasEmbargo->setChecked(embargo.isValid());
    m_embargo->setDateTime(
        embargo.isValid() ? embargo : QDateTime(QDate::currentDate().addDays(7), QTime(0, 1)));
    m_embargo->setEnabled(embargo.isValid());
    m_embargo->setToolTip(tr("Until then every page of an export carries “EMBARGOED until …”"));
    connect(m_hasEmbargo, &QCheckBox::toggled, m_embargo, &QWidget::setEnabled);

    m_sender = new QComboBox(this);
    fillPeople(m_sender, people, document.senderCode);
    m_recipient = new QComboBox(this);
    fillPeople(m_recipient, people, document.recipientCode);
    m_reference = new QPlainTextEdit(document.reference, this);
    m_reference->setPlaceholderText(
        tr("Lines for the foot of the title page: copyright, ISBN, web address"));
    m_reference->setMaximumHeight(90);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("S&ubtitle:"), m_subtitle);
    form->addRow(tr("&Status:"), m_status);
    auto* dateRow = new QHBoxLayout;
    dateRow->addWidget(m_hasDate);
    dateRow->addWidget(m_date, 1);
    form->addRow(tr("Date:"), dateRow);
    auto* embargoRow = new QHBoxLayout;
    embargoRow->addWidget(m_hasEmbargo);
    embargoRow->addWidget(m_embargo, 1);
    form->addRow(tr("Embargo:"), embargoRow);
    if (document.kind == QLatin1String("letter")) {
        form->addRow(tr("&From:"), m_sender);
        form->addRow(tr("T&o:"), m_recipient);
    } else {
        m_sender->hide();
        m_recipient->hide();
        form->addRow(tr("&Reference:"), m_reference);
    }
    if (document.kind == QLatin1String("letter"))
        m_reference->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_title->text().trimmed().isEmpty());
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

Document ParticularsDialog::particulars() const
{
    Document d = m_document;
    d.title = m_title->text().trimmed();
    d.subtitle = m_subtitle->text().trimmed();
    d.dated = m_hasDate->isChecked() ? m_date->date().toString(Qt::ISODate) : QString();
    d.embargo = m_hasEmbargo->isChecked()
                    ? m_embargo->dateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm"))
                    : QString();
    d.senderCode = m_sender->currentData().toString();
    d.recipientCode = m_recipient->currentData().toString();
    d.reference = m_reference->toPlainText().trimmed();
    return d;
}

} // namespace fwb::app
