// fwb review, fwb diff: the factual accuracy check from a script — move material through the
// lifecycle, send a document to its force as a pack, import the force's form, decide each
// response, keep review notes, and compare revisions or the document as sent with the document now.
#include "core/services/review.h"
#include "cli/commands/versionoption.h"
#include "cli/support.h"
#include "core/io/csv.h"
#include "core/reader.h"
#include "core/workbench.h"
#include "documents/assembly.h"
#include "documents/reviewpack.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

const QCommandLineOption kDocument(u"document"_s, u"The document's uid."_s, u"UID"_s);
const QCommandLineOption kProgramme(u"programme"_s,
                                    u"With --force: the programme of the document."_s, u"CODE"_s);
const QCommandLineOption kForce(u"force"_s, u"With --programme: the force of the document."_s,
                                u"CODE"_s);
const QCommandLineOption kKind(u"kind"_s, u"letter or report, when a force has both."_s, u"KIND"_s);
const QCommandLineOption kFinding(u"finding"_s, u"A finding's uid."_s, u"UID"_s);
const QCommandLineOption kJudgment(u"judgment"_s, u"A judgment: PROGRAMME/FORCE/QUESTION."_s,
                                   u"KEY"_s);
const QCommandLineOption kOverview(u"overview"_s,
                                   u"A judgment's overview: PROGRAMME/FORCE/QUESTION."_s, u"KEY"_s);
const QCommandLineOption kSection(u"section"_s, u"A section's uid."_s, u"UID"_s);
const QCommandLineOption kJson(u"json"_s, u"Print JSON."_s);

// The document named by --document, or by --programme and --force (and --kind when there are two).
Result<Document> documentOf(const Workbench& wb, QCommandLineParser& p)
{
    if (p.isSet(kDocument)) {
        if (auto d = wb.reader().document(p.value(kDocument)))
            return *d;
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no document \"%1\"").arg(p.value(kDocument)));
    }
    if (!p.isSet(kProgramme) || !p.isSet(kForce))
        return Error::make(
            Error::Code::Invalid,
            u"name the document: --document UID, or --programme CODE --force CODE"_s);
    QList<Document> found;
    for (const Document& d : wb.reader().documents(p.value(kProgramme), p.value(kForce)))
        if (!p.isSet(kKind) || d.kind == p.value(kKind))
            found << d;
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty())
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("%1 has no document for %2").arg(p.value(kProgramme), p.value(kForce)));
    QStringList uids;
    for (const Document& d : found)
        uids << d.uid + QStringLiteral(" (") + d.kind + QLatin1Char(')');
    return Error::make(Error::Code::Invalid,
                       QStringLiteral("%1 has %2 documents for %3 (%4): give --kind or --document")
                           .arg(p.value(kProgramme))
                           .arg(found.size())
                           .arg(p.value(kForce), uids.join(u", "_s)));
}

// The target named by one of --document, --finding, --judgment (and, for diff, --overview,
// --section).
Result<QString> targetOf(QCommandLineParser& p, bool text)
{
    QList<std::pair<const QCommandLineOption*, const char*>> kinds{{&kFinding, "finding:"},
                                                                   {&kJudgment, "judgment:"}};
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
        return Error::make(Error::Code::Invalid,
                           text ? u"name one text: --finding, --judgment, --overview or --section"_s
                                : u"name one thing: --document, --finding or --judgment"_s);
    return target;
}

std::unique_ptr<Workbench> openOrFail(const QString& path, QTextStream& err, int& code,
                                      bool readOnly = false)
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
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s},
                                    u"The folder to write the pack into."_s, u"DIR"_s);
    const QCommandLineOption now(
        u"now"_s, u"Make the pack as at this time (for the embargo notice)."_s, u"DATETIME"_s);
    p.addOptions({kDocument, kProgramme, kForce, kKind, output, now});
    int code = Ok;
    if (!parse(
            p, args,
            u"review send FILE (--document UID | --programme CODE --force CODE [--kind KIND]) -o DIR"_s,
            3, out, err, code))
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
    if (Status s = wb->reader().refuseOwnFile(p.value(output)); !s)
        return fail(err, s.error());
    ReviewService review(*wb);
    auto round = review.send(d->uid, documents::fieldFiller(*wb, *d));
    if (!round)
        return fail(err, round.error());
    auto written = documents::writePack(*wb, *round, p.value(output), *at);
    if (!written)
        return fail(
            err,
            Error::make(written.error().code,
                        QStringLiteral(
                            "%1 is sent (round %2) but its pack could not be written: %3. Write it "
                            "with `fwb review pack` once that is put right")
                            .arg(d->uid)
                            .arg(round->number)
                            .arg(written.error().message)));
    out << "sent " << d->uid << " for factual accuracy check (round " << round->number << ", "
        << round->items.size() << " references)\n";
    for (const QString& f : *written)
        out << "wrote " << f << "\n";
    out << Qt::flush;
    return Ok;
}

