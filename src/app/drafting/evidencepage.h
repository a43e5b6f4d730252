#pragma once
// EvidencePage: the case-file samples of one force in one programme as a table editor — label,
// method, population, sample size, strata and counted measures. Counts that cannot be true are
// refused as they are typed, with the reason beside the form; valid changes are saved as the
// person works, each an undo step. The layout is the Designer form ui/evidencepage.ui; the tables
// are filled here.

#include "app/drafting/draftingcontext.h"
#include "core/changes.h"
#include "core/domain/types.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace Ui {
class EvidencePage;
}

namespace fwb::app {

class EvidencePage : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePage(const DraftingContext& context, QWidget* parent = nullptr);
    ~EvidencePage() override;

    void setPlace(const QString& programme, const QString& force);
    void reload();
    // What a committed change means here: a reload when evidence samples changed (the form keeps
    // typing not yet saved), nothing otherwise.
    void applyChanges(const fwb::ChangeSet& changes);
    void flush();

    QTableWidget* samplesTable() const { return m_samples; }
    QTableWidget* strataTable() const { return m_strata; }
    QTableWidget* measuresTable() const { return m_measures; }
    QLineEdit* labelEdit() const { return m_label; }
    QSpinBox* sizeSpin() const { return m_size; }
    QLabel* problemLabel() const { return m_problem; }
    QString currentUid() const { return m_uid; }
    bool selectSample(const QString& uid);
    void addSample();
    void deleteSample();

private:
    void loadForm();
    EvidenceSample fromForm() const;
    void formEdited();
    void save();

    const DraftingContext& m_context; // owned by the DraftingWorkspace
    QString m_programme, m_force, m_uid;
    QList<EvidenceSample> m_list;
    bool m_loading = false;
    bool m_saving = false;  // the page's own save: the form the person is typing in stays as it is
    bool m_closing = false; // the page is being destroyed: nothing more is saved
    int m_session = 0;      // one stretch of typing in one sample is one undo step
    SaveScheduler m_saver;

    std::unique_ptr<Ui::EvidencePage> m_ui;
    // The form's widgets, by the names the page has always used.
    QTableWidget* m_samples;
    QLineEdit* m_label;
    QComboBox* m_method;
    QLineEdit* m_population;
    QSpinBox* m_size;
    QPlainTextEdit* m_description;
    QTableWidget* m_strata;
    QTableWidget* m_measures;
    QLabel* m_problem;
    QWidget* m_form;
};

} // namespace fwb::app
