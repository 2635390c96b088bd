#include "migrationrunsession.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/ledger.h"
#include "ledger/migrationlock.h"
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

MigrationRunSession::MigrationRunSession(PgConnection &connection,
                                         const QList<Migration> &migrations,
                                         const MigrationRunOptions &options,
                                         std::atomic_bool &cancelled)
    : m_connection(connection)
    , m_migrations(migrations)
    , m_options(options)
    , m_cancelled(cancelled)
{ }

void MigrationRunSession::resetLockTimeout() const
{
    if (m_connection.isOpen() && !pooled()) {
        m_connection.exec(SqlResource::of("migrate", "reset_lock_timeout"));
        if (m_options.statementTimeoutMs > 0)
            m_connection.exec(SqlResource::of("migrate", "reset_statement_timeout"));
    }
}

bool MigrationRunSession::begin(RunResult &result, MigrationLock &lock,
                                QList<MigrationStatus> *statuses)
{
    // Where this connection goes decides how the lock is held: behind a pooler the session is
    // not one server session, so the lock is taken by each transaction (MigrationLock::Scope).
    // A standby takes no writes: refused before anything else.
    const Result<ServerTopology> topology = ServerTopology::read(m_connection);
    if (!topology)
        return failed(result, topology.error());
    m_topology = topology.value();
    // refused before anything is asked of the server (exit 2, code refused); a read-only
    // session this cannot see (a role's default_transaction_read_only) fails at its first
    // write with the server's 25006
    if (const QString refusal = m_topology.writeRefusal(); !refusal.isEmpty())
        return failed(result,
                      Error(ErrorCode::Refused, tr("nothing was changed: %1").arg(refusal)));
    if (m_connection.keptReadOnly())
        return failed(result,
                      Error(ErrorCode::Refused,
                            tr("nothing was changed: this connection is read-only (a read-only "
                               "profile, or default_transaction_read_only asked for in its "
                               "options)")));
    if (!takeLock(result, lock))
        return false;
    Ledger ledger(m_connection, m_options.client);
    // A database without a ledger gets one only when something is written (ensureLedger): a
    // refused plan leaves it as it was.
    const Result<bool> found = ledger.exists();
    m_ledgerMissing = found.ok() && !found.value();
    const std::optional<int> lockEach
        = pooled() ? std::optional<int>(m_options.lockWaitMs) : std::nullopt;
    if (const Status ensured = m_ledgerMissing ? Status() : ledger.ensure(lockEach); !ensured)
        return failed(result, ensured.error());
    QList<LedgerEntry> entries;
    if (!m_ledgerMissing) {
        auto read = ledger.entries();
        if (!read)
            return failed(result, read.error().in(tr("cannot read the migration ledger")));
        entries = read.take();
    }
    *statuses = MigrationPlanner::status(m_migrations, entries, m_connection.serverVersion());
    m_ledgerRows.clear();
    for (const LedgerEntry &e : entries)
        m_ledgerRows << e.version;
    return true;
}

bool MigrationRunSession::failed(RunResult &result, const Error &error) const
{
    result.fail(error);
    // the user's cancel that reached a statement of the server (its 57014) is a cancel
    if (m_cancelled.load() && error.sqlState() == QLatin1String("57014")) {
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = true;
    }
    result.connectionLost = !m_connection.isOpen();
    return false;
}

bool MigrationRunSession::takeLock(RunResult &result, MigrationLock &lock)
{
    const Result<MigrationLock::Outcome> acquired = lock.acquire(
        m_options.lockWaitMs, &m_cancelled,
        pooled() ? MigrationLock::Scope::Transaction : MigrationLock::Scope::Session);
    if (!acquired)
        return failed(result, acquired.error());
    switch (acquired.value()) {
    case MigrationLock::Outcome::Acquired:
        break;
    case MigrationLock::Outcome::TimedOut:
        result.outcome = RunResult::Outcome::LockTimeout;
        result.message = lock.timedOutMessage();
        result.lockHolder = lock.holder();
        return false;
    case MigrationLock::Outcome::Cancelled:
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = true;
        result.message = tr("cancelled while waiting for the migration lock");
        return false;
    }
    // the ledger reads and writes under the lock wait at most one lock attempt, like migrations
    // (behind a pooler each transaction sets its own)
    if (!pooled() && m_options.attemptMs() != qMax(1, m_options.lockWaitMs))
        m_connection.exec(SqlResource::of("db", "set_lock_timeout"),
                          {QStringLiteral("%1ms").arg(m_options.attemptMs()), false});
    if (!pooled() && m_options.statementTimeoutMs > 0)
        m_connection.exec(SqlResource::of("migrate", "set_statement_timeout"),
                          {QStringLiteral("%1ms").arg(m_options.statementTimeoutMs), false});
    return true;
}

bool MigrationRunSession::ensureLedger(RunResult &result)
{
    if (!m_ledgerMissing)
        return true;
    const std::optional<int> lockEach
        = pooled() ? std::optional<int>(m_options.lockWaitMs) : std::nullopt;
    if (const Status ensured = Ledger(m_connection, m_options.client).ensure(lockEach); !ensured)
        return failed(result, ensured.error());
    m_ledgerMissing = false;
    return true;
}

bool MigrationRunSession::beginWrites(RunResult &result, Transaction &transaction,
                                      const QList<MigrationStatus> &seen,
                                      const QString &failedFormat)
{
    // Behind a pooler READ COMMITTED whatever the role's default: the step check's snapshot is
    // then taken after the lock is granted (MigrationLock::transactionOptions).
    if (Status begun
        = transaction.begin(pooled() ? MigrationLock::transactionOptions() : TransactionOptions());
        !begun) {
        result.outcome = RunResult::Outcome::Failed;
        result.cause = begun.error();
        result.message = failedFormat.arg(begun.error().toString());
        return false;
    }
    if (!pooled())
        return true; // the session-level lock is held since begin()
    if (!lockTransaction(result, transaction))
        return false;
    // begin() read the ledger before this transaction held the lock: it must still say that
    auto read = Ledger(m_connection, m_options.client).entries();
    if (read
        && sameLedger(
            MigrationPlanner::status(m_migrations, read.value(), m_connection.serverVersion()),
            seen))
        return true;
    transaction.rollback();
    if (!read)
        result.cause = read.error();
    result.outcome = read ? RunResult::Outcome::Blocked : RunResult::Outcome::Failed;
    result.message = read ? tr("nothing was changed: another run changed the ledger meanwhile; "
                               "run 'status' and decide again")
                          : tr("nothing was changed: the ledger could not be read under the "
                               "lock: %1")
                                .arg(read.error().toString());
    return false;
}

bool MigrationRunSession::lockTransaction(RunResult &result, Transaction &transaction)
{
    MigrationLock lock(m_connection);
    const Result<MigrationLock::Outcome> locked
        = lock.lockTransaction(m_options.lockWaitMs, &m_cancelled);
    if (locked && locked.value() == MigrationLock::Outcome::Acquired) {
        m_connection.exec(SqlResource::get(QStringLiteral("db/sql/set_lock_timeout.sql")),
                          {QStringLiteral("%1ms").arg(m_options.attemptMs()), true});
        return true;
    }
    transaction.rollback();
    if (!locked) {
        failed(result, locked.error());
    } else if (locked.value() == MigrationLock::Outcome::TimedOut) {
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

} // namespace uaip
