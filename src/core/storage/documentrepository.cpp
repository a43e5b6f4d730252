#include "core/storage/documentrepository.h"
#include "core/storage/query.h"

namespace fwb {
namespace {
QString q(const char* s)
{
    return QString::fromLatin1(s);
}
} // namespace

static const char* kDocumentSelect =
    "SELECT d.id, d.uid, p.code, f.code, d.kind, d.title, d.subtitle, d.status, d.dated, "
    "d.embargo, "
    "coalesce(s.code, ''), coalesce(r.code, ''), d.reference, d.version FROM documents d "
    "JOIN programmes p ON p.id = d.programme_id JOIN forces f ON f.id = d.force_id "
    "LEFT JOIN people s ON s.id = d.sender_id LEFT JOIN people r ON r.id = d.recipient_id WHERE 1 "
    "= 1";

QList<Document> DocumentRepository::documents(const QString& programmeCode,
                                              const QString& forceCode) const
{
    QString sql = q(kDocumentSelect);
    if (!programmeCode.isEmpty())
        sql += q(" AND p.code = :p");
    if (!forceCode.isEmpty())
        sql += q(" AND f.code = :f");
    sql += q(" ORDER BY p.year, f.name, d.kind, d.id");
    QSqlQuery query(m_db.sql());
    query.prepare(sql);
    if (!programmeCode.isEmpty())
        query.bindValue(q(":p"), programmeCode);
    if (!forceCode.isEmpty())
        query.bindValue(q(":f"), forceCode);
    QList<Document> out;
    if (!query.exec()) {
        m_db.noteReadFailure(m_db.lastError(QStringLiteral("reading documents")));
        return out;
    }
    while (query.next()) {
        Document d;
        d.id = query.value(0).toLongLong();
        d.uid = query.value(1).toString();
        d.programmeCode = query.value(2).toString();
        d.forceCode = query.value(3).toString();
        d.kind = query.value(4).toString();
        d.title = query.value(5).toString();
        d.subtitle = query.value(6).toString();
        d.status = query.value(7).toString();
        d.dated = query.value(8).toString();
        d.embargo = query.value(9).toString();
        d.senderCode = query.value(10).toString();
        d.recipientCode = query.value(11).toString();
        d.reference = query.value(12).toString();
        d.version = query.value(13).toLongLong();
        out.push_back(d);
    }
    for (Document& d : out)
        d.sections = sections(d.id);
    return out;
}

std::optional<Document> DocumentRepository::document(const QString& uid) const
{
    Query query(
        m_db, q("SELECT p.code, f.code FROM documents d JOIN programmes p ON p.id = d.programme_id "
                "JOIN forces f ON f.id = d.force_id WHERE d.uid = ?"));
    if (!query.exec({uid}) || !query.next())
        return std::nullopt;
    for (const Document& d : documents(query.text(0), query.text(1)))
        if (d.uid == uid)
            return d;
    return std::nullopt;
}

Result<QStringList>
DocumentRepository::forcesWithPublishedDocument(const QString& programmeCode) const
{
    Query query(m_db,
                q("SELECT DISTINCT f.code FROM documents d JOIN forces f ON f.id = d.force_id "
                  "JOIN programmes p ON p.id = d.programme_id WHERE p.code = ? AND d.status = "
                  "'published'"));
    if (Status s = query.exec({programmeCode}, QStringLiteral("reading the published documents"));
        !s)
        return s.error();
    QStringList out;
    while (query.next())
        out << query.text(0);
    return out;
}

QList<Section> DocumentRepository::sections(Id documentId) const
{
    struct Row {
        Section s;
        Id parent;
    };
    QList<Row> rows;
    Query query(m_db,
                q("SELECT s.id, s.uid, s.kind, s.title, s.body, coalesce(qn.code, ''), "
                  "coalesce(s.finding_kind, ''), s.figure, s.position, coalesce(s.parent_id, 0), "
                  "s.version "
                  "FROM document_sections s LEFT JOIN questions qn ON qn.id = s.question_id "
                  "WHERE s.document_id = ? ORDER BY s.position, s.id"));
    if (!query.exec({documentId})) {
        m_db.noteReadFailure(m_db.lastError(QStringLiteral("reading a document's sections")));
        return {};
    }
    while (query.next()) {
        Section s;
        s.id = query.integer(0);
        s.uid = query.text(1);
        s.kind = query.text(2);
        s.title = query.text(3);
        s.body = query.text(4);
        s.questionCode = query.text(5);
        s.findingKind = query.text(6);
        s.figure = query.text(7);
        s.position = int(query.integer(8));
        s.version = query.integer(10);
        rows.push_back({s, query.integer(9)});
    }
    std::function<QList<Section>(Id)> build = [&](Id parent) {
        QList<Section> level;
        for (const Row& r : rows)
            if (r.parent == parent) {
                Section s = r.s;
                s.children = build(s.id);
                level.push_back(s);
            }
        return level;
    };
    return build(0);
}

Result<Upserted> DocumentRepository::upsertDocument(const Document& d)
{
    static const QStringList kinds{q("letter"), q("report")};
    if (!kinds.contains(d.kind))
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("unknown document kind \"%1\" (letter or report)").arg(d.kind));
    auto programme = m_ref.programmeId(d.programmeCode);
    if (!programme)
        return programme.error();
    auto force = m_ref.forceId(d.forceCode);
    if (!force)
        return force.error();
    QVariant sender, recipient;
    if (!d.senderCode.isEmpty()) {
        auto s = m_ref.personId(d.senderCode);
        if (!s)
            return s.error();
        sender = *s;
    }
    if (!d.recipientCode.isEmpty()) {
        auto r = m_ref.personId(d.recipientCode);
        if (!r)
            return r.error();
        recipient = *r;
    }
    Query exists(m_db, q("SELECT id FROM documents WHERE uid = ?"));
    auto prior = exists.scalar({d.uid});
    if (!prior)
        return prior.error();
    Query query(m_db,
                q("INSERT INTO documents(uid, programme_id, force_id, kind, title, subtitle, "
                  "status, dated, "
                  "embargo, sender_id, recipient_id, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                  "?, ?, ?) "
                  "ON CONFLICT(uid) DO UPDATE SET programme_id = excluded.programme_id, "
                  "force_id = excluded.force_id, kind = excluded.kind, title = excluded.title, "
                  "subtitle = excluded.subtitle, status = excluded.status, dated = excluded.dated, "
                  "embargo = excluded.embargo, sender_id = excluded.sender_id, "
                  "recipient_id = excluded.recipient_id, reference = excluded.reference, "
                  "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') RETURNING id"));
    auto v = query.scalar({d.uid, *programme, *force, d.kind, d.title, d.subtitle, d.status,
                           d.dated, d.embargo, sender, recipient, d.reference},
                          QStringLiteral("saving document ") + d.uid);
    if (!v)
        return v.error();
    const Id id = v->toLongLong();
    Query clear(m_db, q("DELETE FROM document_sections WHERE document_id = ?"));
    if (Status s = clear.exec({id}); !s)
        return s.error();
    if (Status s = insertSections(id, *programme, d.programmeCode, 0, d.sections); !s)
        return s.error();
    return Upserted{id, !prior->isValid()};
}

