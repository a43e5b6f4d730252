// Text under review: a target's text now, changing it as a decision does, its revisions and the
// word-level differences between them or between the document as sent and as it stands.
#include "core/services/review.h"
#include "core/services/reviewdetail.h"

#include "core/services/documents.h"
#include "core/services/locks.h"
#include "core/services/versions.h"
#include "core/workbench.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fwb {

using namespace reviewdetail;
using service::json;

// ---- text and revisions -------------------------------------------------------------------------

namespace {
// The span of the n-th paragraph (1-based) of a section's text, as paragraphsOf() counts them.
std::optional<std::pair<qsizetype, qsizetype>> paragraphSpan(const QString& body, int n)
{
    static const QRegularExpression blank(QStringLiteral("\\n[ \\t]*\\n"));
    qsizetype start = 0;
    int index = 0;
    auto it = blank.globalMatch(body);
    auto consider = [&](qsizetype from,
                        qsizetype to) -> std::optional<std::pair<qsizetype, qsizetype>> {
        const QString chunk = body.mid(from, to - from);
        if (chunk.trimmed().isEmpty() || isFootnoteDefinition(chunk))
            return std::nullopt;
        if (++index != n)
            return std::nullopt;
        // Leave the spaces around the paragraph where they are.
        qsizetype a = from, b = to;
        while (a < b && body[a].isSpace())
            ++a;
        while (b > a && body[b - 1].isSpace())
            --b;
        return std::make_pair(a, b);
    };
    while (it.hasNext()) {
        const auto m = it.next();
        if (auto span = consider(start, m.capturedStart()))
            return span;
        start = m.capturedEnd();
    }
    return consider(start, body.size());
}

struct SectionTarget {
    QString uid;
    int paragraph = 0; // 0: the whole text
};
SectionTarget sectionTarget(const QString& key)
{
    SectionTarget t;
    t.uid = key.section(QLatin1Char('#'), 0, 0);
    if (key.contains(QLatin1Char('#')))
        t.paragraph = key.section(QLatin1Char('#'), 1).toInt();
    return t;
}
} // namespace

Result<QString> ReviewService::currentText(const QString& target) const
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    if (entity == u"finding"_s) {
        if (const auto f = m_wb.drafts().finding(key))
            return f->text;
    } else if ((entity == u"judgment"_s || entity == u"overview"_s) &&
               key.count(QLatin1Char('/')) == 2) {
        const QStringList k = key.split(QLatin1Char('/'));
        if (const auto j = m_wb.drafts().judgment(k[0], k[1], k[2]))
            return entity == u"judgment"_s ? j->summary : j->overview;
    } else if (entity == u"section"_s) {
        const SectionTarget t = sectionTarget(key);
        if (const auto doc = m_wb.documents().documentOfSection(t.uid))
            if (const auto d = m_wb.documents().document(*doc))
                if (const Section* s = findSection(d->sections, t.uid)) {
                    if (t.paragraph == 0)
                        return s->body;
                    const auto span = paragraphSpan(s->body, t.paragraph);
                    return span ? s->body.mid(span->first, span->second - span->first) : QString();
                }
    } else {
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral(
                "\"%1\" is not finding:<uid>, judgment:<p>/<f>/<q>, overview:<p>/<f>/<q> or "
                "section:<uid>")
                .arg(target));
    }
    return Error::make(Error::Code::NotFound, QStringLiteral("no %1 \"%2\"").arg(entity, key));
}

