#include "dmllockforecast.h"

#include "lockforecasttree.h"
#include "sqlparse/pgtreewalk.h"

#include <QStringList>

namespace uaip {

namespace {

// The names FOR UPDATE OF ... lists (aliases or table names, as written); empty with allTables
// set when a clause names none.
QStringList lockedNames(const PgQuery__SelectStmt &select, bool *allTables)
{
    QStringList names;
    for (size_t i = 0; i < select.n_locking_clause; ++i) {
        const PgQuery__Node *node = select.locking_clause[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_LOCKING_CLAUSE
            || !node->locking_clause)
            continue;
        const PgQuery__LockingClause &clause = *node->locking_clause;
        if (clause.n_locked_rels == 0)
            *allTables = true;
        for (size_t j = 0; j < clause.n_locked_rels; ++j) {
            if (const PgQuery__RangeVar *rel = LockForecastTree::rangeVar(clause.locked_rels[j]))
                names.append(QString::fromUtf8(rel->relname));
        }
    }
    return names;
}

} // namespace

bool DmlLockForecast::add(const PgQuery__Node &statement, LockForecast &forecast)
{
    switch (statement.node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        break;
    case PG_QUERY__NODE__NODE_COPY_STMT:
        if (statement.copy_stmt && statement.copy_stmt->is_from && statement.copy_stmt->relation)
            forecast.add(
                RelationLock::on(LockForecastTree::relationName(statement.copy_stmt->relation),
                                 LockMode::RowExclusive));
        return true;
    default:
        return false;
    }
    PgTreeWalk::eachNode(LockForecastTree::asMessage(&statement),
                         [&forecast](const PgQuery__Node *node) {
                             addTarget(*node, forecast);
                             return true;
                         });
    if (LockForecastTree::callsFunction(&statement))
        forecast.note(tr("Functions the statement calls can take locks of their own; the forecast "
                         "does not look into them."));
    return true;
}

void DmlLockForecast::addTarget(const PgQuery__Node &node, LockForecast &forecast)
{
    const PgQuery__RangeVar *target = nullptr;
    bool everyRow = false;
    switch (node.node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT:
        target = node.insert_stmt ? node.insert_stmt->relation : nullptr;
        break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
        target = node.update_stmt ? node.update_stmt->relation : nullptr;
        everyRow = target && !node.update_stmt->where_clause;
        break;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
        target = node.delete_stmt ? node.delete_stmt->relation : nullptr;
        everyRow = target && !node.delete_stmt->where_clause;
        break;
    case PG_QUERY__NODE__NODE_MERGE_STMT:
        target = node.merge_stmt ? node.merge_stmt->relation : nullptr;
        break;
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        if (node.select_stmt && node.select_stmt->n_locking_clause)
            addLockedRows(*node.select_stmt, forecast);
        return;
    default:
        return;
    }
    if (!target)
        return;
    RelationLock lock
        = RelationLock::on(LockForecastTree::relationName(target), LockMode::RowExclusive);
    if (everyRow) {
        lock.scans = true;
        lock.onlineForm = tr("Change the rows in batches by key range, each batch in its own "
                             "transaction, so that no transaction holds every row's lock: a "
                             "migration with -- uaip:batch.");
    }
    forecast.add(lock);
}

void DmlLockForecast::addLockedRows(const PgQuery__SelectStmt &select, LockForecast &forecast)
{
    bool allTables = false;
    const QStringList names = lockedNames(select, &allTables);
    for (size_t i = 0; i < select.n_from_clause; ++i) {
        PgTreeWalk::eachNode(
            LockForecastTree::asMessage(select.from_clause[i]), [&](const PgQuery__Node *node) {
                const PgQuery__RangeVar *rel = LockForecastTree::rangeVar(node);
                if (!rel)
                    return true;
                const QString alias
                    = rel->alias ? QString::fromUtf8(rel->alias->aliasname) : QString();
                if (allTables || names.contains(QString::fromUtf8(rel->relname))
                    || (!alias.isEmpty() && names.contains(alias)))
                    forecast.add(
                        RelationLock::on(LockForecastTree::relationName(rel), LockMode::RowShare));
                return true;
            });
    }
}

} // namespace uaip
