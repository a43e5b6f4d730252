#include "app/session/session.h"

#include "app/settings.h"
#include "app/workbenchlock.h"
#include "core/io/outputfile.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>
#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

// The same file reached through a link is the same workbench.
QString absolute(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

} // namespace

Session::Session(Settings& settings, QObject* parent) : QObject(parent), m_settings(settings)
{
    setObjectName(u"session"_s);
}

Session::~Session()
{
    // The workbench, then its lock: the lock is released only once the file is closed.
    m_workbench.reset();
    m_lock.reset();
}

bool Session::isReadOnly() const
{
    return m_workbench && m_workbench->isReadOnly();
}

QString Session::path() const
{
    return m_workbench ? m_workbench->path() : QString();
}

bool Session::fail(const QString& title, const QString& message)
{
    Q_EMIT failed(title, message);
    return false;
}

bool Session::open(const QString& path, const OpenOptions& options)
{
    const QString file = absolute(path);
    if (m_workbench && absolute(m_workbench->path()) == file)
        return true; // already open here
    auto lock = WorkbenchLock::acquire(file);
    if (!lock)
        return fail(tr("Workbench in use"), lock.error().message);
    OpenOptions now = options;
    const bool later = options.quickCheckMs > 0 && m_checkLaterAbove >= 0 &&
                       QFileInfo(file).size() > m_checkLaterAbove;
    if (later)
        now.quickCheckMs = 0;
    auto workbench = Workbench::open(file, now);
    if (!workbench) {
        if (workbench.error().code == Error::Code::NotFound)
            m_settings.removeRecentFile(file);
        return fail(tr("Cannot open workbench"), workbench.error().message);
    }
    spdlog::info("opened {}{}", str(file), workbench.value()->isReadOnly() ? " (read-only)" : "");
    const QString damage = workbench.value()->reader().damageWarning();
    adopt(std::move(workbench).value(), std::move(lock).value());
    if (!damage.isEmpty())
        fail(tr("Damaged workbench"), damage);
    if (later && damage.isEmpty() && !m_workbench->isReadOnly()) {
        Workbench* wb = m_workbench.get();
        connect(wb, &Workbench::damageFound, this, [this](const QString& warning) {
            Q_EMIT readOnlyChanged();
            fail(tr("Damaged workbench"), warning);
        });
        QTimer::singleShot(kCheckDelayMs, wb, [wb, budget = options.quickCheckMs] {
            wb->checkForDamageLater(budget);
        });
    }
    return true;
}

bool Session::create(const QString& path, bool demo)
{
    const QString file = absolute(path);
    if (QFileInfo::exists(file))
        return fail(
            tr("Cannot create workbench"),
            tr("%1 already exists. Choose another name: an existing file is never overwritten.")
                .arg(QDir::toNativeSeparators(file)));
    auto lock = WorkbenchLock::acquire(file);
    if (!lock)
        return fail(tr("Workbench in use"), lock.error().message);
    CreateOptions options;
    options.demo = demo;
    auto workbench = Workbench::create(file, options);
    if (!workbench)
        return fail(tr("Cannot create workbench"), workbench.error().message);
    spdlog::info("created {}{}", str(file), demo ? " with the demo content" : "");
    adopt(std::move(workbench).value(), std::move(lock).value());
    return true;
}

void Session::close()
{
    if (!m_workbench)
        return;
    Q_EMIT aboutToClose();
    spdlog::info("closing {}", str(m_workbench->path()));
    m_workbench.reset();
    m_lock.reset();
    Q_EMIT workbenchClosed();
}

void Session::adopt(std::unique_ptr<Workbench> workbench, std::unique_ptr<WorkbenchLock> lock)
{
    close();
    m_workbench = std::move(workbench);
    m_lock = std::move(lock);
    m_settings.setLastWorkbench(m_workbench->path());
    m_settings.addRecentFile(m_workbench->path());
    Q_EMIT workbenchOpened(m_workbench->path());
}

bool Session::importFile(const QString& path)
{
    if (!m_workbench)
        return fail(tr("Import failed"), tr("Open a workbench to import into first."));
    auto report = m_workbench->importFile(path);
    if (!report)
        return fail(tr("Import failed"),
                    report.error().message + u"\n\n"_s + tr("Nothing was imported."));
    const QString summary =
        tr("Imported %1: %2").arg(QFileInfo(path).fileName(), report->summary());
    spdlog::info("{}", str(summary));
    Q_EMIT notice(summary);
    return true;
}

bool Session::exportTo(const QString& path, ExportFormat format, const ExportScope& scope)
{
    if (!m_workbench)
        return fail(tr("Export failed"), tr("No workbench is open."));
    if (Status own = m_workbench->refuseOwnFile(path); !own)
        return fail(tr("Export failed"), own.error().message);
    auto bytes = format == ExportFormat::Csv ? m_workbench->exportCsv(scope)
                                             : m_workbench->exportJson(scope);
    if (!bytes)
        return fail(tr("Export failed"), bytes.error().message);
    if (Status written = writeFileAtomically(path, bytes.value()); !written)
        return fail(tr("Export failed"), written.error().message);
    spdlog::info("exported {} bytes to {}", bytes.value().size(), str(path));
    Q_EMIT notice(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

std::optional<IngestPlan> Session::planIngest(const QString& path, const QString& programme)
{
    if (!m_workbench)
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("Import Published Report"),
             tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return std::nullopt;
    }
    auto plan = fwb::planIngest(*m_workbench, programme, QString::fromUtf8(file.readAll()),
                                QFileInfo(path).fileName());
    if (!plan) {
        fail(tr("Import Published Report"), plan.error().message);
        return std::nullopt;
    }
    return std::move(plan).value();
}

qsizetype Session::forcesWithMaterial() const
{
    if (!m_workbench)
        return 0;
    QSet<QString> forces;
    for (const Programme& p : m_workbench->reader().programmes())
        for (const QString& f : m_workbench->reader().forcesWithMaterial(p.code))
            forces.insert(f);
    return forces.size();
}

Session::Counts Session::counts() const
{
    Counts c;
    if (!m_workbench)
        return c;
    const WorkbenchInfo info = m_workbench->info();
    c.forcesWithMaterial = forcesWithMaterial();
    c.findings = info.findings;
    c.judgments = info.judgments;
    return c;
}

bool Session::hasMaterial(const QString& programme, const QString& force) const
{
    return m_workbench && m_workbench->reader().forcesWithMaterial(programme).contains(force);
}

QList<QPair<QString, QString>> Session::gradedProgrammes() const
{
    QList<QPair<QString, QString>> out;
    if (m_workbench)
        for (const Programme& p : m_workbench->reader().programmes())
            if (!p.gradeScaleCode.isEmpty())
                out.push_back({p.code, p.label()});
    return out;
}

QString Session::readOnlyBadge() const
{
    if (!m_workbench)
        return {};
    return m_workbench->database().damage().isEmpty() ? tr("Read-only") : tr("Damaged — read-only");
}

QString Session::readOnlyReason() const
{
    if (!m_workbench)
        return {};
    const Reader read = m_workbench->reader();
    const QString damage = read.damageWarning();
    return damage.isEmpty() ? read.readOnlyReason() : damage;
}

QString Session::folder() const
{
    if (m_workbench)
        return QFileInfo(m_workbench->path()).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace fwb::app
