#pragma once

#include "ledger/ledgerentry.h"
#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "migrationrunoptions.h"
#include "repairchoice.h"
#include "runprogress.h"

#include <QCoreApplication>
#include <QList>
#include <atomic>
#include <optional>

namespace uaip {

class MigrationRunSession;
class PgConnection;

// MigrationRunner's repair (uaip-migrate repair): re-recorded checksums of modified
// migrations, or one decision about a failed no-transaction run (resume it, mark it done,
// forget it) or an applied migration whose folder is gone. Failed runs are never cleared
// without a decision.
class MigrationRepair
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationRepair)

public:
    MigrationRepair(PgConnection &connection, MigrationRunSession &session,
                    const MigrationRunOptions &options, std::atomic_bool &cancelled,
                    RunProgress progress);

    RunResult repair(const RepairChoice &choice);

private:
    RunResult decide(const RepairChoice &choice, const QList<MigrationStatus> &statuses);
    // The rest of a failed no-transaction run, from where its row says it stopped.
    RunResult resume(const MigrationStatus &status, bool rollback);
    // --mark-done while an index that the run's statements create is invalid (a CREATE INDEX
    // CONCURRENTLY that did not finish, ConcurrentIndexLeftovers::builtBy): refused (Blocked),
    // naming each with the command that drops it; true when result was filled.
    bool refuseInvalidIndexes(RunResult &result, const MigrationStatus &status, bool rollback);
    RunResult forgetMissing(const MigrationStatus &status, const QList<MigrationStatus> &seen);
    // A repair's decision in one transaction: the row written (or removed, without one) and
    // its event.
    RunResult recordDecision(const MigrationStatus &status, const std::optional<LedgerEntry> &row,
                             const QString &checksum, const QString &what,
                             const QList<MigrationStatus> &seen);

    PgConnection &m_connection;
    MigrationRunSession &m_session;
    const MigrationRunOptions &m_options;
    std::atomic_bool &m_cancelled;
    RunProgress m_progress;
};

} // namespace uaip
