// fwb review, fwb diff: the factual accuracy check from a script — move material through the
// lifecycle, send a document to its force as a pack, import the force's form, decide each
// response, keep review notes, and compare revisions or the document as sent with the document now.
#include "documents/assembly.h"
#include "documents/reviewpack.h"
#include "io/csv.h"
#include "services/review.h"
#include "support.h"
#include "workbench.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fwb::cli {
namespace {

const QCommandLineOption kDocument(L("document"), L("The document's uid."), L("UID"));
const QCommandLineOption kProgramme(L("programme"), L("With --force: the programme of the document."), L("CODE"));
const QCommandLineOption kForce(L("force"), L("With --programme: the force of the document."), L("CODE"));
const QCommandLineOption kKind(L("kind"), L("letter or report, when a force has both."), L("KIND"));
const QCommandLineOption kFinding(L("finding"), L("A finding's uid."), L("UID"));
const QCommandLineOption kJudgment(L("judgment"), L("A judgment: PROGRAMME/FORCE/QUESTION."), L("KEY"));
const QCommandLineOption kOverview(L("overview"), L("A judgment's overview: PROGRAMME/FORCE/QUESTION."), L("KEY"));
const QCommandLineOption kSection(L("section"), L("A section's uid."), L("UID"));
const QCommandLineOption kJson(L("json"), L("Print JSON."));

// The document named by --document, or by --programme and --force (and --kind when there are two).
Result<Document> documentOf(const Workbench& wb, QCommandLineParser& p)
{
    if (p.isSet(kDocument)) {
        if (auto d = wb.documents().document(p.value(kDocument)))
            return *d;
        return Error::make(Error::Code::NotFound, QStringLiteral("no document \"%1\"").arg(p.value(kDocument)));
    }
    if (!p.isSet(kProgramme) || !p.isSet(kForce))
        return Error::make(Error::Code::Invalid, L("name the document: --document UID, or --programme CODE --force CODE"));
    QList<Document> found;
    for (const Document& d : wb.documents().documents(p.value(kProgramme), p.value(kForce)))
        if (!p.isSet(kKind) || d.kind == p.value(kKind))
            found << d;
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty())
        return Error::make(Error::Code::NotFound, QStringLiteral("%1 has no document for %2")
                                                      .arg(p.value(kProgramme), p.value(kForce)));
    QStringList uids;
    for (const Document& d : found)
        uids << d.uid + QStringLiteral(" (") + d.kind + QLatin1Char(')');
    return Error::make(Error::Code::Invalid, QStringLiteral("%1 has %2 documents for %3 (%4): give --kind or --document")
                                                 .arg(p.value(kProgramme))
                                                 .arg(found.size())
                                                 .arg(p.value(kForce), uids.join(L(", "))));
}

// The target named by one of --document, --finding, --judgment (and, for diff, --overview, --section).
Result<QString> targetOf(QCommandLineParser& p, bool text)
{
    QList<std::pair<const QCommandLineOption*, const char*>> kinds{{&kFinding, "finding:"}, {&kJudgment, "judgment:"}};
    if (text)
        kinds += {{&kOverview, "overview:"}, {&kSection, "section:"}};
    else
        kinds += {{&kDocument, "document:"}};
    QString target;
    int given = 0;
    for (const auto& [option, prefix] : kinds)
        if (p.isSet(*option)) {
            ++given;
            target = QString::fromLatin1(prefix) + p.value(*option);
        }
    if (given != 1)
        return Error::make(Error::Code::Invalid, text ? L("name one text: --finding, --judgment, --overview or --section")
                                                      : L("name one thing: --document, --finding or --judgment"));
    return target;
}


std::unique_ptr<Workbench> openOrFail(const QString& path, QTextStream& err, int& code, bool readOnly = false)
{
    auto wb = Workbench::open(path, OpenOptions{readOnly, 5000});
    if (!wb) {
        code = fail(err, wb.error());
        return nullptr;
    }
    return std::move(*wb);
}

