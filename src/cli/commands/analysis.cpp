// fwb ingest: a published report's text into the workbench, shown before it is written.
#include "services/analysis.h"
#include "services/followups.h"
#include "services/ingest.h"
#include "support.h"
#include "workbench.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace fwb::cli {
namespace {

// text, csv or json; anything else is a usage error.
// False, with a usage error in `code`, when --format is none of them.
bool formatOk(const QString& fmt, QTextStream& err, int& code)
{
    if (fmt == L("text") || fmt == L("csv") || fmt == L("json"))
        return true;
    code = usage(err, QStringLiteral("--format: \"%1\" is not text, csv or json").arg(fmt));
    return false;
}

QString figure(double v) { return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(v, 'g', 10); }


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
    auto plan = planIngest(**wb, p.value(programme), text, QFileInfo(reportPath).fileName());
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

int cmdJudgments(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(L("programme"), L("The programme."), L("CODE"));
    const QCommandLineOption question(L("question"), L("Only this graded question."), L("CODE"));
    const QCommandLineOption format(L("format"), L("csv or json."), L("FORMAT"));
    const QCommandLineOption output({L("o"), L("output")}, L("Write to this file."), L("OUT"));
    p.addOptions({programme, question, format, output});
    int code = Ok;
    if (!parse(p, args, L("judgments FILE --programme CODE [--question CODE] --format csv|json [-o OUT]"), 2, out, err, code))
        return code;
    if (!p.isSet(programme))
        return usage(err, L("judgments needs --programme"));
    const QString fmt = p.value(format);
    if (fmt != L("csv") && fmt != L("json"))
        return usage(err, fmt.isEmpty() ? L("judgments needs --format csv or --format json")
                                        : QStringLiteral("unknown format \"%1\" (csv or json)").arg(fmt));
    const auto wb = openToReport(p, 1, output, err, code);
    if (!wb)
        return code;
    auto matrix = judgmentMatrix(*wb, p.value(programme), p.value(question));
    if (!matrix)
        return fail(err, matrix.error());
    return writeOutput(out, err, p.value(output), fmt == L("csv") ? matrixCsv(*matrix) : matrixJson(*matrix));
}

int cmdSummary(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(L("programme"), L("The programme."), L("CODE"));
    const QCommandLineOption json(L("json"), L("Print JSON."));
    p.addOptions({programme, json});
    int code = Ok;
    if (!parse(p, args, L("summary FILE --programme CODE [--json]"), 2, out, err, code))
        return code;
    if (!p.isSet(programme))
        return usage(err, L("summary needs --programme"));
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    auto counts = gradeCounts(**wb, p.value(programme));
    if (!counts)
        return fail(err, counts.error());
    auto matrix = judgmentMatrix(**wb, p.value(programme));
    const QList<Grade> grades = matrix ? matrix->grades : QList<Grade>{};
    if (p.isSet(json)) {
        QJsonArray rows;
        for (const GradeCount& c : *counts) {
            QJsonObject byGrade;
            for (const Grade& g : grades)
                byGrade.insert(g.code, c.forces.value(g.code));
            rows.push_back(QJsonObject{{L("question"), c.question.code}, {L("text"), c.question.text},
                                       {L("grades"), byGrade}, {L("without_judgment"), c.withoutJudgment}});
        }
        out << QJsonDocument(QJsonObject{{L("programme"), p.value(programme)}, {L("questions"), rows}}).toJson(QJsonDocument::Indented)
            << Qt::flush;
        return Ok;
    }
    out << QStringLiteral("%1").arg(L("question"), -10);
    for (const Grade& g : grades)
        out << QStringLiteral("%1").arg(g.label, 22);
    out << QStringLiteral("%1").arg(L("no judgment"), 14) << "\n";
    for (const GradeCount& c : *counts) {
        out << QStringLiteral("%1").arg(c.question.code, -10);
        for (const Grade& g : grades)
            out << QStringLiteral("%1").arg(c.forces.value(g.code), 22);
        out << QStringLiteral("%1").arg(c.withoutJudgment, 14) << "  " << c.question.label() << "\n";
    }
    out << Qt::flush;
    return Ok;
}

int cmdChange(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption from(L("from"), L("The earlier programme (default: the one the later follows)."), L("CODE"));
    const QCommandLineOption to(L("to"), L("The later programme."), L("CODE"));
    const QCommandLineOption format(L("format"), L("text (default), csv or json."), L("FORMAT"), L("text"));
    const QCommandLineOption output(QStringList{L("o"), L("output")}, L("Write to this file."), L("PATH"));
    p.addOptions({from, to, format, output});
    int code = Ok;
    if (!parse(p, args, L("change FILE --to CODE [--from CODE] [--format text|csv|json] [-o OUT]"), 2, out, err, code))
        return code;
    if (!p.isSet(to))
        return usage(err, L("change needs --to"));
    const QString fmt = p.value(format);
    if (!formatOk(fmt, err, code))
        return code;
    const auto wb = openToReport(p, 1, output, err, code);
    if (!wb)
        return code;
    QString earlier = p.value(from);
    if (earlier.isEmpty()) {
        const auto later = wb->reference().programme(p.value(to));
        if (!later)
            return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("no programme \"%1\"").arg(p.value(to))));
        earlier = followedProgramme(*later);
        if (earlier.isEmpty())
            return fail(err, Error::make(Error::Code::NotFound,
                                         QStringLiteral("%1 follows no earlier programme: give --from").arg(p.value(to))));
    }
    auto v = changeView(*wb, earlier, p.value(to));
    if (!v)
        return fail(err, v.error());
    if (fmt == L("csv"))
        return writeOutput(out, err, p.value(output), changeCsv(*v));
    if (fmt == L("json"))
        return writeOutput(out, err, p.value(output), changeJson(*v));
    QString text;
    QTextStream t(&text);
    t << v->from.label() << " → " << v->to.label() << ": " << v->totals.value(Change::Up) << " up, "
      << v->totals.value(Change::Down) << " down, " << v->totals.value(Change::Same) << " the same, "
      << v->totals.value(Change::NotComparable) << " not comparable, " << v->totals.value(Change::New) << " new\n";
    for (const ChangeColumn& c : v->columns) {
        t << "\n" << c.question.code << " " << c.question.label() << (c.comparable ? "" : " (not comparable)") << "\n";
        for (const ChangeRow& r : v->rows) {
            const ChangeCell cell = r.cells.value(c.question.code);
            if (cell.change == Change::Up || cell.change == Change::Down || cell.change == Change::NotComparable)
                t << "  " << r.force.name << ": " << cell.before.gradeLabel << " → " << cell.after.gradeLabel << " ("
                  << changeName(cell.change) << ")\n";
        }
    }
    t.flush();
    return writeOutput(out, err, p.value(output), text.toUtf8());
}


