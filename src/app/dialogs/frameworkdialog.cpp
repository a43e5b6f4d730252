#include "app/dialogs/frameworkdialog.h"
#include "ui_frameworkdialog.h"
#include "ui_newprogrammedialog.h"

#include "app/dialogs/cellediting.h"
#include "app/panes/safetextbrowser.h"
#include "core/reader.h"
#include "core/services/frameworks.h"
#include "core/workbench.h"

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {
enum Column { CodeColumn, TextColumn, ShortColumn, GradedColumn, ComparableColumn };
constexpr int kFollowsRole = Qt::UserRole + 7;

} // namespace

FrameworkDialog::FrameworkDialog(const DraftingContext& context, QWidget* parent)
    : QDialog(parent), m_context(context), m_ui(std::make_unique<Ui::FrameworkDialog>())
{
    m_ui->setupUi(this);
    m_ui->split->setStretchFactor(1, 3);
    m_ui->kind->addItem(tr("PEEL"), u"peel"_s);
    m_ui->kind->addItem(tr("Thematic"), u"thematic"_s);
    QHeaderView* header = m_ui->questionTree->header();
    header->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    m_ui->questionTree->setColumnWidth(ShortColumn, 200);

    connect(m_ui->newProgramme, &QPushButton::clicked, this, &FrameworkDialog::onNew);
    connect(m_ui->deleteProgramme, &QPushButton::clicked, this, &FrameworkDialog::deleteProgramme);
    connect(m_ui->addQuestion, &QPushButton::clicked, this, [this] { addQuestion(false); });
    connect(m_ui->addSubQuestion, &QPushButton::clicked, this, [this] { addQuestion(true); });
    connect(m_ui->moveUp, &QPushButton::clicked, this, [this] { moveQuestion(-1); });
    connect(m_ui->moveDown, &QPushButton::clicked, this, [this] { moveQuestion(1); });
    connect(m_ui->indent, &QPushButton::clicked, this, [this] { indentQuestion(true); });
    connect(m_ui->outdent, &QPushButton::clicked, this, [this] { indentQuestion(false); });
    connect(m_ui->removeQuestion, &QPushButton::clicked, this, [this] { removeQuestion(); });

    connect(m_ui->programmeList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading || row < 0)
            return;
        m_code = m_ui->programmeList->item(row)->data(Qt::UserRole).toString();
        loadProgramme();
    });
    for (QLineEdit* e : fields())
        connect(e, &QLineEdit::editingFinished, this, [this] { save(tr("Edit Programme")); });
    connect(m_ui->year, &QSpinBox::editingFinished, this, [this] { save(tr("Edit Programme")); });
    connect(m_ui->kind, qOverload<int>(&QComboBox::activated), this,
            [this] { save(tr("Edit Programme")); });
    connect(m_ui->scale, qOverload<int>(&QComboBox::activated), this,
            [this] { save(tr("Change Grade Scale")); });
    connect(m_ui->questionTree, &QTreeWidget::itemChanged, this,
            [this](QTreeWidgetItem*, int column) {
                if (!m_loading)
                    save(column == GradedColumn       ? tr("Change Graded Questions")
                         : column == ComparableColumn ? tr("Change Comparability")
                                                      : tr("Edit Question"));
            });
    // Queued: a change often comes from an edit of the tree itself (a box ticked, a cell typed in),
    // and the tree must not be rebuilt under the item that is still announcing the edit.
    if (m_context.workbench)
        connect(m_context.workbench, &Workbench::changed, this, &FrameworkDialog::applyChanges,
                Qt::QueuedConnection);
    reload();
}

FrameworkDialog::~FrameworkDialog()
{
    // The form's widgets are deleted after this, and a field losing focus as they go announces
    // an edit: the guard keeps it from being saved into a form that is no longer there.
    m_loading = true;
}

QTreeWidget* FrameworkDialog::tree() const
{
    return m_ui->questionTree;
}

QListWidget* FrameworkDialog::programmeList() const
{
    return m_ui->programmeList;
}

