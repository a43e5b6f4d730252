#include "core/storage/draftrepository.h"

#include "core/storage/query.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fwb {
namespace {
QString q(const char* s)
{
    return QString::fromLatin1(s);
}

// Appends "AND column = ?" for each non-empty filter, binding in order.
struct Filter {
    QString sql;
    QList<QVariant> values;
    void add(const char* column, const QString& value)
    {
        if (value.isEmpty())
            return;
        sql += QStringLiteral(" AND %1 = ?").arg(q(column));
        values.push_back(value);
    }
};

Status execList(Query& query, const QList<QVariant>& values)
{
    switch (values.size()) {
    case 0:
        return query.exec();
    case 1:
        return query.exec({values[0]});
    case 2:
        return query.exec({values[0], values[1]});
    default:
        return query.exec({values[0], values[1], values[2]});
    }
}
} // namespace

Result<DraftRepository::Place> DraftRepository::place(const QString& programme,
                                                      const QString& force, const QString& question,
                                                      bool questionRequired) const
{
    Place p;
    auto pid = m_ref.programmeId(programme);
    if (!pid)
        return pid.error();
    p.programme = *pid;
    auto fid = m_ref.forceId(force);
    if (!fid)
        return fid.error();
    p.force = *fid;
    if (!question.isEmpty() || questionRequired) {
        if (question.isEmpty())
            return Error::make(Error::Code::Invalid, QStringLiteral("a question is required"));
        auto qid = m_ref.questionId(p.programme, programme, question);
        if (!qid)
            return qid.error();
        p.question = *qid;
    }
    return p;
}

// ---- judgments --------------------------------------------------------------------------------

static const char* kJudgmentSelect =
    "SELECT j.id, p.code, f.code, qn.code, g.code, g.label, g.rank, j.summary, j.overview, "
    "j.status, "
    "j.updated_at, j.first_year_graded, j.version FROM judgments j JOIN questions qn ON qn.id = "
    "j.question_id "
    "JOIN programmes p ON p.id = qn.programme_id JOIN forces f ON f.id = j.force_id "
    "JOIN grades g ON g.id = j.grade_id WHERE 1 = 1";

static Judgment readJudgment(const Query& r)
{
    Judgment j;
    j.id = r.integer(0);
    j.programmeCode = r.text(1);
    j.forceCode = r.text(2);
    j.questionCode = r.text(3);
    j.gradeCode = r.text(4);
    j.gradeLabel = r.text(5);
    j.gradeRank = int(r.integer(6));
    j.summary = r.text(7);
    j.overview = r.text(8);
    j.status = r.text(9);
    j.updatedAt = r.text(10);
    j.firstYearGraded = r.integer(11) != 0;
    j.version = r.integer(12);
    return j;
}

QList<Judgment> DraftRepository::judgments(const QString& programmeCode,
                                           const QString& forceCode) const
{
    Filter f;
    f.add("p.code", programmeCode);
    f.add("f.code", forceCode);
    Query query(m_db, q(kJudgmentSelect) + f.sql + q(" ORDER BY f.name, qn.id"));
    QList<Judgment> out;
    if (execList(query, f.values))
        while (query.next())
            out.push_back(readJudgment(query));
    return out;
}

std::optional<Judgment> DraftRepository::judgment(const QString& programmeCode,
                                                  const QString& forceCode,
                                                  const QString& questionCode) const
{
    Filter f;
    f.add("p.code", programmeCode);
    f.add("f.code", forceCode);
    f.add("qn.code", questionCode);
    Query query(m_db, q(kJudgmentSelect) + f.sql);
    if (execList(query, f.values) && query.next())
        return readJudgment(query);
    return std::nullopt;
}

