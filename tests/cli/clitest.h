#pragma once
// Running the real `fwb` as a separate process, for the command-line tests.

#include "testsupport.h"

#include <QProcess>
#include <QStringList>
#include <catch2/catch.hpp>

namespace fwb::clitest {

struct Run {
    int code = -1;
    QString out, err;
};

// Runs fwb with the arguments (in `cwd` when given) and waits for it.
inline Run runFwb(const QStringList& args, const QString& cwd = {})
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(FWB_BINARY), args);
    REQUIRE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline QString S(const char* s)
{
    return QString::fromUtf8(s);
}

} // namespace fwb::clitest
