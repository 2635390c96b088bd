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

    Result<ActivitySnapshot> snapshot();
    Result<DatabaseStats> stats();

private:
    Error failed(const Error &error, const QString &what) const;

    PgConnection &m_connection;
};

} // namespace uaip
