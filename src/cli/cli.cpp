#include "cli.h"

#include "workbench.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <spdlog/spdlog.h>

namespace fwb::cli {
namespace {

QString L(const char* s) { return QString::fromLatin1(s); }

const char* kUsage =
    "Usage: fwb COMMAND [OPTIONS] FILE ...\n"
    "\n"
    "Findings Workbench from the command line: the same workbench files and services as the window.\n"
    "\n"
    "Commands:\n"
    "  init FILE [--demo]                 create a workbench with the forces, grade scale and\n"
    "                                     frameworks (--demo: and the Lancashire demo content)\n"
    "  info FILE [--json]                 schema version and what the workbench holds\n"
    "  import FILE SOURCE                 import a JSON interchange file or a judgments CSV;\n"
    "                                     all or nothing\n"
    "  export FILE --format json|csv [--programme CODE] [--force CODE] [-o OUT]\n"
    "                                     export the workbench or a slice (to stdout without -o)\n"
    "\n"
    "Options:\n"
    "  -h, --help                         this help; `fwb COMMAND --help` for a command's\n"
    "  -v, --version                      the version\n"
    "\n"
    "Exit status: 0 success, 1 failure (disk, busy file), 2 usage error, 3 bad input.\n";

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

// Parses a subcommand's options; returns false (and sets the exit code) on a usage error or help.
bool parse(QCommandLineParser& p, const QStringList& args, const QString& synopsis, int positionals,
           QTextStream& out, QTextStream& err, int& exitCode)
{
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
    if (p.positionalArguments().size() != positionals) {
        exitCode = usage(err, QStringLiteral("%1 takes %2 argument%3: fwb %4")
                                  .arg(args.value(0))
                                  .arg(positionals - 1)
                                  .arg(positionals == 2 ? L("") : L("s"))
                                  .arg(synopsis));
        return false;
    }
    return true;
}

int cmdInit(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption demo(L("demo"), L("Add the Lancashire demo content."));
    p.addOption(demo);
    int code = Ok;
    if (!parse(p, args, L("init FILE [--demo]"), 2, out, err, code))
        return code;
    const QString file = p.positionalArguments().at(1);
    CreateOptions options;
    options.demo = p.isSet(demo);
    auto wb = Workbench::create(file, options);
    if (!wb)
        return fail(err, wb.error());
    const WorkbenchInfo i = (*wb)->info();
    out << "created " << file << ": " << i.forces << " forces, " << i.programmes << " programmes, "
        << i.judgments << " judgments, " << i.findings << " findings" << Qt::endl;
    return Ok;
}

int cmdInfo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption json(L("json"), L("Print JSON."));
    p.addOption(json);
    int code = Ok;
    if (!parse(p, args, L("info FILE [--json]"), 2, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    const WorkbenchInfo i = (*wb)->info();
    const QList<std::pair<const char*, qint64>> counts{
        {"regions", i.regions},       {"forces", i.forces},       {"people", i.people},
        {"programmes", i.programmes}, {"questions", i.questions}, {"judgments", i.judgments},
        {"findings", i.findings},     {"evidence", i.evidence},   {"metrics", i.metrics},
        {"documents", i.documents},   {"review_notes", i.reviewNotes}, {"responses", i.responses},
        {"audit_entries", i.auditEntries}};
    if (p.isSet(json)) {
        QJsonObject o{{L("path"), QFileInfo(i.path).absoluteFilePath()}, {L("schema_version"), i.schemaVersion}};
        for (const auto& [k, v] : counts)
            o.insert(L(k), v);
        QJsonObject programmes;
        for (const Programme& pr : (*wb)->reference().programmes())
            programmes.insert(pr.code, pr.title);
        o.insert(L("programmes"), programmes);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
        return Ok;
    }
    out << "workbench: " << QFileInfo(i.path).absoluteFilePath() << "\n"
        << "schema version: " << i.schemaVersion << "\n";
    for (const auto& [k, v] : counts)
        out << k << ": " << v << "\n";
    for (const Programme& pr : (*wb)->reference().programmes())
        out << "programme " << pr.code << ": " << pr.title << "\n";
    out << Qt::flush;
    return Ok;
}

int cmdImport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, L("import FILE SOURCE"), 3, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(1));
    if (!wb)
        return fail(err, wb.error());
    auto r = (*wb)->importFile(p.positionalArguments().at(2));
    if (!r)
        return fail(err, r.error());
    out << "imported " << p.positionalArguments().at(2) << ": " << r->summary() << Qt::endl;
    return Ok;
}

int cmdExport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption format(L("format"), L("json or csv."), L("FORMAT"));
    const QCommandLineOption programme(L("programme"), L("Only this programme."), L("CODE"));
    const QCommandLineOption force(L("force"), L("Only this force."), L("CODE"));
    const QCommandLineOption output({L("o"), L("output")}, L("Write to this file."), L("OUT"));
    p.addOptions({format, programme, force, output});
    int code = Ok;
    const QString synopsis = L("export FILE --format json|csv [--programme CODE] [--force CODE] [-o OUT]");
    if (!parse(p, args, synopsis, 2, out, err, code))
        return code;
    const QString fmt = p.value(format);
    if (fmt != L("json") && fmt != L("csv"))
        return usage(err, fmt.isEmpty() ? L("export needs --format json or --format csv")
                                        : QStringLiteral("unknown format \"%1\" (json or csv)").arg(fmt));
    const QString file = p.positionalArguments().at(1);
    if (p.isSet(output))
        if (Status own = Workbench::refuseOwnFile(file, p.value(output)); !own)
            return usage(err, own.error().message);
    auto wb = Workbench::open(file, OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    const ExportScope scope{p.value(programme), p.value(force)};
    auto bytes = fmt == L("json") ? (*wb)->exportJson(scope) : (*wb)->exportCsv(scope);
    if (!bytes)
        return fail(err, bytes.error());
    if (p.isSet(output)) {
        if (Status s = writeFileAtomically(p.value(output), *bytes); !s)
            return fail(err, s.error());
        out << "exported to " << p.value(output) << Qt::endl;
    } else {
        out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return fail(err, Error::make(Error::Code::Io, L("cannot write to standard output")));
        if (stdoutFile.write(*bytes) != bytes->size() || !stdoutFile.flush() ||
            stdoutFile.error() != QFileDevice::NoError)
            return fail(err, Error::make(Error::Code::Io, QStringLiteral("cannot write to standard output: %1")
                                                              .arg(stdoutFile.errorString())));
    }
    return Ok;
}

} // namespace

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty())
        return usage(err, L("no command given"));
    const QString command = args.front();
    if (command == L("-h") || command == L("--help") || command == L("help")) {
        out << kUsage << Qt::flush;
        return Ok;
    }
    if (command == L("-v") || command == L("--version")) {
        out << "fwb (Findings Workbench) " << FWB_VERSION << Qt::endl;
        return Ok;
    }
    spdlog::debug("fwb {}", args.join(QLatin1Char(' ')).toStdString());
    if (command == L("init"))
        return cmdInit(args, out, err);
    if (command == L("info"))
        return cmdInfo(args, out, err);
    if (command == L("import"))
        return cmdImport(args, out, err);
    if (command == L("export"))
        return cmdExport(args, out, err);
    return usage(err, QStringLiteral("unknown command \"%1\"").arg(command));
}

} // namespace fwb::cli
