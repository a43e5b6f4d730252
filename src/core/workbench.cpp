#include "core/workbench.h"

#include "core/reader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>
#include <spdlog/spdlog.h>

namespace fwb {

Workbench::Workbench(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

struct Workbench::DamageCheckRun {
    std::atomic<bool> stop{false};
    DamageCheck result;
    QThread* thread = nullptr;
};

Workbench::~Workbench()
{
    if (m_check && m_check->thread) {
        m_check->stop = true;
        m_check->thread->wait();
        delete m_check->thread;
    }
}

void Workbench::checkForDamageLater(int budgetMs)
{
    if (budgetMs <= 0 || m_check)
        return;
    auto run = std::make_shared<DamageCheckRun>();
    m_check = run;
    const QString file = m_db->path();
    run->thread = QThread::create([run, file, budgetMs] {
        run->result = Database::checkForDamage(file, budgetMs, &run->stop);
    });
    connect(run->thread, &QThread::finished, this, [this, run] {
        run->thread->deleteLater();
        run->thread = nullptr;
        const DamageCheck& r = run->result;
        if (!r.error.isEmpty())
            spdlog::warn("could not check {} for damaged pages: {}", path().toStdString(),
                         r.error.toStdString());
        else if (!r.complete)
            spdlog::info("the check of {} for damaged pages stopped after {} ms (its budget) "
                         "with none found so far; the rest of the file was not checked",
                         path().toStdString(), r.ms);
        else
            spdlog::debug("checked {} for damaged pages in {} ms, after it was opened",
                          path().toStdString(), r.ms);
        if (r.damage.isEmpty())
            return;
        m_db->noteDamage(r.damage);
        Q_EMIT damageFound(m_db->damageWarning());
    });
    run->thread->start(QThread::LowPriority);
}

bool Workbench::isCheckingForDamage() const
{
    return m_check && m_check->thread;
}

Reader Workbench::reader() const
{
    return Reader(*this);
}

QString Workbench::actor()
{
    QString user = qEnvironmentVariable("FWB_USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

namespace {
QStringList jsonFilesIn(const QString& dir)
{
    QStringList out;
    for (const QString& name :
         QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << dir + QLatin1Char('/') + name;
    return out;
}
} // namespace

QStringList Workbench::bundledReferenceFiles()
{
    // Forces before grade scales before the frameworks that use them.
    QStringList files = jsonFilesIn(QStringLiteral(":/data/reference"));
    std::sort(files.begin(), files.end(), [](const QString& a, const QString& b) {
        return a.endsWith(QLatin1String("forces.json")) > b.endsWith(QLatin1String("forces.json"));
    });
    return files + jsonFilesIn(QStringLiteral(":/data/frameworks"));
}

QStringList Workbench::bundledDemoFiles()
{
    return jsonFilesIn(QStringLiteral(":/data/demo"));
}

Result<std::unique_ptr<Workbench>> Workbench::open(const QString& path, const OpenOptions& options)
{
    auto db = Database::open(path, options);
    if (!db)
        return db.error();
    return std::unique_ptr<Workbench>(new Workbench(std::move(db).value()));
}

Result<std::unique_ptr<Workbench>> Workbench::create(const QString& path,
                                                     const CreateOptions& options)
{
    QStringList files = bundledReferenceFiles();
    if (options.demo)
        files += bundledDemoFiles();
    auto populate = [&](Database& db) -> Status {
        if (Status s = WorkbenchRepository(db).recordCreation(
                QStringLiteral("Findings Workbench " FWB_VERSION));
            !s)
            return s;
        for (const QString& f : files) {
            QFile file(f);
            if (!file.open(QIODevice::ReadOnly))
                return Error::make(Error::Code::Internal,
                                   QStringLiteral("bundled data missing: %1").arg(f));
            auto r = transfer::importJson(db, file.readAll(), QFileInfo(f).fileName(), actor());
            if (!r)
                return r.error();
        }
        return {};
    };
    auto db = Database::create(path, populate, options.open);
    if (!db)
        return db.error();
    return std::unique_ptr<Workbench>(new Workbench(std::move(db).value()));
}

WorkbenchInfo Workbench::info() const
{
    WorkbenchInfo i;
    static_cast<RecordCounts&>(i) = WorkbenchRepository(*m_db).counts();
    i.schemaVersion = m_db->schemaVersion();
    i.path = m_db->path();
    i.readOnly = m_db->isReadOnly();
    i.readOnlyReason = m_db->readOnlyReason();
    i.damage = m_db->damage();
    return i;
}

Result<ImportReport> Workbench::importFile(const QString& sourcePath)
{
    QFile file(sourcePath);
    if (!file.exists())
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("No such file: %1").arg(QDir::toNativeSeparators(sourcePath)));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(
            Error::Code::Io,
            QStringLiteral("Cannot read %1: %2").arg(sourcePath, file.errorString()));
    return importData(file.readAll(), QFileInfo(sourcePath).fileName());
}

void Workbench::notifyChanged(const ChangeSet& announced)
{
    if (announced.isEmpty())
        return;
    ChangeSet changes = announced;
    if (changes.origin().actor.isEmpty())
        changes.setOrigin({actor(), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    // Two lines: one for a person reading the log, and the record itself, whole, for a script
    // (FWB_LOG=1 FWB_LOG_LEVEL=1 fwb … writes them to stderr; take what follows "change record: ").
    if (spdlog::default_logger_raw()->should_log(spdlog::level::debug)) {
        spdlog::debug("workbench changed: {}", describe(changes).toStdString());
        spdlog::debug("change record: {}",
                      QJsonDocument(changes.toJson()).toJson(QJsonDocument::Compact).toStdString());
    }
    Q_EMIT changed(changes);
}

Result<ImportReport> Workbench::importData(const QByteArray& data, const QString& name)
{
    const QByteArray head = data.left(64).trimmed();
    const bool json = head.startsWith('{') || head.startsWith("\xEF\xBB\xBF{") ||
                      name.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    auto r = json ? transfer::importJson(*m_db, data, name, actor())
                  : transfer::importJudgmentsCsv(*m_db, data, name, actor());
    if (r && (r->inserted || r->updated))
        notifyChanged(ChangeSet::everything());
    return r;
}

Result<QByteArray> Workbench::exportJson(const ExportScope& scope) const
{
    return transfer::exportJson(*m_db, scope);
}
Result<QByteArray> Workbench::exportCsv(const ExportScope& scope) const
{
    return transfer::exportJudgmentsCsv(*m_db, scope);
}

Status Workbench::refuseOwnFile(const QString& target) const
{
    return refuseOwnFile(path(), target);
}

Status Workbench::refuseOwnFile(const QString& workbenchPath, const QString& target)
{
    auto resolved = [](const QString& p) {
        const QFileInfo info(p);
        const QString canonical = info.canonicalFilePath(); // empty when it does not exist
        return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
    };
    const QString own = resolved(workbenchPath);
    const QString out = resolved(target);
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"})
        if (out == own + QLatin1String(suffix))
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("%1 is the workbench's own file; choose another name")
                                   .arg(QDir::toNativeSeparators(target)));
    return {};
}

} // namespace fwb
