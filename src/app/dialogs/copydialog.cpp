#include "app/dialogs/copydialog.h"

#include "core/storage/copy.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fwb::app {

CopyDialog::CopyDialog(const QString& source, QWidget* parent) : QDialog(parent), m_source(source)
{
    setWindowTitle(tr("Copy Workbench To"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Copies everything in %1 — reference data, programmes, drafts, "
                                "documents, the audit log and review history — into a new file "
                                "or an empty database on a server, and checks the two are equal.")
                                 .arg(QFileInfo(source).fileName()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    auto* row = new QHBoxLayout;
    m_destination = new QLineEdit(this);
    m_destination->setPlaceholderText(tr("a new file, or postgresql://server/database"));
    m_destination->setObjectName(u"copyDestination"_s);
    m_browse = new QPushButton(tr("Browse…"), this);
    row->addWidget(m_destination, 1);
    row->addWidget(m_browse);
    form->addRow(tr("&Destination:"), row);
    layout->addLayout(form);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = m_buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setEnabled(false);
    layout->addWidget(m_buttons);

    connect(m_destination, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_copy->setEnabled(!text.trimmed().isEmpty() && !running());
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Copy Workbench To"),
                                                          QFileInfo(m_source).absolutePath(),
                                                          tr("Workbench (*.fwb)"));
        if (!path.isEmpty())
            m_destination->setText(path);
    });
    connect(m_copy, &QPushButton::clicked, this, &CopyDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CopyDialog::reject);
}

CopyDialog::~CopyDialog()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void CopyDialog::start()
{
    const QString destination = m_destination->text().trimmed();
    if (destination.isEmpty() || running())
        return;
    m_copy->setEnabled(false);
    m_browse->setEnabled(false);
    m_destination->setEnabled(false);
    m_status->setText(tr("Copying…"));
    const QString source = m_source;
    m_thread = QThread::create([this, source, destination] {
        auto report = copying::copyWorkbench(source, destination, [this](const QString& table) {
            QMetaObject::invokeMethod(
                this, [this, table] { onProgress(table); }, Qt::QueuedConnection);
        });
        const bool ok = bool(report);
        const QString message = ok ? tr("Copied %1 rows in %2 tables to %3; verified equal.")
                                         .arg(report->rows)
                                         .arg(report->tables.size())
                                         .arg(destination)
                                   : report.error().message;
        QMetaObject::invokeMethod(
            this, [this, ok, message] { onFinished(ok, message); }, Qt::QueuedConnection);
    });
    m_thread->start();
}

void CopyDialog::onProgress(const QString& table)
{
    m_status->setText(table == u"verifying"_s ? tr("Checking the copy against the workbench…")
                                              : tr("Copying %1…").arg(table));
}

void CopyDialog::onFinished(bool ok, const QString& message)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_status->setText(message);
    m_browse->setEnabled(true);
    m_destination->setEnabled(true);
    m_copy->setEnabled(!ok);
    Q_EMIT copyFinished(ok, message);
}

void CopyDialog::reject()
{
    if (running()) // a copy cannot be left half-way; it finishes or fails on its own
        return;
    QDialog::reject();
}

} // namespace fwb::app
