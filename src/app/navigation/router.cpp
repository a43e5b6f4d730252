#include "app/navigation/router.h"

#include "app/panes/navigatorview.h"
#include "core/reader.h"
#include "core/services/documents.h"
#include "core/services/review.h"
#include "core/workbench.h"

#include <QTabWidget>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

Error notFound(const QString& message)
{
    return Error::make(Error::Code::NotFound, message);
}

} // namespace

Router::Router(NavigatorView* navigator, QTabWidget* tabs, QObject* parent)
    : QObject(parent), m_navigator(navigator), m_tabs(tabs)
{
    setObjectName(u"router"_s);
}

void Router::addDestination(Destination* destination)
{
    if (destination && !m_destinations.contains(destination))
        m_destinations << destination;
}

Result<Target> Router::resolve(const Target& target) const
{
    if (!target.isValid())
        return notFound(tr("There is nothing to go to."));
    if (!m_workbench)
        return notFound(tr("No workbench is open."));
    Workbench& wb = *m_workbench; // the services read it only
    Target t = target;
    switch (t.kind) {
    case Target::Kind::None:
        break;
    case Target::Kind::Finding: {
        const auto f = wb.reader().finding(t.uid);
        if (!f)
            return notFound(tr("There is no finding %1 in this workbench.").arg(t.uid));
        t.programme = f->programmeCode;
        t.force = f->forceCode;
        t.question = f->questionCode;
        break;
    }
    case Target::Kind::Document:
    case Target::Kind::Section:
    case Target::Kind::Response: {
        if (t.kind == Target::Kind::Section && t.documentUid.isEmpty())
            if (const auto where = DocumentService(wb).locate(t.uid))
                t.documentUid = where->documentUid;
        const auto d = wb.reader().document(t.documentUid);
        if (!d)
            return notFound(tr("There is no document %1 in this workbench.")
                                .arg(t.documentUid.isEmpty() ? t.uid : t.documentUid));
        t.programme = d->programmeCode;
        t.force = d->forceCode;
        t.question.clear();
        if (t.kind == Target::Kind::Section && !findSection(d->sections, t.uid))
            return notFound(tr("“%1” has no section %2.").arg(d->title, t.uid));
        if (t.kind == Target::Kind::Response) {
            ReviewService review(wb);
            const auto round = review.latestRound(d->uid);
            bool found = false;
            if (round)
                for (const FaResponse& r : review.responses(round->uid))
                    found = found || r.uid == t.uid;
            if (!found)
                return notFound(
                    tr("“%1” has no response %2 in its latest round.").arg(d->title, t.uid));
        }
        break;
    }
    case Target::Kind::Place:
    case Target::Kind::Overview:
    case Target::Kind::Draft:
    case Target::Kind::Judgment:
    case Target::Kind::Metrics:
    case Target::Kind::Evidence: {
        const auto p = wb.reader().programme(t.programme);
        if (!p)
            return notFound(tr("There is no programme %1 in this workbench.").arg(t.programme));
        const bool needsForce = t.kind != Target::Kind::Place && t.kind != Target::Kind::Overview;
        if ((needsForce || !t.force.isEmpty()) && !wb.reader().force(t.force))
            return notFound(tr("There is no force %1 in this workbench.").arg(t.force));
        if (t.kind == Target::Kind::Judgment && t.question.isEmpty())
            return notFound(tr("A judgment is of a question: none was named."));
        if (!t.question.isEmpty() && !findQuestion(p->questions, t.question))
            return notFound(tr("%1 has no question %2.").arg(p->label(), t.question));
        if (t.kind == Target::Kind::Metrics || t.kind == Target::Kind::Evidence)
            t.question.clear();
        break;
    }
    }
    return t;
}

Destination* Router::destinationFor(const Target& target) const
{
    if (target.kind == Target::Kind::Place)
        for (Destination* d : m_destinations)
            if (d->page() == m_tabs->currentWidget() && d->answers(target))
                return d;
    for (Destination* d : m_destinations)
        if (d->answers(target))
            return d;
    return nullptr;
}

bool Router::refuse(const Target& target, const QString& why)
{
    spdlog::info("not going to {}: {}", target.describe().toStdString(), why.toStdString());
    Q_EMIT refused(target, why);
    return false;
}

bool Router::goTo(const Target& target)
{
    auto resolved = resolve(target);
    if (!resolved)
        return refuse(target, resolved.error().message);
    const Target& t = resolved.value();
    if (!destinationFor(t))
        return refuse(t, tr("No part of the window shows %1.").arg(t.describe()));
    if (!t.force.isEmpty() && m_reveal)
        m_reveal(t.programme, t.force);
    if (const NavigatorKey key = t.key(); key.isValid() && m_navigator->currentKey() != key)
        m_navigator->selectKey(key);
    // Asked again: moving the navigator may have brought up another page (a question opens the
    // Draft tab), and a place is shown where the person already is when that page shows it.
    Destination* destination = destinationFor(t);
    if (!destination)
        return refuse(t, tr("No part of the window shows %1.").arg(t.describe()));
    m_tabs->setCurrentWidget(destination->page());
    if (!destination->reveal(t))
        return refuse(t, tr("%1 is not shown where it should be.").arg(t.describe()));
    spdlog::debug("went to {}", t.describe().toStdString());
    Q_EMIT arrived(t);
    return true;
}

} // namespace fwb::app
