#include "core/services/ingest.h"
#include "core/services/servicesupport.h"

#include "core/io/interchange.h"
#include "core/services/lifecycle.h"
#include "core/services/locks.h"
#include "core/storage/transaction.h"
#include "core/workbench.h"

#include <QHash>
#include <QRegularExpression>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
// A line as a heading is compared: superscript note marks, leaders and page numbers gone, quotes
// and dashes plain, spaces collapsed, lower case.
QString normalise(QString s)
{
    static const QRegularExpression superscripts(
        QStringLiteral("[\\x{00B9}\\x{00B2}\\x{00B3}\\x{2070}-\\x{2079}]+|\\^\\{[^}]*\\}"));
    static const QRegularExpression leaders(
        QStringLiteral("\\.{2,}\\s*\\d*\\s*$|\\t+\\s*\\d+\\s*$"));
    s.remove(superscripts);
    s.remove(leaders);
    s.replace(QChar(0x2019), QLatin1Char('\'')).replace(QChar(0x2018), QLatin1Char('\''));
    s.replace(QChar(0x2013), QLatin1Char('-')).replace(QChar(0x2014), QLatin1Char('-'));
    return s.simplified().toLower();
}

// A contents line: a title followed by a page number.
bool isContentsLine(const QString& raw)
{
    static const QRegularExpression page(
        QStringLiteral("(?:\\t|\\.{3,}|\\s{2,})\\s*\\d{1,3}\\s*$"));
    return page.match(raw).hasMatch();
}

bool isFootnote(const QString& raw)
{
    static const QRegularExpression note(
        QStringLiteral("^\\s*[\\x{00B9}\\x{00B2}\\x{00B3}\\x{2070}-\\x{2079}]"));
    return note.match(raw).hasMatch();
}

struct Found {
    QString overviewGrade, chapterGrade;
    int overviewLine = 0, chapterLine = 0, headingLine = 0;
    QStringList summary, overview;
};

} // namespace

