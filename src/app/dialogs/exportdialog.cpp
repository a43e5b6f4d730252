#include "app/dialogs/exportdialog.h"
#include "ui_exportdialog.h"

#include "core/io/filenames.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {
// A name with "&" ("Devon & Cornwall") must not turn into a shortcut letter.
QString escapeMnemonic(QString label)
{
    return label.replace(u'&', u"&&"_s);
}
} // namespace

ExportDialog::ExportDialog(const QString& programmeCode, const QString& programmeLabel,
                           const QString& forceCode, const QString& forceLabel, QWidget* parent)
    : QDialog(parent), m_programme(programmeCode), m_force(forceCode),
      m_ui(std::make_unique<Ui::ExportDialog>())
{
    m_ui->setupUi(this);
    if (!programmeCode.isEmpty())
        m_ui->programmeScope->setText(tr("The &programme %1").arg(escapeMnemonic(programmeLabel)));
    if (!forceCode.isEmpty())
        m_ui->forceScope->setText(
            tr("One &force: %1 in %2")
                .arg(escapeMnemonic(forceLabel), escapeMnemonic(programmeLabel)));
    m_ui->programmeScope->setEnabled(!programmeCode.isEmpty());
    m_ui->forceScope->setEnabled(!programmeCode.isEmpty() && !forceCode.isEmpty());
    (m_ui->forceScope->isEnabled()       ? m_ui->forceScope
     : m_ui->programmeScope->isEnabled() ? m_ui->programmeScope
                                         : m_ui->whole)
        ->setChecked(true);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    resize(sizeHint());
}

ExportDialog::~ExportDialog() = default;

QRadioButton* ExportDialog::wholeButton() const
{
    return m_ui->whole;
}

QRadioButton* ExportDialog::programmeButton() const
{
    return m_ui->programmeScope;
}

QRadioButton* ExportDialog::forceButton() const
{
    return m_ui->forceScope;
}

QRadioButton* ExportDialog::csvButton() const
{
    return m_ui->csv;
}

ExportScope ExportDialog::scope() const
{
    // A scope that is off (nothing selected for it) is never the answer, whatever is ticked.
    if (m_ui->forceScope->isChecked() && m_ui->forceScope->isEnabled())
        return {m_programme, m_force};
    if (m_ui->programmeScope->isChecked() && m_ui->programmeScope->isEnabled())
        return {m_programme, {}};
    return {};
}

ExportFormat ExportDialog::format() const
{
    return m_ui->csv->isChecked() ? ExportFormat::Csv : ExportFormat::Json;
}

QString ExportDialog::suggestedFileName() const
{
    const ExportScope s = scope();
    QStringList parts;
    if (!s.force.isEmpty())
        parts << s.force;
    if (!s.programme.isEmpty())
        parts << s.programme;
    if (parts.isEmpty())
        parts << u"workbench"_s;
    if (format() == ExportFormat::Csv)
        parts << u"judgments"_s;
    return fileSlug(parts.join(u'-'), u"workbench"_s) +
           (format() == ExportFormat::Csv ? u".csv"_s : u".json"_s);
}

} // namespace fwb::app