Result<Upserted> DraftRepository::upsertJudgment(const Judgment& j)
{
    auto where = place(j.programmeCode, j.forceCode, j.questionCode, true);
    if (!where)
        return where.error();
    Query graded(m_db, q("SELECT graded FROM questions WHERE id = ?"));
    auto g = graded.scalar({where->question});
    if (!g)
        return g.error();
    if (g->toInt() != 1)
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("question \"%1\" is not graded; it cannot have a judgment")
                .arg(j.questionCode));
    auto grade = m_ref.gradeId(j.programmeCode, j.gradeCode);
    if (!grade)
        return grade.error();
    const bool existed = judgment(j.programmeCode, j.forceCode, j.questionCode).has_value();
    Query query(m_db,
                q("INSERT INTO judgments(force_id, question_id, grade_id, summary, overview, "
                  "first_year_graded, status) VALUES (?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT(force_id, question_id) DO UPDATE SET grade_id = excluded.grade_id, "
                  "summary = excluded.summary, overview = excluded.overview, "
                  "first_year_graded = excluded.first_year_graded, status = excluded.status, "
                  "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') RETURNING id"));
    auto v = query.scalar({where->force, where->question, *grade, j.summary, j.overview,
                           j.firstYearGraded ? 1 : 0, j.status},
                          QStringLiteral("saving judgment ") + j.questionCode);
    if (!v)
        return v.error();
    return Upserted{v->toLongLong(), !existed};
}

// ---- findings ---------------------------------------------------------------------------------

static const char* kFindingSelect =
    "SELECT x.id, x.uid, p.code, f.code, qn.code, x.kind, x.text, x.status, x.updated_at, "
    "x.position, "
    "(SELECT group_concat(e.uid, char(31)) FROM finding_evidence fe JOIN evidence_samples e "
    "ON e.id = fe.sample_id WHERE fe.finding_id = x.id), x.version "
    "FROM findings x JOIN questions qn ON qn.id = x.question_id JOIN programmes p ON p.id = "
    "qn.programme_id "
    "JOIN forces f ON f.id = x.force_id WHERE 1 = 1";

Finding readFindingRow(const Query& r)
{
    Finding x;
    x.id = r.integer(0);
    x.uid = r.text(1);
    x.programmeCode = r.text(2);
    x.forceCode = r.text(3);
    x.questionCode = r.text(4);
    x.kind = r.text(5);
    x.text = r.text(6);
    x.status = r.text(7);
    x.updatedAt = r.text(8);
    x.position = int(r.integer(9));
    const QString ev = r.text(10);
    if (!ev.isEmpty()) {
        x.evidenceUids = ev.split(QChar(31));
        x.evidenceUids.sort();
    }
    x.version = r.integer(11);
    return x;
}

QList<Finding> DraftRepository::findings(const QString& programmeCode, const QString& forceCode,
                                         const QString& questionCode) const
{
    Filter f;
    f.add("p.code", programmeCode);
    f.add("f.code", forceCode);
    f.add("qn.code", questionCode);
    Query query(m_db, q(kFindingSelect) + f.sql + q(" ORDER BY f.name, qn.id, x.position, x.id"));
    QList<Finding> out;
    if (execList(query, f.values))
        while (query.next())
            out.push_back(readFindingRow(query));
    return out;
}

QList<Finding> DraftRepository::findingsOfKinds(const QString& programmeCode,
                                                const QString& forceCode, const QStringList& kinds,
                                                int limit) const
{
    // The kinds go in as one JSON array, so the statement is the same whatever their number.
    const QString kindList = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(kinds)).toJson(QJsonDocument::Compact));
    // Sought question by question through findings_place, in that index's order, so a limit stops
    // the reading. (Ordered by the force's name first, the whole programme's findings were read
    // and sorted before the first was returned: 320 ms from a cold cache on the million-finding
    // workbench, 15 ms this way.)
    const QString sql =
        q(kFindingSelect) + q(" AND x.force_id = (SELECT id FROM forces WHERE code = ?)"
                              " AND x.question_id IN (SELECT id FROM questions WHERE programme_id "
                              "= (SELECT id FROM programmes WHERE code = ?))"
                              " AND x.kind IN (SELECT value FROM json_each(?)) ORDER BY "
                              "x.question_id, x.position, x.id LIMIT ?");
    const QList<QVariant> values{forceCode, programmeCode, kindList, limit};
    Query query(m_db, sql);
    QList<Finding> out;
    if (query.execValues(values, QStringLiteral("reading findings")))
        while (query.next())
            out.push_back(readFindingRow(query));
    return out;
}

std::optional<Finding> DraftRepository::finding(const QString& uid) const
{
    Query query(m_db, q(kFindingSelect) + q(" AND x.uid = ?"));
    if (query.exec({uid}) && query.next())
        return readFindingRow(query);
    return std::nullopt;
}

