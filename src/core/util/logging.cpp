#include "core/util/logging.h"

#include <QDir>
#include <QStandardPaths>
#include <QtGlobal>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace fwb::logging {
namespace {

void qtMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const std::string text = message.toStdString();
    const char* category = context.category ? context.category : "qt";
    switch (type) {
    case QtDebugMsg:
        spdlog::debug("[{}] {}", category, text);
        break;
    case QtInfoMsg:
        spdlog::info("[{}] {}", category, text);
        break;
    case QtWarningMsg:
        spdlog::warn("[{}] {}", category, text);
        break;
    case QtCriticalMsg:
        spdlog::error("[{}] {}", category, text);
        break;
    case QtFatalMsg:
        spdlog::critical("[{}] {}", category, text);
        spdlog::default_logger()->flush();
        std::abort();
    }
}

} // namespace

QString init(const Options& options)
{
    std::vector<spdlog::sink_ptr> sinks;
    QString filePath;
    std::string fileProblem;
    if (options.toStderr) {
        auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        sink->set_level(static_cast<spdlog::level::level_enum>(options.stderrLevel));
        sinks.push_back(sink);
    }
    if (options.toFile) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                            QStringLiteral("/logs");
        if (QDir().mkpath(dir)) {
            filePath = dir + QLatin1Char('/') + options.appName + QStringLiteral(".log");
            try {
                auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                    filePath.toStdString(), 2 * 1024 * 1024, 3);
                sink->set_level(spdlog::level::debug);
                sinks.push_back(sink);
            } catch (const spdlog::spdlog_ex& e) {
                filePath.clear();
                fileProblem = e.what();
            }
        }
    }
    auto logger =
        std::make_shared<spdlog::logger>(options.appName.toStdString(), sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    qInstallMessageHandler(qtMessageHandler);
    if (!fileProblem.empty())
        spdlog::warn("cannot open the log file: {}", fileProblem);
    return filePath;
}

} // namespace fwb::logging
