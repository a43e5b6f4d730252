// fwb finding, judgment, evidence, metric, search: the drafting services from a script. Each
// command that writes prints the id it wrote, and only after the change is committed.
#include "core/services/drafting.h"
#include "cli/commands/versionoption.h"
#include "cli/support.h"
#include "core/reader.h"
#include "core/services/search.h"
#include "core/workbench.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

const QCommandLineOption kProgramme(u"programme"_s, u"The programme's code."_s, u"CODE"_s);
const QCommandLineOption kForce(u"force"_s, u"The force's code."_s, u"CODE"_s);
const QCommandLineOption kQuestion(u"question"_s, u"The question's code."_s, u"CODE"_s);

int badValue(QTextStream& err, const QString& option, const QString& value, const QString& expected)
{
    return usage(err, QStringLiteral("--%1: \"%2\" is not %3").arg(option, value, expected));
}

bool parseInt(const QString& s, int& out)
{
    bool ok = false;
    out = s.toInt(&ok);
    return ok;
}

Result<std::unique_ptr<Workbench>> openForWriting(const QString& file)
{
    return Workbench::open(file);
}

// A uid given for a new record must follow the rule for codes and uids (domain/types.h); one
// already stored is used as it is.
int refuseUid(QTextStream& err, const QString& what, const QString& uid)
{
    return fail(err, Error::make(Error::Code::Invalid,
                                 QStringLiteral("--uid: ") + invalidCodeMessage(what, uid)));
}

// ---- finding ----------------------------------------------------------------------------------

int findingAdd(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption kind(
        u"kind"_s,
        u"strength, area_for_improvement, cause_of_concern, recommendation or observation."_s,
        u"KIND"_s);
    const QCommandLineOption text(u"text"_s, u"The finding's text (Markdown)."_s, u"TEXT"_s);
    const QCommandLineOption textFile(
        u"text-file"_s, u"Read the text from a file (- for standard input)."_s, u"PATH"_s);
    const QCommandLineOption position(
        u"position"_s, u"Insert at this position (1 is first); default: last."_s, u"N"_s);
    const QCommandLineOption status(u"status"_s, u"Lifecycle status (default draft)."_s,
                                    u"STATUS"_s);
    const QCommandLineOption evidence(u"evidence"_s, u"Cite this evidence sample (repeatable)."_s,
                                      u"UID"_s);
    const QCommandLineOption uid(u"uid"_s, u"Use this uid instead of a fresh one."_s, u"UID"_s);
    p.addOptions(
        {kProgramme, kForce, kQuestion, kind, text, textFile, position, status, evidence, uid});
    int code = Ok;
    const QString synopsis =
        u"finding add FILE --programme CODE --force CODE --question CODE --kind KIND "
        "(--text TEXT | --text-file PATH) [--position N] [--evidence UID]..."_s;
    if (!parse(p, args, synopsis, 3, out, err, code) ||
        !requireOptions(p, {&kProgramme, &kForce, &kQuestion, &kind}, err, code))
        return code;
    Finding f;
    f.programmeCode = p.value(kProgramme);
    f.forceCode = p.value(kForce);
    f.questionCode = p.value(kQuestion);
    f.kind = p.value(kind);
    f.status = p.isSet(status) ? p.value(status) : u"draft"_s;
    f.uid = p.value(uid);
    f.evidenceUids = p.values(evidence);
    if (!findingKinds().contains(f.kind))
        return badValue(err, u"kind"_s, f.kind,
                        u"a finding kind ("_s + findingKinds().join(u", "_s) + u")"_s);
    if (!statuses().contains(f.status))
        return badValue(err, u"status"_s, f.status,
                        u"a status ("_s + statuses().join(u", "_s) + u")"_s);
    if (p.isSet(position) && (!parseInt(p.value(position), f.position) || f.position < 1))
        return badValue(err, u"position"_s, p.value(position), u"a position (1 or more)"_s);
    if (!readText(p, text, textFile, f.text, err, code))
        return code;
    if (f.text.trimmed().isEmpty())
        return usage(err, u"a finding needs text: --text or --text-file"_s);
    if (!f.uid.isEmpty() && !isValidCode(f.uid))
        return refuseUid(err, u"finding uid"_s, f.uid);
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto added = DraftingService(**wb).addFinding(f);
    if (!added)
        return fail(err, added.error());
    out << added->uid << Qt::endl;
    return Ok;
}

