#include "app/review/responsespane.h"

#include "app/panes/safetextbrowser.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fwb::app {

QString categoryLabel(const QString& code)
{
    QString s = code;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s.isEmpty() ? s : s.front().toUpper() + s.mid(1);
}

QString decisionLabel(const QString& d)
{
    if (d == u"accepted"_s)
        return QObject::tr("Accepted");
    if (d == u"partly_accepted"_s)
        return QObject::tr("Partly accepted");
    if (d == u"rejected"_s)
        return QObject::tr("Rejected");
    return QObject::tr("To decide");
}

ResponsesPane::ResponsesPane(QWidget* parent) : QWidget(parent)
{
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(u"progressLabel"_s);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(u"responses"_s);
    m_table->setAccessibleName(tr("Responses"));
    m_table->setHorizontalHeaderLabels(
        {tr("Ref."), tr("Category"), tr("Proposed change"), tr("Decision")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_filling)
            Q_EMIT currentChanged();
    });

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(progressRow);
    layout->addWidget(m_table, 1);
}

const FaResponse* ResponsesPane::current() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_shown.size() ? &m_shown[row] : nullptr;
}

bool ResponsesPane::selectRow(int row)
{
    if (row < 0 || row >= m_shown.size())
        return false;
    m_table->selectRow(row);
    return true;
}

bool ResponsesPane::selectResponse(const QString& uid)
{
    for (int r = 0; r < m_shown.size(); ++r)
        if (m_shown[r].uid == uid)
            return selectRow(r);
    return false;
}

bool ResponsesPane::selectUndecided(int from)
{
    for (int r = from; r < m_shown.size(); ++r)
        if (m_shown[r].decision.isEmpty())
            return selectRow(r);
    return false;
}

void ResponsesPane::clear()
{
    m_filling = true;
    m_shown.clear();
    m_table->setRowCount(0);
    m_filling = false;
}

void ResponsesPane::setProgress(const QString& text, int decided, int total)
{
    m_progressLabel->setText(text);
    m_progress->setMaximum(qMax(1, total));
    m_progress->setValue(decided);
}

void ResponsesPane::setResponses(const QList<FaResponse>& responses, const QString& keep)
{
    m_filling = true;
    m_shown = responses;
    m_table->setRowCount(int(m_shown.size()));
    for (int r = 0; r < m_shown.size(); ++r) {
        const FaResponse& x = m_shown[r];
        auto* ref = new QTableWidgetItem(x.reference);
        ref->setToolTip(tr("Row %1 of the form").arg(x.formRow));
        m_table->setItem(r, 0, ref);
        m_table->setItem(r, 1, new QTableWidgetItem(categoryLabel(x.category)));
        auto* proposed = new QTableWidgetItem(x.proposedChange.simplified());
        proposed->setToolTip(plainToolTip(x.proposedChange));
        m_table->setItem(r, 2, proposed);
        auto* decision = new QTableWidgetItem(decisionLabel(x.decision));
        if (x.decision.isEmpty()) {
            QFont f = decision->font();
            f.setBold(true);
            decision->setFont(f);
        }
        m_table->setItem(r, 3, decision);
    }
    for (int r = 0; r < m_shown.size(); ++r)
        if (m_shown[r].uid == keep)
            m_table->selectRow(r);
    m_filling = false;
}

} // namespace fwb::app
