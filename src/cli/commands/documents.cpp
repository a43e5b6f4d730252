// fwb render, document, section: letters and reports from a script — create them from the
// programme's template, change their particulars and sections, and render them to PDF, Word (DOCX),
// ODT, HTML or Markdown, one at a time or every force's at once.
#include "core/services/documents.h"
#include "cli/commands/versionoption.h"
#include "cli/support.h"
#include "core/io/filenames.h"
#include "core/reader.h"
#include "core/workbench.h"
#include "documents/batch.h"
#include "documents/pdf.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fwb::cli {
namespace {

const QCommandLineOption kProgramme(u"programme"_s, u"The programme's code."_s, u"CODE"_s);
const QCommandLineOption kForce(u"force"_s, u"The force's code."_s, u"CODE"_s);
const QCommandLineOption kKind(u"kind"_s, u"letter or report."_s, u"KIND"_s);

int cmdRender(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption document(
        u"document"_s, u"The document's uid (instead of programme, force and kind)."_s, u"UID"_s);
    const QCommandLineOption format(
        u"format"_s, u"pdf, docx, odt, html or md (default: from the output's extension)."_s,
        u"FORMAT"_s);
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s},
                                    u"Write to this file (default: standard output)."_s, u"PATH"_s);
    const QCommandLineOption allForces(
        u"all-forces"_s, u"Render the document of this kind for every force of the programme."_s);
    const QCommandLineOption dir(u"dir"_s, u"With --all-forces: the folder to write into."_s,
                                 u"DIR"_s);
    const QCommandLineOption now(u"now"_s, u"Render as at this time (for the embargo notice)."_s,
                                 u"DATETIME"_s);
    const QCommandLineOption audience(
        u"audience"_s,
        u"Who reads it: outside (another force's figures only where published) or "
        "inspectorate (every force's; default: outside for a published document, "
        "inspectorate for any other)."_s,
        u"WHO"_s);
    const QCommandLineOption tagged(
        u"tagged"_s,
        u"With --format pdf: a tagged PDF, converted by LibreOffice from the ODT (needs soffice)."_s);
    p.addOptions({document, kProgramme, kForce, kKind, format, output, allForces, dir, now,
                  audience, tagged});
    int code = Ok;
    const QString synopsis =
        u"render FILE (--document UID | --programme CODE --force CODE --kind letter|report) "
        "[--format pdf|docx|odt|html|md] [--tagged] [-o OUT] [--audience outside|inspectorate]  |  "
        "render FILE "
        "--programme CODE --kind KIND --all-forces --format FORMAT --dir DIR"_s;
    if (!parse(p, args, synopsis, 2, out, err, code))
        return code;
    auto at = parseNow(p, now);
    if (!at)
        return usage(err, at.error().message);
    std::optional<documents::Format> fmt;
    if (p.isSet(format)) {
        fmt = documents::formatFromName(p.value(format));
        if (!fmt)
            return usage(err, QStringLiteral("--format: \"%1\" is not pdf, docx, odt, html or md")
                                  .arg(p.value(format)));
    } else if (p.isSet(output)) {
        fmt = documents::formatFromName(QFileInfo(p.value(output)).suffix());
        if (!fmt)
            return usage(err, QStringLiteral("cannot tell the format from \"%1\": give --format")
                                  .arg(p.value(output)));
    } else {
        return usage(err, u"give --format or an output file with its extension (-o report.pdf)"_s);
    }
    if (p.isSet(kKind) && p.value(kKind) != u"letter"_s && p.value(kKind) != u"report"_s)
        return usage(err,
                     QStringLiteral("--kind: \"%1\" is not letter or report").arg(p.value(kKind)));
    std::optional<Audience> reader;
    if (p.isSet(audience)) {
        if (p.value(audience) == u"outside"_s)
            reader = Audience::Outside;
        else if (p.value(audience) == u"inspectorate"_s)
            reader = Audience::Inspectorate;
        else
            return usage(err, QStringLiteral("--audience: \"%1\" is not outside or inspectorate")
                                  .arg(p.value(audience)));
    }
    if (p.isSet(tagged) && (*fmt != documents::Format::Pdf || p.isSet(allForces)))
        return usage(err, u"--tagged is for one PDF: give --format pdf without --all-forces"_s);
    auto wb = Workbench::open(p.positionalArguments().at(1), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    documents::AssemblyOptions options;
    options.now = *at;
    options.embargoInText = *fmt != documents::Format::Pdf;
    options.audience = reader;

    if (p.isSet(allForces)) {
        if (!p.isSet(kProgramme) || !p.isSet(kKind) || !p.isSet(dir))
            return usage(err, u"--all-forces needs --programme, --kind and --dir"_s);
        OutputFolder folder;
        if (Status s = folder.create(p.value(dir)); !s)
            return fail(err, s.error());
        documents::BatchOptions batch;
        batch.assembly = options;
        batch.written = [&](const QString& path) { out << path << "\n" << Qt::flush; };
        const documents::BatchReport r = documents::renderEveryForce(
            **wb, p.value(kProgramme), p.value(kKind), *fmt, p.value(dir), batch);
        if (r.failure) {
            folder.removeIfEmpty();
            return fail(err, Error::make(r.failure->code,
                                         QStringLiteral("%1: %2 (%3 of %4 written before it, "
                                                        "each complete)")
                                             .arg(r.failedUid, r.failure->message)
                                             .arg(r.written.size())
                                             .arg(r.total)));
        }
        if (r.written.isEmpty()) {
            folder.removeIfEmpty();
            return fail(err, Error::make(Error::Code::NotFound,
                                         QStringLiteral("%1 has no %2s to render")
                                             .arg(p.value(kProgramme), p.value(kKind))));
        }
        return Ok;
    }

    QString uid = p.value(document);
    if (uid.isEmpty()) {
        if (!p.isSet(kProgramme) || !p.isSet(kForce) || !p.isSet(kKind))
            return usage(
                err, u"name the document: --document UID, or --programme, --force and --kind"_s);
        auto d = (*wb)->reader().findDocument(p.value(kProgramme), p.value(kForce), p.value(kKind));
        if (!d)
            return fail(err, Error::make(d.error().code,
                                         d.error().message +
                                             (d.error().code == Error::Code::NotFound
                                                  ? u" (create one with `fwb document create`)"_s
                                                  : u": give --document UID"_s)));
        uid = d->uid;
    }
    if (p.isSet(tagged)) {
        // LibreOffice tags what it converts: the ODT (notices in its text) goes through it.
        options.embargoInText = true;
        auto a = documents::assemble(**wb, uid, options);
        if (!a)
            return fail(err, a.error());
        auto odt = documents::render(*a, documents::Format::Odt);
        if (!odt)
            return fail(err, odt.error());
        auto pdf = documents::taggedPdfFromOdt(*odt);
        if (!pdf)
            return fail(err, pdf.error());
        if (!p.isSet(output))
            return writeOutput(out, err, {}, *pdf);
        if (Status s = (*wb)->reader().refuseOwnFile(p.value(output)); !s)
            return fail(err, s.error());
        if (Status s = writeFileAtomically(p.value(output), *pdf); !s)
            return fail(err, s.error());
        out << "wrote " << p.value(output) << " (tagged, by LibreOffice)\n" << Qt::flush;
        return Ok;
    }
    if (p.isSet(output)) {
        if (Status s = documents::renderToFile(**wb, uid, *fmt, p.value(output), options); !s)
            return fail(err, s.error());
        out << "wrote " << p.value(output) << "\n" << Qt::flush;
        return Ok;
    }
    auto a = documents::assemble(**wb, uid, options);
    if (!a)
        return fail(err, a.error());
    auto bytes = documents::render(*a, *fmt);
    if (!bytes)
        return fail(err, bytes.error());
    return writeOutput(out, err, {}, *bytes);
}

