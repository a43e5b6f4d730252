#include "core/storage/versionrepository.h"

#include "core/storage/query.h"

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
// The table of each kind of row. Names come from this list only, never from input.
QString table(Versioned kind)
{
    switch (kind) {
    case Versioned::Finding:
        return u"findings"_s;
    case Versioned::Judgment:
        return u"judgments"_s;
    case Versioned::Section:
        return u"document_sections"_s;
    case Versioned::Evidence:
        return u"evidence_samples"_s;
    case Versioned::Metric:
        return u"metrics"_s;
    case Versioned::Document:
        return u"documents"_s;
    case Versioned::ReviewNote:
        return u"review_notes"_s;
    case Versioned::Response:
        return u"fa_responses"_s;
    }
    return {};
}
} // namespace

Result<qint64> VersionRepository::version(Versioned kind, Id id) const
{
    Query query(m_db, u"SELECT version FROM "_s + table(kind) + u" WHERE id = ?"_s);
    auto v = query.scalar({id}, u"reading a version"_s);
    if (!v)
        return v.error();
    if (!v->isValid())
        return Error::make(Error::Code::NotFound, u"the record is no longer there"_s);
    return v->toLongLong();
}

Result<qint64> VersionRepository::claim(Versioned kind, Id id, qint64 read)
{
    Query query(m_db, u"UPDATE "_s + table(kind) +
                          u" SET version = version + 1 WHERE id = ? AND version = ?"_s);
    if (Status s = query.exec({id, read}, u"saving"_s); !s)
        return s.error();
    if (query.rowsAffected() == 1)
        return read + 1;
    auto now = version(kind, id);
    if (!now)
        return now.error();
    return Error::make(Error::Code::Stale, u"the record was changed by someone else"_s);
}

VersionRepository::LastChange VersionRepository::lastChange(const QString& entity,
                                                            const QString& key) const
{
    Query query(m_db, u"SELECT actor, at FROM audit_log WHERE entity = ? AND entity_key = ? "
                      "ORDER BY id DESC LIMIT 1"_s);
    if (query.exec({entity, key}) && query.next())
        return {query.text(0), query.text(1)};
    return {};
}

} // namespace fwb
