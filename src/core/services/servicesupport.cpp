#include "core/services/servicesupport.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fwb::service {

QString judgmentUid(const QString& programme, const QString& force, const QString& question)
{
    return programme + u'/' + force + u'/' + question;
}

QString judgmentUid(const Judgment& j)
{
    return judgmentUid(j.programmeCode, j.forceCode, j.questionCode);
}

Place placeOf(const Finding& f)
{
    return {f.programmeCode, f.forceCode, f.questionCode, {}};
}

Place placeOf(const Judgment& j)
{
    return {j.programmeCode, j.forceCode, j.questionCode, {}};
}

Place placeOf(const Document& d)
{
    return {d.programmeCode, d.forceCode, {}, {}};
}

Place sectionPlace(const Document& d)
{
    return {d.programmeCode, d.forceCode, {}, d.uid};
}

Place placeOfTarget(const Workbench& wb, const QString& target)
{
    const QString entity = target.section(u':', 0, 0);
    const QString key = target.section(u':', 1).section(u'#', 0, 0);
    if (entity == u"finding"_s) {
        if (const auto f = wb.drafts().finding(key))
            return placeOf(*f);
    } else if (entity == u"judgment"_s || entity == u"overview"_s) {
        const QStringList k = key.split(u'/');
        if (k.size() == 3)
            return {k[0], k[1], k[2], {}};
    } else if (entity == u"section"_s) {
        DocumentRepository docs = wb.documents();
        if (const auto uid = docs.documentOfSection(key))
            if (const auto d = docs.document(*uid))
                return sectionPlace(*d);
    } else if (entity == u"document"_s) {
        if (const auto d = wb.documents().document(key))
            return placeOf(*d);
    }
    return {};
}

namespace {

struct QuestionAt {
    const Question* question = nullptr;
    QString parent;
    int index = 0;
};

void flatten(const QList<Question>& qs, const QString& parent, QHash<QString, QuestionAt>& out,
             QStringList& order)
{
    for (int i = 0; i < qs.size(); ++i) {
        out.insert(qs[i].code, {&qs[i], parent, i});
        order << qs[i].code;
        flatten(qs[i].children, qs[i].code, out, order);
    }
}

// The questions that changed order under a parent they kept: all but the longest run that kept
// its order (so one question moved names that one, not every sibling it passed).
QSet<QString> reordered(const QHash<QString, QuestionAt>& was,
                        const QHash<QString, QuestionAt>& now, const QStringList& nowOrder)
{
    QHash<QString, QStringList> byParent; // kept siblings under an unchanged parent, new order
    for (const QString& code : nowOrder) {
        const auto it = was.constFind(code);
        if (it != was.cend() && it->parent == now.value(code).parent)
            byParent[it->parent] << code;
    }
    QSet<QString> out;
    for (const QStringList& siblings : std::as_const(byParent)) {
        // Longest increasing run of their old positions (patience sorting).
        QList<int> tails, previous(siblings.size(), -1), at;
        for (int i = 0; i < siblings.size(); ++i) {
            const int old = was.value(siblings[i]).index;
            const auto pos = std::lower_bound(tails.begin(), tails.end(), old,
                                              [&](int t, int v) { return t < v; }) -
                             tails.begin();
            if (pos > 0)
                previous[i] = at[pos - 1];
            if (pos == tails.size()) {
                tails << old;
                at << i;
            } else {
                tails[pos] = old;
                at[pos] = i;
            }
        }
        QSet<int> keep;
        for (int i = at.isEmpty() ? -1 : at.back(); i >= 0; i = previous[i])
            keep.insert(i);
        for (int i = 0; i < siblings.size(); ++i)
            if (!keep.contains(i))
                out.insert(siblings[i]);
    }
    return out;
}

bool sameOwnFields(const Question& a, const Question& b)
{
    return a.text == b.text && a.shortTitle == b.shortTitle && a.graded == b.graded &&
           a.follows == b.follows && a.comparable == b.comparable;
}

} // namespace

ChangeSet programmeChanges(const std::optional<Programme>& before, const Programme& after)
{
    ChangeSet set;
    const Place place{after.code, {}, {}, {}};
    if (!before) {
        set.add(EntityKind::Programme, ChangeOp::Added, {after.code}, place);
        return set;
    }
    if (before->title != after.title || before->shortTitle != after.shortTitle ||
        before->kind != after.kind || before->gradeScaleCode != after.gradeScaleCode ||
        before->fieldwork != after.fieldwork || before->published != after.published ||
        before->year != after.year)
        set.add(EntityKind::Programme, ChangeOp::Changed, {after.code}, place);
    QHash<QString, QuestionAt> was, now;
    QStringList wasOrder, nowOrder;
    flatten(before->questions, {}, was, wasOrder);
    flatten(after.questions, {}, now, nowOrder);
    QStringList added, removed, moved, changed;
    const QSet<QString> outOfOrder = reordered(was, now, nowOrder);
    for (const QString& code : std::as_const(nowOrder)) {
        const auto it = was.constFind(code);
        if (it == was.cend()) {
            added << code;
            continue;
        }
        const QuestionAt& a = *it;
        const QuestionAt& b = now[code];
        if (a.parent != b.parent || outOfOrder.contains(code))
            moved << code;
        if (!sameOwnFields(*a.question, *b.question))
            changed << code;
    }
    for (const QString& code : std::as_const(wasOrder))
        if (!now.contains(code))
            removed << code;
    set.addMany(EntityKind::Question, ChangeOp::Added, added, place);
    set.addMany(EntityKind::Question, ChangeOp::Removed, removed, place);
    if (!moved.isEmpty())
        set.add(RecordChange{EntityKind::Question, ChangeOp::Moved, moved, place, place, false});
    set.addMany(EntityKind::Question, ChangeOp::Changed, changed, place);
    return set;
}

} // namespace fwb::service