Result<Upserted> DraftRepository::upsertFinding(const Finding& x)
{
    if (!findingKinds().contains(x.kind))
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("unknown finding kind \"%1\" (one of %2)")
                               .arg(x.kind, findingKinds().join(QStringLiteral(", "))));
    if (x.text.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, QStringLiteral("a finding needs text"));
    auto where = place(x.programmeCode, x.forceCode, x.questionCode, true);
    if (!where)
        return where.error();
    int position = x.position;
    if (position <= 0) {
        Query next(m_db, q("SELECT coalesce(max(position), 0) + 1 FROM findings WHERE force_id = ? "
                           "AND question_id = ?"));
        auto v = next.scalar({where->force, where->question});
        if (!v)
            return v.error();
        position = v->toInt();
    }
    const bool existed = finding(x.uid).has_value();
    Query query(
        m_db,
        q("INSERT INTO findings(uid, force_id, question_id, kind, position, text, status) "
          "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO UPDATE SET force_id = "
          "excluded.force_id, "
          "question_id = excluded.question_id, kind = excluded.kind, position = excluded.position, "
          "text = excluded.text, status = excluded.status, "
          "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') RETURNING id"));
    auto v =
        query.scalar({x.uid, where->force, where->question, x.kind, position, x.text, x.status},
                     QStringLiteral("saving finding ") + x.uid);
    if (!v)
        return v.error();
    const Id id = v->toLongLong();
    Query clear(m_db, q("DELETE FROM finding_evidence WHERE finding_id = ?"));
    if (Status s = clear.exec({id}); !s)
        return s.error();
    for (const QString& e : x.evidenceUids) {
        // A finding cites evidence of its own force and programme only.
        Query link(m_db, q("INSERT INTO finding_evidence(finding_id, sample_id) "
                           "SELECT ?, id FROM evidence_samples WHERE uid = ? AND force_id = ? AND "
                           "programme_id = ?"));
        if (Status s = link.exec({id, e, where->force, where->programme}); !s)
            return s.error();
        if (link.rowsAffected() != 1)
            return Error::make(
                Error::Code::NotFound,
                evidenceSample(e)
                    ? QStringLiteral("evidence sample \"%1\" belongs to another force or programme")
                          .arg(e)
                    : QStringLiteral("no evidence sample \"%1\"").arg(e));
    }
    return Upserted{id, !existed};
}

// ---- evidence ---------------------------------------------------------------------------------

static const char* kEvidenceSelect =
    "SELECT e.id, e.uid, p.code, f.code, coalesce(qn.code, ''), e.label, e.method, e.population, "
    "e.sample_size, e.description, e.position, e.version FROM evidence_samples e JOIN programmes p "
    "ON p.id = "
    "e.programme_id "
    "JOIN forces f ON f.id = e.force_id LEFT JOIN questions qn ON qn.id = e.question_id WHERE 1 = "
    "1";

static QList<EvidenceSample> readEvidence(const Database& db, Query& query)
{
    QList<EvidenceSample> out;
    while (query.next()) {
        EvidenceSample e;
        e.id = query.integer(0);
        e.uid = query.text(1);
        e.programmeCode = query.text(2);
        e.forceCode = query.text(3);
        e.questionCode = query.text(4);
        e.label = query.text(5);
        e.method = query.text(6);
        e.population = query.text(7);
        if (!query.value(8).isNull())
            e.sampleSize = query.value(8).toInt();
        e.description = query.text(9);
        e.position = int(query.integer(10));
        e.version = query.integer(11);
        out.push_back(e);
    }
    for (EvidenceSample& e : out) {
        Query s(db,
                q("SELECT label, size FROM evidence_strata WHERE sample_id = ? ORDER BY position"));
        if (s.exec({e.id}))
            while (s.next())
                e.strata.push_back({s.text(0), int(s.integer(1))});
        Query m(db, q("SELECT label, count, base, base_label FROM evidence_measures WHERE "
                      "sample_id = ? ORDER BY position"));
        if (m.exec({e.id}))
            while (m.next()) {
                Measure x{m.text(0), int(m.integer(1)), std::nullopt, m.text(3)};
                if (!m.value(2).isNull())
                    x.base = m.value(2).toInt();
                e.measures.push_back(x);
            }
    }
    return out;
}

