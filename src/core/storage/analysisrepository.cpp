#include "core/storage/analysisrepository.h"

#include "core/storage/query.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
// A list goes in as one JSON array, so the statement is the same whatever its length.
QString jsonList(const QStringList& l)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(l)).toJson(QJsonDocument::Compact));
}
} // namespace

Result<QList<Programme>> AnalysisRepository::programmes() const
{
    Query query(m_db, u"SELECT p.id, p.code, p.title, p.short_title, p.kind, coalesce(s.code, ''), "
                      "p.fieldwork, p.published, p.year FROM programmes p LEFT JOIN grade_scales s "
                      "ON s.id = p.grade_scale_id ORDER BY p.year, p.code"_s);
    if (Status st = query.exec({}, u"reading programmes"_s); !st)
        return st.error();
    QList<Programme> out;
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
        out.push_back(std::move(p));
    }
    return out;
}

Result<int> AnalysisRepository::countFindings(const QStringList& kinds,
                                              const QStringList& forceCodes) const
{
    QString sql = u"SELECT count(*) FROM findings WHERE kind IN "
                  "(SELECT value FROM json_each(?))"_s;
    QList<QVariant> values{jsonList(kinds)};
    if (!forceCodes.isEmpty()) {
        sql += u" AND force_id IN (SELECT id FROM forces WHERE code IN (SELECT value FROM "
               "json_each(?)))"_s;
        values << jsonList(forceCodes);
    }
    Query query(m_db, sql);
    if (Status st = query.execValues(values, u"counting findings"_s); !st)
        return st.error();
    return query.next() ? int(query.integer(0)) : 0;
}

Result<QList<Finding>> AnalysisRepository::findingsOfKinds(const QString& programmeCode,
                                                           const QString& forceCode,
                                                           const QStringList& kinds, int limit,
                                                           int offset) const
{
    if (limit < 0 || offset < 0)
        return Error::make(Error::Code::Invalid,
                           u"a page of findings needs a limit and an offset of 0 or more"_s);
    Query query(
        m_db,
        u"SELECT x.id, x.uid, p.code, f.code, qn.code, x.kind, x.text, x.status, x.updated_at, "
        "x.position, (SELECT group_concat(e.uid, char(31)) FROM finding_evidence fe JOIN "
        "evidence_samples e ON e.id = fe.sample_id WHERE fe.finding_id = x.id), x.version "
        "FROM findings x JOIN questions qn ON qn.id = x.question_id JOIN programmes p ON p.id = "
        "qn.programme_id JOIN forces f ON f.id = x.force_id "
        "WHERE x.force_id = (SELECT id FROM forces WHERE code = ?) "
        "AND x.question_id IN (SELECT id FROM questions WHERE programme_id = "
        "(SELECT id FROM programmes WHERE code = ?)) "
        "AND x.kind IN (SELECT value FROM json_each(?)) "
        "ORDER BY x.question_id, x.position, x.id LIMIT ? OFFSET ?"_s);
    if (Status st = query.exec({forceCode, programmeCode, jsonList(kinds), limit, offset},
                               u"reading findings"_s);
        !st)
        return st.error();
    QList<Finding> out;
    while (query.next())
        out.push_back(readFindingRow(query));
    return out;
}

} // namespace fwb
