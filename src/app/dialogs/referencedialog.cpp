#include "app/dialogs/referencedialog.h"
#include "ui_addpersondialog.h"
#include "ui_referencedialog.h"

#include "app/dialogs/cellediting.h"
#include "core/reader.h"
#include "core/workbench.h"

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

QTableWidgetItem* cell(const QString& text, bool editable)
{
    auto* item = new QTableWidgetItem(text);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

ReferenceDialog::ReferenceDialog(const DraftingContext& context, QWidget* parent)
    : QDialog(parent), m_context(context), m_ui(std::make_unique<Ui::ReferenceDialog>())
{
    m_ui->setupUi(this);
    QTableWidget* forces = m_ui->forcesTable;
    forces->setColumnWidth(ForceCode, 180);
    forces->setColumnWidth(ForceName, 300);
    forces->setColumnWidth(ForceShortName, 160);
    forces->setColumnWidth(ForceRegion, 160);
    QTableWidget* people = m_ui->peopleTable;
    people->setColumnWidth(PersonCode, 160);
    people->setColumnWidth(PersonName, 180);
    people->setColumnWidth(PersonPost, 220);
    connect(forces, &QTableWidget::itemChanged, this, &ReferenceDialog::onForceChanged);
    connect(people, &QTableWidget::itemChanged, this, &ReferenceDialog::onPersonChanged);
    connect(m_ui->addPerson, &QPushButton::clicked, this, &ReferenceDialog::askForPerson);
    // Queued: a change often comes from an edit of a cell, and the table must not be refilled
    // under the item that is still announcing the edit.
    if (m_context.workbench)
        connect(m_context.workbench, &Workbench::changed, this, &ReferenceDialog::applyChanges,
                Qt::QueuedConnection);
    reload();
}

ReferenceDialog::~ReferenceDialog()
{
    // The form's widgets are deleted after this, and a field losing focus as they go announces
    // an edit: the guard keeps it from being saved into a form that is no longer there.
    m_loading = true;
}

QTableWidget* ReferenceDialog::forcesTable() const
{
    return m_ui->forcesTable;
}

QTableWidget* ReferenceDialog::peopleTable() const
{
    return m_ui->peopleTable;
}

QPushButton* ReferenceDialog::addPersonButton() const
{
    return m_ui->addPerson;
}

void ReferenceDialog::reload()
{
    reloadForces();
    reloadPeople();
}

void ReferenceDialog::applyChanges(const fwb::ChangeSet& changes)
{
    // A force row shows its region's name; a force's chief officer is a person's code.
    // A cell open for editing keeps its typing, in the same record's row after the refill.
    auto refill = [this](QTableWidget* table, void (ReferenceDialog::*fill)()) {
        const CellEdit typing = takeCellEdit(table);
        const int row = table->currentRow();
        const QString code =
            typing.isOpen() && table->item(row, 0) ? table->item(row, 0)->text() : QString();
        (this->*fill)();
        if (code.isEmpty())
            return;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == code)
                restoreCellEdit(table, table->model()->index(r, typing.column), typing);
    };
    if (changes.touchesAny({EntityKind::Force, EntityKind::Region}))
        refill(m_ui->forcesTable, &ReferenceDialog::reloadForces);
    if (changes.touches(EntityKind::Person))
        refill(m_ui->peopleTable, &ReferenceDialog::reloadPeople);
}

void ReferenceDialog::reloadForces()
{
    if (!m_context.workbench)
        return;
    const bool writable = m_context.writable();
    QTableWidget* t = m_ui->forcesTable;
    m_loading = true;
    m_forceRows = m_context.workbench->reader().forces();
    t->setRowCount(int(m_forceRows.size()));
    for (int r = 0; r < m_forceRows.size(); ++r) {
        const Force& f = m_forceRows[r];
        t->setItem(r, ForceCode, cell(f.code, false));
        t->setItem(r, ForceName, cell(f.name, writable));
        t->setItem(r, ForceShortName, cell(f.shortName, writable));
        t->setItem(r, ForceRegion, cell(f.regionName, false));
        t->setItem(r, ForceStyle, cell(f.style, writable));
        t->setItem(r, ForceChief, cell(f.chiefOfficerCode, writable));
    }
    m_loading = false;
}

