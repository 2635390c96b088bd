#pragma once

#include <QString>

namespace uaip {

// A lock a session waits for (pg_locks, not granted).
struct LockWait
{
    int pid = 0; // the waiting session
    QString lockType; // relation, tuple, transactionid, advisory, ...
    QString mode; // ShareLock, ExclusiveLock, ...
    QString relation; // schema.table the wait is about, empty when none is known
    qint64 waitedMs = 0;
    bool migrationLock = false; // the console's migration advisory lock
};

} // namespace uaip
