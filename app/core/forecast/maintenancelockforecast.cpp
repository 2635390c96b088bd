#include "maintenancelockforecast.h"

#include "lockforecasttree.h"

namespace uaip {

bool MaintenanceLockForecast::add(const PgQuery__Node &statement, LockForecast &forecast)
{
    switch (statement.node_case) {
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
        if (statement.vacuum_stmt)
            vacuum(*statement.vacuum_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
        if (statement.cluster_stmt)
            cluster(*statement.cluster_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
        if (statement.reindex_stmt)
            reindex(*statement.reindex_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
        if (statement.refresh_mat_view_stmt)
            refresh(*statement.refresh_mat_view_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_LOCK_STMT:
        if (statement.lock_stmt)
            lock(*statement.lock_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
        if (statement.truncate_stmt)
            truncate(*statement.truncate_stmt, forecast);
        return true;
    default:
        return false;
    }
}

void MaintenanceLockForecast::vacuum(const PgQuery__VacuumStmt &vacuum, LockForecast &forecast)
{
    const bool full
        = vacuum.is_vacuumcmd && LockForecastTree::option(vacuum.options, vacuum.n_options, "full");
    RelationLock lock;
    lock.mode = full ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive;
    lock.rewrites = full;
    lock.scans = vacuum.is_vacuumcmd && !full; // ANALYZE alone reads a sample
    if (vacuum.n_rels == 0) {
        forecast.add(lock);
        forecast.note(tr("Without a table it processes every table of the database."));
        return;
    }
    for (size_t i = 0; i < vacuum.n_rels; ++i) {
        const PgQuery__Node *node = vacuum.rels[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION
            || !node->vacuum_relation)
            continue;
        lock.relation = LockForecastTree::relationName(node->vacuum_relation->relation);
        forecast.add(lock);
    }
}

void MaintenanceLockForecast::cluster(const PgQuery__ClusterStmt &cluster, LockForecast &forecast)
{
    RelationLock lock = RelationLock::on(LockForecastTree::relationName(cluster.relation),
                                         LockMode::AccessExclusive);
    lock.rewrites = true;
    forecast.add(lock);
    if (!cluster.relation)
        forecast.note(tr("Without a table it rewrites every table that was clustered before."));
}

void MaintenanceLockForecast::reindex(const PgQuery__ReindexStmt &reindex, LockForecast &forecast)
{
    const bool concurrently
        = LockForecastTree::option(reindex.params, reindex.n_params, "concurrently");
    RelationLock lock;
    lock.mode = concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share;
    lock.scans = true; // every index is built anew from the table
    if (!concurrently)
        lock.onlineForm = tr("Use REINDEX CONCURRENTLY in a -- uaip:no-transaction migration.");
    switch (reindex.kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX:
        lock.relation = LockForecastTree::relationName(reindex.relation);
        lock.ofIndexTable = true;
        break;
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE:
        lock.relation = LockForecastTree::relationName(reindex.relation);
        break;
    default: // SCHEMA, SYSTEM, DATABASE
        forecast.note(tr("REINDEX SCHEMA, SYSTEM and DATABASE process every table they hold, "
                         "one at a time."));
        break;
    }
    forecast.add(lock);
    if (!concurrently)
        forecast.note(tr("REINDEX also takes ACCESS EXCLUSIVE on each index it rebuilds, which "
                         "blocks nearly every query planned against the table."));
}

void MaintenanceLockForecast::refresh(const PgQuery__RefreshMatViewStmt &refresh,
                                      LockForecast &forecast)
{
    RelationLock lock
        = RelationLock::on(LockForecastTree::relationName(refresh.relation),
                           refresh.concurrent ? LockMode::Exclusive : LockMode::AccessExclusive);
    if (refresh.concurrent) {
        lock.scans = true; // runs the query and compares it with the view's rows
    } else {
        lock.rewrites = !refresh.skip_data;
        lock.onlineForm = tr("Use REFRESH MATERIALIZED VIEW CONCURRENTLY (the view needs a unique "
                             "index): it lets reads go on.");
    }
    forecast.add(lock);
}

void MaintenanceLockForecast::lock(const PgQuery__LockStmt &lock, LockForecast &forecast)
{
    const std::optional<LockMode> mode = lockModeFromNumber(lock.mode);
    if (!mode) {
        forecast.markNotChecked(tr("LOCK names a lock mode the forecast does not know; review it "
                                   "by hand"));
        return;
    }
    for (size_t i = 0; i < lock.n_relations; ++i) {
        if (const PgQuery__RangeVar *relation = LockForecastTree::rangeVar(lock.relations[i]))
            forecast.add(RelationLock::on(LockForecastTree::relationName(relation), *mode));
    }
}

void MaintenanceLockForecast::truncate(const PgQuery__TruncateStmt &truncate,
                                       LockForecast &forecast)
{
    for (size_t i = 0; i < truncate.n_relations; ++i) {
        if (const PgQuery__RangeVar *relation = LockForecastTree::rangeVar(truncate.relations[i]))
            forecast.add(RelationLock::on(LockForecastTree::relationName(relation),
                                          LockMode::AccessExclusive));
    }
    if (truncate.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
        forecast.note(tr("CASCADE also empties, under ACCESS EXCLUSIVE, every table with a "
                         "foreign key to the tables named; only the tables named are listed."));
}

} // namespace uaip
