#pragma once

#include "lockforecast.h"

#include <QCoreApplication>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// The lock forecast of the statements that maintain or empty whole tables, following PostgreSQL
// 15: VACUUM (SHARE UPDATE EXCLUSIVE, with FULL ACCESS EXCLUSIVE and a rewrite: vacuum.c,
// vacuum_rel) and ANALYZE (analyze.c), CLUSTER (cluster.c), REINDEX (SHARE on the table, ACCESS
// EXCLUSIVE on each index; with CONCURRENTLY SHARE UPDATE EXCLUSIVE: indexcmds.c, index.c),
// REFRESH MATERIALIZED VIEW (matview.c: EXCLUSIVE with CONCURRENTLY, else ACCESS EXCLUSIVE),
// LOCK (its mode) and TRUNCATE (ACCESS EXCLUSIVE: tablecmds.c, ExecuteTruncate).
class MaintenanceLockForecast
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MaintenanceLockForecast)

public:
    // false: the statement is of another family (nothing added).
    static bool add(const PgQuery__Node &statement, LockForecast &forecast);

private:
    static void vacuum(const PgQuery__VacuumStmt &vacuum, LockForecast &forecast);
    static void cluster(const PgQuery__ClusterStmt &cluster, LockForecast &forecast);
    static void reindex(const PgQuery__ReindexStmt &reindex, LockForecast &forecast);
    static void refresh(const PgQuery__RefreshMatViewStmt &refresh, LockForecast &forecast);
    static void lock(const PgQuery__LockStmt &lock, LockForecast &forecast);
    static void truncate(const PgQuery__TruncateStmt &truncate, LockForecast &forecast);
};

} // namespace uaip