Result<IngestPlan> planIngest(const Workbench& workbench, const QString& programmeCode,
                              const QString& reportText, const QString& source)
{
    const auto ref = workbench.reference();
    const auto programme = ref.programme(programmeCode);
    if (!programme)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(programmeCode));
    IngestPlan plan;
    plan.programmeCode = programmeCode;
    plan.source = source;
    const auto scale = ref.gradeScale(programme->gradeScaleCode);
    QHash<QString, Grade> gradeOf;
    if (scale)
        for (const Grade& g : scale->grades)
            gradeOf.insert(g.label.toLower(), g);
    if (gradeOf.isEmpty()) {
        plan.problems << QStringLiteral(
                             "programme %1 has no grade scale: there are no judgments to read")
                             .arg(programmeCode);
        return plan;
    }
    QHash<QString, Question> graded, ungraded; // by normalised wording
    for (const Question& q : ref.questionsFlat(programmeCode))
        (q.graded ? graded : ungraded).insert(normalise(q.text), q);

    const QStringList lines = reportText.split(QLatin1Char('\n'));
    enum class Mode { Front, Overview, Chapters, Annex } mode = Mode::Front;
    enum class Collect { None, Summary, Overview, Areas } collect = Collect::None;
    enum class Expect { None, OverviewGrade, ChapterGrade } expect = Expect::None;
    QString current, overall; // the graded question in hand; the overall one (the overview's)
    QHash<QString, Found> found;
    QStringList order;
    QString paragraph;
    // Paragraphs a page break cut short (no closing punctuation). Text extraction can put the rest
    // after the next heading; a paragraph that begins in lower case is that rest, and goes back
    // to the oldest unfinished paragraph, as pages run in order.
    QList<std::pair<QString, std::pair<Collect, qsizetype>>> unfinished;
    std::optional<std::pair<QString, Collect>> redirect;
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?:;)\\x{201D}'\"]\\s*$"));
    auto flush = [&] {
        if (paragraph.isEmpty() || current.isEmpty() ||
            (collect != Collect::Summary && collect != Collect::Overview)) {
            paragraph.clear();
            return;
        }
        if (paragraph.front().isLower() && !unfinished.isEmpty()) {
            const auto [question, where] = unfinished.takeFirst();
            QStringList& list = where.first == Collect::Summary ? found[question].summary
                                                                : found[question].overview;
            list[where.second] += QLatin1Char(' ') + paragraph;
            if (!sentenceEnd.match(list[where.second]).hasMatch())
                unfinished.prepend({question, where});
            // The paragraphs that follow an earlier question's continuation are its overflow too,
            // until the question in hand's own text resumes.
            redirect = question != current
                           ? std::optional<std::pair<QString, Collect>>({question, where.first})
                           : std::nullopt;
            paragraph.clear();
            return;
        }
        const QString owner = redirect ? redirect->first : current;
        const Collect kind = redirect ? redirect->second : collect;
        Found& f = found[owner];
        QStringList& list = kind == Collect::Summary ? f.summary : f.overview;
        list << paragraph;
        if (!sentenceEnd.match(paragraph).hasMatch())
            unfinished.push_back({owner, {kind, list.size() - 1}});
        paragraph.clear();
    };
    auto structural = [&] {
        flush();
        collect = Collect::None;
        redirect.reset();
    };

    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString raw = lines[i];
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty()) {
            flush();
            continue;
        }
        if (plan.forceCode.isEmpty() && normalise(trimmed).startsWith(u"an inspection of "_s)) {
            const QString name = trimmed.mid(QStringLiteral("An inspection of ").size()).trimmed();
            for (const Force& f : ref.forces())
                if (normalise(f.name) == normalise(name)) {
                    plan.forceCode = f.code;
                    plan.forceName = f.name;
                }
            if (plan.forceCode.isEmpty())
                plan.problems << QStringLiteral(
                                     "line %1: \"%2\" is not one of the forces in the workbench")
                                     .arg(lineNo)
                                     .arg(name);
            continue;
        }
        if (mode == Mode::Front && normalise(trimmed) == u"contents"_s)
            continue;
        if (isContentsLine(raw) && mode == Mode::Front)
            continue;
        if (isFootnote(raw))
            continue;
        const QString n = normalise(trimmed);
        if (mode == Mode::Annex)
            continue;
        if (n.startsWith(u"annex a"_s)) {
            structural();
            mode = Mode::Annex;
            continue;
        }
        if (n.startsWith(u"overview - "_s)) {
            structural();
            mode = Mode::Overview;
            const QString wording = n.mid(QStringLiteral("overview - ").size());
            if (graded.contains(wording)) {
                current = overall = graded.value(wording).code;
                if (!order.contains(current))
                    order << current;
                found[current].headingLine = lineNo;
            } else {
                plan.problems << QStringLiteral(
                                     "line %1: the overview's question \"%2\" is not one of %3's")
                                     .arg(lineNo)
                                     .arg(trimmed.mid(11), programmeCode);
            }
            continue;
        }
        if (n == u"overall judgment"_s) {
            structural();
            expect = Expect::OverviewGrade;
            current = overall;
            continue;
        }
        if (n == u"summary"_s && mode == Mode::Overview) {
            structural();
            current = overall;
            collect = Collect::Overview; // the overview's summary of the overall question
            continue;
        }
        if (n == u"force in numbers"_s || n == u"introduction"_s) {
            structural();
            mode = Mode::Chapters;
            current.clear();
            continue;
        }
        if (graded.contains(n)) {
            structural();
            current = graded.value(n).code;
            if (!order.contains(current))
                order << current;
            if (!found[current].headingLine)
                found[current].headingLine = lineNo;
            expect = mode == Mode::Overview ? Expect::OverviewGrade : Expect::None;
            continue;
        }
        if (ungraded.contains(n)) {
            structural();
            expect = Expect::None;
            continue;
        }
        if (n == u"summary of findings"_s) {
            structural();
            expect = Expect::ChapterGrade;
            collect = Collect::Summary;
            continue;
        }
        if (n == u"areas for improvement"_s) {
            structural();
            collect = Collect::Areas;
            continue;
        }
        if (gradeOf.contains(n)) {
            const Grade g = gradeOf.value(n);
            if (current.isEmpty() || expect == Expect::None) {
                plan.problems << QStringLiteral(
                                     "line %1: the grade \"%2\" follows no question's heading")
                                     .arg(lineNo)
                                     .arg(trimmed);
                continue;
            }
            flush();
            Found& f = found[current];
            if (expect == Expect::OverviewGrade) {
                f.overviewGrade = g.code;
                f.overviewLine = lineNo;
                // The overall question's text after its grade is its summary; the others' is the
                // overview's wording.
                collect = current == overall ? Collect::Summary : Collect::Overview;
            } else {
                f.chapterGrade = g.code;
                f.chapterLine = lineNo;
                collect = Collect::Summary;
            }
            expect = Expect::None;
            continue;
        }
        // A line that reads like a question heading but is none of the programme's.
        // (Framework questions ask "How effective / How well / How effectively …?"; a narrative
        // heading such as "How much crime is there in Lancashire?" is not one.)
        static const QRegularExpression framework(
            QStringLiteral("^(?:how (?:effective|effectively|well)|to what extent) "));
        if (mode != Mode::Front && trimmed.endsWith(QLatin1Char('?')) && trimmed.size() < 240 &&
            framework.match(n).hasMatch()) {
            structural();
            plan.problems << QStringLiteral("line %1: \"%2\" reads like a question heading but is "
                                            "none of %3's questions")
                                 .arg(lineNo)
                                 .arg(trimmed, programmeCode);
            expect = Expect::None;
            continue;
        }
        if (collect == Collect::Areas) {
            if (trimmed.startsWith(QLatin1String("- ")) || trimmed.startsWith(QChar(0x2022))) {
                plan.areasForImprovement.push_back({current, trimmed.mid(2).trimmed(), lineNo});
            } else if (!plan.areasForImprovement.isEmpty() && !lines[i - 1].trimmed().isEmpty()) {
                plan.areasForImprovement.back().text +=
                    QLatin1Char(' ') + trimmed; // a wrapped bullet
            } else {
                collect = Collect::None; // the list is over
            }
            continue;
        }
        if (collect == Collect::Summary || collect == Collect::Overview) {
            static const QRegularExpression noteMarks(
                QStringLiteral("[\\x{00B9}\\x{00B2}\\x{00B3}\\x{2070}-\\x{2079}]+"));
            QString clean = trimmed;
            clean.remove(
                noteMarks); // footnote references; the notes themselves are not part of a summary
            paragraph += (paragraph.isEmpty() ? QString() : QStringLiteral(" ")) + clean;
        }
    }
    flush();

    if (plan.forceCode.isEmpty() && plan.problems.isEmpty())
        plan.problems
            << u"no \"An inspection of <force>\" line: the force is not named on the title page"_s;
    for (const Question& q : ref.questionsFlat(programmeCode)) {
        if (!q.graded)
            continue;
        if (!found.contains(q.code)) {
            plan.problems << QStringLiteral("%1 (\"%2\") is not in the report").arg(q.code, q.text);
            continue;
        }
        const Found& f = found.value(q.code);
        if (f.overviewGrade.isEmpty() && f.chapterGrade.isEmpty()) {
            plan.problems << QStringLiteral("line %1: no grade follows %2's heading")
                                 .arg(f.headingLine)
                                 .arg(q.code);
            continue;
        }
        if (!f.overviewGrade.isEmpty() && !f.chapterGrade.isEmpty() &&
            f.overviewGrade != f.chapterGrade) {
            plan.problems
                << QStringLiteral(
                       "line %1: %2 is graded %3 in the overview (line %4) but %5 in its chapter")
                       .arg(f.chapterLine)
                       .arg(q.code, f.overviewGrade)
                       .arg(f.overviewLine)
                       .arg(f.chapterGrade);
            continue;
        }
        IngestedJudgment j;
        j.questionCode = q.code;
        j.questionText = q.text;
        j.gradeCode = f.chapterGrade.isEmpty() ? f.overviewGrade : f.chapterGrade;
        for (const Grade& g : scale->grades)
            if (g.code == j.gradeCode)
                j.gradeLabel = g.label;
        j.summary = f.summary.join(QStringLiteral("\n\n"));
        j.overview = f.overview.join(QStringLiteral("\n\n"));
        j.line = f.chapterLine ? f.chapterLine : f.overviewLine;
        plan.judgments.push_back(j);
    }
    for (const IngestedFinding& a : plan.areasForImprovement)
        if (a.questionCode.isEmpty())
            plan.problems << QStringLiteral(
                                 "line %1: an area for improvement under no recognised question")
                                 .arg(a.line);
    return plan;
}

