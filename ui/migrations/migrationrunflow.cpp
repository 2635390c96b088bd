#include "migrationrunflow.h"

#include "backupgate.h"
#include "confirmer.h"
#include "insights/workloadrunobserver.h"
#include "ledger/migrationsource.h"
#include "migrate/applyforecastjob.h"
#include "migrate/migrationplanner.h"
#include "migrate/migrationrunjob.h"
#include "migrate/rollbackpreviewjob.h"
#include "migrationactions.h"
#include "runresulttext.h"

#include <QAction>
#include <QCoreApplication>

namespace uaip {

MigrationRunFlow::MigrationRunFlow(const MigrationSource &source, const MigrationActions *actions,
                                   BackupGate *backup, std::function<Confirmer *()> confirmer,
                                   QWidget *parent)
    : QObject(parent)
    , m_source(source)
    , m_actions(actions)
    , m_backup(backup)
    , m_confirmer(std::move(confirmer))
    , m_parent(parent)
{ }

void MigrationRunFlow::setTarget(const std::optional<SessionSpec> &spec)
{
    ++m_generation;
    if (m_asking)
        m_confirmer()->dismiss();
    m_makeRun = nullptr;
    m_target = spec;
    m_profile = spec ? spec->profile : ConnectionProfile{};
}

void MigrationRunFlow::apply(const std::optional<QString> &to,
                             const QList<MigrationStatus> &statuses,
                             const DatabaseIdentity &identity)
{
    std::optional<MigrationVersion> version;
    if (to) {
        const auto parsed = MigrationVersion::parse(*to);
        if (!parsed) {
            emit message(tr("\"%1\" is not a version").arg(*to), true);
            return;
        }
        version = *parsed;
    }
    if (!isConnected())
        return;
    // The run must reach the database the status was read from; after "Back up first" it must
    // also apply exactly what was pending when the user asked (the backup is of that state).
    std::optional<QStringList> versions;
    if (m_backup->wanted()) {
        versions = QStringList();
        for (const MigrationStatus &s : MigrationPlanner::planUp(statuses, version))
            versions->append(s.migration ? s.migration->version.text() : s.version);
    }
    m_makeRun = [this, version, identity, versions](int lockWaitMs) {
        MigrationRunOptions options = runnerOptions(lockWaitMs);
        options.expectedVersions = versions;
        return MigrationRunJob::up(m_source.migrations(), version, options, identity);
    };
    // first what it would lock on the live database, for the confirmation
    auto *forecast = new ApplyForecastJob(MigrationPlanner::planUp(statuses, version),
                                          runnerOptions(m_lockWaitMs).maxBlockingRows);
    const int generation = m_generation;
    connect(forecast, &Job::finished, this,
            [this, forecast, generation](bool ok, const QString &summary) {
                if (generation != m_generation)
                    return; // a forecast of another target: never confirmed, never run
                onForecastFinished(*forecast, ok, summary);
            });
    emit started(forecast, m_target->withPurpose(QStringLiteral("apply forecast")));
}

void MigrationRunFlow::onForecastFinished(const ApplyForecastJob &forecast, bool ok,
                                          const QString &summary)
{
    emit jobEnded();
    if (!ok) {
        emit message(
            forecast.isCancelled()
                ? tr("Apply cancelled; nothing was changed.")
                : tr("The apply's lock forecast failed, nothing was changed: %1").arg(summary),
            !forecast.isCancelled());
        emit finished(false, false);
        return;
    }
    m_asking = true;
    const int generation = m_generation;
    const bool confirmed
        = m_confirmer()->confirmApply(m_parent, forecast.forecast(), forecast.refused());
    m_asking = false;
    if (generation != m_generation)
        return; // the target changed while the question was open
    if (!confirmed) {
        emit message(tr("Apply not confirmed; nothing was changed."), false);
        emit finished(false, false);
        return;
    }
    applyConfirmed();
}

void MigrationRunFlow::applyConfirmed()
{
    if (m_backup->wanted()) {
        const int generation = m_generation;
        m_backup->run(m_confirmer(), *m_target, m_profile.database, [this, generation] {
            if (generation != m_generation)
                return; // the target changed during the backup: that apply is off
            startRun(m_makeRun(m_lockWaitMs));
        });
        return;
    }
    startRun(m_makeRun(m_lockWaitMs));
}

void MigrationRunFlow::rollBack(const DownTarget &target, const QString &what)
{
    if (!isConnected())
        return;
    auto *preview = new RollbackPreviewJob(m_source.migrations(), target, m_lockWaitMs,
                                           m_actions->singleTransaction->isChecked());
    const int generation = m_generation;
    connect(preview, &Job::finished, this,
            [this, preview, what, generation](bool ok, const QString &summary) {
                if (generation != m_generation)
                    return; // a preview of another target: never confirmed, never run
                onPreviewFinished(*preview, ok, summary, what);
            });
    emit started(preview, m_target->withPurpose(QStringLiteral("rollback preview")));
}

void MigrationRunFlow::onPreviewFinished(const RollbackPreviewJob &preview, bool ok,
                                         const QString &summary, const QString &what)
{
    const RollbackImpact impact = preview.impact();
    const DatabaseIdentity identity = preview.identity();
    const auto failed = preview.failure();
    const DownTarget down = preview.target();
    emit jobEnded();
    if (!ok && preview.isCancelled()) {
        emit message(tr("Rollback preview cancelled; nothing was changed."), false);
        emit finished(false, false);
        return;
    }
    if (!ok) {
        emit message(tr("The rollback preview failed, nothing was changed:\n%1")
                         .arg(failed ? RunResultText::failure(*failed) : summary),
                     true);
        emit failure(failed);
        emit finished(false, false);
        return;
    }
    if (impact.migrations.isEmpty()) {
        // The ledger changed since the last refresh (another session rolled
        // back): never offer an empty rollback.
        emit message(down.kind == DownTarget::Kind::ToVersion && down.version
                         ? tr("Nothing to roll back: no migration is applied after %1.")
                               .arg(down.version->text())
                         : tr("Nothing to roll back: no migration is applied."),
                     false);
        emit finished(false, true);
        return;
    }
    emit previewReady();
    confirmRollback(impact, down, identity, what);
}

void MigrationRunFlow::confirmRollback(const RollbackImpact &impact, const DownTarget &down,
                                       const DatabaseIdentity &identity, const QString &what)
{
    const int generation = m_generation;
    m_asking = true;
    const bool confirmed
        = m_confirmer()->confirmRollback(m_parent, what, impact, m_profile, m_profile.database);
    m_asking = false;
    if (generation != m_generation)
        return; // the target changed while the question was open: nothing runs
    if (!confirmed) {
        emit message(tr("Rollback not confirmed; nothing was changed."), false);
        emit finished(false, false);
        return;
    }
    // Exactly what was previewed, on the database it was previewed on.
    const QStringList versions = impact.versions;
    m_makeRun = [this, down, versions, identity](int lockWaitMs) {
        MigrationRunOptions options = runnerOptions(lockWaitMs);
        options.expectedVersions = versions;
        return MigrationRunJob::down(m_source.migrations(), down, options, identity);
    };
    startRun(m_makeRun(m_lockWaitMs));
}

void MigrationRunFlow::recordAsApplied(const MigrationVersion &version,
                                       const DatabaseIdentity &identity)
{
    m_makeRun = [this, version, identity](int lockWaitMs) {
        return MigrationRunJob::baseline(m_source.migrations(), version, runnerOptions(lockWaitMs),
                                         identity);
    };
    startRun(m_makeRun(m_lockWaitMs));
}

MigrationRunOptions MigrationRunFlow::runnerOptions(int lockWaitMs) const
{
    MigrationRunOptions options;
    options.observer = std::make_shared<WorkloadRunObserver>();
    options.lockWaitMs = lockWaitMs;
    options.poolerFix = m_profile.migrationDirect.trimmed().isEmpty()
        ? tr("set \"Direct connection for migrations\" in the connection profile (the server's "
             "host:port, bypassing the pooler)")
        : tr("the profile's \"Direct connection for migrations\" (%1) goes through a pooler "
             "too: give the server's own host:port")
              .arg(m_profile.migrationDirect);
    options.client = QStringLiteral("uaip-admin %1").arg(QCoreApplication::applicationVersion());
    options.singleTransaction = m_actions->singleTransaction->isChecked();
    return options;
}

void MigrationRunFlow::startRun(MigrationRunJob *job)
{
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation] {
        if (generation == m_generation)
            onRunFinished(job->result(), job);
    });
    // A session of its own: the migration lock is held by the session. Over the profile's
    // direct connection when it has one (bypassing a pooler): the job checks that it reaches
    // the database whose status was read (the same system identifier and database).
    SessionSpec spec = m_target->withPurpose(QStringLiteral("migrate"));
    spec.profile = spec.profile.forMigrations();
    emit started(job, spec);
}

void MigrationRunFlow::onRunFinished(const RunResult &resultRef, MigrationRunJob *job)
{
    const RunResult result = resultRef; // the job may go away while a dialog is open
    emit jobEnded();
    emit message(RunResultText::describe(result), !result.ok() && !result.cancelled);
    emit failure(result.cancelled ? std::nullopt : result.failure);
    if (result.outcome == RunResult::Outcome::LockTimeout && result.lockHolder) {
        const int waited = job->lockWaitMs();
        const int generation = m_generation;
        m_asking = true;
        const bool wait = m_confirmer()->waitForLock(m_parent, *result.lockHolder, waited);
        m_asking = false;
        if (generation != m_generation)
            return;
        if (wait) {
            const int longer = qMin(qMax(waited, 1000) * 4, 10 * 60 * 1000);
            emit message(tr("Waiting up to %1 s for the migration lock ...").arg(longer / 1000),
                         false);
            startRun(m_makeRun(longer));
            return;
        }
        emit message(
            tr("Gave up: the migration lock is held by %1").arg(result.lockHolder->describe()),
            true);
    }
    emit finished(result.ok(), true);
}

} // namespace uaip
