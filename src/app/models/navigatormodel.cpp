#include "app/models/navigatormodel.h"

#include "app/models/gradestyle.h"
#include "app/models/kindstyle.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QFont>
#include <QHash>
#include <QIcon>
#include <QPalette>
#include <QSet>
#include <algorithm>
#include <spdlog/spdlog.h>

namespace fwb::app {
namespace {

using Kind = NavigatorKey::Kind;

// Judgments of one programme by force and question.
using JudgmentIndex = QHash<QString, Judgment>;
QString judgmentKey(const QString& force, const QString& question)
{
    return force + QLatin1Char('/') + question;
}

// Findings per question and kind for one force.
using CountIndex = QHash<QString, QMap<QString, int>>;

void addCounts(QMap<QString, int>& into, const QMap<QString, int>& from)
{
    for (auto it = from.cbegin(); it != from.cend(); ++it)
        into[it.key()] += it.value();
}

void setGrade(NavigatorNode& node, const Judgment& j)
{
    node.gradeCode = j.gradeCode;
    node.gradeLabel = j.gradeLabel;
    node.gradeRank = j.gradeRank;
}

// Adds the question subtree under `parent` and returns the counts it adds up to.
QMap<QString, int> addQuestions(NavigatorNode& parent, const QList<Question>& questions,
                                const QString& programme, const QString& force, bool scaled,
                                const JudgmentIndex& judgments, const CountIndex& counts)
{
    QMap<QString, int> total;
    for (const Question& q : questions) {
        auto node = std::make_unique<NavigatorNode>();
        node->key = {Kind::Question, programme, force, q.code};
        node->label = q.label();
        node->toolTip = q.text;
        node->graded = scaled && q.graded;
        if (auto j = judgments.constFind(judgmentKey(force, q.code)); j != judgments.cend())
            setGrade(*node, *j);
        NavigatorNode* added = parent.add(std::move(node));
        added->counts = counts.value(q.code);
        addCounts(added->counts,
                  addQuestions(*added, q.children, programme, force, scaled, judgments, counts));
        addCounts(total, added->counts);
    }
    return total;
}

bool isScaled(const Programme& p)
{
    return !p.gradeScaleCode.isEmpty();
}

// A single graded top question (PEEL's overall question) grades the force as a whole.
const Question* overallQuestion(const Programme& p)
{
    return (isScaled(p) && p.questions.size() == 1 && p.questions.front().graded)
               ? &p.questions.front()
               : nullptr;
}

QString forceToolTip(const QString& label, const Force& f)
{
    return f.regionName.isEmpty() ? label : label + QStringLiteral(" — ") + f.regionName;
}

// Sets the counts of a force's question subtree from `counts`, returning the subtree's total and
// collecting the nodes whose counts changed.
QMap<QString, int> recountQuestions(NavigatorNode& parent, const CountIndex& counts,
                                    std::vector<NavigatorNode*>& changed)
{
    QMap<QString, int> total;
    for (const auto& child : parent.children) {
        QMap<QString, int> c = counts.value(child->key.question);
        addCounts(c, recountQuestions(*child, counts, changed));
        if (c != child->counts) {
            child->counts = c;
            changed.push_back(child.get());
        }
        addCounts(total, c);
    }
    return total;
}

bool setGradeIfChanged(NavigatorNode& node, const Judgment* j)
{
    const QString code = j ? j->gradeCode : QString();
    const QString label = j ? j->gradeLabel : QString();
    const int rank = j ? j->gradeRank : 0;
    if (node.gradeCode == code && node.gradeLabel == label && node.gradeRank == rank)
        return false;
    node.gradeCode = code;
    node.gradeLabel = label;
    node.gradeRank = rank;
    return true;
}

} // namespace

// What to read again for one programme.
struct NavigatorModel::Refresh {
    bool allForces = false;
    QSet<QString> forces;
    bool forceList = false; // forces may have gained or lost material
    bool mayEmpty = false;  // the forces named may have lost their last finding
    bool counts = false;
    bool grades = false;
};

NavigatorModel::NavigatorModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<NavigatorNode>())
{
}