int findingEdit(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption kind(u"kind"_s, u"A new kind."_s, u"KIND"_s);
    const QCommandLineOption text(u"text"_s, u"New text (Markdown)."_s, u"TEXT"_s);
    const QCommandLineOption textFile(
        u"text-file"_s, u"Read the new text from a file (- for standard input)."_s, u"PATH"_s);
    const QCommandLineOption status(u"status"_s, u"A new lifecycle status."_s, u"STATUS"_s);
    const QCommandLineOption evidence(
        u"evidence"_s, u"Cite this evidence sample (repeatable; replaces the citations)."_s,
        u"UID"_s);
    const QCommandLineOption noEvidence(u"no-evidence"_s, u"Remove every citation."_s);
    const QCommandLineOption reason(
        u"reason"_s, u"Why the text changed (kept with the revision once under review)."_s,
        u"TEXT"_s);
    p.addOptions({kind, text, textFile, status, evidence, noEvidence, reason, ifVersionOption()});
    int code = Ok;
    const QString synopsis =
        u"finding edit FILE UID [--text TEXT | --text-file PATH] [--kind KIND] [--status STATUS] "
        "[--evidence UID]... [--no-evidence] [--if-version N]"_s;
    if (!parse(p, args, synopsis, 4, out, err, code))
        return code;
    IfVersion ifVersion;
    if (!readIfVersion(p, ifVersion, err, code))
        return code;
    if (p.isSet(kind) && !findingKinds().contains(p.value(kind)))
        return badValue(err, u"kind"_s, p.value(kind),
                        u"a finding kind ("_s + findingKinds().join(u", "_s) + u")"_s);
    if (p.isSet(status) && !statuses().contains(p.value(status)))
        return badValue(err, u"status"_s, p.value(status),
                        u"a status ("_s + statuses().join(u", "_s) + u")"_s);
    if (p.isSet(evidence) && p.isSet(noEvidence))
        return usage(err, u"give --evidence or --no-evidence, not both"_s);
    QString newText;
    if (!readText(p, text, textFile, newText, err, code))
        return code;
    if ((p.isSet(text) || p.isSet(textFile)) && newText.trimmed().isEmpty())
        return usage(err, u"a finding needs text; to remove it use `fwb finding delete`"_s);
    if (!p.isSet(kind) && !p.isSet(status) && !p.isSet(text) && !p.isSet(textFile) &&
        !p.isSet(evidence) && !p.isSet(noEvidence))
        return usage(
            err,
            u"finding edit needs something to change: --text, --kind, --status or --evidence"_s);
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    const QString uid = p.positionalArguments().at(3);
    auto current = (*wb)->reader().finding(uid);
    if (!current)
        return fail(
            err, Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(uid)));
    Finding f = *current;
    if (p.isSet(kind))
        f.kind = p.value(kind);
    if (p.isSet(status))
        f.status = p.value(status);
    if (p.isSet(text) || p.isSet(textFile))
        f.text = newText;
    if (p.isSet(evidence))
        f.evidenceUids = p.values(evidence);
    if (p.isSet(noEvidence))
        f.evidenceUids.clear();
    auto done = DraftingService(**wb).updateFinding(f, p.value(reason), ifVersion);
    if (!done)
        return failSave(err, done.error());
    out << done->uid << Qt::endl;
    printVersion(p, out, done->version);
    return Ok;
}