std::optional<QString> DocumentRepository::documentOfSection(const QString& sectionUid) const
{
    Query query(m_db, q("SELECT d.uid FROM document_sections s JOIN documents d ON d.id = "
                        "s.document_id WHERE s.uid = ?"));
    if (!query.exec({sectionUid}) || !query.next())
        return std::nullopt;
    return query.text(0);
}

Status DocumentRepository::removeDocument(const QString& uid)
{
    Query del(m_db, q("DELETE FROM documents WHERE uid = ?"));
    return del.exec({uid}, QStringLiteral("deleting document ") + uid);
}

Status DocumentRepository::updateParticulars(const Document& d)
{
    QVariant sender, recipient;
    if (!d.senderCode.isEmpty()) {
        auto p = m_ref.personId(d.senderCode);
        if (!p)
            return p.error();
        sender = *p;
    }
    if (!d.recipientCode.isEmpty()) {
        auto p = m_ref.personId(d.recipientCode);
        if (!p)
            return p.error();
        recipient = *p;
    }
    Query query(m_db, q("UPDATE documents SET title = ?, subtitle = ?, status = ?, dated = ?, "
                        "embargo = ?, sender_id = ?, "
                        "recipient_id = ?, reference = ?, updated_at = "
                        "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE uid = ?"));
    return query.exec(
        {d.title, d.subtitle, d.status, d.dated, d.embargo, sender, recipient, d.reference, d.uid},
        QStringLiteral("saving document ") + d.uid);
}