int reviewPack(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s},
                                    u"The folder to write the pack into."_s, u"DIR"_s);
    p.addOptions({kDocument, kProgramme, kForce, kKind, output});
    int code = Ok;
    if (!parse(p, args,
               u"review pack FILE (--document UID | --programme CODE --force CODE) -o DIR"_s, 3,
               out, err, code))
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
    const QCommandLineOption clean(u"clean-rows-only"_s,
                                   u"Import the rows without problems and report the others."_s);
    const QCommandLineOption check(u"check"_s, u"Check the form and report; import nothing."_s);
    p.addOptions({kDocument, kProgramme, kForce, kKind, clean, check});
    int code = Ok;
    if (!parse(
            p, args,
            u"review import FILE FORM.xlsx|FORM.csv [--document UID] [--clean-rows-only | --check]"_s,
            4, out, err, code))
        return code;
    QFile file(p.positionalArguments().at(3));
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            err, Error::make(Error::Code::NotFound, QStringLiteral("cannot read %1: %2")
                                                        .arg(file.fileName(), file.errorString())));
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
        for (const Document& d : wb->reader().documents()) {
            const auto round = review.latestRound(d.uid);
            if (!round || !round->isOpen() || (d.status != u"sent"_s && d.status != u"responded"_s))
                continue;
            out << d.uid;
            bool fits = true;
            for (const auto& problem : review.checkForm(*round, data, name).problems)
                fits = fits && problem.field != u"reference"_s &&
                       problem.field != u"current text"_s && !problem.field.isEmpty();
            if (fits)
                matching << d.uid;
        }
        if (matching.size() != 1)
            return fail(
                err, Error::make(
                         Error::Code::Invalid,
                         matching.isEmpty()
                             ? (out.isEmpty()
                                    ? u"no document is out for its factual accuracy check"_s
                                    : QStringLiteral("the form matches none of the documents out "
                                                     "for checking (%1): give --document")
                                          .arg(out.join(u", "_s)))
                             : QStringLiteral("the form matches %1: give --document")
                                   .arg(matching.join(u", "_s))));
        documentUid = matching.first();
    }
    if (p.isSet(check)) {
        const auto round = review.latestRound(documentUid);
        if (!round)
            return fail(err, Error::make(Error::Code::NotFound,
                                         QStringLiteral("%1 has not been sent").arg(documentUid)));
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
    const QCommandLineOption accept(u"accept"_s,
                                    u"Accept: apply the proposed change (or --wording)."_s);
    const QCommandLineOption partly(u"partly"_s, u"Partly accept: apply --wording."_s);
    const QCommandLineOption reject(u"reject"_s, u"Reject: leave the text as it is."_s);
    const QCommandLineOption reason(u"reason"_s, u"Why (required)."_s, u"TEXT"_s);
    const QCommandLineOption wording(u"wording"_s, u"The wording to apply."_s, u"TEXT"_s);
    const QCommandLineOption reference(
        u"reference"_s, u"With --document: the response's reference (F12)."_s, u"REF"_s);
    p.addOptions({accept, partly, reject, reason, wording, kDocument, reference});
    int code = Ok;
    const QString synopsis =
        u"review decide FILE (RESPONSE | --document UID --reference REF) (--accept | --partly | "
        "--reject) --reason TEXT [--wording TEXT]"_s;
    if (!parse(p, args, synopsis, 3, out, err, code, 4))
        return code;
    const int chosen = int(p.isSet(accept)) + int(p.isSet(partly)) + int(p.isSet(reject));
    if (chosen != 1)
        return usage(err, u"give one of --accept, --partly, --reject"_s);
    if (!requireOptions(p, {&reason}, err, code))
        return code;
    auto wb = openOrFail(p.positionalArguments().at(2), err, code);
    if (!wb)
        return code;
    ReviewService review(*wb);
    QString uid = p.positionalArguments().value(3);
    if (uid.isEmpty()) {
        if (!p.isSet(kDocument) || !p.isSet(reference))
            return usage(err, u"name the response: its uid, or --document UID --reference REF"_s);
        const auto round = review.latestRound(p.value(kDocument));
        QStringList found;
        if (round)
            for (const FaResponse& r : review.responses(round->uid))
                if (r.reference.compare(p.value(reference), Qt::CaseInsensitive) == 0 &&
                    r.decision.isEmpty())
                    found << r.uid;
        if (found.size() > 1)
            return fail(
                err,
                Error::make(
                    Error::Code::Invalid,
                    QStringLiteral("%1 has %2 undecided responses to %3 (%4): name one by its uid")
                        .arg(p.value(kDocument), QString::number(found.size()), p.value(reference),
                             found.join(u", "_s))));
        uid = found.value(0);
        if (uid.isEmpty())
            return fail(err, Error::make(Error::Code::NotFound,
                                         QStringLiteral("%1 has no undecided response to %2")
                                             .arg(p.value(kDocument), p.value(reference))));
    }
    const QString decision = p.isSet(accept)   ? u"accepted"_s
                             : p.isSet(partly) ? u"partly_accepted"_s
                                               : u"rejected"_s;
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
    if (!parse(p, args,
               u"review status FILE [--document UID | --programme CODE --force CODE] [--json]"_s, 3,
               out, err, code))
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
        docs = wb->reader().documents();
    }
    QJsonArray list;
    for (const Document& d : docs) {
        const auto round = review.latestRound(d.uid);
        const auto progress = round ? review.progress(round->uid) : ReviewService::Progress{};
        const QList<ReviewNote> open = review.notes(d.uid, true);
        QJsonObject o{{u"document"_s, d.uid},
                      {u"title"_s, d.title},
                      {u"force"_s, d.forceCode},
                      {u"status"_s, d.status},
                      {u"open_notes"_s, int(open.size())}};
        if (round)
            o.insert(u"round"_s, QJsonObject{{u"number"_s, round->number},
                                             {u"sent_at"_s, round->sentAt},
                                             {u"open"_s, round->isOpen()},
                                             {u"references"_s, int(round->items.size())},
                                             {u"responses"_s, progress.total},
                                             {u"decided"_s, progress.decided}});
        list.push_back(o);
        if (p.isSet(kJson))
            continue;
        out << d.uid << "  " << statusLabel(d.status) << "  " << d.title << " (" << d.forceCode
            << ")\n";
        if (round)
            out << "  round " << round->number << ", sent " << round->sentAt.left(10) << " by "
                << round->sentBy
                << (round->isOpen() ? ", open"
                                    : QStringLiteral(", closed %1").arg(round->closedAt.left(10)))
                << ": " << progress.decided << " of " << progress.total << " responses decided\n";
        if (!open.isEmpty())
            out << "  " << open.size() << " open review note(s)\n";
        if (docs.size() == 1 && round)
            for (const FaResponse& r : review.responses(round->uid))
                if (r.decision.isEmpty())
                    out << "  to decide: " << r.uid << "  " << r.reference << "  " << r.category
                        << "  " << r.proposedChange.left(70) << "\n";
        if (docs.size() == 1) {
            const QStringList next = nextStatuses(d.status);
            QStringList moves;
            for (const QString& s : next)
                moves << s;
            out << "  can move to: " << (moves.isEmpty() ? u"nothing"_s : moves.join(u", "_s))
                << "\n";
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
    const QCommandLineOption to(u"to"_s, u"The status to move to."_s, u"STATUS"_s);
    const QCommandLineOption reason(u"reason"_s,
                                    u"Why (required to withdraw sign-off or reopen)."_s, u"TEXT"_s);
    const QCommandLineOption now(
        u"now"_s, u"Move as at this time (publication waits for the embargo)."_s, u"DATETIME"_s);
    p.addOptions({kDocument, kFinding, kJudgment, to, reason, now});
    int code = Ok;
    if (!parse(
            p, args,
            u"review move FILE (--document UID | --finding UID | --judgment P/F/Q) --to STATUS [--reason TEXT]"_s,
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
    if (!parse(p, args,
               u"review history FILE (--document UID | --finding UID | --judgment P/F/Q)"_s, 3, out,
               err, code))
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
    const QCommandLineOption text(u"text"_s, u"The note, or the answer."_s, u"TEXT"_s);
    const QCommandLineOption target(
        u"target"_s,
        u"What the note is on: finding:UID, judgment:P/F/Q, section:UID or document:UID."_s,
        u"TARGET"_s);
    const QCommandLineOption open(u"open"_s, u"List only notes not resolved."_s);
    p.addOptions({text, target, kDocument, open, ifVersionOption()});
    int code = Ok;
    const QString synopsis =
        u"review note add FILE --target TARGET --text TEXT | review note answer FILE NOTE --text "
        u"TEXT | "
        "review note resolve FILE NOTE | review note list FILE [--document UID] [--open]"_s;
    if (!parse(p, args, synopsis, 4, out, err, code, 5))
        return code;
    const QString action = p.positionalArguments().at(2);
    const bool readOnly = action == u"list"_s;
    auto wb = openOrFail(p.positionalArguments().at(3), err, code, readOnly);
    if (!wb)
        return code;
    ReviewService review(*wb);
    const QString note = p.positionalArguments().value(4);
    Result<ReviewNote> done = Error::make(Error::Code::Invalid, QString());
    if (action == u"add"_s) {
        if (!requireOptions(p, {&target, &text}, err, code))
            return code;
        done = review.addNote(p.value(target), p.value(text));
    } else if (action == u"answer"_s || action == u"resolve"_s) {
        if (note.isEmpty())
            return usage(err, QStringLiteral("review note %1 needs the note's uid").arg(action));
        if (action == u"answer"_s && !requireOptions(p, {&text}, err, code))
            return code;
        IfVersion ifVersion;
        if (!readIfVersion(p, ifVersion, err, code))
            return code;
        done = action == u"answer"_s ? review.answerNote(note, p.value(text), ifVersion)
                                     : review.resolveNote(note, ifVersion);
    } else if (action == u"list"_s) {
        for (const ReviewNote& n : review.notes(p.value(kDocument), p.isSet(open))) {
            out << n.uid << "  " << n.status << "  " << n.target << "  " << n.author << ": "
                << n.body << "\n";
            if (!n.answer.isEmpty())
                out << "    answer (" << n.answeredBy << "): " << n.answer << "\n";
        }
        out << Qt::flush;
        return Ok;
    } else {
        return unknownAction(out, err, u"review note"_s, action,
                             {u"add"_s, u"answer"_s, u"resolve"_s, u"list"_s});
    }
    if (!done)
        return failSave(err, done.error());
    out << done->uid << " " << done->status << "\n" << Qt::flush;
    printVersion(p, out, done->version);
    return Ok;
}

int reviewRecord(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s},
                                    u"Write to this file: .csv, .pdf or .docx (default: CSV on "
                                    "standard output)."_s,
                                    u"PATH"_s);
    const QCommandLineOption number(u"round"_s, u"The round's number (default: the latest)."_s,
                                    u"N"_s);
    p.addOptions({kDocument, kProgramme, kForce, kKind, output, number});
    int code = Ok;
    if (!parse(
            p, args,
            u"review record FILE (--document UID | --programme CODE --force CODE) [--round N] [-o OUT.csv|OUT.pdf|OUT.docx]"_s,
            3, out, err, code))
        return code;
    const QString suffix = QFileInfo(p.value(output)).suffix().toLower();
    if (p.isSet(output) && suffix != u"csv"_s && suffix != u"pdf"_s && suffix != u"docx"_s)
        return usage(
            err,
            QStringLiteral("-o: \"%1\" should end in .csv, .pdf or .docx").arg(p.value(output)));
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
        for (const ReviewRound& r : wb->reader().rounds(d->uid))
            if (QString::number(r.number) == p.value(number))
                round = wb->reader().round(r.uid);
    }
    if (!round)
        return fail(
            err, Error::make(Error::Code::NotFound,
                             QStringLiteral("%1 has no such factual accuracy round").arg(d->uid)));
    if (suffix == u"pdf"_s) {
        auto pdf = documents::htmlToPdf(documents::recordHtml(*wb, *round),
                                        d->title + QStringLiteral(" — factual accuracy record"));
        if (!pdf)
            return fail(err, pdf.error());
        return writeOutput(out, err, p.value(output), *pdf);
    }
    if (suffix == u"docx"_s) {
        auto docx = documents::recordDocx(*wb, *round);
        if (!docx)
            return fail(err, docx.error());
        return writeOutput(out, err, p.value(output), *docx);
    }
    return writeOutput(out, err, p.value(output), review.recordCsv(*round));
}

