// fwb finding, judgment, evidence, metric, search: the drafting services from a script. Each
// command that writes prints the id it wrote, and only after the change is committed.
#include "services/drafting.h"
#include "services/search.h"
#include "support.h"
#include "workbench.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>

namespace fwb::cli {
namespace {

const QCommandLineOption kProgramme(L("programme"), L("The programme's code."), L("CODE"));
const QCommandLineOption kForce(L("force"), L("The force's code."), L("CODE"));
const QCommandLineOption kQuestion(L("question"), L("The question's code."), L("CODE"));

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

Result<std::unique_ptr<Workbench>> openForWriting(const QString& file) { return Workbench::open(file); }

// A uid given for a new record must follow the rule for codes and uids (domain/types.h); one
// already stored is used as it is.
int refuseUid(QTextStream& err, const QString& what, const QString& uid)
{
    return fail(err, Error::make(Error::Code::Invalid, QStringLiteral("--uid: ") + invalidCodeMessage(what, uid)));
}

// ---- finding ----------------------------------------------------------------------------------

int findingAdd(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption kind(L("kind"), L("strength, area_for_improvement, cause_of_concern, recommendation or observation."), L("KIND"));
    const QCommandLineOption text(L("text"), L("The finding's text (Markdown)."), L("TEXT"));
    const QCommandLineOption textFile(L("text-file"), L("Read the text from a file (- for standard input)."), L("PATH"));
    const QCommandLineOption position(L("position"), L("Insert at this position (1 is first); default: last."), L("N"));
    const QCommandLineOption status(L("status"), L("Lifecycle status (default draft)."), L("STATUS"));
    const QCommandLineOption evidence(L("evidence"), L("Cite this evidence sample (repeatable)."), L("UID"));
    const QCommandLineOption uid(L("uid"), L("Use this uid instead of a fresh one."), L("UID"));
    p.addOptions({kProgramme, kForce, kQuestion, kind, text, textFile, position, status, evidence, uid});
    int code = Ok;
    const QString synopsis = L("finding add FILE --programme CODE --force CODE --question CODE --kind KIND "
                               "(--text TEXT | --text-file PATH) [--position N] [--evidence UID]...");
    if (!parse(p, args, synopsis, 3, out, err, code) || !requireOptions(p, {&kProgramme, &kForce, &kQuestion, &kind}, err, code))
        return code;
    Finding f;
    f.programmeCode = p.value(kProgramme);
    f.forceCode = p.value(kForce);
    f.questionCode = p.value(kQuestion);
    f.kind = p.value(kind);
    f.status = p.isSet(status) ? p.value(status) : L("draft");
    f.uid = p.value(uid);
    f.evidenceUids = p.values(evidence);
    if (!findingKinds().contains(f.kind))
        return badValue(err, L("kind"), f.kind, L("a finding kind (") + findingKinds().join(L(", ")) + L(")"));
    if (!statuses().contains(f.status))
        return badValue(err, L("status"), f.status, L("a status (") + statuses().join(L(", ")) + L(")"));
    if (p.isSet(position) && (!parseInt(p.value(position), f.position) || f.position < 1))
        return badValue(err, L("position"), p.value(position), L("a position (1 or more)"));
    if (!readText(p, text, textFile, f.text, err, code))
        return code;
    if (f.text.trimmed().isEmpty())
        return usage(err, L("a finding needs text: --text or --text-file"));
    if (!f.uid.isEmpty() && !isValidCode(f.uid))
        return refuseUid(err, L("finding uid"), f.uid);
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
    const QCommandLineOption kind(L("kind"), L("A new kind."), L("KIND"));
    const QCommandLineOption text(L("text"), L("New text (Markdown)."), L("TEXT"));
    const QCommandLineOption textFile(L("text-file"), L("Read the new text from a file (- for standard input)."), L("PATH"));
    const QCommandLineOption status(L("status"), L("A new lifecycle status."), L("STATUS"));
    const QCommandLineOption evidence(L("evidence"), L("Cite this evidence sample (repeatable; replaces the citations)."), L("UID"));
    const QCommandLineOption noEvidence(L("no-evidence"), L("Remove every citation."));
    const QCommandLineOption reason(L("reason"), L("Why the text changed (kept with the revision once under review)."), L("TEXT"));
    p.addOptions({kind, text, textFile, status, evidence, noEvidence, reason});
    int code = Ok;
    const QString synopsis = L("finding edit FILE UID [--text TEXT | --text-file PATH] [--kind KIND] [--status STATUS] "
                               "[--evidence UID]... [--no-evidence]");
    if (!parse(p, args, synopsis, 4, out, err, code))
        return code;
    if (p.isSet(kind) && !findingKinds().contains(p.value(kind)))
        return badValue(err, L("kind"), p.value(kind), L("a finding kind (") + findingKinds().join(L(", ")) + L(")"));
    if (p.isSet(status) && !statuses().contains(p.value(status)))
        return badValue(err, L("status"), p.value(status), L("a status (") + statuses().join(L(", ")) + L(")"));
    if (p.isSet(evidence) && p.isSet(noEvidence))
        return usage(err, L("give --evidence or --no-evidence, not both"));
    QString newText;
    if (!readText(p, text, textFile, newText, err, code))
        return code;
    if ((p.isSet(text) || p.isSet(textFile)) && newText.trimmed().isEmpty())
        return usage(err, L("a finding needs text; to remove it use `fwb finding delete`"));
    if (!p.isSet(kind) && !p.isSet(status) && !p.isSet(text) && !p.isSet(textFile) && !p.isSet(evidence) && !p.isSet(noEvidence))
        return usage(err, L("finding edit needs something to change: --text, --kind, --status or --evidence"));
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    const QString uid = p.positionalArguments().at(3);
    auto current = (*wb)->drafts().finding(uid);
    if (!current)
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(uid)));
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
    auto done = DraftingService(**wb).updateFinding(f, p.value(reason));
    if (!done)
        return fail(err, done.error());
    out << done->uid << Qt::endl;
    return Ok;
}

