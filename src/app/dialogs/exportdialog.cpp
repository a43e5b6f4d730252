#include "app/dialogs/exportdialog.h"

#include "core/io/filenames.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fwb::app {
namespace {
// A name with "&" ("Devon & Cornwall") must not turn into a shortcut letter.
QString escapeMnemonic(QString label)
{
    return label.replace(QLatin1Char('&'), QStringLiteral("&&"));
}
} // namespace

ExportDialog::ExportDialog(const QString& programmeCode, const QString& programmeLabel,
                           const QString& forceCode, const QString& forceLabel, QWidget* parent)
    : QDialog(parent), m_programme(programmeCode), m_force(forceCode)
{
    setWindowTitle(tr("Export"));
    setAccessibleName(tr("Export"));

    auto* scopeBox = new QGroupBox(tr("What to export"), this);
    m_whole = new QRadioButton(tr("The whole &workbench"), scopeBox);
    m_programmeScope = new QRadioButton(
        programmeCode.isEmpty() ? tr("One &programme (select one first)")
                                : tr("The &programme %1").arg(escapeMnemonic(programmeLabel)),
        scopeBox);
    m_forceScope = new QRadioButton(
        forceCode.isEmpty() ? tr("One &force in a programme (select one first)")
                            : tr("One &force: %1 in %2")
                                  .arg(escapeMnemonic(forceLabel), escapeMnemonic(programmeLabel)),
        scopeBox);
    m_programmeScope->setEnabled(!programmeCode.isEmpty());
    m_forceScope->setEnabled(!programmeCode.isEmpty() && !forceCode.isEmpty());
    (m_forceScope->isEnabled()       ? m_forceScope
     : m_programmeScope->isEnabled() ? m_programmeScope
                                     : m_whole)
        ->setChecked(true);
    auto* scopeLayout = new QVBoxLayout(scopeBox);
    scopeLayout->addWidget(m_whole);
    scopeLayout->addWidget(m_programmeScope);
    scopeLayout->addWidget(m_forceScope);

    auto* formatBox = new QGroupBox(tr("Format"), this);
    m_json = new QRadioButton(tr("&JSON interchange — everything, for another workbench or fwb"),
                              formatBox);
    m_csv = new QRadioButton(tr("&CSV — judgments only, one per row"), formatBox);
    m_json->setChecked(true);
    auto* formatLayout = new QVBoxLayout(formatBox);
    formatLayout->addWidget(m_json);
    formatLayout->addWidget(m_csv);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scopeBox);
    layout->addWidget(formatBox);
    layout->addWidget(buttons);
}

ExportScope ExportDialog::scope() const
{
    if (m_forceScope->isChecked())
        return {m_programme, m_force};
    if (m_programmeScope->isChecked())
        return {m_programme, {}};
    return {};
}

ExportFormat ExportDialog::format() const
{
    return m_csv->isChecked() ? ExportFormat::Csv : ExportFormat::Json;
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
        parts << QStringLiteral("workbench");
    if (format() == ExportFormat::Csv)
        parts << QStringLiteral("judgments");
    return fileSlug(parts.join(QLatin1Char('-')), QStringLiteral("workbench")) +
           (format() == ExportFormat::Csv ? QStringLiteral(".csv") : QStringLiteral(".json"));
}

} // namespace fwb::app
