#include "cli/support.h"
#include "core/workbench.h"

#include <QFile>
#include <cerrno>

using namespace Qt::StringLiterals;

namespace fwb::cli {

int fail(QTextStream& err, const Error& e)
{
    err << "fwb: " << e.message << Qt::endl;
    return e.isBadInput() ? BadInput : Failure;
}

int usage(QTextStream& err, const QString& message)
{
    err << "fwb: " << message << "\n"
        << "Try 'fwb --help'." << Qt::endl;
    return Usage;
}

bool parse(QCommandLineParser& p, const QStringList& args, const QString& synopsis, int positionals,
           QTextStream& out, QTextStream& err, int& exitCode, int maxPositionals)
{
    if (maxPositionals < positionals)
        maxPositionals = positionals;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    p.addOption(help);
    if (!p.parse(QStringList{u"fwb"_s} + args)) {
        exitCode = usage(err, p.errorText());
        return false;
    }
    if (p.isSet(help)) {
        out << "Usage: fwb " << synopsis << "\n"
            << p.helpText().section(QLatin1Char('\n'), 2) << Qt::flush;
        exitCode = Ok;
        return false;
    }
    const qsizetype n = p.positionalArguments().size();
    if (n < positionals || n > maxPositionals) {
        const int expected = positionals - 1;
        exitCode = usage(err, QStringLiteral("%1 takes %2%3 argument%4: fwb %5")
                                  .arg(args.value(0))
                                  .arg(maxPositionals > positionals ? u"at least "_s : u""_s)
                                  .arg(expected)
                                  .arg(expected == 1 ? u""_s : u"s"_s)
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
        return Error::make(Error::Code::Io, u"cannot write to standard output"_s);
    auto failed = [&](int errorNumber) {
        return Error::make(Error::Code::Io,
                           QStringLiteral("cannot write to standard output: %1")
                               .arg(writeErrorReason(errorNumber, stdoutFile.errorString())));
    };
    // Every write checked: a short one is retried, and the retry says why (a full disk).
    const char* at = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        errno = 0;
        const qint64 n = stdoutFile.write(at, left);
        if (n <= 0)
            return failed(errno);
        at += n;
        left -= n;
    }
    errno = 0;
    if (!stdoutFile.flush() || stdoutFile.error() != QFileDevice::NoError)
        return failed(errno);
    return {};
}

std::unique_ptr<Workbench> openToReport(const QCommandLineParser& p, int at,
                                        const QCommandLineOption& output, QTextStream& err,
                                        int& code)
{
    const QString file = p.positionalArguments().at(at);
    if (p.isSet(output))
        if (Status own = Workbench::refuseOwnFile(file, p.value(output)); !own) {
            code = usage(err, own.error().message);
            return {};
        }
    auto wb = Workbench::open(file, OpenOptions{true, 5000});
    if (!wb) {
        code = fail(err, wb.error());
        return {};
    }
    return std::move(*wb);
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

// Text from --text, or from the file named by --text-file ("-" for standard input).
bool readText(QCommandLineParser& p, const QCommandLineOption& text, const QCommandLineOption& file,
              QString& out, QTextStream& err, int& code)
{
    if (p.isSet(text) && p.isSet(file)) {
        code = usage(err, u"give --text or --text-file, not both"_s);
        return false;
    }
    if (p.isSet(text)) {
        out = p.value(text);
        return true;
    }
    if (p.isSet(file)) {
        QFile f;
        const QString name = p.value(file);
        const bool ok = name == u"-"_s ? f.open(stdin, QIODevice::ReadOnly)
                                       : (f.setFileName(name), f.open(QIODevice::ReadOnly));
        if (!ok) {
            code = fail(
                err, Error::make(Error::Code::NotFound,
                                 QStringLiteral("cannot read %1: %2").arg(name, f.errorString())));
            return false;
        }
        const QByteArray bytes = f.readAll();
        out = QString::fromUtf8(bytes).trimmed();
        if (out.toUtf8() != bytes.trimmed()) {
            code = fail(err, Error::make(Error::Code::Invalid,
                                         QStringLiteral("%1 is not UTF-8 text").arg(name)));
            return false;
        }
        return true;
    }
    return true;
}

bool requireOptions(QCommandLineParser& p, const QList<const QCommandLineOption*>& options,
                    QTextStream& err, int& code)
{
    for (const QCommandLineOption* o : options)
        if (!p.isSet(*o)) {
            code = usage(err, QStringLiteral("--%1 is required").arg(o->names().constLast()));
            return false;
        }
    return true;
}

int unknownAction(QTextStream& out, QTextStream& err, const QString& command, const QString& action,
                  const QStringList& actions)
{
    if (action == u"--help"_s || action == u"-h"_s) {
        out << "Usage: fwb " << command << " " << actions.join(QLatin1Char('|'))
            << " FILE ...; `fwb " << command << " " << actions.value(0) << " --help` for each\n"
            << Qt::flush;
        return Ok;
    }
    QString listed = actions.value(0);
    for (qsizetype i = 1; i < actions.size(); ++i)
        listed += (i + 1 == actions.size() ? u" or "_s : u", "_s) + actions[i];
    return usage(
        err, action.isEmpty()
                 ? QStringLiteral("%1 needs an action: %2").arg(command, listed)
                 : QStringLiteral("unknown %1 action \"%2\" (%3)").arg(command, action, listed));
}

int dispatch(const QString& command, const QList<Action>& actions, const QStringList& args,
             QTextStream& out, QTextStream& err)
{
    QStringList names;
    for (const Action& a : actions) {
        if (a.name == args.value(1))
            return a.run(args, out, err);
        names << a.name;
    }
    return unknownAction(out, err, command, args.value(1), names);
}

Result<QDateTime> parseNow(QCommandLineParser& p, const QCommandLineOption& now)
{
    if (!p.isSet(now))
        return QDateTime::currentDateTime();
    const QDateTime t = QDateTime::fromString(p.value(now), Qt::ISODate);
    if (!t.isValid())
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("--now: \"%1\" is not a date and time (YYYY-MM-DDTHH:MM)")
                               .arg(p.value(now)));
    return t;
}

} // namespace fwb::cli