QLineEdit* FrameworkDialog::titleEdit() const
{
    return m_ui->title;
}

QLineEdit* FrameworkDialog::shortTitleEdit() const
{
    return m_ui->shortTitle;
}

QLineEdit* FrameworkDialog::fieldworkEdit() const
{
    return m_ui->fieldwork;
}

QLineEdit* FrameworkDialog::publishedEdit() const
{
    return m_ui->published;
}

QPushButton* FrameworkDialog::newProgrammeButton() const
{
    return m_ui->newProgramme;
}

QList<QLineEdit*> FrameworkDialog::fields() const
{
    return {m_ui->title, m_ui->shortTitle, m_ui->fieldwork, m_ui->published};
}

void FrameworkDialog::applyChanges(const fwb::ChangeSet& changes)
{
    if (!changes.touchesAny({EntityKind::Programme, EntityKind::Question}))
        return;
    refill(true);
}

void FrameworkDialog::reload()
{
    refill(false);
}

void FrameworkDialog::refill(bool keepEdits)
{
    if (!m_context.workbench)
        return;
    m_loading = true;
    const QString shown = m_code;
    const auto ref = m_context.workbench->reader();
    m_ui->programmeList->clear();
    int current = -1;
    for (const Programme& p : ref.programmes()) {
        auto* item = new QListWidgetItem(u"%1\n%2"_s.arg(p.label(), p.code), m_ui->programmeList);
        item->setData(Qt::UserRole, p.code);
        if (p.code == m_code)
            current = m_ui->programmeList->count() - 1;
    }
    m_ui->scale->clear();
    m_ui->scale->addItem(tr("None (findings only, no grades)"), QString());
    for (const GradeScale& s : ref.gradeScales())
        m_ui->scale->addItem(s.name, s.code);
    if (current < 0 && m_ui->programmeList->count() > 0) {
        current = 0;
        m_code = m_ui->programmeList->item(0)->data(Qt::UserRole).toString();
    }
    m_ui->programmeList->setCurrentRow(current);
    m_loading = false;
    loadProgramme(keepEdits && m_code == shown); // typing in a programme that is gone goes too
}

bool FrameworkDialog::selectProgramme(const QString& code)
{
    for (int i = 0; i < m_ui->programmeList->count(); ++i)
        if (m_ui->programmeList->item(i)->data(Qt::UserRole).toString() == code) {
            m_ui->programmeList->setCurrentRow(i);
            return true;
        }
    return false;
}

