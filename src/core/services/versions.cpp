#include "core/services/versions.h"

#include "core/services/locks.h"
#include "core/services/servicesupport.h"

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::service {

Error staleError(Workbench& wb, const VersionedRow& row, IfVersion expected)
{
    const VersionRepository::LastChange last =
        VersionRepository(wb.database()).lastChange(row.entity, row.key);
    const QString who = last.actor.isEmpty() ? u"someone else"_s : last.actor;
    QString message;
    if (expected && *expected > row.version)
        message = QStringLiteral("%1 is at version %2, not %3: that version was never read "
                                 "from it (last changed by %4%5); nothing was saved")
                      .arg(row.name)
                      .arg(row.version)
                      .arg(*expected)
                      .arg(who, last.at.isEmpty() ? QString() : u" at "_s + last.at);
    else
        message = QStringLiteral("%1 was changed by %2%3 since you read it (version %4, now %5); "
                                 "nothing was saved")
                      .arg(row.name, who, last.at.isEmpty() ? QString() : u" at "_s + last.at)
                      .arg(expected.value_or(0))
                      .arg(row.version);
    Error e = Error::make(Error::Code::Stale, message);
    e.detail.insert(u"text"_s, row.text);
    e.detail.insert(u"version"_s, row.version);
    e.detail.insert(u"actor"_s, last.actor);
    e.detail.insert(u"at"_s, last.at);
    e.detail.insert(u"row"_s, row.row);
    e.detail.insert(u"expected"_s, expected.value_or(0));
    spdlog::info("stale save refused: {}", message.toStdString());
    return e;
}

Status checkVersion(Workbench& wb, const VersionedRow& row, IfVersion expected)
{
    if (!expected)
        return {};
    if (*expected < 1)
        return Error::make(
            Error::Code::Invalid,
            QStringLiteral("version %1 is not a version (versions count from 1)").arg(*expected));
    if (*expected != row.version)
        return staleError(wb, row, expected);
    return {};
}

Result<qint64> claimVersion(Workbench& wb, const VersionedRow& row, IfVersion expected)
{
    if (Status s = checkVersion(wb, row, expected); !s)
        return s.error();
    auto claimed = VersionRepository(wb.database()).claim(row.kind, row.id, row.version);
    if (!claimed && claimed.error().code == Error::Code::Stale) {
        // Changed between the read and the claim (by another connection to a server): the row
        // as it stands now is read again for the refusal.
        VersionedRow now = row;
        if (auto v = VersionRepository(wb.database()).version(row.kind, row.id))
            now.version = *v;
        return staleError(wb, now, expected ? expected : IfVersion(row.version));
    }
    return claimed;
}

VersionedRow versioned(const Finding& f)
{
    return {Versioned::Finding,
            f.id,
            f.version,
            u"finding"_s,
            f.uid,
            QStringLiteral("finding \"%1\"").arg(f.uid),
            f.text,
            json(f)};
}

VersionedRow versioned(const Judgment& j)
{
    const QString key = LockRule::judgmentKey(j.programmeCode, j.forceCode, j.questionCode);
    return {Versioned::Judgment, j.id,   j.version,
            u"judgment"_s,       key,    QStringLiteral("the judgment for %1").arg(key),
            j.summary,           json(j)};
}

VersionedRow versioned(const EvidenceSample& e)
{
    return {Versioned::Evidence, e.id,   e.version,
            u"evidence"_s,       e.uid,  QStringLiteral("evidence sample \"%1\"").arg(e.label),
            e.description,       json(e)};
}

VersionedRow versioned(const Metric& m)
{
    return {Versioned::Metric,
            m.id,
            m.version,
            u"metric"_s,
            m.uid,
            QStringLiteral("figure \"%1\"").arg(m.name),
            m.note,
            json(m)};
}

VersionedRow versioned(const Section& s)
{
    Section own = s;
    own.children.clear();
    return {Versioned::Section,
            s.id,
            s.version,
            u"section"_s,
            s.uid,
            s.title.isEmpty() ? QStringLiteral("section \"%1\"").arg(s.uid)
                              : QStringLiteral("section \"%1\"").arg(s.title),
            s.body,
            json(own)};
}

VersionedRow versionedParticulars(const Document& d)
{
    Document own = d;
    own.sections.clear();
    return {Versioned::Document,
            d.id,
            d.version,
            u"document"_s,
            d.uid,
            QStringLiteral("the particulars of \"%1\"").arg(d.title),
            d.title,
            json(own)};
}

VersionedRow versioned(const ReviewNote& n)
{
    return {Versioned::ReviewNote,
            n.id,
            n.version,
            u"review_note"_s,
            n.uid,
            QStringLiteral("review note \"%1\"").arg(n.uid),
            n.answer.isEmpty() ? n.body : n.answer,
            json(n)};
}

VersionedRow versioned(const FaResponse& r)
{
    return {Versioned::Response,
            r.id,
            r.version,
            u"response"_s,
            r.uid,
            QStringLiteral("response \"%1\"").arg(r.reference),
            r.wording.isEmpty() ? r.proposedChange : r.wording,
            json(r)};
}

} // namespace fwb::service
