#include "core/services/frameworks.h"

#include "core/io/interchange.h"
#include "core/services/locks.h"
#include "core/services/servicesupport.h"
#include "core/storage/transaction.h"
#include "core/workbench.h"

#include <QSet>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
using service::inTransaction;
using service::json;

void collectCodes(const QList<Question>& questions, QStringList& codes)
{
    for (const Question& q : questions) {
        codes << q.code;
        collectCodes(q.children, codes);
    }
}

Status validateQuestions(const QList<Question>& questions, QSet<QString>& seen)
{
    for (const Question& q : questions) {
        if (q.code.trimmed().isEmpty())
            return Error::make(Error::Code::Invalid, u"every question needs a code"_s);
        if (q.code != q.code.trimmed() || q.code.contains(QLatin1Char('/')))
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral("question code \"%1\" may not have spaces at its ends or a \"/\"")
                    .arg(q.code));
        if (seen.contains(q.code))
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("question code \"%1\" is used twice").arg(q.code));
        seen.insert(q.code);
        if (q.text.trimmed().isEmpty())
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("question %1 needs its wording").arg(q.code));
        if (Status s = validateQuestions(q.children, seen); !s)
            return s;
    }
    return {};
}

// What a question holds, in words ("3 findings, 1 judgment"); empty when nothing.
QString inWords(const QuestionHoldings& h)
{
    const qint64 counts[] = {h.findings, h.judgments, h.evidence, h.metrics, h.sections};
    static const char* names[][2] = {{"finding", "findings"},
                                     {"judgment", "judgments"},
                                     {"evidence sample", "evidence samples"},
                                     {"figure", "figures"},
                                     {"document section", "document sections"}};
    QStringList parts;
    for (int i = 0; i < 5; ++i)
        if (const qint64 n = counts[i]; n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(
                QString::fromUtf8(names[i][n == 1 ? 0 : 1]));
    return parts.join(u", "_s);
}

// New codes follow the rule of domain/types.h; those already stored (perhaps before the rule)
// are left as they are, so that a programme holding one can still be edited.
Status checkNewCodes(const QList<Question>& questions, const QStringList& stored)
{
    for (const Question& q : questions) {
        if (!stored.contains(q.code) && !isValidCode(q.code))
            return Error::make(Error::Code::Invalid,
                               invalidCodeMessage(u"question code"_s, q.code));
        if (Status s = checkNewCodes(q.children, stored); !s)
            return s;
    }
    return {};
}

} // namespace

Status FrameworkService::validate(const Programme& p)
{
    if (p.code.trimmed().isEmpty() || p.code.contains(QLatin1Char(' ')) ||
        p.code.contains(QLatin1Char('/')))
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("a programme code is one word without \"/\" (e.g. "
                                          "peel-effectiveness-2016), not \"%1\"")
                               .arg(p.code));
    if (p.title.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("programme %1 needs a title").arg(p.code));
    if (p.year < 1900 || p.year > 2200)
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("programme %1: %2 is not a year").arg(p.code).arg(p.year));
    if (!p.kind.isEmpty() && p.kind != u"peel"_s && p.kind != u"thematic"_s)
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("programme kind \"%1\" is not peel or thematic").arg(p.kind));
    QSet<QString> seen;
    return validateQuestions(p.questions, seen);
}

Result<Programme> FrameworkService::createProgramme(const Programme& programme)
{
    if (!isValidCode(programme.code))
        return Error::make(Error::Code::Invalid,
                           invalidCodeMessage(u"programme code"_s, programme.code));
    if (Status s = checkNewCodes(programme.questions, {}); !s)
        return s.error();
    if (Status s = validate(programme); !s)
        return s.error();
    return inTransaction<Programme>(m_wb, [&](ChangeSet& changes) -> Result<Programme> {
        changes = service::programmeChanges(std::nullopt, programme);
        ReferenceRepository ref = m_wb.reference();
        if (ref.programme(programme.code))
            return Error::make(
                Error::Code::Conflict,
                QStringLiteral("a programme \"%1\" already exists").arg(programme.code));
        if (auto done = ref.upsertProgramme(programme); !done)
            return done.error();
        const auto after = ref.programme(programme.code);
        if (!after)
            return Error::make(Error::Code::Internal, u"the programme was not saved"_s);
        if (Status s = m_wb.audit().append(Workbench::actor(), u"insert"_s, u"programme"_s,
                                           programme.code, {}, json(after));
            !s)
            return s.error();
        spdlog::info("created programme {}", programme.code.toStdString());
        return *after;
    });
}