int cmdProfile(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption force(L("force"), L("The force."), L("CODE"));
    const QCommandLineOption format(L("format"), L("text (default), csv or json."), L("FORMAT"), L("text"));
    const QCommandLineOption output(QStringList{L("o"), L("output")}, L("Write to this file."), L("PATH"));
    p.addOptions({force, format, output});
    int code = Ok;
    if (!parse(p, args, L("profile FILE --force CODE [--format text|csv|json] [-o OUT]"), 2, out, err, code))
        return code;
    if (!p.isSet(force))
        return usage(err, L("profile needs --force"));
    const QString fmt = p.value(format);
    if (!formatOk(fmt, err, code))
        return code;
    const auto wb = openToReport(p, 1, output, err, code);
    if (!wb)
        return code;
    auto profile = forceProfile(*wb, p.value(force));
    if (!profile)
        return fail(err, profile.error());
    if (fmt == L("csv"))
        return writeOutput(out, err, p.value(output), profileCsv(*profile));
    if (fmt == L("json"))
        return writeOutput(out, err, p.value(output), profileJson(*profile));
    QString text;
    QTextStream t(&text);
    t << profile->force.name << " (" << profile->force.regionName << ")\n\nJudgments\n";
    for (const Programme& programme : profile->programmes) {
        const QList<Judgment> js = profile->judgments.value(programme.code);
        if (programme.gradeScaleCode.isEmpty())
            continue;
        t << "  " << programme.label() << ":";
        if (js.isEmpty())
            t << " not graded in this workbench";
        for (const Judgment& j : js)
            t << "  " << j.questionCode << " " << j.gradeLabel;
        t << "\n";
    }
    t << "\nFindings by kind\n";
    for (const Programme& programme : profile->programmes) {
        QStringList parts;
        const QMap<QString, int> kinds = profile->findings.value(programme.code);
        for (const QString& k : findingKinds())
            if (kinds.value(k))
                parts << QStringLiteral("%1 %2").arg(kinds.value(k)).arg(findingKindPluralLabel(k).toLower());
        t << "  " << programme.label() << ": " << (parts.isEmpty() ? L("none") : parts.join(L(", "))) << "\n";
    }
    if (!profile->series.isEmpty()) {
        t << "\nFigures over time (" << profile->force.shortName << " / England and Wales)\n";
        for (const FigureSeries& s : profile->series) {
            t << "  " << s.label() << "\n";
            for (const SeriesPoint& x : s.points)
                t << "    " << x.period << ": " << figure(x.force)
                  << (x.national ? L(" / ") + figure(*x.national) : QString()) << "\n";
        }
    }
    const FollowUpList& open = profile->stillOpen;
    t << "\nStill open: " << open.total;
    if (open.total > open.items.size())
        t << " (the oldest " << open.items.size() << " below; fwb followup list has them all)";
    t << "\n";
    for (const FollowUpItem& i : open.items)
        t << "  " << i.since << "  " << findingKindLabel(i.finding.kind).toLower() << "  " << i.finding.uid << "  "
          << followUpStatusLabel(i.status()) << ": " << i.finding.text.simplified().left(80)
          << (i.finding.text.simplified().size() > 80 ? "…" : "") << "\n";
    t.flush();
    return writeOutput(out, err, p.value(output), text.toUtf8());
}

