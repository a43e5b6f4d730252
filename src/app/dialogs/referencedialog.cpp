#include "app/dialogs/referencedialog.h"

#include "core/workbench.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fwb::app {
namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent, const QString& name)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->setVisible(false);
    t->setAlternatingRowColors(true);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setSelectionBehavior(QAbstractItemView::SelectItems);
    return t;
}

QTableWidgetItem* cell(const QString& text, bool editable)
{
    auto* item = new QTableWidgetItem(text);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

ReferenceDialog::ReferenceDialog(const DraftingContext& context, QWidget* parent)
    : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("referenceDialog"));
    setWindowTitle(tr("Forces and People"));
    resize(1100, 650);
    m_forces = makeTable(
        {tr("Code"), tr("Name"), tr("Short name"), tr("Region"), tr("Style"), tr("Chief officer")},
        this, QStringLiteral("forcesTable"));
    m_forces->setAccessibleName(tr("Forces"));
    m_forces->setColumnWidth(ForceCode, 180);
    m_forces->setColumnWidth(ForceName, 300);
    m_forces->setColumnWidth(ForceShortName, 160);
    m_forces->setColumnWidth(ForceRegion, 160);
    m_people = makeTable({tr("Code"), tr("Name"), tr("Title"), tr("Post-nominals"), tr("Post"),
                          tr("Greeting"), tr("Address name"), tr("Force")},
                         this, QStringLiteral("peopleTable"));
    m_people->setAccessibleName(tr("People"));
    m_people->setColumnWidth(PersonCode, 160);
    m_people->setColumnWidth(PersonName, 180);
    m_people->setColumnWidth(PersonPost, 220);
    connect(m_forces, &QTableWidget::itemChanged, this, &ReferenceDialog::onForceChanged);
    connect(m_people, &QTableWidget::itemChanged, this, &ReferenceDialog::onPersonChanged);

    auto* peoplePage = new QWidget(this);
    auto* pl = new QVBoxLayout(peoplePage);
    pl->addWidget(m_people, 1);
    auto* add = new QPushButton(tr("&Add Person…"), peoplePage);
    pl->addWidget(add, 0, Qt::AlignLeft);
    connect(add, &QPushButton::clicked, this, [this] {
        QDialog d(this);
        d.setWindowTitle(tr("Add Person"));
        auto* code = new QLineEdit(&d);
        code->setPlaceholderText(tr("e.g. steve-finnigan"));
        auto* name = new QLineEdit(&d);
        auto* form = new QFormLayout(&d);
        form->addRow(tr("&Code:"), code);
        form->addRow(tr("&Name:"), name);
        auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
        form->addRow(box);
        connect(box, &QDialogButtonBox::accepted, &d, &QDialog::accept);
        connect(box, &QDialogButtonBox::rejected, &d, &QDialog::reject);
        if (d.exec() == QDialog::Accepted)
            addPerson(code->text().trimmed(), name->text().trimmed());
    });
    auto* tabs = new QTabWidget(this);
    tabs->addTab(m_forces, tr("&Forces"));
    tabs->addTab(peoplePage, tr("&People"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(close);
    if (m_context.workbench)
        connect(m_context.workbench, &Workbench::changed, this, &ReferenceDialog::reload);
    reload();
}

void ReferenceDialog::reload()
{
    if (!m_context.workbench)
        return;
    const auto ref = m_context.workbench->reference();
    const bool writable = m_context.writable();
    m_loading = true;
    m_forceRows = ref.forces();
    m_forces->setRowCount(int(m_forceRows.size()));
    for (int r = 0; r < m_forceRows.size(); ++r) {
        const Force& f = m_forceRows[r];
        m_forces->setItem(r, ForceCode, cell(f.code, false));
        m_forces->setItem(r, ForceName, cell(f.name, writable));
        m_forces->setItem(r, ForceShortName, cell(f.shortName, writable));
        m_forces->setItem(r, ForceRegion, cell(f.regionName, false));
        m_forces->setItem(r, ForceStyle, cell(f.style, writable));
        m_forces->setItem(r, ForceChief, cell(f.chiefOfficerCode, writable));
    }
    m_personRows = ref.people();
    m_people->setRowCount(int(m_personRows.size()));
    for (int r = 0; r < m_personRows.size(); ++r) {
        const Person& p = m_personRows[r];
        const QStringList values{p.code, p.name,     p.title,       p.postNominals,
                                 p.post, p.greeting, p.addressName, p.forceCode};
        for (int c = 0; c < values.size(); ++c)
            m_people->setItem(r, c, cell(values[c], writable && c != PersonCode));
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
    if (!m_context.run(new SaveForceCommand(m_context.workbench, m_context.errors, before, after)))
        reload();
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
    if (!m_context.run(new SavePersonCommand(m_context.workbench, m_context.errors, before, after)))
        reload();
}

bool ReferenceDialog::addPerson(const QString& code, const QString& name)
{
    Person p;
    p.code = code;
    p.name = name;
    return m_context.run(
        new SavePersonCommand(m_context.workbench, m_context.errors, std::nullopt, p));
}

} // namespace fwb::app