void FrameworkDialog::fillTree(QTreeWidgetItem* parent, const QList<Question>& questions)
{
    for (const Question& q : questions) {
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_ui->questionTree);
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

void FrameworkDialog::loadProgramme(bool keepEdits)
{
    const auto p =
        m_context.workbench ? m_context.workbench->reader().programme(m_code) : std::nullopt;
    m_loading = true;
    const QString selected = m_ui->questionTree->currentItem()
                                 ? m_ui->questionTree->currentItem()->text(CodeColumn)
                                 : QString();
    // A question being reworded keeps its typing across the refill (if it is still there).
    const CellEdit typing = keepEdits ? takeCellEdit(m_ui->questionTree) : CellEdit{};
    m_ui->questionTree->clear();
    // Typing not yet saved (it is saved when the field is left) stays as typed, caret and all.
    auto fill = [keepEdits](QLineEdit* e, const QString& stored) {
        if (!(keepEdits && e->isModified()))
            e->setText(stored);
    };
    fill(m_ui->title, p ? p->title : QString());
    fill(m_ui->shortTitle, p ? p->shortTitle : QString());
    if (!(keepEdits && m_ui->year->hasFocus()))
        m_ui->year->setValue(p ? p->year : 2000);
    m_ui->kind->setCurrentIndex(qMax(0, m_ui->kind->findData(p ? p->kind : QString())));
    m_ui->scale->setCurrentIndex(qMax(0, m_ui->scale->findData(p ? p->gradeScaleCode : QString())));
    fill(m_ui->fieldwork, p ? p->fieldwork : QString());
    fill(m_ui->published, p ? p->published : QString());
    if (p)
        fillTree(nullptr, p->questions);
    m_ui->questionTree->expandAll();
    if (!selected.isEmpty()) {
        const auto found = m_ui->questionTree->findItems(
            selected, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn);
        if (!found.isEmpty()) {
            m_ui->questionTree->setCurrentItem(found.front());
            m_loading = false;
            restoreCellEdit(m_ui->questionTree,
                            m_ui->questionTree->currentIndex().siblingAtColumn(typing.column),
                            typing);
        }
    }
    m_loading = false;
}

Programme FrameworkDialog::fromForm() const
{
    Programme p = m_context.workbench->reader().programme(m_code).value_or(Programme{});
    p.title = m_ui->title->text().trimmed();
    p.shortTitle = m_ui->shortTitle->text().trimmed();
    p.year = m_ui->year->value();
    p.kind = m_ui->kind->currentData().toString();
    p.gradeScaleCode = m_ui->scale->currentData().toString();
    p.fieldwork = m_ui->fieldwork->text().trimmed();
    p.published = m_ui->published->text().trimmed();
    std::function<QList<Question>(QTreeWidgetItem*)> read = [&](QTreeWidgetItem* parent) {
        QList<Question> out;
        const int n = parent ? parent->childCount() : m_ui->questionTree->topLevelItemCount();
        for (int i = 0; i < n; ++i) {
            QTreeWidgetItem* item = parent ? parent->child(i) : m_ui->questionTree->topLevelItem(i);
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
    const auto before = m_context.workbench->reader().programme(m_code);
    if (!before)
        return false;
    const Programme after = fromForm();
    const bool ok = m_context.run(
        new SaveProgrammeCommand(m_context.workbench, m_context.errors, before, after, what));
    if (!ok) // show what is stored, once the edit that was refused has finished
        QMetaObject::invokeMethod(
            this, [this] { loadProgramme(false); }, Qt::QueuedConnection);
    else
        for (QLineEdit* e : fields())
            e->setModified(false); // saved: what is stored is what the field shows
    return ok;
}

bool FrameworkDialog::addQuestion(bool asChild)
{
    if (m_code.isEmpty())
        return false;
    QTreeWidgetItem* current = m_ui->questionTree->currentItem();
    // A code that follows its siblings: Q4 after Q3, Q3.2 under Q3 after Q3.1.
    QTreeWidgetItem* parent = asChild ? current : (current ? current->parent() : nullptr);
    const int siblings = parent ? parent->childCount() : m_ui->questionTree->topLevelItemCount();
    QString code =
        parent ? parent->text(CodeColumn) + u".%1"_s.arg(siblings + 1) : u"Q%1"_s.arg(siblings + 1);
    while (!m_ui->questionTree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn)
                .isEmpty())
        code += u"a"_s;
    m_loading = true;
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_ui->questionTree);
    item->setText(CodeColumn, code);
    item->setText(TextColumn, tr("New question"));
    item->setCheckState(GradedColumn, Qt::Unchecked);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                   Qt::ItemIsEditable);
    m_loading = false;
    if (!save(asChild ? tr("Add Sub-question") : tr("Add Question")))
        return false;
    const auto found =
        m_ui->questionTree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn);
    if (!found.isEmpty()) {
        m_ui->questionTree->setCurrentItem(found.front(), TextColumn);
        m_ui->questionTree->editItem(found.front(), TextColumn);
    }
    return true;
}

bool FrameworkDialog::removeQuestion()
{
    QTreeWidgetItem* item = m_ui->questionTree->currentItem();
    if (!item)
        return false;
    m_loading = true;
    delete item;
    m_loading = false;
    return save(tr("Remove Question"));
}