Result<Programme> FrameworkService::saveProgramme(const Programme& programme)
{
    if (Status s = validate(programme); !s)
        return s.error();
    return inTransaction<Programme>(m_wb, [&](ChangeSet& changes) -> Result<Programme> {
        ReferenceRepository ref = m_wb.reference();
        const auto before = ref.programme(programme.code);
        if (!before)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no programme \"%1\"").arg(programme.code));
        // A published document follows the framework: refused before anything is written, with
        // what would have changed named.
        const LockRule locks(m_wb.database());
        if (const QStringList changes = frameworkChanges(*before, programme); !changes.isEmpty())
            if (Status s = locks.refuseFramework(programme.code, changes.join(u", "_s)); !s)
                return s.error();
        QStringList stored;
        collectCodes(before->questions, stored);
        if (Status s = checkNewCodes(programme.questions, stored); !s)
            return s.error();
        QStringList keep;
        collectCodes(programme.questions, keep);
        // Questions leaving the tree must hold nothing; graded ones with judgments stay graded.
        QHash<QString, bool> gradedAfter;
        std::function<void(const QList<Question>&)> walk = [&](const QList<Question>& qs) {
            for (const Question& q : qs) {
                gradedAfter.insert(q.code, q.graded);
                walk(q.children);
            }
        };
        walk(programme.questions);
        const auto programmeId = ref.programmeId(programme.code);
        if (!programmeId)
            return programmeId.error();
        QList<Question> removed;
        for (const Question& q : ref.questionsFlat(programme.code)) {
            auto held = ref.questionHoldings(q.id);
            if (!held)
                return held.error();
            if (!keep.contains(q.code)) {
                if (const QString words = inWords(*held); !words.isEmpty())
                    return Error::make(
                        Error::Code::Invalid,
                        QStringLiteral(
                            "question %1 holds %2; move or delete them before removing it")
                            .arg(q.code, words));
                removed << q;
            } else if (q.graded && !gradedAfter.value(q.code) && held->judgments > 0) {
                return Error::make(
                    Error::Code::Invalid,
                    QStringLiteral("question %1 has %2 judgment(s); it must stay graded")
                        .arg(q.code)
                        .arg(held->judgments));
            }
        }
        // Deepest first, so that a parent goes after its children.
        std::sort(removed.begin(), removed.end(),
                  [](const Question& a, const Question& b) { return a.depth > b.depth; });
        for (const Question& q : removed)
            if (Status s = ref.removeQuestion(q.id, q.code); !s)
                return s.error();
        if (auto done = ref.upsertProgramme(programme); !done)
            return done.error();
        const auto after = ref.programme(programme.code);
        if (json(before) == json(after))
            return *after;
        if (Status s = locks.refuseFramework(
                programme.code, QStringLiteral("programme \"%1\"").arg(programme.code));
            !s)
            return s.error();
        changes = service::programmeChanges(before, *after);
        if (Status s = m_wb.audit().append(Workbench::actor(), u"update"_s, u"programme"_s,
                                           programme.code, json(before), json(after));
            !s)
            return s.error();
        return *after;
    });
}

Result<Programme> FrameworkService::frameworkCopy(const QString& fromCode, const QString& code,
                                                  const QString& title, int year) const
{
    const auto from = m_wb.reference().programme(fromCode);
    if (!from)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\" to copy").arg(fromCode));
    Programme copy = *from;
    copy.id = 0;
    copy.code = code;
    copy.title = title;
    copy.shortTitle.clear();
    copy.year = year;
    copy.fieldwork.clear();
    copy.published.clear();
    // Each question continues the one it was copied from: the change view compares them.
    std::function<void(QList<Question>&)> reset = [&](QList<Question>& qs) {
        for (Question& q : qs) {
            q.id = 0;
            q.parentId = 0;
            q.follows = fromCode + QLatin1Char('/') + q.code;
            q.comparable = true;
            reset(q.children);
        }
    };
    reset(copy.questions);
    return copy;
}

Result<Programme> FrameworkService::copyFramework(const QString& fromCode, const QString& code,
                                                  const QString& title, int year)
{
    auto copy = frameworkCopy(fromCode, code, title, year);
    if (!copy)
        return copy.error();
    return createProgramme(*copy);
}