NavigatorModel::~NavigatorModel() = default;

void NavigatorModel::setWorkbench(Workbench* workbench)
{
    m_workbench = workbench;
    reload();
}

Workbench* NavigatorModel::workbench() const
{
    return m_workbench;
}

void NavigatorModel::setShowAllForces(bool on)
{
    if (on == m_showAllForces)
        return;
    m_showAllForces = on;
    reload();
}

void NavigatorModel::readReference()
{
    m_programmes.clear();
    m_programmeOrder.clear();
    m_forces.clear();
    m_allForces.clear();
    if (!m_workbench)
        return;
    const Reader reference = m_workbench->reader();
    for (const Force& f : reference.forces()) {
        m_forces.insert(f.code, f);
        m_allForces << f.code;
    }
    QList<Programme> programmes = reference.programmes();
    // Newest inspection first: that is what people are working on.
    std::stable_sort(programmes.begin(), programmes.end(),
                     [](const Programme& a, const Programme& b) { return a.year > b.year; });
    m_programmeOrder.clear();
    for (const Programme& p : programmes) {
        m_programmes.insert(p.code, p);
        m_programmeOrder << p.code;
    }
}

void NavigatorModel::reload()
{
    readReference();
    std::unique_ptr<NavigatorNode> root = build();
    beginResetModel();
    m_root = std::move(root);
    endResetModel();
}

std::unique_ptr<NavigatorNode> NavigatorModel::build() const
{
    // Only the programmes: their forces are read when a programme is opened.
    auto root = std::make_unique<NavigatorNode>();
    if (!m_workbench)
        return root;
    for (const QString& code : m_programmeOrder) {
        const Programme& p = m_programmes[code];
        auto programmeNode = std::make_unique<NavigatorNode>();
        programmeNode->key = {Kind::Programme, p.code, {}, {}};
        programmeNode->label = p.label();
        programmeNode->toolTip = p.title;
        programmeNode->fetched = false;
        root->add(std::move(programmeNode));
    }
    spdlog::debug("navigator: {} programmes{}", root->children.size(),
                  m_showAllForces ? ", all forces" : "");
    return root;
}

std::unique_ptr<NavigatorNode> NavigatorModel::makeForceNode(const Programme& p,
                                                             const QString& code) const
{
    auto node = std::make_unique<NavigatorNode>();
    node->key = {Kind::Force, p.code, code, {}};
    const Force f = m_forces.value(code);
    node->label = f.name.isEmpty() ? code : f.name;
    node->toolTip = forceToolTip(node->label, f);
    node->graded = overallQuestion(p) != nullptr;
    node->fetched = p.questions.isEmpty();
    return node;
}

std::vector<std::unique_ptr<NavigatorNode>>
NavigatorModel::loadChildren(const NavigatorNode& node) const
{
    std::vector<std::unique_ptr<NavigatorNode>> out;
    if (!m_workbench)
        return out;
    const Reader drafts = m_workbench->reader();
    const auto pit = m_programmes.constFind(node.key.programme);
    if (pit == m_programmes.cend())
        return out;
    const Programme& p = *pit;
    if (node.key.kind == Kind::Programme) {
        // The forces, their overall grades and their counts (one pass over the count index).
        const QStringList listed =
            m_showAllForces ? m_allForces : drafts.forcesWithMaterial(p.code);
        QHash<QString, QMap<QString, int>> counts;
        for (const auto& c : drafts.forceFindingCounts(p.code))
            counts[c.forceCode][c.kind] += c.count;
        JudgmentIndex overall;
        if (const Question* q = overallQuestion(p))
            for (const Judgment& j : drafts.judgments(p.code))
                if (j.questionCode == q->code)
                    overall.insert(j.forceCode, j);
        for (const QString& code : listed) {
            auto fn = makeForceNode(p, code);
            if (auto j = overall.constFind(code); j != overall.cend())
                setGrade(*fn, *j);
            fn->counts = counts.value(code);
            out.push_back(std::move(fn));
        }
    } else if (node.key.kind == Kind::Force) {
        NavigatorNode holder;
        JudgmentIndex judgments;
        if (isScaled(p))
            for (const Judgment& j : drafts.judgments(p.code, node.key.force))
                judgments.insert(judgmentKey(j.forceCode, j.questionCode), j);
        CountIndex counts;
        for (const QuestionCounts& c : drafts.findingCounts(p.code, node.key.force))
            counts[c.questionCode][c.kind] += c.count;
        addQuestions(holder, p.questions, p.code, node.key.force, isScaled(p), judgments, counts);
        out = std::move(holder.children);
    }
    return out;
}