Status ReviewService::setText(const QString& target, const QString& text, const QString& reason,
                              int* revision, ChangeSet& changes, const QString& expected)
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1);
    DraftRepository drafts = m_wb.drafts();
    QString revEntity = entity, revKey = key, status, before, after;
    QString beforeJson, afterJson, auditEntity = entity;
    // What the change is announced as: the record whose wording changed, and where it is.
    EntityKind kind = EntityKind::Finding;
    QString uid = key;
    fwb::Place place;
    if (entity == u"finding"_s) {
        auto f = drafts.finding(key);
        if (!f)
            return Error::make(Error::Code::NotFound, QStringLiteral("no finding \"%1\"").arg(key));
        if (Status s = LockRule(m_wb.database()).refuseFinding(*f); !s)
            return s;
        if (auto c = service::claimVersion(m_wb, service::versioned(*f), {}); !c)
            return c.error();
        beforeJson = json(f);
        place = service::placeOf(*f);
        status = f->status;
        before = f->text;
        f->text = after = text;
        if (auto r = drafts.upsertFinding(*f); !r)
            return r.error();
        afterJson = json(drafts.finding(key));
    } else if (entity == u"judgment"_s || entity == u"overview"_s) {
        const QStringList k = key.split(QLatin1Char('/'));
        auto j = drafts.judgment(k.value(0), k.value(1), k.value(2));
        if (!j)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no judgment \"%1\"").arg(key));
        if (Status s = LockRule(m_wb.database()).refuseJudgment(*j); !s)
            return s;
        if (auto c = service::claimVersion(m_wb, service::versioned(*j), {}); !c)
            return c.error();
        beforeJson = json(j);
        kind = EntityKind::Judgment;
        place = service::placeOf(*j);
        status = j->status;
        QString& field = entity == u"judgment"_s ? j->summary : j->overview;
        before = field;
        field = after = text;
        if (auto r = drafts.upsertJudgment(*j); !r)
            return r.error();
        afterJson = json(drafts.judgment(k[0], k[1], k[2]));
        auditEntity = u"judgment"_s;
    } else if (entity == u"section"_s) {
        const SectionTarget t = sectionTarget(key);
        const auto docUid = m_wb.documents().documentOfSection(t.uid);
        const auto d = docUid ? m_wb.documents().document(*docUid) : std::nullopt;
        const Section* s = d ? findSection(d->sections, t.uid) : nullptr;
        if (!s)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("no section \"%1\"").arg(t.uid));
        if (Status st = LockRule(m_wb.database()).refuseDocument(*d); !st)
            return st;
        kind = EntityKind::Section;
        uid = t.uid;
        place = service::sectionPlace(*d);
        status = d->status;
        before = s->body;
        after = s->body;
        if (t.paragraph > 0) {
            // The paragraph sent under the reference: where it was, or else wherever its text is
            // now (paragraphs before it may have been added or removed since).
            auto span = paragraphSpan(s->body, t.paragraph);
            auto textAt = [&](const std::pair<qsizetype, qsizetype>& sp) {
                return s->body.mid(sp.first, sp.second - sp.first);
            };
            if (!expected.isNull() && (!span || textAt(*span) != expected.trimmed())) {
                span.reset();
                for (int n = 1; auto candidate = paragraphSpan(s->body, n); ++n)
                    if (textAt(*candidate) == expected.trimmed()) {
                        span = candidate;
                        break;
                    }
                if (!span)
                    return refused(
                        QStringLiteral(
                            "paragraph %1 of section \"%2\" is no longer as it was sent: change "
                            "the section in the Documents tab, and decide this response as "
                            "partly accepted or rejected with the reason")
                            .arg(t.paragraph)
                            .arg(t.uid));
            }
            if (!span)
                return Error::make(Error::Code::NotFound,
                                   QStringLiteral("section \"%1\" has no paragraph %2")
                                       .arg(t.uid)
                                       .arg(t.paragraph));
            after.replace(span->first, span->second - span->first, text.trimmed());
        } else {
            after = text;
        }
        Section a = *s, b = *s;
        a.children.clear();
        b.children.clear();
        b.body = after;
        beforeJson = json(a);
        afterJson = json(b);
        if (after != before)
            if (auto c = service::claimVersion(m_wb, service::versioned(*s), {}); !c)
                return c.error();
        if (Status st = m_wb.documents().updateSectionBody(t.uid, after); !st)
            return st;
        revKey = t.uid;
    } else {
        return Error::make(Error::Code::Invalid,
                           QStringLiteral("\"%1\" cannot be amended").arg(target));
    }
    if (before == after)
        return {};
    changes.add(kind, ChangeOp::Changed, {uid}, place, true);
    if (Status s =
            m_wb.audit().append(Workbench::actor(), u"update"_s, auditEntity,
                                entity == u"section"_s ? revKey : key, beforeJson, afterJson);
        !s)
        return s;
    if (Status s = keepRevision(m_wb, changes, place, revEntity, revKey,
                                status == u"draft"_s ? u"ready"_s : status, before, after, reason);
        !s)
        return s;
    if (revision) {
        const QList<Revision> kept = m_wb.review().revisions(revEntity, revKey);
        *revision = kept.isEmpty() ? 0 : kept.back().number;
    }
    return {};
}

QList<Revision> ReviewService::revisions(const QString& target) const
{
    const QString entity = target.section(QLatin1Char(':'), 0, 0);
    const QString key = target.section(QLatin1Char(':'), 1).section(QLatin1Char('#'), 0, 0);
    return m_wb.review().revisions(entity, key);
}

Result<QList<diff::Piece>> ReviewService::compare(const QString& target, int from, int to) const
{
    const QList<Revision> kept = revisions(target);
    auto textOf = [&](int n) -> Result<QString> {
        if (n == 0) {
            const QString whole = target.section(QLatin1Char('#'), 0, 0);
            return currentText(whole);
        }
        for (const Revision& r : kept)
            if (r.number == n)
                return r.text;
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("%1 has no revision %2 (it has %3)")
                               .arg(target)
                               .arg(n)
                               .arg(kept.isEmpty()
                                        ? u"none"_s
                                        : QStringLiteral("1 to %1").arg(kept.back().number)));
    };
    auto a = textOf(from);
    if (!a)
        return a.error();
    auto b = textOf(to);
    if (!b)
        return b.error();
    return diff::words(*a, *b);
}

Result<QList<ReviewService::ItemChange>> ReviewService::sinceSent(const QString& documentUid) const
{
    const auto d = m_wb.documents().document(documentUid);
    if (!d)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("no document \"%1\"").arg(documentUid));
    const auto round = m_wb.review().latestRound(documentUid);
    if (!round)
        return refused(
            QStringLiteral("“%1” has not been sent for a factual accuracy check").arg(d->title));
    const QList<ReviewItem> nowItems = reviewItems(m_wb, *d);
    QHash<QString, QString> current;
    for (const ReviewItem& i : nowItems)
        current.insert(i.target, i.text);
    // Each text is matched by its target: a paragraph by its section and number, so a paragraph
    // inserted above others shows them as changed.
    QList<ItemChange> out;
    QSet<QString> seen;
    for (const ReviewItem& sent : round->items) {
        ItemChange c;
        c.item = sent;
        seen.insert(sent.target);
        const auto it = current.constFind(sent.target);
        if (it == current.cend()) {
            c.removed = true;
            c.pieces = {{diff::Op::Delete, sent.text}};
        } else {
            c.now = *it;
            c.pieces = diff::words(sent.text, *it);
        }
        out << c;
    }
    for (const ReviewItem& i : nowItems)
        if (!seen.contains(i.target)) {
            ItemChange c;
            c.item = i;
            c.item.reference.clear();
            c.now = i.text;
            c.added = true;
            c.pieces = {{diff::Op::Insert, i.text}};
            out << c;
        }
    return out;
}

} // namespace fwb
