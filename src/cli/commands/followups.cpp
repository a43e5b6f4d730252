// fwb followup: how later inspections found earlier areas for improvement, causes of concern and
// recommendations, and the national list of what is still open.
#include "services/followups.h"
#include "support.h"
#include "workbench.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fwb::cli {
namespace {

int followupSet(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(L("programme"), L("The later inspection's programme."), L("CODE"));
    const QCommandLineOption status(L("status"), L("open, progress, completed or superseded."), L("STATUS"));
    const QCommandLineOption evidence(L("evidence"), L("The later finding that says so."), L("UID"));
    const QCommandLineOption note(L("note"), L("A note."), L("TEXT"));
    p.addOptions({programme, status, evidence, note});
    int code = Ok;
    if (!parse(p, args, L("followup set FILE FINDING --programme CODE --status STATUS [--evidence UID] [--note TEXT]"), 4,
               out, err, code))
        return code;
    if (!requireOptions(p, {&programme, &status}, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    FollowUp f;
    f.findingUid = p.positionalArguments().at(3);
    f.programmeCode = p.value(programme);
    f.status = p.value(status);
    f.evidenceUid = p.value(evidence);
    f.note = p.value(note);
    auto done = FollowUpService(**wb).set(f);
    if (!done)
        return fail(err, done.error());
    out << done->findingUid << " " << done->status << " in " << done->programmeCode << "\n" << Qt::flush;
    return Ok;
}

int followupClear(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(L("programme"), L("The later inspection's programme."), L("CODE"));
    p.addOptions({programme});
    int code = Ok;
    if (!parse(p, args, L("followup clear FILE FINDING --programme CODE"), 4, out, err, code))
        return code;
    if (!requireOptions(p, {&programme}, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto done = FollowUpService(**wb).clear(p.positionalArguments().at(3), p.value(programme));
    if (!done)
        return fail(err, done.error());
    out << "cleared " << done->findingUid << " in " << done->programmeCode << "\n" << Qt::flush;
    return Ok;
}

int followupList(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption force(L("force"), L("One force."), L("CODE"));
    const QCommandLineOption region(L("region"), L("One region."), L("CODE"));
    const QCommandLineOption kind(L("kind"), L("area_for_improvement, cause_of_concern or recommendation."), L("KIND"));
    const QCommandLineOption open(L("open"), L("Only what is still open (open, or progress made)."));
    const QCommandLineOption format(L("format"), L("text (default), csv or json."), L("FORMAT"));
    const QCommandLineOption output(QStringList{L("o"), L("output")}, L("Write to this file."), L("PATH"));
    p.addOptions({force, region, kind, open, format, output});
    int code = Ok;
    if (!parse(p, args, L("followup list FILE [--force CODE] [--region CODE] [--kind KIND] [--open] [--format text|csv|json] [-o OUT]"),
               3, out, err, code))
        return code;
    const QString fmt = p.isSet(format) ? p.value(format) : L("text");
    if (fmt != L("text") && fmt != L("csv") && fmt != L("json"))
        return usage(err, QStringLiteral("--format: \"%1\" is not text, csv or json").arg(fmt));
    if (p.isSet(kind) && !isFollowedUp(p.value(kind)))
        return usage(err, QStringLiteral("--kind: \"%1\" is not area_for_improvement, cause_of_concern or recommendation")
                              .arg(p.value(kind)));
    const auto wb = openToReport(p, 2, output, err, code);
    if (!wb)
        return code;
    auto list = followUpList(*wb, {p.value(force), p.value(region), p.value(kind), p.isSet(open)});
    if (!list)
        return fail(err, list.error());
    if (fmt == L("csv"))
        return writeOutput(out, err, p.value(output), followUpCsv(*list));
    if (fmt == L("json")) {
        QJsonArray items;
        for (const FollowUpItem& i : list->items) {
            QJsonArray history;
            for (const FollowUp& f : i.history)
                history.push_back(QJsonObject{{L("programme"), f.programmeCode}, {L("year"), f.year}, {L("status"), f.status},
                                              {L("evidence"), f.evidenceUid}, {L("note"), f.note}});
            items.push_back(QJsonObject{{L("force"), i.force.code}, {L("region"), i.force.regionCode},
                                        {L("finding"), i.finding.uid}, {L("kind"), i.finding.kind},
                                        {L("text"), i.finding.text}, {L("since"), i.since}, {L("status"), i.status()},
                                        {L("years_open"), list->yearsOpen(i)}, {L("history"), history}});
        }
        return writeOutput(out, err, p.value(output),
                           QJsonDocument(QJsonObject{{L("as_of"), list->asOf}, {L("items"), items}}).toJson(QJsonDocument::Indented));
    }
    QString text;
    for (const FollowUpItem& i : list->items)
        text += QStringLiteral("%1  %2  %3  since %4  %5%6\n    %7\n")
                    .arg(i.finding.uid, i.force.code, findingKindLabel(i.finding.kind), QString::number(i.since),
                         followUpStatusLabel(i.status()),
                         i.isOpen() ? QStringLiteral(" (%1 years)").arg(list->yearsOpen(i)) : QString(),
                         i.finding.text.simplified().left(110));
    text += QStringLiteral("%1 item(s)\n").arg(list->items.size());
    return writeOutput(out, err, p.value(output), text.toUtf8());
}

int followupHistory(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, L("followup history FILE FINDING"), 4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    const QString uid = p.positionalArguments().at(3);
    const auto f = (*wb)->drafts().finding(uid);
    if (!f)
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(uid)));
    out << uid << "  " << findingKindLabel(f->kind) << " of " << f->programmeCode << "\n";
    const QList<FollowUp> history = FollowUpService(**wb).history(uid);
    if (history.isEmpty())
        out << "  not followed up yet: open\n";
    for (const FollowUp& h : history)
        out << "  " << h.year << "  " << h.programmeCode << "  " << followUpStatusLabel(h.status)
            << (h.evidenceUid.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(h.evidenceUid))
            << (h.note.isEmpty() ? QString() : QStringLiteral("  %1").arg(h.note)) << "\n";
    out << Qt::flush;
    return Ok;
}

int cmdFollowup(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return dispatch(L("followup"),
                    {{L("set"), followupSet}, {L("clear"), followupClear}, {L("list"), followupList}, {L("history"), followupHistory}},
                    args, out, err);
}

} // namespace

QList<Command> followUpCommands()
{
    return {{L("followup"), L("followup set|clear|list|history FILE ..."),
             L("earlier areas for improvement, causes of concern and recommendations as later inspections found them"),
             cmdFollowup}};
}

} // namespace fwb::cli