int reviewSend(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption output(QStringList{L("o"), L("output")}, L("The folder to write the pack into."), L("DIR"));
    const QCommandLineOption now(L("now"), L("Make the pack as at this time (for the embargo notice)."), L("DATETIME"));
    p.addOptions({kDocument, kProgramme, kForce, kKind, output, now});
    int code = Ok;
    if (!parse(p, args, L("review send FILE (--document UID | --programme CODE --force CODE [--kind KIND]) -o DIR"), 3,
               out, err, code))
        return code;
    if (!requireOptions(p, {&output}, err, code))
        return code;
    auto at = parseNow(p, now);
    if (!at)
        return usage(err, at.error().message);
    auto wb = openOrFail(p.positionalArguments().at(2), err, code);
    if (!wb)
        return code;
    auto d = documentOf(*wb, p);
    if (!d)
        return fail(err, d.error());
    if (Status s = wb->refuseOwnFile(p.value(output)); !s)
        return fail(err, s.error());
    ReviewService review(*wb);
    auto round = review.send(d->uid, documents::fieldFiller(*wb, *d));
    if (!round)
        return fail(err, round.error());
    auto written = documents::writePack(*wb, *round, p.value(output), *at);
    if (!written)
        return fail(err, Error::make(written.error().code,
                                     QStringLiteral("%1 is sent (round %2) but its pack could not be written: %3. Write it "
                                                    "with `fwb review pack` once that is put right")
                                         .arg(d->uid)
                                         .arg(round->number)
                                         .arg(written.error().message)));
    out << "sent " << d->uid << " for factual accuracy check (round " << round->number << ", " << round->items.size()
        << " references)\n";
    for (const QString& f : *written)
        out << "wrote " << f << "\n";
    out << Qt::flush;
    return Ok;
}

int reviewPack(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption output(QStringList{L("o"), L("output")}, L("The folder to write the pack into."), L("DIR"));
    p.addOptions({kDocument, kProgramme, kForce, kKind, output});
    int code = Ok;
    if (!parse(p, args, L("review pack FILE (--document UID | --programme CODE --force CODE) -o DIR"), 3, out, err, code))
        return code;
    if (!requireOptions(p, {&output}, err, code))
        return code;
    auto wb = openOrFail(p.positionalArguments().at(2), err, code, true);
    if (!wb)
        return code;
    auto d = documentOf(*wb, p);
    if (!d)
        return fail(err, d.error());
    auto written = documents::writePackAgain(*wb, d->uid, p.value(output));
    if (!written)
        return fail(err, written.error());
    for (const QString& f : *written)
        out << "wrote " << f << "\n";
    out << Qt::flush;
    return Ok;
}

