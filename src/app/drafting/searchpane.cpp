#include "app/drafting/searchpane.h"

#include "app/models/kindstyle.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace fwb::app {

SearchPane::SearchPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("searchPane"));
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setAccessibleName(tr("Search"));
    m_query->setPlaceholderText(tr("Search findings, judgment summaries and documents"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    m_programme = new QComboBox(this);
    m_programme->setAccessibleName(tr("Programme"));
    m_force = new QComboBox(this);
    m_force->setAccessibleName(tr("Force"));
    m_kind = new QComboBox(this);
    m_kind->setAccessibleName(tr("Kind of finding"));
    m_kind->addItem(tr("Any kind"), QString());
    for (const QString& k : findingKinds())
        m_kind->addItem(findingKindPluralLabel(k), k);
    m_status = new QComboBox(this);
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"), QString());
    for (const QString& s : statuses())
        m_status->addItem(s.left(1).toUpper() + s.mid(1), s);
    m_summary = new QLabel(this);
    m_summary->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Search results"));
    m_results->setWordWrap(true);
    m_results->setAlternatingRowColors(true);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    auto* row = new QHBoxLayout;
    row->addWidget(m_query, 3);
    row->addWidget(m_programme, 1);
    row->addWidget(m_force, 1);
    row->addWidget(m_kind, 1);
    row->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 1);
    setTabOrder(m_query, m_results);

    m_typingTimer.setSingleShot(true);
    m_typingTimer.setInterval(120);
    connect(&m_typingTimer, &QTimer::timeout, this, &SearchPane::search);
    connect(m_query, &QLineEdit::textChanged, this, [this] { m_typingTimer.start(); });
    for (QComboBox* c : {m_programme, m_force, m_kind, m_status})
        connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, &SearchPane::search);
    connect(m_results, &QListWidget::itemActivated, this, &SearchPane::activate);
    connect(m_results, &QListWidget::itemClicked, this, &SearchPane::activate);
    fillFilters();
}

void SearchPane::setWorkbench(Workbench* workbench)
{
    m_workbench = workbench;
    fillFilters();
    search();
}

void SearchPane::fillFilters()
{
    const QString programme = m_programme->currentData().toString(),
                  force = m_force->currentData().toString();
    const QSignalBlocker b1(m_programme), b2(m_force);
    m_programme->clear();
    m_programme->addItem(tr("All programmes"), QString());
    m_force->clear();
    m_force->addItem(tr("All forces"), QString());
    if (m_workbench) {
        for (const Programme& p : m_workbench->reader().programmes())
            m_programme->addItem(p.label(), p.code);
        for (const Force& f : m_workbench->reader().forces())
            m_force->addItem(f.name, f.code);
    }
    m_programme->setCurrentIndex(qMax(0, m_programme->findData(programme)));
    m_force->setCurrentIndex(qMax(0, m_force->findData(force)));
}

void SearchPane::focusQuery()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchPane::search()
{
    m_typingTimer.stop();
    m_results->clear();
    m_hits.clear();
    const QString text = m_query->text();
    if (!m_workbench || SearchService::ftsQuery(text).isEmpty()) {
        m_summary->setText(text.trimmed().isEmpty()
                               ? tr("Type to search; Enter goes to the first result.")
                               : tr("No words to search for."));
        return;
    }
    SearchFilter filter{m_programme->currentData().toString(), m_force->currentData().toString(),
                        m_kind->currentData().toString(), m_status->currentData().toString(), 50};
    QElapsedTimer clock;
    clock.start();
    auto results = SearchService(m_workbench->database()).search(text, filter);
    if (!results) {
        m_summary->setText(tr("Search failed: %1").arg(results.error().message));
        return;
    }
    spdlog::debug("search \"{}\": {} hits in {} ms", text.toStdString(), results->hits.size(),
                  clock.elapsed());
    m_hits = results->hits;
    const auto ref = m_workbench->reader();
    QHash<QString, QString> forceNames, programmeNames;
    for (const Force& f : ref.forces())
        forceNames.insert(f.code, f.name);
    for (const Programme& p : ref.programmes())
        programmeNames.insert(p.code, p.label());
    for (const SearchHit& h : m_hits) {
        QString what;
        switch (h.type) {
        case SearchHit::Type::Finding:
            what = findingKindLabel(h.kind);
            break;
        case SearchHit::Type::Judgment:
            what = tr("Judgment summary");
            break;
        case SearchHit::Type::Section:
            what = tr("Document: %1").arg(h.title.isEmpty() ? h.kind : h.title);
            break;
        }
        const QString where =
            forceNames.value(h.force, h.force) + QStringLiteral(" · ") +
            programmeNames.value(h.programme, h.programme) +
            (h.question.isEmpty() ? QString() : QStringLiteral(" · ") + h.question);
        const QColor colour = h.type == SearchHit::Type::Finding ? KindStyle::colour(h.kind)
                                                                 : palette().color(QPalette::Dark);
        const QString html =
            QStringLiteral("<div><span style='color:%1; font-weight:600'>%2</span> "
                           "<span style='color:palette(dark)'>%3</span></div><div>%4</div>")
                .arg(colour.name(), what.toHtmlEscaped(), where.toHtmlEscaped(),
                     h.markedSnippet(QStringLiteral("<b style='background:#fff1a8'>"),
                                     QStringLiteral("</b>"), true));
        auto* item = new QListWidgetItem(m_results);
        item->setData(Qt::AccessibleTextRole,
                      QString(what + QStringLiteral(", ") + where + QStringLiteral(": ") +
                              h.markedSnippet(QString(), QString())));
        item->setData(Qt::UserRole, int(m_results->count() - 1));
        auto* label = new QLabel(html, m_results);
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setMargin(4);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        item->setSizeHint(
            QSize(100, label->heightForWidth(qMax(300, m_results->viewport()->width() - 8)) + 4));
        m_results->setItemWidget(item, label);
    }
    if (m_hits.isEmpty())
        m_summary->setText(tr("No results."));
    else if (!results->complete)
        m_summary->setText(
            tr("The best %1 of the %2 most recent matches; add words or filters to rank them all.")
                .arg(m_hits.size())
                .arg(SearchService::kRankedCandidates));
    else
        m_summary->setText(m_hits.size() == 1 ? tr("1 result.")
                                              : tr("%1 results, best first.").arg(m_hits.size()));
}

void SearchPane::activate(QListWidgetItem* item)
{
    const int i = item ? item->data(Qt::UserRole).toInt() : -1;
    if (i >= 0 && i < m_hits.size())
        Q_EMIT hitActivated(m_hits[i]);
}

bool SearchPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (m_typingTimer.isActive())
                search();
            if (m_results->count() > 0)
                activate(m_results->item(0));
            return true;
        }
        if (key->key() == Qt::Key_Down && m_results->count() > 0) {
            m_results->setFocus();
            m_results->setCurrentRow(0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fwb::app
