#include "app/drafting/historyview.h"
#include "app/panes/safetextbrowser.h"

#include "core/reader.h"
#include "core/workbench.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>

namespace fwb::app {
namespace {

// The words a person reads in a record: a finding's text, a judgment's grade and summary.
QString readable(const QString& json)
{
    if (json.isEmpty())
        return {};
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    QStringList parts;
    if (o.contains(QStringLiteral("grade")))
        parts << o.value(QStringLiteral("grade")).toString();
    for (const char* field : {"kind", "status"})
        if (o.contains(QLatin1String(field)))
            parts << o.value(QLatin1String(field)).toString();
    for (const char* field : {"text", "summary"})
        if (o.contains(QLatin1String(field)))
            parts << o.value(QLatin1String(field)).toString().simplified();
    return parts.join(QStringLiteral(" · "));
}

QString when(const QString& at)
{
    const QDateTime t = QDateTime::fromString(at, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : at;
}

} // namespace

HistoryView::HistoryView(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("historyView"));
    setAccessibleName(tr("Change history"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Before"), tr("After")});
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setStretchLastSection(true);
    setColumnWidth(0, 130);
    setColumnWidth(1, 90);
    setColumnWidth(2, 130);
    setColumnWidth(3, 260);
}

void HistoryView::show(Workbench* workbench, const QList<Subject>& subjects)
{
    clear();
    if (!workbench)
        return;
    QList<std::pair<AuditEntry, QString>> rows;
    for (const Subject& s : subjects)
        for (const AuditEntry& e : workbench->reader().auditEntries(s.entity, s.key, 200))
            rows.push_back({e, s.label});
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first.id > b.first.id; });
    for (const auto& [e, label] : rows) {
        const QString before = readable(e.before), after = readable(e.after);
        auto* item = new QTreeWidgetItem(
            this, {when(e.at), e.actor, label + QStringLiteral(" ") + e.action, before, after});
        item->setToolTip(3, plainToolTip(e.before));
        item->setToolTip(4, plainToolTip(e.after));
    }
    if (rows.isEmpty()) {
        auto* item = new QTreeWidgetItem(this, {tr("No recorded changes yet")});
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace fwb::app