void NavigatorModel::ensureFetched(NavigatorNode* node) const
{
    // Read on first asking: nobody has seen the branch's rows, so no signal is due.
    if (node->fetched)
        return;
    node->fetched = true;
    for (auto& child : loadChildren(*node))
        node->add(std::move(child));
    if (node->key.kind == Kind::Programme) {
        node->counts.clear();
        for (const auto& c : node->children)
            addCounts(node->counts, c->counts);
    }
}

bool NavigatorModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const NavigatorNode* node = nodeOf(parent);
    if (!node->fetched)
        return true;
    return !node->children.empty();
}

bool NavigatorModel::canFetchMore(const QModelIndex& parent) const
{
    if (!parent.isValid() || parent.column() != 0)
        return false;
    return !nodeOf(parent)->fetched;
}

void NavigatorModel::fetchMore(const QModelIndex& parent)
{
    // rowCount() never answers for a branch not read (it reads it), so no view has seen the
    // branch without its rows: they arrive without an insertion.
    if (canFetchMore(parent))
        ensureFetched(nodeOf(parent));
}

void NavigatorModel::fetchWithSignals(NavigatorNode* node)
{
    // For a branch whose rows were removed while it was open: its rows are inserted again.
    if (node->fetched)
        return;
    auto children = loadChildren(*node);
    node->fetched = true; // the branch has no rows until they are inserted
    if (!children.empty()) {
        beginInsertRows(indexOfNode(node), 0, int(children.size()) - 1);
        for (auto& child : children)
            node->add(std::move(child));
        endInsertRows();
    }
    if (node->key.kind == Kind::Programme) {
        QMap<QString, int> total;
        for (const auto& c : node->children)
            addCounts(total, c->counts);
        if (total != node->counts) {
            node->counts = total;
            emitRowChanged(node);
        }
    }
}

