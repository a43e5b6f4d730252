#include "core/services/documents.h"
#include "core/services/lifecycle.h"
#include "core/services/locks.h"

#include "core/services/servicesupport.h"
#include "core/services/versions.h"

#include <QDate>
#include <QDateTime>
#include <QRandomGenerator>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
using service::inTransaction;
using service::json;

Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}

// The list a place's parent holds its children in (the roots for an empty parent).
QList<Section>* childrenOf(QList<Section>& roots, const QString& parentUid)
{
    if (parentUid.isEmpty())
        return &roots;
    for (Section& s : roots) {
        if (s.uid == parentUid)
            return &s.children;
        if (QList<Section>* inner = childrenOf(s.children, parentUid))
            return inner;
    }
    return nullptr;
}

// Takes a section out of the tree and says where it was.
std::optional<Section> take(QList<Section>& list, const QString& uid, const QString& parentUid,
                            DocumentService::Place& where)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].uid == uid) {
            where = {parentUid, int(i) + 1};
            return list.takeAt(i);
        }
        if (auto found = take(list[i].children, uid, list[i].uid, where))
            return found;
    }
    return std::nullopt;
}

Section* findSectionIn(QList<Section>& sections, const QString& uid)
{
    for (Section& s : sections) {
        if (s.uid == uid)
            return &s;
        if (Section* inner = findSectionIn(s.children, uid))
            return inner;
    }
    return nullptr;
}

// A section's uid and those of all its subsections, in reading order.
QStringList withChildren(const Section& s)
{
    QStringList out{s.uid};
    for (const Section& c : s.children)
        out << withChildren(c);
    return out;
}

void collectUids(const Section& s, QSet<QString>& out)
{
    out.insert(s.uid);
    for (const Section& c : s.children)
        collectUids(c, out);
}

void putAt(QList<Section>& list, Section s, int position)
{
    const qsizetype at = position <= 0 || position > list.size() ? list.size() : position - 1;
    list.insert(at, std::move(s));
}

Status validateSection(const Section& s, const Programme& programme, const QString& documentKind)
{
    if (!sectionKinds().contains(s.kind))
        return invalid(QStringLiteral("unknown section kind \"%1\" (one of: %2)")
                           .arg(s.kind, sectionKinds().join(u", "_s)));
    static const QStringList needsQuestion{u"judgment"_s, u"overview"_s, u"findings"_s,
                                           u"areas_for_improvement"_s};
    if (needsQuestion.contains(s.kind) && s.questionCode.isEmpty())
        return invalid(QStringLiteral("a %1 section shows a question's data: give the question")
                           .arg(sectionKindLabel(s.kind).toLower()));
    if (!s.questionCode.isEmpty() && !findQuestion(programme.questions, s.questionCode))
        return invalid(QStringLiteral("programme %1 has no question \"%2\"")
                           .arg(programme.code, s.questionCode));
    if ((s.kind == u"judgment"_s || s.kind == u"overview"_s) && s.questionCode.size()) {
        const Question* q = findQuestion(programme.questions, s.questionCode);
        if (!q->graded || programme.gradeScaleCode.isEmpty())
            return invalid(
                QStringLiteral("question %1 is not graded, so it has no judgment to show")
                    .arg(s.questionCode));
    }
    if (s.kind == u"chart"_s && s.figure.trimmed().isEmpty())
        return invalid(
            u"a chart shows the figures of one figure: give the figure (\"Figure 1\")"_s);
    if (!s.findingKind.isEmpty() && !findingKinds().contains(s.findingKind))
        return invalid(QStringLiteral("unknown finding kind \"%1\"").arg(s.findingKind));
    if ((s.kind == u"letter_opening"_s || s.kind == u"letter_closing"_s) &&
        documentKind != u"letter"_s)
        return invalid(QStringLiteral("a %1 belongs in a letter, not a report")
                           .arg(sectionKindLabel(s.kind).toLower()));
    for (const Section& c : s.children)
        if (Status st = validateSection(c, programme, documentKind); !st)
            return st;
    return {};
}

