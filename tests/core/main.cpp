// Test runner for core: a QCoreApplication for Qt SQL's plugins, then Catch.
#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    spdlog::set_level(spdlog::level::warn); // keep test output to what failed
    return Catch::Session().run(argc, argv);
}
