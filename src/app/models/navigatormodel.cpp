#include "app/models/navigatormodel.h"

#include "app/models/gradestyle.h"
#include "app/models/kindstyle.h"
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

} // namespace

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

void NavigatorModel::reload()
{
    std::unique_ptr<NavigatorNode> root = build();
    beginResetModel();
    m_root = std::move(root);
    endResetModel();
}

std::unique_ptr<NavigatorNode> NavigatorModel::build() const
{
    auto root = std::make_unique<NavigatorNode>();
    if (!m_workbench)
        return root;
    const ReferenceRepository reference = m_workbench->reference();
    const DraftRepository drafts = m_workbench->drafts();

    QHash<QString, Force> forces;
    QStringList allForces; // by name, as the repository orders them
    for (const Force& f : reference.forces()) {
        forces.insert(f.code, f);
        allForces << f.code;
    }

    QList<Programme> programmes = reference.programmes();
    // Newest inspection first: that is what people are working on.
    std::stable_sort(programmes.begin(), programmes.end(),
                     [](const Programme& a, const Programme& b) { return a.year > b.year; });

    for (const Programme& p : programmes) {
        auto programmeNode = std::make_unique<NavigatorNode>();
        programmeNode->key = {Kind::Programme, p.code, {}, {}};
        programmeNode->label = p.label();
        programmeNode->toolTip = p.title;
        NavigatorNode* pn = root->add(std::move(programmeNode));

        const bool scaled = !p.gradeScaleCode.isEmpty();
        JudgmentIndex judgments;
        if (scaled)
            for (const Judgment& j : drafts.judgments(p.code))
                judgments.insert(judgmentKey(j.forceCode, j.questionCode), j);

        const QStringList withMaterial = drafts.forcesWithMaterial(p.code);
        const QSet<QString> material(withMaterial.cbegin(), withMaterial.cend());
        const QStringList listed = m_showAllForces ? allForces : withMaterial;
        // A single graded top question (PEEL's overall question) grades the force as a whole.
        const Question* overall = (scaled && p.questions.size() == 1 && p.questions.front().graded)
                                      ? &p.questions.front()
                                      : nullptr;

        for (const QString& code : listed) {
            auto forceNode = std::make_unique<NavigatorNode>();
            forceNode->key = {Kind::Force, p.code, code, {}};
            const Force f = forces.value(code);
            forceNode->label = f.name.isEmpty() ? code : f.name;
            forceNode->toolTip = f.regionName.isEmpty()
                                     ? forceNode->label
                                     : forceNode->label + QStringLiteral(" — ") + f.regionName;
            forceNode->graded = overall != nullptr;
            if (overall)
                if (auto j = judgments.constFind(judgmentKey(code, overall->code));
                    j != judgments.cend())
                    setGrade(*forceNode, *j);
            NavigatorNode* fn = pn->add(std::move(forceNode));

            CountIndex counts;
            if (material.contains(code))
                for (const QuestionCounts& c : drafts.findingCounts(p.code, code))
                    counts[c.questionCode][c.kind] += c.count;
            fn->counts = addQuestions(*fn, p.questions, p.code, code, scaled, judgments, counts);
            addCounts(pn->counts, fn->counts);
        }
    }
    spdlog::debug("navigator: {} programmes{}", root->children.size(),
                  m_showAllForces ? ", all forces" : "");
    return root;
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
    const NavigatorNode* p = nodeOf(parent);
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
    return int(nodeOf(parent)->children.size());
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
    if (nodeOf(index)->children.empty())
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
    if (node.key.kind == Kind::Programme) {
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
    const NavigatorNode* force =
        childWhere(best, [&](const NavigatorNode& n) { return n.key.force == key.force; });
    if (!force)
        return indexOfNode(best);
    if (key.kind == Kind::Force)
        return indexOfNode(force);
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
