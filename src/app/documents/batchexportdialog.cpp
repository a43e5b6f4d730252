#include "app/documents/batchexportdialog.h"

#include "core/reader.h"
#include "documents/batch.h"
#include "ui_batchexportdialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QProgressDialog>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fwb::app {

BatchExportDialog::BatchExportDialog(Workbench& workbench, const QString& programme,
                                     const QString& kind, QWidget* parent)
    : QDialog(parent), m_workbench(workbench), m_ui(std::make_unique<Ui::BatchExportDialog>())
{
    m_ui->setupUi(this);
    for (const Programme& p : workbench.reader().programmes())
        m_ui->programme->addItem(p.label(), p.code);
    m_ui->programme->setCurrentIndex(qMax(0, m_ui->programme->findData(programme)));
    m_ui->kind->addItem(tr("Letters"), u"letter"_s);
    m_ui->kind->addItem(tr("Reports"), u"report"_s);
    m_ui->kind->setCurrentIndex(kind == u"report"_s ? 1 : 0);
    for (documents::Format f :
         {documents::Format::Pdf, documents::Format::Docx, documents::Format::Odt,
          documents::Format::Html, documents::Format::Markdown})
        m_ui->format->addItem(documents::formatLabel(f), documents::formatName(f));
    m_ui->folder->setText(QDir::homePath());
    connect(m_ui->browse, &QPushButton::clicked, this, &BatchExportDialog::chooseFolder);
    QPushButton* run = m_ui->buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    run->setDefault(true);
    connect(run, &QPushButton::clicked, this, [this] { exportAll(); });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, sizeHint().height());
}

BatchExportDialog::~BatchExportDialog() = default;

void BatchExportDialog::setFolder(const QString& folder)
{
    m_ui->folder->setText(folder);
}

void BatchExportDialog::setFormat(const QString& format)
{
    m_ui->format->setCurrentIndex(qMax(0, m_ui->format->findData(format)));
}

QString BatchExportDialog::summary() const
{
    return m_ui->result->text();
}

void BatchExportDialog::chooseFolder()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Export into"), m_ui->folder->text());
    if (!dir.isEmpty())
        m_ui->folder->setText(dir);
}

int BatchExportDialog::exportAll()
{
    const QString programme = m_ui->programme->currentData().toString();
    const QString kind = m_ui->kind->currentData().toString();
    const auto format = documents::formatFromName(m_ui->format->currentData().toString());
    QDir folder(m_ui->folder->text());
    if (!folder.exists() && !QDir().mkpath(folder.path())) {
        m_ui->result->setText(tr("The folder %1 cannot be created.").arg(folder.path()));
        return 0;
    }
    const int total = int(m_workbench.reader().documentsOfKind(programme, kind).size());
    if (total == 0) {
        m_ui->result->setText(tr("This programme has no %1s yet.").arg(kind));
        return 0;
    }
    QProgressDialog progress(tr("Exporting %1 %2s…").arg(total).arg(kind), tr("Cancel"), 0, total,
                             this);
    progress.setObjectName(u"batchProgress"_s);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    documents::BatchOptions options;
    options.beforeEach = [&](int i, int count, const Document& d) {
        progress.setValue(i);
        progress.setLabelText(tr("Exporting %1 of %2: %3").arg(i + 1).arg(count).arg(d.forceCode));
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    };
    const documents::BatchReport r =
        documents::renderEveryForce(m_workbench, programme, kind, *format, folder.path(), options);
    progress.setValue(total);
    QString text = tr("%1 of %2 written to %3.")
                       .arg(r.written.size())
                       .arg(r.total)
                       .arg(QDir::toNativeSeparators(folder.path()));
    if (r.cancelled)
        text += QLatin1Char(' ') + tr("Cancelled; every file written is complete.");
    if (r.failure)
        text +=
            QLatin1Char(' ') + tr("%1 was not written: %2").arg(r.failedUid, r.failure->message);
    m_ui->result->setText(text);
    return int(r.written.size());
}

} // namespace fwb::app
