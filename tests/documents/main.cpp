// Test runner for documents: a GUI application on the offscreen platform, then Catch.
#define CATCH_CONFIG_RUNNER
#include <QGuiApplication>
#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    spdlog::set_level(qEnvironmentVariableIsEmpty("FWB_TEST_LOG") ? spdlog::level::err
                                                                  : spdlog::level::debug);
    return Catch::Session().run(argc, argv);
}
