#pragma once
// NavigatorNode: one row of the navigator — a programme, a force under it, or a question of the
// programme's framework for that force. The NavigatorModel owns the tree of them.

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <memory>
#include <vector>

namespace fwb::app {

// What a navigator row stands for, in codes: enough to find its material again after a reload.
struct NavigatorKey {
    enum class Kind { None, Programme, Force, Question };
    Kind kind = Kind::None;
    QString programme, force, question;

    bool isValid() const { return kind != Kind::None; }
    // "programme", "programme/force", "programme/force/question": stable across reloads.
    QString path() const
    {
        switch (kind) {
        case Kind::None:
            return {};
        case Kind::Programme:
            return programme;
        case Kind::Force:
            return programme + QLatin1Char('/') + force;
        case Kind::Question:
            return programme + QLatin1Char('/') + force + QLatin1Char('/') + question;
        }
        return {};
    }
    friend bool operator==(const NavigatorKey&, const NavigatorKey&) = default;
};

struct NavigatorNode {
    NavigatorKey key;
    QString label; // what column 0 shows
    QString toolTip;
    bool graded = false; // a graded question (or a force whose programme grades its top question)
    QString gradeCode, gradeLabel;
    int gradeRank = 0;         // 0: no judgment
    QMap<QString, int> counts; // findings per kind, including those of sub-questions
    // Whether the children have been read. A programme's forces and a force's questions are read
    // when the branch is first opened (or asked for), not when the tree is built.
    bool fetched = true;

    NavigatorNode* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<NavigatorNode>> children;

    bool hasJudgment() const { return !gradeCode.isEmpty(); }
    void renumber()
    {
        for (size_t i = 0; i < children.size(); ++i)
            children[i]->row = int(i);
    }
    NavigatorNode* add(std::unique_ptr<NavigatorNode> child)
    {
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

} // namespace fwb::app

Q_DECLARE_METATYPE(fwb::app::NavigatorKey)
