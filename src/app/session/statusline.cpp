#include "app/session/statusline.h"

#include "core/changes.h"

#include <QDir>
#include <QLabel>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace fwb::app {

StatusLine::StatusLine(QStatusBar* bar, const Session& session) : QObject(bar), m_session(session)
{
    m_path = new QLabel(bar);
    m_path->setObjectName(u"pathLabel"_s);
    m_path->setAccessibleName(tr("Workbench file"));
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts = new QLabel(bar);
    m_counts->setObjectName(u"countsLabel"_s);
    m_counts->setAccessibleName(tr("Workbench contents"));
    m_readOnly = new QLabel(tr("Read-only"), bar);
    m_readOnly->setObjectName(u"readOnlyLabel"_s);
    m_readOnly->setAccessibleName(tr("Read-only"));
    m_readOnly->setStyleSheet(u"QLabel { background: #fbe3c2; color: #6b3d00; border-radius: 3px; "
                              u"padding: 1px 8px; font-weight: bold; }"_s);
    m_readOnly->hide();
    m_problems = new QLabel(bar);
    m_problems->setObjectName(u"problemsLabel"_s);
    m_problems->setAccessibleName(tr("Problems found by the checker"));
    bar->addWidget(m_path, 1);
    bar->addPermanentWidget(m_problems);
    bar->addPermanentWidget(m_counts);
    bar->addPermanentWidget(m_readOnly);
    m_recount.setSingleShot(true);
    m_recount.setInterval(300);
    connect(&m_recount, &QTimer::timeout, this, &StatusLine::recountNow);
}

void StatusLine::update()
{
    if (!m_session.isOpen()) {
        m_path->setText(tr("No workbench open"));
        m_counts->clear();
        m_readOnly->hide();
        m_known = false;
        m_recount.stop();
        return;
    }
    m_path->setText(QDir::toNativeSeparators(m_session.path()));
    m_readOnly->setText(m_session.readOnlyBadge());
    m_readOnly->setVisible(m_session.isReadOnly());
    m_readOnly->setToolTip(m_session.readOnlyReason());
    if (m_known)
        showCounts();
    else
        scheduleRecount(true);
}

void StatusLine::apply(const ChangeSet& changes)
{
    if (!m_session.isOpen())
        return;
    if (changes.isEverything()) {
        scheduleRecount(true);
        return;
    }
    bool changed = false;
    for (const RecordChange& c : changes.changes()) {
        if (c.op != ChangeOp::Added && c.op != ChangeOp::Removed) {
            // A force or programme renamed or removed can change which forces have material.
            if (c.kind == EntityKind::Force || c.kind == EntityKind::Programme)
                scheduleRecount(false);
            continue;
        }
        const qint64 sign = c.op == ChangeOp::Added ? 1 : -1;
        switch (c.kind) {
        case EntityKind::Finding:
        case EntityKind::Judgment:
            if (!c.isPrecise()) {
                scheduleRecount(true);
                continue;
            }
            (c.kind == EntityKind::Finding ? m_totals.findings : m_totals.judgments) +=
                sign * c.uids.size();
            changed = true;
            [[fallthrough]];
        case EntityKind::Evidence:
        case EntityKind::Metric:
        case EntityKind::Document:
        case EntityKind::Force:
        case EntityKind::Programme:
            // Whether a force has material now: counted later, and only that figure.
            scheduleRecount(false);
            break;
        default:
            break;
        }
    }
    if (changed && m_known)
        showCounts();
}

void StatusLine::scheduleRecount(bool all)
{
    if (all)
        m_recountAll = true;
    else
        m_recountForces = true;
    m_recount.start();
}

void StatusLine::recountNow()
{
    m_recount.stop();
    if (!m_session.isOpen()) {
        m_known = false;
        return;
    }
    if (m_recountAll || !m_known) {
        m_totals = m_session.counts();
        m_known = true;
    } else if (m_recountForces)
        m_totals.forcesWithMaterial = m_session.forcesWithMaterial();
    m_recountAll = m_recountForces = false;
    showCounts();
}

void StatusLine::showCounts()
{
    const Session::Counts& c = m_totals;
    auto count = [](qint64 n, const QString& one, const QString& many) {
        return u"%1 %2"_s.arg(n).arg(n == 1 ? one : many);
    };
    m_counts->setText(
        count(c.forcesWithMaterial, tr("force with material"), tr("forces with material")) +
        u"  ·  "_s + count(c.findings, tr("finding"), tr("findings")) + u"  ·  "_s +
        count(c.judgments, tr("judgment"), tr("judgments")));
}

void StatusLine::setProblems(int errors, int warnings)
{
    m_problems->setText(tr("✖ %1  ⚠ %2").arg(errors).arg(warnings));
    m_problems->setToolTip(
        tr("%1 errors and %2 warnings from the consistency checker (F7 to see them)")
            .arg(errors)
            .arg(warnings));
    m_problems->setStyleSheet(errors > 0 ? u"QLabel { color: #b71c1c; font-weight: bold; }"_s
                                         : QString());
}

} // namespace fwb::app