int reviewImport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption clean(L("clean-rows-only"), L("Import the rows without problems and report the others."));
    const QCommandLineOption check(L("check"), L("Check the form and report; import nothing."));
    p.addOptions({kDocument, kProgramme, kForce, kKind, clean, check});
    int code = Ok;
    if (!parse(p, args, L("review import FILE FORM.csv [--document UID] [--clean-rows-only | --check]"), 4, out, err, code))
        return code;
    QFile file(p.positionalArguments().at(3));
    if (!file.open(QIODevice::ReadOnly))
        return fail(err, Error::make(Error::Code::NotFound,
                                     QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString())));
    const QByteArray data = file.readAll();
    const QString name = QFileInfo(file.fileName()).fileName();
    auto wb = openOrFail(p.positionalArguments().at(2), err, code);
    if (!wb)
        return code;
    ReviewService review(*wb);
    QString documentUid;
    if (p.isSet(kDocument) || p.isSet(kProgramme)) {
        auto d = documentOf(*wb, p);
        if (!d)
            return fail(err, d.error());
        documentUid = d->uid;
    } else {
        // The form names no document: it belongs to the one out for checking whose references and
        // texts it matches.
        QStringList matching, out;
        for (const Document& d : wb->documents().documents()) {
            const auto round = review.latestRound(d.uid);
            if (!round || !round->isOpen() || (d.status != L("sent") && d.status != L("responded")))
                continue;
            out << d.uid;
            bool fits = true;
            for (const auto& problem : review.checkForm(*round, data, name).problems)
                fits = fits && problem.field != L("reference") && problem.field != L("current text") && !problem.field.isEmpty();
            if (fits)
                matching << d.uid;
        }
        if (matching.size() != 1)
            return fail(err, Error::make(Error::Code::Invalid,
                                         matching.isEmpty()
                                             ? (out.isEmpty() ? L("no document is out for its factual accuracy check")
                                                              : QStringLiteral("the form matches none of the documents out "
                                                                               "for checking (%1): give --document")
                                                                    .arg(out.join(L(", "))))
                                             : QStringLiteral("the form matches %1: give --document").arg(matching.join(L(", ")))));
        documentUid = matching.first();
    }
    if (p.isSet(check)) {
        const auto round = review.latestRound(documentUid);
        if (!round)
            return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("%1 has not been sent").arg(documentUid)));
        const auto report = review.checkForm(*round, data, name);
        for (const auto& problem : report.problems)
            out << problem.toString() << "\n";
        out << (report.problems.isEmpty() ? "the form is clean\n" : "") << Qt::flush;
        return report.problems.isEmpty() ? Ok : BadInput;
    }
    auto report = review.importForm(documentUid, data, name, p.isSet(clean));
    if (!report)
        return fail(err, report.error());
    out << "imported " << report->imported << " response(s) into " << documentUid;
    if (report->unchanged)
        out << "; " << report->unchanged << " row(s) propose nothing";
    if (report->alreadyImported)
        out << "; " << report->alreadyImported << " row(s) were imported before";
    out << "\n";
    for (const auto& problem : report->problems)
        out << "left out " << problem.toString() << "\n";
    out << Qt::flush;
    return Ok;
}

int reviewDecide(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption accept(L("accept"), L("Accept: apply the proposed change (or --wording)."));
    const QCommandLineOption partly(L("partly"), L("Partly accept: apply --wording."));
    const QCommandLineOption reject(L("reject"), L("Reject: leave the text as it is."));
    const QCommandLineOption reason(L("reason"), L("Why (required)."), L("TEXT"));
    const QCommandLineOption wording(L("wording"), L("The wording to apply."), L("TEXT"));
    const QCommandLineOption reference(L("reference"), L("With --document: the response's reference (F12)."), L("REF"));
    p.addOptions({accept, partly, reject, reason, wording, kDocument, reference});
    int code = Ok;
    const QString synopsis = L("review decide FILE (RESPONSE | --document UID --reference REF) (--accept | --partly | "
                               "--reject) --reason TEXT [--wording TEXT]");
    if (!parse(p, args, synopsis, 3, out, err, code, 4))
        return code;
    const int chosen = int(p.isSet(accept)) + int(p.isSet(partly)) + int(p.isSet(reject));
    if (chosen != 1)
        return usage(err, L("give one of --accept, --partly, --reject"));
    if (!requireOptions(p, {&reason}, err, code))
        return code;
    auto wb = openOrFail(p.positionalArguments().at(2), err, code);
    if (!wb)
        return code;
    ReviewService review(*wb);
    QString uid = p.positionalArguments().value(3);
    if (uid.isEmpty()) {
        if (!p.isSet(kDocument) || !p.isSet(reference))
            return usage(err, L("name the response: its uid, or --document UID --reference REF"));
        const auto round = review.latestRound(p.value(kDocument));
        QStringList found;
        if (round)
            for (const FaResponse& r : review.responses(round->uid))
                if (r.reference.compare(p.value(reference), Qt::CaseInsensitive) == 0 && r.decision.isEmpty())
                    found << r.uid;
        if (found.size() > 1)
            return fail(err, Error::make(Error::Code::Invalid,
                                         QStringLiteral("%1 has %2 undecided responses to %3 (%4): name one by its uid")
                                             .arg(p.value(kDocument), QString::number(found.size()), p.value(reference),
                                                  found.join(L(", ")))));
        uid = found.value(0);
        if (uid.isEmpty())
            return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("%1 has no undecided response to %2")
                                                                    .arg(p.value(kDocument), p.value(reference))));
    }
    const QString decision = p.isSet(accept) ? L("accepted") : p.isSet(partly) ? L("partly_accepted") : L("rejected");
    auto r = review.decide(uid, decision, p.value(reason), p.value(wording));
    if (!r)
        return fail(err, r.error());
    const auto progress = review.progress(r->roundUid);
    out << r->uid << " " << r->decision;
    if (r->revision)
        out << " (revision " << r->revision << " of " << r->target << ")";
    out << "; " << progress.decided << " of " << progress.total << " decided\n" << Qt::flush;
    return Ok;
}