// ---- document ---------------------------------------------------------------------------------

void printOutline(QTextStream& out, const QList<Section>& sections, int depth)
{
    for (const Section& s : sections) {
        out << QString(depth * 2, QLatin1Char(' ')) << s.uid << "  " << s.kind;
        if (!s.questionCode.isEmpty())
            out << " " << s.questionCode;
        if (!s.figure.isEmpty())
            out << " [" << s.figure << "]";
        if (!s.title.isEmpty())
            out << "  " << s.title;
        else if (!s.body.isEmpty())
            out << "  \"" << s.body.simplified().left(50) << (s.body.size() > 50 ? "…" : "")
                << "\"";
        out << "\n";
        printOutline(out, s.children, depth + 1);
    }
}

int documentList(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    p.addOptions({kProgramme, kForce, json});
    int code = Ok;
    if (!parse(p, args, u"document list FILE [--programme CODE] [--force CODE] [--json]"_s, 3, out,
               err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    const QList<Document> docs = (*wb)->reader().documents(p.value(kProgramme), p.value(kForce));
    if (p.isSet(json)) {
        QJsonArray list;
        for (const Document& d : docs)
            list.push_back(QJsonObject{{u"uid"_s, d.uid},
                                       {u"kind"_s, d.kind},
                                       {u"programme"_s, d.programmeCode},
                                       {u"force"_s, d.forceCode},
                                       {u"status"_s, d.status},
                                       {u"title"_s, d.title},
                                       {u"dated"_s, d.dated},
                                       {u"embargo"_s, d.embargo}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented) << Qt::flush;
        return Ok;
    }
    for (const Document& d : docs)
        out << d.uid << "  " << d.kind << "  " << d.programmeCode << "  " << d.forceCode << "  "
            << d.status << "  " << d.title << "\n";
    out << Qt::flush;
    return Ok;
}

int documentShow(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, u"document show FILE UID"_s, 4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2), OpenOptions{true, 5000});
    if (!wb)
        return fail(err, wb.error());
    const auto d = (*wb)->reader().document(p.positionalArguments().at(3));
    if (!d)
        return fail(
            err,
            Error::make(Error::Code::NotFound,
                        QStringLiteral("no document \"%1\"").arg(p.positionalArguments().at(3))));
    out << d->title << (d->subtitle.isEmpty() ? QString() : QStringLiteral(" — ") + d->subtitle)
        << "\n"
        << d->kind << " · " << d->programmeCode << " · " << d->forceCode << " · " << d->status;
    if (!d->dated.isEmpty())
        out << " · dated " << d->dated;
    if (!d->embargo.isEmpty())
        out << " · embargoed until " << d->embargo;
    out << "\n\n";
    printOutline(out, d->sections, 0);
    out << Qt::flush;
    return Ok;
}

int documentCreate(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption uid(u"uid"_s, u"The new document's uid (default: a fresh one)."_s,
                                 u"UID"_s);
    p.addOptions({kProgramme, kForce, kKind, uid});
    int code = Ok;
    if (!parse(
            p, args,
            u"document create FILE --programme CODE --force CODE --kind letter|report [--uid UID]"_s,
            3, out, err, code))
        return code;
    if (!requireOptions(p, {&kProgramme, &kForce, &kKind}, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto d = DocumentService(**wb).create(p.value(kProgramme), p.value(kForce), p.value(kKind),
                                          p.value(uid));
    if (!d)
        return fail(err, d.error());
    out << d->uid << "\n" << Qt::flush;
    return Ok;
}

int documentSet(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption title(u"title"_s, u"The title."_s, u"TEXT"_s);
    const QCommandLineOption subtitle(u"subtitle"_s, u"The subtitle."_s, u"TEXT"_s);
    const QCommandLineOption date(u"date"_s, u"The date it bears (YYYY-MM-DD)."_s, u"DATE"_s);
    const QCommandLineOption embargo(
        u"embargo"_s, u"Embargoed until (YYYY-MM-DDTHH:MM; empty for none)."_s, u"DATETIME"_s);
    const QCommandLineOption sender(u"sender"_s, u"The sender (a person's code; empty for none)."_s,
                                    u"CODE"_s);
    const QCommandLineOption recipient(
        u"recipient"_s, u"The recipient (a person's code; empty for none)."_s, u"CODE"_s);
    const QCommandLineOption reference(u"reference"_s, u"Reference lines for the title page."_s,
                                       u"TEXT"_s);
    p.addOptions({title, subtitle, date, embargo, sender, recipient, reference, ifVersionOption()});
    int code = Ok;
    if (!parse(p, args,
               u"document set FILE UID [--title T] [--subtitle T] [--date D] [--embargo T] "
               "[--sender CODE] [--recipient CODE] [--reference T] [--if-version N]"_s,
               4, out, err, code))
        return code;
    IfVersion ifVersion;
    if (!readIfVersion(p, ifVersion, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    const auto current = (*wb)->reader().document(p.positionalArguments().at(3));
    if (!current)
        return fail(
            err,
            Error::make(Error::Code::NotFound,
                        QStringLiteral("no document \"%1\"").arg(p.positionalArguments().at(3))));
    Document d = *current;
    auto take = [&](const QCommandLineOption& o, QString& field) {
        if (p.isSet(o))
            field = p.value(o);
    };
    take(title, d.title);
    take(subtitle, d.subtitle);
    take(date, d.dated);
    take(embargo, d.embargo);
    take(sender, d.senderCode);
    take(recipient, d.recipientCode);
    take(reference, d.reference);
    auto done = DocumentService(**wb).setParticulars(d, ifVersion);
    if (!done)
        return failSave(err, done.error());
    out << done->uid << "\n" << Qt::flush;
    printVersion(p, out, done->version);
    return Ok;
}

// `… FILE UID`: opens the workbench, runs `act` on the uid and prints what it returns.
int onUid(const QStringList& args, const QString& synopsis, QTextStream& out, QTextStream& err,
          const std::function<Result<QString>(Workbench&, const QString&)>& act)
{
    QCommandLineParser p;
    int code = Ok;
    if (!parse(p, args, synopsis, 4, out, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto done = act(**wb, p.positionalArguments().at(3));
    if (!done)
        return fail(err, done.error());
    out << *done << "\n" << Qt::flush;
    return Ok;
}

int documentDelete(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return onUid(args, u"document delete FILE UID"_s, out, err,
                 [](Workbench& wb, const QString& uid) -> Result<QString> {
                     auto done = DocumentService(wb).remove(uid);
                     if (!done)
                         return done.error();
                     return QString(u"deleted "_s + done->uid);
                 });
}

int cmdDocument(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return dispatch(u"document"_s,
                    {{u"list"_s, documentList},
                     {u"show"_s, documentShow},
                     {u"create"_s, documentCreate},
                     {u"set"_s, documentSet},
                     {u"delete"_s, documentDelete}},
                    args, out, err);
}

// ---- section ----------------------------------------------------------------------------------

struct SectionOptions {
    QCommandLineOption kind{
        u"kind"_s,
        u"narrative, findings, judgment, overview, areas_for_improvement, metrics_table, "
        "chart, grade_definitions, contents, letter_opening or letter_closing."_s,
        u"KIND"_s};
    QCommandLineOption title{u"title"_s, u"The heading (or caption)."_s, u"TEXT"_s};
    QCommandLineOption text{u"text"_s, u"The section's own text (Markdown, footnotes as [^1])."_s,
                            u"TEXT"_s};
    QCommandLineOption textFile{u"text-file"_s,
                                u"Read the text from a file (- for standard input)."_s, u"PATH"_s};
    QCommandLineOption question{u"question"_s, u"The question whose data it shows."_s, u"CODE"_s};
    QCommandLineOption figure{u"figure"_s, u"The figure whose metrics it shows (\"Figure 2\")."_s,
                              u"FIGURE"_s};
    QCommandLineOption findingKind{u"finding-kind"_s, u"Which findings an areas section lists."_s,
                                   u"KIND"_s};
    QCommandLineOption parent{u"parent"_s, u"Put it under this section."_s, u"UID"_s};
    QCommandLineOption top{u"top"_s, u"Put it at the top level."_s};
    QCommandLineOption position{u"position"_s,
                                u"1-based place among its siblings (default: last)."_s, u"N"_s};
};

bool placeFrom(QCommandLineParser& p, const SectionOptions& o, DocumentService::Place& place,
               QTextStream& err, int& code)
{
    if (p.isSet(o.parent) && p.isSet(o.top)) {
        code = usage(err, u"give --parent or --top, not both"_s);
        return false;
    }
    place.parentUid = p.value(o.parent);
    if (p.isSet(o.position)) {
        bool ok = false;
        place.position = p.value(o.position).toInt(&ok);
        if (!ok || place.position < 1) {
            code = usage(err, QStringLiteral("--position: \"%1\" is not a position (1, 2, …)")
                                  .arg(p.value(o.position)));
            return false;
        }
    }
    return true;
}

int sectionAdd(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    SectionOptions o;
    p.addOptions({o.kind, o.title, o.text, o.textFile, o.question, o.figure, o.findingKind,
                  o.parent, o.position});
    int code = Ok;
    if (!parse(p, args,
               u"section add FILE DOCUMENT --kind KIND [--title T] [--text T | --text-file PATH] "
               "[--question CODE] [--figure F] [--parent UID] [--position N]"_s,
               4, out, err, code))
        return code;
    if (!requireOptions(p, {&o.kind}, err, code))
        return code;
    Section s;
    s.kind = p.value(o.kind);
    s.title = p.value(o.title);
    s.questionCode = p.value(o.question);
    s.figure = p.value(o.figure);
    s.findingKind = p.value(o.findingKind);
    if (!readText(p, o.text, o.textFile, s.body, err, code))
        return code;
    DocumentService::Place place;
    if (!placeFrom(p, o, place, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    auto done = DocumentService(**wb).addSection(p.positionalArguments().at(3), s, place);
    if (!done)
        return fail(err, done.error());
    out << done->uid << "\n" << Qt::flush;
    return Ok;
}

int sectionEdit(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    SectionOptions o;
    const QCommandLineOption reason(
        u"reason"_s, u"Why the text changed (kept with the revision once under review)."_s,
        u"TEXT"_s);
    p.addOptions({o.kind, o.title, o.text, o.textFile, o.question, o.figure, o.findingKind, reason,
                  ifVersionOption()});
    int code = Ok;
    if (!parse(p, args,
               u"section edit FILE UID [--title T] [--text T | --text-file PATH] [--kind KIND] "
               "[--question CODE] [--figure F] [--finding-kind KIND] [--reason TEXT] "
               "[--if-version N]"_s,
               4, out, err, code))
        return code;
    IfVersion ifVersion;
    if (!readIfVersion(p, ifVersion, err, code))
        return code;
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    const QString uid = p.positionalArguments().at(3);
    DocumentService service(**wb);
    const auto where = service.locate(uid);
    if (!where)
        return fail(
            err, Error::make(Error::Code::NotFound, QStringLiteral("no section \"%1\"").arg(uid)));
    const auto d = (*wb)->reader().document(where->documentUid);
    const Section* current = d ? findSection(d->sections, uid) : nullptr;
    if (!current) // removed by another writer a moment ago
        return fail(
            err, Error::make(Error::Code::NotFound, QStringLiteral("no section \"%1\"").arg(uid)));
    Section s = *current;
    bool changed = false;
    auto take = [&](const QCommandLineOption& opt, QString& field) {
        if (p.isSet(opt)) {
            field = p.value(opt);
            changed = true;
        }
    };
    take(o.kind, s.kind);
    take(o.title, s.title);
    take(o.question, s.questionCode);
    take(o.figure, s.figure);
    take(o.findingKind, s.findingKind);
    if (p.isSet(o.text) || p.isSet(o.textFile)) {
        if (!readText(p, o.text, o.textFile, s.body, err, code))
            return code;
        changed = true;
    }
    if (!changed)
        return usage(
            err,
            u"section edit needs something to change: --title, --text, --kind, --question or --figure"_s);
    auto done = service.updateSection(s, p.value(reason), ifVersion);
    if (!done)
        return failSave(err, done.error());
    out << done->uid << "\n" << Qt::flush;
    printVersion(p, out, done->version);
    return Ok;
}

int sectionMove(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    SectionOptions o;
    p.addOptions({o.parent, o.top, o.position});
    int code = Ok;
    if (!parse(p, args, u"section move FILE UID [--parent UID | --top] [--position N]"_s, 4, out,
               err, code))
        return code;
    DocumentService::Place place;
    if (!placeFrom(p, o, place, err, code))
        return code;
    if (!p.isSet(o.parent) && !p.isSet(o.top) && !p.isSet(o.position))
        return usage(err, u"section move needs a place: --position, --parent or --top"_s);
    auto wb = Workbench::open(p.positionalArguments().at(2));
    if (!wb)
        return fail(err, wb.error());
    DocumentService service(**wb);
    const QString uid = p.positionalArguments().at(3);
    if (!p.isSet(o.parent) && !p.isSet(o.top)) // same parent, new position
        if (const auto where = service.locate(uid))
            place.parentUid = where->place.parentUid;
    auto done = service.moveSection(uid, place);
    if (!done)
        return fail(err, done.error());
    out << done->uid << "\n" << Qt::flush;
    return Ok;
}

int sectionDelete(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return onUid(args, u"section delete FILE UID"_s, out, err,
                 [](Workbench& wb, const QString& uid) -> Result<QString> {
                     auto done = DocumentService(wb).removeSection(uid);
                     if (!done)
                         return done.error();
                     return QString(u"deleted "_s + done->section.uid);
                 });
}

int cmdSection(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return dispatch(u"section"_s,
                    {{u"add"_s, sectionAdd},
                     {u"edit"_s, sectionEdit},
                     {u"move"_s, sectionMove},
                     {u"delete"_s, sectionDelete}},
                    args, out, err);
}

} // namespace

QList<Command> documentCommands()
{
    return {
        {u"render"_s,
         u"render FILE (--document UID | --programme CODE --force CODE --kind KIND) --format FORMAT [-o OUT]"_s,
         u"a letter or report as PDF, ODT, HTML or Markdown; --all-forces --dir DIR renders every force's"_s,
         cmdRender},
        {u"document"_s, u"document list|show|create|set|delete FILE ..."_s,
         u"letters and reports: create from the programme's template, set date, embargo, parties (the status moves with `fwb review move`)"_s,
         cmdDocument},
        {u"section"_s, u"section add|edit|move|delete FILE ..."_s,
         u"a document's sections: narrative text, or data bound by question or figure"_s,
         cmdSection},
    };
}

} // namespace fwb::cli
