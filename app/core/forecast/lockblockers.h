#pragma once

#include "lockblocker.h"
#include "lockforecast.h"

#include "error/result.h"

#include <QList>

namespace uaip {

class PgConnection;

// Who a migration statement's lock waited behind (forecast/sql/lock_blockers.sql), read on the
// runner's own session right after the statement gave up: the sessions that hold, or wait
// ahead for, a lock that conflicts with the lock the statement's forecast (StatementLockForecast)
// names on each relation. Read-only and cheap (pg_locks, pg_stat_activity); it takes no lock.
class LockBlockers
{
public:
    static constexpr int kDeadlineMs = 2000;
    // Empty when the forecast names no relation (a DO block, a function call) or nobody holds a
    // conflicting lock any more.
    static Result<QList<LockBlocker>> read(PgConnection &connection, const LockForecast &forecast);
    // The modes that conflict with mode, as pg_locks names them ("RowExclusiveLock").
    static QStringList conflictingModeNames(LockMode mode);
};

} // namespace uaip
