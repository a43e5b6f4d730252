#pragma once
// ReferenceDialog: the forces and the people letters are addressed to and signed by, as tables
// edited in place — a force's name, short name, style ("the constabulary") and chief officer; a
// person's name, title, post-nominals, post, greeting and address name. Each cell is saved at once
// as an undo step; a refused value is explained and the cell shows what is stored. The layout is
// the Designer form ui/referencedialog.ui; the rows are filled here, and refilled only when the
// forces or the people change, keeping what is typed in a cell open for editing.

#include "app/drafting/draftingcontext.h"
#include "core/changes.h"
#include "core/domain/types.h"

#include <QDialog>

#include <memory>

class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace Ui {
class ReferenceDialog;
}

namespace fwb::app {

class ReferenceDialog : public QDialog {
    Q_OBJECT
public:
    enum ForceColumn { ForceCode, ForceName, ForceShortName, ForceRegion, ForceStyle, ForceChief };
    enum PersonColumn {
        PersonCode,
        PersonName,
        PersonTitle,
        PersonPostNominals,
        PersonPost,
        PersonGreeting,
        PersonAddressName,
        PersonForce
    };

    explicit ReferenceDialog(const DraftingContext& context, QWidget* parent = nullptr);
    ~ReferenceDialog() override;
    void reload();
    // What a committed change means here: the tables showing the records it touched are refilled.
    void applyChanges(const fwb::ChangeSet& changes);
    QTableWidget* forcesTable() const;
    QTableWidget* peopleTable() const;
    QPushButton* addPersonButton() const;
    // A new person; refused with a message (and nothing saved) for a code already in use or one
    // the service does not accept.
    bool addPerson(const QString& code, const QString& name);

private:
    void reloadForces();
    void reloadPeople();
    void onForceChanged(QTableWidgetItem* item);
    void onPersonChanged(QTableWidgetItem* item);
    void askForPerson();

    const DraftingContext& m_context;
    std::unique_ptr<Ui::ReferenceDialog> m_ui;
    bool m_loading = false;
    QList<Force> m_forceRows;
    QList<Person> m_personRows;
};

} // namespace fwb::app
