#include "app/dialogs/frameworkdialog.h"
#include "app/panes/safetextbrowser.h"

#include "core/services/frameworks.h"

#include "core/workbench.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fwb::app {
namespace {
enum Column { CodeColumn, TextColumn, ShortColumn, GradedColumn, ComparableColumn };
constexpr int kFollowsRole = Qt::UserRole + 7;
} // namespace

FrameworkDialog::FrameworkDialog(const DraftingContext& context, QWidget* parent)
    : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("frameworkDialog"));
    setWindowTitle(tr("Programmes and Frameworks"));
    resize(1100, 700);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("programmeList"));
    m_list->setAccessibleName(tr("Programmes"));
    m_list->setSpacing(3);
    auto* add = new QPushButton(tr("&New Programme…"), this);
    auto* remove = new QPushButton(tr("Delete Programme"), this);
    connect(add, &QPushButton::clicked, this, &FrameworkDialog::onNew);
    connect(remove, &QPushButton::clicked, this, &FrameworkDialog::deleteProgramme);
    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(m_list, 1);
    ll->addWidget(add);
    ll->addWidget(remove);

    m_title = new QLineEdit(this);
    m_shortTitle = new QLineEdit(this);
    m_year = new QSpinBox(this);
    m_year->setRange(1900, 2200);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("PEEL"), QStringLiteral("peel"));
    m_kind->addItem(tr("Thematic"), QStringLiteral("thematic"));
    m_scale = new QComboBox(this);
    m_fieldwork = new QLineEdit(this);
    m_fieldwork->setPlaceholderText(tr("e.g. 2015-06-01/2015-07-31"));
    m_published = new QLineEdit(this);
    m_published->setPlaceholderText(tr("e.g. 2015-11-10"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("questionTree"));
    m_tree->setAccessibleName(tr("Questions"));
    m_tree->setHeaderLabels(
        {tr("Code"), tr("Question"), tr("Short title"), tr("Graded"), tr("Compares with")});
    m_tree->headerItem()->setToolTip(
        ComparableColumn, tr("The earlier programme's question this one continues: ticked when "
                             "grades on the two can be compared in the change view"));
    m_tree->header()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    m_tree->setColumnWidth(ShortColumn, 200);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("S&hort title:"), m_shortTitle);
    form->addRow(tr("&Year:"), m_year);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Grade scale:"), m_scale);
    form->addRow(tr("&Fieldwork:"), m_fieldwork);
    form->addRow(tr("&Published:"), m_published);
    auto* buttons = new QHBoxLayout;
    auto button = [&](const QString& text, const QKeySequence& key, auto slot) {
        auto* b = new QPushButton(text, this);
        if (!key.isEmpty())
            b->setShortcut(key);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    button(tr("Add &Question"), {}, [this] { addQuestion(false); });
    button(tr("Add &Sub-question"), {}, [this] { addQuestion(true); });
    button(tr("Up"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveQuestion(-1); });
    button(tr("Down"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveQuestion(1); });
    button(tr("Indent"), QKeySequence(Qt::ALT | Qt::Key_Right), [this] { indentQuestion(true); });
    button(tr("Outdent"), QKeySequence(Qt::ALT | Qt::Key_Left), [this] { indentQuestion(false); });
    button(tr("&Remove"), {}, [this] { removeQuestion(); });
    buttons->addStretch(1);
    auto* right = new QWidget(this);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addLayout(form);
    rl->addWidget(new QLabel(tr("Questions (double-click to edit; tick the graded ones):"), this));
    rl->addWidget(m_tree, 1);
    rl->addLayout(buttons);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(close);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading || row < 0)
            return;
        m_code = m_list->item(row)->data(Qt::UserRole).toString();
        loadProgramme();
    });
    for (QLineEdit* e : {m_title, m_shortTitle, m_fieldwork, m_published})
        connect(e, &QLineEdit::editingFinished, this, [this] { save(tr("Edit Programme")); });
    connect(m_year, &QSpinBox::editingFinished, this, [this] { save(tr("Edit Programme")); });
    connect(m_kind, qOverload<int>(&QComboBox::activated), this,
            [this] { save(tr("Edit Programme")); });
    connect(m_scale, qOverload<int>(&QComboBox::activated), this,
            [this] { save(tr("Change Grade Scale")); });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem*, int column) {
        if (!m_loading)
            save(column == GradedColumn       ? tr("Change Graded Questions")
                 : column == ComparableColumn ? tr("Change Comparability")
                                              : tr("Edit Question"));
    });
    // Queued: a change often comes from an edit of the tree itself (a box ticked, a cell typed in),
    // and the tree must not be rebuilt under the item that is still announcing the edit.
    if (m_context.workbench)
        connect(m_context.workbench, &Workbench::changed, this, &FrameworkDialog::reload,
                Qt::QueuedConnection);
    reload();
}

