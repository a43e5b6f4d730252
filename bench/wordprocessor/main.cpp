// fwb-bench-docx: how long the workbench takes to turn the Lancashire PEEL report into a Word
// document and an OpenDocument text — in-process, split into assembly, reading the assembly into
// the word processor's structure (documents/flow.h) and writing the package, and as a person meets
// it, `fwb render -o report.docx` from a shell, start-up included.
//
//   fwb-bench-docx [--runs N] [--keep DIR]

#include "core/util/logging.h"
#include "core/workbench.h"
#include "documents/docx.h"
#include "documents/export.h"
#include "documents/odt.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace fwb;

namespace {

struct Stats {
    double median = 0, p95 = 0, min = 0;
};

Stats stats(QList<double> v)
{
    if (v.isEmpty())
        return {};
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) {
        return v[std::min<qsizetype>(v.size() - 1, qsizetype(q * double(v.size())))];
    };
    return {at(0.5), at(0.95), v.first()};
}

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

int fail(const QString& message)
{
    std::fprintf(stderr, "fwb-bench-docx: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    logging::init({QStringLiteral("fwb-bench-docx"), false, false, 0});
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("The Lancashire PEEL report to DOCX and ODT: how long it takes."));
    p.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Timed runs (default 15)."),
                                        QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the files in this folder."),
                                        QStringLiteral("DIR"));
    p.addOptions({runsOption, keepOption});
    p.process(app);
    const int runs = std::max(1, p.value(runsOption).toInt());

    QTemporaryDir tmp;
    const QString dir = p.isSet(keepOption) ? p.value(keepOption) : tmp.path();
    QDir().mkpath(dir);
    const QString file = QDir(tmp.path()).filePath(QStringLiteral("demo.fwb"));
    CreateOptions create;
    create.demo = true;
    if (auto wb = Workbench::create(file, create); !wb)
        return fail(wb.error().message);
    auto wb = Workbench::open(file);
    if (!wb)
        return fail(wb.error().message);
    const QString report = QStringLiteral("lancs-2015-report");

    std::printf("Lancashire PEEL effectiveness 2015 report to Word and OpenDocument\n");
    for (const bool word : {true, false}) {
        QList<double> assembly, reading, writing, whole;
        qsizetype bytes = 0;
        qsizetype blocks = 0, notes = 0, charts = 0;
        for (int i = 0; i < runs + 1; ++i) { // the first run warms caches and is not counted
            QElapsedTimer t;
            t.start();
            auto a = documents::assemble(**wb, report);
            if (!a)
                return fail(a.error().message);
            const double assembled = ms(t);
            const documents::flow::Flow f = documents::flow::fromAssembly(*a);
            const double read = ms(t);
            auto out = word ? documents::docx::write(f) : documents::odt::write(f);
            if (!out)
                return fail(out.error().message);
            const double total = ms(t);
            if (i == 0)
                continue;
            assembly << assembled;
            reading << read - assembled;
            writing << total - read;
            whole << total;
            bytes = out->size();
            blocks = f.blocks.size();
            notes = f.footnotes.size();
            charts = f.charts;
        }
        const Stats sa = stats(assembly), sr = stats(reading), sw = stats(writing),
                    st = stats(whole);
        std::printf("  %s (%lld KB; %lld blocks, %lld footnotes, %lld charts), in-process (%d "
                    "runs): median %.1f ms (assembly %.1f + reading %.1f + writing %.1f), p95 "
                    "%.1f ms, best %.1f ms\n",
                    word ? "DOCX" : "ODT", (long long)(bytes / 1024), (long long)blocks,
                    (long long)notes, (long long)charts, runs, st.median, sa.median, sr.median,
                    sw.median, st.p95, st.min);
    }

    const QString fwbBinary =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("fwb"));
    for (const QString& ext : {QStringLiteral("docx"), QStringLiteral("odt")}) {
        const QString path = QDir(dir).filePath(QStringLiteral("report.") + ext);
        QList<double> command;
        for (int i = 0; i < runs; ++i) {
            QProcess proc;
            proc.setProcessChannelMode(QProcess::MergedChannels);
            QElapsedTimer t;
            t.start();
            proc.start(fwbBinary, {QStringLiteral("render"), file, QStringLiteral("--document"),
                                   report, QStringLiteral("-o"), path});
            if (!proc.waitForFinished(300000) || proc.exitCode() != 0)
                return fail(QString::fromUtf8(proc.readAll()));
            command << ms(t);
        }
        const Stats sc = stats(command);
        std::printf("  `fwb render -o report.%s` command (%d runs): median %.1f ms, p95 %.1f ms, "
                    "best %.1f ms\n",
                    qPrintable(ext), runs, sc.median, sc.p95, sc.min);
    }
    return 0;
}
