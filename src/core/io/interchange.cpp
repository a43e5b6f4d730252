#include "core/io/interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <functional>

using namespace Qt::StringLiterals;

namespace fwb {

int Interchange::recordCount() const
{
    return int(regions.size() + people.size() + forces.size() + gradeScales.size() +
               programmes.size() + judgments.size() + evidence.size() + findings.size() +
               metrics.size() + documents.size() + reviewNotes.size() + responses.size());
}

namespace interchange {
namespace {
QJsonValue orNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

// Reads fields of one JSON object, recording the first problem with its path.
class Reader {
public:
    explicit Reader(QString name) : m_name(std::move(name)) {}
    bool failed() const { return !m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    void fail(const QString& path, const QString& message)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2: %3").arg(m_name, path, message);
    }

    QString str(const QJsonObject& o, const QString& path, const char* key, bool required = true)
    {
        const QJsonValue v = o.value(QString::fromUtf8(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path + QLatin1Char('.') + QString::fromUtf8(key), u"is missing"_s);
            return QString();
        }
        if (!v.isString()) {
            fail(path + QLatin1Char('.') + QString::fromUtf8(key), u"must be a string"_s);
            return QString();
        }
        const QString s = v.toString();
        if (required && s.trimmed().isEmpty())
            fail(path + QLatin1Char('.') + QString::fromUtf8(key), u"must not be empty"_s);
        return s;
    }
    // A code or a uid: the one rule of domain/types.h (codeProblem), because these become
    // command-line arguments and parts of file names.
    QString code(const QJsonObject& o, const QString& path, const char* key, bool required = true)
    {
        return checkedCode(str(o, path, key, required),
                           path + QLatin1Char('.') + QString::fromUtf8(key), "code");
    }
    QString uid(const QJsonObject& o, const QString& path, const char* key, bool required = true)
    {
        return checkedCode(str(o, path, key, required),
                           path + QLatin1Char('.') + QString::fromUtf8(key), "uid");
    }
    QString checkedCode(const QString& s, const QString& path, const char* what)
    {
        if (s.isEmpty())
            return s; // missing or empty is reported by str
        if (!isValidCode(s))
            fail(path, invalidCodeMessage(QString::fromUtf8(what), s));
        return s;
    }
    QString oneOf(const QJsonObject& o, const QString& path, const char* key,
                  const QStringList& allowed, const QString& fallback = {})
    {
        QString s = str(o, path, key, fallback.isNull());
        if (s.isEmpty() && !fallback.isNull())
            return fallback;
        if (!s.isEmpty() && !allowed.contains(s))
            fail(path + QLatin1Char('.') + QString::fromUtf8(key),
                 QStringLiteral("\"%1\" is not one of %2")
                     .arg(s, allowed.join(QStringLiteral(", "))));
        return s;
    }
    bool boolean(const QJsonObject& o, const QString& path, const char* key)
    {
        const QJsonValue v = o.value(QString::fromUtf8(key));
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            fail(path + QLatin1Char('.') + QString::fromUtf8(key), u"must be true or false"_s);
        return v.toBool();
    }
    std::optional<double> number(const QJsonObject& o, const QString& path, const char* key,
                                 bool required)
    {
        const QJsonValue v = o.value(QString::fromUtf8(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path + QLatin1Char('.') + QString::fromUtf8(key), u"is missing"_s);
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(path + QLatin1Char('.') + QString::fromUtf8(key), u"must be a number"_s);
            return std::nullopt;
        }
        return v.toDouble();
    }
    std::optional<int> integer(const QJsonObject& o, const QString& path, const char* key,
                               bool required)
    {
        const auto d = number(o, path, key, required);
        if (!d)
            return std::nullopt;
        if (*d != double(qint64(*d)) || *d > 2e9 || *d < -2e9) {
            fail(path + QLatin1Char('.') + QString::fromUtf8(key), u"must be a whole number"_s);
            return std::nullopt;
        }
        return int(*d);
    }
    QJsonArray array(const QJsonObject& o, const QString& path, const char* key)
    {
        const QJsonValue v = o.value(QString::fromUtf8(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(path + QLatin1Char('.') + QString::fromUtf8(key), u"must be an array"_s);
        return v.toArray();
    }
    // Calls f(object, path) for each element, which must be objects.
    void each(const QJsonObject& o, const QString& parent, const char* key,
              const std::function<void(const QJsonObject&, const QString&)>& f)
    {
        const QJsonArray a = array(o, parent, key);
        const QString base = parent.isEmpty() ? QString::fromUtf8(key)
                                              : parent + QLatin1Char('.') + QString::fromUtf8(key);
        for (int i = 0; i < a.size() && !failed(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(base).arg(i);
            if (!a[i].isObject()) {
                fail(path, u"must be an object"_s);
                return;
            }
            f(a[i].toObject(), path);
        }
    }

private:
    QString m_name;
    QString m_error;
};

const QStringList kMethods{u"file_review"_s, u"dip_sample"_s, u"survey"_s, u"interview"_s,
                           u"focus_group"_s};
const QStringList kSectionKinds{u"narrative"_s,
                                u"judgment"_s,
                                u"overview"_s,
                                u"findings"_s,
                                u"areas_for_improvement"_s,
                                u"metrics_table"_s,
                                u"chart"_s,
                                u"grade_definitions"_s,
                                u"contents"_s,
                                u"letter_opening"_s,
                                u"letter_closing"_s};
const QStringList kCategories{u"factual_error"_s, u"typo"_s, u"challenge_to_judgment"_s,
                              u"other"_s};
const QStringList kDecisions{u""_s, u"accepted"_s, u"partly_accepted"_s, u"rejected"_s};

Question readQuestion(Reader& r, const QJsonObject& o, const QString& path)
{
    Question x;
    x.code = r.code(o, path, "code");
    x.text = r.str(o, path, "text");
    x.shortTitle = r.str(o, path, "short_title", false);
    x.graded = r.boolean(o, path, "graded");
    x.follows = r.str(o, path, "follows", false);
    if (!x.follows.isEmpty() &&
        (x.follows.count(QLatin1Char('/')) != 1 || x.follows.startsWith(QLatin1Char('/')) ||
         x.follows.endsWith(QLatin1Char('/'))))
        r.fail(path + u".follows"_s, u"must be \"programme/question\""_s);
    else if (!x.follows.isEmpty())
        for (const QString& part : x.follows.split(QLatin1Char('/')))
            r.checkedCode(part, path + u".follows"_s, "code");
    x.comparable = !o.contains(u"comparable"_s) || o.value(u"comparable"_s).isNull() ||
                   r.boolean(o, path, "comparable");
    r.each(o, path, "children", [&](const QJsonObject& c, const QString& p) {
        x.children.push_back(readQuestion(r, c, p));
    });
    return x;
}

Section readSection(Reader& r, const QJsonObject& o, const QString& path)
{
    Section s;
    s.uid = r.uid(o, path, "uid");
    s.kind = r.oneOf(o, path, "kind", kSectionKinds);
    s.title = r.str(o, path, "title", false);
    s.body = r.str(o, path, "body", false);
    s.questionCode = r.code(o, path, "question", false);
    s.findingKind = r.str(o, path, "finding_kind", false);
    if (!s.findingKind.isEmpty() && !findingKinds().contains(s.findingKind))
        r.fail(path + u".finding_kind"_s,
               QStringLiteral("\"%1\" is not a finding kind").arg(s.findingKind));
    s.figure = r.str(o, path, "figure", false);
    static const QStringList needsQuestion{u"judgment"_s, u"overview"_s, u"findings"_s,
                                           u"areas_for_improvement"_s};
    if (needsQuestion.contains(s.kind) && s.questionCode.isEmpty())
        r.fail(path + u".question"_s,
               QStringLiteral("a \"%1\" section needs a question").arg(s.kind));
    r.each(o, path, "children", [&](const QJsonObject& c, const QString& p) {
        s.children.push_back(readSection(r, c, p));
    });
    return s;
}

QJsonArray questionsJson(const QList<Question>& list)
{
    QJsonArray a;
    for (const Question& x : list) {
        QJsonObject q{{u"code"_s, x.code},
                      {u"text"_s, x.text},
                      {u"short_title"_s, x.shortTitle},
                      {u"graded"_s, x.graded},
                      {u"children"_s, questionsJson(x.children)}};
        if (!x.follows.isEmpty())
            q.insert(u"follows"_s, x.follows);
        if (!x.comparable)
            q.insert(u"comparable"_s, false);
        a.append(q);
    }
    return a;
}

QJsonObject sectionJson(const Section& s, bool withChildren);

QJsonArray sectionsJson(const QList<Section>& list)
{
    QJsonArray a;
    for (const Section& s : list)
        a.append(sectionJson(s, true));
    return a;
}

QJsonObject sectionJson(const Section& s, bool withChildren)
{
    QJsonObject o{{u"uid"_s, s.uid},
                  {u"kind"_s, s.kind},
                  {u"title"_s, s.title},
                  {u"body"_s, s.body},
                  {u"question"_s, orNull(s.questionCode)},
                  {u"finding_kind"_s, orNull(s.findingKind)},
                  {u"figure"_s, s.figure}};
    if (withChildren)
        o.insert(u"children"_s, sectionsJson(s.children));
    return o;
}

template <class T> QJsonArray arrayOf(const QList<T>& list)
{
    QJsonArray a;
    for (const T& x : list)
        a.append(toJson(x));
    return a;
}

// Keys must be unique within a file: a second record with the same key would silently merge
// into the first (and a question code used twice in one tree would make a cycle).
class UniqueKeys {
public:
    // Returns an error text when key was seen before in this scope.
    QString add(const QString& key, const QString& path, const char* field)
    {
        auto it = m_seen.constFind(key);
        if (it != m_seen.constEnd())
            return QStringLiteral("%1.%2: \"%3\" appears twice (also %4)")
                .arg(path, QString::fromUtf8(field), key, *it);
        m_seen.insert(key, path);
        return {};
    }

private:
    QHash<QString, QString> m_seen;
};

QString questionDuplicates(const QList<Question>& list, const QString& path, UniqueKeys& keys)
{
    for (int i = 0; i < list.size(); ++i) {
        const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (QString e = keys.add(list[i].code, p, "code"); !e.isEmpty())
            return e;
        if (QString e = questionDuplicates(list[i].children, p + u".children"_s, keys);
            !e.isEmpty())
            return e;
    }
    return {};
}

QString sectionDuplicates(const QList<Section>& list, const QString& path, UniqueKeys& keys)
{
    for (int i = 0; i < list.size(); ++i) {
        const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (QString e = keys.add(list[i].uid, p, "uid"); !e.isEmpty())
            return e;
        if (QString e = sectionDuplicates(list[i].children, p + u".children"_s, keys); !e.isEmpty())
            return e;
    }
    return {};
}

template <class T, class Key>
QString listDuplicates(const QList<T>& list, const char* array, const char* field, Key key)
{
    UniqueKeys keys;
    for (int i = 0; i < list.size(); ++i)
        if (QString e = keys.add(
                key(list[i]), QStringLiteral("%1[%2]").arg(QString::fromUtf8(array)).arg(i), field);
            !e.isEmpty())
            return e;
    return {};
}

QString duplicates(const Interchange& d)
{
    const QStringList found{
        listDuplicates(d.regions, "regions", "code", [](const Region& x) { return x.code; }),
        listDuplicates(d.people, "people", "code", [](const Person& x) { return x.code; }),
        listDuplicates(d.forces, "forces", "code", [](const Force& x) { return x.code; }),
        listDuplicates(d.gradeScales, "grade_scales", "code",
                       [](const GradeScale& x) { return x.code; }),
        listDuplicates(d.programmes, "programmes", "code",
                       [](const Programme& x) { return x.code; }),
        listDuplicates(d.judgments, "judgments", "question",
                       [](const Judgment& x) -> QString {
                           return x.programmeCode + QLatin1Char('/') + x.forceCode +
                                  QLatin1Char('/') + x.questionCode;
                       }),
        listDuplicates(d.evidence, "evidence", "uid",
                       [](const EvidenceSample& x) { return x.uid; }),
        listDuplicates(d.findings, "findings", "uid", [](const Finding& x) { return x.uid; }),
        listDuplicates(d.metrics, "metrics", "uid", [](const Metric& x) { return x.uid; }),
        listDuplicates(d.documents, "documents", "uid", [](const Document& x) { return x.uid; }),
        listDuplicates(d.reviewNotes, "review_notes", "uid",
                       [](const ReviewNote& x) { return x.uid; }),
        listDuplicates(d.responses, "responses", "uid", [](const FaResponse& x) { return x.uid; })};
    for (const QString& e : found)
        if (!e.isEmpty())
            return e;
    for (int i = 0; i < d.gradeScales.size(); ++i) {
        UniqueKeys keys;
        const auto& grades = d.gradeScales[i].grades;
        for (int g = 0; g < grades.size(); ++g)
            if (QString e =
                    keys.add(grades[g].code,
                             QStringLiteral("grade_scales[%1].grades[%2]").arg(i).arg(g), "code");
                !e.isEmpty())
                return e;
    }
    for (int i = 0; i < d.programmes.size(); ++i) {
        UniqueKeys keys;
        if (QString e = questionDuplicates(d.programmes[i].questions,
                                           QStringLiteral("programmes[%1].questions").arg(i), keys);
            !e.isEmpty())
            return e;
    }
    UniqueKeys sections; // section uids are unique across documents
    for (int i = 0; i < d.documents.size(); ++i)
        if (QString e = sectionDuplicates(
                d.documents[i].sections, QStringLiteral("documents[%1].sections").arg(i), sections);
            !e.isEmpty())
            return e;
    return {};
}

} // namespace

QJsonObject toJson(const Region& r)
{
    return {{u"code"_s, r.code}, {u"name"_s, r.name}};
}

QJsonObject toJson(const Person& p)
{
    return {{u"code"_s, p.code},
            {u"name"_s, p.name},
            {u"title"_s, p.title},
            {u"post_nominals"_s, p.postNominals},
            {u"post"_s, p.post},
            {u"greeting"_s, p.greeting},
            {u"address_name"_s, p.addressName},
            {u"force"_s, orNull(p.forceCode)}};
}

QJsonObject toJson(const Force& f)
{
    return {{u"code"_s, f.code},
            {u"name"_s, f.name},
            {u"short_name"_s, f.shortName},
            {u"region"_s, f.regionCode},
            {u"style"_s, f.style},
            {u"chief_officer"_s, orNull(f.chiefOfficerCode)}};
}

QJsonObject toJson(const GradeScale& s)
{
    QJsonArray grades;
    for (const Grade& g : s.grades)
        grades.append(QJsonObject{
            {u"code"_s, g.code}, {u"label"_s, g.label}, {u"definition"_s, g.definition}});
    return {{u"code"_s, s.code}, {u"name"_s, s.name}, {u"grades"_s, grades}};
}

QJsonObject toJson(const Programme& p)
{
    return {{u"code"_s, p.code},
            {u"title"_s, p.title},
            {u"short_title"_s, p.shortTitle},
            {u"year"_s, p.year},
            {u"kind"_s, p.kind},
            {u"grade_scale"_s, orNull(p.gradeScaleCode)},
            {u"fieldwork"_s, p.fieldwork},
            {u"published"_s, p.published},
            {u"questions"_s, questionsJson(p.questions)}};
}

QJsonObject toJson(const Judgment& j)
{
    return {{u"programme"_s, j.programmeCode},
            {u"force"_s, j.forceCode},
            {u"question"_s, j.questionCode},
            {u"grade"_s, j.gradeCode},
            {u"summary"_s, j.summary},
            {u"overview"_s, j.overview},
            {u"first_year_graded"_s, j.firstYearGraded},
            {u"status"_s, j.status}};
}

QJsonObject toJson(const EvidenceSample& e)
{
    QJsonArray strata, measures;
    for (const Stratum& s : e.strata)
        strata.append(QJsonObject{{u"label"_s, s.label}, {u"size"_s, s.size}});
    for (const Measure& m : e.measures)
        measures.append(QJsonObject{{u"label"_s, m.label},
                                    {u"count"_s, m.count},
                                    {u"base"_s, m.base ? QJsonValue(*m.base) : QJsonValue()},
                                    {u"base_label"_s, m.baseLabel}});
    return {{u"uid"_s, e.uid},
            {u"programme"_s, e.programmeCode},
            {u"force"_s, e.forceCode},
            {u"question"_s, orNull(e.questionCode)},
            {u"label"_s, e.label},
            {u"method"_s, e.method},
            {u"population"_s, e.population},
            {u"sample_size"_s, e.sampleSize ? QJsonValue(*e.sampleSize) : QJsonValue()},
            {u"description"_s, e.description},
            {u"strata"_s, strata},
            {u"measures"_s, measures}};
}

QJsonObject toJson(const Finding& f)
{
    return {{u"uid"_s, f.uid},
            {u"programme"_s, f.programmeCode},
            {u"force"_s, f.forceCode},
            {u"question"_s, f.questionCode},
            {u"kind"_s, f.kind},
            {u"position"_s, f.position},
            {u"text"_s, f.text},
            {u"status"_s, f.status},
            {u"evidence"_s, QJsonArray::fromStringList(f.evidenceUids)}};
}

QJsonObject toJson(const Metric& m)
{
    return {{u"uid"_s, m.uid},
            {u"programme"_s, m.programmeCode},
            {u"force"_s, m.forceCode},
            {u"question"_s, orNull(m.questionCode)},
            {u"figure"_s, m.figure},
            {u"name"_s, m.name},
            {u"measure"_s, m.measure},
            {u"period"_s, m.period},
            {u"unit"_s, m.unit},
            {u"force_value"_s, m.forceValue},
            {u"national_value"_s, m.nationalValue ? QJsonValue(*m.nationalValue) : QJsonValue()},
            {u"source"_s, m.source},
            {u"note"_s, m.note},
            {u"position"_s, m.position}};
}

QJsonObject toJson(const Section& s, bool withChildren)
{
    return sectionJson(s, withChildren);
}

QJsonObject toJson(const Document& d)
{
    return {{u"uid"_s, d.uid},
            {u"programme"_s, d.programmeCode},
            {u"force"_s, d.forceCode},
            {u"kind"_s, d.kind},
            {u"title"_s, d.title},
            {u"subtitle"_s, d.subtitle},
            {u"status"_s, d.status},
            {u"dated"_s, d.dated},
            {u"embargo"_s, d.embargo},
            {u"sender"_s, orNull(d.senderCode)},
            {u"recipient"_s, orNull(d.recipientCode)},
            {u"reference"_s, d.reference},
            {u"sections"_s, sectionsJson(d.sections)}};
}

QJsonObject toJson(const ReviewNote& n)
{
    return {{u"uid"_s, n.uid},   {u"target"_s, n.target}, {u"author"_s, n.author},
            {u"body"_s, n.body}, {u"status"_s, n.status}, {u"answer"_s, n.answer}};
}

QJsonObject toJson(const FaResponse& r)
{
    return {{u"uid"_s, r.uid},
            {u"document"_s, r.documentUid},
            {u"reference"_s, r.reference},
            {u"current_text"_s, r.currentText},
            {u"proposed_change"_s, r.proposedChange},
            {u"evidence_offered"_s, r.evidenceOffered},
            {u"category"_s, r.category},
            {u"decision"_s, r.decision},
            {u"reason"_s, r.reason}};
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<Interchange> parse(const QByteArray& json, const QString& name)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Turn the byte offset into a line and column a person can find.
        const QByteArray before = json.left(pe.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(pe.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("%1: line %2, column %3: not valid JSON (%4)")
                               .arg(name)
                               .arg(line)
                               .arg(column)
                               .arg(pe.errorString()));
    }
    if (!doc.isObject())
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("%1: not a Findings Workbench interchange file "
                                          "(the top level is not an object)")
                               .arg(name));
    const QJsonObject root = doc.object();
    if (root.value(u"format"_s).toString() != u"findings-workbench"_s)
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("%1: not a Findings Workbench interchange file "
                                          "(\"format\" is not \"findings-workbench\")")
                               .arg(name));
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble() || version.toInt() < 1)
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("%1: version: must be a positive whole number").arg(name));
    if (version.toInt() > FormatVersion)
        return Error::make(
            Error::Code::NewerSchema,
            QStringLiteral("%1: written in interchange version %2; this version reads up to %3")
                .arg(name)
                .arg(version.toInt())
                .arg(FormatVersion));
    static const QStringList known{
        u"format"_s,   u"version"_s,      u"scope"_s,      u"regions"_s,      u"people"_s,
        u"forces"_s,   u"grade_scales"_s, u"programmes"_s, u"judgments"_s,    u"evidence"_s,
        u"findings"_s, u"metrics"_s,      u"documents"_s,  u"review_notes"_s, u"responses"_s};
    for (const QString& key : root.keys())
        if (!known.contains(key))
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("%1: %2: unknown member").arg(name, key));

