#pragma once
// FrameworkDialog: inspection programmes and their question frameworks — create a programme
// (empty, or copying the framework of an earlier year), edit its details and grade scale, and
// edit its question tree: add, nest, reorder, reword, mark graded, remove. Every change is saved
// at once as an undo step on the window's stack; a change the service refuses (removing a
// question that holds findings, say) is explained and the tree shows what is stored. The layout
// is the Designer form ui/frameworkdialog.ui; the lists and the question tree are filled here, and
// refilled only when programmes or questions change, keeping what the person is typing.

#include "app/drafting/draftingcontext.h"
#include "core/changes.h"
#include "core/domain/types.h"

#include <QDialog>

#include <memory>

class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Ui {
class FrameworkDialog;
}

namespace fwb::app {

class FrameworkDialog : public QDialog {
    Q_OBJECT
public:
    explicit FrameworkDialog(const DraftingContext& context, QWidget* parent = nullptr);
    ~FrameworkDialog() override;

    void reload();
    // What a committed change means here: nothing unless programmes or questions changed; then the
    // lists and the tree are refilled, and a field with typing not yet saved keeps it.
    void applyChanges(const fwb::ChangeSet& changes);
    bool selectProgramme(const QString& code);
    QString currentProgramme() const { return m_code; }
    QTreeWidget* tree() const;
    QListWidget* programmeList() const;
    QLineEdit* titleEdit() const;
    QLineEdit* shortTitleEdit() const;
    QLineEdit* fieldworkEdit() const;
    QLineEdit* publishedEdit() const;
    QPushButton* newProgrammeButton() const;

    // What the buttons do, callable without the dialogs they open.
    bool createProgramme(const QString& code, const QString& title, int year,
                         const QString& copyFrom, const QString& kind = QStringLiteral("peel"),
                         const QString& gradeScale = {});
    bool addQuestion(bool asChild);
    bool removeQuestion();
    bool moveQuestion(int delta);
    bool indentQuestion(bool in);
    bool deleteProgramme();

private:
    // keepEdits: a field the person has typed in since it was filled keeps what they typed.
    void refill(bool keepEdits);
    void loadProgramme(bool keepEdits = false);
    void fillTree(QTreeWidgetItem* parent, const QList<Question>& questions);
    Programme fromForm() const;
    bool save(const QString& what);
    void onNew();

    QList<QLineEdit*> fields() const;

    const DraftingContext& m_context;
    std::unique_ptr<Ui::FrameworkDialog> m_ui;
    QString m_code;
    bool m_loading = false;
};

} // namespace fwb::app
