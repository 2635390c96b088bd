#pragma once

#include <QList>
#include <QString>

namespace uaip {

// What a SQL console session's transaction holds on the server, read from another session
// (TransactionWatch): its age, how long it has been idle, the locks it was granted on user
// relations and who waits for one of them.
struct HeldTransaction
{
    struct Lock
    {
        QString mode; // as pg_locks names it: AccessShareLock, RowExclusiveLock, ...
        QString relation; // regclass text: personas, "Odd"".name", other.t
    };
    struct Waiter
    {
        int pid = 0;
        QString mode; // the lock it waits for
        QString lockType; // pg_locks.locktype: relation, transactionid (a row), advisory, ...
        QString relation; // for a relation lock
        QString transaction; // for a transactionid lock: the transaction (a row it changed)
    };

    bool open = false; // the process has a transaction open
    double ageSeconds = 0;
    double idleSeconds = 0;
    QString state; // pg_stat_activity.state: "idle in transaction", "active", ...
    QList<Lock> locks; // the first 20 (lockCount: all)
    qint64 lockCount = 0;
    QList<Waiter> waiters;
};

} // namespace uaip