    Reader r(name);
    Interchange d;
    const QJsonObject scope = root.value(u"scope"_s).toObject();
    d.scopeProgramme = scope.value(u"programme"_s).toString();
    d.scopeForce = scope.value(u"force"_s).toString();

    r.each(root, {}, "regions", [&](const QJsonObject& o, const QString& p) {
        d.regions.push_back({0, r.code(o, p, "code"), r.str(o, p, "name")});
    });
    r.each(root, {}, "people", [&](const QJsonObject& o, const QString& p) {
        Person x;
        x.code = r.code(o, p, "code");
        x.name = r.str(o, p, "name");
        x.title = r.str(o, p, "title", false);
        x.postNominals = r.str(o, p, "post_nominals", false);
        x.post = r.str(o, p, "post", false);
        x.greeting = r.str(o, p, "greeting", false);
        x.addressName = r.str(o, p, "address_name", false);
        x.forceCode = r.code(o, p, "force", false);
        d.people.push_back(x);
    });
    r.each(root, {}, "forces", [&](const QJsonObject& o, const QString& p) {
        Force f;
        f.code = r.code(o, p, "code");
        f.name = r.str(o, p, "name");
        f.shortName = r.str(o, p, "short_name");
        f.regionCode = r.code(o, p, "region");
        f.style = r.oneOf(o, p, "style", {u"constabulary"_s, u"force"_s, u"service"_s}, u"force"_s);
        f.chiefOfficerCode = r.code(o, p, "chief_officer", false);
        d.forces.push_back(f);
    });
    r.each(root, {}, "grade_scales", [&](const QJsonObject& o, const QString& p) {
        GradeScale s;
        s.code = r.code(o, p, "code");
        s.name = r.str(o, p, "name");
        r.each(o, p, "grades", [&](const QJsonObject& g, const QString& gp) {
            s.grades.push_back({0, r.code(g, gp, "code"), r.str(g, gp, "label"),
                                r.str(g, gp, "definition", false), 0});
        });
        if (s.grades.isEmpty() && !r.failed())
            r.fail(p + u".grades"_s, u"a scale needs at least one grade"_s);
        d.gradeScales.push_back(s);
    });
    r.each(root, {}, "programmes", [&](const QJsonObject& o, const QString& p) {
        Programme x;
        x.code = r.code(o, p, "code");
        x.title = r.str(o, p, "title");
        x.shortTitle = r.str(o, p, "short_title", false);
        x.year = r.integer(o, p, "year", true).value_or(0);
        x.kind = r.oneOf(o, p, "kind", {u"thematic"_s, u"peel"_s}, u"thematic"_s);
        x.gradeScaleCode = r.code(o, p, "grade_scale", false);
        x.fieldwork = r.str(o, p, "fieldwork", false);
        x.published = r.str(o, p, "published", false);
        r.each(o, p, "questions", [&](const QJsonObject& c, const QString& cp) {
            x.questions.push_back(readQuestion(r, c, cp));
        });
        d.programmes.push_back(x);
    });
    r.each(root, {}, "judgments", [&](const QJsonObject& o, const QString& p) {
        Judgment j;
        j.programmeCode = r.code(o, p, "programme");
        j.forceCode = r.code(o, p, "force");
        j.questionCode = r.code(o, p, "question");
        j.gradeCode = r.str(o, p, "grade");
        j.summary = r.str(o, p, "summary", false);
        j.overview = r.str(o, p, "overview", false);
        j.firstYearGraded = r.boolean(o, p, "first_year_graded");
        j.status = r.oneOf(o, p, "status", statuses(), u"draft"_s);
        d.judgments.push_back(j);
    });
    r.each(root, {}, "evidence", [&](const QJsonObject& o, const QString& p) {
        EvidenceSample e;
        e.uid = r.uid(o, p, "uid");
        e.programmeCode = r.code(o, p, "programme");
        e.forceCode = r.code(o, p, "force");
        e.questionCode = r.code(o, p, "question", false);
        e.label = r.str(o, p, "label");
        e.method = r.oneOf(o, p, "method", kMethods);
        e.population = r.str(o, p, "population", false);
        e.sampleSize = r.integer(o, p, "sample_size", false);
        e.description = r.str(o, p, "description", false);
        r.each(o, p, "strata", [&](const QJsonObject& s, const QString& sp) {
            e.strata.push_back({r.str(s, sp, "label"), r.integer(s, sp, "size", true).value_or(0)});
        });
        r.each(o, p, "measures", [&](const QJsonObject& m, const QString& mp) {
            e.measures.push_back(
                {r.str(m, mp, "label"), r.integer(m, mp, "count", true).value_or(0),
                 r.integer(m, mp, "base", false), r.str(m, mp, "base_label", false)});
        });
        e.position = int(d.evidence.size()) + 1;
        d.evidence.push_back(e);
    });
    r.each(root, {}, "findings", [&](const QJsonObject& o, const QString& p) {
        Finding f;
        f.uid = r.uid(o, p, "uid");
        f.programmeCode = r.code(o, p, "programme");
        f.forceCode = r.code(o, p, "force");
        f.questionCode = r.code(o, p, "question");
        f.kind = r.oneOf(o, p, "kind", findingKinds());
        f.position = r.integer(o, p, "position", false).value_or(0);
        f.text = r.str(o, p, "text");
        f.status = r.oneOf(o, p, "status", statuses(), u"draft"_s);
        const QJsonArray ev = r.array(o, p, "evidence");
        for (int i = 0; i < ev.size(); ++i) {
            const QString at = QStringLiteral("%1.evidence[%2]").arg(p).arg(i);
            if (!ev[i].isString() || ev[i].toString().isEmpty())
                r.fail(at, u"must be an evidence uid"_s);
            f.evidenceUids << r.checkedCode(ev[i].toString(), at, "uid");
        }
        f.evidenceUids.sort();
        d.findings.push_back(f);
    });
    r.each(root, {}, "metrics", [&](const QJsonObject& o, const QString& p) {
        Metric m;
        m.uid = r.uid(o, p, "uid");
        m.programmeCode = r.code(o, p, "programme");
        m.forceCode = r.code(o, p, "force");
        m.questionCode = r.code(o, p, "question", false);
        m.figure = r.str(o, p, "figure", false);
        m.name = r.str(o, p, "name");
        m.measure = r.str(o, p, "measure", false);
        m.period = r.str(o, p, "period", false);
        m.unit = r.str(o, p, "unit", false);
        m.forceValue = r.number(o, p, "force_value", true).value_or(0);
        m.nationalValue = r.number(o, p, "national_value", false);
        m.source = r.str(o, p, "source", false);
        m.note = r.str(o, p, "note", false);
        m.position = r.integer(o, p, "position", false).value_or(0);
        d.metrics.push_back(m);
    });
    r.each(root, {}, "documents", [&](const QJsonObject& o, const QString& p) {
        Document x;
        x.uid = r.uid(o, p, "uid");
        x.programmeCode = r.code(o, p, "programme");
        x.forceCode = r.code(o, p, "force");
        x.kind = r.oneOf(o, p, "kind", {u"letter"_s, u"report"_s});
        x.title = r.str(o, p, "title");
        x.subtitle = r.str(o, p, "subtitle", false);
        x.status = r.oneOf(o, p, "status", statuses(), u"draft"_s);
        x.dated = r.str(o, p, "dated", false);
        x.embargo = r.str(o, p, "embargo", false);
        x.senderCode = r.code(o, p, "sender", false);
        x.recipientCode = r.code(o, p, "recipient", false);
        x.reference = r.str(o, p, "reference", false);
        r.each(o, p, "sections", [&](const QJsonObject& s, const QString& sp) {
            x.sections.push_back(readSection(r, s, sp));
        });
        d.documents.push_back(x);
    });
    r.each(root, {}, "review_notes", [&](const QJsonObject& o, const QString& p) {
        ReviewNote n;
        n.uid = r.uid(o, p, "uid");
        n.target = r.str(o, p, "target");
        n.author = r.str(o, p, "author", false);
        n.body = r.str(o, p, "body");
        n.status = r.oneOf(o, p, "status", {u"open"_s, u"answered"_s, u"resolved"_s}, u"open"_s);
        n.answer = r.str(o, p, "answer", false);
        d.reviewNotes.push_back(n);
    });
    r.each(root, {}, "responses", [&](const QJsonObject& o, const QString& p) {
        FaResponse x;
        x.uid = r.uid(o, p, "uid");
        x.documentUid = r.uid(o, p, "document");
        x.reference = r.str(o, p, "reference");
        x.currentText = r.str(o, p, "current_text", false);
        x.proposedChange = r.str(o, p, "proposed_change", false);
        x.evidenceOffered = r.str(o, p, "evidence_offered", false);
        x.category = r.oneOf(o, p, "category", kCategories);
        x.decision = r.oneOf(o, p, "decision", kDecisions, u""_s);
        x.reason = r.str(o, p, "reason", false);
        d.responses.push_back(x);
    });
    if (r.failed())
        return Error::make(Error::Code::Invalid, r.error());
    if (QString dup = duplicates(d); !dup.isEmpty())
        return Error::make(Error::Code::Invalid, name + QStringLiteral(": ") + dup);
    return d;
}

QByteArray write(const Interchange& d)
{
    QJsonObject root{{u"format"_s, u"findings-workbench"_s},
                     {u"version"_s, FormatVersion},
                     {u"scope"_s, QJsonObject{{u"programme"_s, orNull(d.scopeProgramme)},
                                              {u"force"_s, orNull(d.scopeForce)}}},
                     {u"regions"_s, arrayOf(d.regions)},
                     {u"people"_s, arrayOf(d.people)},
                     {u"forces"_s, arrayOf(d.forces)},
                     {u"grade_scales"_s, arrayOf(d.gradeScales)},
                     {u"programmes"_s, arrayOf(d.programmes)},
                     {u"judgments"_s, arrayOf(d.judgments)},
                     {u"evidence"_s, arrayOf(d.evidence)},
                     {u"findings"_s, arrayOf(d.findings)},
                     {u"metrics"_s, arrayOf(d.metrics)},
                     {u"documents"_s, arrayOf(d.documents)},
                     {u"review_notes"_s, arrayOf(d.reviewNotes)},
                     {u"responses"_s, arrayOf(d.responses)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace interchange
} // namespace fwb