Status validateParticulars(const Document& d)
{
    if (d.title.trimmed().isEmpty())
        return invalid(u"a document needs a title"_s);
    if (!statuses().contains(d.status))
        return invalid(QStringLiteral("unknown status \"%1\" (one of: %2)")
                           .arg(d.status, statuses().join(u", "_s)));
    if (!d.dated.isEmpty() && !QDate::fromString(d.dated, Qt::ISODate).isValid())
        return invalid(QStringLiteral("the date \"%1\" is not a date (YYYY-MM-DD)").arg(d.dated));
    if (!d.embargo.isEmpty() && !QDateTime::fromString(d.embargo, Qt::ISODate).isValid())
        return invalid(
            QStringLiteral("the embargo \"%1\" is not a date and time (YYYY-MM-DDTHH:MM)")
                .arg(d.embargo));
    return {};
}

QString randomPart()
{
    return QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 36);
}

void freshUids(QList<Section>& sections, const QString& prefix)
{
    for (Section& s : sections) {
        s.uid = prefix + randomPart();
        freshUids(s.children, prefix);
    }
}

Section section(const QString& kind, const QString& title, const QString& question = {},
                const QString& body = {})
{
    Section s;
    s.kind = kind;
    s.title = title;
    s.questionCode = question;
    s.body = body;
    return s;
}

} // namespace

const QStringList& sectionKinds()
{
    static const QStringList kinds{u"narrative"_s,
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
    return kinds;
}

bool isBoundKind(const QString& kind)
{
    return kind != u"narrative"_s;
}

QString sectionKindLabel(const QString& kind)
{
    static const QHash<QString, QString> labels{
        {u"narrative"_s, u"Narrative"_s},
        {u"judgment"_s, u"Judgment"_s},
        {u"overview"_s, u"Overview summary"_s},
        {u"findings"_s, u"Findings"_s},
        {u"areas_for_improvement"_s, u"Areas for improvement"_s},
        {u"metrics_table"_s, u"Figures table"_s},
        {u"chart"_s, u"Chart"_s},
        {u"grade_definitions"_s, u"Grade definitions"_s},
        {u"contents"_s, u"Contents"_s},
        {u"letter_opening"_s, u"Letter opening"_s},
        {u"letter_closing"_s, u"Letter closing"_s},
    };
    return labels.value(kind, kind);
}

const Section* findSection(const QList<Section>& sections, const QString& uid)
{
    for (const Section& s : sections) {
        if (s.uid == uid)
            return &s;
        if (const Section* inner = findSection(s.children, uid))
            return inner;
    }
    return nullptr;
}

Result<Document> documentTemplate(const Workbench& workbench, const QString& programmeCode,
                                  const QString& forceCode, const QString& kind)
{
    const ReferenceRepository ref = workbench.reference();
    const auto programme = ref.programme(programmeCode);
    if (!programme)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no programme \"%1\"").arg(programmeCode));
    const auto force = ref.force(forceCode);
    if (!force)
        return Error::make(Error::Code::NotFound, QStringLiteral("no force \"%1\"").arg(forceCode));
    Document d;
    d.programmeCode = programmeCode;
    d.forceCode = forceCode;
    d.kind = kind;
    d.title = programme->title;
    d.dated = QDate::currentDate().toString(Qt::ISODate);

    if (kind == u"letter"_s) {
        d.recipientCode = force->chiefOfficerCode;
        // The sender: an inspector (a person of no force whose post is an inspector's).
        for (const Person& p : ref.people())
            if (p.forceCode.isEmpty() && p.post.contains(u"Inspector"_s, Qt::CaseInsensitive)) {
                d.senderCode = p.code;
                break;
            }
        QStringList areas;
        for (const Question& q : programme->questions)
            areas << QStringLiteral("- %1;").arg(q.text.left(1).toLower() + q.text.mid(1));
        if (!areas.isEmpty()) {
            QString& last = areas.last();
            last.chop(1);
            last += u"."_s;
        }
        d.sections << section(u"letter_opening"_s, {});
        d.sections << section(
            u"narrative"_s, {}, {},
            QStringLiteral(
                "Between {{fieldwork}}, HMIC carried out inspection fieldwork across all 43 forces "
                "in England and Wales. This inspection, called '{{programme}}', assessed %1 "
                "areas of police work. These were:\n\n%2")
                .arg(programme->questions.size())
                .arg(areas.join(u"\n"_s)));
        d.sections << section(
            u"narrative"_s, {}, {},
            u"Attached is an embargoed copy of the national thematic report for this inspection "
            u"which "
            "will now be published by HMIC on {{embargo}}. This must not be published until this "
            "date and time."_s);
        d.sections << section(
            u"narrative"_s, {}, {},
            u"The findings that specifically relate to your force are included in this letter. The "
            "initial findings were previously sent to you for factual accuracy checks and, where "
            "appropriate, have been amended following your response."_s);
        for (const Question& q : programme->questions)
            d.sections << section(u"findings"_s, q.label(), q.code);
        d.sections << section(u"letter_closing"_s, {});
    } else if (kind == u"report"_s) {
        d.subtitle = QStringLiteral("An inspection of %1").arg(force->name);
        d.sections << section(u"contents"_s, u"Contents"_s);
        // The overall question is the one graded question at the top; its children are the
        // core questions. A programme without one has its top-level questions as the core.
        const Question* overall = nullptr;
        if (programme->questions.size() == 1 && programme->questions.first().graded)
            overall = &programme->questions.first();
        const QList<Question>& core = overall ? overall->children : programme->questions;
        const bool graded = !programme->gradeScaleCode.isEmpty();
        Section overview =
            section(u"narrative"_s,
                    overall ? QStringLiteral("Overview – %1").arg(overall->text) : u"Overview"_s);
        if (overall && graded) {
            overview.children << section(u"judgment"_s, u"Overall judgment"_s, overall->code);
            overview.children << section(u"overview"_s, u"Summary"_s, overall->code);
        }
        for (const Question& q : core)
            if (graded && q.graded)
                overview.children << section(u"overview"_s, q.text, q.code);
        d.sections << overview;
        Section numbers = section(u"narrative"_s, u"Force in numbers"_s);
        Section table = section(u"metrics_table"_s, u"Force in numbers"_s);
        table.figure = u"Force in numbers"_s;
        numbers.children << table;
        d.sections << numbers;
        d.sections << section(u"narrative"_s, u"Introduction"_s);
        for (const Question& q : core) {
            Section chapter = section(u"narrative"_s, q.text, q.code);
            chapter.children << section(u"narrative"_s, {}, q.code);
            for (const Question& sub : q.children)
                chapter.children << section(u"findings"_s, sub.text, sub.code);
            if (q.children.isEmpty())
                chapter.children << section(u"findings"_s, q.text, q.code);
            if (graded && q.graded)
                chapter.children << section(u"judgment"_s, u"Summary of findings"_s, q.code);
            Section afi = section(u"areas_for_improvement"_s, u"Areas for improvement"_s, q.code);
            afi.findingKind = u"area_for_improvement"_s;
            chapter.children << afi;
            d.sections << chapter;
        }
        if (graded)
            d.sections << section(u"grade_definitions"_s,
                                  QStringLiteral("Annex A – HMIC judgments"));
    } else {
        return invalid(QStringLiteral("unknown document kind \"%1\" (letter or report)").arg(kind));
    }
    freshUids(d.sections, QStringLiteral("%1-%2-s-").arg(forceCode).arg(programme->year));
    return d;
}

