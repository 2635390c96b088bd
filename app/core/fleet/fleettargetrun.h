#pragma once

#include "db/databaseidentity.h"
#include "error/result.h"
#include "fleetoptions.h"
#include "fleettarget.h"
#include "fleettargetresult.h"
#include "ledger/migration.h"
#include "ledger/migrationstatus.h"

#include <QCoreApplication>
#include <QMutex>

#include <atomic>
#include <memory>

namespace uaip {

class FleetExpectedSchemas;
class MigrationRunner;
class ServerTopology;
class SessionCanceller;

// One target's part of a fleet run, on one session of its own: exactly the single-database
// engine (MigrationRunner's status, up, down with their plan check, lock and ledger), or the
// drift comparison. Runs on a pool thread; cancel() from any thread.
class FleetTargetRun
{
    Q_DECLARE_TR_FUNCTIONS(uaip::FleetTargetRun)

public:
    FleetTargetRun(const FleetTarget &target, const FleetOptions &options,
                   const QList<Migration> &migrations, FleetExpectedSchemas *expected);
    ~FleetTargetRun();

    FleetTargetResult run();
    // Thread-safe, never blocks: the engine stops before its next step and the running
    // statement is cancelled through the session's canceller.
    void cancel();

    // Connects and reads which database the target is (fleet_identity.sql); an error when there
    // is no connection.
    static Result<DatabaseIdentity> identify(const FleetTarget &target,
                                             const FleetOptions &options);

private:
    void readLevels(const QList<MigrationStatus> &statuses, FleetTargetResult &r) const;
    // The command on the target's session: the state run() finishes with.
    FleetTargetResult::State runCommand(class PgConnection &connection, MigrationRunner &runner,
                                        const ServerTopology &topology,
                                        const QList<MigrationStatus> &statuses,
                                        FleetTargetResult &r);
    void runUp(class PgConnection &connection, MigrationRunner &runner,
               const QList<MigrationStatus> &statuses, FleetTargetResult &r);
    // up --dry-run: the plan's lock forecast on this target (its live sizes, who holds a
    // conflicting lock now), and the refusal the real run would give (BlockingWorkGate).
    void forecastUp(class PgConnection &connection, const QList<MigrationStatus> &plan,
                    FleetTargetResult &r) const;
    void runDown(MigrationRunner &runner, const QList<MigrationStatus> &statuses,
                 FleetTargetResult &r);
    void runDrift(class PgConnection &connection, FleetTargetResult &r);

    const FleetTarget &m_target;
    const FleetOptions &m_options;
    const QList<Migration> &m_migrations;
    FleetExpectedSchemas *m_expected;
    QMutex m_mutex; // guards m_runner and m_canceller against cancel()
    MigrationRunner *m_runner = nullptr;
    std::shared_ptr<SessionCanceller> m_canceller;
    std::atomic_bool m_cancelled{false};
};

} // namespace uaip