void FrameworkDialog::reload()
{
    if (!m_context.workbench)
        return;
    m_loading = true;
    const auto ref = m_context.workbench->reference();
    m_list->clear();
    int current = -1;
    for (const Programme& p : ref.programmes()) {
        auto* item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(p.label(), p.code), m_list);
        item->setData(Qt::UserRole, p.code);
        if (p.code == m_code)
            current = m_list->count() - 1;
    }
    m_scale->clear();
    m_scale->addItem(tr("None (findings only, no grades)"), QString());
    for (const GradeScale& s : ref.gradeScales())
        m_scale->addItem(s.name, s.code);
    if (current < 0 && m_list->count() > 0) {
        current = 0;
        m_code = m_list->item(0)->data(Qt::UserRole).toString();
    }
    m_list->setCurrentRow(current);
    m_loading = false;
    loadProgramme();
}

bool FrameworkDialog::selectProgramme(const QString& code)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == code) {
            m_list->setCurrentRow(i);
            return true;
        }
    return false;
}

void FrameworkDialog::fillTree(QTreeWidgetItem* parent, const QList<Question>& questions)
{
    for (const Question& q : questions) {
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(CodeColumn, q.code);
        item->setText(TextColumn, q.text);
        item->setToolTip(TextColumn, plainToolTip(q.text));
        item->setText(ShortColumn, q.shortTitle);
        item->setCheckState(GradedColumn, q.graded ? Qt::Checked : Qt::Unchecked);
        // The link to the question it continues is kept with the row, and shown where there is one.
        item->setData(CodeColumn, kFollowsRole, q.follows);
        if (!q.follows.isEmpty()) {
            item->setText(ComparableColumn, q.follows);
            item->setCheckState(ComparableColumn, q.comparable ? Qt::Checked : Qt::Unchecked);
            item->setToolTip(
                ComparableColumn,
                q.comparable ? tr("Grades compare with %1").arg(q.follows)
                             : tr("Not comparable with %1: no change is counted").arg(q.follows));
        }
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       (m_context.writable() ? Qt::ItemIsEditable : Qt::NoItemFlags));
        fillTree(item, q.children);
    }
}

void FrameworkDialog::loadProgramme()
{
    const auto p =
        m_context.workbench ? m_context.workbench->reference().programme(m_code) : std::nullopt;
    m_loading = true;
    const QString selected =
        m_tree->currentItem() ? m_tree->currentItem()->text(CodeColumn) : QString();
    m_tree->clear();
    m_title->setText(p ? p->title : QString());
    m_shortTitle->setText(p ? p->shortTitle : QString());
    m_year->setValue(p ? p->year : 2000);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(p ? p->kind : QString())));
    m_scale->setCurrentIndex(qMax(0, m_scale->findData(p ? p->gradeScaleCode : QString())));
    m_fieldwork->setText(p ? p->fieldwork : QString());
    m_published->setText(p ? p->published : QString());
    if (p)
        fillTree(nullptr, p->questions);
    m_tree->expandAll();
    if (!selected.isEmpty()) {
        const auto found =
            m_tree->findItems(selected, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn);
        if (!found.isEmpty())
            m_tree->setCurrentItem(found.front());
    }
    m_loading = false;
}

