#include "core/storage/referencerepository.h"
#include "core/storage/query.h"

#include <QHash>

namespace fwb {
namespace {

QString q(const char* s)
{
    return QString::fromLatin1(s);
}

Error notFound(const QString& what, const QString& code)
{
    return Error::make(Error::Code::NotFound, QStringLiteral("no %1 \"%2\"").arg(what, code));
}

} // namespace

Result<Id> ReferenceRepository::idByCode(const char* table, const char* what,
                                         const QString& code) const
{
    Query query(m_db, QStringLiteral("SELECT id FROM %1 WHERE code = ?").arg(q(table)));
    auto v = query.scalar({code});
    if (!v)
        return v.error();
    if (!v->isValid())
        return notFound(q(what), code);
    return v->toLongLong();
}

Result<Id> ReferenceRepository::regionId(const QString& code) const
{
    return idByCode("regions", "region", code);
}
Result<Id> ReferenceRepository::personId(const QString& code) const
{
    return idByCode("people", "person", code);
}
Result<Id> ReferenceRepository::forceId(const QString& code) const
{
    return idByCode("forces", "force", code);
}
Result<Id> ReferenceRepository::programmeId(const QString& code) const
{
    return idByCode("programmes", "programme", code);
}

Result<Id> ReferenceRepository::questionId(Id programmeId, const QString& programmeCode,
                                           const QString& code) const
{
    Query query(m_db, q("SELECT id FROM questions WHERE programme_id = ? AND code = ?"));
    auto v = query.scalar({programmeId, code});
    if (!v)
        return v.error();
    if (!v->isValid())
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("no question \"%1\" in programme \"%2\"").arg(code, programmeCode));
    return v->toLongLong();
}

Result<Id> ReferenceRepository::gradeId(const QString& programmeCode,
                                        const QString& codeOrLabel) const
{
    Query query(m_db, q("SELECT p.grade_scale_id, s.code FROM programmes p "
                        "LEFT JOIN grade_scales s ON s.id = p.grade_scale_id WHERE p.code = ?"));
    if (Status s = query.exec({programmeCode}); !s)
        return s.error();
    if (!query.next())
        return notFound(q("programme"), programmeCode);
    if (query.value(0).isNull())
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("programme \"%1\" has no grade scale").arg(programmeCode));
    const Id scale = query.integer(0);
    const QString scaleCode = query.text(1);
    Query g(
        m_db,
        q("SELECT id FROM grades WHERE scale_id = ? AND (code = ? OR lower(label) = lower(?))"));
    auto v = g.scalar({scale, codeOrLabel, codeOrLabel});
    if (!v)
        return v.error();
    if (!v->isValid())
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("no grade \"%1\" in scale \"%2\"").arg(codeOrLabel, scaleCode));
    return v->toLongLong();
}

QList<Region> ReferenceRepository::regions() const
{
    QList<Region> out;
    Query query(m_db, q("SELECT id, code, name FROM regions ORDER BY id"));
    if (query.exec())
        while (query.next())
            out.push_back({query.integer(0), query.text(1), query.text(2)});
    return out;
}

static const char* kPersonSelect =
    "SELECT p.id, p.code, p.name, p.title, p.post_nominals, p.post, p.greeting, p.address_name, "
    "coalesce(f.code, '') FROM people p LEFT JOIN forces f ON f.id = p.force_id ";

static Person readPerson(const Query& query)
{
    return Person{query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                  query.text(5),    query.text(6), query.text(7), query.text(8)};
}

QList<Person> ReferenceRepository::people() const
{
    QList<Person> out;
    Query query(m_db, q(kPersonSelect) + q("ORDER BY p.name"));
    if (query.exec())
        while (query.next())
            out.push_back(readPerson(query));
    return out;
}

std::optional<Person> ReferenceRepository::person(const QString& code) const
{
    Query query(m_db, q(kPersonSelect) + q("WHERE p.code = ?"));
    if (query.exec({code}) && query.next())
        return readPerson(query);
    return std::nullopt;
}

static const char* kForceSelect =
    "SELECT f.id, f.code, f.name, f.short_name, r.code, r.name, f.style, coalesce(p.code, '') "
    "FROM forces f JOIN regions r ON r.id = f.region_id LEFT JOIN people p ON p.id = "
    "f.chief_officer_id ";

