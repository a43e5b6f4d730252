#include "interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <functional>

namespace fwb {

int Interchange::recordCount() const
{
    return int(regions.size() + people.size() + forces.size() + gradeScales.size() + programmes.size() +
               judgments.size() + evidence.size() + findings.size() + metrics.size() + documents.size() +
               reviewNotes.size() + responses.size());
}

namespace interchange {
namespace {

QString L(const char* s) { return QString::fromLatin1(s); }
QJsonValue orNull(const QString& s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }

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
        const QJsonValue v = o.value(L(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path + QLatin1Char('.') + L(key), L("is missing"));
            return QString();
        }
        if (!v.isString()) {
            fail(path + QLatin1Char('.') + L(key), L("must be a string"));
            return QString();
        }
        const QString s = v.toString();
        if (required && s.trimmed().isEmpty())
            fail(path + QLatin1Char('.') + L(key), L("must not be empty"));
        return s;
    }
    // A code or a uid: the one rule of domain/types.h (codeProblem), because these become
    // command-line arguments and parts of file names.
    QString code(const QJsonObject& o, const QString& path, const char* key, bool required = true)
    {
        return checkedCode(str(o, path, key, required), path + QLatin1Char('.') + L(key), "code");
    }
    QString uid(const QJsonObject& o, const QString& path, const char* key, bool required = true)
    {
        return checkedCode(str(o, path, key, required), path + QLatin1Char('.') + L(key), "uid");
    }
    QString checkedCode(const QString& s, const QString& path, const char* what)
    {
        if (s.isEmpty())
            return s; // missing or empty is reported by str
        if (!isValidCode(s))
            fail(path, invalidCodeMessage(L(what), s));
        return s;
    }
    QString oneOf(const QJsonObject& o, const QString& path, const char* key, const QStringList& allowed,
                  const QString& fallback = {})
    {
        QString s = str(o, path, key, fallback.isNull());
        if (s.isEmpty() && !fallback.isNull())
            return fallback;
        if (!s.isEmpty() && !allowed.contains(s))
            fail(path + QLatin1Char('.') + L(key),
                 QStringLiteral("\"%1\" is not one of %2").arg(s, allowed.join(QStringLiteral(", "))));
        return s;
    }
    bool boolean(const QJsonObject& o, const QString& path, const char* key)
    {
        const QJsonValue v = o.value(L(key));
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            fail(path + QLatin1Char('.') + L(key), L("must be true or false"));
        return v.toBool();
    }
    std::optional<double> number(const QJsonObject& o, const QString& path, const char* key, bool required)
    {
        const QJsonValue v = o.value(L(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path + QLatin1Char('.') + L(key), L("is missing"));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(path + QLatin1Char('.') + L(key), L("must be a number"));
            return std::nullopt;
        }
        return v.toDouble();
    }
    std::optional<int> integer(const QJsonObject& o, const QString& path, const char* key, bool required)
    {
        const auto d = number(o, path, key, required);
        if (!d)
            return std::nullopt;
        if (*d != double(qint64(*d)) || *d > 2e9 || *d < -2e9) {
            fail(path + QLatin1Char('.') + L(key), L("must be a whole number"));
            return std::nullopt;
        }
        return int(*d);
    }
    QJsonArray array(const QJsonObject& o, const QString& path, const char* key)
    {
        const QJsonValue v = o.value(L(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(path + QLatin1Char('.') + L(key), L("must be an array"));
        return v.toArray();
    }
    // Calls f(object, path) for each element, which must be objects.
    void each(const QJsonObject& o, const QString& parent, const char* key,
              const std::function<void(const QJsonObject&, const QString&)>& f)
    {
        const QJsonArray a = array(o, parent, key);
        const QString base = parent.isEmpty() ? L(key) : parent + QLatin1Char('.') + L(key);
        for (int i = 0; i < a.size() && !failed(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(base).arg(i);
            if (!a[i].isObject()) {
                fail(path, L("must be an object"));
                return;
            }
            f(a[i].toObject(), path);
        }
    }

private:
    QString m_name;
    QString m_error;
};

const QStringList kMethods{L("file_review"), L("dip_sample"), L("survey"), L("interview"), L("focus_group")};
const QStringList kSectionKinds{L("narrative"), L("judgment"), L("overview"), L("findings"),
                                L("areas_for_improvement"), L("metrics_table"), L("chart"),
                                L("grade_definitions"), L("contents"), L("letter_opening"),
                                L("letter_closing")};
const QStringList kCategories{L("factual_error"), L("typo"), L("challenge_to_judgment"), L("other")};
const QStringList kDecisions{L(""), L("accepted"), L("partly_accepted"), L("rejected")};

Question readQuestion(Reader& r, const QJsonObject& o, const QString& path)
{
    Question x;
    x.code = r.code(o, path, "code");
    x.text = r.str(o, path, "text");
    x.shortTitle = r.str(o, path, "short_title", false);
    x.graded = r.boolean(o, path, "graded");
    x.follows = r.str(o, path, "follows", false);
    if (!x.follows.isEmpty() && (x.follows.count(QLatin1Char('/')) != 1 || x.follows.startsWith(QLatin1Char('/')) ||
                                 x.follows.endsWith(QLatin1Char('/'))))
        r.fail(path + L(".follows"), L("must be \"programme/question\""));
    else if (!x.follows.isEmpty())
        for (const QString& part : x.follows.split(QLatin1Char('/')))
            r.checkedCode(part, path + L(".follows"), "code");
    x.comparable = !o.contains(L("comparable")) || o.value(L("comparable")).isNull() || r.boolean(o, path, "comparable");
    r.each(o, path, "children", [&](const QJsonObject& c, const QString& p) { x.children.push_back(readQuestion(r, c, p)); });
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
        r.fail(path + L(".finding_kind"), QStringLiteral("\"%1\" is not a finding kind").arg(s.findingKind));
    s.figure = r.str(o, path, "figure", false);
    static const QStringList needsQuestion{L("judgment"), L("overview"), L("findings"), L("areas_for_improvement")};
    if (needsQuestion.contains(s.kind) && s.questionCode.isEmpty())
        r.fail(path + L(".question"), QStringLiteral("a \"%1\" section needs a question").arg(s.kind));
    r.each(o, path, "children", [&](const QJsonObject& c, const QString& p) { s.children.push_back(readSection(r, c, p)); });
    return s;
}

QJsonArray questionsJson(const QList<Question>& list)
{
    QJsonArray a;
    for (const Question& x : list) {
        QJsonObject q{{L("code"), x.code}, {L("text"), x.text}, {L("short_title"), x.shortTitle},
                      {L("graded"), x.graded}, {L("children"), questionsJson(x.children)}};
        if (!x.follows.isEmpty())
            q.insert(L("follows"), x.follows);
        if (!x.comparable)
            q.insert(L("comparable"), false);
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
    QJsonObject o{{L("uid"), s.uid}, {L("kind"), s.kind}, {L("title"), s.title}, {L("body"), s.body},
                  {L("question"), orNull(s.questionCode)}, {L("finding_kind"), orNull(s.findingKind)},
                  {L("figure"), s.figure}};
    if (withChildren)
        o.insert(L("children"), sectionsJson(s.children));
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
            return QStringLiteral("%1.%2: \"%3\" appears twice (also %4)").arg(path, L(field), key, *it);
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
        if (QString e = questionDuplicates(list[i].children, p + L(".children"), keys); !e.isEmpty())
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
        if (QString e = sectionDuplicates(list[i].children, p + L(".children"), keys); !e.isEmpty())
            return e;
    }
    return {};
}

template <class T, class Key>
QString listDuplicates(const QList<T>& list, const char* array, const char* field, Key key)
{
    UniqueKeys keys;
    for (int i = 0; i < list.size(); ++i)
        if (QString e = keys.add(key(list[i]), QStringLiteral("%1[%2]").arg(L(array)).arg(i), field); !e.isEmpty())
            return e;
    return {};
}

QString duplicates(const Interchange& d)
{
    const QStringList found{
        listDuplicates(d.regions, "regions", "code", [](const Region& x) { return x.code; }),
        listDuplicates(d.people, "people", "code", [](const Person& x) { return x.code; }),
        listDuplicates(d.forces, "forces", "code", [](const Force& x) { return x.code; }),
        listDuplicates(d.gradeScales, "grade_scales", "code", [](const GradeScale& x) { return x.code; }),
        listDuplicates(d.programmes, "programmes", "code", [](const Programme& x) { return x.code; }),
        listDuplicates(d.judgments, "judgments", "question", [](const Judgment& x) -> QString {
            return x.programmeCode + QLatin1Char('/') + x.forceCode + QLatin1Char('/') + x.questionCode; }),
        listDuplicates(d.evidence, "evidence", "uid", [](const EvidenceSample& x) { return x.uid; }),
        listDuplicates(d.findings, "findings", "uid", [](const Finding& x) { return x.uid; }),
        listDuplicates(d.metrics, "metrics", "uid", [](const Metric& x) { return x.uid; }),
        listDuplicates(d.documents, "documents", "uid", [](const Document& x) { return x.uid; }),
        listDuplicates(d.reviewNotes, "review_notes", "uid", [](const ReviewNote& x) { return x.uid; }),
        listDuplicates(d.responses, "responses", "uid", [](const FaResponse& x) { return x.uid; })};
    for (const QString& e : found)
        if (!e.isEmpty())
            return e;
    for (int i = 0; i < d.gradeScales.size(); ++i) {
        UniqueKeys keys;
        const auto& grades = d.gradeScales[i].grades;
        for (int g = 0; g < grades.size(); ++g)
            if (QString e = keys.add(grades[g].code, QStringLiteral("grade_scales[%1].grades[%2]").arg(i).arg(g), "code"); !e.isEmpty())
                return e;
    }
    for (int i = 0; i < d.programmes.size(); ++i) {
        UniqueKeys keys;
        if (QString e = questionDuplicates(d.programmes[i].questions, QStringLiteral("programmes[%1].questions").arg(i), keys); !e.isEmpty())
            return e;
    }
    UniqueKeys sections; // section uids are unique across documents
    for (int i = 0; i < d.documents.size(); ++i)
        if (QString e = sectionDuplicates(d.documents[i].sections, QStringLiteral("documents[%1].sections").arg(i), sections); !e.isEmpty())
            return e;
    return {};
}

} // namespace

QJsonObject toJson(const Region& r) { return {{L("code"), r.code}, {L("name"), r.name}}; }

QJsonObject toJson(const Person& p)
{
    return {{L("code"), p.code},         {L("name"), p.name}, {L("title"), p.title},
            {L("post_nominals"), p.postNominals}, {L("post"), p.post}, {L("greeting"), p.greeting},
            {L("address_name"), p.addressName},   {L("force"), orNull(p.forceCode)}};
}

QJsonObject toJson(const Force& f)
{
    return {{L("code"), f.code},        {L("name"), f.name},   {L("short_name"), f.shortName},
            {L("region"), f.regionCode}, {L("style"), f.style}, {L("chief_officer"), orNull(f.chiefOfficerCode)}};
}

QJsonObject toJson(const GradeScale& s)
{
    QJsonArray grades;
    for (const Grade& g : s.grades)
        grades.append(QJsonObject{{L("code"), g.code}, {L("label"), g.label}, {L("definition"), g.definition}});
    return {{L("code"), s.code}, {L("name"), s.name}, {L("grades"), grades}};
}

QJsonObject toJson(const Programme& p)
{
    return {{L("code"), p.code},          {L("title"), p.title},
            {L("short_title"), p.shortTitle}, {L("year"), p.year},
            {L("kind"), p.kind},          {L("grade_scale"), orNull(p.gradeScaleCode)},
            {L("fieldwork"), p.fieldwork}, {L("published"), p.published},
            {L("questions"), questionsJson(p.questions)}};
}

QJsonObject toJson(const Judgment& j)
{
    return {{L("programme"), j.programmeCode}, {L("force"), j.forceCode},   {L("question"), j.questionCode},
            {L("grade"), j.gradeCode},         {L("summary"), j.summary},   {L("overview"), j.overview},
            {L("first_year_graded"), j.firstYearGraded}, {L("status"), j.status}};
}

QJsonObject toJson(const EvidenceSample& e)
{
    QJsonArray strata, measures;
    for (const Stratum& s : e.strata)
        strata.append(QJsonObject{{L("label"), s.label}, {L("size"), s.size}});
    for (const Measure& m : e.measures)
        measures.append(QJsonObject{{L("label"), m.label}, {L("count"), m.count},
                                    {L("base"), m.base ? QJsonValue(*m.base) : QJsonValue()},
                                    {L("base_label"), m.baseLabel}});
    return {{L("uid"), e.uid},
            {L("programme"), e.programmeCode},
            {L("force"), e.forceCode},
            {L("question"), orNull(e.questionCode)},
            {L("label"), e.label},
            {L("method"), e.method},
            {L("population"), e.population},
            {L("sample_size"), e.sampleSize ? QJsonValue(*e.sampleSize) : QJsonValue()},
            {L("description"), e.description},
            {L("strata"), strata},
            {L("measures"), measures}};
}

QJsonObject toJson(const Finding& f)
{
    return {{L("uid"), f.uid},           {L("programme"), f.programmeCode}, {L("force"), f.forceCode},
            {L("question"), f.questionCode}, {L("kind"), f.kind},        {L("position"), f.position},
            {L("text"), f.text},         {L("status"), f.status},
            {L("evidence"), QJsonArray::fromStringList(f.evidenceUids)}};
}

QJsonObject toJson(const Metric& m)
{
    return {{L("uid"), m.uid},
            {L("programme"), m.programmeCode},
            {L("force"), m.forceCode},
            {L("question"), orNull(m.questionCode)},
            {L("figure"), m.figure},
            {L("name"), m.name},
            {L("measure"), m.measure},
            {L("period"), m.period},
            {L("unit"), m.unit},
            {L("force_value"), m.forceValue},
            {L("national_value"), m.nationalValue ? QJsonValue(*m.nationalValue) : QJsonValue()},
            {L("source"), m.source},
            {L("note"), m.note},
            {L("position"), m.position}};
}

QJsonObject toJson(const Section& s, bool withChildren) { return sectionJson(s, withChildren); }

QJsonObject toJson(const Document& d)
{
    return {{L("uid"), d.uid},         {L("programme"), d.programmeCode}, {L("force"), d.forceCode},
            {L("kind"), d.kind},       {L("title"), d.title},             {L("subtitle"), d.subtitle},
            {L("status"), d.status},   {L("dated"), d.dated},             {L("embargo"), d.embargo},
            {L("sender"), orNull(d.senderCode)}, {L("recipient"), orNull(d.recipientCode)},
            {L("reference"), d.reference}, {L("sections"), sectionsJson(d.sections)}};
}

QJsonObject toJson(const ReviewNote& n)
{
    return {{L("uid"), n.uid},       {L("target"), n.target}, {L("author"), n.author},
            {L("body"), n.body},     {L("status"), n.status}, {L("answer"), n.answer}};
}

QJsonObject toJson(const FaResponse& r)
{
    return {{L("uid"), r.uid},
            {L("document"), r.documentUid},
            {L("reference"), r.reference},
            {L("current_text"), r.currentText},
            {L("proposed_change"), r.proposedChange},
            {L("evidence_offered"), r.evidenceOffered},
            {L("category"), r.category},
            {L("decision"), r.decision},
            {L("reason"), r.reason}};
}

QString compact(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

Result<Interchange> parse(const QByteArray& json, const QString& name)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Turn the byte offset into a line and column a person can find.
        const QByteArray before = json.left(pe.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(pe.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return Error::make(Error::Code::Invalid, QStringLiteral("%1: line %2, column %3: not valid JSON (%4)")
                                                     .arg(name).arg(line).arg(column).arg(pe.errorString()));
    }
    if (!doc.isObject())
        return Error::make(Error::Code::Invalid, QStringLiteral("%1: not a Findings Workbench interchange file "
                                                                "(the top level is not an object)").arg(name));
    const QJsonObject root = doc.object();
    if (root.value(L("format")).toString() != L("findings-workbench"))
        return Error::make(Error::Code::Invalid, QStringLiteral("%1: not a Findings Workbench interchange file "
                                                                "(\"format\" is not \"findings-workbench\")").arg(name));
    const QJsonValue version = root.value(L("version"));
    if (!version.isDouble() || version.toInt() < 1)
        return Error::make(Error::Code::Invalid, QStringLiteral("%1: version: must be a positive whole number").arg(name));
    if (version.toInt() > FormatVersion)
        return Error::make(Error::Code::NewerSchema,
                           QStringLiteral("%1: written in interchange version %2; this version reads up to %3")
                               .arg(name).arg(version.toInt()).arg(FormatVersion));
    static const QStringList known{L("format"), L("version"), L("scope"), L("regions"), L("people"), L("forces"),
                                   L("grade_scales"), L("programmes"), L("judgments"), L("evidence"), L("findings"),
                                   L("metrics"), L("documents"), L("review_notes"), L("responses")};
    for (const QString& key : root.keys())
        if (!known.contains(key))
            return Error::make(Error::Code::Invalid, QStringLiteral("%1: %2: unknown member").arg(name, key));

    Reader r(name);
    Interchange d;
    const QJsonObject scope = root.value(L("scope")).toObject();
    d.scopeProgramme = scope.value(L("programme")).toString();
    d.scopeForce = scope.value(L("force")).toString();

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
        f.style = r.oneOf(o, p, "style", {L("constabulary"), L("force"), L("service")}, L("force"));
        f.chiefOfficerCode = r.code(o, p, "chief_officer", false);
        d.forces.push_back(f);
    });
    r.each(root, {}, "grade_scales", [&](const QJsonObject& o, const QString& p) {
        GradeScale s;
        s.code = r.code(o, p, "code");
        s.name = r.str(o, p, "name");
        r.each(o, p, "grades", [&](const QJsonObject& g, const QString& gp) {
            s.grades.push_back({0, r.code(g, gp, "code"), r.str(g, gp, "label"), r.str(g, gp, "definition", false), 0});
        });
        if (s.grades.isEmpty() && !r.failed())
            r.fail(p + L(".grades"), L("a scale needs at least one grade"));
        d.gradeScales.push_back(s);
    });
    r.each(root, {}, "programmes", [&](const QJsonObject& o, const QString& p) {
        Programme x;
        x.code = r.code(o, p, "code");
        x.title = r.str(o, p, "title");
        x.shortTitle = r.str(o, p, "short_title", false);
        x.year = r.integer(o, p, "year", true).value_or(0);
        x.kind = r.oneOf(o, p, "kind", {L("thematic"), L("peel")}, L("thematic"));
        x.gradeScaleCode = r.code(o, p, "grade_scale", false);
        x.fieldwork = r.str(o, p, "fieldwork", false);
        x.published = r.str(o, p, "published", false);
        r.each(o, p, "questions", [&](const QJsonObject& c, const QString& cp) { x.questions.push_back(readQuestion(r, c, cp)); });
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
        j.status = r.oneOf(o, p, "status", statuses(), L("draft"));
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
            e.measures.push_back({r.str(m, mp, "label"), r.integer(m, mp, "count", true).value_or(0),
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
        f.status = r.oneOf(o, p, "status", statuses(), L("draft"));
        const QJsonArray ev = r.array(o, p, "evidence");
        for (int i = 0; i < ev.size(); ++i) {
            const QString at = QStringLiteral("%1.evidence[%2]").arg(p).arg(i);
            if (!ev[i].isString() || ev[i].toString().isEmpty())
                r.fail(at, L("must be an evidence uid"));
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
        x.kind = r.oneOf(o, p, "kind", {L("letter"), L("report")});
        x.title = r.str(o, p, "title");
        x.subtitle = r.str(o, p, "subtitle", false);
        x.status = r.oneOf(o, p, "status", statuses(), L("draft"));
        x.dated = r.str(o, p, "dated", false);
        x.embargo = r.str(o, p, "embargo", false);
        x.senderCode = r.code(o, p, "sender", false);
        x.recipientCode = r.code(o, p, "recipient", false);
        x.reference = r.str(o, p, "reference", false);
        r.each(o, p, "sections", [&](const QJsonObject& s, const QString& sp) { x.sections.push_back(readSection(r, s, sp)); });
        d.documents.push_back(x);
    });
    r.each(root, {}, "review_notes", [&](const QJsonObject& o, const QString& p) {
        ReviewNote n;
        n.uid = r.uid(o, p, "uid");
        n.target = r.str(o, p, "target");
        n.author = r.str(o, p, "author", false);
        n.body = r.str(o, p, "body");
        n.status = r.oneOf(o, p, "status", {L("open"), L("answered"), L("resolved")}, L("open"));
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
        x.decision = r.oneOf(o, p, "decision", kDecisions, L(""));
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
    QJsonObject root{{L("format"), L("findings-workbench")},
                     {L("version"), FormatVersion},
                     {L("scope"), QJsonObject{{L("programme"), orNull(d.scopeProgramme)},
                                              {L("force"), orNull(d.scopeForce)}}},
                     {L("regions"), arrayOf(d.regions)},
                     {L("people"), arrayOf(d.people)},
                     {L("forces"), arrayOf(d.forces)},
                     {L("grade_scales"), arrayOf(d.gradeScales)},
                     {L("programmes"), arrayOf(d.programmes)},
                     {L("judgments"), arrayOf(d.judgments)},
                     {L("evidence"), arrayOf(d.evidence)},
                     {L("findings"), arrayOf(d.findings)},
                     {L("metrics"), arrayOf(d.metrics)},
                     {L("documents"), arrayOf(d.documents)},
                     {L("review_notes"), arrayOf(d.reviewNotes)},
                     {L("responses"), arrayOf(d.responses)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace interchange
} // namespace fwb
