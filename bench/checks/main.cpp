// fwb-bench-checks: how long the consistency checker takes over the whole Lancashire PEEL
// report (loading the material, then the rules), and how well it does on the fault corpus: the
// share of injected faults found at their place, and the errors it raises on the clean demo
// (false alarms: the demo was published after review).

#include "core/checks/checker.h"
#include "core/checks/corpus.h"
#include "core/util/logging.h"
#include "core/workbench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace fwb;

namespace {
double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}
double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    logging::init({QStringLiteral("fwb-bench-checks"), false, false, 0});
    QTemporaryDir dir;
    const QString clean = dir.filePath(QStringLiteral("clean.fwb"));
    CreateOptions options;
    options.demo = true;
    if (auto wb = Workbench::create(clean, options); !wb) {
        std::fprintf(stderr, "fwb-bench-checks: %s\n", qPrintable(wb.error().message));
        return 1;
    }
    auto wb = Workbench::open(clean);
    if (!wb)
        return 1;

    // Speed: the whole PEEL report of Lancashire (findings, judgments, 59 sections, 41 figures).
    const QString peel = QStringLiteral("peel-effectiveness-2015"),
                  lancs = QStringLiteral("lancashire");
    QList<double> load, rules, whole;
    int problems = 0;
    for (int i = 0; i < 60; ++i) {
        QElapsedTimer t;
        t.start();
        auto context = checks::CheckContext::load(**wb, peel, lancs);
        const double l = ms(t);
        t.restart();
        problems = int(checks::checkAll(*context).size());
        const double r = ms(t);
        if (i < 5)
            continue; // warm-up
        load << l;
        rules << r;
        whole << l + r;
    }
    std::printf("fwb-bench-checks\n\n");
    std::printf("Checking the Lancashire PEEL 2015 report (median of %lld runs):\n",
                qsizetype(whole.size()));
    std::printf("  loading the material  %6.2f ms\n", median(load));
    std::printf("  running every rule    %6.2f ms\n", median(rules));
    std::printf(
        "  whole check           %6.2f ms   (%d problems, all warnings of missing chart data)\n\n",
        median(whole), problems);

    // False alarms: errors on the clean demo.
    int falseAlarms = 0;
    for (const QString& programme : {peel, QStringLiteral("core-business-2014")}) {
        auto context = checks::CheckContext::load(**wb, programme, lancs);
        for (const checks::Problem& p : checks::checkAll(*context))
            if (p.severity == checks::Severity::Error) {
                ++falseAlarms;
                std::printf("  false alarm: %s %s: %s\n", qPrintable(p.rule), qPrintable(p.place()),
                            qPrintable(p.message));
            }
    }
    wb->reset();

    // The corpus: each fault on a fresh copy.
    int found = 0, total = 0, strays = 0;
    std::printf("Fault corpus:\n");
    for (const checks::Fault& fault : checks::faultCorpus()) {
        const QString copy = dir.filePath(QStringLiteral("fault-%1.fwb").arg(++total));
        QFile::copy(clean, copy);
        auto faulty = Workbench::open(copy);
        if (!faulty || !fault.inject(**faulty)) {
            std::printf("  %-55s could not be injected\n", qPrintable(fault.name));
            continue;
        }
        auto context = checks::CheckContext::load(**faulty, fault.programme, lancs);
        const QString key = checks::faultKey(**faulty, fault);
        bool hit = false;
        for (const checks::Problem& p : checks::checkAll(*context)) {
            if (p.rule == fault.rule && p.key == key)
                hit = true;
            else if (p.severity == checks::Severity::Error && p.key != key)
                ++strays; // an error somewhere the fault did not touch
        }
        found += hit ? 1 : 0;
        std::printf("  %-55s %-30s %s\n", qPrintable(fault.name), qPrintable(fault.rule),
                    hit ? "found" : "MISSED");
    }
    std::printf("\nfound %d of %d injected faults (%.0f%%); false alarms on the clean demo: %d; "
                "errors elsewhere in the faulty copies: %d\n",
                found, total, total ? 100.0 * found / total : 0.0, falseAlarms, strays);
    return found == total && falseAlarms == 0 ? 0 : 1;
}