static Force readForce(const Query& query)
{
    return Force{query.integer(0), query.text(1), query.text(2), query.text(3),
                 query.text(4),    query.text(5), query.text(6), query.text(7)};
}

QList<Force> ReferenceRepository::forces() const
{
    QList<Force> out;
    Query query(m_db, q(kForceSelect) + q("ORDER BY f.name"));
    if (query.exec())
        while (query.next())
            out.push_back(readForce(query));
    return out;
}

std::optional<Force> ReferenceRepository::force(const QString& code) const
{
    Query query(m_db, q(kForceSelect) + q("WHERE f.code = ?"));
    if (query.exec({code}) && query.next())
        return readForce(query);
    return std::nullopt;
}

QList<GradeScale> ReferenceRepository::gradeScales() const
{
    QList<GradeScale> out;
    Query query(m_db, q("SELECT id, code, name FROM grade_scales ORDER BY code"));
    if (!query.exec())
        return out;
    while (query.next())
        out.push_back({query.integer(0), query.text(1), query.text(2), {}});
    for (GradeScale& s : out) {
        Query g(m_db, q("SELECT id, code, label, definition, rank FROM grades WHERE scale_id = ? "
                        "ORDER BY rank"));
        if (g.exec({s.id}))
            while (g.next())
                s.grades.push_back(
                    {g.integer(0), g.text(1), g.text(2), g.text(3), int(g.integer(4))});
    }
    return out;
}

std::optional<GradeScale> ReferenceRepository::gradeScale(const QString& code) const
{
    for (GradeScale& s : gradeScales())
        if (s.code == code)
            return s;
    return std::nullopt;
}

QList<Question> ReferenceRepository::questionTree(Id programmeId) const
{
    QList<Question> all;
    Query query(m_db, q("SELECT qn.id, coalesce(qn.parent_id, 0), qn.code, qn.text, "
                        "qn.short_title, qn.position, qn.graded, "
                        "coalesce(ep.code || '/' || eq.code, ''), qn.comparable FROM questions qn "
                        "LEFT JOIN questions eq ON eq.id = qn.follows_id LEFT JOIN programmes ep "
                        "ON ep.id = eq.programme_id "
                        "WHERE qn.programme_id = ? ORDER BY qn.position, qn.id"));
    if (!query.exec({programmeId}))
        return {};
    while (query.next()) {
        Question x;
        x.id = query.integer(0);
        x.parentId = query.integer(1);
        x.code = query.text(2);
        x.text = query.text(3);
        x.shortTitle = query.text(4);
        x.position = int(query.integer(5));
        x.graded = query.integer(6) != 0;
        x.follows = query.text(7);
        x.comparable = query.integer(8) != 0;
        all.push_back(x);
    }
    // Assemble children under parents, keeping position order.
    std::function<QList<Question>(Id, int)> build = [&](Id parent, int depth) {
        QList<Question> level;
        for (const Question& x : all)
            if (x.parentId == parent) {
                Question c = x;
                c.depth = depth;
                c.children = build(x.id, depth + 1);
                level.push_back(c);
            }
        return level;
    };
    return build(0, 0);
}

static const char* kProgrammeSelect =
    "SELECT p.id, p.code, p.title, p.short_title, p.kind, coalesce(s.code, ''), p.fieldwork, "
    "p.published, p.year FROM programmes p LEFT JOIN grade_scales s ON s.id = p.grade_scale_id ";

QList<Programme> ReferenceRepository::programmes() const
{
    QList<Programme> out;
    Query query(m_db, q(kProgrammeSelect) + q("ORDER BY p.year, p.code"));
    if (!query.exec())
        return out;
    while (query.next()) {
        Programme p;
        p.id = query.integer(0);
        p.code = query.text(1);
        p.title = query.text(2);
        p.shortTitle = query.text(3);
        p.kind = query.text(4);
        p.gradeScaleCode = query.text(5);
        p.fieldwork = query.text(6);
        p.published = query.text(7);
        p.year = int(query.integer(8));
        out.push_back(p);
    }
    for (Programme& p : out)
        p.questions = questionTree(p.id);
    return out;
}

std::optional<Programme> ReferenceRepository::programme(const QString& code) const
{
    for (Programme& p : programmes())
        if (p.code == code)
            return p;
    return std::nullopt;
}

