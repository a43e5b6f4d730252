#include "documents/package.h"

#include "core/io/outputfile.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <zip.h>

namespace fwb::documents::package {
namespace {

Error zipError(const QString& what, zip_error_t* e)
{
    return Error::make(Error::Code::Invalid, QStringLiteral("%1: %2").arg(
                                                 what, QString::fromUtf8(zip_error_strerror(e))));
}

// The same for an error of our own, which is then released.
Error takeZipError(const QString& what, zip_error_t* e)
{
    const Error out = zipError(what, e);
    zip_error_fini(e);
    return out;
}

// An archive opened over bytes in memory; closed (discarding changes) when it goes.
struct Archive {
    zip_t* zip = nullptr;
    zip_source_t* source = nullptr;
    ~Archive()
    {
        if (zip)
            zip_discard(zip);
    }
};

Result<std::unique_ptr<Archive>> open(const QByteArray& bytes)
{
    auto a = std::make_unique<Archive>();
    zip_error_t error;
    zip_error_init(&error);
    a->source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
    if (!a->source)
        return takeZipError(QStringLiteral("not a zip package"), &error);
    a->zip = zip_open_from_source(a->source, 0, &error);
    if (!a->zip) {
        zip_source_free(a->source);
        return takeZipError(QStringLiteral("not a zip package"), &error);
    }
    return a;
}

} // namespace

Result<QByteArray> write(const QList<Entry>& files)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!source)
        return takeZipError(QStringLiteral("cannot make a package"), &error);
    zip_t* z = zip_open_from_source(source, ZIP_TRUNCATE, &error);
    if (!z) {
        zip_source_free(source);
        return takeZipError(QStringLiteral("cannot make a package"), &error);
    }
    zip_source_keep(source); // kept past zip_close, to read the archive back
    auto fail = [&](const QString& what) {
        const Error e = zipError(what, zip_get_error(z));
        zip_discard(z);
        zip_source_free(source);
        return e;
    };
    for (const Entry& f : files) {
        zip_source_t* data =
            zip_source_buffer(z, f.bytes.constData(), zip_uint64_t(f.bytes.size()), 0);
        if (!data)
            return fail(f.name);
        const zip_int64_t index =
            zip_file_add(z, f.name.toUtf8().constData(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            return fail(f.name);
        }
        if (zip_set_file_compression(z, zip_uint64_t(index),
                                     f.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0)
            return fail(f.name);
    }
    if (zip_close(z) != 0)
        return fail(QStringLiteral("writing the package"));
    QByteArray out;
    if (zip_source_open(source) == 0) {
        zip_source_seek(source, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(source);
        zip_source_seek(source, 0, SEEK_SET);
        if (size > 0) {
            out.resize(qsizetype(size));
            if (zip_source_read(source, out.data(), zip_uint64_t(size)) != size)
                out.clear();
        }
        zip_source_close(source);
    }
    zip_source_free(source);
    if (out.isEmpty())
        return Error::make(Error::Code::Internal,
                           QStringLiteral("the package could not be read back"));
    return out;
}

Result<QStringList> entries(const QByteArray& bytes)
{
    auto a = open(bytes);
    if (!a)
        return a.error();
    QStringList out;
    const zip_int64_t n = zip_get_num_entries((*a)->zip, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name((*a)->zip, zip_uint64_t(i), 0))
            out << QString::fromUtf8(name);
    return out;
}

Result<QByteArray> read(const QByteArray& bytes, const QString& entry)
{
    auto a = open(bytes);
    if (!a)
        return a.error();
    zip_t* z = (*a)->zip;
    const QByteArray name = entry.toUtf8();
    zip_stat_t st;
    if (zip_stat(z, name.constData(), 0, &st) != 0)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("the package has no %1").arg(entry));
    zip_file_t* f = zip_fopen(z, name.constData(), 0);
    if (!f)
        return zipError(entry, zip_get_error(z));
    QByteArray out(qsizetype(st.size), Qt::Uninitialized);
    const zip_int64_t got = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    if (got != zip_int64_t(st.size))
        return Error::make(Error::Code::Truncated,
                           QStringLiteral("%1 is cut short in the package").arg(entry));
    return out;
}

Result<QByteArray> replace(const QByteArray& bytes, const QString& entry, const QByteArray& content)
{
    // Rewritten through a temporary file: libzip's ordinary way of writing an archive.
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error::make(Error::Code::Io, QStringLiteral("no temporary folder for the package"));
    const QString path = dir.filePath(QStringLiteral("package.zip"));
    // Written whole or refused (a full temporary folder says so); the folder goes with `dir`.
    if (Status s = writeFileAtomically(path, bytes); !s)
        return s.error();
    int code = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), 0, &code);
    if (!z) {
        zip_error_t e;
        zip_error_init_with_code(&e, code);
        return takeZipError(QStringLiteral("not a zip package"), &e);
    }
    const QByteArray name = entry.toUtf8();
    const zip_int64_t index = zip_name_locate(z, name.constData(), 0);
    zip_source_t* data =
        index < 0 ? nullptr
                  : zip_source_buffer(z, content.constData(), zip_uint64_t(content.size()), 0);
    if (index < 0 || !data ||
        zip_file_replace(z, zip_uint64_t(index), data, ZIP_FL_ENC_UTF_8) != 0) {
        const Error e = index < 0 ? Error::make(Error::Code::NotFound,
                                                QStringLiteral("the package has no %1").arg(entry))
                                  : zipError(entry, zip_get_error(z));
        if (data)
            zip_source_free(data);
        zip_discard(z);
        return e;
    }
    if (zip_close(z) != 0) {
        const Error e = zipError(QStringLiteral("writing the package"), zip_get_error(z));
        zip_discard(z);
        return e;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Io,
                           QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

QByteArray outlineHeadings(const QByteArray& contentXml, const QHash<QString, int>& levels)
{
    if (levels.isEmpty())
        return contentXml;
    static const QRegularExpression paragraph(
        QStringLiteral("<text:p text:style-name=\"([^\"]+)\">(.*?)</text:p>"),
        QRegularExpression::DotMatchesEverythingOption);
    const QString xml = QString::fromUtf8(contentXml);
    QString out;
    out.reserve(xml.size() + 1024);
    qsizetype last = 0;
    auto it = paragraph.globalMatch(xml);
    while (it.hasNext()) {
        const auto m = it.next();
        const auto level = levels.constFind(m.captured(1));
        if (level == levels.cend())
            continue;
        out += QStringView(xml).mid(last, m.capturedStart() - last);
        out += QStringLiteral("<text:h text:style-name=\"%1\" text:outline-level=\"%2\">")
                   .arg(m.captured(1))
                   .arg(*level);
        out += m.captured(2);
        out += QStringLiteral("</text:h>");
        last = m.capturedEnd();
    }
    out += QStringView(xml).mid(last);
    return out.toUtf8();
}

} // namespace fwb::documents::package