Programme FrameworkDialog::fromForm() const
{
    Programme p = m_context.workbench->reference().programme(m_code).value_or(Programme{});
    p.title = m_title->text().trimmed();
    p.shortTitle = m_shortTitle->text().trimmed();
    p.year = m_year->value();
    p.kind = m_kind->currentData().toString();
    p.gradeScaleCode = m_scale->currentData().toString();
    p.fieldwork = m_fieldwork->text().trimmed();
    p.published = m_published->text().trimmed();
    std::function<QList<Question>(QTreeWidgetItem*)> read = [&](QTreeWidgetItem* parent) {
        QList<Question> out;
        const int n = parent ? parent->childCount() : m_tree->topLevelItemCount();
        for (int i = 0; i < n; ++i) {
            QTreeWidgetItem* item = parent ? parent->child(i) : m_tree->topLevelItem(i);
            Question q;
            q.code = item->text(CodeColumn).trimmed();
            q.text = item->text(TextColumn).trimmed();
            q.shortTitle = item->text(ShortColumn).trimmed();
            q.graded = item->checkState(GradedColumn) == Qt::Checked;
            q.follows = item->data(CodeColumn, kFollowsRole).toString();
            q.comparable =
                q.follows.isEmpty() || item->checkState(ComparableColumn) != Qt::Unchecked;
            q.children = read(item);
            out << q;
        }
        return out;
    };
    p.questions = read(nullptr);
    return p;
}

bool FrameworkDialog::save(const QString& what)
{
    if (m_loading || m_code.isEmpty() || !m_context.workbench)
        return false;
    const auto before = m_context.workbench->reference().programme(m_code);
    if (!before)
        return false;
    const Programme after = fromForm();
    const bool ok = m_context.run(
        new SaveProgrammeCommand(m_context.workbench, m_context.errors, before, after, what));
    if (!ok) // show what is stored, once the edit that was refused has finished
        QMetaObject::invokeMethod(this, &FrameworkDialog::loadProgramme, Qt::QueuedConnection);
    return ok;
}

bool FrameworkDialog::addQuestion(bool asChild)
{
    if (m_code.isEmpty())
        return false;
    QTreeWidgetItem* current = m_tree->currentItem();
    // A code that follows its siblings: Q4 after Q3, Q3.2 under Q3 after Q3.1.
    QTreeWidgetItem* parent = asChild ? current : (current ? current->parent() : nullptr);
    const int siblings = parent ? parent->childCount() : m_tree->topLevelItemCount();
    QString code = parent ? parent->text(CodeColumn) + QStringLiteral(".%1").arg(siblings + 1)
                          : QStringLiteral("Q%1").arg(siblings + 1);
    while (!m_tree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn).isEmpty())
        code += QStringLiteral("a");
    m_loading = true;
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(CodeColumn, code);
    item->setText(TextColumn, tr("New question"));
    item->setCheckState(GradedColumn, Qt::Unchecked);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                   Qt::ItemIsEditable);
    m_loading = false;
    if (!save(asChild ? tr("Add Sub-question") : tr("Add Question")))
        return false;
    const auto found = m_tree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn);
    if (!found.isEmpty()) {
        m_tree->setCurrentItem(found.front(), TextColumn);
        m_tree->editItem(found.front(), TextColumn);
    }
    return true;
}

bool FrameworkDialog::removeQuestion()
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return false;
    m_loading = true;
    delete item;
    m_loading = false;
    return save(tr("Remove Question"));
}

bool FrameworkDialog::moveQuestion(int delta)
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return false;
    QTreeWidgetItem* parent = item->parent();
    const int index = parent ? parent->indexOfChild(item) : m_tree->indexOfTopLevelItem(item);
    const int count = parent ? parent->childCount() : m_tree->topLevelItemCount();
    const int target = index + delta;
    if (target < 0 || target >= count)
        return false;
    const QString code = item->text(CodeColumn);
    m_loading = true;
    QTreeWidgetItem* taken = parent ? parent->takeChild(index) : m_tree->takeTopLevelItem(index);
    if (parent)
        parent->insertChild(target, taken);
    else
        m_tree->insertTopLevelItem(target, taken);
    m_loading = false;
    const bool ok = save(tr("Reorder Questions"));
    const auto found = m_tree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn);
    if (!found.isEmpty())
        m_tree->setCurrentItem(found.front());
    return ok;
}