void NavigatorModel::removeChildren(NavigatorNode* node)
{
    if (!node->children.empty()) {
        beginRemoveRows(indexOfNode(node), 0, int(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    node->fetched = false;
}

void NavigatorModel::emitRowChanged(NavigatorNode* node)
{
    if (!node || node == m_root.get())
        return;
    Q_EMIT dataChanged(indexOfNode(node, 0), indexOfNode(node, ColumnCount - 1));
}

NavigatorNode* NavigatorModel::programmeNode(const QString& code) const
{
    for (const auto& c : m_root->children)
        if (c->key.programme == code)
            return c.get();
    return nullptr;
}

void NavigatorModel::applyChanges(const ChangeSet& changes)
{
    if (!m_workbench || changes.isEmpty())
        return;
    if (changes.isEverything()) {
        reload();
        return;
    }
    if (changes.touchesAny({EntityKind::Region, EntityKind::Force}))
        refreshNames();
    if (changes.touchesAny({EntityKind::Programme, EntityKind::Question})) {
        QSet<QString> codes;
        bool all = false;
        for (const RecordChange& c : changes.changes()) {
            if (c.kind != EntityKind::Programme && c.kind != EntityKind::Question)
                continue;
            if (c.kind == EntityKind::Programme)
                for (const QString& uid : c.uids)
                    codes.insert(uid);
            if (!c.place.programme.isEmpty())
                codes.insert(c.place.programme);
            if (c.uids.isEmpty() && c.place.programme.isEmpty())
                all = true;
        }
        refreshProgrammes(codes, all);
    }

    // Material: counts, grades and which forces are listed.
    QHash<QString, Refresh> refresh;
    bool everywhere = false;
    Refresh everywhereRefresh;
    everywhereRefresh.allForces = true;
    auto placeOf = [&](const RecordChange& c, const Place& place, Refresh how) {
        if (place.programme.isEmpty()) {
            everywhere = true;
            everywhereRefresh.forceList |= how.forceList || how.mayEmpty;
            everywhereRefresh.counts |= how.counts;
            everywhereRefresh.grades |= how.grades;
            return;
        }
        Refresh& r = refresh[place.programme];
        r.forceList |= how.forceList;
        r.mayEmpty |= how.mayEmpty;
        r.counts |= how.counts;
        r.grades |= how.grades;
        if (place.force.isEmpty())
            r.allForces = true;
        else
            r.forces.insert(place.force);
        Q_UNUSED(c);
    };
    const Reader drafts = m_workbench->reader();
    for (const RecordChange& c : changes.changes()) {
        Refresh how;
        switch (c.kind) {
        case EntityKind::Finding:
            if (c.wordingOnly)
                continue;
            how.counts = true;
            break;
        case EntityKind::Judgment:
            how.grades = true;
            break;
        case EntityKind::Evidence:
        case EntityKind::Metric:
        case EntityKind::Document:
            if (c.op == ChangeOp::Changed)
                continue;
            break;
        default:
            continue;
        }
        // Records not named may be the first or last of a force's material. A named addition
        // lists its force if it is not listed yet (see refreshProgramme); a removal or a move may
        // leave a force with nothing.
        how.forceList = !m_showAllForces && !c.isPrecise();
        how.mayEmpty = !m_showAllForces && (c.op == ChangeOp::Removed || c.op == ChangeOp::Moved);
        if (!c.place.programme.isEmpty()) {
            placeOf(c, c.place, how);
            if (c.op == ChangeOp::Moved && !c.from.programme.isEmpty())
                placeOf(c, c.from, how);
            continue;
        }
        // No place given: where the records are, when they can still be found.
        bool found = !c.uids.isEmpty() && c.op != ChangeOp::Removed;
        for (const QString& uid : c.uids) {
            if (!found)
                break;
            Place place;
            if (c.kind == EntityKind::Finding) {
                if (auto f = drafts.finding(uid))
                    place = {f->programmeCode, f->forceCode, f->questionCode};
            } else if (c.kind == EntityKind::Judgment) {
                const QStringList parts = uid.split(QLatin1Char('/'));
                if (parts.size() == 3)
                    place = {parts[0], parts[1], parts[2]};
            }
            if (place.programme.isEmpty())
                found = false;
            else
                placeOf(c, place, how);
        }
        if (!found)
            placeOf(c, {}, how);
    }
    for (const auto& child : m_root->children) {
        NavigatorNode* pn = child.get();
        if (everywhere)
            refreshProgramme(pn, everywhereRefresh);
        if (auto it = refresh.constFind(pn->key.programme); it != refresh.cend())
            refreshProgramme(pn, *it);
    }
}

void NavigatorModel::refreshNames()
{
    readReference();
    for (const auto& p : m_root->children) {
        for (const auto& fn : p->children) {
            const Force f = m_forces.value(fn->key.force);
            const QString label = f.name.isEmpty() ? fn->key.force : f.name;
            const QString tip = forceToolTip(label, f);
            if (label != fn->label || tip != fn->toolTip) {
                fn->label = label;
                fn->toolTip = tip;
                emitRowChanged(fn.get());
            }
        }
    }
}

void NavigatorModel::refreshProgrammes(const QSet<QString>& codes, bool all)
{
    // A programme's particulars or question tree changed: its rows are read again; programmes
    // added or removed come and go as rows.
    readReference();
    for (int row = int(m_root->children.size()) - 1; row >= 0; --row) {
        if (!m_programmes.contains(m_root->children[size_t(row)]->key.programme)) {
            beginRemoveRows({}, row, row);
            m_root->children.erase(m_root->children.begin() + row);
            m_root->renumber();
            endRemoveRows();
        }
    }
    std::unique_ptr<NavigatorNode> wanted = build();
    for (size_t row = 0; row < wanted->children.size(); ++row) {
        const QString code = wanted->children[row]->key.programme;
        NavigatorNode* existing = programmeNode(code);
        if (!existing) {
            const int at = int(std::min(row, m_root->children.size()));
            beginInsertRows({}, at, at);
            auto node = std::move(wanted->children[row]);
            node->parent = m_root.get();
            m_root->children.insert(m_root->children.begin() + at, std::move(node));
            m_root->renumber();
            endInsertRows();
            continue;
        }
        if (!all && !codes.contains(code))
            continue;
        const Programme& p = m_programmes[code];
        existing->label = p.label();
        existing->toolTip = p.title;
        const bool wasFetched = existing->fetched;
        removeChildren(existing);
        if (wasFetched)
            fetchWithSignals(existing);
        emitRowChanged(existing);
    }
}

void NavigatorModel::refreshProgramme(NavigatorNode* pn, const Refresh& r)
{
    if (!pn->fetched)
        return;         // nothing shown under it, and its counts are read when it is opened
    bool listed = true; // every force the change names is already a row
    if (!r.forceList && !m_showAllForces)
        for (const QString& force : r.forces)
            listed = listed && std::any_of(pn->children.cbegin(), pn->children.cend(),
                                           [&](const auto& fn) { return fn->key.force == force; });
    if (r.forceList || !listed)
        refreshForceList(pn);
    // Every force: their totals in one pass over the count index, question counts only for the
    // forces open.
    QHash<QString, QList<Judgment>> byForce;
    if (r.grades && r.allForces)
        for (const Judgment& j : m_workbench->reader().judgments(pn->key.programme))
            byForce[j.forceCode] << j;
    QHash<QString, QMap<QString, int>> totals;
    if (r.counts && r.allForces)
        for (const auto& c : m_workbench->reader().forceFindingCounts(pn->key.programme))
            totals[c.forceCode][c.kind] += c.count;
    for (const auto& fn : pn->children) {
        if (!r.allForces && !r.forces.contains(fn->key.force))
            continue;
        if (r.counts && r.allForces && !fn->fetched) {
            const QMap<QString, int> total = totals.value(fn->key.force);
            if (total != fn->counts) {
                fn->counts = total;
                emitRowChanged(fn.get());
            }
        } else if (r.counts) {
            recount(fn.get());
        }
        if (r.grades && r.allForces)
            regrade(fn.get(), byForce.value(fn->key.force));
        else if (r.grades)
            regrade(fn.get(), m_workbench->reader().judgments(pn->key.programme, fn->key.force));
    }
    // A force left without findings may have nothing else either: the list is read again.
    if (r.mayEmpty && !r.forceList)
        for (const auto& fn : pn->children)
            if (r.forces.contains(fn->key.force) && fn->counts.isEmpty()) {
                refreshForceList(pn);
                break;
            }
    QMap<QString, int> total;
    for (const auto& c : pn->children)
        addCounts(total, c->counts);
    if (total != pn->counts) {
        pn->counts = total;
        emitRowChanged(pn);
    }
}

void NavigatorModel::refreshForceList(NavigatorNode* pn)
{
    const Programme& p = m_programmes[pn->key.programme];
    const QStringList listed =
        m_showAllForces ? m_allForces : m_workbench->reader().forcesWithMaterial(p.code);
    const QSet<QString> wanted(listed.cbegin(), listed.cend());
    for (int row = int(pn->children.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(pn->children[size_t(row)]->key.force)) {
            beginRemoveRows(indexOfNode(pn), row, row);
            pn->children.erase(pn->children.begin() + row);
            pn->renumber();
            endRemoveRows();
        }
    }
    for (int row = 0; row < listed.size(); ++row) {
        if (size_t(row) < pn->children.size() &&
            pn->children[size_t(row)]->key.force == listed[row])
            continue;
        auto fn = makeForceNode(p, listed[row]);
        fn->parent = pn;
        NavigatorNode* raw = fn.get();
        beginInsertRows(indexOfNode(pn), row, row);
        pn->children.insert(pn->children.begin() + row, std::move(fn));
        pn->renumber();
        endInsertRows();
        recount(raw);
        regrade(raw, m_workbench->reader().judgments(p.code, raw->key.force));
    }
}

void NavigatorModel::recount(NavigatorNode* fn)
{
    CountIndex counts;
    for (const QuestionCounts& c :
         m_workbench->reader().findingCounts(fn->key.programme, fn->key.force))
        counts[c.questionCode][c.kind] += c.count;
    QMap<QString, int> total;
    std::vector<NavigatorNode*> changed;
    if (fn->fetched) {
        total = recountQuestions(*fn, counts, changed);
    } else {
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            addCounts(total, it.value());
    }
    if (total != fn->counts) {
        fn->counts = total;
        changed.push_back(fn);
    }
    for (NavigatorNode* n : changed)
        emitRowChanged(n);
}

void NavigatorModel::regrade(NavigatorNode* fn, const QList<Judgment>& forceJudgments)
{
    const Programme& p = m_programmes[fn->key.programme];
    if (!isScaled(p))
        return;
    JudgmentIndex judgments;
    for (const Judgment& j : forceJudgments)
        judgments.insert(j.questionCode, j);
    auto lookup = [&](const QString& question) -> const Judgment* {
        auto it = judgments.constFind(question);
        return it == judgments.cend() ? nullptr : &*it;
    };
    if (const Question* overall = overallQuestion(p))
        if (setGradeIfChanged(*fn, lookup(overall->code)))
            emitRowChanged(fn);
    if (!fn->fetched)
        return;
    std::vector<NavigatorNode*> stack;
    for (const auto& c : fn->children)
        stack.push_back(c.get());
    while (!stack.empty()) {
        NavigatorNode* n = stack.back();
        stack.pop_back();
        if (setGradeIfChanged(*n, lookup(n->key.question)))
            emitRowChanged(n);
        for (const auto& c : n->children)
            stack.push_back(c.get());
    }
}

NavigatorNode* NavigatorModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<NavigatorNode*>(index.internalPointer()) : m_root.get();
}

QModelIndex NavigatorModel::indexOfNode(const NavigatorNode* node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<NavigatorNode*>(node));
}

QModelIndex NavigatorModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    NavigatorNode* p = nodeOf(parent);
    ensureFetched(p);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex NavigatorModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int NavigatorModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    NavigatorNode* node = nodeOf(parent);
    ensureFetched(node);
    return int(node->children.size());
}

int NavigatorModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

Qt::ItemFlags NavigatorModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (const NavigatorNode* node = nodeOf(index); node->fetched && node->children.empty())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant NavigatorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Inspection");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}

QVariant NavigatorModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const NavigatorNode& node = *nodeOf(index);
    const bool incomplete = node.key.kind == Kind::Question && node.graded && !node.hasJudgment();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == LabelColumn)
            return node.label;
        if (incomplete) {
            const QString counts = countsText(node.counts);
            return counts.isEmpty() ? tr("no judgment") : tr("no judgment · %1").arg(counts);
        }
        return countsText(node.counts);
    case Qt::DecorationRole:
        return index.column() == LabelColumn ? decoration(node) : QVariant();
    case Qt::ToolTipRole:
        // Names and question texts come from data: shown as text, never as markup.
        return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>")
            .arg(toolTip(node).toHtmlEscaped());
    case Qt::AccessibleTextRole:
        if (index.column() == LabelColumn)
            return toolTip(node).replace(QLatin1Char('\n'), QStringLiteral(". "));
        return incomplete ? tr("no judgment. %1").arg(countsInWords(node.counts))
                          : countsInWords(node.counts);
    case Qt::FontRole: {
        if (node.key.kind == Kind::Programme && index.column() == LabelColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (incomplete) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    }
    case Qt::ForegroundRole:
        if (incomplete || index.column() == FindingsColumn)
            return KindStyle::mutedText(QPalette());
        return {};
    case KindRole:
        return int(node.key.kind);
    case PathRole:
        return node.key.path();
    case ProgrammeRole:
        return node.key.programme;
    case ForceRole:
        return node.key.force;
    case QuestionRole:
        return node.key.question;
    case GradeRole:
        return node.gradeCode;
    case IncompleteRole:
        return incomplete;
    case CountsRole: {
        QVariantMap counts;
        for (auto it = node.counts.cbegin(); it != node.counts.cend(); ++it)
            counts.insert(it.key(), it.value());
        return counts;
    }
    default:
        return {};
    }
}