Status DocumentRepository::updateSectionBody(const QString& sectionUid, const QString& body)
{
    Query query(m_db, q("UPDATE document_sections SET body = ? WHERE uid = ?"));
    if (Status s = query.exec({body, sectionUid}, QStringLiteral("saving section ") + sectionUid);
        !s)
        return s;
    if (query.rowsAffected() != 1)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no section \"%1\"").arg(sectionUid));
    return {};
}

Status DocumentRepository::insertSections(Id documentId, Id programmeId,
                                          const QString& programmeCode, Id parentId,
                                          const QList<Section>& sections)
{
    int position = 1;
    for (const Section& s : sections) {
        QVariant question;
        if (!s.questionCode.isEmpty()) {
            auto qid = m_ref.questionId(programmeId, programmeCode, s.questionCode);
            if (!qid)
                return qid.error();
            question = *qid;
        }
        Query ins(m_db, q("INSERT INTO document_sections(uid, document_id, parent_id, position, "
                          "kind, title, body, "
                          "question_id, finding_kind, figure, version) VALUES (?, ?, ?, ?, ?, ?, "
                          "?, ?, ?, ?, ?) RETURNING id"));
        // A section written again around an edit keeps its version; a new one starts at 1.
        auto v =
            ins.scalar({s.uid, documentId, nullable(parentId), position++, s.kind, s.title, s.body,
                        question, nullable(s.findingKind), s.figure, qMax<qint64>(s.version, 1)},
                       QStringLiteral("saving section ") + s.uid);
        if (!v)
            return v.error();
        if (Status st =
                insertSections(documentId, programmeId, programmeCode, v->toLongLong(), s.children);
            !st)
            return st;
    }
    return {};
}

static const char* kNoteSelect = "SELECT id, uid, target, author, body, status, answer, "
                                 "answered_by, created_at, resolved_at, version FROM review_notes";

static ReviewNote noteFrom(const Query& query)
{
    return ReviewNote{query.integer(0), query.text(1), query.text(2),    query.text(3),
                      query.text(4),    query.text(5), query.text(6),    query.text(7),
                      query.text(8),    query.text(9), query.integer(10)};
}

QList<ReviewNote> DocumentRepository::reviewNotes() const
{
    QList<ReviewNote> out;
    Query query(m_db, q(kNoteSelect) + q(" ORDER BY id"));
    if (query.exec())
        while (query.next())
            out.push_back(noteFrom(query));
    return out;
}

std::optional<ReviewNote> DocumentRepository::reviewNote(const QString& uid) const
{
    Query query(m_db, q(kNoteSelect) + q(" WHERE uid = ?"));
    if (query.exec({uid}) && query.next())
        return noteFrom(query);
    return std::nullopt;
}

