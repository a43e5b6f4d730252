// fwb followup: how later inspections found earlier areas for improvement, causes of concern and
// recommendations, and the national list of what is still open.
#include "core/services/followups.h"
#include "cli/support.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

int followupSet(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(u"programme"_s, u"The later inspection's programme."_s,
                                       u"CODE"_s);
    const QCommandLineOption status(u"status"_s, u"open, progress, completed or superseded."_s,
                                    u"STATUS"_s);
    const QCommandLineOption evidence(u"evidence"_s, u"The later finding that says so."_s,
                                      u"UID"_s);
    const QCommandLineOption note(u"note"_s, u"A note."_s, u"TEXT"_s);
    p.addOptions({programme, status, evidence, note});
    int code = Ok;
    if (!parse(
            p, args,
            u"followup set FILE FINDING --programme CODE --status STATUS [--evidence UID] [--note TEXT]"_s,
            4, out, err, code))
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
    out << done->findingUid << " " << done->status << " in " << done->programmeCode << "\n"
        << Qt::flush;
    return Ok;
}

int followupClear(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(u"programme"_s, u"The later inspection's programme."_s,
                                       u"CODE"_s);
    p.addOptions({programme});
    int code = Ok;
    if (!parse(p, args, u"followup clear FILE FINDING --programme CODE"_s, 4, out, err, code))
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
    const QCommandLineOption force(u"force"_s, u"One force."_s, u"CODE"_s);
    const QCommandLineOption region(u"region"_s, u"One region."_s, u"CODE"_s);
    const QCommandLineOption kind(
        u"kind"_s, u"area_for_improvement, cause_of_concern or recommendation."_s, u"KIND"_s);
    const QCommandLineOption open(u"open"_s,
                                  u"Only what is still open (open, or progress made)."_s);
    const QCommandLineOption format(u"format"_s, u"text (default), csv or json."_s, u"FORMAT"_s);
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s}, u"Write to this file."_s,
                                    u"PATH"_s);
    p.addOptions({force, region, kind, open, format, output});
    int code = Ok;
    if (!parse(
            p, args,
            u"followup list FILE [--force CODE] [--region CODE] [--kind KIND] [--open] [--format text|csv|json] [-o OUT]"_s,
            3, out, err, code))
        return code;
    const QString fmt = p.isSet(format) ? p.value(format) : u"text"_s;
    if (fmt != u"text"_s && fmt != u"csv"_s && fmt != u"json"_s)
        return usage(err, QStringLiteral("--format: \"%1\" is not text, csv or json").arg(fmt));
    if (p.isSet(kind) && !isFollowedUp(p.value(kind)))
        return usage(
            err,
            QStringLiteral(
                "--kind: \"%1\" is not area_for_improvement, cause_of_concern or recommendation")
                .arg(p.value(kind)));
    const auto wb = openToReport(p, 2, output, err, code);
    if (!wb)
        return code;
    auto list = followUpList(*wb, {p.value(force), p.value(region), p.value(kind), p.isSet(open)});
    if (!list)
        return fail(err, list.error());
    if (fmt == u"csv"_s)
        return writeOutput(out, err, p.value(output), followUpCsv(*list));
    if (fmt == u"json"_s) {
        QJsonArray items;
        for (const FollowUpItem& i : list->items) {
            QJsonArray history;
            for (const FollowUp& f : i.history)
                history.push_back(QJsonObject{{u"programme"_s, f.programmeCode},
                                              {u"year"_s, f.year},
                                              {u"status"_s, f.status},
                                              {u"evidence"_s, f.evidenceUid},
                                              {u"note"_s, f.note}});
            items.push_back(QJsonObject{{u"force"_s, i.force.code},
                                        {u"region"_s, i.force.regionCode},
                                        {u"finding"_s, i.finding.uid},
                                        {u"kind"_s, i.finding.kind},
                                        {u"text"_s, i.finding.text},
                                        {u"since"_s, i.since},
                                        {u"status"_s, i.status()},
                                        {u"years_open"_s, list->yearsOpen(i)},
                                        {u"history"_s, history}});
        }
        return writeOutput(out, err, p.value(output),
                           QJsonDocument(QJsonObject{{u"as_of"_s, list->asOf}, {u"items"_s, items}})
                               .toJson(QJsonDocument::Indented));
    }
    QString text;
    for (const FollowUpItem& i : list->items)
        text +=
            QStringLiteral("%1  %2  %3  since %4  %5%6\n    %7\n")
                .arg(i.finding.uid, i.force.code, findingKindLabel(i.finding.kind),
                     QString::number(i.since), followUpStatusLabel(i.status()),
                     i.isOpen() ? QStringLiteral(" (%1 years)").arg(list->yearsOpen(i)) : QString(),
                     i.finding.text.simplified().left(110));
    text += QStringLiteral("%1 item(s)\n").arg(list->items.size());
    return writeOutput(out, err, p.value(output), text.toUtf8());
}

int followupHistory(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, u"followup history FILE FINDING"_s, 4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    const QString uid = p.positionalArguments().at(3);
    const auto f = (*wb)->reader().finding(uid);
    if (!f)
        return fail(
            err, Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(uid)));
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
    return dispatch(u"followup"_s,
                    {{u"set"_s, followupSet},
                     {u"clear"_s, followupClear},
                     {u"list"_s, followupList},
                     {u"history"_s, followupHistory}},
                    args, out, err);
}

} // namespace

QList<Command> followUpCommands()
{
    return {
        {u"followup"_s, u"followup set|clear|list|history FILE ..."_s,
         u"earlier areas for improvement, causes of concern and recommendations as later inspections found them"_s,
         cmdFollowup}};
}

} // namespace fwb::cli
