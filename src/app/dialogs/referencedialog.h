#pragma once
// ReferenceDialog: the forces and the people letters are addressed to and signed by, as tables
// edited in place — a force's name, short name, style ("the constabulary") and chief officer; a
// person's name, title, post-nominals, post, greeting and address name. Each cell is saved at once
// as an undo step; a refused value is explained and the cell shows what is stored.

#include "app/drafting/draftingcontext.h"
#include "core/domain/types.h"

#include <QDialog>

class QTableWidget;
class QTableWidgetItem;

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
    void reload();
    QTableWidget* forcesTable() const { return m_forces; }
    QTableWidget* peopleTable() const { return m_people; }
    bool addPerson(const QString& code, const QString& name);

private:
    void onForceChanged(QTableWidgetItem* item);
    void onPersonChanged(QTableWidgetItem* item);

    const DraftingContext& m_context;
    bool m_loading = false;
    QList<Force> m_forceRows;
    QList<Person> m_personRows;
    QTableWidget* m_forces;
    QTableWidget* m_people;
};

} // namespace fwb::app