QList<EvidenceSample> DraftRepository::evidence(const QString& programmeCode,
                                                const QString& forceCode) const
{
    Filter f;
    f.add("p.code", programmeCode);
    f.add("f.code", forceCode);
    Query query(m_db, q(kEvidenceSelect) + f.sql + q(" ORDER BY f.name, e.position, e.id"));
    if (!execList(query, f.values))
        return {};
    return readEvidence(m_db, query);
}

std::optional<EvidenceSample> DraftRepository::evidenceSample(const QString& uid) const
{
    Query query(m_db, q(kEvidenceSelect) + q(" AND e.uid = ?"));
    if (!query.exec({uid}))
        return std::nullopt;
    auto list = readEvidence(m_db, query);
    if (list.isEmpty())
        return std::nullopt;
    return list.front();
}

Result<Upserted> DraftRepository::upsertEvidence(const EvidenceSample& e)
{
    static const QStringList methods{q("file_review"), q("dip_sample"), q("survey"), q("interview"),
                                     q("focus_group")};
    if (!methods.contains(e.method))
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("unknown method \"%1\" (one of %2)")
                               .arg(e.method, methods.join(QStringLiteral(", "))));
    if (e.sampleSize && *e.sampleSize < 0)
        return Error::make(Error::Code::Invalid, QStringLiteral("sample size cannot be negative"));
    int strataTotal = 0;
    for (const Stratum& s : e.strata) {
        if (s.size < 0)
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("stratum \"%1\" has a negative size").arg(s.label));
        strataTotal += s.size;
    }
    if (!e.strata.isEmpty() && e.sampleSize && strataTotal != *e.sampleSize)
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("strata add up to %1 but the sample size is %2")
                               .arg(strataTotal)
                               .arg(*e.sampleSize));
    for (const Measure& m : e.measures) {
        const std::optional<int> limit = m.base ? m.base : e.sampleSize;
        if (m.count < 0)
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("measure \"%1\" is negative").arg(m.label));
        if (limit && m.count > *limit)
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral("measure \"%1\" counts %2, more than the %3 it is out of")
                    .arg(m.label)
                    .arg(m.count)
                    .arg(*limit));
        if (m.base && e.sampleSize && *m.base > *e.sampleSize)
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral("measure \"%1\" is out of %2, more than the sample of %3")
                    .arg(m.label)
                    .arg(*m.base)
                    .arg(*e.sampleSize));
    }
    auto where = place(e.programmeCode, e.forceCode, e.questionCode, false);
    if (!where)
        return where.error();
    const bool existed = evidenceSample(e.uid).has_value();
    Query query(
        m_db,
        q("INSERT INTO evidence_samples(uid, programme_id, force_id, question_id, label, method, "
          "population, sample_size, description, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT(uid) DO UPDATE SET programme_id = excluded.programme_id, "
          "force_id = excluded.force_id, question_id = excluded.question_id, label = "
          "excluded.label, "
          "method = excluded.method, population = excluded.population, "
          "sample_size = excluded.sample_size, description = excluded.description, "
          "position = excluded.position RETURNING id"));
    auto v =
        query.scalar({e.uid, where->programme, where->force, nullable(where->question), e.label,
                      e.method, e.population, nullable(e.sampleSize), e.description, e.position},
                     QStringLiteral("saving evidence ") + e.uid);
    if (!v)
        return v.error();
    const Id id = v->toLongLong();
    Query clearS(m_db, q("DELETE FROM evidence_strata WHERE sample_id = ?"));
    Query clearM(m_db, q("DELETE FROM evidence_measures WHERE sample_id = ?"));
    if (Status s = clearS.exec({id}); !s)
        return s.error();
    if (Status s = clearM.exec({id}); !s)
        return s.error();
    int pos = 1;
    for (const Stratum& s : e.strata) {
        Query ins(
            m_db,
            q("INSERT INTO evidence_strata(sample_id, position, label, size) VALUES (?, ?, ?, ?)"));
        if (Status st = ins.exec({id, pos++, s.label, s.size}); !st)
            return st.error();
    }
    pos = 1;
    for (const Measure& m : e.measures) {
        Query ins(
            m_db,
            q("INSERT INTO evidence_measures(sample_id, position, label, count, base, base_label) "
              "VALUES (?, ?, ?, ?, ?, ?)"));
        if (Status st = ins.exec({id, pos++, m.label, m.count, nullable(m.base), m.baseLabel}); !st)
            return st.error();
    }
    return Upserted{id, !existed};
}