int reviewStatus(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOptions({kDocument, kProgramme, kForce, kKind, kJson});
    int code = Ok;
    if (!parse(p, args, L("review status FILE [--document UID | --programme CODE --force CODE] [--json]"), 3, out, err, code))
        return code;
    auto wb = openOrFail(p.positionalArguments().at(2), err, code, true);
    if (!wb)
        return code;
    ReviewService review(*wb);
    QList<Document> docs;
    if (p.isSet(kDocument) || p.isSet(kProgramme)) {
        auto d = documentOf(*wb, p);
        if (!d)
            return fail(err, d.error());
        docs << *d;
    } else {
        docs = wb->documents().documents();
    }
    QJsonArray list;
    for (const Document& d : docs) {
        const auto round = review.latestRound(d.uid);
        const auto progress = round ? review.progress(round->uid) : ReviewService::Progress{};
        const QList<ReviewNote> open = review.notes(d.uid, true);
        QJsonObject o{{L("document"), d.uid}, {L("title"), d.title}, {L("force"), d.forceCode},
                      {L("status"), d.status}, {L("open_notes"), int(open.size())}};
        if (round)
            o.insert(L("round"), QJsonObject{{L("number"), round->number}, {L("sent_at"), round->sentAt},
                                             {L("open"), round->isOpen()}, {L("references"), int(round->items.size())},
                                             {L("responses"), progress.total}, {L("decided"), progress.decided}});
        list.push_back(o);
        if (p.isSet(kJson))
            continue;
        out << d.uid << "  " << statusLabel(d.status) << "  " << d.title << " (" << d.forceCode << ")\n";
        if (round)
            out << "  round " << round->number << ", sent " << round->sentAt.left(10) << " by " << round->sentBy
                << (round->isOpen() ? ", open" : QStringLiteral(", closed %1").arg(round->closedAt.left(10))) << ": "
                << progress.decided << " of " << progress.total << " responses decided\n";
        if (!open.isEmpty())
            out << "  " << open.size() << " open review note(s)\n";
        if (docs.size() == 1 && round)
            for (const FaResponse& r : review.responses(round->uid))
                if (r.decision.isEmpty())
                    out << "  to decide: " << r.uid << "  " << r.reference << "  " << r.category << "  "
                        << r.proposedChange.left(70) << "\n";
        if (docs.size() == 1) {
            const QStringList next = nextStatuses(d.status);
            QStringList moves;
            for (const QString& s : next)
                moves << s;
            out << "  can move to: " << (moves.isEmpty() ? L("nothing") : moves.join(L(", "))) << "\n";
        }
    }
    if (p.isSet(kJson))
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    out << Qt::flush;
    return Ok;
}

