#pragma once
// Files the program writes (exports, documents, packs, images): whole or not at all. The bytes go
// to a temporary file beside the target; every write is checked, the temporary is synced to disk,
// and only then renamed over the target. Whatever cannot be finished — a full disk, a quota, a
// medium that goes away — is removed again, temporary included, and the error names the file and
// says why ("the disk is full", not "Unknown error").

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

class QFileDevice;

namespace fwb {

// One file being written. Nothing appears under `path` until commit() succeeds; the temporary is
// removed when the object goes without a commit. A target that is a device or a pipe
// (/dev/stdout) is written to directly, each write still checked.
class OutputFile {
public:
    explicit OutputFile(QString path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    const QString& path() const { return m_path; }

    // Writes all of `bytes` to the temporary and syncs it to disk; on failure the temporary is
    // removed and the error says why. Call once.
    Status write(const QByteArray& bytes);
    // Renames the written temporary over the target.
    Status commit();

private:
    Error failure(const QString& reason);

    QString m_path;
    std::unique_ptr<QFileDevice> m_file; // a QSaveFile, or a QFile for a device
    bool m_direct = false;
    bool m_written = false;
};

// Writes bytes to a file atomically (a temporary beside it, then renamed over it).
Status writeFileAtomically(const QString& path, const QByteArray& bytes);

struct OutputBytes {
    QString path;
    QByteArray bytes;
};

// Writes several files all or nothing: each is written whole to a temporary beside its target
// before any is renamed into place. If any cannot be written none is put in place, and files that
// were there before are left as they were.
Status writeFilesTogether(const QList<OutputBytes>& files);

// A folder for output, created with any missing parents; what it created can be taken away again
// when nothing was written into it.
class OutputFolder {
public:
    Status create(const QString& path);
    // Removes the folders create() made, deepest first, as long as they are empty.
    void removeIfEmpty();

private:
    QStringList m_created; // outermost first
};

// "the disk is full" for ENOSPC and EDQUOT, otherwise the system's own words.
QString writeErrorReason(int errorNumber, const QString& fallback);

} // namespace fwb