int findingMove(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption position(L("position"), L("The new position (1 is first); default: last."), L("N"));
    p.addOptions({kQuestion, position});
    int code = Ok;
    if (!parse(p, args, L("finding move FILE UID [--question CODE] [--position N]"), 4, out, err, code))
        return code;
    int at = 0;
    if (p.isSet(position) && (!parseInt(p.value(position), at) || at < 1))
        return badValue(err, L("position"), p.value(position), L("a position (1 or more)"));
    if (!p.isSet(position) && !p.isSet(kQuestion))
        return usage(err, L("finding move needs --question or --position"));
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto done = DraftingService(**wb).moveFinding(p.positionalArguments().at(3), p.value(kQuestion), at);
    if (!done)
        return fail(err, done.error());
    out << done->uid << Qt::endl;
    return Ok;
}

int findingDelete(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, L("finding delete FILE UID"), 4, out, err, code))
        return code;
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto done = DraftingService(**wb).deleteFinding(p.positionalArguments().at(3));
    if (!done)
        return fail(err, done.error());
    out << done->uid << Qt::endl;
    return Ok;
}

int cmdFinding(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return dispatch(L("finding"), {{L("add"), findingAdd}, {L("edit"), findingEdit}, {L("move"), findingMove}, {L("delete"), findingDelete}},
                    args, out, err);
}

// ---- judgment ---------------------------------------------------------------------------------