Result<Upserted> DocumentRepository::upsertReviewNote(const ReviewNote& n)
{
    // The target must name something in the workbench: finding:<uid>, section:<uid> or
    // judgment:<programme>/<force>/<question>.
    const QString kind = n.target.section(QLatin1Char(':'), 0, 0);
    const QString key = n.target.section(QLatin1Char(':'), 1);
    QString sql;
    QList<QVariant> values;
    if (kind == QLatin1String("finding")) {
        sql = q("SELECT 1 FROM findings WHERE uid = ?");
        values = {key};
    } else if (kind == QLatin1String("section")) {
        sql = q("SELECT 1 FROM document_sections WHERE uid = ?");
        values = {key};
    } else if (kind == QLatin1String("document")) {
        sql = q("SELECT 1 FROM documents WHERE uid = ?");
        values = {key};
    } else if (kind == QLatin1String("judgment") && key.count(QLatin1Char('/')) == 2) {
        sql = q("SELECT 1 FROM judgments j JOIN questions qn ON qn.id = j.question_id JOIN "
                "programmes p ON "
                "p.id = qn.programme_id JOIN forces f ON f.id = j.force_id WHERE p.code = ? AND "
                "f.code = ? AND qn.code = ?");
        values = {key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1, 1),
                  key.section(QLatin1Char('/'), 2, 2)};
    } else {
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("target \"%1\" is not finding:<uid>, section:<uid>, document:<uid> or "
                           "judgment:<programme>/<force>/<question>")
                .arg(n.target));
    }
    Query target(m_db, sql);
    auto found = values.size() == 1 ? target.scalar({values[0]})
                                    : target.scalar({values[0], values[1], values[2]});
    if (!found)
        return found.error();
    if (!found->isValid())
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no %1 \"%2\" for the note to attach to").arg(kind, key));
    Query exists(m_db, q("SELECT id FROM review_notes WHERE uid = ?"));
    auto prior = exists.scalar({n.uid});
    if (!prior)
        return prior.error();
    Query query(
        m_db,
        q("INSERT INTO review_notes(uid, target, author, body, status, answer, answered_by, "
          "resolved_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT(uid) DO UPDATE SET target = excluded.target, author = excluded.author, "
          "body = excluded.body, status = excluded.status, answer = excluded.answer, "
          "answered_by = excluded.answered_by, resolved_at = excluded.resolved_at RETURNING id"));
    auto v = query.scalar(
        {n.uid, n.target, n.author, n.body, n.status, n.answer, n.answeredBy, n.resolvedAt},
        QStringLiteral("saving review note ") + n.uid);
    if (!v)
        return v.error();
    return Upserted{v->toLongLong(), !prior->isValid()};
}

static const char* kResponseSelect =
    "SELECT r.id, r.uid, d.uid, r.reference, r.current_text, r.proposed_change, "
    "r.evidence_offered, r.category, "
    "r.decision, r.reason, coalesce(rr.uid, ''), r.target, r.form_row, r.wording, r.revision, "
    "r.decided_by, "
    "r.decided_at, r.version FROM fa_responses r JOIN documents d ON d.id = r.document_id "
    "LEFT JOIN review_rounds rr ON rr.id = r.round_id";

FaResponse DocumentRepository::responseFrom(const Query& query)
{
    return FaResponse{query.integer(0),       query.text(1),  query.text(2),
                      query.text(3),          query.text(4),  query.text(5),
                      query.text(6),          query.text(7),  query.text(8),
                      query.text(9),          query.text(10), query.text(11),
                      int(query.integer(12)), query.text(13), int(query.integer(14)),
                      query.text(15),         query.text(16), query.integer(17)};
}

QList<FaResponse> DocumentRepository::roundResponses(const QString& roundUid) const
{
    QList<FaResponse> out;
    Query query(m_db, q(kResponseSelect) + q(" WHERE rr.uid = ? ORDER BY r.form_row, r.id"));
    if (query.exec({roundUid}))
        while (query.next())
            out.push_back(responseFrom(query));
    return out;
}

std::optional<FaResponse> DocumentRepository::response(const QString& uid) const
{
    Query query(m_db, q(kResponseSelect) + q(" WHERE r.uid = ?"));
    if (query.exec({uid}) && query.next())
        return responseFrom(query);
    return std::nullopt;
}

QList<FaResponse> DocumentRepository::responses(const QString& documentUid) const
{
    QList<FaResponse> out;
    Query query(m_db, q(kResponseSelect) + q(" WHERE (? = '' OR d.uid = ?) ORDER BY r.id"));
    if (query.exec({documentUid, documentUid}))
        while (query.next())
            out.push_back(responseFrom(query));
    return out;
}

