// fwb check: the consistency checker over one force in one programme.
#include "cli/support.h"
#include "core/checks/checker.h"
#include "core/workbench.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

int cmdCheck(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(u"programme"_s, u"The programme's code."_s, u"CODE"_s);
    const QCommandLineOption force(u"force"_s, u"The force's code."_s, u"CODE"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption rulesOpt(u"rules"_s, u"List the rules and exit."_s);
    p.addOptions({programme, force, json, rulesOpt});
    int code = Ok;
    const QString synopsis = u"check FILE --programme CODE --force CODE [--json]"_s;
    if (args.contains(u"--rules"_s)) {
        for (const auto& [id, what] : checks::rules())
            out << id << "  " << what << "\n";
        out << Qt::flush;
        return Ok;
    }
    if (!parse(p, args, synopsis, 2, out, err, code))
        return code;
    if (!p.isSet(programme) || !p.isSet(force))
        return usage(err, u"check needs --programme and --force"_s);
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
            list.push_back(QJsonObject{{u"rule"_s, pr.rule},
                                       {u"severity"_s, checks::severityName(pr.severity)},
                                       {u"entity"_s, pr.entity},
                                       {u"key"_s, pr.key},
                                       {u"field"_s, pr.field},
                                       {u"question"_s, pr.question},
                                       {u"start"_s, pr.start},
                                       {u"length"_s, pr.length},
                                       {u"message"_s, pr.message},
                                       {u"place"_s, pr.place()}});
        out << QJsonDocument(QJsonObject{{u"programme"_s, p.value(programme)},
                                         {u"force"_s, p.value(force)},
                                         {u"errors"_s, errors},
                                         {u"warnings"_s, warnings},
                                         {u"problems"_s, list}})
                   .toJson(QJsonDocument::Indented)
            << Qt::flush;
    } else {
        for (const checks::Problem& pr : problems)
            out << checks::severityName(pr.severity) << ": " << pr.place() << ": " << pr.message
                << " [" << pr.rule << "]\n";
        out << errors << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning" : " warnings") << Qt::endl;
    }
    return errors > 0 ? Failure : Ok;
}

} // namespace

QList<Command> checkCommands()
{
    return {{u"check"_s, u"check FILE --programme CODE --force CODE [--json] [--rules]"_s,
             u"check the text against the data: counts, figures, grades, other forces, dates;\n"
             "exit 1 when an error is found"_s,
             cmdCheck}};
}

} // namespace fwb::cli
