// fwb init, info, import, export: the workbench as a whole.
#include "core/workbench.h"
#include "cli/support.h"
#include "core/reader.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

// A damaged workbench opens read-only: say so on stderr before the command's own output.
void warnIfDamaged(const Workbench& wb, QTextStream& err)
{
    if (const QString warning = wb.reader().damageWarning(); !warning.isEmpty())
        err << "fwb: warning: " << warning << Qt::endl;
}

int cmdInit(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption demo(u"demo"_s, u"Add the Lancashire demo content."_s);
    p.addOption(demo);
    int code = Ok;
    if (!parse(p, args, u"init FILE [--demo]"_s, 2, out, err, code))
        return code;
    const QString file = p.positionalArguments().at(1);
    CreateOptions options;
    options.demo = p.isSet(demo);
    auto wb = Workbench::create(file, options);
    if (!wb)
        return fail(err, wb.error());
    const WorkbenchInfo i = (*wb)->reader().info();
    out << "created " << file << ": " << i.forces << " forces, " << i.programmes << " programmes, "
        << i.judgments << " judgments, " << i.findings << " findings" << Qt::endl;
    return Ok;
}

int cmdInfo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    p.addOption(json);
    int code = Ok;
    if (!parse(p, args, u"info FILE [--json]"_s, 2, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    const WorkbenchInfo i = (*wb)->reader().info();
    warnIfDamaged(**wb, err);
    const QList<std::pair<const char*, qint64>> counts{{"regions", i.regions},
                                                       {"forces", i.forces},
                                                       {"people", i.people},
                                                       {"programmes", i.programmes},
                                                       {"questions", i.questions},
                                                       {"judgments", i.judgments},
                                                       {"findings", i.findings},
                                                       {"evidence", i.evidence},
                                                       {"metrics", i.metrics},
                                                       {"documents", i.documents},
                                                       {"review_notes", i.reviewNotes},
                                                       {"responses", i.responses},
                                                       {"audit_entries", i.auditEntries}};
    if (p.isSet(json)) {
        QJsonObject o{{u"path"_s, QFileInfo(i.path).absoluteFilePath()},
                      {u"schema_version"_s, i.schemaVersion}};
        for (const auto& [k, v] : counts)
            o.insert(QString::fromUtf8(k), v);
        if (!i.damage.isEmpty())
            o.insert(u"damaged"_s, i.damage);
        QJsonObject programmes;
        for (const Programme& pr : (*wb)->reader().programmes())
            programmes.insert(pr.code, pr.title);
        o.insert(u"programmes"_s, programmes);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
        return Ok;
    }
    out << "workbench: " << QFileInfo(i.path).absoluteFilePath() << "\n"
        << "schema version: " << i.schemaVersion << "\n";
    if (!i.damage.isEmpty())
        out << "damaged: " << i.damage << " (open read-only; nothing is written to it)\n";
    for (const auto& [k, v] : counts)
        out << k << ": " << v << "\n";
    for (const Programme& pr : (*wb)->reader().programmes())
        out << "programme " << pr.code << ": " << pr.title << "\n";
    out << Qt::flush;
    return Ok;
}

int cmdImport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, u"import FILE SOURCE"_s, 3, out, err, code))
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
    const QCommandLineOption format(u"format"_s, u"json or csv."_s, u"FORMAT"_s);
    const QCommandLineOption programme(u"programme"_s, u"Only this programme."_s, u"CODE"_s);
    const QCommandLineOption force(u"force"_s, u"Only this force."_s, u"CODE"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write to this file."_s, u"OUT"_s);
    p.addOptions({format, programme, force, output});
    int code = Ok;
    const QString synopsis =
        u"export FILE --format json|csv [--programme CODE] [--force CODE] [-o OUT]"_s;
    if (!parse(p, args, synopsis, 2, out, err, code))
        return code;
    const QString fmt = p.value(format);
    if (fmt != u"json"_s && fmt != u"csv"_s)
        return usage(err, fmt.isEmpty()
                              ? u"export needs --format json or --format csv"_s
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
    auto bytes =
        fmt == u"json"_s ? (*wb)->reader().exportJson(scope) : (*wb)->reader().exportCsv(scope);
    if (!bytes)
        return fail(err, bytes.error());
    return writeOutput(out, err, p.value(output), *bytes);
}

} // namespace

QList<Command> workbenchCommands()
{
    return {
        {u"init"_s, u"init FILE [--demo]"_s,
         u"create a workbench with the forces, grade scale and frameworks (--demo: and the\n"
         "Lancashire demo content)"_s,
         cmdInit},
        {u"info"_s, u"info FILE [--json]"_s, u"schema version and what the workbench holds"_s,
         cmdInfo},
        {u"import"_s, u"import FILE SOURCE"_s,
         u"import a JSON interchange file or a judgments CSV; all or nothing"_s, cmdImport},
        {u"export"_s, u"export FILE --format json|csv [--programme CODE] [--force CODE] [-o OUT]"_s,
         u"export the workbench or a slice (to stdout without -o)"_s, cmdExport},
    };
}

} // namespace fwb::cli
