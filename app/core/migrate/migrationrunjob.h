#pragma once

#include "db/databaseidentity.h"
#include "downtarget.h"
#include "error/status.h"
#include "jobs/job.h"
#include "ledger/migration.h"
#include "ledger/runresult.h"
#include "migrationrunner.h"

#include <optional>

namespace uaip {

// Applies (up) or rolls back (down) migrations with MigrationRunner on the worker's session —
// a session of its own (JobManager::start with a spec): the migration lock is a session lock.
// Progress is per migration; the runner's notices become log lines; Cancel reaches the running
// command through the session's canceller, which leaves the database as before the interrupted
// migration.
//
// What was confirmed is what runs: with an expected identity the job refuses to run on any
// other database (cluster system identifier + name), and Options::expectedVersions makes the
// runner refuse when the plan under the lock is not the one confirmed.
class MigrationRunJob : public Job
{
    Q_OBJECT
public:
    enum class Direction { Up, Down, Baseline };

    // Up to 'to' (all pending when absent).
    static MigrationRunJob *up(const QList<Migration> &migrations,
                               const std::optional<MigrationVersion> &to,
                               const MigrationRunner::Options &options,
                               const std::optional<DatabaseIdentity> &expected = std::nullopt);
    static MigrationRunJob *down(const QList<Migration> &migrations, const DownTarget &target,
                                 const MigrationRunner::Options &options,
                                 const std::optional<DatabaseIdentity> &expected = std::nullopt);

    // Records everything up to 'version' as applied without running it (a migration generated
    // from this database's own drift).
    static MigrationRunJob *baseline(const QList<Migration> &migrations,
                                     const MigrationVersion &version,
                                     const MigrationRunner::Options &options,
                                     const std::optional<DatabaseIdentity> &expected);
    // Refused (m_result says why, and it is logged) when the session reaches another database
    // than the one the plan was confirmed for.
    Status checkTarget(const DatabaseIdentity &identity, JobContext &context);
    // The runner's steps and messages as the job's progress and log lines.
    void logProgress(MigrationRunner &runner, JobContext &context);

    Direction direction() const { return m_direction; }
    int lockWaitMs() const { return m_options.lockWaitMs; }
    // Valid after finished().
    const RunResult &result() const { return m_result; }

protected:
    Result<QString> execute(JobContext &context) override;
    // The run's message (RunResult::message): it names the migration the error is about.
    QString failureSummary(const Error &error) const override;

private:
    MigrationRunJob(const QString &title, const QList<Migration> &migrations,
                    const MigrationRunner::Options &options,
                    const std::optional<DatabaseIdentity> &expected);

    Direction m_direction = Direction::Up;
    QList<Migration> m_migrations;
    MigrationRunner::Options m_options;
    std::optional<DatabaseIdentity> m_expected;
    std::optional<MigrationVersion> m_to;
    DownTarget m_target;
    RunResult m_result;
};

} // namespace uaip