int cmdJudgment(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString action = args.value(1);
    if (action != L("set") && action != L("clear")) {
        return unknownAction(out, err, L("judgment"), action, {L("set"), L("clear")});
    }
    QCommandLineParser p;
    const QCommandLineOption grade(L("grade"), L("The grade's code (e.g. good)."), L("CODE"));
    const QCommandLineOption summary(L("summary"), L("The judgment summary (Markdown)."), L("TEXT"));
    const QCommandLineOption summaryFile(L("summary-file"), L("Read the summary from a file (- for standard input)."), L("PATH"));
    const QCommandLineOption overview(L("overview"), L("The overview's wording of the judgment."), L("TEXT"));
    const QCommandLineOption firstYear(L("first-year-graded"), L("First year graded: no year-on-year comparison."));
    const QCommandLineOption notFirstYear(L("not-first-year-graded"), L("Clear the first-year mark."));
    const QCommandLineOption status(L("status"), L("Lifecycle status."), L("STATUS"));
    const QCommandLineOption reason(L("reason"), L("Why the text changed (kept with the revision once under review)."), L("TEXT"));
    p.addOptions({kProgramme, kForce, kQuestion});
    if (action == L("set"))
        p.addOptions({grade, summary, summaryFile, overview, firstYear, notFirstYear, status, reason});
    int code = Ok;
    const QString synopsis = action == L("set")
                                 ? L("judgment set FILE --programme CODE --force CODE --question CODE --grade CODE "
                                     "[--summary TEXT | --summary-file PATH] [--overview TEXT] [--first-year-graded]")
                                 : L("judgment clear FILE --programme CODE --force CODE --question CODE");
    if (!parse(p, args, synopsis, 3, out, err, code) || !requireOptions(p, {&kProgramme, &kForce, &kQuestion}, err, code))
        return code;
    if (action == L("set") && p.isSet(status) && !statuses().contains(p.value(status)))
        return badValue(err, L("status"), p.value(status), L("a status (") + statuses().join(L(", ")) + L(")"));
    if (action == L("set") && p.isSet(firstYear) && p.isSet(notFirstYear))
        return usage(err, L("give --first-year-graded or --not-first-year-graded, not both"));
    QString summaryText;
    if (action == L("set") && !readText(p, summary, summaryFile, summaryText, err, code))
        return code;
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    DraftingService drafting(**wb);
    const QString key = p.value(kProgramme) + L("/") + p.value(kForce) + L("/") + p.value(kQuestion);
    if (action == L("clear")) {
        auto done = drafting.clearJudgment(p.value(kProgramme), p.value(kForce), p.value(kQuestion));
        if (!done)
            return fail(err, done.error());
        out << key << Qt::endl;
        return Ok;
    }
    // Start from the judgment as it stands: options not given keep their values.
    auto current = (*wb)->drafts().judgment(p.value(kProgramme), p.value(kForce), p.value(kQuestion));
    Judgment j = current.value_or(Judgment{});
    j.programmeCode = p.value(kProgramme);
    j.forceCode = p.value(kForce);
    j.questionCode = p.value(kQuestion);
    if (p.isSet(grade))
        j.gradeCode = p.value(grade);
    else if (!current)
        return usage(err, L("--grade is required for a new judgment"));
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
    auto done = drafting.setJudgment(j, action == L("set") ? p.value(reason) : QString());
    if (!done)
        return fail(err, done.error());
    out << key << Qt::endl;
    return Ok;
}

// ---- evidence ---------------------------------------------------------------------------------

