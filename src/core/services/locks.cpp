#include "core/services/locks.h"

#include "core/storage/documentrepository.h"
#include "core/storage/reviewrepository.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace fwb {
namespace {
QString reopenCommand(const QString& option, const QString& key)
{
    return QStringLiteral("fwb review move FILE --%1 %2 --to amended --reason …").arg(option, key);
}

bool isPublished(const QString& status)
{
    return status == QLatin1String("published");
}

} // namespace

QString Lock::message() const
{
    QString out = reason.isEmpty() ? QString(item + u" is published and locked"_s)
                                   : QString(item + u" is locked: "_s + reason);
    if (!also.isEmpty())
        out += QStringLiteral(", as is %1, which shows it").arg(also);
    if (!reopen.isEmpty())
        out +=
            QStringLiteral("; reopen it first, with a reason (Review ▸ Reopen, or %1)").arg(reopen);
    return out;
}

Error Lock::error() const
{
    return Error::make(code, message());
}

LockRule::LockRule(Database& database, bool snapshot) : m_db(database), m_snapshot(snapshot)
{
    if (!snapshot)
        return;
    // Every published document, once: whatever is written afterwards does not change the answers.
    const auto prior = m_db.takeReadFailure();
    const QList<Document> all = DocumentRepository(m_db).documents();
    const auto failure = m_db.takeReadFailure();
    if (prior)
        m_db.noteReadFailure(*prior);
    if (failure) {
        m_snapshotFailure = failure->message;
        return;
    }
    for (const Document& d : all) {
        if (!isPublished(d.status))
            continue;
        const QString place = d.programmeCode + QLatin1Char('/') + d.forceCode;
        const QString programme = d.programmeCode + QLatin1Char('/');
        if (!m_known.value(place))
            m_known.insert(place, Published{d.uid, d.title});
        if (!m_known.value(programme))
            m_known.insert(programme, Published{d.uid, d.title});
    }
}

QString LockRule::findingName(const QString& uid)
{
    return QStringLiteral("finding \"%1\"").arg(uid);
}

QString LockRule::judgmentKey(const QString& p, const QString& f, const QString& q)
{
    return p + QLatin1Char('/') + f + QLatin1Char('/') + q;
}

QString LockRule::judgmentName(const QString& p, const QString& f, const QString& q)
{
    return QStringLiteral("judgment \"%1\"").arg(judgmentKey(p, f, q));
}

Result<std::optional<LockRule::Published>> LockRule::publishedIn(const QString& programmeCode,
                                                                 const QString& forceCode) const
{
    const QString key = programmeCode + QLatin1Char('/') + forceCode;
    if (m_snapshot) {
        if (!m_snapshotFailure.isEmpty())
            return Error::make(Error::Code::Damaged, m_snapshotFailure);
        return m_known.value(key);
    }
    if (const auto it = m_known.constFind(key); it != m_known.constEnd())
        return *it;
    // A document that cannot be read might be published: that is not taken as "unlocked".
    const auto prior = m_db.takeReadFailure();
    const QList<Document> docs = DocumentRepository(m_db).documents(programmeCode, forceCode);
    const auto failure = m_db.takeReadFailure();
    if (prior)
        m_db.noteReadFailure(*prior);
    if (failure)
        return Error::make(failure->code == Error::Code::Internal ? Error::Code::Damaged
                                                                  : failure->code,
                           failure->message);
    std::optional<Published> found;
    for (const Document& d : docs)
        if (isPublished(d.status)) {
            found = Published{d.uid, d.title};
            break;
        }
    m_known.insert(key, found);
    return found;
}

Lock LockRule::byDocument(const QString& item, const Published& d, const QString& shows)
{
    return Lock{item, QStringLiteral("“%1” (%2) is published and %3").arg(d.title, d.uid, shows),
                QString(), reopenCommand(u"document"_s, d.uid), Error::Code::Conflict};
}

std::optional<Lock> LockRule::unreadable(const QString& item, const Error& e)
{
    return Lock{
        item,
        QStringLiteral("whether it is published could not be read (%1), so it is not changed")
            .arg(e.message),
        QString(), QString(), e.code};
}