namespace {

// Footnote definitions ("[^1]: …") of a text, each with the lines that continue it.
QStringList footnoteDefinitions(const QString& text)
{
    static const QRegularExpression definition(QStringLiteral("^\\[\\^[^\\]]+\\]:"));
    QStringList out;
    for (const QString& chunk : text.split(QRegularExpression(QStringLiteral("\\n\\s*\\n"))))
        if (definition.match(chunk.trimmed()).hasMatch())
            out << chunk.trimmed();
    return out;
}

// A text as a report prints it in words: no footnote marks or definitions, spaces collapsed.
QString words(QString text)
{
    static const QRegularExpression definitions(QStringLiteral("(?m)^\\s*\\[\\^[^\\]]+\\]:.*$"));
    static const QRegularExpression marks(QStringLiteral("\\[\\^[^\\]]+\\]"));
    text.remove(definitions);
    text.remove(marks);
    return text.simplified();
}

// The report's wording in place of what is there, keeping the footnote definitions that were
// there (the report's text carries none: its notes are printed apart from it).
QString withNotesKept(const QString& reportText, const QString& existing)
{
    QString out = reportText;
    for (const QString& d : footnoteDefinitions(existing))
        if (!out.contains(d))
            out += QStringLiteral("\n\n") + d;
    return out;
}

} // namespace