Result<Programme> FrameworkService::deleteProgramme(const QString& code)
{
    return inTransaction<Programme>(m_wb, [&](ChangeSet& changes) -> Result<Programme> {
        changes.add(EntityKind::Programme, ChangeOp::Removed, {code}, {code, {}, {}, {}});
        ReferenceRepository ref = m_wb.reference();
        const auto before = ref.programme(code);
        if (!before)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no programme \"%1\"").arg(code));
        if (Status s = LockRule(m_wb.database())
                           .refuseFramework(code, QStringLiteral("programme \"%1\"").arg(code));
            !s)
            return s.error();
        auto n = ref.programmeHoldings(code);
        if (!n)
            return n.error();
        if (*n > 0)
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral(
                    "programme %1 holds %2 findings, judgments, samples, figures or documents; "
                    "it cannot be deleted")
                    .arg(code)
                    .arg(*n));
        if (Status s = ref.removeProgramme(code); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"delete"_s, u"programme"_s, code,
                                           json(before), {});
            !s)
            return s.error();
        return *before;
    });
}

Result<Force> FrameworkService::saveForce(const Force& force)
{
    if (force.name.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("force %1 needs a name").arg(force.code));
    if (!QStringList{u"constabulary"_s, u"force"_s, u"service"_s}.contains(force.style))
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("force style \"%1\" is not constabulary, force or service")
                .arg(force.style));
    return inTransaction<Force>(m_wb, [&](ChangeSet& changes) -> Result<Force> {
        ReferenceRepository ref = m_wb.reference();
        const auto before = ref.force(force.code);
        if (!before && !isValidCode(force.code))
            return Error::make(Error::Code::Invalid,
                               invalidCodeMessage(u"force code"_s, force.code));
        if (auto done = ref.upsertForce(force); !done)
            return done.error();
        const auto after = ref.force(force.code);
        if (!after)
            return Error::make(Error::Code::Internal, u"the force was not saved"_s);
        if (before && json(before) == json(after))
            return *after;
        changes.add(EntityKind::Force, before ? ChangeOp::Changed : ChangeOp::Added, {force.code});
        if (Status s = m_wb.audit().append(Workbench::actor(), before ? u"update"_s : u"insert"_s,
                                           u"force"_s, force.code, json(before), json(after));
            !s)
            return s.error();
        return *after;
    });
}

Result<Person> FrameworkService::savePerson(const Person& person)
{
    if (person.code.trimmed().isEmpty() || person.code.contains(QLatin1Char(' ')))
        return Error::make(Error::Code::Invalid, invalidCodeMessage(u"person code"_s, person.code));
    if (person.name.trimmed().isEmpty())
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("person %1 needs a name").arg(person.code));
    return inTransaction<Person>(m_wb, [&](ChangeSet& changes) -> Result<Person> {
        ReferenceRepository ref = m_wb.reference();
        const auto before = ref.person(person.code);
        if (!before && !isValidCode(person.code))
            return Error::make(Error::Code::Invalid,
                               invalidCodeMessage(u"person code"_s, person.code));
        if (auto done = ref.upsertPerson(person); !done)
            return done.error();
        const auto after = ref.person(person.code);
        if (!after)
            return Error::make(Error::Code::Internal, u"the person was not saved"_s);
        if (before && json(before) == json(after))
            return *after;
        changes.add(EntityKind::Person, before ? ChangeOp::Changed : ChangeOp::Added,
                    {person.code});
        if (Status s = m_wb.audit().append(Workbench::actor(), before ? u"update"_s : u"insert"_s,
                                           u"person"_s, person.code, json(before), json(after));
            !s)
            return s.error();
        return *after;
    });
}

Result<Person> FrameworkService::deletePerson(const QString& code)
{
    return inTransaction<Person>(m_wb, [&](ChangeSet& changes) -> Result<Person> {
        changes.add(EntityKind::Person, ChangeOp::Removed, {code});
        ReferenceRepository ref = m_wb.reference();
        const auto before = ref.person(code);
        if (!before)
            return Error::make(Error::Code::NotFound, QStringLiteral("no person \"%1\"").arg(code));
        auto n = ref.personReferences(code);
        if (!n)
            return n.error();
        if (*n > 0)
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral(
                    "%1 is named as a chief officer or in a letter; they cannot be deleted")
                    .arg(before->name));
        if (Status s = ref.removePerson(code); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"delete"_s, u"person"_s, code,
                                           json(before), {});
            !s)
            return s.error();
        return *before;
    });
}

} // namespace fwb
