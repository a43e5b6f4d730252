#include "cli.h"
#include "support.h"

#include <spdlog/spdlog.h>

namespace fwb::cli {
namespace {

// Every command, in the order `fwb --help` lists them.
const QList<Command>& commands()
{
    static const QList<Command> all = workbenchCommands() + draftingCommands() + frameworkCommands() + checkCommands() + analysisCommands() + documentCommands() + reviewCommands() + followUpCommands();
    return all;
}

QString helpText()
{
    QString text = L("Usage: fwb COMMAND FILE [OPTIONS] ...\n"
                     "\n"
                     "Findings Workbench from the command line: the same workbench files and services as the window.\n"
                     "\n"
                     "Commands:\n");
    for (const Command& c : commands()) {
        text += L("  ") + c.synopsis + L("\n");
        for (const QString& line : c.summary.split(QLatin1Char('\n')))
            text += L("      ") + line + L("\n");
    }
    text += L("\n"
              "Options:\n"
              "  -h, --help      this help; `fwb COMMAND --help` for a command's options\n"
              "  -v, --version   the version\n"
              "\n"
              "Exit status: 0 success, 1 failure (disk, busy file), 2 usage error, 3 bad input.\n");
    return text;
}

} // namespace

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty())
        return usage(err, L("no command given"));
    const QString command = args.front();
    if (command == L("-h") || command == L("--help") || command == L("help")) {
        out << helpText() << Qt::flush;
        return Ok;
    }
    if (command == L("-v") || command == L("--version")) {
        out << "fwb (Findings Workbench) " << FWB_VERSION << Qt::endl;
        return Ok;
    }
    spdlog::debug("fwb {}", args.join(QLatin1Char(' ')).toStdString());
    for (const Command& c : commands())
        if (c.name == command)
            return c.run(args, out, err);
    return usage(err, QStringLiteral("unknown command \"%1\"").arg(command));
}

} // namespace fwb::cli