Section DocumentService::newSection(const Document& document, const QString& kind,
                                    const std::optional<Section>& beside) const
{
    Section s;
    s.kind = kind;
    if (kind == u"findings"_s || kind == u"judgment"_s || kind == u"overview"_s ||
        kind == u"areas_for_improvement"_s) {
        const auto programme = m_wb.reference().programme(document.programmeCode);
        const bool graded = kind == u"judgment"_s || kind == u"overview"_s;
        QString code = beside ? beside->questionCode : QString();
        const Question* q =
            programme && !code.isEmpty() ? findQuestion(programme->questions, code) : nullptr;
        if (!q || (graded && !q->graded)) {
            code.clear();
            std::function<void(const QList<Question>&)> first = [&](const QList<Question>& list) {
                for (const Question& x : list) {
                    if (code.isEmpty() && (!graded || x.graded))
                        code = x.code;
                    first(x.children);
                }
            };
            if (programme)
                first(programme->questions);
        }
        s.questionCode = code;
        if (const Question* chosen = programme ? findQuestion(programme->questions, code) : nullptr)
            s.title = kind == u"judgment"_s                ? u"Summary of findings"_s
                      : kind == u"areas_for_improvement"_s ? u"Areas for improvement"_s
                                                           : chosen->text;
        if (kind == u"areas_for_improvement"_s)
            s.findingKind = u"area_for_improvement"_s;
    } else if (kind == u"metrics_table"_s || kind == u"chart"_s) {
        for (const Metric& m : m_wb.drafts().metrics(document.programmeCode, document.forceCode))
            if (!m.figure.isEmpty()) {
                s.figure = m.figure;
                break;
            }
        if (s.figure.isEmpty())
            s.figure = u"Figure 1"_s;
        s.title = s.figure + u": "_s;
    } else if (kind == u"grade_definitions"_s) {
        s.title = QStringLiteral("Annex A – judgments");
    } else if (kind == u"contents"_s) {
        s.title = u"Contents"_s;
    } else {
        s.title = u"New section"_s;
    }
    return s;
}

