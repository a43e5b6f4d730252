#pragma once
// FollowUpView: the national list of earlier areas for improvement, causes of concern and
// recommendations — by force, since when, how the latest inspection found them and for how long
// they have been open — filtered by region, kind and "still open", the oldest inspection first.
// The table reads a page at a time as it scrolls (FollowUpModel). The item in hand can be
// assessed as a later inspection found it (open, progress made, completed, superseded) with the
// later finding that says so. A double-click opens the finding.

#include "app/analysis/followupmodel.h"
#include "core/services/followups.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace fwb::app {

class FollowUpView : public QWidget {
    Q_OBJECT
public:
    explicit FollowUpView(Workbench* workbench, QWidget* parent = nullptr);
    // Reads the list again (when hidden: when it is next shown).
    void reload();
    // The items read into the table so far (more are read as it scrolls); `total` counts all.
    const FollowUpList& shown() const { return m_model->list(); }
    // Every item the filters select, not only those shown, in the table's order: what the
    // window's exports write.
    FollowUpList all() const;
    // The table reads at most this many, the oldest (0: all of them, a page at a time as it
    // scrolls); the summary says how many there are.
    void setShownAtMost(int n);
    int shownAtMost() const { return m_shownAtMost; }
    FollowUpModel* model() const { return m_model; }
    QLabel* summary() const { return m_summary; }

    // Records the assessment chosen in the editor for the selected item; false after an error.
    bool record();
    bool selectFinding(const QString& uid);

    QTableView* table() const { return m_table; }
    QCheckBox* openOnly() const { return m_openOnly; }
    QComboBox* regionCombo() const { return m_region; }
    QComboBox* kindCombo() const { return m_kind; }
    QComboBox* programmeCombo() const { return m_programme; }
    QComboBox* statusCombo() const { return m_status; }
    QComboBox* evidenceCombo() const { return m_evidence; }
    QLineEdit* noteEdit() const { return m_note; }
    QPushButton* recordButton() const { return m_record; }
    QLabel* message() const { return m_message; }

Q_SIGNALS:
    void openRequested(const QString& programme, const QString& force, const QString& question);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillEditor();
    void updateSummary();
    void fillEvidence();
    const FollowUpItem* current() const;

    QPointer<Workbench> m_workbench;
    FollowUpModel* m_model;
    bool m_stale = true; // read when next shown
    int m_shownAtMost = 0;
    QTimer m_reloadTimer;
    QCheckBox* m_openOnly;
    QComboBox* m_region;
    QComboBox* m_kind;
    QTableView* m_table;
    QLabel* m_summary;
    QComboBox* m_programme;
    QComboBox* m_status;
    QComboBox* m_evidence;
    QLineEdit* m_note;
    QPushButton* m_record;
    QLabel* m_message;
};

} // namespace fwb::app
