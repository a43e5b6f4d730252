// fwb ingest: a published report's text into the workbench, shown before it is written.
#include "core/services/analysis.h"
#include "cli/support.h"
#include "core/reader.h"
#include "core/services/followups.h"
#include "core/services/ingest.h"
#include "core/workbench.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

// text, csv or json; anything else is a usage error.
// False, with a usage error in `code`, when --format is none of them.
bool formatOk(const QString& fmt, QTextStream& err, int& code)
{
    if (fmt == u"text"_s || fmt == u"csv"_s || fmt == u"json"_s)
        return true;
    code = usage(err, QStringLiteral("--format: \"%1\" is not text, csv or json").arg(fmt));
    return false;
}

QString figure(double v)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(v, 'g', 10);
}

int cmdIngest(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(u"programme"_s, u"The programme the report belongs to."_s,
                                       u"CODE"_s);
    const QCommandLineOption dryRun(u"dry-run"_s, u"Show what was found; write nothing."_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    p.addOptions({programme, dryRun, json});
    int code = Ok;
    if (!parse(p, args, u"ingest FILE REPORT.txt --programme CODE [--dry-run] [--json]"_s, 3, out,
               err, code))
        return code;
    if (!p.isSet(programme))
        return usage(err, u"ingest needs --programme"_s);
    const QString reportPath = p.positionalArguments().at(2);
    QFile report(reportPath);
    if (!report.open(QIODevice::ReadOnly))
        return fail(
            err, Error::make(
                     Error::Code::NotFound,
                     QStringLiteral("cannot read %1: %2").arg(reportPath, report.errorString())));
    const QByteArray bytes = report.readAll();
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return fail(err, Error::make(Error::Code::Invalid,
                                     QStringLiteral("%1 is not UTF-8 text").arg(reportPath)));
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
            judgments.push_back(QJsonObject{{u"question"_s, j.questionCode},
                                            {u"grade"_s, j.gradeCode},
                                            {u"line"_s, j.line},
                                            {u"summary"_s, j.summary},
                                            {u"overview"_s, j.overview}});
        for (const IngestedFinding& a : plan->areasForImprovement)
            areas.push_back(QJsonObject{
                {u"question"_s, a.questionCode}, {u"text"_s, a.text}, {u"line"_s, a.line}});
        QJsonObject o{{u"programme"_s, plan->programmeCode},
                      {u"force"_s, plan->forceCode},
                      {u"judgments"_s, judgments},
                      {u"areas_for_improvement"_s, areas},
                      {u"problems"_s, QJsonArray::fromStringList(plan->problems)},
                      {u"written"_s, written.has_value()}};
        out << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
    } else {
        out << "force: " << (plan->forceName.isEmpty() ? u"(not recognised)"_s : plan->forceName)
            << "\n";
        for (const IngestedJudgment& j : plan->judgments)
            out << "judgment " << j.questionCode << ": " << j.gradeLabel << " (line " << j.line
                << ")\n";
        for (const IngestedFinding& a : plan->areasForImprovement)
            out << "area for improvement " << a.questionCode << " (line " << a.line
                << "): " << a.text.left(90) << (a.text.size() > 90 ? "…" : "") << "\n";
        for (const QString& problem : plan->problems)
            err << "fwb: " << reportPath << ": " << problem << "\n";
        if (written)
            out << "written: " << written->judgmentsWritten << " judgments, "
                << written->findingsAdded << " areas for improvement added ("
                << written->findingsAlreadyThere << " already there)\n";
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
    const QCommandLineOption programme(u"programme"_s, u"The programme."_s, u"CODE"_s);
    const QCommandLineOption question(u"question"_s, u"Only this graded question."_s, u"CODE"_s);
    const QCommandLineOption format(u"format"_s, u"csv or json."_s, u"FORMAT"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write to this file."_s, u"OUT"_s);
    p.addOptions({programme, question, format, output});
    int code = Ok;
    if (!parse(p, args,
               u"judgments FILE --programme CODE [--question CODE] --format csv|json [-o OUT]"_s, 2,
               out, err, code))
        return code;
    if (!p.isSet(programme))
        return usage(err, u"judgments needs --programme"_s);
    const QString fmt = p.value(format);
    if (fmt != u"csv"_s && fmt != u"json"_s)
        return usage(err, fmt.isEmpty()
                              ? u"judgments needs --format csv or --format json"_s
                              : QStringLiteral("unknown format \"%1\" (csv or json)").arg(fmt));
    const auto wb = openToReport(p, 1, output, err, code);
    if (!wb)
        return code;
    auto matrix = judgmentMatrix(*wb, p.value(programme), p.value(question));
    if (!matrix)
        return fail(err, matrix.error());
    return writeOutput(out, err, p.value(output),
                       fmt == u"csv"_s ? matrixCsv(*matrix) : matrixJson(*matrix));
}

int cmdSummary(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(u"programme"_s, u"The programme."_s, u"CODE"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    p.addOptions({programme, json});
    int code = Ok;
    if (!parse(p, args, u"summary FILE --programme CODE [--json]"_s, 2, out, err, code))
        return code;
    if (!p.isSet(programme))
        return usage(err, u"summary needs --programme"_s);
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
            rows.push_back(QJsonObject{{u"question"_s, c.question.code},
                                       {u"text"_s, c.question.text},
                                       {u"grades"_s, byGrade},
                                       {u"without_judgment"_s, c.withoutJudgment}});
        }
        out << QJsonDocument(
                   QJsonObject{{u"programme"_s, p.value(programme)}, {u"questions"_s, rows}})
                   .toJson(QJsonDocument::Indented)
            << Qt::flush;
        return Ok;
    }
    out << QStringLiteral("%1").arg(u"question"_s, -10);
    for (const Grade& g : grades)
        out << QStringLiteral("%1").arg(g.label, 22);
    out << QStringLiteral("%1").arg(u"no judgment"_s, 14) << "\n";
    for (const GradeCount& c : *counts) {
        out << QStringLiteral("%1").arg(c.question.code, -10);
        for (const Grade& g : grades)
            out << QStringLiteral("%1").arg(c.forces.value(g.code), 22);
        out << QStringLiteral("%1").arg(c.withoutJudgment, 14) << "  " << c.question.label()
            << "\n";
    }
    out << Qt::flush;
    return Ok;
}

int cmdChange(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption from(
        u"from"_s, u"The earlier programme (default: the one the later follows)."_s, u"CODE"_s);
    const QCommandLineOption to(u"to"_s, u"The later programme."_s, u"CODE"_s);
    const QCommandLineOption format(u"format"_s, u"text (default), csv or json."_s, u"FORMAT"_s,
                                    u"text"_s);
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s}, u"Write to this file."_s,
                                    u"PATH"_s);
    p.addOptions({from, to, format, output});
    int code = Ok;
    if (!parse(p, args, u"change FILE --to CODE [--from CODE] [--format text|csv|json] [-o OUT]"_s,
               2, out, err, code))
        return code;
    if (!p.isSet(to))
        return usage(err, u"change needs --to"_s);
    const QString fmt = p.value(format);
    if (!formatOk(fmt, err, code))
        return code;
    const auto wb = openToReport(p, 1, output, err, code);
    if (!wb)
        return code;
    QString earlier = p.value(from);
    if (earlier.isEmpty()) {
        const auto later = wb->reader().programme(p.value(to));
        if (!later)
            return fail(err, Error::make(Error::Code::NotFound,
                                         QStringLiteral("no programme \"%1\"").arg(p.value(to))));
        earlier = followedProgramme(*later);
        if (earlier.isEmpty())
            return fail(err,
                        Error::make(Error::Code::NotFound,
                                    QStringLiteral("%1 follows no earlier programme: give --from")
                                        .arg(p.value(to))));
    }
    auto v = changeView(*wb, earlier, p.value(to));
    if (!v)
        return fail(err, v.error());
    if (fmt == u"csv"_s)
        return writeOutput(out, err, p.value(output), changeCsv(*v));
    if (fmt == u"json"_s)
        return writeOutput(out, err, p.value(output), changeJson(*v));
    QString text;
    QTextStream t(&text);
    t << v->from.label() << " → " << v->to.label() << ": " << v->totals.value(Change::Up) << " up, "
      << v->totals.value(Change::Down) << " down, " << v->totals.value(Change::Same)
      << " the same, " << v->totals.value(Change::NotComparable) << " not comparable, "
      << v->totals.value(Change::New) << " new\n";
    for (const ChangeColumn& c : v->columns) {
        t << "\n"
          << c.question.code << " " << c.question.label()
          << (c.comparable ? "" : " (not comparable)") << "\n";
        for (const ChangeRow& r : v->rows) {
            const ChangeCell cell = r.cells.value(c.question.code);
            if (cell.change == Change::Up || cell.change == Change::Down ||
                cell.change == Change::NotComparable)
                t << "  " << r.force.name << ": " << cell.before.gradeLabel << " → "
                  << cell.after.gradeLabel << " (" << changeName(cell.change) << ")\n";
        }
    }
    t.flush();
    return writeOutput(out, err, p.value(output), text.toUtf8());
}

