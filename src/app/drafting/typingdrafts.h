#pragma once
// TypingDrafts: text that is kept only by an explicit act — a review note or an answer before OK,
// the wording and reason of a decision before Accept, the reason for a move — kept as it is typed
// (on the same schedule as every editor: SaveScheduler) in the person's settings, so that a crash,
// a click on another response or a reload does not lose it. A draft belongs to one workbench file
// and one purpose (its key, e.g. "decision:UID"); it is offered again where it was typed and
// removed once the act is done or the person cancels it.
//
// The settings file is written whole each time (QSettings writes a new file and renames it), so
// a crash leaves the previous drafts or the new ones, never half a file.

#include <QString>
#include <QStringList>

class QSettings;

namespace fwb::app {

class TypingDrafts {
public:
    // Drafts in the application's settings, or (for tests) in an INI file.
    TypingDrafts() = default;
    explicit TypingDrafts(QString iniFile) : m_iniFile(std::move(iniFile)) {}

    // The draft's parts (e.g. wording and reason); empty when there is none.
    QStringList text(const QString& workbench, const QString& key) const;
    bool has(const QString& workbench, const QString& key) const
    {
        return !text(workbench, key).isEmpty();
    }
    // Keeps the parts and writes the settings file at once; parts that are all empty remove it.
    void keep(const QString& workbench, const QString& key, const QStringList& parts) const;
    void remove(const QString& workbench, const QString& key) const;

private:
    QString m_iniFile;
};

} // namespace fwb::app