int reviewRevisions(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOptions({kFinding, kJudgment, kOverview, kSection});
    int code = Ok;
    if (!parse(
            p, args,
            u"review revisions FILE (--finding UID | --judgment P/F/Q | --overview P/F/Q | --section UID)"_s,
            3, out, err, code))
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
    return dispatch(u"review"_s,
                    {{u"send"_s, reviewSend},
                     {u"pack"_s, reviewPack},
                     {u"import"_s, reviewImport},
                     {u"decide"_s, reviewDecide},
                     {u"status"_s, reviewStatus},
                     {u"move"_s, reviewMove},
                     {u"history"_s, reviewHistory},
                     {u"note"_s, reviewNote},
                     {u"record"_s, reviewRecord},
                     {u"revisions"_s, reviewRevisions}},
                    args, out, err);
}

int cmdDiff(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption from(u"from"_s, u"The earlier revision (default 1)."_s, u"REV"_s);
    const QCommandLineOption to(u"to"_s, u"The later revision (default: the text now)."_s,
                                u"REV"_s);
    const QCommandLineOption format(u"format"_s, u"text (default), html, pdf or docx."_s,
                                    u"FORMAT"_s);
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s}, u"Write to this file."_s,
                                    u"PATH"_s);
    const QCommandLineOption changed(u"changed-only"_s, u"With --document: only what changed."_s);
    p.addOptions(
        {kFinding, kJudgment, kOverview, kSection, kDocument, from, to, format, output, changed});
    int code = Ok;
    if (!parse(p, args,
               u"diff FILE (--finding UID | --judgment P/F/Q | --overview P/F/Q | --section UID) "
               u"[--from REV] "
               "[--to REV]  |  diff FILE --document UID   [--format text|html|pdf|docx] [-o OUT]"_s,
               2, out, err, code))
        return code;
    QString fmt =
        p.isSet(format) ? p.value(format).toLower() : QFileInfo(p.value(output)).suffix().toLower();
    if (fmt.isEmpty() || fmt == u"txt"_s)
        fmt = u"text"_s;
    if (fmt != u"text"_s && fmt != u"html"_s && fmt != u"pdf"_s && fmt != u"docx"_s)
        return usage(err,
                     QStringLiteral("--format: \"%1\" is not text, html, pdf or docx").arg(fmt));
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
    Result<QByteArray> docx = QByteArray();
    if (p.isSet(kDocument)) {
        auto changes = review.sinceSent(p.value(kDocument));
        if (!changes)
            return fail(err, changes.error());
        const auto round = review.latestRound(p.value(kDocument));
        html =
            documents::sinceSentHtml(*wb, *round, *changes, p.isSet(changed) || fmt == u"text"_s);
        title = p.value(kDocument) + QStringLiteral(" — changes since sent");
        if (fmt == u"docx"_s)
            docx = documents::sinceSentDocx(*wb, *round, *changes, p.isSet(changed));
        for (const auto& c : *changes)
            if (c.added || c.removed || diff::changeCount(c.pieces))
                text += (c.item.reference.isEmpty() ? u"new"_s : c.item.reference) + u"  "_s +
                        c.item.label + u"\n  "_s + diff::toText(c.pieces) + u"\n"_s;
        if (text.isEmpty())
            text = u"nothing has changed since the document was sent\n"_s;
    } else {
        auto target = targetOf(p, true);
        if (!target)
            return usage(err, target.error().message);
        auto pieces = review.compare(*target, a, b);
        if (!pieces)
            return fail(err, pieces.error());
        text = diff::toText(*pieces) + u"\n"_s;
        title = *target;
        html = documents::revisionsHtml(*target, QString(), a, b, *pieces);
        if (fmt == u"docx"_s)
            docx = documents::revisionsDocx(*target, QString(), a, b, *pieces);
    }
    if (fmt == u"docx"_s) {
        if (!p.isSet(output))
            return usage(err, u"a Word document needs -o FILE"_s);
        if (!docx)
            return fail(err, docx.error());
        return writeOutput(out, err, p.value(output), *docx);
    }
    if (fmt == u"pdf"_s) {
        if (!p.isSet(output))
            return usage(err, u"a PDF needs -o FILE"_s);
        auto pdf = documents::htmlToPdf(html, title);
        if (!pdf)
            return fail(err, pdf.error());
        return writeOutput(out, err, p.value(output), *pdf);
    }
    return writeOutput(out, err, p.value(output), (fmt == u"html"_s ? html : text).toUtf8());
}

} // namespace

QList<Command> reviewCommands()
{
    return {
        {u"review"_s,
         u"review send|pack|import|decide|status|move|history|note|record|revisions FILE ..."_s,
         u"the factual accuracy check: lifecycle, the pack for the force, its responses and their decisions"_s,
         cmdReview},
        {u"diff"_s,
         u"diff FILE (--finding UID | --judgment P/F/Q | --section UID) [--from REV] [--to REV] | --document UID"_s,
         u"word-level differences between revisions, or the document as sent against the document now"_s,
         cmdDiff},
    };
}

} // namespace fwb::cli