QString DocumentService::newUid(const QString& prefix) const
{
    return prefix + randomPart();
}

Result<Document> DocumentService::load(const QString& uid) const
{
    // A document read only in part must not be written back whole: that would drop what was
    // not read.
    (void)m_wb.database().takeReadFailure();
    const auto d = m_wb.documents().document(uid);
    if (const auto failure = m_wb.database().takeReadFailure())
        return *failure;
    if (!d)
        return Error::make(Error::Code::NotFound, QStringLiteral("no document \"%1\"").arg(uid));
    return *d;
}

Status DocumentService::save(const Document& d)
{
    // Every change to a document's sections comes here: published documents are locked.
    if (Status s = LockRule(m_wb.database()).refuseDocument(d); !s)
        return s;
    auto done = m_wb.documents().upsertDocument(d);
    if (!done)
        return done.error();
    return {};
}

std::optional<DocumentService::Location> DocumentService::locate(const QString& sectionUid) const
{
    const auto documentUid = m_wb.documents().documentOfSection(sectionUid);
    if (!documentUid)
        return std::nullopt;
    const auto d = m_wb.documents().document(*documentUid);
    if (!d)
        return std::nullopt;
    QList<Section> copy = d->sections;
    Place where;
    if (!take(copy, sectionUid, {}, where))
        return std::nullopt;
    return Location{d->uid, where};
}

Result<Document> DocumentService::create(const QString& programmeCode, const QString& forceCode,
                                         const QString& kind, const QString& uid)
{
    auto d = documentTemplate(m_wb, programmeCode, forceCode, kind);
    if (!d)
        return d.error();
    // A uid the caller chose is checked here; a fresh one is made of codes (and so follows the
    // rule).
    if (!uid.isEmpty() && !isValidCode(uid))
        return invalid(invalidCodeMessage(u"document uid"_s, uid));
    const auto programme = m_wb.reference().programme(programmeCode);
    d->uid = uid.isEmpty()
                 ? QStringLiteral("%1-%2-%3-").arg(forceCode).arg(programme->year).arg(kind) +
                       randomPart()
                 : uid;
    return insert(*d);
}

Result<Document> DocumentService::insert(const Document& document)
{
    return inTransaction<Document>(m_wb, [&](ChangeSet& changes) -> Result<Document> {
        if (document.uid.isEmpty())
            return invalid(u"a document needs a uid"_s);
        if (m_wb.documents().document(document.uid))
            return Error::make(
                Error::Code::Conflict,
                QStringLiteral("a document \"%1\" already exists").arg(document.uid));
        if (Status s = validateParticulars(document); !s)
            return s.error();
        const auto programme = m_wb.reference().programme(document.programmeCode);
        if (!programme)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no programme \"%1\"").arg(document.programmeCode));
        for (const Section& s : document.sections)
            if (Status st = validateSection(s, *programme, document.kind); !st)
                return st.error();
        if (Status s = save(document); !s)
            return s.error();
        auto after = load(document.uid);
        if (!after)
            return after.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"insert"_s, u"document"_s,
                                           document.uid, {}, json(*after));
            !s)
            return s.error();
        spdlog::info("created {} {} for {} {}", document.kind.toStdString(),
                     document.uid.toStdString(), document.programmeCode.toStdString(),
                     document.forceCode.toStdString());
        changes.add(EntityKind::Document, ChangeOp::Added, {document.uid},
                    service::placeOf(*after));
        return after;
    });
}

Result<Document> DocumentService::remove(const QString& uid)
{
    return inTransaction<Document>(m_wb, [&](ChangeSet& changes) -> Result<Document> {
        auto before = load(uid);
        if (!before)
            return before.error();
        if (Status s = LockRule(m_wb.database()).refuseDocument(*before); !s)
            return s.error();
        if (Status s = m_wb.documents().removeDocument(uid); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"delete"_s, u"document"_s, uid,
                                           json(*before), {});
            !s)
            return s.error();
        spdlog::info("deleted document {}", uid.toStdString());
        changes.add(EntityKind::Document, ChangeOp::Removed, {uid}, service::placeOf(*before));
        return before;
    });
}

