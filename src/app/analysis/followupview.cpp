#include "app/analysis/followupview.h"
#include "app/panes/safetextbrowser.h"

#include "core/workbench.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {
enum Column {
    ForceColumn,
    RegionColumn,
    KindColumn,
    SinceColumn,
    StatusColumn,
    AssessedColumn,
    OpenForColumn,
    TextColumn
};
} // namespace

FollowUpView::FollowUpView(Workbench* workbench, QWidget* parent)
    : QWidget(parent), m_workbench(workbench)
{
    setObjectName(u"followUpView"_s);
    m_openOnly = new QCheckBox(tr("Still &open only"), this);
    m_openOnly->setChecked(true);
    m_region = new QComboBox(this);
    m_region->setAccessibleName(tr("Region"));
    m_region->addItem(tr("All regions"), QString());
    m_kind = new QComboBox(this);
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->addItem(tr("Every kind"), QString());
    for (const QString& k : findingKinds())
        if (isFollowedUp(k))
            m_kind->addItem(findingKindPluralLabel(k), k);
    if (m_workbench)
        for (const Region& r : m_workbench->reference().regions())
            m_region->addItem(r.name, r.code);
    for (QComboBox* c : {m_region, m_kind})
        connect(c, &QComboBox::currentIndexChanged, this, &FollowUpView::reload);
    connect(m_openOnly, &QCheckBox::toggled, this, &FollowUpView::reload);

    m_table = new QTableWidget(0, 8, this);
    m_table->setObjectName(u"followUps"_s);
    m_table->setHorizontalHeaderLabels({tr("Force"), tr("Region"), tr("Kind"), tr("Since"),
                                        tr("Status"), tr("Assessed in"), tr("Open for"),
                                        tr("Finding")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FollowUpView::fillEditor);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] {
        if (const FollowUpItem* i = current())
            Q_EMIT openRequested(i->finding.programmeCode, i->finding.forceCode,
                                 i->finding.questionCode);
    });
    m_summary = new QLabel(this);

    m_programme = new QComboBox(this);
    m_programme->setObjectName(u"followUpProgramme"_s);
    m_programme->setAccessibleName(tr("The later inspection"));
    connect(m_programme, &QComboBox::currentIndexChanged, this, &FollowUpView::fillEvidence);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"followUpStatus"_s);
    m_status->setAccessibleName(tr("How it found it"));
    for (const QString& s : followUpStatuses())
        m_status->addItem(followUpStatusLabel(s), s);
    m_evidence = new QComboBox(this);
    m_evidence->setObjectName(u"followUpEvidence"_s);
    m_evidence->setAccessibleName(tr("The later finding that says so"));
    m_evidence->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_evidence->setMinimumContentsLength(30);
    m_note = new QLineEdit(this);
    m_note->setPlaceholderText(tr("Note (optional)"));
    m_record = new QPushButton(tr("&Record"), this);
    m_record->setObjectName(u"recordFollowUp"_s);
    connect(m_record, &QPushButton::clicked, this, &FollowUpView::record);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // messages quote text from the workbench

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_openOnly);
    filters->addWidget(m_region);
    filters->addWidget(m_kind);
    filters->addStretch();
    filters->addWidget(m_summary);
    auto* editor = new QHBoxLayout;
    editor->addWidget(new QLabel(tr("Found in"), this));
    editor->addWidget(m_programme);
    editor->addWidget(m_status);
    editor->addWidget(new QLabel(tr("as"), this));
    editor->addWidget(m_evidence, 1);
    editor->addWidget(m_note, 1);
    editor->addWidget(m_record);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(editor);
    layout->addWidget(m_message);

    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(0);
    connect(&m_reloadTimer, &QTimer::timeout, this, &FollowUpView::reload);
    if (m_workbench)
        connect(m_workbench, &Workbench::changed, this, [this](const ChangeSet& changes) {
            if (changes.touchesAny({EntityKind::FollowUp, EntityKind::Finding}))
                m_reloadTimer.start();
        });
    // The list is read when it is first shown: on a national workbench it reads every force's
    // findings of every programme, which opening the analysis window need not wait for.
}

void FollowUpView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

const FollowUpItem* FollowUpView::current() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_list.items.size() ? &m_list.items[row] : nullptr;
}

