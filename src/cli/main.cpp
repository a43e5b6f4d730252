// fwb: the command-line face of Findings Workbench.
#include "cli.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("findings-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FWB_VERSION));
    // The command keeps stderr for its one-line errors: the log goes to stderr only when asked.
    fwb::logging::init({QStringLiteral("fwb"), false, !qEnvironmentVariableIsEmpty("FWB_LOG"),
                        qEnvironmentVariableIntValue("FWB_LOG_LEVEL")});
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return fwb::cli::run(args, out, err);
}
