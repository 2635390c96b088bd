#include "migrationlock.h"

#include "db/pgconnection.h"
#include "db/pipelinecommands.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

namespace uaip {

MigrationLock::MigrationLock(PgConnection &connection)
    : m_connection(connection)
{ }

MigrationLock::~MigrationLock()
{
    release();
}

TransactionOptions MigrationLock::transactionOptions()
{
    TransactionOptions o;
    o.isolation = TransactionOptions::Isolation::ReadCommitted;
    return o;
}

Result<MigrationLock::Outcome> MigrationLock::acquire(int waitMs, const std::atomic_bool *cancelled,
                                                      Scope scope)
{
    m_scope = scope;
    if (cancelled && cancelled->load())
        return Outcome::Cancelled;
    if (scope == Scope::Transaction) {
        // Nothing set for the session (the pooler may hand it to another client next): the
        // lock is waited for in a transaction of its own, and let go with it.
        PipelineCommands c;
        c.add(Transaction::beginCommand(transactionOptions()));
        appendTransactionLock(c, waitMs);
        c.add(Transaction::commitCommand());
        const PipelineOutcome results = c.run(m_connection);
        if (const qsizetype failed = results.firstFailure(); failed >= 0) {
            const Error error = Error(results.at(failed).error());
            m_connection.exec(Transaction::rollbackCommand());
            return refused(error, waitMs, cancelled);
        }
        return Outcome::Acquired;
    }
    // The server queues us behind the holder and gives up after waitMs (lock_timeout applies
    // to advisory locks too); a Cancel from another thread arrives as SQLSTATE 57014.
    // Both in one round trip (a pipeline).
    const std::vector<PgResult> results = m_connection.pipeline(
        {SqlResource::get(QStringLiteral("ledger/sql/lock_wait.sql")),
         SqlResource::get(QStringLiteral("ledger/sql/lock_acquire.sql"))},
        {{QStringLiteral("%1ms").arg(qMax(1, waitMs))}, {kClassId, kObjectId}});
    const PgResult &r = results.back();
    // lock_timeout stays bounded (waitMs) for what the caller reads next; callers set their own
    if (r.ok()) {
        m_held = true;
        return Outcome::Acquired;
    }
    // the first failed command of the pipeline is the server's reason (later ones are aborted)
    Error e = Error(r.error());
    for (const PgResult &each : results)
        if (!each.ok()) {
            e = Error(each.error());
            break;
        }
    return refused(e, waitMs, cancelled);
}

Result<MigrationLock::Outcome> MigrationLock::refused(const Error &error, int waitMs,
                                                      const std::atomic_bool *cancelled,
                                                      bool readHolder)
{
    if (error.sqlState() == QLatin1String("55P03")) {
        if (readHolder)
            m_holder = currentHolder(m_connection);
        m_waitMs = waitMs;
        return Outcome::TimedOut;
    }
    // 57014 is a Cancel only when the user asked for one; otherwise the server's
    // statement_timeout (a role's or database's) or another session cancelled the wait, and
    // its message ("canceling statement due to statement timeout") says which
    if (error.sqlState() == QLatin1String("57014") && (!cancelled || cancelled->load()))
        return Outcome::Cancelled;
    return error.in(tr("cannot take the migration lock"));
}

void MigrationLock::appendTransactionLock(PipelineCommands &c, int waitMs)
{
    c.add(SqlResource::get(QStringLiteral("db/sql/set_lock_timeout.sql")),
          {QStringLiteral("%1ms").arg(qMax(1, waitMs)), true});
    c.add(SqlResource::get(QStringLiteral("ledger/sql/lock_xact.sql")), {kClassId, kObjectId});
}

Result<MigrationLock::Outcome> MigrationLock::lockTransaction(int waitMs,
                                                              const std::atomic_bool *cancelled)
{
    PipelineCommands c;
    appendTransactionLock(c, waitMs);
    const PipelineOutcome results = c.run(m_connection);
    if (const qsizetype failed = results.firstFailure(); failed >= 0)
        // the aborted transaction refuses to read the holder: readHolder() later
        return refused(Error(results.at(failed).error()), waitMs, cancelled, false);
    return Outcome::Acquired;
}

QString MigrationLock::timedOutMessage(int waitMs, const LockHolder &holder)
{
    return tr("another migration run holds the lock on this database; this run waited %1 ms "
              "for it: %2")
        .arg(waitMs)
        .arg(holder.describe());
}

Error MigrationLock::timedOut(int waitMs, const LockHolder &holder)
{
    return Error(ErrorCode::Conflict, timedOutMessage(waitMs, holder),
                 {{QStringLiteral("wait_ms"), waitMs},
                  {QStringLiteral("holder_pid"), holder.pid},
                  {QStringLiteral("holder_application"), holder.application}});
}

void MigrationLock::release()
{
    if (!m_held)
        return;
    m_held = false;
    if (m_connection.isOpen())
        m_connection.exec(SqlResource::get(QStringLiteral("ledger/sql/lock_release.sql")),
                          {kClassId, kObjectId});
}

LockHolder MigrationLock::currentHolder(PgConnection &connection)
{
    LockHolder h;
    PgResult r = connection.exec(SqlResource::get(QStringLiteral("ledger/sql/lock_holder.sql")),
                                 {kClassId, kObjectId});
    if (!r.ok() || r.rows() == 0)
        return h;
    h.pid = r.value(0, "pid").toInt();
    h.user = r.value(0, "usename");
    h.application = r.value(0, "application_name");
    h.client = r.value(0, "client");
    h.sessionStart = r.value(0, "backend_start");
    h.queryStart = r.value(0, "query_start");
    h.query = r.value(0, "query");
    return h;
}

} // namespace uaip
