#pragma once
// The JSON interchange format (docs/file-formats.md): a whole workbench or a slice of it, as
// plain domain values. Parsing checks shape and values and names the JSON path of any problem;
// references between records are checked when the data is written.

#include "core/domain/types.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace fwb {

struct Interchange {
    QString scopeProgramme, scopeForce;
    QList<Region> regions;
    QList<Person> people;
    QList<Force> forces;
    QList<GradeScale> gradeScales;
    QList<Programme> programmes;
    QList<Judgment> judgments;
    QList<EvidenceSample> evidence;
    QList<Finding> findings;
    QList<Metric> metrics;
    QList<Document> documents;
    QList<ReviewNote> reviewNotes;
    QList<FaResponse> responses;

    int recordCount() const;
};

namespace interchange {

constexpr int FormatVersion = 1;

// Parses a document; `name` is used in error messages ("lancs.json: findings[3].kind: …").
Result<Interchange> parse(const QByteArray& json, const QString& name);
// Writes a document, indented, with records in a stable order.
QByteArray write(const Interchange& data);

// Single records as JSON objects, used for the audit log's before/after.
QJsonObject toJson(const Region& r);
QJsonObject toJson(const Person& p);
QJsonObject toJson(const Force& f);
QJsonObject toJson(const GradeScale& s);
QJsonObject toJson(const Programme& p);
QJsonObject toJson(const Judgment& j);
QJsonObject toJson(const EvidenceSample& e);
QJsonObject toJson(const Finding& f);
QJsonObject toJson(const Metric& m);
QJsonObject toJson(const Document& d);
// A section, without its children unless asked.
QJsonObject toJson(const Section& s, bool withChildren = false);
QJsonObject toJson(const ReviewNote& n);
QJsonObject toJson(const FaResponse& r);
QString compact(const QJsonObject& o);

} // namespace interchange
} // namespace fwb
