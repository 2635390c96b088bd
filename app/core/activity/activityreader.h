#pragma once

#include "activitysnapshot.h"
#include "databasestats.h"

#include "error/result.h"

#include <QCoreApplication>

namespace uaip {

class PgConnection;

// Reads the server's activity and the connected database's statistics: the queries of the
// Activity view and of `uaip-migrate activity` (activity/sql/). Sessions of this process are
// marked own; the console's migration lock is recognised by MigrationLock's key.
class ActivityReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ActivityReader)

public:
    explicit ActivityReader(PgConnection &connection);

    // Never waits on a table lock (pg_stat_activity, pg_locks: no table is opened).
    Result<ActivitySnapshot> snapshot();
    // Never waits on a table lock either: a size another session's ACCESS EXCLUSIVE lock keeps
    // from being read exactly is the catalog's estimate, marked sizeEstimated.
    Result<DatabaseStats> stats();

private:
    // The statistics under a short lock_timeout; catalogOnly: every size from the catalog.
    Result<DatabaseStats> readStats(bool catalogOnly);
    Error failed(const Error &error, const QString &what) const;

    PgConnection &m_connection;
};

} // namespace uaip
