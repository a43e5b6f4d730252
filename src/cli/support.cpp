#include "support.h"
#include "workbench.h"

#include <QFile>

namespace fwb::cli {

int fail(QTextStream& err, const Error& e)
{
    err << "fwb: " << e.message << Qt::endl;
    return e.isBadInput() ? BadInput : Failure;
}

int usage(QTextStream& err, const QString& message)
{
    err << "fwb: " << message << "\n" << "Try 'fwb --help'." << Qt::endl;
    return Usage;
}

bool parse(QCommandLineParser& p, const QStringList& args, const QString& synopsis, int positionals,
           QTextStream& out, QTextStream& err, int& exitCode, int maxPositionals)
{
    if (maxPositionals < positionals)
        maxPositionals = positionals;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({L("h"), L("help")}, L("Show this help."));
    p.addOption(help);
    if (!p.parse(QStringList{L("fwb")} + args)) {
        exitCode = usage(err, p.errorText());
        return false;
    }
    if (p.isSet(help)) {
        out << "Usage: fwb " << synopsis << "\n" << p.helpText().section(QLatin1Char('\n'), 2) << Qt::flush;
        exitCode = Ok;
        return false;
    }
    const qsizetype n = p.positionalArguments().size();
    if (n < positionals || n > maxPositionals) {
        const int expected = positionals - 1;
        exitCode = usage(err, QStringLiteral("%1 takes %2%3 argument%4: fwb %5")
                                  .arg(args.value(0))
                                  .arg(maxPositionals > positionals ? L("at least ") : L(""))
                                  .arg(expected)
                                  .arg(expected == 1 ? L("") : L("s"))
                                  .arg(synopsis));
        return false;
    }
    return true;
}

Status writeStdout(QTextStream& out, const QByteArray& bytes)
{
    out.flush();
    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return Error::make(Error::Code::Io, L("cannot write to standard output"));
    if (stdoutFile.write(bytes) != bytes.size() || !stdoutFile.flush() || stdoutFile.error() != QFileDevice::NoError)
        return Error::make(Error::Code::Io,
                           QStringLiteral("cannot write to standard output: %1").arg(stdoutFile.errorString()));
    return {};
}

int writeOutput(QTextStream& out, QTextStream& err, const QString& path, const QByteArray& bytes)
{
    if (path.isEmpty()) {
        if (Status s = writeStdout(out, bytes); !s)
            return fail(err, s.error());
        return Ok;
    }
    if (Status s = writeFileAtomically(path, bytes); !s)
        return fail(err, s.error());
    out << "written to " << path << Qt::endl;
    return Ok;
}

} // namespace fwb::cli
