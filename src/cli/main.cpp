// fwb: the command-line face of Findings Workbench.
#include "cli/cli.h"
#include "core/util/logging.h"

#include <QGuiApplication>
#include <cstdio>
#include <spdlog/spdlog.h>

int main(int argc, char* argv[])
{
    // Documents are laid out with fonts, which need a GUI application; fwb never shows a window,
    // so it uses the offscreen platform whatever the desktop is.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Until the log is set up, Qt's start-up remarks (such as a missing XDG_RUNTIME_DIR) are
    // kept off stderr, which belongs to the command's own messages.
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& message) {
        spdlog::debug("qt: {}", message.toStdString());
    });
    // The command's arguments are its own: QGuiApplication would take some (-style, -platform, …)
    // for itself, so it is given only the program's name.
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    int appArgc = 1;
    QGuiApplication app(appArgc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("findings-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FWB_VERSION));
    // The command keeps stderr for its one-line errors: the log goes to stderr only when asked.
    fwb::logging::init({QStringLiteral("fwb"), false, !qEnvironmentVariableIsEmpty("FWB_LOG"),
                        qEnvironmentVariableIntValue("FWB_LOG_LEVEL")});
    QTextStream out(stdout);
    QTextStream err(stderr);
    return fwb::cli::run(args, out, err);
}