void FollowUpView::reload()
{
    if (!m_workbench)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const QString keep = current() ? current()->finding.uid : QString();
    auto list = followUpList(*m_workbench, {{},
                                            m_region->currentData().toString(),
                                            m_kind->currentData().toString(),
                                            m_openOnly->isChecked(),
                                            m_shownAtMost});
    if (!list) {
        m_message->setText(list.error().message);
        return;
    }
    m_list = std::move(list).value();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_list.items.size()));
    int open = 0;
    for (int r = 0; r < m_list.items.size(); ++r) {
        const FollowUpItem& i = m_list.items[r];
        const int years = m_list.yearsOpen(i);
        open += i.isOpen() ? 1 : 0;
        const QStringList cells{i.force.name,
                                i.force.regionName,
                                findingKindLabel(i.finding.kind),
                                QString::number(i.since),
                                followUpStatusLabel(i.status()),
                                i.history.isEmpty() ? QString() : i.history.back().programmeCode,
                                !i.isOpen()  ? QString()
                                : years == 0 ? tr("this year")
                                : years == 1 ? tr("1 year")
                                             : tr("%1 years").arg(years),
                                i.finding.text.simplified()};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == TextColumn)
                item->setToolTip(plainToolTip(i.finding.text));
            if (c == StatusColumn && i.isOpen()) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(TextColumn, 400);
    const QLocale locale;
    if (m_list.total > m_list.items.size())
        m_summary->setText(
            tr("The oldest %1 of %2 shown: choose a region or a kind to narrow the list. "
               "Export CSV and Copy take all %2.")
                .arg(locale.toString(qsizetype(m_list.items.size())),
                     locale.toString(m_list.total)));
    else
        m_summary->setText(
            tr("%1 shown, %2 still open")
                .arg(locale.toString(qsizetype(m_list.items.size())), locale.toString(open)));
    for (int r = 0; r < m_list.items.size(); ++r)
        if (m_list.items[r].finding.uid == keep)
            m_table->selectRow(r);
    fillEditor();
}

FollowUpList FollowUpView::all() const
{
    if (!m_workbench || m_list.total <= m_list.items.size())
        return m_list;
    auto list = followUpList(*m_workbench, {{},
                                            m_region->currentData().toString(),
                                            m_kind->currentData().toString(),
                                            m_openOnly->isChecked()});
    return list ? std::move(list).value() : m_list;
}

void FollowUpView::setShownAtMost(int n)
{
    m_shownAtMost = qMax(1, n);
    reload();
}

bool FollowUpView::selectFinding(const QString& uid)
{
    for (int r = 0; r < m_list.items.size(); ++r)
        if (m_list.items[r].finding.uid == uid) {
            m_table->selectRow(r);
            return true;
        }
    return false;
}

void FollowUpView::fillEditor()
{
    const FollowUpItem* i = current();
    const QSignalBlocker block(m_programme);
    m_programme->clear();
    if (i && m_workbench)
        for (const Programme& p : m_workbench->reference().programmes())
            if (p.year > i->since)
                m_programme->addItem(QStringLiteral("%1 (%2)").arg(p.label()).arg(p.year), p.code);
    if (i && !i->history.isEmpty()) {
        const FollowUp& last = i->history.back();
        m_programme->setCurrentIndex(qMax(0, m_programme->findData(last.programmeCode)));
        m_status->setCurrentIndex(qMax(0, m_status->findData(last.status)));
        m_note->setText(last.note);
    } else {
        m_note->clear();
    }
    const bool can = i && m_programme->count() > 0 && !m_workbench->isReadOnly();
    for (QWidget* w : {static_cast<QWidget*>(m_programme), static_cast<QWidget*>(m_status),
                       static_cast<QWidget*>(m_evidence), static_cast<QWidget*>(m_note),
                       static_cast<QWidget*>(m_record)})
        w->setEnabled(can);
    m_message->setText(i && m_programme->count() == 0
                           ? tr("No later inspection in this workbench has assessed it yet.")
                           : QString());
    fillEvidence();
}

void FollowUpView::fillEvidence()
{
    const FollowUpItem* i = current();
    m_evidence->clear();
    m_evidence->addItem(tr("(no finding)"), QString());
    if (!i || !m_workbench || m_programme->currentIndex() < 0)
        return;
    for (const Finding& f : m_workbench->drafts().findings(m_programme->currentData().toString(),
                                                           i->finding.forceCode))
        m_evidence->addItem(QStringLiteral("%1 — %2").arg(f.uid, f.text.simplified().left(80)),
                            f.uid);
    if (!i->history.isEmpty())
        m_evidence->setCurrentIndex(qMax(0, m_evidence->findData(i->history.back().evidenceUid)));
}

bool FollowUpView::record()
{
    const FollowUpItem* i = current();
    if (!i || !m_workbench)
        return false;
    FollowUp f;
    f.findingUid = i->finding.uid;
    f.programmeCode = m_programme->currentData().toString();
    f.status = m_status->currentData().toString();
    f.evidenceUid = m_evidence->currentData().toString();
    f.note = m_note->text();
    auto done = FollowUpService(*m_workbench).set(f);
    if (!done) {
        m_message->setText(done.error().message);
        spdlog::info("follow-up not recorded: {}", done.error().message.toStdString());
        return false;
    }
    m_message->setText(
        tr("Recorded: %1 in %2.").arg(followUpStatusLabel(done->status), done->programmeCode));
    return true;
}

} // namespace fwb::app