Result<Document> DocumentService::setParticulars(const Document& particulars, IfVersion ifVersion)
{
    return inTransaction<Document>(m_wb, [&](ChangeSet& changes) -> Result<Document> {
        auto before = load(particulars.uid);
        if (!before)
            return before.error();
        Document next = *before;
        next.title = particulars.title;
        next.subtitle = particulars.subtitle;
        // The status moves only through the review's lifecycle (ReviewService::move and send).
        if (!particulars.status.isEmpty() && particulars.status != before->status)
            return Error::make(
                Error::Code::Invalid,
                QStringLiteral(
                    "the status of “%1” moves through the review (Review tab, or fwb review "
                    "move), not with its particulars")
                    .arg(before->title));
        next.dated = particulars.dated;
        next.embargo = particulars.embargo;
        next.senderCode = particulars.senderCode;
        next.recipientCode = particulars.recipientCode;
        next.reference = particulars.reference;
        if (Status s = validateParticulars(next); !s)
            return s.error();
        Document a = *before, b = next;
        a.sections.clear();
        b.sections.clear();
        if (json(a) != json(b))
            if (Status s = LockRule(m_wb.database()).refuseDocument(*before); !s)
                return s.error();
        a.sections.clear();
        b.sections.clear();
        if (json(a) == json(b))
            return before;
        if (auto c = service::claimVersion(m_wb, service::versionedParticulars(*before), ifVersion);
            !c)
            return c.error();
        // Only the document's own row: its sections are not rewritten.
        if (Status s = m_wb.documents().updateParticulars(next); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"update"_s, u"document"_s, next.uid,
                                           json(a), json(b));
            !s)
            return s.error();
        changes.add(EntityKind::Document, ChangeOp::Changed, {next.uid}, service::placeOf(next));
        return load(next.uid);
    });
}

Result<Section> DocumentService::addSection(const QString& documentUid, Section section,
                                            const Place& place)
{
    return inTransaction<Section>(m_wb, [&](ChangeSet& changes) -> Result<Section> {
        auto d = load(documentUid);
        if (!d)
            return d.error();
        const auto programme = m_wb.reference().programme(d->programmeCode);
        if (Status s = validateSection(section, *programme, d->kind); !s)
            return s.error();
        const QString prefix = QStringLiteral("%1-%2-s-").arg(d->forceCode).arg(programme->year);
        if (section.uid.isEmpty()) {
            section.uid = prefix + randomPart();
            freshUids(section.children, prefix);
        } else if (locate(section.uid)) {
            return Error::make(Error::Code::Conflict,
                               QStringLiteral("a section \"%1\" already exists").arg(section.uid));
        }
        QList<Section>* siblings = childrenOf(d->sections, place.parentUid);
        if (!siblings)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("document %1 has no section \"%2\" to put it under")
                                   .arg(documentUid, place.parentUid));
        putAt(*siblings, section, place.position);
        if (Status s = save(*d); !s)
            return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"insert"_s, u"section"_s,
                                           section.uid, {}, json(section) /* own fields */);
            !s)
            return s.error();
        changes.add(EntityKind::Section, ChangeOp::Added, withChildren(section),
                    service::sectionPlace(*d));
        return section;
    });
}

Result<Section> DocumentService::updateSection(const Section& section, const QString& reason,
                                               IfVersion ifVersion)
{
    return inTransaction<Section>(m_wb, [&](ChangeSet& changes) -> Result<Section> {
        // Found again inside the transaction: another writer may have moved it meanwhile.
        const auto here = locate(section.uid);
        if (!here)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no section \"%1\"").arg(section.uid));
        auto d = load(here->documentUid);
        if (!d)
            return d.error();
        Section* target = findSectionIn(d->sections, section.uid);
        if (!target)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no section \"%1\"").arg(section.uid));
        Section next = *target;
        next.kind = section.kind;
        next.title = section.title;
        next.body = section.body;
        next.questionCode = section.questionCode;
        next.findingKind = section.findingKind;
        next.figure = section.figure;
        const auto programme = m_wb.reference().programme(d->programmeCode);
        Section check = next;
        check.children.clear();
        if (Status s = validateSection(check, *programme, d->kind); !s)
            return s.error();
        if (json(*target) == json(next))
            return *target;
        auto claimed = service::claimVersion(m_wb, service::versioned(*target), ifVersion);
        if (!claimed)
            return claimed.error();
        // Written again with the document's sections, with the version it has now.
        next.version = *claimed;
        const Section before = *target;
        *target = next;
        if (Status s = save(*d); !s)
            return s.error();
        // Wording only when the body is all that changed.
        const bool wordingOnly = before.kind == next.kind && before.title == next.title &&
                                 before.questionCode == next.questionCode &&
                                 before.findingKind == next.findingKind &&
                                 before.figure == next.figure;
        changes.add(EntityKind::Section, ChangeOp::Changed, {next.uid}, service::sectionPlace(*d),
                    wordingOnly);
        if (!isBoundKind(next.kind))
            if (Status s = keepRevision(m_wb, changes, service::sectionPlace(*d), u"section"_s,
                                        next.uid, d->status, before.body, next.body, reason);
                !s)
                return s.error();
        if (Status s = m_wb.audit().append(Workbench::actor(), u"update"_s, u"section"_s,
                                           section.uid, json(before), json(next));
            !s)
            return s.error();
        return next;
    });
}

