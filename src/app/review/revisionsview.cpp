#include "app/review/revisionsview.h"

#include "core/workbench.h"
#include "documents/reviewpack.h"

#include <QComboBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace fwb::app {

RevisionsView::RevisionsView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("revisionsView"));
    m_from = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("revisionFrom"));
    m_from->setAccessibleName(tr("Compare from revision"));
    m_to = new QComboBox(this);
    m_to->setObjectName(QStringLiteral("revisionTo"));
    m_to->setAccessibleName(tr("Compare with"));
    m_summary = new QLabel(this);
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("revisionDiff"));
    m_export = new QPushButton(tr("Export as PDF…"), this);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the Comparison"), QStringLiteral("revisions.pdf"), tr("PDF (*.pdf)"));
        if (!path.isEmpty() && !exportPdf(path)) {
            QMessageBox box(QMessageBox::Warning, tr("Comparison not exported"), m_lastError,
                            QMessageBox::Ok, this);
            box.setTextFormat(Qt::PlainText);
            box.exec();
        }
    });
    for (QComboBox* box : {m_from, m_to})
        connect(box, &QComboBox::activated, this, &RevisionsView::refresh);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Compare"), this));
    row->addWidget(m_from, 1);
    row->addWidget(new QLabel(tr("with"), this));
    row->addWidget(m_to, 1);
    row->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
}

void RevisionsView::show(Workbench* workbench, const QString& target, const QString& title)
{
    m_wb = workbench;
    m_target = target;
    m_title = title;
    m_from->clear();
    m_to->clear();
    const QList<Revision> kept =
        m_wb && !target.isEmpty() ? ReviewService(*m_wb).revisions(target) : QList<Revision>{};
    for (const Revision& r : kept) {
        const QString label = tr("Revision %1 — %2 (%3, %4)")
                                  .arg(r.number)
                                  .arg(r.reason.left(60), r.actor,
                                       r.at.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')));
        m_from->addItem(label, r.number);
        m_to->addItem(label, r.number);
    }
    m_to->addItem(tr("The text now"), 0);
    m_to->setCurrentIndex(m_to->count() - 1);
    const bool any = !kept.isEmpty();
    m_from->setEnabled(any);
    m_to->setEnabled(any);
    m_export->setEnabled(any);
    if (!any) {
        m_summary->setText(
            target.isEmpty()
                ? QString()
                : tr("No revisions yet: they are kept once the text is ready for review."));
        m_view->clear();
        return;
    }
    m_summary->setText(tr("%n revision(s) kept.", nullptr, int(kept.size())));
    refresh();
}

void RevisionsView::compare(int from, int to)
{
    m_from->setCurrentIndex(qMax(0, m_from->findData(from)));
    m_to->setCurrentIndex(qMax(0, m_to->findData(to)));
    refresh();
}

void RevisionsView::refresh()
{
    if (!m_wb || m_from->count() == 0)
        return;
    auto pieces = ReviewService(*m_wb).compare(m_target, m_from->currentData().toInt(),
                                               m_to->currentData().toInt());
    if (!pieces) {
        m_view->setPlainText(pieces.error().message);
        return;
    }
    const int changes = diff::changeCount(*pieces);
    m_view->setHtml(QStringLiteral("<p>") + diff::toHtml(*pieces) + QStringLiteral("</p>") +
                    (changes ? QString() : tr("<p><i>The two are the same.</i></p>")));
}

bool RevisionsView::exportPdf(const QString& path)
{
    m_lastError.clear();
    if (!m_wb || m_from->count() == 0) {
        m_lastError = tr("There are no revisions to compare.");
        return false;
    }
    const int from = m_from->currentData().toInt(), to = m_to->currentData().toInt();
    auto pieces = ReviewService(*m_wb).compare(m_target, from, to);
    Status written = pieces ? Status{} : Status(pieces.error());
    if (written) {
        auto pdf = documents::htmlToPdf(
            documents::revisionsHtml(m_target, m_title, from, to, *pieces), m_title);
        written = pdf ? writeFileAtomically(path, *pdf) : Status(pdf.error());
    }
    if (!written) {
        m_lastError = written.error().message;
        spdlog::warn("comparison of {} not exported: {}", m_target.toStdString(),
                     m_lastError.toStdString());
        return false;
    }
    return true;
}

} // namespace fwb::app