int findingMove(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption position(u"position"_s,
                                      u"The new position (1 is first); default: last."_s, u"N"_s);
    p.addOptions({kQuestion, position, ifVersionOption()});
    int code = Ok;
    if (!parse(p, args,
               u"finding move FILE UID [--question CODE] [--position N] [--if-version N]"_s, 4, out,
               err, code))
        return code;
    IfVersion ifVersion;
    if (!readIfVersion(p, ifVersion, err, code))
        return code;
    int at = 0;
    if (p.isSet(position) && (!parseInt(p.value(position), at) || at < 1))
        return badValue(err, u"position"_s, p.value(position), u"a position (1 or more)"_s);
    if (!p.isSet(position) && !p.isSet(kQuestion))
        return usage(err, u"finding move needs --question or --position"_s);
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto done = DraftingService(**wb).moveFinding(p.positionalArguments().at(3), p.value(kQuestion),
                                                  at, ifVersion);
    if (!done)
        return failSave(err, done.error());
    out << done->uid << Qt::endl;
    printVersion(p, out, done->version);
    return Ok;
}

int findingDelete(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOption(ifVersionOption());
    int code = Ok;
    if (!parse(p, args, u"finding delete FILE UID [--if-version N]"_s, 4, out, err, code))
        return code;
    IfVersion ifVersion;
    if (!readIfVersion(p, ifVersion, err, code))
        return code;
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto done = DraftingService(**wb).deleteFinding(p.positionalArguments().at(3), ifVersion);
    if (!done)
        return failSave(err, done.error());
    out << done->uid << Qt::endl;
    return Ok;
}

// The version of a finding as it stands, for a later --if-version.
int findingVersion(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, u"finding version FILE UID"_s, 4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    const QString uid = p.positionalArguments().at(3);
    const auto f = (*wb)->reader().finding(uid);
    if (!f)
        return fail(
            err, Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(uid)));
    out << f->version << Qt::endl;
    return Ok;
}

int cmdFinding(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return dispatch(u"finding"_s,
                    {{u"add"_s, findingAdd},
                     {u"edit"_s, findingEdit},
                     {u"move"_s, findingMove},
                     {u"delete"_s, findingDelete},
                     {u"version"_s, findingVersion}},
                    args, out, err);
}

// ---- judgment ---------------------------------------------------------------------------------

int cmdJudgment(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString action = args.value(1);
    if (action != u"set"_s && action != u"clear"_s) {
        return unknownAction(out, err, u"judgment"_s, action, {u"set"_s, u"clear"_s});
    }
    QCommandLineParser p;
    const QCommandLineOption grade(u"grade"_s, u"The grade's code (e.g. good)."_s, u"CODE"_s);
    const QCommandLineOption summary(u"summary"_s, u"The judgment summary (Markdown)."_s,
                                     u"TEXT"_s);
    const QCommandLineOption summaryFile(
        u"summary-file"_s, u"Read the summary from a file (- for standard input)."_s, u"PATH"_s);
    const QCommandLineOption overview(u"overview"_s, u"The overview's wording of the judgment."_s,
                                      u"TEXT"_s);
    const QCommandLineOption firstYear(u"first-year-graded"_s,
                                       u"First year graded: no year-on-year comparison."_s);
    const QCommandLineOption notFirstYear(u"not-first-year-graded"_s,
                                          u"Clear the first-year mark."_s);
    const QCommandLineOption status(u"status"_s, u"Lifecycle status."_s, u"STATUS"_s);
    const QCommandLineOption reason(
        u"reason"_s, u"Why the text changed (kept with the revision once under review)."_s,
        u"TEXT"_s);
    p.addOptions({kProgramme, kForce, kQuestion, ifVersionOption()});
    if (action == u"set"_s)
        p.addOptions(
            {grade, summary, summaryFile, overview, firstYear, notFirstYear, status, reason});
    int code = Ok;
    const QString synopsis =
        action == u"set"_s
            ? u"judgment set FILE --programme CODE --force CODE --question CODE --grade CODE "
              "[--summary TEXT | --summary-file PATH] [--overview TEXT] [--first-year-graded] "
              "[--if-version N]"_s
            : u"judgment clear FILE --programme CODE --force CODE --question CODE "
              "[--if-version N]"_s;
    if (!parse(p, args, synopsis, 3, out, err, code) ||
        !requireOptions(p, {&kProgramme, &kForce, &kQuestion}, err, code))
        return code;
    IfVersion ifVersion;
    if (!readIfVersion(p, ifVersion, err, code))
        return code;
    if (action == u"set"_s && p.isSet(status) && !statuses().contains(p.value(status)))
        return badValue(err, u"status"_s, p.value(status),
                        u"a status ("_s + statuses().join(u", "_s) + u")"_s);
    if (action == u"set"_s && p.isSet(firstYear) && p.isSet(notFirstYear))
        return usage(err, u"give --first-year-graded or --not-first-year-graded, not both"_s);
    QString summaryText;
    if (action == u"set"_s && !readText(p, summary, summaryFile, summaryText, err, code))
        return code;
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    DraftingService drafting(**wb);
    const QString key =
        p.value(kProgramme) + u"/"_s + p.value(kForce) + u"/"_s + p.value(kQuestion);
    if (action == u"clear"_s) {
        auto done = drafting.clearJudgment(p.value(kProgramme), p.value(kForce), p.value(kQuestion),
                                           ifVersion);
        if (!done)
            return failSave(err, done.error());
        out << key << Qt::endl;
        return Ok;
    }
    // Start from the judgment as it stands: options not given keep their values.
    auto current =
        (*wb)->reader().judgment(p.value(kProgramme), p.value(kForce), p.value(kQuestion));
    Judgment j = current.value_or(Judgment{});
    j.programmeCode = p.value(kProgramme);
    j.forceCode = p.value(kForce);
    j.questionCode = p.value(kQuestion);
    if (p.isSet(grade))
        j.gradeCode = p.value(grade);
    else if (!current)
        return usage(err, u"--grade is required for a new judgment"_s);
    if (p.isSet(summary) || p.isSet(summaryFile))
        j.summary = summaryText;
    if (p.isSet(overview))
        j.overview = p.value(overview);
    if (p.isSet(firstYear))
        j.firstYearGraded = true;
    if (p.isSet(notFirstYear))
        j.firstYearGraded = false;
    if (p.isSet(status))
        j.status = p.value(status);
    auto done =
        drafting.setJudgment(j, action == u"set"_s ? p.value(reason) : QString(), ifVersion);
    if (!done)
        return failSave(err, done.error());
    out << key << Qt::endl;
    printVersion(p, out, done->version);
    return Ok;
}

