#pragma once
// Settings: the window's remembered state as typed accessors over QSettings. Every key lives here,
// so widgets never spell a settings key themselves.

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

class QMainWindow;
class QSplitter;

namespace fwb::app {

class Settings {
public:
    static constexpr int MaxRecentFiles = 8;

    // The application's settings (organisation and application name of the QApplication).
    Settings();
    // Settings in a given file: used by tests so that they never touch the user's settings.
    explicit Settings(const QString& iniFile);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray& state);
    // The window's geometry, docks and main splitter as the person left them; false on the first
    // run (nothing to restore: the window keeps the size it has).
    bool restoreWindow(QMainWindow& window, QSplitter& splitter) const;
    void saveWindow(const QMainWindow& window, const QSplitter& splitter);

    // The workbench open when the window last closed; empty when none.
    QString lastWorkbench() const;
    void setLastWorkbench(const QString& path);

    // Most recently opened first, at most MaxRecentFiles, no duplicates.
    QStringList recentFiles() const;
    void setRecentFiles(const QStringList& files);
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);

    // Whether the navigator lists every force under a programme, not only those with material.
    bool showAllForces() const;
    void setShowAllForces(bool on);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace fwb::app
