#pragma once
// FrameworkDialog: inspection programmes and their question frameworks — create a programme
// (empty, or copying the framework of an earlier year), edit its details and grade scale, and
// edit its question tree: add, nest, reorder, reword, mark graded, remove. Every change is saved
// at once as an undo step on the window's stack; a change the service refuses (removing a
// question that holds findings, say) is explained and the tree shows what is stored.

#include "app/drafting/draftingcontext.h"
#include "core/domain/types.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace fwb::app {

class FrameworkDialog : public QDialog {
    Q_OBJECT
public:
    explicit FrameworkDialog(const DraftingContext& context, QWidget* parent = nullptr);

    void reload();
    bool selectProgramme(const QString& code);
    QString currentProgramme() const { return m_code; }
    QTreeWidget* tree() const { return m_tree; }
    QListWidget* programmeList() const { return m_list; }

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
    void loadProgramme();
    void fillTree(QTreeWidgetItem* parent, const QList<Question>& questions);
    Programme fromForm() const;
    bool save(const QString& what);
    void onNew();

    const DraftingContext& m_context;
    QString m_code;
    bool m_loading = false;
    QListWidget* m_list;
    QLineEdit* m_title;
    QLineEdit* m_shortTitle;
    QSpinBox* m_year;
    QComboBox* m_kind;
    QComboBox* m_scale;
    QLineEdit* m_fieldwork;
    QLineEdit* m_published;
    QTreeWidget* m_tree;
};

} // namespace fwb::app
