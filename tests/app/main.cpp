// Test runner for the window: the offscreen platform (set before the QApplication exists), settings
// and data folders in Qt's test locations, then Catch.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("findings-workbench-tests"));
    QApplication::setOrganizationName(QStringLiteral("Findings Workbench Tests"));
    QSettings().clear(); // every run starts from defaults: no recent files, no "show all forces"
    spdlog::set_level(qEnvironmentVariableIsEmpty("FWB_TEST_LOG") ? spdlog::level::err
                                                                  : spdlog::level::debug);
    return Catch::Session().run(argc, argv);
}