int reviewMove(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption to(L("to"), L("The status to move to."), L("STATUS"));
    const QCommandLineOption reason(L("reason"), L("Why (required to withdraw sign-off or reopen)."), L("TEXT"));
    const QCommandLineOption now(L("now"), L("Move as at this time (publication waits for the embargo)."), L("DATETIME"));
    p.addOptions({kDocument, kFinding, kJudgment, to, reason, now});
    int code = Ok;
    if (!parse(p, args, L("review move FILE (--document UID | --finding UID | --judgment P/F/Q) --to STATUS [--reason TEXT]"),
               3, out, err, code))
        return code;
    if (!requireOptions(p, {&to}, err, code))
        return code;
    auto target = targetOf(p, false);
    if (!target)
        return usage(err, target.error().message);
    auto at = parseNow(p, now);
    if (!at)
        return usage(err, at.error().message);
    auto wb = openOrFail(p.positionalArguments().at(2), err, code);
    if (!wb)
        return code;
    auto moved = ReviewService(*wb).move(*target, p.value(to), p.value(reason), *at);
    if (!moved)
        return fail(err, moved.error());
    out << *target << " is now " << statusLabel(p.value(to)).toLower();
    if (*moved > 1)
        out << " (with " << (*moved - 1) << " finding(s) and judgment(s))";
    out << "\n" << Qt::flush;
    return Ok;
}

int reviewHistory(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOptions({kDocument, kFinding, kJudgment});
    int code = Ok;
    if (!parse(p, args, L("review history FILE (--document UID | --finding UID | --judgment P/F/Q)"), 3, out, err, code))
        return code;
    auto target = targetOf(p, false);
    if (!target)
        return usage(err, target.error().message);
    auto wb = openOrFail(p.positionalArguments().at(2), err, code, true);
    if (!wb)
        return code;
    ReviewService review(*wb);
    if (auto s = review.status(*target); !s)
        return fail(err, s.error());
    for (const StatusChange& c : review.history(*target))
        out << c.at.left(19) << "  " << c.actor << "  " << c.from << " → " << c.to
            << (c.reason.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(c.reason)) << "\n";
    out << Qt::flush;
    return Ok;
}

int reviewNote(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption text(L("text"), L("The note, or the answer."), L("TEXT"));
    const QCommandLineOption target(L("target"), L("What the note is on: finding:UID, judgment:P/F/Q, section:UID or document:UID."),
                                    L("TARGET"));
    const QCommandLineOption open(L("open"), L("List only notes not resolved."));
    p.addOptions({text, target, kDocument, open});
    int code = Ok;
    const QString synopsis = L("review note add FILE --target TARGET --text TEXT | review note answer FILE NOTE --text TEXT | "
                               "review note resolve FILE NOTE | review note list FILE [--document UID] [--open]");
    if (!parse(p, args, synopsis, 4, out, err, code, 5))
        return code;
    const QString action = p.positionalArguments().at(2);
    const bool readOnly = action == L("list");
    auto wb = openOrFail(p.positionalArguments().at(3), err, code, readOnly);
    if (!wb)
        return code;
    ReviewService review(*wb);
    const QString note = p.positionalArguments().value(4);
    Result<ReviewNote> done = Error::make(Error::Code::Invalid, QString());
    if (action == L("add")) {
        if (!requireOptions(p, {&target, &text}, err, code))
            return code;
        done = review.addNote(p.value(target), p.value(text));
    } else if (action == L("answer") || action == L("resolve")) {
        if (note.isEmpty())
            return usage(err, QStringLiteral("review note %1 needs the note's uid").arg(action));
        if (action == L("answer") && !requireOptions(p, {&text}, err, code))
            return code;
        done = action == L("answer") ? review.answerNote(note, p.value(text)) : review.resolveNote(note);
    } else if (action == L("list")) {
        for (const ReviewNote& n : review.notes(p.value(kDocument), p.isSet(open))) {
            out << n.uid << "  " << n.status << "  " << n.target << "  " << n.author << ": " << n.body << "\n";
            if (!n.answer.isEmpty())
                out << "    answer (" << n.answeredBy << "): " << n.answer << "\n";
        }
        out << Qt::flush;
        return Ok;
    } else {
        return unknownAction(out, err, L("review note"), action, {L("add"), L("answer"), L("resolve"), L("list")});
    }
    if (!done)
        return fail(err, done.error());
    out << done->uid << " " << done->status << "\n" << Qt::flush;
    return Ok;
}