// "label=10" → {label, 10}; "label=13/30" → count 13 out of a base of 30.
bool parseCounted(const QString& spec, QString& label, int& count, std::optional<int>& base)
{
    static const QRegularExpression re(QStringLiteral("^(.*\\S)\\s*=\\s*(\\d+)(?:\\s*/\\s*(\\d+))?$"));
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
    if (action != L("add") && action != L("delete")) {
        return unknownAction(out, err, L("evidence"), action, {L("add"), L("delete")});
    }
    QCommandLineParser p;
    int code = Ok;
    if (action == L("delete")) {
        if (!parse(p, args, L("evidence delete FILE UID"), 4, out, err, code))
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
    const QCommandLineOption label(L("label"), L("What was sampled, e.g. \"Unattended crime reports\"."), L("TEXT"));
    const QCommandLineOption method(L("method"), L("file_review, dip_sample, survey, interview or focus_group."), L("METHOD"));
    const QCommandLineOption population(L("population"), L("What the sample was drawn from."), L("TEXT"));
    const QCommandLineOption size(L("size"), L("The sample size."), L("N"));
    const QCommandLineOption stratum(L("stratum"), L("A stratum as LABEL=N (repeatable)."), L("LABEL=N"));
    const QCommandLineOption measure(L("measure"), L("A counted measure as LABEL=N or LABEL=N/BASE (repeatable)."), L("LABEL=N"));
    const QCommandLineOption description(L("description"), L("A description."), L("TEXT"));
    const QCommandLineOption uid(L("uid"), L("Use this uid (replacing a sample that has it)."), L("UID"));
    p.addOptions({kProgramme, kForce, kQuestion, label, method, population, size, stratum, measure, description, uid});
    const QString synopsis = L("evidence add FILE --programme CODE --force CODE --label TEXT --method METHOD "
                               "[--size N] [--stratum LABEL=N]... [--measure LABEL=N[/BASE]]... [--question CODE]");
    if (!parse(p, args, synopsis, 3, out, err, code) || !requireOptions(p, {&kProgramme, &kForce, &label, &method}, err, code))
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
            return badValue(err, L("size"), p.value(size), L("a sample size (0 or more)"));
        e.sampleSize = n;
    }
    for (const QString& s : p.values(stratum)) {
        Stratum st;
        std::optional<int> base;
        if (!parseCounted(s, st.label, st.size, base) || base)
            return badValue(err, L("stratum"), s, L("LABEL=N"));
        e.strata.push_back(st);
    }
    for (const QString& s : p.values(measure)) {
        Measure m;
        if (!parseCounted(s, m.label, m.count, m.base))
            return badValue(err, L("measure"), s, L("LABEL=N or LABEL=N/BASE"));
        e.measures.push_back(m);
    }
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    if (!e.uid.isEmpty() && !isValidCode(e.uid) && !(*wb)->drafts().evidenceSample(e.uid))
        return refuseUid(err, L("evidence uid"), e.uid);
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
    if (action != L("set") && action != L("delete")) {
        return unknownAction(out, err, L("metric"), action, {L("set"), L("delete")});
    }
    QCommandLineParser p;
    int code = Ok;
    if (action == L("delete")) {
        if (!parse(p, args, L("metric delete FILE UID"), 4, out, err, code))
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
    const QCommandLineOption uid(L("uid"), L("The metric to change; a new one without it."), L("UID"));
    const QCommandLineOption name(L("name"), L("The metric, e.g. \"Victim-based crime\"."), L("TEXT"));
    const QCommandLineOption measureOpt(L("measure"), L("What is measured, e.g. \"per 1,000 population\"."), L("TEXT"));
    const QCommandLineOption figure(L("figure"), L("The figure it belongs to, e.g. \"Figure 2\"."), L("TEXT"));
    const QCommandLineOption period(L("period"), L("e.g. \"12 months to 31 March 2015\"."), L("TEXT"));
    const QCommandLineOption unit(L("unit"), L("e.g. rate, %, count."), L("TEXT"));
    const QCommandLineOption value(L("value"), L("The force's value."), L("NUMBER"));
    const QCommandLineOption national(L("national"), L("The England and Wales value."), L("NUMBER"));
    const QCommandLineOption source(L("source"), L("Where the figure comes from."), L("TEXT"));
    const QCommandLineOption note(L("note"), L("A note."), L("TEXT"));
    p.addOptions({kProgramme, kForce, kQuestion, uid, name, measureOpt, figure, period, unit, value, national, source, note});
    const QString synopsis = L("metric set FILE --programme CODE --force CODE (--uid UID | --name TEXT) [--value NUMBER] "
                               "[--national NUMBER] [--period TEXT] [--unit TEXT] [--source TEXT] [--figure TEXT]");
    if (!parse(p, args, synopsis, 3, out, err, code) || !requireOptions(p, {&kProgramme, &kForce}, err, code))
        return code;
    auto number = [&](const QCommandLineOption& o, double& v) {
        bool ok = false;
        v = p.value(o).toDouble(&ok);
        return ok && std::isfinite(v);
    };
    double forceValue = 0, nationalValue = 0;
    if (p.isSet(value) && !number(value, forceValue))
        return badValue(err, L("value"), p.value(value), L("a number"));
    if (p.isSet(national) && !number(national, nationalValue))
        return badValue(err, L("national"), p.value(national), L("a number"));
    auto wb = openForWriting(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    Metric m;
    if (p.isSet(uid)) {
        auto current = (*wb)->drafts().metric(p.value(uid));
        if (current) {
            if (current->programmeCode != p.value(kProgramme) || current->forceCode != p.value(kForce))
                return fail(err, Error::make(Error::Code::Conflict,
                                             QStringLiteral("metric \"%1\" belongs to %2 %3").arg(p.value(uid), current->programmeCode, current->forceCode)));
            m = *current;
        } else {
            if (!isValidCode(p.value(uid)))
                return refuseUid(err, L("metric uid"), p.value(uid));
            m.uid = p.value(uid);
        }
    }
    if (!m.id && !p.isSet(name))
        return usage(err, L("--name is required for a new metric"));
    if (!m.id && !p.isSet(value))
        return usage(err, L("--value is required for a new metric"));
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
    const QCommandLineOption kind(L("kind"), L("Only findings of this kind."), L("KIND"));
    const QCommandLineOption status(L("status"), L("Only material with this status."), L("STATUS"));
    const QCommandLineOption limit(L("limit"), L("At most this many results (default 20)."), L("N"));
    const QCommandLineOption json(L("json"), L("Print JSON."));
    p.addOptions({kProgramme, kForce, kind, status, limit, json});
    int code = Ok;
    const QString synopsis = L("search FILE QUERY [--programme CODE] [--force CODE] [--kind KIND] [--status STATUS] "
                               "[--limit N] [--json]");
    if (!parse(p, args, synopsis, 3, out, err, code))
        return code;
    SearchFilter filter{p.value(kProgramme), p.value(kForce), p.value(kind), p.value(status), 20};
    if (p.isSet(kind) && !findingKinds().contains(filter.kind))
        return badValue(err, L("kind"), filter.kind, L("a finding kind (") + findingKinds().join(L(", ")) + L(")"));
    if (p.isSet(status) && !statuses().contains(filter.status))
        return badValue(err, L("status"), filter.status, L("a status (") + statuses().join(L(", ")) + L(")"));
    if (p.isSet(limit) && (!parseInt(p.value(limit), filter.limit) || filter.limit < 1 || filter.limit > 1000))
        return badValue(err, L("limit"), p.value(limit), L("a number from 1 to 1000"));
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    if (!filter.programme.isEmpty() && !(*wb)->reference().programme(filter.programme))
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("no programme \"%1\"").arg(filter.programme)));
    if (!filter.force.isEmpty() && !(*wb)->reference().force(filter.force))
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("no force \"%1\"").arg(filter.force)));
    auto hits = SearchService((*wb)->database()).search(p.positionalArguments().at(2), filter);
    if (!hits)
        return fail(err, hits.error());
    if (p.isSet(json)) {
        QJsonArray list;
        for (const SearchHit& h : hits->hits)
            list.push_back(QJsonObject{{L("type"), h.typeName()},     {L("key"), h.key},
                                       {L("programme"), h.programme}, {L("force"), h.force},
                                       {L("question"), h.question},   {L("kind"), h.kind},
                                       {L("status"), h.status},       {L("title"), h.title},
                                       {L("document"), h.documentUid}, {L("snippet"), h.markedSnippet(L("**"), L("**"))},
                                       {L("rank"), h.rank}});
        out << QJsonDocument(QJsonObject{{L("query"), p.positionalArguments().at(2)},
                                         {L("complete"), hits->complete},
                                         {L("results"), list}})
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
        out << "\n    " << h.markedSnippet(L("**"), L("**")).simplified() << "\n";
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
        {L("finding"), L("finding add|edit|move|delete FILE ..."),
         L("add, change, reorder or delete a finding; prints its uid once saved"), cmdFinding},
        {L("judgment"), L("judgment set|clear FILE --programme CODE --force CODE --question CODE ..."),
         L("set a graded judgment (grade, summary, first year graded) or remove it"), cmdJudgment},
        {L("evidence"), L("evidence add|delete FILE ..."),
         L("add a case-file sample with strata and counted measures (impossible counts refused)"), cmdEvidence},
        {L("metric"), L("metric set|delete FILE ..."),
         L("set a force-in-numbers figure against England and Wales"), cmdMetric},
        {L("search"), L("search FILE QUERY [--programme CODE] [--force CODE] [--kind KIND] [--json]"),
         L("ranked full-text search of findings, judgment summaries and document text"), cmdSearch},
    };
}

} // namespace fwb::cli
