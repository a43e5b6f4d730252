#include "app/analysis/followupview.h"
#include "app/panes/safetextbrowser.h"

#include "core/reader.h"
#include "core/workbench.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {
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
        for (const Region& r : m_workbench->reader().regions())
            m_region->addItem(r.name, r.code);
    for (QComboBox* c : {m_region, m_kind})
        connect(c, &QComboBox::currentIndexChanged, this, &FollowUpView::reload);
    connect(m_openOnly, &QCheckBox::toggled, this, &FollowUpView::reload);

    m_model = new FollowUpModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"followUps"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FollowUpView::fillEditor);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (const FollowUpItem* i = current())
            Q_EMIT openRequested(i->finding.programmeCode, i->finding.forceCode,
                                 i->finding.questionCode);
    });
    // Rows read as the table scrolls change what the summary says.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FollowUpView::updateSummary);
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
    // The list is read when it is first shown, and then a page at a time as it scrolls.
}

void FollowUpView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

const FollowUpItem* FollowUpView::current() const
{
    const int row = m_table->currentIndex().row();
    const QList<FollowUpItem>& items = m_model->list().items;
    return row >= 0 && row < items.size() ? &items[row] : nullptr;
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
    {
        const QSignalBlocker block(m_table->selectionModel());
        if (Status s = m_model->reset(*m_workbench,
                                      {{},
                                       m_region->currentData().toString(),
                                       m_kind->currentData().toString(),
                                       m_openOnly->isChecked()},
                                      m_shownAtMost);
            !s) {
            m_message->setText(s.error().message);
            return;
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(FollowUpModel::TextColumn, 400);
    updateSummary();
    const QList<FollowUpItem>& items = m_model->list().items;
    for (int r = 0; r < items.size(); ++r)
        if (items[r].finding.uid == keep)
            m_table->selectRow(r);
    fillEditor();
}

void FollowUpView::updateSummary()
{
    const FollowUpList& list = m_model->list();
    const QLocale locale;
    const QString shown = locale.toString(qsizetype(list.items.size()));
    const QString total = locale.toString(list.total);
    if (list.total > list.items.size() && m_model->canFetchMore({}))
        m_summary->setText(tr("The oldest %1 of %2 shown: more are read as the list scrolls, or "
                              "choose a region or a kind to narrow it. Export CSV and Copy take "
                              "all %2.")
                               .arg(shown, total));
    else if (list.total > list.items.size())
        m_summary->setText(
            tr("The oldest %1 of %2 shown: choose a region or a kind to narrow the list. "
               "Export CSV and Copy take all %2.")
                .arg(shown, total));
    else {
        int open = 0;
        for (const FollowUpItem& i : list.items)
            open += i.isOpen() ? 1 : 0;
        m_summary->setText(tr("%1 shown, %2 still open").arg(shown, locale.toString(open)));
    }
}

FollowUpList FollowUpView::all() const
{
    const FollowUpList& shown = m_model->list();
    if (!m_workbench || shown.total <= shown.items.size())
        return shown;
    auto list = followUpList(*m_workbench, {{},
                                            m_region->currentData().toString(),
                                            m_kind->currentData().toString(),
                                            m_openOnly->isChecked()});
    if (!list)
        return shown;
    // In the table's order: the oldest inspection first, then force (the list is by force).
    std::stable_sort(
        list->items.begin(), list->items.end(), [](const FollowUpItem& a, const FollowUpItem& b) {
            return a.since != b.since ? a.since < b.since : a.force.name < b.force.name;
        });
    return std::move(list).value();
}

void FollowUpView::setShownAtMost(int n)
{
    m_shownAtMost = qMax(0, n);
    reload();
}

bool FollowUpView::selectFinding(const QString& uid)
{
    // Reads on through the list until the finding is found (or the list ends).
    for (int r = 0;; ++r) {
        const QList<FollowUpItem>& items = m_model->list().items;
        if (r >= items.size()) {
            if (!m_model->canFetchMore({}))
                return false;
            m_model->fetchMore({});
            if (r >= m_model->list().items.size())
                return false;
        }
        if (m_model->list().items[r].finding.uid == uid) {
            m_table->selectRow(r);
            return true;
        }
    }
}

void FollowUpView::fillEditor()
{
    const FollowUpItem* i = current();
    const QSignalBlocker block(m_programme);
    m_programme->clear();
    if (i && m_workbench)
        for (const Programme& p : m_workbench->reader().programmes())
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
    for (const Finding& f : m_workbench->reader().findings(m_programme->currentData().toString(),
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