int reviewRecord(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption output(QStringList{L("o"), L("output")}, L("Write to this file: .csv or .pdf (default: CSV on "
                                                                        "standard output)."),
                                    L("PATH"));
    const QCommandLineOption number(L("round"), L("The round's number (default: the latest)."), L("N"));
    p.addOptions({kDocument, kProgramme, kForce, kKind, output, number});
    int code = Ok;
    if (!parse(p, args, L("review record FILE (--document UID | --programme CODE --force CODE) [--round N] [-o OUT.csv|OUT.pdf]"),
               3, out, err, code))
        return code;
    const QString suffix = QFileInfo(p.value(output)).suffix().toLower();
    if (p.isSet(output) && suffix != L("csv") && suffix != L("pdf"))
        return usage(err, QStringLiteral("-o: \"%1\" should end in .csv or .pdf").arg(p.value(output)));
    auto wb = openOrFail(p.positionalArguments().at(2), err, code, true);
    if (!wb)
        return code;
    auto d = documentOf(*wb, p);
    if (!d)
        return fail(err, d.error());
    ReviewService review(*wb);
    std::optional<ReviewRound> round = review.latestRound(d->uid);
    if (p.isSet(number)) {
        round.reset();
        for (const ReviewRound& r : wb->review().rounds(d->uid))
            if (QString::number(r.number) == p.value(number))
                round = wb->review().round(r.uid);
    }
    if (!round)
        return fail(err, Error::make(Error::Code::NotFound, QStringLiteral("%1 has no such factual accuracy round").arg(d->uid)));
    if (suffix == L("pdf")) {
        auto pdf = documents::htmlToPdf(documents::recordHtml(*wb, *round), d->title + QStringLiteral(" — factual accuracy record"));
        if (!pdf)
            return fail(err, pdf.error());
        return writeOutput(out, err, p.value(output), *pdf);
    }
    return writeOutput(out, err, p.value(output), review.recordCsv(*round));
}

int reviewRevisions(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOptions({kFinding, kJudgment, kOverview, kSection});
    int code = Ok;
    if (!parse(p, args, L("review revisions FILE (--finding UID | --judgment P/F/Q | --overview P/F/Q | --section UID)"), 3,
               out, err, code))
        return code;
    auto target = targetOf(p, true);
    if (!target)
        return usage(err, target.error().message);
    auto wb = openOrFail(p.positionalArguments().at(2), err, code, true);
    if (!wb)
        return code;
    ReviewService review(*wb);
    if (auto t = review.currentText(*target); !t)
        return fail(err, t.error());
    for (const Revision& r : review.revisions(*target))
        out << r.number << "  " << r.at.left(19) << "  " << r.actor << "  " << r.reason << "\n";
    out << Qt::flush;
    return Ok;
}

int cmdReview(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return dispatch(L("review"),
                    {{L("send"), reviewSend},
                     {L("pack"), reviewPack},
                     {L("import"), reviewImport},
                     {L("decide"), reviewDecide},
                     {L("status"), reviewStatus},
                     {L("move"), reviewMove},
                     {L("history"), reviewHistory},
                     {L("note"), reviewNote},
                     {L("record"), reviewRecord},
                     {L("revisions"), reviewRevisions}},
                    args, out, err);
}

