#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <catch2/catch.hpp>

namespace fwb::test {

QString fixture(const QString& relative)
{
    return QStringLiteral(FWB_FIXTURES_DIR "/") + relative;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

Scratch::Scratch()
{
    REQUIRE(m_dir.isValid());
}

QString Scratch::path(const QString& name) const
{
    return m_dir.filePath(name);
}

std::unique_ptr<Workbench> Scratch::create(const QString& name, bool demo) const
{
    CreateOptions options;
    options.demo = demo;
    auto wb = Workbench::create(path(name), options);
    INFO((wb ? QString() : wb.error().message).toStdString());
    REQUIRE(wb.ok());
    return std::move(wb).value();
}

QString collapseWhitespace(const QString& s)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return QString(s).replace(ws, QStringLiteral(" ")).trimmed();
}

} // namespace fwb::test