void ReferenceDialog::reloadPeople()
{
    if (!m_context.workbench)
        return;
    const bool writable = m_context.writable();
    QTableWidget* t = m_ui->peopleTable;
    m_loading = true;
    m_personRows = m_context.workbench->reader().people();
    t->setRowCount(int(m_personRows.size()));
    for (int r = 0; r < m_personRows.size(); ++r) {
        const Person& p = m_personRows[r];
        const QStringList values{p.code, p.name,     p.title,       p.postNominals,
                                 p.post, p.greeting, p.addressName, p.forceCode};
        for (int c = 0; c < values.size(); ++c)
            t->setItem(r, c, cell(values[c], writable && c != PersonCode));
    }
    m_loading = false;
}

void ReferenceDialog::onForceChanged(QTableWidgetItem* item)
{
    if (m_loading || !item || item->row() >= m_forceRows.size())
        return;
    const Force before = m_forceRows[item->row()];
    Force after = before;
    const QString v = item->text().trimmed();
    switch (item->column()) {
    case ForceName:
        after.name = v;
        break;
    case ForceShortName:
        after.shortName = v;
        break;
    case ForceStyle:
        after.style = v;
        break;
    case ForceChief:
        after.chiefOfficerCode = v;
        break;
    default:
        return;
    }
    if (!m_context.run(
            new SaveForceCommand(m_context.workbench, m_context.errors, before, after))) {
        reloadForces(); // the cell shows what is stored
        return;
    }
    // The row is what is stored now, so the next edit of it undoes to the right place.
    if (const auto stored = m_context.workbench->reader().force(before.code))
        m_forceRows[item->row()] = *stored;
}

void ReferenceDialog::onPersonChanged(QTableWidgetItem* item)
{
    if (m_loading || !item || item->row() >= m_personRows.size())
        return;
    const Person before = m_personRows[item->row()];
    Person after = before;
    const QString v = item->text().trimmed();
    switch (item->column()) {
    case PersonName:
        after.name = v;
        break;
    case PersonTitle:
        after.title = v;
        break;
    case PersonPostNominals:
        after.postNominals = v;
        break;
    case PersonPost:
        after.post = v;
        break;
    case PersonGreeting:
        after.greeting = v;
        break;
    case PersonAddressName:
        after.addressName = v;
        break;
    case PersonForce:
        after.forceCode = v;
        break;
    default:
        return;
    }
    if (!m_context.run(
            new SavePersonCommand(m_context.workbench, m_context.errors, before, after))) {
        reloadPeople();
        return;
    }
    if (const auto stored = m_context.workbench->reader().person(before.code))
        m_personRows[item->row()] = *stored;
}

void ReferenceDialog::askForPerson()
{
    QDialog d(this);
    Ui::AddPersonDialog form;
    form.setupUi(&d);
    QPushButton* ok = form.buttons->button(QDialogButtonBox::Ok);
    auto check = [&form, ok] {
        ok->setEnabled(!form.code->text().trimmed().isEmpty() &&
                       !form.name->text().trimmed().isEmpty());
    };
    connect(form.code, &QLineEdit::textChanged, &d, check);
    connect(form.name, &QLineEdit::textChanged, &d, check);
    check();
    if (d.exec() == QDialog::Accepted)
        addPerson(form.code->text().trimmed(), form.name->text().trimmed());
}

bool ReferenceDialog::addPerson(const QString& code, const QString& name)
{
    if (!m_context.workbench)
        return false;
    // Saving is an upsert: a code already in use would overwrite that person with a bare name.
    if (m_context.workbench->reader().person(code.trimmed())) {
        if (m_context.errors)
            m_context.errors(tr("Add Person"),
                             tr("There is already a person with the code %1; choose another code, "
                                "or edit them in the table.")
                                 .arg(code.trimmed()));
        return false;
    }
    Person p;
    p.code = code.trimmed();
    p.name = name.trimmed();
    return m_context.run(
        new SavePersonCommand(m_context.workbench, m_context.errors, std::nullopt, p));
}

} // namespace fwb::app