Result<Upserted> DocumentRepository::upsertResponse(const FaResponse& r)
{
    Query doc(m_db, q("SELECT id FROM documents WHERE uid = ?"));
    auto d = doc.scalar({r.documentUid});
    if (!d)
        return d.error();
    if (!d->isValid())
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no document \"%1\"").arg(r.documentUid));
    Query exists(m_db, q("SELECT id FROM fa_responses WHERE uid = ?"));
    auto prior = exists.scalar({r.uid});
    if (!prior)
        return prior.error();
    QVariant round;
    if (!r.roundUid.isEmpty()) {
        Query rq(m_db, q("SELECT id FROM review_rounds WHERE uid = ?"));
        auto id = rq.scalar({r.roundUid});
        if (!id)
            return id.error();
        if (!id->isValid())
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no review round \"%1\"").arg(r.roundUid));
        round = *id;
    }
    Query query(
        m_db,
        q("INSERT INTO fa_responses(uid, document_id, reference, current_text, proposed_change, "
          "evidence_offered, category, decision, reason, round_id, target, form_row, wording, "
          "revision, "
          "decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT(uid) DO UPDATE SET document_id = excluded.document_id, "
          "reference = excluded.reference, current_text = excluded.current_text, "
          "proposed_change = excluded.proposed_change, evidence_offered = "
          "excluded.evidence_offered, "
          "category = excluded.category, decision = excluded.decision, reason = excluded.reason, "
          "round_id = excluded.round_id, target = excluded.target, form_row = excluded.form_row, "
          "wording = excluded.wording, revision = excluded.revision, decided_by = "
          "excluded.decided_by, "
          "decided_at = excluded.decided_at RETURNING id"));
    auto v = query.scalar({r.uid, *d, r.reference, r.currentText, r.proposedChange,
                           r.evidenceOffered, r.category, r.decision, r.reason, round, r.target,
                           r.formRow, r.wording, r.revision, r.decidedBy, r.decidedAt},
                          QStringLiteral("saving response ") + r.uid);
    if (!v)
        return v.error();
    return Upserted{v->toLongLong(), !prior->isValid()};
}

// ---- audit log --------------------------------------------------------------------------------

Status AuditLog::append(const QString& actor, const QString& action, const QString& entity,
                        const QString& key, const QString& before, const QString& after)
{
    Query query(m_db, q("INSERT INTO audit_log(actor, action, entity, entity_key, before, after) "
                        "VALUES (?, ?, ?, ?, ?, ?)"));
    return query.exec({actor, action, entity, key, before.isNull() ? QVariant() : QVariant(before),
                       after.isNull() ? QVariant() : QVariant(after)},
                      QStringLiteral("recording the change"));
}

QList<AuditEntry> AuditLog::entries(const QString& entity, const QString& key, int limit) const
{
    QList<AuditEntry> out;
    Query query(m_db,
                q("SELECT id, at, actor, action, entity, entity_key, coalesce(before, ''), "
                  "coalesce(after, '') "
                  "FROM audit_log WHERE (? = '' OR entity = ?) AND (? = '' OR entity_key = ?) "
                  "ORDER BY id DESC LIMIT ?"));
    if (query.exec({entity, entity, key, key, limit}))
        while (query.next())
            out.push_back({query.integer(0), query.text(1), query.text(2), query.text(3),
                           query.text(4), query.text(5), query.text(6), query.text(7)});
    return out;
}

qint64 AuditLog::count() const
{
    Query query(m_db, q("SELECT count(*) FROM audit_log"));
    auto v = query.scalar();
    return v ? v->toLongLong() : 0;
}

QList<Document> DocumentRepository::documentsOfKind(const QString& programmeCode,
                                                    const QString& kind,
                                                    const QString& forceCode) const
{
    QList<Document> out;
    for (const Document& d : documents(programmeCode, forceCode))
        if (d.kind == kind)
            out << d;
    return out;
}

Result<Document> DocumentRepository::findDocument(const QString& programmeCode,
                                                  const QString& forceCode,
                                                  const QString& kind) const
{
    const QList<Document> found = documentsOfKind(programmeCode, kind, forceCode);
    if (found.isEmpty())
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("there is no %1 for %2 in %3").arg(kind, forceCode, programmeCode));
    if (found.size() > 1) {
        QStringList uids;
        for (const Document& d : found)
            uids << d.uid;
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("%1 has %2 %3s for %4 (%5)")
                               .arg(programmeCode)
                               .arg(found.size())
                               .arg(kind, forceCode, uids.join(QStringLiteral(", "))));
    }
    return found.first();
}

} // namespace fwb