// ---- metrics ----------------------------------------------------------------------------------

static const char* kMetricSelect =
    "SELECT m.id, m.uid, p.code, f.code, coalesce(qn.code, ''), m.figure, m.name, m.measure, "
    "m.period, "
    "m.unit, m.force_value, m.national_value, m.source, m.note, m.position, m.version FROM "
    "metrics m "
    "JOIN programmes p ON p.id = m.programme_id JOIN forces f ON f.id = m.force_id "
    "LEFT JOIN questions qn ON qn.id = m.question_id WHERE 1 = 1";

static Metric readMetric(const Query& r)
{
    Metric m;
    m.id = r.integer(0);
    m.uid = r.text(1);
    m.programmeCode = r.text(2);
    m.forceCode = r.text(3);
    m.questionCode = r.text(4);
    m.figure = r.text(5);
    m.name = r.text(6);
    m.measure = r.text(7);
    m.period = r.text(8);
    m.unit = r.text(9);
    m.forceValue = r.value(10).toDouble();
    if (!r.value(11).isNull())
        m.nationalValue = r.value(11).toDouble();
    m.source = r.text(12);
    m.note = r.text(13);
    m.position = int(r.integer(14));
    m.version = r.integer(15);
    return m;
}

QList<Metric> DraftRepository::metrics(const QString& programmeCode, const QString& forceCode) const
{
    Filter f;
    f.add("p.code", programmeCode);
    f.add("f.code", forceCode);
    Query query(m_db, q(kMetricSelect) + f.sql +
                          q(" ORDER BY f.name, m.figure = '', m.figure, m.position, m.id"));
    QList<Metric> out;
    if (execList(query, f.values))
        while (query.next())
            out.push_back(readMetric(query));
    return out;
}

std::optional<Metric> DraftRepository::metric(const QString& uid) const
{
    Query query(m_db, q(kMetricSelect) + q(" AND m.uid = ?"));
    if (query.exec({uid}) && query.next())
        return readMetric(query);
    return std::nullopt;
}

Result<Upserted> DraftRepository::upsertMetric(const Metric& m)
{
    if (m.name.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid, QStringLiteral("a metric needs a name"));
    auto where = place(m.programmeCode, m.forceCode, m.questionCode, false);
    if (!where)
        return where.error();
    const bool existed = metric(m.uid).has_value();
    Query query(
        m_db,
        q("INSERT INTO metrics(uid, programme_id, force_id, question_id, figure, name, measure, "
          "period, "
          "unit, force_value, national_value, source, note, position) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO UPDATE SET "
          "programme_id = excluded.programme_id, force_id = excluded.force_id, "
          "question_id = excluded.question_id, figure = excluded.figure, name = excluded.name, "
          "measure = excluded.measure, period = excluded.period, unit = excluded.unit, "
          "force_value = excluded.force_value, national_value = excluded.national_value, "
          "source = excluded.source, note = excluded.note, position = excluded.position RETURNING "
          "id"));
    auto v = query.scalar({m.uid, where->programme, where->force, nullable(where->question),
                           m.figure, m.name, m.measure, m.period, m.unit, m.forceValue,
                           nullable(m.nationalValue), m.source, m.note, m.position},
                          QStringLiteral("saving metric ") + m.uid);
    if (!v)
        return v.error();
    return Upserted{v->toLongLong(), !existed};
}

// ---- removal and order ------------------------------------------------------------------------

namespace {
Status removed(Query& query, const QString& what)
{
    if (query.rowsAffected() < 1)
        return Error::make(Error::Code::NotFound, QStringLiteral("no %1").arg(what));
    return {};
}
} // namespace

Status DraftRepository::removeFinding(const QString& uid)
{
    Query query(m_db, q("DELETE FROM findings WHERE uid = ?"));
    if (Status s = query.exec({uid}, QStringLiteral("deleting finding ") + uid); !s)
        return s;
    return removed(query, QStringLiteral("finding \"%1\"").arg(uid));
}