int cmdProfile(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption force(u"force"_s, u"The force."_s, u"CODE"_s);
    const QCommandLineOption format(u"format"_s, u"text (default), csv or json."_s, u"FORMAT"_s,
                                    u"text"_s);
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s}, u"Write to this file."_s,
                                    u"PATH"_s);
    p.addOptions({force, format, output});
    int code = Ok;
    if (!parse(p, args, u"profile FILE --force CODE [--format text|csv|json] [-o OUT]"_s, 2, out,
               err, code))
        return code;
    if (!p.isSet(force))
        return usage(err, u"profile needs --force"_s);
    const QString fmt = p.value(format);
    if (!formatOk(fmt, err, code))
        return code;
    const auto wb = openToReport(p, 1, output, err, code);
    if (!wb)
        return code;
    auto profile = forceProfile(*wb, p.value(force));
    if (!profile)
        return fail(err, profile.error());
    if (fmt == u"csv"_s)
        return writeOutput(out, err, p.value(output), profileCsv(*profile));
    if (fmt == u"json"_s)
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
                parts << QStringLiteral("%1 %2")
                             .arg(kinds.value(k))
                             .arg(findingKindPluralLabel(k).toLower());
        t << "  " << programme.label() << ": "
          << (parts.isEmpty() ? u"none"_s : parts.join(u", "_s)) << "\n";
    }
    if (!profile->series.isEmpty()) {
        t << "\nFigures over time (" << profile->force.shortName << " / England and Wales)\n";
        for (const FigureSeries& s : profile->series) {
            t << "  " << s.label() << "\n";
            for (const SeriesPoint& x : s.points)
                t << "    " << x.period << ": " << figure(x.force)
                  << (x.national ? u" / "_s + figure(*x.national) : QString()) << "\n";
        }
    }
    const FollowUpList& open = profile->stillOpen;
    t << "\nStill open: " << open.total;
    if (open.total > open.items.size())
        t << " (the oldest " << open.items.size() << " below; fwb followup list has them all)";
    t << "\n";
    for (const FollowUpItem& i : open.items)
        t << "  " << i.since << "  " << findingKindLabel(i.finding.kind).toLower() << "  "
          << i.finding.uid << "  " << followUpStatusLabel(i.status()) << ": "
          << i.finding.text.simplified().left(80)
          << (i.finding.text.simplified().size() > 80 ? "…" : "") << "\n";
    t.flush();
    return writeOutput(out, err, p.value(output), text.toUtf8());
}

