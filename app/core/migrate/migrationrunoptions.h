#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <memory>
#include <optional>

namespace uaip {

class RunObserver;

// How MigrationRunner runs: its lock waits, what it records, what it refuses.
struct MigrationRunOptions
{
    int lockWaitMs = 10000; // how long to wait for another runner's advisory lock
    // How long a migration goes on trying for its table locks (--lock-timeout): each attempt
    // waits at most lockAttemptMs (its lock_timeout), then the migration's transaction is rolled
    // back, so nothing queues behind it, and sent again after a pause (LockRetry).
    int lockTimeoutMs = 120000;
    QString client; // recorded in the ledger: tool, version, host
    // The exact plan a human previewed and confirmed (versions in the order they run):
    // up() and down() refuse, changing nothing, when the plan under the lock differs
    // (another runner applied or rolled back a migration meanwhile).
    std::optional<QStringList> expectedVersions;
    // up() applies a pending migration older than the newest applied one (Flyway's
    // outOfOrder); refused by default.
    bool allowOutOfOrder = false;
    // up() and down() run the whole plan in one transaction (psql -1, Flyway's group):
    // all migrations commit or none does. A plan with a no-transaction script is refused.
    bool singleTransaction = false;
    // What the refusal of a no-transaction migration behind a pooler names as the fix;
    // empty: uaip-migrate's --db (the GUI names the profile's direct connection field).
    QString poolerFix = QString();
    int lockAttemptMs = 200; // --lock-attempt: one attempt's lock_timeout
    // --statement-timeout: no statement of a migration runs longer (its lock held without end);
    // 0: none of the runner's (the role's or database's own stays). A migration's
    // uaip:statement-timeout is its own.
    int statementTimeoutMs = 0;
    // --max-blocking-rows: a statement that blocks writes (or reads) while it scans or rewrites
    // an existing table of more rows is refused before the run starts (BlockingWorkGate); -1:
    // not looked for (uaip-migrate --max-blocking-rows off; never on a production profile).
    qint64 maxBlockingRows = 100000;
    // --force-contract REASON: up runs the contract of an online change although ContractGate
    // refuses it; the reason and what it overrode go into the contract's ledger event
    // (force_contract). Empty: refused.
    QString forceContract = QString();
    // Told before an up run's first step (RunObserver): uaip-migrate, the GUI and the fleet
    // pass insights' WorkloadRunObserver; none: nothing but the run.
    std::shared_ptr<RunObserver> observer = nullptr;

    // One attempt's lock_timeout: at most the budget, and never 0 (PostgreSQL's "wait forever").
    int attemptMs() const { return qBound(1, lockAttemptMs, qMax(1, lockTimeoutMs)); }
};

} // namespace uaip
