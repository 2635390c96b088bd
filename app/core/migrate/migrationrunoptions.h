#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace uaip {

// How MigrationRunner runs: its lock waits, what it records, what it refuses.
struct MigrationRunOptions
{
    int lockWaitMs = 10000; // how long to wait for another runner's advisory lock
    int lockTimeoutMs = 10000; // lock_timeout for migration statements
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
};

} // namespace uaip
