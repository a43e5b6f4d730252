#include "core/services/transfer.h"

#include <algorithm>
#include <type_traits>

#include "core/io/csv.h"
#include "core/services/locks.h"
#include "core/storage/documentrepository.h"
#include "core/storage/draftrepository.h"
#include "core/storage/referencerepository.h"
#include "core/storage/transaction.h"

#include <QSet>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb {

QString ImportReport::summary() const
{
    return QStringLiteral("%1 added, %2 updated, %3 unchanged")
        .arg(inserted)
        .arg(updated)
        .arg(unchanged);
}

namespace transfer {
namespace {
// Names where in the input a record failed. A code that is missing from the workbench is bad
// input; a disk or database failure keeps its own code.
Error at(const QString& name, const QString& path, const Error& e)
{
    const Error::Code code = e.code == Error::Code::NotFound ? Error::Code::Invalid : e.code;
    return Error::make(code, QStringLiteral("%1: %2: %3").arg(name, path, e.message));
}

// What one import is writing, and what of it is refused.
struct Writing {
    Database& db;
    AuditLog audit;
    ImportReport& report;
    const QString& actor;
    const QString& name;
    QStringList refused; // "findings[3]: finding \"…\" is published and locked; …"
};

// No guard: reference data (regions, people, forces, grade scales), notes and responses.
template <class T> QStringList noGuard(const std::optional<T>&, const T&)
{
    return {};
}

// Writes one record: reads its prior state, upserts, and records the change in the audit log.
// A record the same as what is there is not written at all. A change `guard` refuses is noted
// (the import then fails whole); material that arrives with a status has it put on record.
template <class T, class Get, class Put, class Guard>
Status writeOne(Writing& w, const QString& entity, const QString& key, const T& record, Get get,
                Put put, Guard guard, const QString& path)
{
    const auto before = get();
    QString beforeJson;
    if (before) {
        beforeJson = interchange::compact(interchange::toJson(*before));
        if (beforeJson == interchange::compact(interchange::toJson(record))) {
            ++w.report.unchanged;
            return {};
        }
    }
    Savepoint step(w.db); // undone when the record turns out unchanged
    auto done = put(record);
    if (!done)
        return at(w.name, path, done.error());
    const auto after = get();
    const QString afterJson = after ? interchange::compact(interchange::toJson(*after)) : QString();
    if (before && beforeJson == afterJson) {
        ++w.report.unchanged;
        // Rewriting a record as it was still rewrites its search entries and grows the file.
        if (Status s = step.rollback(); !s)
            return at(w.name, path, s.error());
        return {};
    }
    if (Status s = step.release(); !s)
        return at(w.name, path, s.error());
    if (after) {
        // One line per record, with every reason it is refused.
        if (const QStringList refusals = guard(before, *after); !refusals.isEmpty()) {
            w.refused << path + QStringLiteral(": ") + refusals.join(QStringLiteral("; and "));
            return {};
        }
    }
    before ? ++w.report.updated : ++w.report.inserted;
    if (Status s = w.audit.append(w.actor, before ? u"update"_s : u"insert"_s, entity, key,
                                  beforeJson, afterJson);
        !s)
        return s;
    if constexpr (std::is_same_v<T, Finding> || std::is_same_v<T, Judgment> ||
                  std::is_same_v<T, Document>)
        if (!before && after)
            return recordArrival(w.db, entity, key, after->status,
                                 QStringLiteral("imported from %1").arg(w.name), w.actor);
    return {};
}

// The refusal for a status changed by an import rather than moved through the lifecycle.
QString statusMoved(const QString& item, const QString& option, const QString& key,
                    const QString& from, const QString& to)
{
    return QStringLiteral("%1 would go from “%2” to “%3”: a status moves only through the review "
                          "(Review tab, or "
                          "fwb review move FILE --%4 %5 --to …), not by an import")
        .arg(item, from, to, option, key);
}

QStringList messages(std::initializer_list<std::optional<Lock>> locks)
{
    QStringList out;
    for (const auto& l : locks)
        if (l && !out.contains(l->message()))
            out << l->message();
    return out;
}

// Commits a written import, or leaves the transaction to roll back when writing failed.
Result<ImportReport> commitImport(Transaction& t, Result<ImportReport> report, const QString& name)
{
    if (!report)
        return report;
    if (Status s = t.commit(); !s)
        return s.error();
    spdlog::info("imported {}: {}", name.toStdString(), report->summary().toStdString());
    return report;
}

} // namespace

Result<ImportReport> importInterchange(Database& db, const Interchange& d, const QString& name,
                                       const QString& actor)
{
    Transaction t(db);
    if (!t.active())
        return t.error();
    return commitImport(t, writeInterchange(db, d, name, actor, {}), name);
}

Result<ImportReport> writeInterchange(Database& db, const Interchange& d, const QString& name,
                                      const QString& actor, const PathNamer& describe)
{
    auto P = [&](const char* array, int i) {
        return describe ? describe(QString::fromLatin1(array), i)
                        : QStringLiteral("%1[%2]").arg(QString::fromLatin1(array)).arg(i);
    };
    ReferenceRepository ref(db);
    DraftRepository drafts(db);
    DocumentRepository docs(db);
    ImportReport report;
    Writing w{db, AuditLog(db), report, actor, name, {}};
    auto fail = [](const Status& s) -> Result<ImportReport> { return s.error(); };
    // What is locked is read once, before anything is written: a document that comes in as
    // published does not lock the rest of the same file, nor does one reopened by it unlock it.
    const LockRule locks(db, true);
    auto programmeGuard = [&](const std::optional<Programme>& before, const Programme& after) {
        QStringList out;
        if (before)
            for (const QString& change : frameworkChanges(*before, after))
                if (auto l = locks.framework(after.code, change))
                    out << l->message();
        return out;
    };
    auto evidenceGuard = [&](const std::optional<EvidenceSample>& before,
                             const EvidenceSample& after) {
        const QString item =
            QStringLiteral("evidence sample \"%1\" (%2)").arg(after.label, after.uid);
        const bool moved = !before || before->programmeCode != after.programmeCode ||
                           before->forceCode != after.forceCode;
        return messages(
            {before ? locks.place(before->programmeCode, before->forceCode, item) : std::nullopt,
             moved ? locks.place(after.programmeCode, after.forceCode, item) : std::nullopt});
    };
    auto metricGuard = [&](const std::optional<Metric>& before, const Metric& after) {
        const QString item = QStringLiteral("figure \"%1\" (%2)").arg(after.name, after.uid);
        const bool moved = !before || before->programmeCode != after.programmeCode ||
                           before->forceCode != after.forceCode;
        return messages(
            {before ? locks.place(before->programmeCode, before->forceCode, item) : std::nullopt,
             moved ? locks.place(after.programmeCode, after.forceCode, item) : std::nullopt});
    };
    auto judgmentGuard = [&](const std::optional<Judgment>& before, const Judgment& after) {
        const QString key =
            LockRule::judgmentKey(after.programmeCode, after.forceCode, after.questionCode);
        const QString item =
            LockRule::judgmentName(after.programmeCode, after.forceCode, after.questionCode);
        QStringList out;
        if (before && before->status != after.status)
            out << statusMoved(item, u"judgment"_s, key, before->status, after.status);
        out += messages({before ? locks.judgment(*before)
                                : locks.place(after.programmeCode, after.forceCode, item)});
        return out;
    };
    auto findingGuard = [&](const std::optional<Finding>& before, const Finding& after) {
        const QString item = LockRule::findingName(after.uid);
        QStringList out;
        if (before && before->status != after.status)
            out << statusMoved(item, u"finding"_s, after.uid, before->status, after.status);
        // Where it stands now, and where it would go when the import moves it to another place.
        const bool moved = !before || before->programmeCode != after.programmeCode ||
                           before->forceCode != after.forceCode;
        out += messages(
            {before ? locks.finding(*before) : std::nullopt,
             moved ? locks.place(after.programmeCode, after.forceCode, item) : std::nullopt});
        return out;
    };
    auto documentGuard = [&](const std::optional<Document>& before, const Document& after) {
        QStringList out;
        if (before && before->status != after.status)
            out << statusMoved(QStringLiteral("document \"%1\"").arg(after.uid), u"document"_s,
                               after.uid, before->status, after.status);
        if (before)
            out += messages({locks.document(*before)});
        return out;
    };

    for (int i = 0; i < d.regions.size(); ++i) {
        const Region& r = d.regions[i];
        auto get = [&]() -> std::optional<Region> {
            for (const Region& x : ref.regions())
                if (x.code == r.code)
                    return x;
            return std::nullopt;
        };
        if (Status s = writeOne(
                w, u"region"_s, r.code, r, get,
                [&](const Region& x) { return ref.upsertRegion(x); }, noGuard<Region>,
                P("regions", i));
            !s)
            return fail(s);
    }
    // People may name a force defined in the same file, and forces name their chief officer:
    // people first (without a force the first time), then forces, then people's forces.
    for (int i = 0; i < d.people.size(); ++i) {
        const Person& p = d.people[i];
        if (Status s = writeOne(
                w, u"person"_s, p.code, p, [&] { return ref.person(p.code); },
                [&](const Person& x) { return ref.upsertPerson(x); }, noGuard<Person>,
                P("people", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.forces.size(); ++i) {
        const Force& f = d.forces[i];
        if (Status s = writeOne(
                w, u"force"_s, f.code, f, [&] { return ref.force(f.code); },
                [&](const Force& x) { return ref.upsertForce(x); }, noGuard<Force>, P("forces", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.people.size(); ++i) {
        const Person& p = d.people[i];
        if (p.forceCode.isEmpty())
            continue;
        if (auto f = ref.forceId(p.forceCode); !f)
            return at(name, P("people", i) + QStringLiteral(".force"), f.error());
        ImportReport linked; // the person was counted on the first pass; this pass links the force
        Writing wl{db, AuditLog(db), linked, actor, name, {}};
        if (Status s = writeOne(
                wl, u"person"_s, p.code, p, [&] { return ref.person(p.code); },
                [&](const Person& x) { return ref.upsertPerson(x); }, noGuard<Person>,
                P("people", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.gradeScales.size(); ++i) {
        const GradeScale& g = d.gradeScales[i];
        if (Status s = writeOne(
                w, u"grade_scale"_s, g.code, g, [&] { return ref.gradeScale(g.code); },
                [&](const GradeScale& x) { return ref.upsertGradeScale(x); }, noGuard<GradeScale>,
                P("grade_scales", i));
            !s)
            return fail(s);
    }
    // Earlier years first: a question may follow a question of an earlier programme in the same
    // file.
    QList<int> byYear;
    for (int i = 0; i < d.programmes.size(); ++i)
        byYear << i;
    std::stable_sort(byYear.begin(), byYear.end(),
                     [&](int a, int b) { return d.programmes[a].year < d.programmes[b].year; });
    for (const int i : byYear) {
        const Programme& p = d.programmes[i];
        if (Status s = writeOne(
                w, u"programme"_s, p.code, p, [&] { return ref.programme(p.code); },
                [&](const Programme& x) { return ref.upsertProgramme(x); }, programmeGuard,
                P("programmes", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.evidence.size(); ++i) {
        const EvidenceSample& e = d.evidence[i];
        if (Status s = writeOne(
                w, u"evidence"_s, e.uid, e, [&] { return drafts.evidenceSample(e.uid); },
                [&](const EvidenceSample& x) { return drafts.upsertEvidence(x); }, evidenceGuard,
                P("evidence", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.judgments.size(); ++i) {
        const Judgment& j = d.judgments[i];
        const QString key =
            j.programmeCode + QLatin1Char('/') + j.forceCode + QLatin1Char('/') + j.questionCode;
        if (Status s = writeOne(
                w, u"judgment"_s, key, j,
                [&] { return drafts.judgment(j.programmeCode, j.forceCode, j.questionCode); },
                [&](const Judgment& x) { return drafts.upsertJudgment(x); }, judgmentGuard,
                P("judgments", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.findings.size(); ++i) {
        const Finding& f = d.findings[i];
        if (Status s = writeOne(
                w, u"finding"_s, f.uid, f, [&] { return drafts.finding(f.uid); },
                [&](const Finding& x) { return drafts.upsertFinding(x); }, findingGuard,
                P("findings", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.metrics.size(); ++i) {
        const Metric& m = d.metrics[i];
        if (Status s = writeOne(
                w, u"metric"_s, m.uid, m, [&] { return drafts.metric(m.uid); },
                [&](const Metric& x) { return drafts.upsertMetric(x); }, metricGuard,
                P("metrics", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.documents.size(); ++i) {
        const Document& x = d.documents[i];
        if (Status s = writeOne(
                w, u"document"_s, x.uid, x, [&] { return docs.document(x.uid); },
                [&](const Document& v) { return docs.upsertDocument(v); }, documentGuard,
                P("documents", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.reviewNotes.size(); ++i) {
        const ReviewNote& n = d.reviewNotes[i];
        auto get = [&] { return docs.reviewNote(n.uid); };
        if (Status s = writeOne(
                w, u"review_note"_s, n.uid, n, get,
                [&](const ReviewNote& v) { return docs.upsertReviewNote(v); }, noGuard<ReviewNote>,
                P("review_notes", i));
            !s)
            return fail(s);
    }
    for (int i = 0; i < d.responses.size(); ++i) {
        const FaResponse& r = d.responses[i];
        auto get = [&] { return docs.response(r.uid); };
        if (Status s = writeOne(
                w, u"response"_s, r.uid, r, get,
                [&](const FaResponse& v) { return docs.upsertResponse(v); }, noGuard<FaResponse>,
                P("responses", i));
            !s)
            return fail(s);
    }
    if (!w.refused.isEmpty())
        return Error::make(
            Error::Code::Conflict,
            QStringLiteral(
                "%1: nothing was imported: %2 record(s) would change published or locked "
                "material, or a status:\n  %3")
                .arg(name)
                .arg(w.refused.size())
                .arg(w.refused.join(QStringLiteral("\n  "))));
    return report;
}

Result<ImportReport> importJson(Database& db, const QByteArray& json, const QString& name,
                                const QString& actor)
{
    if (Status s = db.requireWritable(); !s)
        return s.error();
    auto parsed = interchange::parse(json, name);
    if (!parsed)
        return parsed.error();
    return importInterchange(db, *parsed, name, actor);
}

Result<ImportReport> importJudgmentsCsv(Database& db, const QByteArray& text, const QString& name,
                                        const QString& actor)
{
    if (Status s = db.requireWritable(); !s)
        return s.error();
    auto rows = csv::parse(text, name);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("%1: empty file; expected a header row "
                                          "force,programme,question,grade,summary")
                               .arg(name));
    static const QStringList columns{u"force"_s, u"programme"_s, u"question"_s, u"grade"_s,
                                     u"summary"_s};
    const QStringList header = rows->front().fields;
    QHash<QString, int> index;
    for (int i = 0; i < header.size(); ++i) {
        const QString h = header[i].trimmed().toLower();
        if (!columns.contains(h))
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("%1: row 1, column %2: unknown column \"%3\" "
                                              "(expected %4)")
                                   .arg(name)
                                   .arg(i + 1)
                                   .arg(header[i], columns.join(u","_s)));
        if (index.contains(h))
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral("%1: row 1: column \"%2\" appears twice").arg(name, h));
        index.insert(h, i);
    }
    for (const QString& c : columns)
        if (!index.contains(c))
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("%1: row 1: missing column \"%2\"").arg(name, c));

    // Checks, merge with what is there and writes happen in one transaction, so that a change
    // made in the window meanwhile is neither lost nor half-applied.
    Transaction t(db);
    if (!t.active())
        return t.error();
    Interchange d;
    DraftRepository drafts(db);
    ReferenceRepository ref(db);
    QHash<Id, QString> gradeCodes;
    for (const GradeScale& s : ref.gradeScales())
        for (const Grade& g : s.grades)
            gradeCodes.insert(g.id, g.code);
    QHash<QString, int> seen; // programme/force/question → row
    QList<int> rowOf;         // judgment index → CSV row
    for (int r = 1; r < rows->size(); ++r) {
        const csv::Row& row = rows->at(r);
        auto cell = [&](const QString& c) { return row.fields.value(index.value(c)).trimmed(); };
        auto bad = [&](const QString& column, const QString& message) {
            return Error::make(Error::Code::Invalid, QStringLiteral("%1: row %2, column \"%3\": %4")
                                                         .arg(name)
                                                         .arg(row.number)
                                                         .arg(column, message));
        };
        if (row.fields.size() != header.size())
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("%1: row %2: %3 fields; the header has %4")
                                   .arg(name)
                                   .arg(row.number)
                                   .arg(row.fields.size())
                                   .arg(header.size()));
        Judgment j;
        j.forceCode = cell(u"force"_s);
        j.programmeCode = cell(u"programme"_s);
        j.questionCode = cell(u"question"_s);
        j.summary = row.fields.value(index.value(u"summary"_s));
        if (auto f = ref.forceId(j.forceCode); !f)
            return bad(u"force"_s, f.error().message);
        auto pid = ref.programmeId(j.programmeCode);
        if (!pid)
            return bad(u"programme"_s, pid.error().message);
        if (auto qid = ref.questionId(*pid, j.programmeCode, j.questionCode); !qid)
            return bad(u"question"_s, qid.error().message);
        auto grade = ref.gradeId(j.programmeCode, cell(u"grade"_s));
        if (!grade)
            return bad(u"grade"_s, grade.error().message);
        j.gradeCode = gradeCodes.value(*grade); // the CSV may name a grade by its label
        const QString key =
            j.programmeCode + QLatin1Char('/') + j.forceCode + QLatin1Char('/') + j.questionCode;
        if (seen.contains(key))
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("%1: row %2: the same judgment as row %3")
                                   .arg(name)
                                   .arg(row.number)
                                   .arg(seen.value(key)));
        seen.insert(key, row.number);
        // Keep what the CSV does not carry from a judgment already there.
        if (auto prior = drafts.judgment(j.programmeCode, j.forceCode, j.questionCode)) {
            j.overview = prior->overview;
            j.status = prior->status;
            j.firstYearGraded = prior->firstYearGraded;
        }
        d.judgments.push_back(j);
        rowOf.push_back(row.number);
    }
    return commitImport(t,
                        writeInterchange(db, d, name, actor,
                                         [&](const QString&, int i) {
                                             return QStringLiteral("row %1").arg(rowOf.value(i));
                                         }),
                        name);
}

static Result<Interchange> collectInSnapshot(Database& db, const ExportScope& scope);

Result<Interchange> collect(const Database& cdb, const ExportScope& scope)
{
    Database& db = const_cast<Database&>(cdb); // repositories only read here
    // One read transaction: the export is a snapshot even while the window writes.
    std::optional<Error> failure;
    Result<Interchange> result = Interchange{};
    {
        const ReadSnapshot snapshot(db, QStringLiteral("starting the export"));
        if (!snapshot.active())
            return snapshot.error();
        (void)db.takeReadFailure();
        result = collectInSnapshot(db, scope);
        failure = db.takeReadFailure();
    }
    if (result && failure)
        return Error::make(
            failure->code == Error::Code::Internal ? Error::Code::Damaged : failure->code,
            QStringLiteral("Cannot export %1 completely: %2").arg(db.path(), failure->message));
    return result;
}

static Result<Interchange> collectInSnapshot(Database& db, const ExportScope& scope)
{
    ReferenceRepository ref(db);
    DraftRepository drafts(db);
    DocumentRepository docs(db);
    Interchange d;
    d.scopeProgramme = scope.programme;
    d.scopeForce = scope.force;
    if (!scope.programme.isEmpty() && !ref.programme(scope.programme))
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(scope.programme));
    if (!scope.force.isEmpty() && !ref.force(scope.force))
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no force \"%1\"").arg(scope.force));

    for (const Programme& p : ref.programmes())
        if (scope.programme.isEmpty() || p.code == scope.programme)
            d.programmes.push_back(p);
    QSet<QString> scales;
    for (const Programme& p : d.programmes) {
        if (!p.gradeScaleCode.isEmpty())
            scales.insert(p.gradeScaleCode);
        d.judgments += drafts.judgments(p.code, scope.force);
        d.evidence += drafts.evidence(p.code, scope.force);
        d.findings += drafts.findings(p.code, scope.force);
        d.metrics += drafts.metrics(p.code, scope.force);
        d.documents += docs.documents(p.code, scope.force);
    }
    const bool whole = scope.programme.isEmpty() && scope.force.isEmpty();
    for (const GradeScale& s : ref.gradeScales())
        if (whole || scales.contains(s.code))
            d.gradeScales.push_back(s);
    QSet<QString> people;
    for (const Force& f : ref.forces())
        if (scope.force.isEmpty() || f.code == scope.force) {
            d.forces.push_back(f);
            if (!f.chiefOfficerCode.isEmpty())
                people.insert(f.chiefOfficerCode);
        }
    QSet<QString> regions;
    for (const Force& f : d.forces)
        regions.insert(f.regionCode);
    for (const Region& r : ref.regions())
        if (whole || regions.contains(r.code))
            d.regions.push_back(r);
    for (const Document& x : d.documents) {
        if (!x.senderCode.isEmpty())
            people.insert(x.senderCode);
        if (!x.recipientCode.isEmpty())
            people.insert(x.recipientCode);
    }
    QSet<QString> forceCodes;
    for (const Force& f : d.forces)
        forceCodes.insert(f.code);
    for (Person p : ref.people())
        if (whole || people.contains(p.code) || forceCodes.contains(p.forceCode)) {
            // A person of a force outside the slice is exported without that link.
            if (!forceCodes.contains(p.forceCode))
                p.forceCode.clear();
            d.people.push_back(p);
        }
    std::sort(d.people.begin(), d.people.end(),
              [](const Person& a, const Person& b) { return a.code < b.code; });

    // Review notes and responses that concern the material in the slice.
    QSet<QString> targets, documentUids;
    for (const Finding& f : d.findings)
        targets.insert(u"finding:"_s + f.uid);
    for (const Judgment& j : d.judgments)
        targets.insert(u"judgment:"_s + j.programmeCode + QLatin1Char('/') + j.forceCode +
                       QLatin1Char('/') + j.questionCode);
    std::function<void(const QList<Section>&)> addSections = [&](const QList<Section>& list) {
        for (const Section& s : list) {
            targets.insert(u"section:"_s + s.uid);
            addSections(s.children);
        }
    };
    for (const Document& x : d.documents) {
        documentUids.insert(x.uid);
        addSections(x.sections);
    }
    for (const ReviewNote& n : docs.reviewNotes())
        if (whole || targets.contains(n.target))
            d.reviewNotes.push_back(n);
    for (const FaResponse& r : docs.responses())
        if (documentUids.contains(r.documentUid))
            d.responses.push_back(r);
    return d;
}

// Collects the data and checks that it would import again: a row changed behind the
// workbench's back (a status or kind it does not know) fails the export with its place named,
// rather than producing a file that cannot be read back.
static Result<Interchange> collectChecked(const Database& db, const ExportScope& scope,
                                          QByteArray* json)
{
    auto d = collect(db, scope);
    if (!d)
        return d.error();
    QByteArray bytes = interchange::write(*d);
    if (auto back = interchange::parse(bytes, QStringLiteral("the export")); !back)
        return Error::make(
            Error::Code::Damaged,
            QStringLiteral("Cannot export %1: it holds a record that is not valid: %2")
                .arg(db.path(), back.error().message.section(QStringLiteral("the export: "), 1)));
    if (json)
        *json = std::move(bytes);
    return d;
}

Result<QByteArray> exportJson(const Database& db, const ExportScope& scope)
{
    QByteArray json;
    auto d = collectChecked(db, scope, &json);
    if (!d)
        return d.error();
    return json;
}

Result<QByteArray> exportJudgmentsCsv(const Database& db, const ExportScope& scope)
{
    auto d = collectChecked(db, scope, nullptr);
    if (!d)
        return d.error();
    QByteArray out =
        csv::formatRow({u"force"_s, u"programme"_s, u"question"_s, u"grade"_s, u"summary"_s});
    for (const Judgment& j : d->judgments)
        out +=
            csv::formatRow({j.forceCode, j.programmeCode, j.questionCode, j.gradeCode, j.summary});
    return out;
}

} // namespace transfer
} // namespace fwb
