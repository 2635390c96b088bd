#pragma once

#include "lockholder.h"

#include "db/transactionoptions.h"
#include "error/result.h"

#include <QCoreApplication>
#include <QString>
#include <atomic>

namespace uaip {

class PgConnection;
struct PipelineCommands;

// The advisory lock that keeps two runners from interleaving on one database.
// Scope::Session (a direct connection): a session-level lock held for the whole run, released
// explicitly, or by the server when the session ends (even after kill -9).
// Scope::Transaction (behind a connection pooler, ServerTopology::pooled): the client's session
// is not one server session, so a session-level lock could stay on a pooled server session
// after the run. Instead every transaction that runs a migration or writes the ledger takes
// the lock for itself first (appendTransactionLock, lockTransaction): it ends with that
// transaction, whatever happens to the client. acquire() then only waits until the lock is free
// once (a short transaction), so a run held up by another one still says who holds it.
class MigrationLock
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationLock)

public:
    enum class Outcome { Acquired, TimedOut, Cancelled };
    enum class Scope { Session, Transaction };
    // Two-key advisory lock: ('uaip', 1)
    static constexpr int kClassId = 0x75616970;
    static constexpr int kObjectId = 1;
    // How every transaction that takes the lock for itself (Scope::Transaction) begins: READ
    // COMMITTED whatever default_transaction_isolation says (a role or database may set
    // repeatable read or serializable): there, the snapshot taken by the transaction's first
    // statement, before the lock was granted, would hide a run that committed while this one
    // waited, and the step check would let it run its migrations again.
    static TransactionOptions transactionOptions();

    explicit MigrationLock(PgConnection &connection);
    ~MigrationLock();
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    // Tries until waitMs have passed; 'cancelled' is polled between attempts. Leaves the
    // session's lock_timeout at waitMs (never unbounded): the caller sets or resets it.
    // Any other failure is the server's error (SQLSTATE kept), its message prefixed; so is a
    // cancel (57014) while 'cancelled' is not set: the server's statement_timeout, not the user.
    // Scope::Transaction: sets nothing for the session; waits (a transaction of its own) until
    // the lock could be taken, so TimedOut names the holder as for Scope::Session.
    Result<Outcome> acquire(int waitMs, const std::atomic_bool *cancelled,
                            Scope scope = Scope::Session);
    Scope scope() const { return m_scope; }
    // Scope::Transaction, in a transaction the caller began: SET LOCAL lock_timeout = waitMs and
    // the transaction-level lock, in one round trip. Anything but Acquired: the transaction is
    // aborted; after the caller rolled it back, readHolder() says who held the lock.
    // 'cancelled' as for acquire: SQLSTATE 57014 is Cancelled only when it is set (or null).
    Result<Outcome> lockTransaction(int waitMs, const std::atomic_bool *cancelled = nullptr);
    void readHolder() { m_holder = currentHolder(m_connection); }
    // The same two commands for a pipeline, right after its BEGIN.
    static void appendTransactionLock(PipelineCommands &c, int waitMs);
    void release();
    bool held() const { return m_held; }
    // Who holds it now (valid after TimedOut).
    LockHolder holder() const { return m_holder; }
    // What to tell after TimedOut: how long it waited and who holds the lock.
    QString timedOutMessage() const { return timedOutMessage(m_waitMs, m_holder); }
    static QString timedOutMessage(int waitMs, const LockHolder &holder);
    // The timeout as an error: code Conflict, args "wait_ms", "holder_pid", "holder_application".
    static Error timedOut(int waitMs, const LockHolder &holder);
    Error timedOut() const { return timedOut(m_waitMs, m_holder); }

    static LockHolder currentHolder(PgConnection &connection);

private:
    PgConnection &m_connection;
    // a lock request that failed: TimedOut (the holder read unless the transaction is
    // aborted) / Cancelled / the server's error
    Result<Outcome> refused(const Error &error, int waitMs, const std::atomic_bool *cancelled,
                            bool readHolder = true);

    bool m_held = false;
    Scope m_scope = Scope::Session;
    LockHolder m_holder;
    int m_waitMs = 0;
};

} // namespace uaip
