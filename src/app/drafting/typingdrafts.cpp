#include "app/drafting/typingdrafts.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>
#include <algorithm>
#include <memory>
#include <spdlog/spdlog.h>

namespace fwb::app {
namespace {

// One settings key per workbench file and purpose: a hash, so that paths and uids never make
// groups or characters QSettings would change.
QString settingsKey(const QString& workbench, const QString& key)
{
    const QString absolute = QFileInfo(workbench).absoluteFilePath();
    const QByteArray id = QCryptographicHash::hash((absolute + QLatin1Char('\n') + key).toUtf8(),
                                                   QCryptographicHash::Sha1);
    return QStringLiteral("typingDrafts/") + QString::fromLatin1(id.toHex());
}

std::unique_ptr<QSettings> open(const QString& iniFile)
{
    return iniFile.isEmpty() ? std::make_unique<QSettings>()
                             : std::make_unique<QSettings>(iniFile, QSettings::IniFormat);
}

} // namespace

QStringList TypingDrafts::text(const QString& workbench, const QString& key) const
{
    if (workbench.isEmpty())
        return {};
    return open(m_iniFile)->value(settingsKey(workbench, key)).toStringList();
}

void TypingDrafts::keep(const QString& workbench, const QString& key,
                        const QStringList& parts) const
{
    if (workbench.isEmpty())
        return;
    const bool empty =
        std::all_of(parts.cbegin(), parts.cend(), [](const QString& p) { return p.isEmpty(); });
    auto settings = open(m_iniFile);
    if (empty)
        settings->remove(settingsKey(workbench, key));
    else
        settings->setValue(settingsKey(workbench, key), parts);
    settings->sync();
    if (settings->status() != QSettings::NoError)
        spdlog::warn("the draft {} could not be written to {}", key.toStdString(),
                     settings->fileName().toStdString());
}

void TypingDrafts::remove(const QString& workbench, const QString& key) const
{
    keep(workbench, key, {});
}

} // namespace fwb::app
