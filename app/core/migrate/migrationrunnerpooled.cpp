// MigrationRunner behind a connection pooler (ServerTopology::pooled): no session-level lock,
// so every write transaction takes the lock itself and finds the ledger as the run planned it,
// or plans again (migrationrunner.cpp holds the runs themselves).
#include "migrationrunner.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transactionguard.h"
#include "ledger.h"
#include "migrationlock.h"
#include "migrationplanner.h"

#include <algorithm>

namespace uaip {

namespace {

// What a plan run decides by: each migration's version and state, and the ledger's checksums.
bool sameLedger(const QList<MigrationStatus> &a, const QList<MigrationStatus> &b)
{
    auto key = [](const MigrationStatus &s) {
        return s.version + u'|' + QString::number(int(s.state)) + u'|'
            + (s.entry ? s.entry->checksum + u'|' + s.entry->downChecksum : QString());
    };
    return std::equal(
        a.cbegin(), a.cend(), b.cbegin(), b.cend(),
        [&](const MigrationStatus &x, const MigrationStatus &y) { return key(x) == key(y); });
}

} // namespace

bool MigrationRunner::refuseNoTransactionBehindPooler(RunResult &result,
                                                      const QList<MigrationStatus> &plan,
                                                      bool up) const
{
    if (!pooled())
        return false;
    for (const MigrationStatus &s : plan) {
        if (!s.migration
            || !(up ? s.migration->upDirectives : s.migration->downDirectives).noTransaction)
            continue;
        result.outcome = RunResult::Outcome::BadInput;
        result.message
            = (up ? tr("nothing was applied: %1 runs without a transaction (uaip:no-transaction), "
                       "statement by statement, and needs one server session for all of them; "
                       "this connection goes through %2, which may give each transaction "
                       "another server session. Run the migrations over a direct connection to "
                       "the server: %3.")
                  : tr("nothing was rolled back: %1 runs without a transaction "
                       "(uaip:no-transaction), statement by statement, and needs one server "
                       "session for all of them; this connection goes through %2, which may "
                       "give each transaction another server session. Run the migrations over a "
                       "direct connection to the server: %3."))
                  .arg(s.id(), m_topology.poolerDescription(),
                       m_options.poolerFix.isEmpty()
                           ? tr("--db with its host and port (in the GUI, the profile's \"Direct "
                                "connection for migrations\")")
                           : m_options.poolerFix);
        return true;
    }
    return false;
}

bool MigrationRunner::replanUp(RunResult &result, const std::optional<MigrationVersion> &to,
                               QList<MigrationStatus> *plan)
{
    m_planChanged = false;
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
    QStringList rolledBack = m_ledgerRows;
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
    m_ledgerRows.clear();
    for (const LedgerEntry &e : read.value())
        m_ledgerRows << e.version;
    const QList<MigrationStatus> statuses = MigrationPlanner::status(m_migrations, read.value());
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
        && (refuseBadPlan(result, next, true, m_options.singleTransaction)
            || refuseNoTransactionBehindPooler(result, next, true)))
        return false;
    *plan = next;
    return true;
}

bool MigrationRunner::beginWrites(RunResult &result, TransactionGuard &transaction,
                                  const QList<MigrationStatus> &seen, const QString &failedFormat)
{
    // Behind a pooler READ COMMITTED whatever the role's default: the step check's snapshot is
    // then taken after the lock is granted (MigrationLock::kTransactionBegin).
    const QByteArray command
        = pooled() ? QByteArray(MigrationLock::kTransactionBegin) : QByteArrayLiteral("BEGIN");
    if (DbStatus begun = transaction.begin(command); !begun) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = failedFormat.arg(begun.error().toString());
        return false;
    }
    if (!pooled())
        return true; // the session-level lock is held since begin()
    MigrationLock lock(m_connection);
    const DbResult<MigrationLock::Result> locked
        = lock.lockTransaction(m_options.lockWaitMs, &m_cancelled);
    if (!locked || locked.value() != MigrationLock::Result::Acquired) {
        transaction.rollback();
        if (!locked) {
            result.outcome = RunResult::Outcome::BadInput;
            result.message = locked.error().toString();
        } else if (locked.value() == MigrationLock::Result::TimedOut) {
            lock.readHolder();
            result.outcome = RunResult::Outcome::LockTimeout;
            result.message = lock.timedOutMessage();
            result.lockHolder = lock.holder();
        } else {
            result.outcome = RunResult::Outcome::Failed;
            result.cancelled = true;
            result.message = tr("cancelled while waiting for the migration lock");
        }
        return false;
    }
    m_connection.exec(SqlResource::get(QStringLiteral("migrate/sql/set_lock_timeout.sql")),
                      {QStringLiteral("%1ms").arg(m_options.lockTimeoutMs), true});
    // begin() read the ledger before this transaction held the lock: it must still say that
    auto read = Ledger(m_connection, m_options.client).entries();
    if (read && sameLedger(MigrationPlanner::status(m_migrations, read.value()), seen))
        return true;
    transaction.rollback();
    result.outcome = read ? RunResult::Outcome::Blocked : RunResult::Outcome::Failed;
    result.message = read ? tr("nothing was changed: another run changed the ledger meanwhile; "
                               "run 'status' and decide again")
                          : tr("nothing was changed: the ledger could not be read under the "
                               "lock: %1")
                                .arg(read.error().toString());
    return false;
}

} // namespace uaip
