// fwb ingest: a published report's text into the workbench, shown before it is written.
#include "services/ingest.h"
#include "support.h"
#include "workbench.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fwb::cli {
namespace {

int cmdIngest(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(L("programme"), L("The programme the report belongs to."), L("CODE"));
    const QCommandLineOption dryRun(L("dry-run"), L("Show what was found; write nothing."));
    const QCommandLineOption json(L("json"), L("Print JSON."));
    p.addOptions({programme, dryRun, json});
    int code = Ok;
    if (!parse(p, args, L("ingest FILE REPORT.txt --programme CODE [--dry-run] [--json]"), 3, out, err, code))
        return code;
    if (!p.isSet(programme))
        return usage(err, L("ingest needs --programme"));
    const QString reportPath = p.positionalArguments().at(2);
    QFile report(reportPath);
    if (!report.open(QIODevice::ReadOnly))
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("cannot read %1: %2").arg(reportPath, report.errorString())));
    const QByteArray bytes = report.readAll();
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return fail(err, Error::make(Error::Code::Invalid, QStringLiteral("%1 is not UTF-8 text").arg(reportPath)));
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{p.isSet(dryRun), 5000});
    if (!wb)
        return fail(err, wb.error());
    auto plan = planIngest(**wb, p.value(programme), text);
    if (!plan)
        return fail(err, plan.error());
    std::optional<IngestResult> written;
    if (!p.isSet(dryRun) && plan->ok()) {
        auto r = applyIngest(**wb, *plan);
        if (!r)
            return fail(err, r.error());
        written = *r;
    }
    if (p.isSet(json)) {
        QJsonArray judgments, areas;
        for (const IngestedJudgment& j : plan->judgments)
            judgments.push_back(QJsonObject{{L("question"), j.questionCode}, {L("grade"), j.gradeCode}, {L("line"), j.line},
                                            {L("summary"), j.summary}, {L("overview"), j.overview}});
        for (const IngestedFinding& a : plan->areasForImprovement)
            areas.push_back(QJsonObject{{L("question"), a.questionCode}, {L("text"), a.text}, {L("line"), a.line}});
        QJsonObject o{{L("programme"), plan->programmeCode}, {L("force"), plan->forceCode}, {L("judgments"), judgments},
                      {L("areas_for_improvement"), areas}, {L("problems"), QJsonArray::fromStringList(plan->problems)},
                      {L("written"), written.has_value()}};
        out << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
    } else {
        out << "force: " << (plan->forceName.isEmpty() ? L("(not recognised)") : plan->forceName) << "\n";
        for (const IngestedJudgment& j : plan->judgments)
            out << "judgment " << j.questionCode << ": " << j.gradeLabel << " (line " << j.line << ")\n";
        for (const IngestedFinding& a : plan->areasForImprovement)
            out << "area for improvement " << a.questionCode << " (line " << a.line << "): " << a.text.left(90)
                << (a.text.size() > 90 ? "…" : "") << "\n";
        for (const QString& problem : plan->problems)
            err << "fwb: " << reportPath << ": " << problem << "\n";
        if (written)
            out << "written: " << written->judgmentsWritten << " judgments, " << written->findingsAdded
                << " areas for improvement added (" << written->findingsAlreadyThere << " already there)\n";
        else if (p.isSet(dryRun))
            out << "dry run: nothing written\n";
        out << Qt::flush;
        err << Qt::flush;
    }
    if (!plan->ok())
        return BadInput; // nothing was written
    return Ok;
}

} // namespace

QList<Command> analysisCommands()
{
    return {{L("ingest"), L("ingest FILE REPORT.txt --programme CODE [--dry-run] [--json]"),
             L("read a published report's text: force, judgments, summaries, areas for improvement;\n"
               "writes them when everything was recognised (nothing with --dry-run)"),
             cmdIngest}};
}

} // namespace fwb::cli
