#include "app/settings.h"

#include <QFileInfo>
#include <QMainWindow>
#include <QSplitter>

namespace fwb::app {
namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kLastWorkbench = QStringLiteral("files/lastWorkbench");
const QString kRecentFiles = QStringLiteral("files/recent");
const QString kShowAllForces = QStringLiteral("navigator/showAllForces");

} // namespace

Settings::Settings() = default;

bool Settings::restoreWindow(QMainWindow& window, QSplitter& splitter) const
{
    const QByteArray geometry = windowGeometry();
    const bool restored = !geometry.isEmpty() && window.restoreGeometry(geometry);
    if (const QByteArray state = windowState(); !state.isEmpty())
        window.restoreState(state);
    if (const QByteArray s = splitterState(); !s.isEmpty())
        splitter.restoreState(s);
    return restored;
}

void Settings::saveWindow(const QMainWindow& window, const QSplitter& splitter)
{
    setWindowGeometry(window.saveGeometry());
    setWindowState(window.saveState());
    setSplitterState(splitter.saveState());
}

Settings::Settings(const QString& iniFile) : m_settings(iniFile, QSettings::IniFormat) {}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}
void Settings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings.setValue(kGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}
void Settings::setWindowState(const QByteArray& state)
{
    m_settings.setValue(kState, state);
}

QByteArray Settings::splitterState() const
{
    return m_settings.value(kSplitter).toByteArray();
}
void Settings::setSplitterState(const QByteArray& state)
{
    m_settings.setValue(kSplitter, state);
}

QString Settings::lastWorkbench() const
{
    return m_settings.value(kLastWorkbench).toString();
}
void Settings::setLastWorkbench(const QString& path)
{
    m_settings.setValue(kLastWorkbench, path);
}

QStringList Settings::recentFiles() const
{
    QStringList files = m_settings.value(kRecentFiles).toStringList();
    files.removeAll(QString());
    files.removeDuplicates();
    return files.mid(0, MaxRecentFiles);
}

void Settings::setRecentFiles(const QStringList& files)
{
    QStringList kept = files;
    kept.removeAll(QString());
    kept.removeDuplicates();
    m_settings.setValue(kRecentFiles, kept.mid(0, MaxRecentFiles));
}

void Settings::addRecentFile(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    setRecentFiles(files);
}

void Settings::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    files.removeAll(path);
    setRecentFiles(files);
}

bool Settings::showAllForces() const
{
    return m_settings.value(kShowAllForces, false).toBool();
}
void Settings::setShowAllForces(bool on)
{
    m_settings.setValue(kShowAllForces, on);
}

} // namespace fwb::app
