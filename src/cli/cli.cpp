#include "cli/cli.h"
#include "cli/support.h"

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

// Every command, in the order `fwb --help` lists them.
const QList<Command>& commands()
{
    static const QList<Command> all = workbenchCommands() + draftingCommands() +
                                      frameworkCommands() + checkCommands() + analysisCommands() +
                                      documentCommands() + reviewCommands() + followUpCommands() +
                                      copyCommands();
    return all;
}

QString helpText()
{
    QString text = u"Usage: fwb COMMAND FILE [OPTIONS] ...\n"
                   "\n"
                   "Findings Workbench from the command line: the same workbench files and "
                   "services as the window.\n"
                   "\n"
                   "Commands:\n"_s;
    for (const Command& c : commands()) {
        text += u"  "_s + c.synopsis + u"\n"_s;
        for (const QString& line : c.summary.split(QLatin1Char('\n')))
            text += u"      "_s + line + u"\n"_s;
    }
    text += u"\n"
            "Options:\n"
            "  -h, --help      this help; `fwb COMMAND --help` for a command's options\n"
            "  -v, --version   the version\n"
            "\n"
            "Exit status: 0 success, 1 failure (disk, busy file), 2 usage error, 3 bad input.\n"_s;
    return text;
}

} // namespace

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty())
        return usage(err, u"no command given"_s);
    const QString command = args.front();
    if (command == u"-h"_s || command == u"--help"_s || command == u"help"_s) {
        out << helpText() << Qt::flush;
        return Ok;
    }
    if (command == u"-v"_s || command == u"--version"_s) {
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