// A published item is reopened on its own, unless a published document shows it: then
// reopening the document reopens it with the rest of what the document shows.
std::optional<Lock> LockRule::item(const QString& item, bool published, const QString& option,
                                   const QString& key, const QString& programmeCode,
                                   const QString& forceCode) const
{
    auto shown = place(programmeCode, forceCode, item);
    if (!published)
        return shown;
    if (shown && shown->code != Error::Code::Conflict)
        return shown; // the documents could not be read
    Lock l{item, {}, {}, reopenCommand(option, key), Error::Code::Conflict};
    if (shown) {
        const auto d = publishedIn(programmeCode, forceCode);
        l.also = QStringLiteral("“%1” (%2)").arg(d.value()->title, d.value()->uid);
        l.reopen = shown->reopen;
    }
    return l;
}

std::optional<Lock> LockRule::finding(const Finding& f) const
{
    return item(findingName(f.uid), isPublished(f.status), u"finding"_s, f.uid, f.programmeCode,
                f.forceCode);
}

std::optional<Lock> LockRule::judgment(const Judgment& j) const
{
    return item(judgmentName(j.programmeCode, j.forceCode, j.questionCode), isPublished(j.status),
                u"judgment"_s, judgmentKey(j.programmeCode, j.forceCode, j.questionCode),
                j.programmeCode, j.forceCode);
}

std::optional<Lock> LockRule::document(const Document& d) const
{
    if (isPublished(d.status))
        return Lock{QStringLiteral("document \"%1\"").arg(d.uid),
                    {},
                    {},
                    reopenCommand(u"document"_s, d.uid),
                    Error::Code::Conflict};
    return std::nullopt;
}

std::optional<Lock> LockRule::place(const QString& programmeCode, const QString& forceCode,
                                    const QString& item) const
{
    if (programmeCode.isEmpty() || forceCode.isEmpty())
        return std::nullopt;
    const auto published = publishedIn(programmeCode, forceCode);
    if (!published)
        return unreadable(item, published.error());
    if (!published.value())
        return std::nullopt;
    return byDocument(
        item, *published.value(),
        u"shows this force's findings, judgments, evidence and figures in this programme"_s);
}

std::optional<Lock> LockRule::framework(const QString& programmeCode, const QString& item) const
{
    if (programmeCode.isEmpty())
        return std::nullopt;
    const auto published = publishedIn(programmeCode, {});
    if (!published)
        return unreadable(item, published.error());
    if (!published.value())
        return std::nullopt;
    return byDocument(item, *published.value(), u"follows this programme's questions"_s);
}

namespace {
struct QuestionPlace {
    QString parent, text, shortTitle, follows;
    int position = 0;
    bool graded = false, comparable = true;
    bool operator==(const QuestionPlace&) const = default;
};

void flatten(const QList<Question>& list, const QString& parent, QMap<QString, QuestionPlace>& out)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Question& q = list[i];
        out.insert(q.code,
                   {parent, q.text, q.shortTitle, q.follows, int(i) + 1, q.graded, q.comparable});
        flatten(q.children, q.code, out);
    }
}
} // namespace

QStringList frameworkChanges(const Programme& before, const Programme& after)
{
    QStringList out;
    if (before.title != after.title || before.shortTitle != after.shortTitle ||
        before.year != after.year || (before.kind != after.kind && !after.kind.isEmpty()) ||
        before.gradeScaleCode != after.gradeScaleCode || before.fieldwork != after.fieldwork ||
        before.published != after.published)
        out << QStringLiteral("programme \"%1\" (its particulars)").arg(before.code);
    QMap<QString, QuestionPlace> was, now;
    flatten(before.questions, {}, was);
    flatten(after.questions, {}, now);
    QStringList codes = was.keys();
    for (const QString& c : now.keys())
        if (!was.contains(c))
            codes << c;
    for (const QString& c : codes) {
        const auto a = was.constFind(c), b = now.constFind(c);
        QString what;
        if (a == was.constEnd())
            what = u"added"_s;
        else if (b == now.constEnd())
            what = u"removed"_s;
        else if (!(*a == *b))
            what =
                a->text != b->text || a->shortTitle != b->shortTitle ? u"reworded"_s : u"changed"_s;
        if (!what.isEmpty())
            out << QStringLiteral("question %1/%2 (%3)").arg(before.code, c, what);
    }
    return out;
}

Status recordArrival(Database& database, const QString& entity, const QString& key,
                     const QString& status, const QString& reason, const QString& actor)
{
    if (status.isEmpty() || status == QLatin1String("draft"))
        return {};
    return ReviewRepository(database).addStatusChange(
        {entity, key, QString(), status, reason, actor, {}});
}

} // namespace fwb