Status DraftRepository::removeJudgment(const QString& programmeCode, const QString& forceCode,
                                       const QString& questionCode)
{
    auto where = place(programmeCode, forceCode, questionCode, true);
    if (!where)
        return where.error();
    Query query(m_db, q("DELETE FROM judgments WHERE force_id = ? AND question_id = ?"));
    if (Status s = query.exec({where->force, where->question},
                              QStringLiteral("deleting judgment ") + questionCode);
        !s)
        return s;
    return removed(
        query, QStringLiteral("judgment for %1 %2 %3").arg(programmeCode, forceCode, questionCode));
}

Status DraftRepository::removeEvidence(const QString& uid)
{
    Query query(m_db, q("DELETE FROM evidence_samples WHERE uid = ?"));
    if (Status s = query.exec({uid}, QStringLiteral("deleting evidence sample ") + uid); !s)
        return s;
    return removed(query, QStringLiteral("evidence sample \"%1\"").arg(uid));
}

Status DraftRepository::removeMetric(const QString& uid)
{
    Query query(m_db, q("DELETE FROM metrics WHERE uid = ?"));
    if (Status s = query.exec({uid}, QStringLiteral("deleting metric ") + uid); !s)
        return s;
    return removed(query, QStringLiteral("metric \"%1\"").arg(uid));
}

Status DraftRepository::shiftFindings(const QString& programmeCode, const QString& forceCode,
                                      const QString& questionCode, int from, int delta)
{
    auto where = place(programmeCode, forceCode, questionCode, true);
    if (!where)
        return where.error();
    Query query(
        m_db,
        q("UPDATE findings SET position = position + ? WHERE force_id = ? AND question_id = ? "
          "AND position >= ?"));
    return query.exec({delta, where->force, where->question, from},
                      QStringLiteral("reordering findings"));
}

Result<int> DraftRepository::findingCount(const QString& programmeCode, const QString& forceCode,
                                          const QString& questionCode) const
{
    auto where = place(programmeCode, forceCode, questionCode, true);
    if (!where)
        return where.error();
    Query query(m_db, q("SELECT count(*) FROM findings WHERE force_id = ? AND question_id = ?"));
    auto v = query.scalar({where->force, where->question});
    if (!v)
        return v.error();
    return v->toInt();
}

// ---- overviews --------------------------------------------------------------------------------

QStringList DraftRepository::forcesWithMaterial(const QString& programmeCode) const
{
    Query query(m_db,
                q("WITH p AS (SELECT id FROM programmes WHERE code = ?) "
                  "SELECT f.code FROM forces f WHERE "
                  "EXISTS (SELECT 1 FROM judgments j JOIN questions qn ON qn.id = j.question_id "
                  "WHERE j.force_id = f.id AND qn.programme_id = (SELECT id FROM p)) OR "
                  "EXISTS (SELECT 1 FROM findings x JOIN questions qn ON qn.id = x.question_id "
                  "WHERE x.force_id = f.id AND qn.programme_id = (SELECT id FROM p)) OR "
                  "EXISTS (SELECT 1 FROM evidence_samples e WHERE e.force_id = f.id AND "
                  "e.programme_id = (SELECT id FROM p)) OR "
                  "EXISTS (SELECT 1 FROM metrics m WHERE m.force_id = f.id AND m.programme_id = "
                  "(SELECT id FROM p)) OR "
                  "EXISTS (SELECT 1 FROM documents d WHERE d.force_id = f.id AND d.programme_id = "
                  "(SELECT id FROM p)) "
                  "ORDER BY f.name"));
    QStringList out;
    if (query.exec({programmeCode}))
        while (query.next())
            out << query.text(0);
    return out;
}

