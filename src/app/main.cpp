// findings-workbench: the desktop window. Everything but start-up lives in fwb_app.
#include "app/mainwindow.h"
#include "app/settings.h"
#include "app/startup.h"
#include "core/util/logging.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <spdlog/spdlog.h>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("findings-workbench"));
    QApplication::setOrganizationName(QStringLiteral("Findings Workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("Findings Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(FWB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/findings-workbench.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("findings-workbench"));

    const QString logFile =
        fwb::logging::init({QStringLiteral("findings-workbench"), true, true, 2});
    spdlog::info("Findings Workbench {} starting; log file {}", FWB_VERSION,
                 logFile.isEmpty() ? std::string("(none)") : logFile.toStdString());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Findings, judgments and reports for police inspection."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The workbench to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    fwb::app::MainWindow window;
    window.show();
    const fwb::app::Settings settings;
    const auto path = fwb::app::startup::workbenchToOpen(parser.positionalArguments(), settings);
    if (path)
        window.openWorkbench(path.value());
    else
        window.showError(QObject::tr("Cannot create the demo workbench"), path.error().message);

    const int status = QApplication::exec();
    spdlog::info("Findings Workbench exits with status {}", status);
    return status;
}