Result<DocumentService::Taken> DocumentService::takeOut(const QString& uid) const
{
    const auto where = locate(uid);
    if (!where)
        return Error::make(Error::Code::NotFound, QStringLiteral("no section \"%1\"").arg(uid));
    auto d = load(where->documentUid);
    if (!d)
        return d.error();
    Place from;
    auto section = take(d->sections, uid, {}, from);
    if (!section)
        return Error::make(Error::Code::NotFound, QStringLiteral("no section \"%1\"").arg(uid));
    return Taken{*d, *section, from};
}

Result<Section> DocumentService::moveSection(const QString& uid, const Place& place,
                                             IfVersion ifVersion)
{
    return inTransaction<Section>(m_wb, [&](ChangeSet& changes) -> Result<Section> {
        auto taken = takeOut(uid);
        if (!taken)
            return taken.error();
        auto& [document, moving, from] = *taken;
        Document* d = &document;
        QSet<QString> own;
        collectUids(moving, own);
        if (own.contains(place.parentUid))
            return invalid(u"a section cannot be put inside itself"_s);
        QList<Section>* siblings = childrenOf(d->sections, place.parentUid);
        if (!siblings)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("document %1 has no section \"%2\" to put it under")
                                   .arg(d->uid, place.parentUid));
        const int at = place.position <= 0 || place.position > siblings->size()
                           ? int(siblings->size()) + 1
                           : place.position;
        if (place.parentUid == from.parentUid && at == from.position)
            return moving;
        auto claimed = service::claimVersion(m_wb, service::versioned(moving), ifVersion);
        if (!claimed)
            return claimed.error();
        moving.version = *claimed;
        putAt(*siblings, moving, at);
        if (Status s = save(*d); !s)
            return s.error();
        const QString before = QStringLiteral("{\"parent\":\"%1\",\"position\":%2}")
                                   .arg(from.parentUid)
                                   .arg(from.position);
        const QString after =
            QStringLiteral("{\"parent\":\"%1\",\"position\":%2}").arg(place.parentUid).arg(at);
        if (Status s = m_wb.audit().append(Workbench::actor(), u"move"_s, u"section"_s, uid, before,
                                           after);
            !s)
            return s.error();
        const fwb::Place here = service::sectionPlace(*d);
        changes.add(RecordChange{EntityKind::Section, ChangeOp::Moved, {uid}, here, here, false});
        return moving;
    });
}

Result<DocumentService::Removed> DocumentService::removeSection(const QString& uid,
                                                                IfVersion ifVersion)
{
    return inTransaction<Removed>(m_wb, [&](ChangeSet& changes) -> Result<Removed> {
        auto taken = takeOut(uid);
        if (!taken)
            return taken.error();
        auto& [d, removed, from] = *taken;
        if (auto c = service::claimVersion(m_wb, service::versioned(removed), ifVersion); !c)
            return c.error();
        if (Status s = save(d); !s)
            return s.error();
        if (Status s =
                m_wb.audit().append(Workbench::actor(), u"delete"_s, u"section"_s, uid,
                                    interchange::compact(interchange::toJson(removed, true)), {});
            !s)
            return s.error();
        changes.add(EntityKind::Section, ChangeOp::Removed, withChildren(removed),
                    service::sectionPlace(d));
        return Removed{d.uid, removed, from};
    });
}

Result<Section> DocumentService::restoreSection(const Removed& removed)
{
    return addSection(removed.documentUid, removed.section, removed.place);
}

} // namespace fwb