QVariant NavigatorModel::decoration(const NavigatorNode& node) const
{
    if (node.key.kind == Kind::Programme)
        return QIcon(QStringLiteral(":/icons/programme.svg"));
    if (node.hasJudgment())
        return GradeStyle::badgeIcon(node.gradeCode, node.gradeLabel, node.gradeRank);
    if (node.key.kind == Kind::Force)
        return node.graded ? GradeStyle::missingIcon() : QIcon(QStringLiteral(":/icons/force.svg"));
    return node.graded ? GradeStyle::missingIcon() : GradeStyle::blankIcon();
}

QString NavigatorModel::toolTip(const NavigatorNode& node) const
{
    QStringList lines{node.toolTip};
    if (node.hasJudgment())
        lines << tr("Graded: %1").arg(node.gradeLabel);
    else if (node.graded)
        lines << tr("Graded question: no judgment recorded yet");
    if (node.key.kind == Kind::Programme && node.fetched) {
        const int n = int(node.children.size());
        lines << (n == 1 ? tr("1 force listed") : tr("%1 forces listed").arg(n));
    }
    const QString words = countsInWords(node.counts);
    if (!words.isEmpty())
        lines << (node.children.empty() ? words : tr("%1 (with the rows below)").arg(words));
    return lines.join(QLatin1Char('\n'));
}

