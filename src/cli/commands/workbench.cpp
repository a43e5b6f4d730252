// fwb init, info, import, export: the workbench as a whole.
#include "support.h"
#include "workbench.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace fwb::cli {
namespace {

// A damaged workbench opens read-only: say so on stderr before the command's own output.
void warnIfDamaged(const Workbench& wb, QTextStream& err)
{
    if (const QString warning = wb.database().damageWarning(); !warning.isEmpty())
        err << "fwb: warning: " << warning << Qt::endl;
}

int cmdInit(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption demo(L("demo"), L("Add the Lancashire demo content."));
    p.addOption(demo);
    int code = Ok;
    if (!parse(p, args, L("init FILE [--demo]"), 2, out, err, code))
        return code;
    const QString file = p.positionalArguments().at(1);
    CreateOptions options;
    options.demo = p.isSet(demo);
    auto wb = Workbench::create(file, options);
    if (!wb)
        return fail(err, wb.error());
    const WorkbenchInfo i = (*wb)->info();
    out << "created " << file << ": " << i.forces << " forces, " << i.programmes << " programmes, "
        << i.judgments << " judgments, " << i.findings << " findings" << Qt::endl;
    return Ok;
}

int cmdInfo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption json(L("json"), L("Print JSON."));
    p.addOption(json);
    int code = Ok;
    if (!parse(p, args, L("info FILE [--json]"), 2, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    const WorkbenchInfo i = (*wb)->info();
    warnIfDamaged(**wb, err);
    const QList<std::pair<const char*, qint64>> counts{
        {"regions", i.regions},       {"forces", i.forces},       {"people", i.people},
        {"programmes", i.programmes}, {"questions", i.questions}, {"judgments", i.judgments},
        {"findings", i.findings},     {"evidence", i.evidence},   {"metrics", i.metrics},
        {"documents", i.documents},   {"review_notes", i.reviewNotes}, {"responses", i.responses},
        {"audit_entries", i.auditEntries}};
    if (p.isSet(json)) {
        QJsonObject o{{L("path"), QFileInfo(i.path).absoluteFilePath()}, {L("schema_version"), i.schemaVersion}};
        for (const auto& [k, v] : counts)
            o.insert(L(k), v);
        if (!i.damage.isEmpty())
            o.insert(L("damaged"), i.damage);
        QJsonObject programmes;
        for (const Programme& pr : (*wb)->reference().programmes())
            programmes.insert(pr.code, pr.title);
        o.insert(L("programmes"), programmes);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
        return Ok;
    }
    out << "workbench: " << QFileInfo(i.path).absoluteFilePath() << "\n"
        << "schema version: " << i.schemaVersion << "\n";
    if (!i.damage.isEmpty())
        out << "damaged: " << i.damage << " (open read-only; nothing is written to it)\n";
    for (const auto& [k, v] : counts)
        out << k << ": " << v << "\n";
    for (const Programme& pr : (*wb)->reference().programmes())
        out << "programme " << pr.code << ": " << pr.title << "\n";
    out << Qt::flush;
    return Ok;
}

int cmdImport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, L("import FILE SOURCE"), 3, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(1));
    if (!wb)
        return fail(err, wb.error());
    auto r = (*wb)->importFile(p.positionalArguments().at(2));
    if (!r)
        return fail(err, r.error());
    out << "imported " << p.positionalArguments().at(2) << ": " << r->summary() << Qt::endl;
    return Ok;
}

int cmdExport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption format(L("format"), L("json or csv."), L("FORMAT"));
    const QCommandLineOption programme(L("programme"), L("Only this programme."), L("CODE"));
    const QCommandLineOption force(L("force"), L("Only this force."), L("CODE"));
    const QCommandLineOption output({L("o"), L("output")}, L("Write to this file."), L("OUT"));
    p.addOptions({format, programme, force, output});
    int code = Ok;
    const QString synopsis = L("export FILE --format json|csv [--programme CODE] [--force CODE] [-o OUT]");
    if (!parse(p, args, synopsis, 2, out, err, code))
        return code;
    const QString fmt = p.value(format);
    if (fmt != L("json") && fmt != L("csv"))
        return usage(err, fmt.isEmpty() ? L("export needs --format json or --format csv")
                                        : QStringLiteral("unknown format \"%1\" (json or csv)").arg(fmt));
    const QString file = p.positionalArguments().at(1);
    if (p.isSet(output))
        if (Status own = Workbench::refuseOwnFile(file, p.value(output)); !own)
            return usage(err, own.error().message);
    auto wb = Workbench::open(file, OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    warnIfDamaged(**wb, err);
    const ExportScope scope{p.value(programme), p.value(force)};
    auto bytes = fmt == L("json") ? (*wb)->exportJson(scope) : (*wb)->exportCsv(scope);
    if (!bytes)
        return fail(err, bytes.error());
    return writeOutput(out, err, p.value(output), *bytes);
}

} // namespace

QList<Command> workbenchCommands()
{
    return {
        {L("init"), L("init FILE [--demo]"),
         L("create a workbench with the forces, grade scale and frameworks (--demo: and the\n"
           "Lancashire demo content)"),
         cmdInit},
        {L("info"), L("info FILE [--json]"), L("schema version and what the workbench holds"), cmdInfo},
        {L("import"), L("import FILE SOURCE"),
         L("import a JSON interchange file or a judgments CSV; all or nothing"), cmdImport},
        {L("export"), L("export FILE --format json|csv [--programme CODE] [--force CODE] [-o OUT]"),
         L("export the workbench or a slice (to stdout without -o)"), cmdExport},
    };
}

} // namespace fwb::cli
