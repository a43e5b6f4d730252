#pragma once
// FollowUpView: the national list of earlier areas for improvement, causes of concern and
// recommendations — by force, since when, how the latest inspection found them and for how long
// they have been open — filtered by region, kind and "still open". The item in hand can be
// assessed as a later inspection found it (open, progress made, completed, superseded) with the
// later finding that says so. A double-click opens the finding.

#include "core/services/followups.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace fwb::app {

class FollowUpView : public QWidget {
    Q_OBJECT
public:
    explicit FollowUpView(Workbench* workbench, QWidget* parent = nullptr);
    // Reads the list again (when hidden: when it is next shown).
    void reload();
    const FollowUpList& shown() const { return m_list; }
    // Every item the filters select, not only those shown: what the window's exports write.
    FollowUpList all() const;
    // The table shows at most this many, the oldest (a national list can run to hundreds of
    // thousands on a large workbench); the summary says how many there are.
    void setShownAtMost(int n);
    int shownAtMost() const { return m_shownAtMost; }
    QLabel* summary() const { return m_summary; }

    // Records the assessment chosen in the editor for the selected item; false after an error.
    bool record();
    bool selectFinding(const QString& uid);

    QTableWidget* table() const { return m_table; }
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
    void fillEvidence();
    const FollowUpItem* current() const;

    QPointer<Workbench> m_workbench;
    FollowUpList m_list;
    bool m_stale = true; // read when next shown
    int m_shownAtMost = 2000;
    QTimer m_reloadTimer;
    QCheckBox* m_openOnly;
    QComboBox* m_region;
    QComboBox* m_kind;
    QTableWidget* m_table;
    QLabel* m_summary;
    QComboBox* m_programme;
    QComboBox* m_status;
    QComboBox* m_evidence;
    QLineEdit* m_note;
    QPushButton* m_record;
    QLabel* m_message;
};

} // namespace fwb::app
