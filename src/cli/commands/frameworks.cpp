// fwb programme, question, force, person: frameworks and reference data from a script. Each
// prints the code it wrote once the change is committed.
#include "core/services/frameworks.h"
#include "cli/support.h"
#include "core/reader.h"
#include "core/workbench.h"

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

bool required(QCommandLineParser& p, const QList<const QCommandLineOption*>& options,
              QTextStream& err, int& code)
{
    for (const QCommandLineOption* o : options)
        if (!p.isSet(*o)) {
            code = usage(err, QStringLiteral("--%1 is required").arg(o->names().constLast()));
            return false;
        }
    return true;
}

Question* findQuestion(QList<Question>& qs, const QString& code, QList<Question>** owner = nullptr)
{
    for (Question& q : qs) {
        if (q.code == code) {
            if (owner)
                *owner = &qs;
            return &q;
        }
        if (Question* c = findQuestion(q.children, code, owner))
            return c;
    }
    return nullptr;
}

// ---- programme --------------------------------------------------------------------------------

int cmdProgramme(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString action = args.value(1);
    if (action != u"create"_s && action != u"delete"_s)
        return unknownAction(out, err, u"programme"_s, action, {u"create"_s, u"delete"_s});
    QCommandLineParser p;
    int code = Ok;
    if (action == u"delete"_s) {
        if (!parse(p, args, u"programme delete FILE CODE"_s, 4, out, err, code))
            return code;
        auto wb = Workbench::open(p.positionalArguments().at(2));
        if (!wb)
            return fail(err, wb.error());
        auto done = FrameworkService(**wb).deleteProgramme(p.positionalArguments().at(3));
        if (!done)
            return fail(err, done.error());
        out << done->code << Qt::endl;
        return Ok;
    }
    const QCommandLineOption codeOpt(
        u"code"_s, u"The new programme's code, e.g. peel-effectiveness-2016."_s, u"CODE"_s);
    const QCommandLineOption title(u"title"_s, u"Its title."_s, u"TEXT"_s);
    const QCommandLineOption year(u"year"_s, u"Its year."_s, u"YEAR"_s);
    const QCommandLineOption copyFrom(
        u"copy-from"_s, u"Copy the framework (questions, grading, scale) of this programme."_s,
        u"CODE"_s);
    const QCommandLineOption kind(u"kind"_s, u"peel or thematic (default peel)."_s, u"KIND"_s);
    const QCommandLineOption scale(
        u"grade-scale"_s, u"The grade scale's code (default none: ungraded)."_s, u"CODE"_s);
    p.addOptions({codeOpt, title, year, copyFrom, kind, scale});
    const QString synopsis =
        u"programme create FILE --code CODE --title TEXT --year YEAR [--copy-from CODE] "
        "[--kind peel|thematic] [--grade-scale CODE]"_s;
    if (!parse(p, args, synopsis, 3, out, err, code) ||
        !required(p, {&codeOpt, &title, &year}, err, code))
        return code;
    bool ok = false;
    const int y = p.value(year).toInt(&ok);
    if (!ok)
        return usage(err, QStringLiteral("--year: \"%1\" is not a year").arg(p.value(year)));
    if (p.isSet(copyFrom) && (p.isSet(kind) || p.isSet(scale)))
        return usage(err, u"--copy-from takes the kind and grade scale of the programme copied"_s);
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    FrameworkService frameworks(**wb);
    Result<Programme> done = Error{};
    if (p.isSet(copyFrom)) {
        done = frameworks.copyFramework(p.value(copyFrom), p.value(codeOpt), p.value(title), y);
    } else {
        Programme pr;
        pr.code = p.value(codeOpt);
        pr.title = p.value(title);
        pr.year = y;
        pr.kind = p.isSet(kind) ? p.value(kind) : u"peel"_s;
        pr.gradeScaleCode = p.value(scale);
        done = frameworks.createProgramme(pr);
    }
    if (!done)
        return fail(err, done.error());
    out << done->code << Qt::endl;
    return Ok;
}

// ---- question ---------------------------------------------------------------------------------

