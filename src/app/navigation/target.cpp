#include "app/navigation/target.h"

#include "core/checks/checker.h"
#include "core/services/search.h"

using namespace Qt::StringLiterals;

namespace fwb::app {

NavigatorKey Target::key() const
{
    NavigatorKey k;
    k.programme = programme;
    k.force = force;
    k.question = question;
    k.kind = question.isEmpty()
                 ? (force.isEmpty() ? (programme.isEmpty() ? NavigatorKey::Kind::None
                                                           : NavigatorKey::Kind::Programme)
                                    : NavigatorKey::Kind::Force)
                 : NavigatorKey::Kind::Question;
    return k;
}

QString Target::describe() const
{
    const QString where = key().path();
    switch (kind) {
    case Kind::None:
        return u"nothing"_s;
    case Kind::Place:
        return u"place "_s + where;
    case Kind::Overview:
        return u"overview of "_s + where;
    case Kind::Draft:
        return u"draft of "_s + where;
    case Kind::Finding:
        return u"finding "_s + uid;
    case Kind::Judgment:
        return u"judgment "_s + where;
    case Kind::Metrics:
        return u"figures of "_s + where;
    case Kind::Evidence:
        return u"evidence of "_s + where;
    case Kind::Document:
        return u"document "_s + uid;
    case Kind::Section:
        return u"section "_s + uid + (documentUid.isEmpty() ? QString() : u" of "_s + documentUid);
    case Kind::Response:
        return u"response "_s + uid + (documentUid.isEmpty() ? QString() : u" to "_s + documentUid);
    }
    return {};
}

Target Target::place(const NavigatorKey& key)
{
    Target t;
    t.kind = key.isValid() ? Kind::Place : Kind::None;
    t.programme = key.programme;
    t.force = key.kind == NavigatorKey::Kind::Programme ? QString() : key.force;
    t.question = key.kind == NavigatorKey::Kind::Question ? key.question : QString();
    return t;
}

Target Target::overview(const NavigatorKey& key)
{
    Target t = place(key);
    if (t.isValid())
        t.kind = Kind::Overview;
    return t;
}

Target Target::draft(const NavigatorKey& key)
{
    Target t = place(key);
    if (t.isValid())
        t.kind = Kind::Draft;
    return t;
}

Target Target::finding(const QString& uid, qsizetype start, qsizetype length)
{
    Target t;
    t.kind = Kind::Finding;
    t.uid = uid;
    t.start = start;
    t.length = length;
    return t;
}

Target Target::judgment(const QString& programme, const QString& force, const QString& question)
{
    Target t;
    t.kind = Kind::Judgment;
    t.programme = programme;
    t.force = force;
    t.question = question;
    return t;
}

Target Target::metrics(const QString& programme, const QString& force)
{
    Target t;
    t.kind = Kind::Metrics;
    t.programme = programme;
    t.force = force;
    return t;
}

Target Target::evidence(const QString& programme, const QString& force)
{
    Target t = metrics(programme, force);
    t.kind = Kind::Evidence;
    return t;
}

Target Target::document(const QString& uid)
{
    Target t;
    t.kind = Kind::Document;
    t.uid = uid;
    t.documentUid = uid;
    return t;
}

Target Target::section(const QString& documentUid, const QString& sectionUid)
{
    Target t;
    t.kind = Kind::Section;
    t.uid = sectionUid;
    t.documentUid = documentUid;
    return t;
}

Target Target::response(const QString& documentUid, const QString& responseUid)
{
    Target t;
    t.kind = Kind::Response;
    t.uid = responseUid;
    t.documentUid = documentUid;
    return t;
}

Target Target::fromHit(const SearchHit& hit)
{
    switch (hit.type) {
    case SearchHit::Type::Finding: {
        Target t = finding(hit.key);
        t.programme = hit.programme;
        t.force = hit.force;
        t.question = hit.question;
        return t;
    }
    case SearchHit::Type::Judgment:
        return judgment(hit.programme, hit.force, hit.question);
    case SearchHit::Type::Section:
        return section(hit.documentUid, hit.key);
    }
    return {};
}

Target Target::fromProblem(const checks::Problem& problem)
{
    const QString& entity = problem.entity;
    if (entity == u"finding"_s) {
        Target t = finding(problem.key, problem.start, problem.length);
        t.programme = problem.programme;
        t.force = problem.force;
        t.question = problem.question;
        return t;
    }
    if ((entity == u"judgment"_s || entity == u"question"_s) && !problem.question.isEmpty())
        return judgment(problem.programme, problem.force, problem.question);
    if (entity == u"metric"_s)
        return metrics(problem.programme, problem.force);
    if (entity == u"section"_s)
        return section({}, problem.key);
    if (entity == u"document"_s)
        return document(problem.key);
    // Anything else is read on the force's overview.
    return overview(NavigatorKey{NavigatorKey::Kind::Force, problem.programme, problem.force, {}});
}

} // namespace fwb::app