int cmdFigure(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption programme(u"programme"_s, u"The programme."_s, u"CODE"_s);
    const QCommandLineOption name(u"name"_s, u"The figure's name, as the metrics give it."_s,
                                  u"NAME"_s);
    const QCommandLineOption unit(u"unit"_s, u"Its unit, where it is given in more than one."_s,
                                  u"UNIT"_s);
    const QCommandLineOption period(
        u"period"_s, u"Its period, where it is given for more than one."_s, u"PERIOD"_s);
    const QCommandLineOption format(u"format"_s, u"text (default), csv or json."_s, u"FORMAT"_s,
                                    u"text"_s);
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s}, u"Write to this file."_s,
                                    u"PATH"_s);
    p.addOptions({programme, name, unit, period, format, output});
    int code = Ok;
    if (!parse(
            p, args,
            u"figure FILE --programme CODE --name NAME [--unit UNIT] [--period PERIOD] [--format text|csv|json] [-o OUT]"_s,
            2, out, err, code))
        return code;
    if (!p.isSet(programme) || !p.isSet(name))
        return usage(err, u"figure needs --programme and --name"_s);
    const QString fmt = p.value(format);
    if (!formatOk(fmt, err, code))
        return code;
    const auto wb = openToReport(p, 1, output, err, code);
    if (!wb)
        return code;
    auto f =
        figureAcrossForces(*wb, p.value(programme), p.value(name), p.value(unit), p.value(period));
    if (!f)
        return fail(err, f.error());
    if (fmt == u"csv"_s)
        return writeOutput(out, err, p.value(output), figureCsv(*f));
    if (fmt == u"json"_s) {
        QJsonArray forces;
        for (const ForceValue& v : f->forces)
            forces.push_back(QJsonObject{{u"force"_s, v.force.code},
                                         {u"name"_s, v.force.name},
                                         {u"region"_s, v.force.regionName},
                                         {u"value"_s, v.value}});
        const QJsonObject o{
            {u"programme"_s, f->programme.code},
            {u"name"_s, f->name},
            {u"measure"_s, f->measure},
            {u"unit"_s, f->unit},
            {u"period"_s, f->period},
            {u"forces"_s, forces},
            {u"england_and_wales"_s, f->national ? QJsonValue(*f->national) : QJsonValue()}};
        return writeOutput(out, err, p.value(output),
                           QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    QString text;
    QTextStream t(&text);
    t << f->name << (f->unit.isEmpty() ? QString() : u", "_s + f->unit) << ", " << f->period
      << "\n";
    if (f->national)
        t << QStringLiteral("  %1 %2\n").arg(u"England and Wales"_s, -40).arg(figure(*f->national));
    for (const ForceValue& v : f->forces)
        t << QStringLiteral("  %1 %2\n").arg(v.force.name, -40).arg(figure(v.value));
    t.flush();
    return writeOutput(out, err, p.value(output), text.toUtf8());
}

} // namespace

