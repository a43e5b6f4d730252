#include "core/storage/workbenchrepository.h"

#include "core/storage/query.h"

using namespace Qt::StringLiterals;

namespace fwb {

RecordCounts WorkbenchRepository::counts() const
{
    RecordCounts c;
    Query q(m_db, u"SELECT (SELECT count(*) FROM regions), (SELECT count(*) FROM forces), "
                  "(SELECT count(*) FROM people), (SELECT count(*) FROM programmes), "
                  "(SELECT count(*) FROM questions), (SELECT count(*) FROM judgments), "
                  "(SELECT count(*) FROM findings), (SELECT count(*) FROM evidence_samples), "
                  "(SELECT count(*) FROM metrics), (SELECT count(*) FROM documents), "
                  "(SELECT count(*) FROM review_notes), (SELECT count(*) FROM fa_responses), "
                  "(SELECT count(*) FROM audit_log)"_s);
    if (q.exec({}, u"counting the records"_s) && q.next()) {
        qint64* fields[] = {&c.regions,     &c.forces,    &c.people,      &c.programmes,
                            &c.questions,   &c.judgments, &c.findings,    &c.evidence,
                            &c.metrics,     &c.documents, &c.reviewNotes, &c.responses,
                            &c.auditEntries};
        for (int k = 0; k < 13; ++k)
            *fields[k] = q.integer(k);
    }
    return c;
}

Status WorkbenchRepository::recordCreation(const QString& createdBy)
{
    Query q(m_db, u"INSERT INTO workbench_info(key, value) VALUES ('created_at', "
                  "strftime('%Y-%m-%dT%H:%M:%SZ','now')), ('created_by', ?)"_s);
    return q.exec({createdBy}, u"recording the workbench's creation"_s);
}

} // namespace fwb
