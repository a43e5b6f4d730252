#include "core/io/filenames.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace fwb {
namespace {

bool plainChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}

bool isDeviceName(const QString& stem)
{
    static const QRegularExpression re(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(stem).hasMatch();
}

QString trimEnds(QString s)
{
    while (!s.isEmpty() && (s.front() == QLatin1Char('-') || s.front() == QLatin1Char('.')))
        s.remove(0, 1);
    while (!s.isEmpty() && (s.back() == QLatin1Char('-') || s.back() == QLatin1Char('.')))
        s.chop(1);
    return s;
}

bool inside(const QString& path, const QString& folder)
{
    const QString base = folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
    return path.startsWith(base) && path.size() > base.size();
}

} // namespace

QString fileSlug(const QString& text, const QString& fallback)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // the accent of an accented letter
        out += plainChar(c) || c == QLatin1Char('.') ? c : QChar(QLatin1Char('-'));
    }
    // A run of separators is one '-', or one '.' when it holds dots only: never "..".
    static const QRegularExpression dashes(QStringLiteral("[-.]*-[-.]*")),
        dots(QStringLiteral("\\.{2,}"));
    out.replace(dashes, QStringLiteral("-"));
    out.replace(dots, QStringLiteral("."));
    out = trimEnds(trimEnds(out).left(MaxSlugLength));
    if (out.isEmpty())
        return fallback;
    if (isDeviceName(out.section(QLatin1Char('.'), 0, 0)))
        out.insert(out.indexOf(QLatin1Char('.')) < 0 ? out.size() : out.indexOf(QLatin1Char('.')),
                   QLatin1Char('_'));
    return out;
}

Result<QString> pathInside(const QString& folder, const QString& fileName)
{
    auto refuse = [&](const QString& why) {
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("will not write \"%1\" into %2: %3")
                               .arg(fileName, QDir::toNativeSeparators(folder), why));
    };
    if (fileName.isEmpty() || fileName == QLatin1String(".") || fileName == QLatin1String(".."))
        return refuse(QStringLiteral("it is not a file name"));
    if (fileName.contains(QLatin1Char('/')) || fileName.contains(QLatin1Char('\\')) ||
        fileName.contains(QChar(0)))
        return refuse(QStringLiteral("a file name must not contain '/', '\\' or NUL"));
    const QString base = QDir::cleanPath(QDir(folder).absolutePath());
    const QString path = QDir::cleanPath(base + QLatin1Char('/') + fileName);
    if (!inside(path, base) || QFileInfo(path).absolutePath() != base)
        return refuse(QStringLiteral("the path leaves the folder"));
    // A link already standing at that name must not lead out of the folder either.
    const QFileInfo existing(path);
    if (existing.isSymLink()) {
        const QString target = existing.canonicalFilePath();
        const QString canonicalBase = QFileInfo(base).canonicalFilePath();
        if (target.isEmpty() || canonicalBase.isEmpty() || !inside(target, canonicalBase))
            return refuse(QStringLiteral("a link of that name leads out of the folder"));
    }
    return path;
}

} // namespace fwb
