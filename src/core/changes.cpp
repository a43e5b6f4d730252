#include "core/changes.h"

#include <QJsonArray>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace fwb {

namespace {

constexpr std::array<std::pair<EntityKind, const char16_t*>, 17> kKinds{{
    {EntityKind::Region, u"region"},
    {EntityKind::Force, u"force"},
    {EntityKind::Person, u"person"},
    {EntityKind::Programme, u"programme"},
    {EntityKind::Question, u"question"},
    {EntityKind::Judgment, u"judgment"},
    {EntityKind::Finding, u"finding"},
    {EntityKind::Evidence, u"evidence"},
    {EntityKind::Metric, u"metric"},
    {EntityKind::Document, u"document"},
    {EntityKind::Section, u"section"},
    {EntityKind::ReviewNote, u"review_note"},
    {EntityKind::ReviewRound, u"review_round"},
    {EntityKind::Response, u"response"},
    {EntityKind::FollowUp, u"follow_up"},
    {EntityKind::Revision, u"revision"},
    {EntityKind::Everything, u"everything"},
}};

constexpr std::array<std::pair<ChangeOp, const char16_t*>, 4> kOps{{
    {ChangeOp::Added, u"added"},
    {ChangeOp::Changed, u"changed"},
    {ChangeOp::Removed, u"removed"},
    {ChangeOp::Moved, u"moved"},
}};

QJsonObject placeJson(const Place& p)
{
    QJsonObject o;
    if (!p.programme.isEmpty())
        o.insert(u"programme"_s, p.programme);
    if (!p.force.isEmpty())
        o.insert(u"force"_s, p.force);
    if (!p.question.isEmpty())
        o.insert(u"question"_s, p.question);
    if (!p.document.isEmpty())
        o.insert(u"document"_s, p.document);
    return o;
}

Result<Place> placeFromJson(const QJsonValue& v, const QString& where)
{
    if (v.isUndefined() || v.isNull())
        return Place{};
    if (!v.isObject())
        return Error::make(Error::Code::Invalid, where + u" must be an object"_s);
    const QJsonObject o = v.toObject();
    Place p;
    for (auto [key, field] :
         {std::pair{u"programme"_s, &p.programme}, std::pair{u"force"_s, &p.force},
          std::pair{u"question"_s, &p.question}, std::pair{u"document"_s, &p.document}}) {
        const QJsonValue f = o.value(key);
        if (f.isUndefined())
            continue;
        if (!f.isString())
            return Error::make(Error::Code::Invalid, where + u'.' + key + u" must be a string"_s);
        *field = f.toString();
    }
    return p;
}

QString placeText(const Place& p)
{
    QStringList parts;
    for (const QString& s : {p.programme, p.force, p.question})
        if (!s.isEmpty())
            parts << s;
    QString text = parts.join(u'/');
    if (!p.document.isEmpty())
        text += (text.isEmpty() ? u"document "_s : u" document "_s) + p.document;
    return text;
}

} // namespace

QString entityKindName(EntityKind kind)
{
    for (const auto& [k, name] : kKinds)
        if (k == kind)
            return QString::fromUtf16(name);
    return u"everything"_s;
}

std::optional<EntityKind> entityKindFromName(const QString& name)
{
    for (const auto& [k, n] : kKinds)
        if (name == QStringView(n))
            return k;
    return std::nullopt;
}

QString changeOpName(ChangeOp op)
{
    for (const auto& [o, name] : kOps)
        if (o == op)
            return QString::fromUtf16(name);
    return u"changed"_s;
}

std::optional<ChangeOp> changeOpFromName(const QString& name)
{
    for (const auto& [o, n] : kOps)
        if (name == QStringView(n))
            return o;
    return std::nullopt;
}

ChangeSet ChangeSet::everything()
{
    ChangeSet s;
    s.add(RecordChange{EntityKind::Everything, ChangeOp::Changed, {}, {}, {}, false});
    return s;
}

void ChangeSet::add(RecordChange c)
{
    for (RecordChange& there : m_changes) {
        if (there.kind != c.kind || there.op != c.op || there.place != c.place ||
            there.from != c.from || there.wordingOnly != c.wordingOnly ||
            there.isPrecise() != c.isPrecise())
            continue;
        for (const QString& uid : std::as_const(c.uids))
            if (!there.uids.contains(uid))
                there.uids.push_back(uid);
        return;
    }
    m_changes.push_back(std::move(c));
}

void ChangeSet::addMany(EntityKind kind, ChangeOp op, const QStringList& uids, const Place& place,
                        qsizetype limit)
{
    if (uids.isEmpty())
        return;
    if (uids.size() > limit)
        add(RecordChange{kind, op, {}, place, {}, false});
    else
        add(RecordChange{kind, op, uids, place, {}, false});
}

void ChangeSet::add(EntityKind kind, ChangeOp op, const QStringList& uids, const Place& place,
                    bool wordingOnly)
{
    add(RecordChange{kind, op, uids, place, {}, wordingOnly});
}

void ChangeSet::append(const ChangeSet& other)
{
    for (const RecordChange& c : other.m_changes)
        add(c);
}

bool ChangeSet::isEverything() const
{
    for (const RecordChange& c : m_changes)
        if (c.kind == EntityKind::Everything)
            return true;
    return false;
}

