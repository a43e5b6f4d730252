// fwb check: the consistency checker over one force in one programme.
#include "checks/checker.h"
#include "support.h"
#include "workbench.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fwb::cli {
namespace {

int cmdCheck(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(L("programme"), L("The programme's code."), L("CODE"));
    const QCommandLineOption force(L("force"), L("The force's code."), L("CODE"));
    const QCommandLineOption json(L("json"), L("Print JSON."));
    const QCommandLineOption rulesOpt(L("rules"), L("List the rules and exit."));
    p.addOptions({programme, force, json, rulesOpt});
    int code = Ok;
    const QString synopsis = L("check FILE --programme CODE --force CODE [--json]");
    if (args.contains(L("--rules"))) {
        for (const auto& [id, what] : checks::rules())
            out << id << "  " << what << "\n";
        out << Qt::flush;
        return Ok;
    }
    if (!parse(p, args, synopsis, 2, out, err, code))
        return code;
    if (!p.isSet(programme) || !p.isSet(force))
        return usage(err, L("check needs --programme and --force"));
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    auto context = checks::CheckContext::load(**wb, p.value(programme), p.value(force));
    if (!context)
        return fail(err, context.error());
    const QList<checks::Problem> problems = checks::checkAll(*context);
    int errors = 0, warnings = 0;
    for (const checks::Problem& pr : problems)
        (pr.severity == checks::Severity::Error ? errors : warnings) += 1;
    if (p.isSet(json)) {
        QJsonArray list;
        for (const checks::Problem& pr : problems)
            list.push_back(QJsonObject{{L("rule"), pr.rule},       {L("severity"), checks::severityName(pr.severity)},
                                       {L("entity"), pr.entity},   {L("key"), pr.key},
                                       {L("field"), pr.field},     {L("question"), pr.question},
                                       {L("start"), pr.start},     {L("length"), pr.length},
                                       {L("message"), pr.message}, {L("place"), pr.place()}});
        out << QJsonDocument(QJsonObject{{L("programme"), p.value(programme)}, {L("force"), p.value(force)},
                                         {L("errors"), errors}, {L("warnings"), warnings}, {L("problems"), list}})
                   .toJson(QJsonDocument::Indented)
            << Qt::flush;
    } else {
        for (const checks::Problem& pr : problems)
            out << checks::severityName(pr.severity) << ": " << pr.place() << ": " << pr.message << " [" << pr.rule << "]\n";
        out << errors << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings")
            << Qt::endl;
    }
    return errors > 0 ? Failure : Ok;
}

} // namespace

QList<Command> checkCommands()
{
    return {{L("check"), L("check FILE --programme CODE --force CODE [--json] [--rules]"),
             L("check the text against the data: counts, figures, grades, other forces, dates;\n"
               "exit 1 when an error is found"),
             cmdCheck}};
}

} // namespace fwb::cli
