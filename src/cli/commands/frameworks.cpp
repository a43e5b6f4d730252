// fwb programme, question, force, person: frameworks and reference data from a script. Each
// prints the code it wrote once the change is committed.
#include "services/frameworks.h"
#include "support.h"
#include "workbench.h"

namespace fwb::cli {
namespace {

bool required(QCommandLineParser& p, const QList<const QCommandLineOption*>& options, QTextStream& err, int& code)
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
    if (action != L("create") && action != L("delete"))
        return unknownAction(out, err, L("programme"), action, {L("create"), L("delete")});
    QCommandLineParser p;
    int code = Ok;
    if (action == L("delete")) {
        if (!parse(p, args, L("programme delete FILE CODE"), 4, out, err, code))
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
    const QCommandLineOption codeOpt(L("code"), L("The new programme's code, e.g. peel-effectiveness-2016."), L("CODE"));
    const QCommandLineOption title(L("title"), L("Its title."), L("TEXT"));
    const QCommandLineOption year(L("year"), L("Its year."), L("YEAR"));
    const QCommandLineOption copyFrom(L("copy-from"), L("Copy the framework (questions, grading, scale) of this programme."), L("CODE"));
    const QCommandLineOption kind(L("kind"), L("peel or thematic (default peel)."), L("KIND"));
    const QCommandLineOption scale(L("grade-scale"), L("The grade scale's code (default none: ungraded)."), L("CODE"));
    p.addOptions({codeOpt, title, year, copyFrom, kind, scale});
    const QString synopsis = L("programme create FILE --code CODE --title TEXT --year YEAR [--copy-from CODE] "
                               "[--kind peel|thematic] [--grade-scale CODE]");
    if (!parse(p, args, synopsis, 3, out, err, code) || !required(p, {&codeOpt, &title, &year}, err, code))
        return code;
    bool ok = false;
    const int y = p.value(year).toInt(&ok);
    if (!ok)
        return usage(err, QStringLiteral("--year: \"%1\" is not a year").arg(p.value(year)));
    if (p.isSet(copyFrom) && (p.isSet(kind) || p.isSet(scale)))
        return usage(err, L("--copy-from takes the kind and grade scale of the programme copied"));
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
        pr.kind = p.isSet(kind) ? p.value(kind) : L("peel");
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
    if (action != L("add") && action != L("edit") && action != L("delete"))
        return unknownAction(out, err, L("question"), action, {L("add"), L("edit"), L("delete")});
    QCommandLineParser p;
    const QCommandLineOption programme(L("programme"), L("The programme's code."), L("CODE"));
    const QCommandLineOption codeOpt(L("code"), L("The question's code, e.g. Q2.3."), L("CODE"));
    const QCommandLineOption text(L("text"), L("Its wording."), L("TEXT"));
    const QCommandLineOption shortTitle(L("short-title"), L("A short title for lists."), L("TEXT"));
    const QCommandLineOption parent(L("parent"), L("Put it under this question (\"\" for the top level)."), L("CODE"));
    const QCommandLineOption position(L("position"), L("Its place among its siblings (1 is first; default last)."), L("N"));
    const QCommandLineOption graded(L("graded"), L("Graded: it takes a judgment."));
    const QCommandLineOption ungraded(L("not-graded"), L("Not graded."));
    const QCommandLineOption follows(L("follows"), L("The earlier programme's question it continues (\"\" for none)."),
                                     L("PROGRAMME/CODE"));
    const QCommandLineOption comparable(L("comparable"), L("Whether grades on it compare with the question it follows."),
                                        L("yes|no"));
    p.addOptions({programme, codeOpt});
    if (action != L("delete"))
        p.addOptions({text, shortTitle, parent, position, graded, ungraded, follows, comparable});
    int code = Ok;
    const QString synopsis = action == L("delete")
                                 ? L("question delete FILE --programme CODE --code CODE")
                                 : QStringLiteral("question %1 FILE --programme CODE --code CODE %2[--short-title TEXT] "
                                                  "[--parent CODE] [--position N] [--graded | --not-graded] "
                                                  "[--follows PROGRAMME/CODE] [--comparable yes|no]")
                                       .arg(action, action == L("add") ? L("--text TEXT ") : L("[--text TEXT] "));
    if (!parse(p, args, synopsis, 3, out, err, code) || !required(p, {&programme, &codeOpt}, err, code))
        return code;
    if (action == L("add") && !required(p, {&text}, err, code))
        return code;
    if (action != L("delete") && p.isSet(graded) && p.isSet(ungraded))
        return usage(err, L("give --graded or --not-graded, not both"));
    if (action != L("delete") && p.isSet(comparable) && p.value(comparable) != L("yes") && p.value(comparable) != L("no"))
        return usage(err, QStringLiteral("--comparable: \"%1\" is not yes or no").arg(p.value(comparable)));
    int at = 0;
    if (action != L("delete") && p.isSet(position)) {
        bool ok = false;
        at = p.value(position).toInt(&ok);
        if (!ok || at < 1)
            return usage(err, QStringLiteral("--position: \"%1\" is not a position (1 or more)").arg(p.value(position)));
    }
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto current = (*wb)->reference().programme(p.value(programme));
    if (!current)
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("no programme \"%1\"").arg(p.value(programme))));
    Programme pr = *current;
    const QString qcode = p.value(codeOpt);
    QList<Question>* owner = nullptr;
    Question* existing = findQuestion(pr.questions, qcode, &owner);
    if (action == L("add") && existing)
        return fail(err, Error::make(Error::Code::Conflict, QStringLiteral("%1 already has a question %2").arg(pr.code, qcode)));
    if (action != L("add") && !existing)
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("%1 has no question %2").arg(pr.code, qcode)));
    if (action == L("delete")) {
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
            q.comparable = p.value(comparable) == L("yes");
        if (existing && !p.isSet(parent) && !p.isSet(position)) {
            *existing = q; // reworded or regraded where it stands
        } else {
            if (existing)
                owner->removeAt(existing - owner->data());
            QList<Question>* siblings = existing && !p.isSet(parent) ? owner : &pr.questions;
            if (!p.value(parent).isEmpty()) {
                Question* under = findQuestion(pr.questions, p.value(parent));
                if (!under)
                    return fail(err, Error::make(Error::Code::NotFound,
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
    if (args.value(1) != L("set"))
        return unknownAction(out, err, L("force"), args.value(1), {L("set")});
    QCommandLineParser p;
    const QCommandLineOption name(L("name"), L("Its name, e.g. Lancashire Constabulary."), L("TEXT"));
    const QCommandLineOption shortName(L("short-name"), L("Its short name, e.g. Lancashire."), L("TEXT"));
    const QCommandLineOption style(L("style"), L("constabulary, force or service (\"the constabulary\")."), L("STYLE"));
    const QCommandLineOption chief(L("chief-officer"), L("The code of its chief officer (\"\" for none)."), L("CODE"));
    p.addOptions({name, shortName, style, chief});
    int code = Ok;
    if (!parse(p, args, L("force set FILE CODE [--name TEXT] [--short-name TEXT] [--style STYLE] [--chief-officer CODE]"),
               4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto force = (*wb)->reference().force(p.positionalArguments().at(3));
    if (!force)
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("no force \"%1\"").arg(p.positionalArguments().at(3))));
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
    if (args.value(1) != L("set"))
        return unknownAction(out, err, L("person"), args.value(1), {L("set")});
    QCommandLineParser p;
    const QCommandLineOption name(L("name"), L("Full name."), L("TEXT"));
    const QCommandLineOption title(L("title"), L("e.g. Chief Constable."), L("TEXT"));
    const QCommandLineOption postNominals(L("post-nominals"), L("e.g. QPM."), L("TEXT"));
    const QCommandLineOption post(L("post"), L("e.g. HM Inspector of Constabulary."), L("TEXT"));
    const QCommandLineOption greeting(L("greeting"), L("How a letter greets them, e.g. Dear Steve."), L("TEXT"));
    const QCommandLineOption addressName(L("address-name"), L("How a letter addresses them."), L("TEXT"));
    const QCommandLineOption force(L("force"), L("The force they belong to (\"\" for none)."), L("CODE"));
    p.addOptions({name, title, postNominals, post, greeting, addressName, force});
    int code = Ok;
    if (!parse(p, args, L("person set FILE CODE [--name TEXT] [--title TEXT] [--post-nominals TEXT] [--post TEXT] "
                          "[--greeting TEXT] [--address-name TEXT] [--force CODE]"),
               4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    Person person = (*wb)->reference().person(p.positionalArguments().at(3)).value_or(Person{});
    person.code = p.positionalArguments().at(3);
    if (person.id == 0 && !p.isSet(name))
        return usage(err, L("--name is required for a new person"));
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
        {L("programme"), L("programme create|delete FILE ..."),
         L("create a programme (empty, or --copy-from an earlier year's framework), or delete an empty one"), cmdProgramme},
        {L("question"), L("question add|edit|delete FILE --programme CODE --code CODE ..."),
         L("add, reword, nest, reorder, grade or remove a question of a framework"), cmdQuestion},
        {L("force"), L("force set FILE CODE ..."), L("change a force's name, style or chief officer"), cmdForce},
        {L("person"), L("person set FILE CODE ..."), L("add or change a person letters are addressed to or signed by"),
         cmdPerson},
    };
}

} // namespace fwb::cli