bool FrameworkDialog::moveQuestion(int delta)
{
    QTreeWidgetItem* item = m_ui->questionTree->currentItem();
    if (!item)
        return false;
    QTreeWidgetItem* parent = item->parent();
    const int index =
        parent ? parent->indexOfChild(item) : m_ui->questionTree->indexOfTopLevelItem(item);
    const int count = parent ? parent->childCount() : m_ui->questionTree->topLevelItemCount();
    const int target = index + delta;
    if (target < 0 || target >= count)
        return false;
    const QString code = item->text(CodeColumn);
    m_loading = true;
    QTreeWidgetItem* taken =
        parent ? parent->takeChild(index) : m_ui->questionTree->takeTopLevelItem(index);
    if (parent)
        parent->insertChild(target, taken);
    else
        m_ui->questionTree->insertTopLevelItem(target, taken);
    m_loading = false;
    const bool ok = save(tr("Reorder Questions"));
    const auto found =
        m_ui->questionTree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn);
    if (!found.isEmpty())
        m_ui->questionTree->setCurrentItem(found.front());
    return ok;
}

bool FrameworkDialog::indentQuestion(bool in)
{
    QTreeWidgetItem* item = m_ui->questionTree->currentItem();
    if (!item)
        return false;
    QTreeWidgetItem* parent = item->parent();
    const int index =
        parent ? parent->indexOfChild(item) : m_ui->questionTree->indexOfTopLevelItem(item);
    const QString code = item->text(CodeColumn);
    m_loading = true;
    bool moved = false;
    if (in && index > 0) { // under the sibling before it
        QTreeWidgetItem* before =
            parent ? parent->child(index - 1) : m_ui->questionTree->topLevelItem(index - 1);
        QTreeWidgetItem* taken =
            parent ? parent->takeChild(index) : m_ui->questionTree->takeTopLevelItem(index);
        before->addChild(taken);
        moved = true;
    } else if (!in && parent) { // after its parent
        QTreeWidgetItem* grand = parent->parent();
        const int at = (grand ? grand->indexOfChild(parent)
                              : m_ui->questionTree->indexOfTopLevelItem(parent)) +
                       1;
        QTreeWidgetItem* taken = parent->takeChild(index);
        if (grand)
            grand->insertChild(at, taken);
        else
            m_ui->questionTree->insertTopLevelItem(at, taken);
        moved = true;
    }
    m_loading = false;
    if (!moved)
        return false;
    const bool ok = save(in ? tr("Nest Question") : tr("Unnest Question"));
    const auto found =
        m_ui->questionTree->findItems(code, Qt::MatchExactly | Qt::MatchRecursive, CodeColumn);
    if (!found.isEmpty())
        m_ui->questionTree->setCurrentItem(found.front());
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
        if (!copy) {
            if (m_context.errors)
                m_context.errors(tr("New Programme"), copy.error().message);
            return false;
        }
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
        m_context.workbench ? m_context.workbench->reader().programme(m_code) : std::nullopt;
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
    if (!m_context.workbench)
        return;
    QDialog d(this);
    Ui::NewProgrammeDialog form;
    form.setupUi(&d);
    form.year->setValue(m_ui->year->value() + 1);
    form.from->addItem(tr("An empty framework"), QString());
    for (const Programme& p : m_context.workbench->reader().programmes())
        form.from->addItem(tr("A copy of the framework of %1").arg(p.label()), p.code);
    form.from->setCurrentIndex(qMax(0, form.from->findData(m_code)));
    // A programme needs a code and a title; what else the service refuses it explains.
    QPushButton* ok = form.buttons->button(QDialogButtonBox::Ok);
    auto check = [&form, ok] {
        ok->setEnabled(!form.code->text().trimmed().isEmpty() &&
                       !form.title->text().trimmed().isEmpty());
    };
    connect(form.code, &QLineEdit::textChanged, &d, check);
    connect(form.title, &QLineEdit::textChanged, &d, check);
    check();
    if (d.exec() == QDialog::Accepted)
        createProgramme(form.code->text(), form.title->text(), form.year->value(),
                        form.from->currentData().toString(), u"peel"_s, u"peel-four-point"_s);
}

} // namespace fwb::app