// ---- evidence ---------------------------------------------------------------------------------

// "label=10" → {label, 10}; "label=13/30" → count 13 out of a base of 30.
bool parseCounted(const QString& spec, QString& label, int& count, std::optional<int>& base)
{
    static const QRegularExpression re(
        QStringLiteral("^(.*\\S)\\s*=\\s*(\\d+)(?:\\s*/\\s*(\\d+))?$"));
    const auto m = re.match(spec);
    if (!m.hasMatch())
        return false;
    label = m.captured(1).trimmed();
    count = m.captured(2).toInt();
    if (m.capturedLength(3) > 0)
        base = m.captured(3).toInt();
    return true;
}

int cmdEvidence(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString action = args.value(1);
    if (action != u"add"_s && action != u"delete"_s) {
        return unknownAction(out, err, u"evidence"_s, action, {u"add"_s, u"delete"_s});
    }
    QCommandLineParser p;
    int code = Ok;
    if (action == u"delete"_s) {
        if (!parse(p, args, u"evidence delete FILE UID"_s, 4, out, err, code))
            return code;
        auto wb = openForWriting(p.positionalArguments().at(2));
        if (!wb)
            return fail(err, wb.error());
        auto done = DraftingService(**wb).deleteEvidence(p.positionalArguments().at(3));
        if (!done)
            return fail(err, done.error());
        out << done->sample.uid << Qt::endl;
        return Ok;
    }
    const QCommandLineOption label(
        u"label"_s, u"What was sampled, e.g. \"Unattended crime reports\"."_s, u"TEXT"_s);
    const QCommandLineOption method(
        u"method"_s, u"file_review, dip_sample, survey, interview or focus_group."_s, u"METHOD"_s);
    const QCommandLineOption population(u"population"_s, u"What the sample was drawn from."_s,
                                        u"TEXT"_s);
    const QCommandLineOption size(u"size"_s, u"The sample size."_s, u"N"_s);
    const QCommandLineOption stratum(u"stratum"_s, u"A stratum as LABEL=N (repeatable)."_s,
                                     u"LABEL=N"_s);
    const QCommandLineOption measure(
        u"measure"_s, u"A counted measure as LABEL=N or LABEL=N/BASE (repeatable)."_s,
        u"LABEL=N"_s);
    const QCommandLineOption description(u"description"_s, u"A description."_s, u"TEXT"_s);
    const QCommandLineOption uid(u"uid"_s, u"Use this uid (replacing a sample that has it)."_s,
                                 u"UID"_s);
    p.addOptions({kProgramme, kForce, kQuestion, label, method, population, size, stratum, measure,
                  description, uid});
    const QString synopsis =
        u"evidence add FILE --programme CODE --force CODE --label TEXT --method METHOD "
        "[--size N] [--stratum LABEL=N]... [--measure LABEL=N[/BASE]]... [--question CODE]"_s;
    if (!parse(p, args, synopsis, 3, out, err, code) ||
        !requireOptions(p, {&kProgramme, &kForce, &label, &method}, err, code))
        return code;
    EvidenceSample e;
    e.uid = p.value(uid);
    e.programmeCode = p.value(kProgramme);
    e.forceCode = p.value(kForce);
    e.questionCode = p.value(kQuestion);
    e.label = p.value(label);
    e.method = p.value(method);
    e.population = p.value(population);
    e.description = p.value(description);
    if (p.isSet(size)) {
        int n = 0;
        if (!parseInt(p.value(size), n) || n < 0)
            return badValue(err, u"size"_s, p.value(size), u"a sample size (0 or more)"_s);
        e.sampleSize = n;
    }
    for (const QString& s : p.values(stratum)) {
        Stratum st;
        std::optional<int> base;
        if (!parseCounted(s, st.label, st.size, base) || base)
            return badValue(err, u"stratum"_s, s, u"LABEL=N"_s);
        e.strata.push_back(st);
    }
    for (const QString& s : p.values(measure)) {
        Measure m;
        if (!parseCounted(s, m.label, m.count, m.base))
            return badValue(err, u"measure"_s, s, u"LABEL=N or LABEL=N/BASE"_s);
        e.measures.push_back(m);
    }
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    if (!e.uid.isEmpty() && !isValidCode(e.uid) && !(*wb)->reader().evidenceSample(e.uid))
        return refuseUid(err, u"evidence uid"_s, e.uid);
    auto done = DraftingService(**wb).saveEvidence(e);
    if (!done)
        return fail(err, done.error());
    out << done->uid << Qt::endl;
    return Ok;
}