QList<Command> analysisCommands()
{
    return {
        {u"ingest"_s, u"ingest FILE REPORT.txt --programme CODE [--dry-run] [--json]"_s,
         u"read a published report's text: force, judgments, summaries, areas for improvement;\n"
         "writes them when everything was recognised (nothing with --dry-run)"_s,
         cmdIngest},
        {u"judgments"_s,
         u"judgments FILE --programme CODE [--question CODE] --format csv|json [-o OUT]"_s,
         u"the judgment matrix: every force against the programme's graded questions"_s,
         cmdJudgments},
        {u"summary"_s, u"summary FILE --programme CODE [--json]"_s,
         u"how many forces are at each grade, per graded question"_s, cmdSummary},
        {u"change"_s, u"change FILE --to CODE [--from CODE] [--format text|csv|json] [-o OUT]"_s,
         u"which forces went up, down or stayed between two programmes (questions not comparable marked)"_s,
         cmdChange},
        {u"profile"_s, u"profile FILE --force CODE [--format text|csv|json] [-o OUT]"_s,
         u"one force across the programmes: judgments over time, findings by kind, figures over "
         u"time\n"
         "against England and Wales and its region, what is still open"_s,
         cmdProfile},
        {u"figure"_s,
         u"figure FILE --programme CODE --name NAME [--unit UNIT] [--period PERIOD] [--format text|csv|json] [-o OUT]"_s,
         u"one figure of a programme for every force that has it, highest first, with England and Wales"_s,
         cmdFigure}};
}

} // namespace fwb::cli
