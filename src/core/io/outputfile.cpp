#include "core/io/outputfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cerrno>
#include <cstring>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fwb {

QString writeErrorReason(int errorNumber, const QString& fallback)
{
#ifdef EDQUOT
    if (errorNumber == EDQUOT)
        return QStringLiteral("the disk is full (the quota is used up)");
#endif
    if (errorNumber == ENOSPC)
        return QStringLiteral("the disk is full");
    if (!fallback.isEmpty() && fallback != QLatin1String("Unknown error"))
        return fallback;
    if (errorNumber != 0)
        return QString::fromLocal8Bit(std::strerror(errorNumber));
    return QStringLiteral("the file system refused the write");
}

OutputFile::OutputFile(QString path) : m_path(std::move(path)) {}

OutputFile::~OutputFile() = default; // an uncommitted QSaveFile removes its temporary

Error OutputFile::failure(const QString& reason)
{
    if (auto* save = qobject_cast<QSaveFile*>(m_file.get()))
        save->cancelWriting();
    m_file.reset(); // removes the temporary
    m_written = false;
    const Error e = Error::make(
        Error::Code::Io,
        QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), reason));
    spdlog::warn("{}", e.message.toStdString());
    return e;
}

Status OutputFile::write(const QByteArray& bytes)
{
    // A device or a pipe (/dev/stdout, a FIFO) is written to as it is: a temporary renamed over
    // it would replace the device with a plain file.
    struct stat st {};
    m_direct = ::stat(QFile::encodeName(m_path).constData(), &st) == 0 && !S_ISREG(st.st_mode) &&
               !S_ISDIR(st.st_mode);
    if (m_direct)
        m_file = std::make_unique<QFile>(m_path);
    else
        m_file = std::make_unique<QSaveFile>(m_path);
    // Unbuffered: every write reaches the file system here, where its result is checked, rather
    // than in a flush whose failure would be hard to tell apart.
    errno = 0;
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        const int e = errno;
        return failure(writeErrorReason(e, m_file->errorString()));
    }
    const char* at = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        // A short write is not an error by itself: the rest is written again, and it is that
        // second write that reports why (ENOSPC and the like).
        errno = 0;
        const qint64 n = m_file->write(at, left);
        if (n <= 0) {
            const int e = errno;
            const bool full = m_file->error() == QFileDevice::ResourceError;
            return failure(writeErrorReason(full ? ENOSPC : e, m_file->errorString()));
        }
        at += n;
        left -= n;
    }
    errno = 0;
    if (!m_file->flush()) {
        const int e = errno;
        return failure(writeErrorReason(e, m_file->errorString()));
    }
    // Some file systems (network ones, delayed allocation) report a full disk only when the data
    // is pushed out: sync before the rename, and check it.
    if (const int fd = m_file->handle();
        !m_direct && fd >= 0 && ::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
        const int e = errno;
        return failure(writeErrorReason(e, {}));
    }
    m_written = true;
    return {};
}

Status OutputFile::commit()
{
    if (!m_written || !m_file)
        return Error::make(Error::Code::Internal,
                           QStringLiteral("%1 was committed before it was written")
                               .arg(QDir::toNativeSeparators(m_path)));
    errno = 0;
    auto* save = qobject_cast<QSaveFile*>(m_file.get());
    if (save ? !save->commit() : (m_file->close(), m_file->error() != QFileDevice::NoError)) {
        const int e = errno;
        const QString reason = writeErrorReason(e, m_file->errorString());
        m_file.reset();
        m_written = false;
        return Error::make(
            Error::Code::Io,
            QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), reason));
    }
    m_file.reset();
    m_written = false;
    return {};
}

Status writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    OutputFile file(path);
    if (Status s = file.write(bytes); !s)
        return s;
    return file.commit();
}

Status writeFilesTogether(const QList<OutputBytes>& files)
{
    // First every file in full beside its target: this is where a full disk shows.
    std::vector<std::unique_ptr<OutputFile>> staged;
    staged.reserve(size_t(files.size()));
    for (const OutputBytes& f : files) {
        auto out = std::make_unique<OutputFile>(f.path);
        if (Status s = out->write(f.bytes); !s)
            return s; // the temporaries written so far go with `staged`
        staged.push_back(std::move(out));
    }
    // Then the renames, which need no space. Should one fail all the same, the files this call
    // put where there were none are taken away again.
    QStringList placed;
    for (const auto& out : staged) {
        const bool existed = QFileInfo::exists(out->path());
        if (Status s = out->commit(); !s) {
            for (const QString& p : placed)
                QFile::remove(p);
            return s;
        }
        if (!existed)
            placed << out->path();
    }
    return {};
}

Status OutputFolder::create(const QString& path)
{
    QStringList missing;
    for (QFileInfo at(QDir::cleanPath(QFileInfo(path).absoluteFilePath())); !at.exists();
         at = QFileInfo(at.absolutePath())) {
        missing.prepend(at.absoluteFilePath());
        if (at.isRoot() || at.absolutePath() == at.absoluteFilePath())
            break;
    }
    for (const QString& dir : missing) {
        errno = 0;
        if (!QDir().mkdir(dir)) {
            const int e = errno;
            removeIfEmpty();
            return Error::make(Error::Code::Io,
                               QStringLiteral("Cannot create the folder %1: %2")
                                   .arg(QDir::toNativeSeparators(dir), writeErrorReason(e, {})));
        }
        m_created << dir;
    }
    if (!QFileInfo(path).isDir())
        return Error::make(
            Error::Code::Io,
            QStringLiteral("%1 is not a folder").arg(QDir::toNativeSeparators(path)));
    return {};
}

void OutputFolder::removeIfEmpty()
{
    while (!m_created.isEmpty()) {
        const QString dir = m_created.takeLast();
        if (!QDir().rmdir(dir)) // only an empty folder goes
            break;
    }
    m_created.clear();
}

} // namespace fwb
