#include "migrationrunjob.h"

#include "db/pgconnection.h"
#include "db/session.h"
#include "jobs/jobcontext.h"
#include "util/visibletext.h"

namespace uaip {

MigrationRunJob::MigrationRunJob(const QString &title, const QList<Migration> &migrations,
                                 const MigrationRunner::Options &options,
                                 const std::optional<DatabaseIdentity> &expected)
    : Job(title)
    , m_migrations(migrations)
    , m_options(options)
    , m_expected(expected)
{ }

MigrationRunJob *MigrationRunJob::up(const QList<Migration> &migrations,
                                     const std::optional<MigrationVersion> &to,
                                     const MigrationRunner::Options &options,
                                     const std::optional<DatabaseIdentity> &expected)
{
    auto *job = new MigrationRunJob(to ? tr("Apply migrations up to %1").arg(to->text())
                                       : tr("Apply all pending migrations"),
                                    migrations, options, expected);
    job->m_direction = Direction::Up;
    job->m_to = to;
    return job;
}

MigrationRunJob *MigrationRunJob::down(const QList<Migration> &migrations, const DownTarget &target,
                                       const MigrationRunner::Options &options,
                                       const std::optional<DatabaseIdentity> &expected)
{
    QString title;
    switch (target.kind) {
    case DownTarget::Kind::Steps:
        title = tr("Roll back the last %n migration(s)", nullptr, target.steps);
        break;
    case DownTarget::Kind::ToVersion:
        title = tr("Roll back to %1").arg(target.version ? target.version->text() : QString());
        break;
    case DownTarget::Kind::All:
        title = tr("Roll back every migration");
        break;
    }
    auto *job = new MigrationRunJob(title, migrations, options, expected);
    job->m_direction = Direction::Down;
    job->m_target = target;
    return job;
}

MigrationRunJob *MigrationRunJob::baseline(const QList<Migration> &migrations,
                                           const MigrationVersion &version,
                                           const MigrationRunner::Options &options,
                                           const std::optional<DatabaseIdentity> &expected)
{
    auto *job = new MigrationRunJob(tr("Record migrations up to %1 as applied").arg(version.text()),
                                    migrations, options, expected);
    job->m_direction = Direction::Baseline;
    job->m_to = version;
    return job;
}

Status MigrationRunJob::checkTarget(const DatabaseIdentity &identity, JobContext &context)
{
    if (m_expected && !(identity == *m_expected)) {
        m_result.outcome = RunResult::Outcome::Blocked;
        m_result.message
            = (m_direction == Direction::Down
                   ? tr("nothing was rolled back: this connection reaches %1, but the plan was "
                        "confirmed for %2")
                   : tr("nothing was applied: this connection reaches %1, but the plan was "
                        "confirmed for %2"))
                  .arg(identity.describe(), m_expected->describe());
        context.log(m_result.message);
        return Error(ErrorCode::Refused, m_result.message);
    }
    if (m_expected && identity.onAnotherServerThan(*m_expected)) {
        m_result.outcome = RunResult::Outcome::Blocked;
        m_result.message
            = (m_direction == Direction::Down
                   ? tr("nothing was rolled back: this connection reaches %1 on a server started "
                        "%2, but the plan was read on a server started %3 (a promoted standby or "
                        "a copy shares the cluster's identifier); check the profile's \"Direct "
                        "connection for migrations\" and read the status again")
                   : tr("nothing was applied: this connection reaches %1 on a server started %2, "
                        "but the plan was read on a server started %3 (a promoted standby or a "
                        "copy shares the cluster's identifier); check the profile's \"Direct "
                        "connection for migrations\" and read the status again"))
                  .arg(identity.describe(), identity.serverStartText(),
                       m_expected->serverStartText());
        context.log(m_result.message);
        return Error(ErrorCode::Refused, m_result.message);
    }
    return {};
}

void MigrationRunJob::logProgress(MigrationRunner &runner, JobContext &context)
{
    connect(
        &runner, &MigrationRunner::stepStarted, this,
        [&context](int index, int total, const QString &id, const QString &action) {
            context.progress(index, total,
                             action == QLatin1String("apply") ? tr("applying %1").arg(id)
                                                              : tr("rolling back %1").arg(id));
            context.log(tr("[%1/%2] %3 %4 ...").arg(index + 1).arg(total).arg(action, id));
        },
        Qt::DirectConnection);
    connect(
        &runner, &MigrationRunner::stepFinished, this,
        [&context](int index, int total, const QString &id, const QString &, bool ok, int ms) {
            context.progress(index + 1, total, id);
            context.log(
                (ok ? tr("      %1 ok (%2 ms)") : tr("      %1 FAILED (%2 ms)")).arg(id).arg(ms));
        },
        Qt::DirectConnection);
    connect(
        &runner, &MigrationRunner::message, this,
        [&context](const QString &text) { context.log(QStringLiteral("  ") + text); },
        Qt::DirectConnection);
    // the job's status line while a lock is waited for: who holds it, which attempt
    connect(
        &runner, &MigrationRunner::lockWaiting, this,
        [&context](const LockAttempt &a) {
            QStringList who;
            for (const LockBlocker &b : a.blockers)
                who << VisibleText::escaped(b.describe());
            const QString lock = VisibleText::escaped(a.lock);
            context.progress(
                0, 0,
                a.pauseMs > 0
                    ? tr("waiting for %1, held by %2 — attempt %3; the platform's "
                         "queries are not blocked")
                          .arg(lock,
                               who.isEmpty() ? tr("no session now")
                                             : who.join(QStringLiteral("; ")))
                          .arg(a.attempt)
                    : tr("%1 not obtained after %n attempt(s)", nullptr, a.attempt).arg(lock));
        },
        Qt::DirectConnection);
    // a batched statement: its rows walked as the job's progress, the batch line as its status
    connect(
        &runner, &MigrationRunner::backfillProgress, this,
        [&context](const BackfillProgress &b) {
            const int scale = b.total > 1000000 ? int(b.total / 1000000 + 1) : 1;
            context.progress(int(qMin(b.walked, b.total) / scale), int(b.total / scale),
                             VisibleText::escaped(b.describe()));
        },
        Qt::DirectConnection);
}

Result<QString> MigrationRunJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session) {
        const Error error = session.error().in(tr("cannot connect"));
        m_result.outcome = RunResult::Outcome::BadInput;
        m_result.message = error.toString();
        return error;
    }
    const DatabaseIdentity &identity = session.value()->identity();
    if (Status target = checkTarget(identity, context); !target)
        return target.error();
    PgConnection &c = session.value()->pg();
    MigrationRunner runner(c, m_migrations, m_options);
    // Only the flag: the session's canceller cancels the running command off this thread.
    const JobContext::CancelScope stop = context.onCancel([&runner] { runner.requestStop(); });
    if (context.isCancelled())
        runner.requestStop();
    logProgress(runner, context);
    context.log(tr("target: %1 as %2").arg(identity.describe(), c.user()));
    switch (m_direction) {
    case Direction::Up:
        m_result = runner.up(m_to);
        break;
    case Direction::Down:
        m_result = runner.down(m_target);
        break;
    case Direction::Baseline:
        m_result = runner.baseline(*m_to);
        break;
    }
    const bool cut = !m_result.ok() && context.connectionWasCut();
    if (cut) {
        // A stopped or unreachable server: what it does with the migration is not known here.
        m_result.outcome = RunResult::Outcome::Failed;
        m_result.cancelled = false;
        m_result.failure.reset();
        m_result.message = tr("Cancelled, but the server did not answer the cancel request in "
                              "time, so the connection was cut. The server undoes the "
                              "interrupted migration when the cancel reaches it; refresh (F5) "
                              "to see the state.");
    }
    // The user's cancel that stopped the run before a migration began (the lock, the ledger
    // read: the server's 57014 there) is a cancel too, not that step's failure.
    if (!m_result.ok() && !cut && context.isCancelled())
        m_result.cancelled = true;
    QString text = m_result.message;
    for (const QString &p : m_result.problems)
        text += QStringLiteral("\n  ") + p;
    context.log(text);
    if (!m_result.ok())
        return cut ? Error(ErrorCode::Connection, m_result.message) : m_result.error();
    return m_result.message;
}

QString MigrationRunJob::failureSummary(const Error &error) const
{
    return m_result.message.isEmpty() ? error.toString() : m_result.message;
}

} // namespace uaip
