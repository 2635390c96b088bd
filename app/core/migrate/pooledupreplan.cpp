#include "pooledupreplan.h"
#include "db/pgconnection.h"

#include "ledger/ledger.h"
#include "migrationplanner.h"
#include "migrationrunsession.h"
#include "plangate.h"

#include <algorithm>

namespace uaip {

PooledUpReplan::PooledUpReplan(PgConnection &connection, const QList<Migration> &migrations,
                               const MigrationRunOptions &options, MigrationRunSession &session)
    : m_connection(connection)
    , m_migrations(migrations)
    , m_options(options)
    , m_session(session)
{ }

bool PooledUpReplan::replan(RunResult &result, const std::optional<MigrationVersion> &to,
                            QList<MigrationStatus> *plan)
{
    const int applied = int(result.steps.size());
    auto read = Ledger(m_connection, m_options.client).entries();
    if (!read) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("applied %n migration(s), then the ledger could not be read again: %1",
                            nullptr, applied)
                             .arg(read.error().toString());
        return false;
    }
    // Another run may go on where this one stopped only if it did steps of its own direction:
    // a row this run left in the ledger and now gone was rolled back meanwhile (a down between
    // this up's steps), and going on would interleave the two into a state neither order gives.
    QStringList rolledBack = m_session.ledgerRows();
    for (const LedgerEntry &e : read.value())
        rolledBack.removeAll(e.version);
    if (!rolledBack.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("applied %n migration(s), then stopped: another run rolled back %1 "
                            "meanwhile; run 'status' and decide again",
                            nullptr, applied)
                             .arg(rolledBack.join(QStringLiteral(", ")));
        return false;
    }
    m_session.ledgerRows().clear();
    for (const LedgerEntry &e : read.value())
        m_session.ledgerRows() << e.version;
    const QList<MigrationStatus> statuses
        = MigrationPlanner::status(m_migrations, read.value(), m_connection.serverVersion());
    const QStringList blockers = MigrationPlanner::blockers(statuses)
        + MigrationPlanner::upBlockers(statuses, m_options.allowOutOfOrder);
    if (!blockers.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("applied %n migration(s), then another run left migrations that need "
                            "attention:",
                            nullptr, applied);
        result.problems = blockers;
        return false;
    }
    const QList<MigrationStatus> next = MigrationPlanner::planUp(statuses, to);
    auto within = [](const QList<MigrationStatus> &part, const QStringList &versions) {
        return std::all_of(part.cbegin(), part.cend(),
                           [&](const MigrationStatus &s) { return versions.contains(s.version); });
    };
    QStringList checked;
    for (const MigrationStatus &s : *plan)
        checked << s.version;
    // what a human confirmed (the GUI): only steps of that plan may run, as before the first
    if (m_options.expectedVersions && !within(next, *m_options.expectedVersions)) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("applied %n migration(s), then stopped: another run changed the "
                            "ledger, and the plan is not the one that was confirmed any more",
                            nullptr, applied);
        return false;
    }
    // steps the first plan check did not see are checked now, before any of them runs
    if (!within(next, checked)
        && (PlanGate::refuseBadPlan(result, next, true, m_options.singleTransaction)
            || PlanGate::refuseNoTransactionBehindPooler(result, next, true, m_session.topology(),
                                                         m_options.poolerFix)))
        return false;
    *plan = next;
    return true;
}

} // namespace uaip