QList<Question> ReferenceRepository::questionsFlat(const QString& programmeCode) const
{
    QList<Question> out;
    const auto p = programme(programmeCode);
    if (!p)
        return out;
    std::function<void(const QList<Question>&)> walk = [&](const QList<Question>& level) {
        for (const Question& x : level) {
            out.push_back(x);
            walk(x.children);
        }
    };
    walk(p->questions);
    return out;
}

Result<Upserted> ReferenceRepository::upsertRegion(const Region& r)
{
    Query query(m_db, q("INSERT INTO regions(code, name) VALUES (?, ?) "
                        "ON CONFLICT(code) DO UPDATE SET name = excluded.name RETURNING id"));
    auto existed = regionId(r.code);
    auto v = query.scalar({r.code, r.name}, QStringLiteral("saving region ") + r.code);
    if (!v)
        return v.error();
    return Upserted{v->toLongLong(), !existed.ok()};
}

Result<Upserted> ReferenceRepository::upsertPerson(const Person& p)
{
    QVariant force;
    if (!p.forceCode.isEmpty()) {
        auto f = forceId(p.forceCode);
        if (!f) {
            // People may be listed before their force; the force update links them afterwards.
            if (f.error().code != Error::Code::NotFound)
                return f.error();
        } else {
            force = *f;
        }
    }
    auto existed = personId(p.code);
    Query query(
        m_db,
        q("INSERT INTO people(code, name, title, post_nominals, post, greeting, address_name, "
          "force_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
          "name = excluded.name, title = excluded.title, post_nominals = excluded.post_nominals, "
          "post = excluded.post, greeting = excluded.greeting, address_name = "
          "excluded.address_name, "
          "force_id = coalesce(excluded.force_id, people.force_id) RETURNING id"));
    auto v = query.scalar(
        {p.code, p.name, p.title, p.postNominals, p.post, p.greeting, p.addressName, force},
        QStringLiteral("saving person ") + p.code);
    if (!v)
        return v.error();
    return Upserted{v->toLongLong(), !existed.ok()};
}

Result<Upserted> ReferenceRepository::upsertForce(const Force& f)
{
    auto region = regionId(f.regionCode);
    if (!region)
        return region.error();
    QVariant chief;
    if (!f.chiefOfficerCode.isEmpty()) {
        auto c = personId(f.chiefOfficerCode);
        if (!c)
            return c.error();
        chief = *c;
    }
    auto existed = forceId(f.code);
    Query query(
        m_db,
        q("INSERT INTO forces(code, name, short_name, region_id, style, chief_officer_id) "
          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
          "short_name = excluded.short_name, region_id = excluded.region_id, "
          "style = excluded.style, chief_officer_id = excluded.chief_officer_id RETURNING id"));
    auto v = query.scalar({f.code, f.name, f.shortName, *region, f.style, chief},
                          QStringLiteral("saving force ") + f.code);
    if (!v)
        return v.error();
    const Id id = v->toLongLong();
    // A chief officer belongs to the force they lead.
    if (!chief.isNull()) {
        Query link(m_db, q("UPDATE people SET force_id = ? WHERE id = ? AND force_id IS NULL"));
        if (Status s = link.exec({id, chief}); !s)
            return s.error();
    }
    return Upserted{id, !existed.ok()};
}

