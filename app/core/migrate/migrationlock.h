#pragma once

#include "lockholder.h"

#include "db/dbresult.h"

#include <QCoreApplication>
#include <QString>
#include <atomic>

namespace uaip {

class PgConnection;

// The session-level advisory lock that keeps two runners from interleaving on one database.
// Released explicitly, or by the server when the session ends (even after kill -9).
class MigrationLock
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationLock)

public:
    enum class Result { Acquired, TimedOut, Cancelled };
    // Two-key advisory lock: ('uaip', 1)
    static constexpr int kClassId = 0x75616970;
    static constexpr int kObjectId = 1;

    explicit MigrationLock(PgConnection &connection);
    ~MigrationLock();
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    // Tries until waitMs have passed; 'cancelled' is polled between attempts. Leaves the
    // session's lock_timeout at waitMs (never unbounded): the caller sets or resets it.
    // Any other failure is the server's error (SQLSTATE kept), its message prefixed.
    DbResult<Result> acquire(int waitMs, const std::atomic_bool *cancelled);
    void release();
    bool held() const { return m_held; }
    // Who holds it now (valid after TimedOut).
    LockHolder holder() const { return m_holder; }
    // What to tell after TimedOut: how long it waited and who holds the lock.
    QString timedOutMessage() const;

    static LockHolder currentHolder(PgConnection &connection);

private:
    PgConnection &m_connection;
    bool m_held = false;
    LockHolder m_holder;
    int m_waitMs = 0;
};

} // namespace uaip
