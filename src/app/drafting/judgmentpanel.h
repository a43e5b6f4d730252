#pragma once
// JudgmentPanel: the judgment of a graded question for one force — the grade with its published
// definition beside it, last year's grade where the workbench has one, the "first year graded"
// mark and the summary. A graded question without a judgment says so plainly.

#include "app/drafting/draftingcontext.h"
#include "core/changes.h"
#include "core/domain/types.h"

#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class JudgmentPanel;
}

class QCheckBox;
class QComboBox;
class QLabel;

namespace fwb::app {

class MarkdownEdit;

class JudgmentPanel : public QWidget {
    Q_OBJECT
public:
    explicit JudgmentPanel(const DraftingContext& context, QWidget* parent = nullptr);
    ~JudgmentPanel() override;

    // Shows the question's judgment; hides the panel for an ungraded question.
    void setPlace(const QString& programme, const QString& force, const QString& question);
    // Reads the judgment again (after an undo or a change elsewhere), keeping typing in progress.
    void reload();
    // Follows committed changes to this judgment; its own saves of the summary are not read back.
    void applyChanges(const ChangeSet& changes);
    // Saves typing not yet saved.
    void flush();

    QComboBox* gradeCombo() const { return m_grade; }
    MarkdownEdit* summaryEditor() const { return m_summary; }
    QCheckBox* firstYearCheck() const { return m_firstYear; }
    const std::optional<Judgment>& judgment() const { return m_judgment; }
    // Whether the question on show is graded (the panel is hidden when it is not).
    bool isGraded() const { return m_graded; }

Q_SIGNALS:
    void gradedChanged(bool graded);

private:
    void onGradeChosen(int index);
    void onFirstYearToggled(bool on);
    void saveSummary();
    void showDefinition();
    QString lastYearText() const;

    std::unique_ptr<Ui::JudgmentPanel> m_ui;
    const DraftingContext& m_context; // owned by the DraftingWorkspace
    QString m_programme, m_force, m_question;
    std::optional<Judgment> m_judgment;
    GradeScale m_scale;
    bool m_graded = false;
    int m_session = 0;

    QLabel* m_missing;
    QComboBox* m_grade;
    QLabel* m_definition;
    QLabel* m_lastYear;
    QCheckBox* m_firstYear;
    MarkdownEdit* m_summary;
    SaveScheduler m_saver;
};

} // namespace fwb::app