QModelIndex NavigatorModel::indexOf(const NavigatorKey& key) const
{
    if (!key.isValid())
        return {};
    const NavigatorNode* best = nullptr;
    auto childWhere = [](const NavigatorNode* parent, auto&& pred) -> const NavigatorNode* {
        for (const auto& c : parent->children)
            if (pred(*c))
                return c.get();
        return nullptr;
    };
    best = childWhere(m_root.get(),
                      [&](const NavigatorNode& n) { return n.key.programme == key.programme; });
    if (!best || key.kind == Kind::Programme)
        return indexOfNode(best);
    ensureFetched(const_cast<NavigatorNode*>(best));
    const NavigatorNode* force =
        childWhere(best, [&](const NavigatorNode& n) { return n.key.force == key.force; });
    if (!force)
        return indexOfNode(best);
    if (key.kind == Kind::Force)
        return indexOfNode(force);
    ensureFetched(const_cast<NavigatorNode*>(force));
    // Questions: depth-first through the force's subtree.
    std::vector<const NavigatorNode*> stack{force};
    while (!stack.empty()) {
        const NavigatorNode* n = stack.back();
        stack.pop_back();
        if (n->key.kind == Kind::Question && n->key.question == key.question)
            return indexOfNode(n);
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return indexOfNode(force);
}

NavigatorKey NavigatorModel::keyOf(const QModelIndex& index) const
{
    return index.isValid() ? nodeOf(index)->key : NavigatorKey{};
}

QString NavigatorModel::countsText(const QMap<QString, int>& counts)
{
    QStringList parts;
    for (const QString& kind : findingKinds())
        if (const int n = counts.value(kind))
            parts << QStringLiteral("%1 %2").arg(n).arg(KindStyle::symbol(kind));
    return parts.join(QLatin1Char(' '));
}

QString NavigatorModel::countsInWords(const QMap<QString, int>& counts)
{
    QStringList parts;
    for (const QString& kind : findingKinds())
        if (const int n = counts.value(kind))
            parts << QStringLiteral("%1 %2").arg(n).arg(
                n == 1 ? findingKindLabel(kind).toLower() : findingKindPluralLabel(kind).toLower());
    return parts.join(QStringLiteral(", "));
}

} // namespace fwb::app
