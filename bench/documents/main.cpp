// fwb-bench-render: how long the workbench takes to turn the Lancashire PEEL report into a PDF,
// side by side with LibreOffice converting the workbench's own ODT export of the same report
// (`soffice --headless --convert-to pdf`). Both are timed as a person meets them — a command run
// from a shell, start-up included — and the workbench also in-process, split into assembly and
// painting. Target (docs/performance.md): the workbench at most one fifth of LibreOffice's time.
//
//   fwb-bench-render [--runs N] [--soffice-runs N] [--keep DIR]

#include "core/util/logging.h"
#include "core/workbench.h"
#include "documents/export.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

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

// Runs a program and returns its wall time in ms, or a negative number when it failed.
double timed(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "  %s failed: %s\n", qPrintable(program), p.readAll().constData());
        return -1;
    }
    return ms(t);
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    logging::init({QStringLiteral("fwb-bench-render"), false, false, 0});
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("The Lancashire PEEL report to PDF: the workbench against LibreOffice."));
    p.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Timed runs of the workbench (default 15)."),
                                        QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption sofficeOption(QStringLiteral("soffice-runs"),
                                           QStringLiteral("Timed runs of LibreOffice (default 5)."),
                                           QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the PDFs and the ODT in this folder."),
                                        QStringLiteral("DIR"));
    p.addOptions({runsOption, sofficeOption, keepOption});
    p.process(app);
    const int runs = std::max(1, p.value(runsOption).toInt());
    const int sofficeRuns = std::max(1, p.value(sofficeOption).toInt());

    QTemporaryDir tmp;
    const QString dir = p.isSet(keepOption) ? p.value(keepOption) : tmp.path();
    QDir().mkpath(dir);
    const QString file = QDir(tmp.path()).filePath(QStringLiteral("demo.fwb"));
    CreateOptions create;
    create.demo = true;
    if (auto wb = Workbench::create(file, create); !wb) {
        std::fprintf(stderr, "fwb-bench-render: %s\n", qPrintable(wb.error().message));
        return 1;
    }
    auto wb = Workbench::open(file);
    if (!wb) {
        std::fprintf(stderr, "fwb-bench-render: %s\n", qPrintable(wb.error().message));
        return 1;
    }
    const QString report = QStringLiteral("lancs-2015-report");

    // ---- in-process: assembly, then painting the pages ----
    QList<double> assembly, painting, whole;
    int pages = 0;
    qsizetype bytes = 0;
    for (int i = 0; i < runs + 1; ++i) { // the first run warms caches (fonts) and is not counted
        QElapsedTimer t;
        t.start();
        documents::AssemblyOptions o;
        o.embargoInText = false;
        auto a = documents::assemble(**wb, report, o);
        if (!a) {
            std::fprintf(stderr, "fwb-bench-render: %s\n", qPrintable(a.error().message));
            return 1;
        }
        const double assembled = ms(t);
        auto pdf = documents::toPdf(*a);
        if (!pdf) {
            std::fprintf(stderr, "fwb-bench-render: %s\n", qPrintable(pdf.error().message));
            return 1;
        }
        const double total = ms(t);
        if (i == 0)
            continue;
        assembly << assembled;
        painting << total - assembled;
        whole << total;
        bytes = pdf->size();
        pages = a->document->pageCount();
    }
    const Stats sa = stats(assembly), sp = stats(painting), sw = stats(whole);

    // ---- as commands: fwb render, and soffice on the workbench's ODT ----
    const QString fwbBinary =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("fwb"));
    const QString pdfPath = QDir(dir).filePath(QStringLiteral("report-fwb.pdf"));
    QList<double> command;
    for (int i = 0; i < runs; ++i) {
        const double t =
            timed(fwbBinary, {QStringLiteral("render"), file, QStringLiteral("--document"), report,
                              QStringLiteral("-o"), pdfPath});
        if (t < 0)
            return 1;
        command << t;
    }
    const Stats sc = stats(command);

    const QString odt = QDir(dir).filePath(QStringLiteral("report.odt"));
    if (Status s = documents::renderToFile(**wb, report, documents::Format::Odt, odt); !s) {
        std::fprintf(stderr, "fwb-bench-render: %s\n", qPrintable(s.error().message));
        return 1;
    }

    std::printf("Lancashire PEEL effectiveness 2015 report to PDF (%d pages, %lld KB)\n", pages,
                (long long)(bytes / 1024));
    std::printf("  workbench, in-process (%d runs): median %.1f ms (assembly %.1f + pages %.1f), "
                "p95 %.1f ms, best %.1f ms\n",
                runs, sw.median, sa.median, sp.median, sw.p95, sw.min);
    std::printf(
        "  workbench, `fwb render` command (%d runs): median %.1f ms, p95 %.1f ms, best %.1f ms\n",
        runs, sc.median, sc.p95, sc.min);

    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty()) {
        std::printf("  LibreOffice: soffice is not installed; no comparison (apt install "
                    "libreoffice-writer-nogui)\n");
    } else {
        const QString profile = QStringLiteral("-env:UserInstallation=file://") +
                                QDir(tmp.path()).filePath(QStringLiteral("lo-profile"));
        const QString out = QDir(dir).filePath(QStringLiteral("soffice"));
        const QStringList args{QStringLiteral("--headless"),
                               QStringLiteral("--norestore"),
                               profile,
                               QStringLiteral("--convert-to"),
                               QStringLiteral("pdf"),
                               QStringLiteral("--outdir"),
                               out,
                               odt};
        const double cold = timed(soffice, args); // creates its profile
        QList<double> warm;
        for (int i = 0; i < sofficeRuns; ++i) {
            const double t = timed(soffice, args);
            if (t < 0)
                return 1;
            warm << t;
        }
        const Stats so = stats(warm);
        std::printf("  LibreOffice, soffice --convert-to pdf of the ODT (%d runs, profile made): "
                    "median %.1f ms, best %.1f ms "
                    "(first run, making its profile: %.1f ms)\n",
                    sofficeRuns, so.median, so.min, cold);
        std::printf("  ratio, command against command: %.3f of LibreOffice's time (target at most "
                    "0.200): %s\n",
                    sc.median / so.median, sc.median <= 0.2 * so.median ? "met" : "missed");
        std::printf("  ratio, in-process against LibreOffice: %.3f\n", sw.median / so.median);
    }
    std::printf("  peak memory of this program: %ld MB\n", peakRssKb() / 1024);
    return 0;
}
