// fwb copy SOURCE DEST: a whole workbench copied between a file and a team workbench on a server,
// either way, or from file to file, and verified equal afterwards (core/storage/copy.h).
#include "core/storage/copy.h"
#include "cli/support.h"

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

const QString kSynopsis = u"copy SOURCE DEST [--quiet]"_s;

int cmdCopy(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption quiet(u"quiet"_s, u"Print only the result, not each table."_s);
    p.addOption(quiet);
    int code = Ok;
    if (!parse(p, args, kSynopsis, 3, out, err, code))
        return code;
    const QString source = p.positionalArguments().at(1);
    const QString destination = p.positionalArguments().at(2);
    const bool tell = !p.isSet(quiet);
    auto report = copying::copyWorkbench(source, destination, [&](const QString& table) {
        if (tell)
            out << (table == u"verifying"_s ? u"verifying the copy"_s : u"copying "_s + table)
                << Qt::endl;
    });
    if (!report)
        return fail(err, report.error());
    if (tell)
        for (const copying::TableDigest& t : report->tables)
            out << "  " << t.table << ": " << t.rows << " rows, " << t.sha256.toHex().left(16)
                << Qt::endl;
    out << "copied " << source << " to " << destination << ": " << report->rows << " rows in "
        << report->tables.size() << " tables, " << report->searchRows
        << " rows of search index rebuilt; verified equal (sha256 " << report->digest.toHex()
        << ") in " << QString::number(report->ms / 1000.0, 'f', 1) << " s" << Qt::endl;
    return Ok;
}

} // namespace

QList<Command> copyCommands()
{
    return {
        {u"copy"_s, kSynopsis,
         u"copy a whole workbench between a file and a team workbench (postgresql://…), either\n"
         "way, into a new file or an empty database; verified equal afterwards"_s,
         cmdCopy},
    };
}

} // namespace fwb::cli
