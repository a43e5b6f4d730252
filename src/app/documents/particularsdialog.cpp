#include "app/documents/particularsdialog.h"
#include "ui_particularsdialog.h"

#include "core/services/review.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

void fillPeople(QComboBox* box, const QList<Person>& people, const QString& current)
{
    box->addItem(QObject::tr("(nobody)"), QString());
    for (const Person& p : people)
        box->addItem(p.post.isEmpty() ? p.name : u"%1 — %2"_s.arg(p.name, p.post), p.code);
    box->setCurrentIndex(qMax(0, box->findData(current)));
}

} // namespace

ParticularsDialog::ParticularsDialog(const Document& document, const QList<Person>& people,
                                     QWidget* parent)
    : QDialog(parent), m_document(document), m_ui(std::make_unique<Ui::ParticularsDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Particulars of the %1").arg(document.kind));

    m_ui->title->setText(document.title);
    m_ui->subtitle->setText(document.subtitle);
    // Shown, not chosen: the status moves through the review (Review tab), where each move is
    // checked and recorded.
    for (const QString& s : statuses())
        m_ui->status->addItem(statusLabel(s), s);
    m_ui->status->setCurrentIndex(qMax(0, m_ui->status->findData(document.status)));

    const QDate dated = QDate::fromString(document.dated, Qt::ISODate);
    m_ui->date->setDate(dated.isValid() ? dated : QDate::currentDate());
    m_ui->hasDate->setChecked(dated.isValid()); // enables the date (a connection in the form)

    const QDateTime embargo = QDateTime::fromString(document.embargo, Qt::ISODate);
    m_ui->embargo->setDateTime(
        embargo.isValid() ? embargo : QDateTime(QDate::currentDate().addDays(7), QTime(0, 1)));
    m_ui->hasEmbargo->setChecked(embargo.isValid());

    fillPeople(m_ui->sender, people, document.senderCode);
    fillPeople(m_ui->recipient, people, document.recipientCode);
    m_ui->reference->setPlainText(document.reference);

    // A letter has parties; a report has reference lines on its title page.
    const bool letter = document.kind == u"letter"_s;
    m_ui->form->setRowVisible(m_ui->sender, letter);
    m_ui->form->setRowVisible(m_ui->recipient, letter);
    m_ui->form->setRowVisible(m_ui->reference, !letter);

    connect(m_ui->title, &QLineEdit::textChanged, this, &ParticularsDialog::check);
    check();
    resize(560, sizeHint().height());
}

ParticularsDialog::~ParticularsDialog()
{
    // The form's widgets outlive m_ui by a moment; nothing is to be checked as they go.
    disconnect(m_ui->title, nullptr, this, nullptr);
}

QString ParticularsDialog::problem() const
{
    if (m_ui->title->text().trimmed().isEmpty())
        return tr("A document needs a title.");
    return {};
}

void ParticularsDialog::check()
{
    const QString why = problem();
    m_ui->problem->setText(why);
    m_ui->problem->setVisible(!why.isEmpty());
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

Document ParticularsDialog::particulars() const
{
    Document d = m_document;
    d.title = m_ui->title->text().trimmed();
    d.subtitle = m_ui->subtitle->text().trimmed();
    d.dated = m_ui->hasDate->isChecked() ? m_ui->date->date().toString(Qt::ISODate) : QString();
    d.embargo = m_ui->hasEmbargo->isChecked()
                    ? m_ui->embargo->dateTime().toString(u"yyyy-MM-ddTHH:mm"_s)
                    : QString();
    d.senderCode = m_ui->sender->currentData().toString();
    d.recipientCode = m_ui->recipient->currentData().toString();
    d.reference = m_ui->reference->toPlainText().trimmed();
    return d;
}

} // namespace fwb::app