bool FrameworkDialog::indentQuestion(bool in)
{
    QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return false;
    QTreeWidgetItem* parent = item->parent();
    const int index = parent ? parent->indexOfChild(item) : m_tree->indexOfTopLevelItem(item);
    const QString code = item->text(CodeColumn);
    m_loading = true;
    bool moved = false;
    if (in && index > 0) { // under the sibling before it
        QTreeWidgetItem* before =
            parent ? parent->child(index - 1) : m_tree->topLevelItem(index - 1);
        QTreeWidgetItem* taken =
            parent ? parent->takeChild(index) : m_tree->takeTopLevelItem(index);
        before->addChild(taken);
        moved = true;
    } else if (!in && parent) { // after its parent
        QTreeWidgetItem* grand = parent->parent();
        const int at =
            (grand ? grand->indexOfChild(parent) : m_tree->indexOfTopLevelItem(parent)) + 1;
        QTreeWidgetItem* taken = parent->takeChild(index);
        if (grand)
            grand->insertChild(at, taken);
        else
            m_tree->insertTopLevelItem(at, taken);
        moved = true;
    }
    m_loading = false;
    if (!moved)
        return false;
    const bool ok = save(in ? tr("Nest Question") : tr("Unnest Question"));
    const auto found = m_tree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn);
    if (!found.isEmpty())
        m_tree->setCurrentItem(found.front());
    return ok;
}

bool FrameworkDialog::createProgramme(const QString& code, const QString& title, int year,
                                      const QString& copyFrom, const QString& kind,
                                      const QString& gradeScale)
{
    if (!m_context.workbench)
        return false;
    Programme p;
    if (!copyFrom.isEmpty()) {
        auto copy = FrameworkService(*m_context.workbench)
                        .frameworkCopy(copyFrom, code.trimmed(), title.trimmed(), year);
        if (!copy)
            return false;
        p = *copy;
    } else {
        p.kind = kind;
        p.gradeScaleCode = gradeScale;
    }
    p.code = code.trimmed();
    p.title = title.trimmed();
    p.year = year;
    const QString what = copyFrom.isEmpty() ? tr("New Programme %1").arg(p.code)
                                            : tr("Copy Framework of %1").arg(copyFrom);
    if (!m_context.run(
            new SaveProgrammeCommand(m_context.workbench, m_context.errors, std::nullopt, p, what)))
        return false;
    m_code = p.code;
    reload();
    return true;
}

bool FrameworkDialog::deleteProgramme()
{
    const auto p =
        m_context.workbench ? m_context.workbench->reference().programme(m_code) : std::nullopt;
    if (!p)
        return false;
    if (!m_context.run(new DeleteProgrammeCommand(m_context.workbench, m_context.errors, *p)))
        return false;
    m_code.clear();
    reload();
    return true;
}

void FrameworkDialog::onNew()
{
    QDialog d(this);
    d.setWindowTitle(tr("New Programme"));
    auto* code = new QLineEdit(&d);
    code->setPlaceholderText(tr("e.g. peel-effectiveness-2016"));
    auto* title = new QLineEdit(&d);
    auto* year = new QSpinBox(&d);
    year->setRange(1900, 2200);
    year->setValue(m_year->value() + 1);
    auto* from = new QComboBox(&d);
    from->addItem(tr("An empty framework"), QString());
    for (const Programme& p : m_context.workbench->reference().programmes())
        from->addItem(tr("A copy of the framework of %1").arg(p.label()), p.code);
    from->setCurrentIndex(qMax(0, from->findData(m_code)));
    auto* form = new QFormLayout(&d);
    form->addRow(tr("&Code:"), code);
    form->addRow(tr("&Title:"), title);
    form->addRow(tr("&Year:"), year);
    form->addRow(tr("&Start from:"), from);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    if (d.exec() == QDialog::Accepted)
        createProgramme(code->text(), title->text(), year->value(), from->currentData().toString(),
                        QStringLiteral("peel"), QStringLiteral("peel-four-point"));
}

} // namespace fwb::app