QList<QuestionCounts> DraftRepository::findingCounts(const QString& programmeCode,
                                                     const QString& forceCode) const
{
    // Probes the (force, question, position, kind) index once per question of the programme, so
    // the count never reads the table or the force's findings in other programmes.
    Query query(
        m_db, q("SELECT qn.code, x.kind, count(*) FROM questions qn JOIN findings x "
                "ON x.force_id = (SELECT id FROM forces WHERE code = ?) AND x.question_id = qn.id "
                "WHERE qn.programme_id = (SELECT id FROM programmes WHERE code = ?) GROUP BY "
                "qn.id, x.kind"));
    QList<QuestionCounts> out;
    if (query.exec({forceCode, programmeCode}))
        while (query.next())
            out.push_back({query.text(0), query.text(1), int(query.integer(2))});
    return out;
}

QList<FindingTally> DraftRepository::findingTally(const QString& forceCode) const
{
    // One force: its stretch of the (force, question, position, kind) index; every force: the whole
    // index. Grouped by question first (the index's order), then summed per programme.
    QString sql = q("SELECT p.code, fo.code, c.kind, sum(c.n) FROM (SELECT force_id, question_id, "
                    "kind, count(*) AS n "
                    "FROM findings");
    QList<QVariant> values;
    if (!forceCode.isEmpty()) {
        sql += q(" WHERE force_id = (SELECT id FROM forces WHERE code = ?)");
        values << forceCode;
    }
    sql += q(" GROUP BY force_id, question_id, kind) c JOIN questions qn ON qn.id = c.question_id "
             "JOIN programmes p ON p.id = qn.programme_id JOIN forces fo ON fo.id = c.force_id "
             "GROUP BY p.id, fo.id, c.kind ORDER BY p.year, p.code, fo.name, c.kind");
    Query query(m_db, sql);
    QList<FindingTally> out;
    if (query.execValues(values, QStringLiteral("counting findings")))
        while (query.next())
            out.push_back({query.text(0), query.text(1), query.text(2), int(query.integer(3))});
    return out;
}

Result<int> DraftRepository::countFindings(const QStringList& kinds,
                                           const QStringList& forceCodes) const
{
    auto json = [](const QStringList& l) {
        return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(l)).toJson(QJsonDocument::Compact));
    };
    QString sql = q("SELECT count(*) FROM findings WHERE kind IN (SELECT value FROM json_each(?))");
    QList<QVariant> values{json(kinds)};
    if (!forceCodes.isEmpty()) {
        sql += q(" AND force_id IN (SELECT id FROM forces WHERE code IN (SELECT value FROM "
                 "json_each(?)))");
        values << json(forceCodes);
    }
    Query query(m_db, sql);
    if (Status st = query.execValues(values, QStringLiteral("counting findings")); !st)
        return st.error();
    return query.next() ? int(query.integer(0)) : 0;
}

Result<QList<DraftRepository::GradedJudgment>>
DraftRepository::gradedJudgments(const QString& programmeCode) const
{
    Query query(m_db,
                q("SELECT f.code, qn.code, g.code, g.label, g.rank, j.summary FROM judgments j "
                  "JOIN questions qn ON qn.id = j.question_id JOIN forces f ON f.id = j.force_id "
                  "JOIN grades g ON g.id = j.grade_id WHERE qn.programme_id = (SELECT id FROM "
                  "programmes WHERE code = ?)"));
    if (Status s = query.exec({programmeCode}, QStringLiteral("reading judgments")); !s)
        return s.error();
    QList<GradedJudgment> out;
    while (query.next())
        out.push_back({query.text(0), query.text(1), query.text(2), query.text(3), query.text(5),
                       int(query.integer(4))});
    return out;
}

// Counts for the navigator ---------------------------------------------------------------------

QList<DraftRepository::ForceKindCount>
DraftRepository::forceFindingCounts(const QString& programmeCode) const
{
    // Forces, then the programme's questions, then the index's stretch for each pair: the
    // covering index answers without touching the findings table.
    Query query(m_db, q("SELECT fo.code, x.kind, count(*) FROM forces fo "
                        "CROSS JOIN questions qn "
                        "CROSS JOIN findings x INDEXED BY findings_place "
                        "WHERE qn.programme_id = (SELECT id FROM programmes WHERE code = ?) "
                        "AND x.force_id = fo.id AND x.question_id = qn.id "
                        "GROUP BY fo.id, x.kind"));
    QList<ForceKindCount> out;
    if (query.exec({programmeCode}))
        while (query.next())
            out.push_back({query.text(0), query.text(1), int(query.integer(2))});
    return out;
}

} // namespace fwb