int cmdDiff(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption from(L("from"), L("The earlier revision (default 1)."), L("REV"));
    const QCommandLineOption to(L("to"), L("The later revision (default: the text now)."), L("REV"));
    const QCommandLineOption format(L("format"), L("text (default), html or pdf."), L("FORMAT"));
    const QCommandLineOption output(QStringList{L("o"), L("output")}, L("Write to this file."), L("PATH"));
    const QCommandLineOption changed(L("changed-only"), L("With --document: only what changed."));
    p.addOptions({kFinding, kJudgment, kOverview, kSection, kDocument, from, to, format, output, changed});
    int code = Ok;
    if (!parse(p, args, L("diff FILE (--finding UID | --judgment P/F/Q | --overview P/F/Q | --section UID) [--from REV] "
                          "[--to REV]  |  diff FILE --document UID   [--format text|html|pdf] [-o OUT]"),
               2, out, err, code))
        return code;
    QString fmt = p.isSet(format) ? p.value(format).toLower() : QFileInfo(p.value(output)).suffix().toLower();
    if (fmt.isEmpty() || fmt == L("txt"))
        fmt = L("text");
    if (fmt != L("text") && fmt != L("html") && fmt != L("pdf"))
        return usage(err, QStringLiteral("--format: \"%1\" is not text, html or pdf").arg(fmt));
    bool okFrom = true, okTo = true;
    const int a = p.isSet(from) ? p.value(from).toInt(&okFrom) : 1;
    const int b = p.isSet(to) ? p.value(to).toInt(&okTo) : 0;
    if (!okFrom || !okTo || a < 0 || b < 0)
        return usage(err, QStringLiteral("--from and --to are revision numbers (1, 2, …)"));
    auto wb = openOrFail(p.positionalArguments().at(1), err, code, true);
    if (!wb)
        return code;
    ReviewService review(*wb);
    QString text, html, title;
    if (p.isSet(kDocument)) {
        auto changes = review.sinceSent(p.value(kDocument));
        if (!changes)
            return fail(err, changes.error());
        const auto round = review.latestRound(p.value(kDocument));
        html = documents::sinceSentHtml(*wb, *round, *changes, p.isSet(changed) || fmt == L("text"));
        title = p.value(kDocument) + QStringLiteral(" — changes since sent");
        for (const auto& c : *changes)
            if (c.added || c.removed || diff::changeCount(c.pieces))
                text += (c.item.reference.isEmpty() ? L("new") : c.item.reference) + L("  ") + c.item.label + L("\n  ") +
                        diff::toText(c.pieces) + L("\n");
        if (text.isEmpty())
            text = L("nothing has changed since the document was sent\n");
    } else {
        auto target = targetOf(p, true);
        if (!target)
            return usage(err, target.error().message);
        auto pieces = review.compare(*target, a, b);
        if (!pieces)
            return fail(err, pieces.error());
        text = diff::toText(*pieces) + L("\n");
        title = *target;
        html = documents::revisionsHtml(*target, QString(), a, b, *pieces);
    }
    if (fmt == L("pdf")) {
        if (!p.isSet(output))
            return usage(err, L("a PDF needs -o FILE"));
        auto pdf = documents::htmlToPdf(html, title);
        if (!pdf)
            return fail(err, pdf.error());
        return writeOutput(out, err, p.value(output), *pdf);
    }
    return writeOutput(out, err, p.value(output), (fmt == L("html") ? html : text).toUtf8());
}

} // namespace

QList<Command> reviewCommands()
{
    return {
        {L("review"), L("review send|pack|import|decide|status|move|history|note|record|revisions FILE ..."),
         L("the factual accuracy check: lifecycle, the pack for the force, its responses and their decisions"), cmdReview},
        {L("diff"), L("diff FILE (--finding UID | --judgment P/F/Q | --section UID) [--from REV] [--to REV] | --document UID"),
         L("word-level differences between revisions, or the document as sent against the document now"), cmdDiff},
    };
}

} // namespace fwb::cli
