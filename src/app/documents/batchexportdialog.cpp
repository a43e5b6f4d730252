#include "app/documents/batchexportdialog.h"

#include "core/io/filenames.h"
#include "core/workbench.h"
#include "documents/export.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace fwb::app {

BatchExportDialog::BatchExportDialog(Workbench& workbench, const QString& programme,
                                     const QString& kind, QWidget* parent)
    : QDialog(parent), m_workbench(workbench)
{
    setObjectName(QStringLiteral("batchExportDialog"));
    setWindowTitle(tr("Export Every Force’s Document"));
    m_programme = new QComboBox(this);
    for (const Programme& p : workbench.reference().programmes())
        m_programme->addItem(p.label(), p.code);
    m_programme->setCurrentIndex(qMax(0, m_programme->findData(programme)));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Letters"), QStringLiteral("letter"));
    m_kind->addItem(tr("Reports"), QStringLiteral("report"));
    m_kind->setCurrentIndex(kind == QLatin1String("report") ? 1 : 0);
    m_format = new QComboBox(this);
    for (documents::Format f : {documents::Format::Pdf, documents::Format::Odt,
                                documents::Format::Html, documents::Format::Markdown})
        m_format->addItem(documents::formatLabel(f), documents::formatName(f));
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setText(QDir::homePath());
    auto* browse = new QPushButton(tr("&Choose…"), this);
    connect(browse, &QPushButton::clicked, this, &BatchExportDialog::chooseFolder);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Programme:"), m_programme);
    form->addRow(tr("&Documents:"), m_kind);
    form->addRow(tr("&Format:"), m_format);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("F&older:"), folderRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* run = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    run->setDefault(true);
    connect(run, &QPushButton::clicked, this, [this] { exportAll(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void BatchExportDialog::setFolder(const QString& folder)
{
    m_folder->setText(folder);
}

void BatchExportDialog::setFormat(const QString& format)
{
    m_format->setCurrentIndex(qMax(0, m_format->findData(format)));
}

QString BatchExportDialog::summary() const
{
    return m_result->text();
}

void BatchExportDialog::chooseFolder()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Export into"), m_folder->text());
    if (!dir.isEmpty())
        m_folder->setText(dir);
}

int BatchExportDialog::exportAll()
{
    const QString programme = m_programme->currentData().toString();
    const QString kind = m_kind->currentData().toString();
    const auto format = documents::formatFromName(m_format->currentData().toString());
    QDir folder(m_folder->text());
    if (!folder.exists() && !QDir().mkpath(folder.path())) {
        m_result->setText(tr("The folder %1 cannot be created.").arg(folder.path()));
        return 0;
    }
    QList<Document> docs;
    for (const Document& d : m_workbench.documents().documents(programme))
        if (d.kind == kind)
            docs << d;
    if (docs.isEmpty()) {
        m_result->setText(tr("This programme has no %1s yet.").arg(kind));
        return 0;
    }
    const QStringList names = documents::batchFileNames(docs, *format);
    QProgressDialog progress(tr("Exporting %1 %2s…").arg(docs.size()).arg(kind), tr("Cancel"), 0,
                             int(docs.size()), this);
    progress.setObjectName(QStringLiteral("batchProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    int written = 0;
    QString problem;
    for (int i = 0; i < docs.size(); ++i) {
        progress.setValue(i);
        progress.setLabelText(
            tr("Exporting %1 of %2: %3").arg(i + 1).arg(docs.size()).arg(docs[i].forceCode));
        QCoreApplication::processEvents();
        if (progress.wasCanceled())
            break;
        auto path = pathInside(folder.path(), names[i]);
        if (!path) {
            problem = tr("%1 was not written: %2").arg(docs[i].uid, path.error().message);
            break;
        }
        if (Status s = documents::renderToFile(m_workbench, docs[i].uid, *format, *path); !s) {
            problem = tr("%1 was not written: %2").arg(docs[i].uid, s.error().message);
            break;
        }
        ++written;
    }
    const bool cancelled = progress.wasCanceled();
    progress.setValue(int(docs.size()));
    QString text = tr("%1 of %2 written to %3.")
                       .arg(written)
                       .arg(docs.size())
                       .arg(QDir::toNativeSeparators(folder.path()));
    if (cancelled)
        text += QLatin1Char(' ') + tr("Cancelled; every file written is complete.");
    if (!problem.isEmpty())
        text += QLatin1Char(' ') + problem;
    m_result->setText(text);
    spdlog::info("batch export of {} {}s: {} written", programme.toStdString(), kind.toStdString(),
                 written);
    return written;
}

} // namespace fwb::app