// ---- metric -----------------------------------------------------------------------------------

int cmdMetric(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString action = args.value(1);
    if (action != u"set"_s && action != u"delete"_s) {
        return unknownAction(out, err, u"metric"_s, action, {u"set"_s, u"delete"_s});
    }
    QCommandLineParser p;
    int code = Ok;
    if (action == u"delete"_s) {
        if (!parse(p, args, u"metric delete FILE UID"_s, 4, out, err, code))
            return code;
        auto wb = openForWriting(p.positionalArguments().at(2));
        if (!wb)
            return fail(err, wb.error());
        auto done = DraftingService(**wb).deleteMetric(p.positionalArguments().at(3));
        if (!done)
            return fail(err, done.error());
        out << done->uid << Qt::endl;
        return Ok;
    }
    const QCommandLineOption uid(u"uid"_s, u"The metric to change; a new one without it."_s,
                                 u"UID"_s);
    const QCommandLineOption name(u"name"_s, u"The metric, e.g. \"Victim-based crime\"."_s,
                                  u"TEXT"_s);
    const QCommandLineOption measureOpt(
        u"measure"_s, u"What is measured, e.g. \"per 1,000 population\"."_s, u"TEXT"_s);
    const QCommandLineOption figure(u"figure"_s, u"The figure it belongs to, e.g. \"Figure 2\"."_s,
                                    u"TEXT"_s);
    const QCommandLineOption period(u"period"_s, u"e.g. \"12 months to 31 March 2015\"."_s,
                                    u"TEXT"_s);
    const QCommandLineOption unit(u"unit"_s, u"e.g. rate, %, count."_s, u"TEXT"_s);
    const QCommandLineOption value(u"value"_s, u"The force's value."_s, u"NUMBER"_s);
    const QCommandLineOption national(u"national"_s, u"The England and Wales value."_s,
                                      u"NUMBER"_s);
    const QCommandLineOption source(u"source"_s, u"Where the figure comes from."_s, u"TEXT"_s);
    const QCommandLineOption note(u"note"_s, u"A note."_s, u"TEXT"_s);
    p.addOptions({kProgramme, kForce, kQuestion, uid, name, measureOpt, figure, period, unit, value,
                  national, source, note});
    const QString synopsis =
        u"metric set FILE --programme CODE --force CODE (--uid UID | --name TEXT) [--value NUMBER] "
        "[--national NUMBER] [--period TEXT] [--unit TEXT] [--source TEXT] [--figure TEXT]"_s;
    if (!parse(p, args, synopsis, 3, out, err, code) ||
        !requireOptions(p, {&kProgramme, &kForce}, err, code))
        return code;
    auto number = [&](const QCommandLineOption& o, double& v) {
        bool ok = false;
        v = p.value(o).toDouble(&ok);
        return ok && std::isfinite(v);
    };
    double forceValue = 0, nationalValue = 0;
    if (p.isSet(value) && !number(value, forceValue))
        return badValue(err, u"value"_s, p.value(value), u"a number"_s);
    if (p.isSet(national) && !number(national, nationalValue))
        return badValue(err, u"national"_s, p.value(national), u"a number"_s);
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    Metric m;
    if (p.isSet(uid)) {
        auto current = (*wb)->reader().metric(p.value(uid));
        if (current) {
            if (current->programmeCode != p.value(kProgramme) ||
                current->forceCode != p.value(kForce))
                return fail(err, Error::make(Error::Code::Conflict,
                                             QStringLiteral("metric \"%1\" belongs to %2 %3")
                                                 .arg(p.value(uid), current->programmeCode,
                                                      current->forceCode)));
            m = *current;
        } else {
            if (!isValidCode(p.value(uid)))
                return refuseUid(err, u"metric uid"_s, p.value(uid));
            m.uid = p.value(uid);
        }
    }
    if (!m.id && !p.isSet(name))
        return usage(err, u"--name is required for a new metric"_s);
    if (!m.id && !p.isSet(value))
        return usage(err, u"--value is required for a new metric"_s);
    m.programmeCode = p.value(kProgramme);
    m.forceCode = p.value(kForce);
    if (p.isSet(kQuestion))
        m.questionCode = p.value(kQuestion);
    if (p.isSet(name))
        m.name = p.value(name);
    if (p.isSet(measureOpt))
        m.measure = p.value(measureOpt);
    if (p.isSet(figure))
        m.figure = p.value(figure);
    if (p.isSet(period))
        m.period = p.value(period);
    if (p.isSet(unit))
        m.unit = p.value(unit);
    if (p.isSet(value))
        m.forceValue = forceValue;
    if (p.isSet(national))
        m.nationalValue = nationalValue;
    if (p.isSet(source))
        m.source = p.value(source);
    if (p.isSet(note))
        m.note = p.value(note);
    auto done = DraftingService(**wb).saveMetric(m);
    if (!done)
        return fail(err, done.error());
    out << done->uid << Qt::endl;
    return Ok;
}