int cmdQuestion(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString action = args.value(1);
    if (action != u"add"_s && action != u"edit"_s && action != u"delete"_s)
        return unknownAction(out, err, u"question"_s, action, {u"add"_s, u"edit"_s, u"delete"_s});
    QCommandLineParser p;
    const QCommandLineOption programme(u"programme"_s, u"The programme's code."_s, u"CODE"_s);
    const QCommandLineOption codeOpt(u"code"_s, u"The question's code, e.g. Q2.3."_s, u"CODE"_s);
    const QCommandLineOption text(u"text"_s, u"Its wording."_s, u"TEXT"_s);
    const QCommandLineOption shortTitle(u"short-title"_s, u"A short title for lists."_s, u"TEXT"_s);
    const QCommandLineOption parent(
        u"parent"_s, u"Put it under this question (\"\" for the top level)."_s, u"CODE"_s);
    const QCommandLineOption position(
        u"position"_s, u"Its place among its siblings (1 is first; default last)."_s, u"N"_s);
    const QCommandLineOption graded(u"graded"_s, u"Graded: it takes a judgment."_s);
    const QCommandLineOption ungraded(u"not-graded"_s, u"Not graded."_s);
    const QCommandLineOption follows(
        u"follows"_s, u"The earlier programme's question it continues (\"\" for none)."_s,
        u"PROGRAMME/CODE"_s);
    const QCommandLineOption comparable(
        u"comparable"_s, u"Whether grades on it compare with the question it follows."_s,
        u"yes|no"_s);
    p.addOptions({programme, codeOpt});
    if (action != u"delete"_s)
        p.addOptions({text, shortTitle, parent, position, graded, ungraded, follows, comparable});
    int code = Ok;
    const QString synopsis =
        action == u"delete"_s
            ? u"question delete FILE --programme CODE --code CODE"_s
            : QStringLiteral("question %1 FILE --programme CODE --code CODE %2[--short-title TEXT] "
                             "[--parent CODE] [--position N] [--graded | --not-graded] "
                             "[--follows PROGRAMME/CODE] [--comparable yes|no]")
                  .arg(action, action == u"add"_s ? u"--text TEXT "_s : u"[--text TEXT] "_s);
    if (!parse(p, args, synopsis, 3, out, err, code) ||
        !required(p, {&programme, &codeOpt}, err, code))
        return code;
    if (action == u"add"_s && !required(p, {&text}, err, code))
        return code;
    if (action != u"delete"_s && p.isSet(graded) && p.isSet(ungraded))
        return usage(err, u"give --graded or --not-graded, not both"_s);
    if (action != u"delete"_s && p.isSet(comparable) && p.value(comparable) != u"yes"_s &&
        p.value(comparable) != u"no"_s)
        return usage(
            err, QStringLiteral("--comparable: \"%1\" is not yes or no").arg(p.value(comparable)));
    int at = 0;
    if (action != u"delete"_s && p.isSet(position)) {
        bool ok = false;
        at = p.value(position).toInt(&ok);
        if (!ok || at < 1)
            return usage(err, QStringLiteral("--position: \"%1\" is not a position (1 or more)")
                                  .arg(p.value(position)));
    }
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto current = (*wb)->reader().programme(p.value(programme));
    if (!current)
        return fail(err,
                    Error::make(Error::Code::NotFound,
                                QStringLiteral("no programme \"%1\"").arg(p.value(programme))));
    Programme pr = *current;
    const QString qcode = p.value(codeOpt);
    QList<Question>* owner = nullptr;
    Question* existing = findQuestion(pr.questions, qcode, &owner);
    if (action == u"add"_s && existing)
        return fail(
            err, Error::make(Error::Code::Conflict,
                             QStringLiteral("%1 already has a question %2").arg(pr.code, qcode)));
    if (action != u"add"_s && !existing)
        return fail(err, Error::make(Error::Code::NotFound,
                                     QStringLiteral("%1 has no question %2").arg(pr.code, qcode)));
    if (action == u"delete"_s) {
        owner->removeAt(existing - owner->data());
    } else {
        Question q = existing ? *existing : Question{};
        q.code = qcode;
        if (p.isSet(text))
            q.text = p.value(text);
        if (p.isSet(shortTitle))
            q.shortTitle = p.value(shortTitle);
        if (p.isSet(graded))
            q.graded = true;
        if (p.isSet(ungraded))
            q.graded = false;
        if (p.isSet(follows))
            q.follows = p.value(follows);
        if (p.isSet(comparable))
            q.comparable = p.value(comparable) == u"yes"_s;
        if (existing && !p.isSet(parent) && !p.isSet(position)) {
            *existing = q; // reworded or regraded where it stands
        } else {
            if (existing)
                owner->removeAt(existing - owner->data());
            QList<Question>* siblings = existing && !p.isSet(parent) ? owner : &pr.questions;
            if (!p.value(parent).isEmpty()) {
                Question* under = findQuestion(pr.questions, p.value(parent));
                if (!under)
                    return fail(err,
                                Error::make(Error::Code::NotFound,
                                            QStringLiteral("%1 has no question %2 to put %3 under")
                                                .arg(pr.code, p.value(parent), qcode)));
                siblings = &under->children;
            }
            const qsizetype index = at <= 0 || at > siblings->size() ? siblings->size() : at - 1;
            siblings->insert(index, q);
        }
    }
    auto done = FrameworkService(**wb).saveProgramme(pr);
    if (!done)
        return fail(err, done.error());
    out << qcode << Qt::endl;
    return Ok;
}

// ---- force and person -------------------------------------------------------------------------