Result<IngestResult> applyIngest(Workbench& workbench, const IngestPlan& plan)
{
    if (!plan.ok())
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("the report was not fully recognised: %1")
                .arg(plan.problems.isEmpty() ? u"no force"_s : plan.problems.front()));
    if (Status s = workbench.database().requireWritable(); !s)
        return s.error();
    Transaction t(workbench.database());
    if (!t.active())
        return t.error();
    IngestResult result;
    ChangeSet changes; // announced once committed
    DraftRepository drafts = workbench.drafts();
    AuditLog audit = workbench.audit();
    const QString actor = Workbench::actor();
    const QString source = plan.source.isEmpty() ? u"a published report"_s : plan.source;
    const QString from = QStringLiteral("ingested from %1").arg(source);
    // What is locked is read before anything is written; what is refused is listed whole.
    const LockRule locks(workbench.database(), true);
    QStringList refused;
    for (const IngestedJudgment& ij : plan.judgments) {
        const auto before = drafts.judgment(plan.programmeCode, plan.forceCode, ij.questionCode);
        const QString key =
            LockRule::judgmentKey(plan.programmeCode, plan.forceCode, ij.questionCode);
        // The same grade and words as the report (footnotes aside): nothing to write.
        if (before && before->gradeCode == ij.gradeCode &&
            words(before->summary) == words(ij.summary) &&
            words(before->overview) == words(ij.overview)) {
            ++result.judgmentsUnchanged;
            continue;
        }
        const auto lock =
            before ? locks.judgment(*before)
                   : locks.place(plan.programmeCode, plan.forceCode,
                                 LockRule::judgmentName(plan.programmeCode, plan.forceCode,
                                                        ij.questionCode));
        if (lock) {
            refused << QStringLiteral("line %1: %2").arg(ij.line).arg(lock->message());
            continue;
        }
        Judgment j = before.value_or(Judgment{});
        j.programmeCode = plan.programmeCode;
        j.forceCode = plan.forceCode;
        j.questionCode = ij.questionCode;
        j.gradeCode = ij.gradeCode;
        j.summary = before ? withNotesKept(ij.summary, before->summary) : ij.summary;
        j.overview = before ? withNotesKept(ij.overview, before->overview) : ij.overview;
        // New material arrives as what the report is, published, and says so in its history;
        // what was there keeps its place in the lifecycle.
        j.status = before ? before->status : u"published"_s;
        if (auto done = drafts.upsertJudgment(j); !done)
            return done.error();
        const auto after = drafts.judgment(plan.programmeCode, plan.forceCode, ij.questionCode);
        if (!after)
            return Error::make(Error::Code::Internal,
                               QStringLiteral("the judgment %1 was not saved").arg(key));
        if (Status s = audit.append(actor, u"ingest"_s, u"judgment"_s, key,
                                    before ? interchange::compact(interchange::toJson(*before))
                                           : QString(),
                                    interchange::compact(interchange::toJson(*after)));
            !s)
            return s.error();
        // The ingest keeps each judgment's status: wording only when the grade stayed.
        changes.add(EntityKind::Judgment, before ? ChangeOp::Changed : ChangeOp::Added,
                    {service::judgmentUid(*after)}, service::placeOf(*after),
                    before && before->gradeCode == after->gradeCode &&
                        before->firstYearGraded == after->firstYearGraded);
        if (before) {
            if (Status s = keepRevision(workbench, changes, service::placeOf(*after), u"judgment"_s,
                                        key, before->status, before->summary, after->summary, from);
                !s)
                return s.error();
            if (Status s =
                    keepRevision(workbench, changes, service::placeOf(*after), u"overview"_s, key,
                                 before->status, before->overview, after->overview, from);
                !s)
                return s.error();
        } else if (Status s = recordArrival(workbench.database(), u"judgment"_s, key, after->status,
                                            from, actor);
                   !s) {
            return s.error();
        }
        ++result.judgmentsWritten;
    }
    for (const IngestedFinding& a : plan.areasForImprovement) {
        const QList<Finding> siblings =
            drafts.findings(plan.programmeCode, plan.forceCode, a.questionCode);
        bool there = false;
        for (const Finding& f : siblings)
            there = there || words(f.text) == words(a.text);
        if (there) {
            ++result.findingsAlreadyThere;
            continue;
        }
        Finding f;
        // A uid of its own: one already taken (another report's line) is never written over.
        const QString base = plan.forceCode + QLatin1Char('-') + plan.programmeCode +
                             QStringLiteral("-afi-%1").arg(a.line);
        f.uid = base;
        for (int n = 2; drafts.finding(f.uid); ++n)
            f.uid = base + QStringLiteral("-%1").arg(n);
        if (const auto lock =
                locks.place(plan.programmeCode, plan.forceCode, LockRule::findingName(f.uid))) {
            refused << QStringLiteral("line %1: %2").arg(a.line).arg(lock->message());
            continue;
        }
        f.programmeCode = plan.programmeCode;
        f.forceCode = plan.forceCode;
        f.questionCode = a.questionCode;
        f.kind = u"area_for_improvement"_s;
        f.text = a.text;
        f.status = u"published"_s;
        f.position = int(siblings.size()) + 1;
        if (auto done = drafts.upsertFinding(f); !done)
            return done.error();
        if (Status s =
                audit.append(actor, u"ingest"_s, u"finding"_s, f.uid, {},
                             interchange::compact(interchange::toJson(*drafts.finding(f.uid))));
            !s)
            return s.error();
        if (Status s =
                recordArrival(workbench.database(), u"finding"_s, f.uid, f.status, from, actor);
            !s)
            return s.error();
        changes.add(EntityKind::Finding, ChangeOp::Added, {f.uid}, service::placeOf(f));
        ++result.findingsAdded;
    }
    if (!refused.isEmpty())
        return Error::make(Error::Code::Conflict,
                           QStringLiteral("%1: nothing was written: %2 item(s) would change "
                                          "published or locked material:\n  %3")
                               .arg(source)
                               .arg(refused.size())
                               .arg(refused.join(QStringLiteral("\n  "))));
    if (Status s = t.commit(); !s)
        return s.error();
    spdlog::info("ingested {} judgments and {} areas for improvement for {} {} from {}",
                 result.judgmentsWritten, result.findingsAdded, plan.forceCode.toStdString(),
                 plan.programmeCode.toStdString(), source.toStdString());
    workbench.notifyChanged(changes);
    return result;
}

} // namespace fwb
