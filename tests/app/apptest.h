#pragma once
// Helpers for the window's tests: demo workbenches in a temporary folder, seed text, and a
// recorder for Qt warnings (QAbstractItemModelTester reports through them).

#include "core/workbench.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>

namespace fwb::apptest {

// Runs the event loop until `done` holds or `ms` pass (saves follow typing after a short rest;
// checks run on a worker thread).
inline bool eventually(const std::function<bool()>& done, int ms = 5000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

inline QString fixture(const QString& relative)
{
    return QStringLiteral(FWB_APP_FIXTURES_DIR "/") + relative;
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

// Folds white space and typographic apostrophes so seed text compares with rendered text.
inline QString normalise(const QString& s)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    QString out = s;
    out.replace(QChar(0x2019), QLatin1Char('\'')).replace(QChar(0x2018), QLatin1Char('\''));
    out.replace(QChar(0x00A0), QLatin1Char(' '));
    return out.replace(ws, QStringLiteral(" ")).trimmed();
}

// The lines of a seed document (tests/fixtures/seeds).
inline QStringList seedLines(const QString& name)
{
    return QString::fromUtf8(readFile(fixture(QStringLiteral("seeds/") + name)))
        .split(QLatin1Char('\n'));
}

// The first line of a seed that starts with `prefix`, normalised; fails the test when none does.
inline QString seedLine(const QString& name, const QString& prefix)
{
    for (const QString& line : seedLines(name))
        if (normalise(line).startsWith(normalise(prefix)))
            return normalise(line);
    FAIL("no line starting with \"" << prefix.toStdString() << "\" in " << name.toStdString());
    return {};
}

class Scratch {
public:
    Scratch() { REQUIRE(m_dir.isValid()); }
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Creates a workbench with the reference data (and the demo content) and closes it again.
    QString createFile(const QString& name, bool demo = true) const
    {
        CreateOptions options;
        options.demo = demo;
        auto wb = Workbench::create(path(name), options);
        INFO((wb ? QString() : wb.error().message).toStdString());
        REQUIRE(wb.ok());
        return path(name);
    }
    std::unique_ptr<Workbench> create(const QString& name, bool demo = true) const
    {
        auto wb = Workbench::open(createFile(name, demo));
        REQUIRE(wb.ok());
        return std::move(wb).value();
    }

private:
    QTemporaryDir m_dir;
};

// Records Qt warnings while it lives (QAbstractItemModelTester in Warning mode reports this way).
class WarningRecorder {
public:
    WarningRecorder();
    ~WarningRecorder();
    QStringList messages() const { return m_messages; }
    QStringList modelTestFailures() const;

private:
    static void handler(QtMsgType type, const QMessageLogContext& context, const QString& message);
    static WarningRecorder* s_current;
    QtMessageHandler m_previous;
    QStringList m_messages;
};

} // namespace fwb::apptest