int cmdFigure(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(L("programme"), L("The programme."), L("CODE"));
    const QCommandLineOption name(L("name"), L("The figure's name, as the metrics give it."), L("NAME"));
    const QCommandLineOption unit(L("unit"), L("Its unit, where it is given in more than one."), L("UNIT"));
    const QCommandLineOption period(L("period"), L("Its period, where it is given for more than one."), L("PERIOD"));
    const QCommandLineOption format(L("format"), L("text (default), csv or json."), L("FORMAT"), L("text"));
    const QCommandLineOption output(QStringList{L("o"), L("output")}, L("Write to this file."), L("PATH"));
    p.addOptions({programme, name, unit, period, format, output});
    int code = Ok;
    if (!parse(p, args, L("figure FILE --programme CODE --name NAME [--unit UNIT] [--period PERIOD] [--format text|csv|json] [-o OUT]"),
               2, out, err, code))
        return code;
    if (!p.isSet(programme) || !p.isSet(name))
        return usage(err, L("figure needs --programme and --name"));
    const QString fmt = p.value(format);
    if (!formatOk(fmt, err, code))
        return code;
    const auto wb = openToReport(p, 1, output, err, code);
    if (!wb)
        return code;
    auto f = figureAcrossForces(*wb, p.value(programme), p.value(name), p.value(unit), p.value(period));
    if (!f)
        return fail(err, f.error());
    if (fmt == L("csv"))
        return writeOutput(out, err, p.value(output), figureCsv(*f));
    if (fmt == L("json")) {
        QJsonArray forces;
        for (const ForceValue& v : f->forces)
            forces.push_back(QJsonObject{{L("force"), v.force.code}, {L("name"), v.force.name},
                                         {L("region"), v.force.regionName}, {L("value"), v.value}});
        const QJsonObject o{{L("programme"), f->programme.code}, {L("name"), f->name},   {L("measure"), f->measure},
                            {L("unit"), f->unit},                {L("period"), f->period}, {L("forces"), forces},
                            {L("england_and_wales"), f->national ? QJsonValue(*f->national) : QJsonValue()}};
        return writeOutput(out, err, p.value(output), QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    QString text;
    QTextStream t(&text);
    t << f->name << (f->unit.isEmpty() ? QString() : L(", ") + f->unit) << ", " << f->period << "\n";
    if (f->national)
        t << QStringLiteral("  %1 %2\n").arg(L("England and Wales"), -40).arg(figure(*f->national));
    for (const ForceValue& v : f->forces)
        t << QStringLiteral("  %1 %2\n").arg(v.force.name, -40).arg(figure(v.value));
    t.flush();
    return writeOutput(out, err, p.value(output), text.toUtf8());
}

} // namespace

QList<Command> analysisCommands()
{
    return {{L("ingest"), L("ingest FILE REPORT.txt --programme CODE [--dry-run] [--json]"),
             L("read a published report's text: force, judgments, summaries, areas for improvement;\n"
               "writes them when everything was recognised (nothing with --dry-run)"),
             cmdIngest},
            {L("judgments"), L("judgments FILE --programme CODE [--question CODE] --format csv|json [-o OUT]"),
             L("the judgment matrix: every force against the programme's graded questions"), cmdJudgments},
            {L("summary"), L("summary FILE --programme CODE [--json]"),
             L("how many forces are at each grade, per graded question"), cmdSummary},
            {L("change"), L("change FILE --to CODE [--from CODE] [--format text|csv|json] [-o OUT]"),
             L("which forces went up, down or stayed between two programmes (questions not comparable marked)"),
             cmdChange},
            {L("profile"), L("profile FILE --force CODE [--format text|csv|json] [-o OUT]"),
             L("one force across the programmes: judgments over time, findings by kind, figures over time\n"
               "against England and Wales and its region, what is still open"),
             cmdProfile},
            {L("figure"), L("figure FILE --programme CODE --name NAME [--unit UNIT] [--period PERIOD] [--format text|csv|json] [-o OUT]"),
             L("one figure of a programme for every force that has it, highest first, with England and Wales"), cmdFigure}};
}

} // namespace fwb::cli