Result<Upserted> ReferenceRepository::upsertGradeScale(const GradeScale& s)
{
    auto existed = idByCode("grade_scales", "grade scale", s.code);
    Query query(m_db, q("INSERT INTO grade_scales(code, name) VALUES (?, ?) "
                        "ON CONFLICT(code) DO UPDATE SET name = excluded.name RETURNING id"));
    auto v = query.scalar({s.code, s.name}, QStringLiteral("saving grade scale ") + s.code);
    if (!v)
        return v.error();
    const Id id = v->toLongLong();
    // Ranks are rewritten in two steps so that reordering never collides on UNIQUE(scale, rank).
    Query shift(m_db, q("UPDATE grades SET rank = -rank - 1000 WHERE scale_id = ?"));
    if (Status st = shift.exec({id}); !st)
        return st.error();
    int rank = 1;
    for (const Grade& g : s.grades) {
        Query gq(
            m_db,
            q("INSERT INTO grades(scale_id, code, label, rank, definition) VALUES (?, ?, ?, ?, ?) "
              "ON CONFLICT(scale_id, code) DO UPDATE SET label = excluded.label, "
              "rank = excluded.rank, definition = excluded.definition"));
        if (Status st = gq.exec({id, g.code, g.label, rank++, g.definition},
                                QStringLiteral("saving grade ") + g.code);
            !st)
            return st.error();
    }
    // Grades the file does not list keep their order, after the listed ones.
    Query rest(m_db, q("SELECT id FROM grades WHERE scale_id = ? AND rank < 0 ORDER BY rank DESC"));
    if (Status st = rest.exec({id}); !st)
        return st.error();
    QList<Id> unlisted;
    while (rest.next())
        unlisted << rest.integer(0);
    for (Id g : unlisted) {
        Query place(m_db, q("UPDATE grades SET rank = ? WHERE id = ?"));
        if (Status st = place.exec({rank++, g}); !st)
            return st.error();
    }
    return Upserted{id, !existed.ok()};
}

Result<Upserted> ReferenceRepository::upsertProgramme(const Programme& p)
{
    QVariant scale;
    if (!p.gradeScaleCode.isEmpty()) {
        auto s = idByCode("grade_scales", "grade scale", p.gradeScaleCode);
        if (!s)
            return s.error();
        scale = *s;
    }
    auto existed = programmeId(p.code);
    if (existed) {
        // Judgments are graded on the programme's scale: it cannot change under them.
        Query graded(m_db, q("SELECT count(*), coalesce(s.code, '') FROM judgments j JOIN "
                             "questions qn ON qn.id = j.question_id "
                             "JOIN programmes p ON p.id = qn.programme_id LEFT JOIN grade_scales s "
                             "ON s.id = p.grade_scale_id "
                             "WHERE p.id = ?"));
        if (Status st = graded.exec({*existed}); !st)
            return st.error();
        if (graded.next() && graded.integer(0) > 0 && graded.text(1) != p.gradeScaleCode)
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral("programme \"%1\" has %2 judgments on scale \"%3\"; its grade scale "
                               "cannot change")
                    .arg(p.code)
                    .arg(graded.integer(0))
                    .arg(graded.text(1)));
    }
    Query query(
        m_db,
        q("INSERT INTO programmes(code, title, short_title, year, kind, grade_scale_id, fieldwork, "
          "published) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET title = excluded.title, "
          "short_title = excluded.short_title, year = excluded.year, kind = excluded.kind, "
          "grade_scale_id = excluded.grade_scale_id, fieldwork = excluded.fieldwork, "
          "published = excluded.published RETURNING id"));
    auto v =
        query.scalar({p.code, p.title, p.shortTitle, p.year,
                      p.kind.isEmpty() ? q("thematic") : p.kind, scale, p.fieldwork, p.published},
                     QStringLiteral("saving programme ") + p.code);
    if (!v)
        return v.error();
    const Id id = v->toLongLong();
    if (Status s = upsertQuestions(id, 0, p.questions); !s)
        return s.error();
    return Upserted{id, !existed.ok()};
}