bool ChangeSet::touches(EntityKind kind) const
{
    for (const RecordChange& c : m_changes)
        if (c.kind == kind || c.kind == EntityKind::Everything)
            return true;
    return false;
}

bool ChangeSet::touchesAny(std::initializer_list<EntityKind> kinds) const
{
    for (EntityKind k : kinds)
        if (touches(k))
            return true;
    return false;
}

bool ChangeSet::wordingOnly() const
{
    if (m_changes.isEmpty())
        return false;
    for (const RecordChange& c : m_changes)
        if (!c.wordingOnly && c.kind != EntityKind::Revision)
            return false;
    return true;
}

QList<RecordChange> ChangeSet::of(EntityKind kind) const
{
    QList<RecordChange> out;
    for (const RecordChange& c : m_changes)
        if (c.kind == kind)
            out.push_back(c);
    return out;
}

QJsonObject ChangeSet::toJson() const
{
    QJsonArray list;
    for (const RecordChange& c : m_changes) {
        QJsonObject o{{u"kind"_s, entityKindName(c.kind)}, {u"op"_s, changeOpName(c.op)}};
        if (!c.uids.isEmpty())
            o.insert(u"uids"_s, QJsonArray::fromStringList(c.uids));
        if (!c.place.isEmpty())
            o.insert(u"place"_s, placeJson(c.place));
        if (!c.from.isEmpty())
            o.insert(u"from"_s, placeJson(c.from));
        if (c.wordingOnly)
            o.insert(u"wording_only"_s, true);
        list.push_back(o);
    }
    QJsonObject json{{u"format"_s, u"fwb-changes"_s}, {u"version"_s, 1}, {u"changes"_s, list}};
    if (!m_origin.actor.isEmpty())
        json.insert(u"actor"_s, m_origin.actor);
    if (!m_origin.at.isEmpty())
        json.insert(u"at"_s, m_origin.at);
    return json;
}

Result<ChangeSet> ChangeSet::fromJson(const QJsonObject& json)
{
    auto bad = [](const QString& m) { return Error::make(Error::Code::Invalid, m); };
    if (json.value(u"format"_s).toString() != u"fwb-changes"_s)
        return bad(u"not a change record: \"format\" must be \"fwb-changes\""_s);
    if (json.value(u"version"_s).toInt() != 1)
        return bad(u"change record version %1 is not known (this program reads version 1)"_s.arg(
            json.value(u"version"_s).toVariant().toString()));
    const QJsonValue listValue = json.value(u"changes"_s);
    if (!listValue.isArray())
        return bad(u"\"changes\" must be a list"_s);
    ChangeSet set;
    for (auto [key, field] :
         {std::pair{u"actor"_s, &set.m_origin.actor}, std::pair{u"at"_s, &set.m_origin.at}}) {
        const QJsonValue v = json.value(key);
        if (v.isUndefined())
            continue;
        if (!v.isString())
            return bad(u"\"%1\" must be a string"_s.arg(key));
        *field = v.toString();
    }
    const QJsonArray list = listValue.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = u"changes[%1]"_s.arg(i);
        if (!list[i].isObject())
            return bad(where + u" must be an object"_s);
        const QJsonObject o = list[i].toObject();
        const auto kind = entityKindFromName(o.value(u"kind"_s).toString());
        if (!kind)
            return bad(where + u".kind \"%1\" is not a kind of record"_s.arg(
                                   o.value(u"kind"_s).toVariant().toString()));
        const auto op = changeOpFromName(o.value(u"op"_s).toString());
        if (!op)
            return bad(where + u".op must be added, changed, removed or moved"_s);
        RecordChange c;
        c.kind = *kind;
        c.op = *op;
        const QJsonValue uids = o.value(u"uids"_s);
        if (!uids.isUndefined()) {
            if (!uids.isArray())
                return bad(where + u".uids must be a list of strings"_s);
            for (const QJsonValue& u : uids.toArray()) {
                if (!u.isString())
                    return bad(where + u".uids must be a list of strings"_s);
                c.uids << u.toString();
            }
        }
        auto place = placeFromJson(o.value(u"place"_s), where + u".place"_s);
        if (!place)
            return place.error();
        c.place = *place;
        auto from = placeFromJson(o.value(u"from"_s), where + u".from"_s);
        if (!from)
            return from.error();
        c.from = *from;
        const QJsonValue wording = o.value(u"wording_only"_s);
        if (!wording.isUndefined() && !wording.isBool())
            return bad(where + u".wording_only must be true or false"_s);
        c.wordingOnly = wording.toBool();
        set.add(std::move(c));
    }
    return set;
}

QString describe(const RecordChange& c)
{
    QString s = entityKindName(c.kind) + u' ' + changeOpName(c.op);
    if (c.wordingOnly)
        s += u" (wording)"_s;
    if (!c.uids.isEmpty()) {
        const int shown = 5;
        s += u' ' + c.uids.mid(0, shown).join(u", "_s);
        if (c.uids.size() > shown)
            s += u" and %1 more"_s.arg(c.uids.size() - shown);
    }
    if (!c.place.isEmpty())
        s += u" at "_s + placeText(c.place);
    if (!c.from.isEmpty())
        s += u" from "_s + placeText(c.from);
    return s;
}

QString describe(const ChangeSet& changes)
{
    QStringList parts;
    for (const RecordChange& c : changes.changes())
        parts << describe(c);
    return parts.join(u"; "_s);
}

} // namespace fwb