int cmdForce(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.value(1) != u"set"_s)
        return unknownAction(out, err, u"force"_s, args.value(1), {u"set"_s});
    QCommandLineParser p;
    const QCommandLineOption name(u"name"_s, u"Its name, e.g. Lancashire Constabulary."_s,
                                  u"TEXT"_s);
    const QCommandLineOption shortName(u"short-name"_s, u"Its short name, e.g. Lancashire."_s,
                                       u"TEXT"_s);
    const QCommandLineOption style(
        u"style"_s, u"constabulary, force or service (\"the constabulary\")."_s, u"STYLE"_s);
    const QCommandLineOption chief(u"chief-officer"_s,
                                   u"The code of its chief officer (\"\" for none)."_s, u"CODE"_s);
    p.addOptions({name, shortName, style, chief});
    int code = Ok;
    if (!parse(
            p, args,
            u"force set FILE CODE [--name TEXT] [--short-name TEXT] [--style STYLE] [--chief-officer CODE]"_s,
            4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto force = (*wb)->reader().force(p.positionalArguments().at(3));
    if (!force)
        return fail(
            err, Error::make(Error::Code::NotFound,
                             QStringLiteral("no force \"%1\"").arg(p.positionalArguments().at(3))));
    Force f = *force;
    if (p.isSet(name))
        f.name = p.value(name);
    if (p.isSet(shortName))
        f.shortName = p.value(shortName);
    if (p.isSet(style))
        f.style = p.value(style);
    if (p.isSet(chief))
        f.chiefOfficerCode = p.value(chief);
    auto done = FrameworkService(**wb).saveForce(f);
    if (!done)
        return fail(err, done.error());
    out << done->code << Qt::endl;
    return Ok;
}

int cmdPerson(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.value(1) != u"set"_s)
        return unknownAction(out, err, u"person"_s, args.value(1), {u"set"_s});
    QCommandLineParser p;
    const QCommandLineOption name(u"name"_s, u"Full name."_s, u"TEXT"_s);
    const QCommandLineOption title(u"title"_s, u"e.g. Chief Constable."_s, u"TEXT"_s);
    const QCommandLineOption postNominals(u"post-nominals"_s, u"e.g. QPM."_s, u"TEXT"_s);
    const QCommandLineOption post(u"post"_s, u"e.g. HM Inspector of Constabulary."_s, u"TEXT"_s);
    const QCommandLineOption greeting(u"greeting"_s,
                                      u"How a letter greets them, e.g. Dear Steve."_s, u"TEXT"_s);
    const QCommandLineOption addressName(u"address-name"_s, u"How a letter addresses them."_s,
                                         u"TEXT"_s);
    const QCommandLineOption force(u"force"_s, u"The force they belong to (\"\" for none)."_s,
                                   u"CODE"_s);
    p.addOptions({name, title, postNominals, post, greeting, addressName, force});
    int code = Ok;
    if (!parse(p, args,
               u"person set FILE CODE [--name TEXT] [--title TEXT] [--post-nominals TEXT] [--post "
               u"TEXT] "
               "[--greeting TEXT] [--address-name TEXT] [--force CODE]"_s,
               4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    Person person = (*wb)->reader().person(p.positionalArguments().at(3)).value_or(Person{});
    person.code = p.positionalArguments().at(3);
    if (person.id == 0 && !p.isSet(name))
        return usage(err, u"--name is required for a new person"_s);
    if (p.isSet(name))
        person.name = p.value(name);
    if (p.isSet(title))
        person.title = p.value(title);
    if (p.isSet(postNominals))
        person.postNominals = p.value(postNominals);
    if (p.isSet(post))
        person.post = p.value(post);
    if (p.isSet(greeting))
        person.greeting = p.value(greeting);
    if (p.isSet(addressName))
        person.addressName = p.value(addressName);
    if (p.isSet(force))
        person.forceCode = p.value(force);
    auto done = FrameworkService(**wb).savePerson(person);
    if (!done)
        return fail(err, done.error());
    out << done->code << Qt::endl;
    return Ok;
}

} // namespace

QList<Command> frameworkCommands()
{
    return {
        {u"programme"_s, u"programme create|delete FILE ..."_s,
         u"create a programme (empty, or --copy-from an earlier year's framework), or delete an empty one"_s,
         cmdProgramme},
        {u"question"_s, u"question add|edit|delete FILE --programme CODE --code CODE ..."_s,
         u"add, reword, nest, reorder, grade or remove a question of a framework"_s, cmdQuestion},
        {u"force"_s, u"force set FILE CODE ..."_s,
         u"change a force's name, style or chief officer"_s, cmdForce},
        {u"person"_s, u"person set FILE CODE ..."_s,
         u"add or change a person letters are addressed to or signed by"_s, cmdPerson},
    };
}

} // namespace fwb::cli