Status ReferenceRepository::upsertQuestions(Id programmeId, Id parentId,
                                            const QList<Question>& questions)
{
    int position = 1;
    for (const Question& x : questions) {
        QVariant follows;
        if (!x.follows.isEmpty()) {
            // "programme/question" of an earlier programme.
            const QString programme = x.follows.section(QLatin1Char('/'), 0, 0);
            const QString code = x.follows.section(QLatin1Char('/'), 1);
            Query find(
                m_db,
                q("SELECT qn.id, p.year, (SELECT year FROM programmes WHERE id = ?) FROM questions "
                  "qn "
                  "JOIN programmes p ON p.id = qn.programme_id WHERE p.code = ? AND qn.code = ?"));
            if (!find.exec({programmeId, programme, code}) || !find.next())
                return Error::make(
                    Error::Code::NotFound,
                    QStringLiteral(
                        "question %1 follows \"%2\", which is not a question in this workbench "
                        "(import the earlier programme first)")
                        .arg(x.code, x.follows));
            // Only an earlier year's question: no programme follows itself, no two follow each
            // other.
            if (find.integer(1) >= find.integer(2))
                return Error::make(
                    Error::Code::Invalid,
                    QStringLiteral(
                        "question %1 can follow only a question of an earlier year's programme, "
                        "not \"%2\"")
                        .arg(x.code, x.follows));
            follows = find.integer(0);
        }
        Query query(
            m_db,
            q("INSERT INTO questions(programme_id, parent_id, code, position, text, short_title, "
              "graded, "
              "follows_id, comparable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON "
              "CONFLICT(programme_id, code) DO UPDATE SET "
              "parent_id = excluded.parent_id, position = excluded.position, text = excluded.text, "
              "short_title = excluded.short_title, graded = excluded.graded, follows_id = "
              "excluded.follows_id, "
              "comparable = excluded.comparable RETURNING id"));
        auto v = query.scalar({programmeId, nullable(parentId), x.code, position++, x.text,
                               x.shortTitle, x.graded ? 1 : 0, follows, x.comparable ? 1 : 0},
                              QStringLiteral("saving question ") + x.code);
        if (!v)
            return v.error();
        if (Status s = upsertQuestions(programmeId, v->toLongLong(), x.children); !s)
            return s;
    }
    return {};
}

Result<QuestionHoldings> ReferenceRepository::questionHoldings(Id questionId) const
{
    Query query(m_db, q("SELECT (SELECT count(*) FROM findings WHERE question_id = ?), "
                        "(SELECT count(*) FROM judgments WHERE question_id = ?), "
                        "(SELECT count(*) FROM evidence_samples WHERE question_id = ?), "
                        "(SELECT count(*) FROM metrics WHERE question_id = ?), "
                        "(SELECT count(*) FROM document_sections WHERE question_id = ?)"));
    if (Status s = query.exec({questionId, questionId, questionId, questionId, questionId},
                              QStringLiteral("counting what a question holds"));
        !s)
        return s.error();
    QuestionHoldings h;
    if (query.next()) {
        h.findings = query.integer(0);
        h.judgments = query.integer(1);
        h.evidence = query.integer(2);
        h.metrics = query.integer(3);
        h.sections = query.integer(4);
    }
    return h;
}

Result<qint64> ReferenceRepository::programmeHoldings(const QString& programmeCode) const
{
    Query query(
        m_db,
        q("SELECT (SELECT count(*) FROM findings f JOIN questions qn ON qn.id = f.question_id "
          "WHERE qn.programme_id = p.id) "
          "+ (SELECT count(*) FROM judgments j JOIN questions qn ON qn.id = j.question_id WHERE "
          "qn.programme_id = p.id) "
          "+ (SELECT count(*) FROM evidence_samples WHERE programme_id = p.id) "
          "+ (SELECT count(*) FROM metrics WHERE programme_id = p.id) "
          "+ (SELECT count(*) FROM documents WHERE programme_id = p.id) "
          "FROM programmes p WHERE p.code = ?"));
    auto v = query.scalar({programmeCode}, QStringLiteral("counting what a programme holds"));
    if (!v)
        return v.error();
    return v->toLongLong();
}

Result<qint64> ReferenceRepository::personReferences(const QString& personCode) const
{
    Query query(m_db,
                q("SELECT (SELECT count(*) FROM forces WHERE chief_officer_id = p.id) + "
                  "(SELECT count(*) FROM documents WHERE sender_id = p.id OR recipient_id = p.id) "
                  "FROM people p WHERE p.code = ?"));
    auto v = query.scalar({personCode}, QStringLiteral("counting where a person is named"));
    if (!v)
        return v.error();
    return v->toLongLong();
}

Status ReferenceRepository::removeQuestion(Id questionId, const QString& code)
{
    Query query(m_db, q("DELETE FROM questions WHERE id = ?"));
    return query.exec({questionId}, QStringLiteral("removing question ") + code);
}

Status ReferenceRepository::removeProgramme(const QString& code)
{
    Query query(m_db, q("DELETE FROM programmes WHERE code = ?"));
    return query.exec({code}, QStringLiteral("deleting programme ") + code);
}

Status ReferenceRepository::removePerson(const QString& code)
{
    Query query(m_db, q("DELETE FROM people WHERE code = ?"));
    return query.exec({code});
}

} // namespace fwb