// ---- search -----------------------------------------------------------------------------------

int cmdSearch(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption kind(u"kind"_s, u"Only findings of this kind."_s, u"KIND"_s);
    const QCommandLineOption status(u"status"_s, u"Only material with this status."_s, u"STATUS"_s);
    const QCommandLineOption limit(u"limit"_s, u"At most this many results (default 20)."_s,
                                   u"N"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    p.addOptions({kProgramme, kForce, kind, status, limit, json});
    int code = Ok;
    const QString synopsis =
        u"search FILE QUERY [--programme CODE] [--force CODE] [--kind KIND] [--status STATUS] "
        "[--limit N] [--json]"_s;
    if (!parse(p, args, synopsis, 3, out, err, code))
        return code;
    SearchFilter filter{p.value(kProgramme), p.value(kForce), p.value(kind), p.value(status), 20};
    if (p.isSet(kind) && !findingKinds().contains(filter.kind))
        return badValue(err, u"kind"_s, filter.kind,
                        u"a finding kind ("_s + findingKinds().join(u", "_s) + u")"_s);
    if (p.isSet(status) && !statuses().contains(filter.status))
        return badValue(err, u"status"_s, filter.status,
                        u"a status ("_s + statuses().join(u", "_s) + u")"_s);
    if (p.isSet(limit) &&
        (!parseInt(p.value(limit), filter.limit) || filter.limit < 1 || filter.limit > 1000))
        return badValue(err, u"limit"_s, p.value(limit), u"a number from 1 to 1000"_s);
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    if (!filter.programme.isEmpty() && !(*wb)->reader().programme(filter.programme))
        return fail(err, Error::make(Error::Code::NotFound,
                                     QStringLiteral("no programme \"%1\"").arg(filter.programme)));
    if (!filter.force.isEmpty() && !(*wb)->reader().force(filter.force))
        return fail(err, Error::make(Error::Code::NotFound,
                                     QStringLiteral("no force \"%1\"").arg(filter.force)));
    auto hits = SearchService((*wb)->database()).search(p.positionalArguments().at(2), filter);
    if (!hits)
        return fail(err, hits.error());
    if (p.isSet(json)) {
        QJsonArray list;
        for (const SearchHit& h : hits->hits)
            list.push_back(QJsonObject{{u"type"_s, h.typeName()},
                                       {u"key"_s, h.key},
                                       {u"programme"_s, h.programme},
                                       {u"force"_s, h.force},
                                       {u"question"_s, h.question},
                                       {u"kind"_s, h.kind},
                                       {u"status"_s, h.status},
                                       {u"title"_s, h.title},
                                       {u"document"_s, h.documentUid},
                                       {u"snippet"_s, h.markedSnippet(u"**"_s, u"**"_s)},
                                       {u"rank"_s, h.rank}});
        out << QJsonDocument(QJsonObject{{u"query"_s, p.positionalArguments().at(2)},
                                         {u"complete"_s, hits->complete},
                                         {u"results"_s, list}})
                   .toJson(QJsonDocument::Indented)
            << Qt::flush;
        return Ok;
    }
    if (hits->hits.isEmpty()) {
        out << "no results" << Qt::endl;
        return Ok;
    }
    for (const SearchHit& h : hits->hits) {
        out << h.typeName() << "  " << h.key << "  " << h.programme << " " << h.force;
        if (!h.question.isEmpty())
            out << " " << h.question;
        if (!h.kind.isEmpty())
            out << " (" << h.kind << ")";
        out << "\n    " << h.markedSnippet(u"**"_s, u"**"_s).simplified() << "\n";
    }
    if (!hits->complete)
        out << "(the best of the " << SearchService::kRankedCandidates
            << " most recent matches; add words or filters to rank them all)\n";
    out << Qt::flush;
    return Ok;
}

} // namespace

QList<Command> draftingCommands()
{
    return {
        {u"finding"_s, u"finding add|edit|move|delete FILE ..."_s,
         u"add, change, reorder or delete a finding; prints its uid once saved"_s, cmdFinding},
        {u"judgment"_s,
         u"judgment set|clear FILE --programme CODE --force CODE --question CODE ..."_s,
         u"set a graded judgment (grade, summary, first year graded) or remove it"_s, cmdJudgment},
        {u"evidence"_s, u"evidence add|delete FILE ..."_s,
         u"add a case-file sample with strata and counted measures (impossible counts refused)"_s,
         cmdEvidence},
        {u"metric"_s, u"metric set|delete FILE ..."_s,
         u"set a force-in-numbers figure against England and Wales"_s, cmdMetric},
        {u"search"_s,
         u"search FILE QUERY [--programme CODE] [--force CODE] [--kind KIND] [--json]"_s,
         u"ranked full-text search of findings, judgment summaries and document text"_s, cmdSearch},
    };
}

} // namespace fwb::cli
