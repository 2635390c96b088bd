#include "statementlockforecast.h"

#include "altertablelockforecast.h"
#include "dmllockforecast.h"
#include "lockforecasttree.h"
#include "maintenancelockforecast.h"
#include "objectlockforecast.h"
#include "sqlparse/pgtreewalk.h"

namespace uaip {

namespace {

// The foreign keys of a new table's columns and table constraints lock the tables they
// reference with SHARE ROW EXCLUSIVE (ATAddForeignKeyConstraint).
void addReferencedTables(const PgQuery__Node *element, LockForecast &forecast)
{
    QList<const PgQuery__Constraint *> constraints;
    if (const PgQuery__Constraint *constraint = LockForecastTree::constraint(element))
        constraints.append(constraint);
    if (element && element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && element->column_def) {
        for (size_t i = 0; i < element->column_def->n_constraints; ++i) {
            if (const PgQuery__Constraint *constraint
                = LockForecastTree::constraint(element->column_def->constraints[i]))
                constraints.append(constraint);
        }
    }
    for (const PgQuery__Constraint *constraint : constraints) {
        if (constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && constraint->pktable)
            forecast.add(RelationLock::on(LockForecastTree::relationName(constraint->pktable),
                                          LockMode::ShareRowExclusive));
    }
}

} // namespace

LockForecast StatementLockForecast::of(const PgQuery__Node *statement)
{
    LockForecast forecast;
    if (!statement || statement->node_case == PG_QUERY__NODE__NODE__NOT_SET) {
        forecast.markNotChecked(tr("the statement has no parse tree to forecast its locks from"));
        return forecast;
    }
    if (PgTreeWalk::hasUnknown(reinterpret_cast<const ProtobufCMessage *>(statement))) {
        forecast.markNotChecked(tr("the statement holds a kind of node this version does not "
                                   "know; review its locks by hand"));
        return forecast;
    }
    if (!forecastNode(*statement, forecast)) {
        // %1 is libpg_query's name of the statement kind (AlterSeqStmt, ...), not translated
        forecast.markNotChecked(tr("the lock forecast does not know %1 statements; review "
                                   "their locks by hand")
                                    .arg(PgTreeWalk::kind(statement)));
    }
    return forecast;
}

bool StatementLockForecast::forecastNode(const PgQuery__Node &node, LockForecast &forecast)
{
    if (node.node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT && node.alter_table_stmt) {
        AlterTableLockForecast::add(*node.alter_table_stmt, forecast);
        return true;
    }
    if (node.node_case == PG_QUERY__NODE__NODE_EXPLAIN_STMT && node.explain_stmt) {
        // EXPLAIN ANALYZE runs the statement; plain EXPLAIN only plans it, and planning takes
        // the locks of a query's relations (parse analysis opens them in their modes), without
        // its scans or rewrites.
        const PgQuery__ExplainStmt &explain = *node.explain_stmt;
        if (!explain.query)
            return true;
        if (LockForecastTree::option(explain.options, explain.n_options, "analyze"))
            return forecastNode(*explain.query, forecast);
        LockForecast planned;
        if (DmlLockForecast::add(*explain.query, planned))
            for (const RelationLock &lock : planned.locks)
                forecast.add(RelationLock::on(lock.relation, lock.mode));
        return true;
    }
    if (node.node_case == PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT && node.create_schema_stmt) {
        // The schema's elements (CREATE TABLE, INDEX, TRIGGER, GRANT, ...) are statements.
        bool known = true;
        const PgQuery__CreateSchemaStmt &schema = *node.create_schema_stmt;
        for (size_t i = 0; i < schema.n_schema_elts; ++i)
            known = (schema.schema_elts[i] && forecastNode(*schema.schema_elts[i], forecast))
                && known;
        return known;
    }
    return DmlLockForecast::add(node, forecast) || MaintenanceLockForecast::add(node, forecast)
        || ObjectLockForecast::add(node, forecast) || definition(node, forecast)
        || locksNothing(node, forecast) || runsCode(node, forecast);
}

bool StatementLockForecast::definition(const PgQuery__Node &node, LockForecast &forecast)
{
    switch (node.node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        createIndex(*node.index_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_CREATE_STMT:
        createTable(*node.create_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT:
        if (node.create_foreign_table_stmt->base_stmt)
            createTable(*node.create_foreign_table_stmt->base_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: // trigger.c, CreateTrigger
        forecast.add(
            RelationLock::on(LockForecastTree::relationName(node.create_trig_stmt->relation),
                             LockMode::ShareRowExclusive));
        return true;
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: // policy.c, CreatePolicy
        forecast.add(
            RelationLock::on(LockForecastTree::relationName(node.create_policy_stmt->table),
                             LockMode::AccessExclusive));
        return true;
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT: // policy.c, AlterPolicy
        forecast.add(RelationLock::on(LockForecastTree::relationName(node.alter_policy_stmt->table),
                                      LockMode::AccessExclusive));
        return true;
    case PG_QUERY__NODE__NODE_RULE_STMT: // rewriteDefine.c, DefineQueryRewrite
        forecast.add(RelationLock::on(LockForecastTree::relationName(node.rule_stmt->relation),
                                      LockMode::AccessExclusive));
        return true;
    case PG_QUERY__NODE__NODE_VIEW_STMT: // view.c: OR REPLACE locks the view, if it exists
        if (node.view_stmt->replace)
            forecast.add(RelationLock::on(LockForecastTree::relationName(node.view_stmt->view),
                                          LockMode::AccessExclusive));
        return true;
    case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
        createStatistics(*node.create_stats_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
        comment(*node.comment_stmt, forecast);
        return true;
    default:
        return false;
    }
}

void StatementLockForecast::createIndex(const PgQuery__IndexStmt &index, LockForecast &forecast)
{
    // utility.c / indexcmds.c, DefineIndex: SHARE, or SHARE UPDATE EXCLUSIVE with CONCURRENTLY.
    RelationLock lock
        = RelationLock::on(LockForecastTree::relationName(index.relation),
                           index.concurrent ? LockMode::ShareUpdateExclusive : LockMode::Share);
    lock.scans = true;
    lock.indexBuild
        = index.concurrent ? RelationLock::IndexBuild::Concurrent : RelationLock::IndexBuild::Plain;
    if (!index.concurrent)
        lock.onlineForm = tr("Use CREATE INDEX CONCURRENTLY in a -- uaip:no-transaction "
                             "migration.");
    forecast.add(lock);
}

void StatementLockForecast::createTable(const PgQuery__CreateStmt &create, LockForecast &forecast)
{
    // tablecmds.c, DefineRelation: a partition locks its parent ACCESS EXCLUSIVE, a child of
    // INHERITS its parents SHARE UPDATE EXCLUSIVE.
    const bool partition = create.partbound != nullptr;
    for (size_t i = 0; i < create.n_inh_relations; ++i) {
        if (const PgQuery__RangeVar *parent = LockForecastTree::rangeVar(create.inh_relations[i]))
            forecast.add(RelationLock::on(LockForecastTree::relationName(parent),
                                          partition ? LockMode::AccessExclusive
                                                    : LockMode::ShareUpdateExclusive));
    }
    if (partition)
        forecast.note(tr("A new partition also takes ACCESS EXCLUSIVE on the default partition, "
                         "if there is one, and scans it."));
    for (size_t i = 0; i < create.n_table_elts; ++i)
        addReferencedTables(create.table_elts[i], forecast);
    for (size_t i = 0; i < create.n_constraints; ++i)
        addReferencedTables(create.constraints[i], forecast);
}

void StatementLockForecast::comment(const PgQuery__CommentStmt &comment, LockForecast &forecast)
{
    // comment.c, CommentObject: get_object_address with SHARE UPDATE EXCLUSIVE. A relation or
    // a column takes it on the relation; a trigger, policy, rule or table constraint opens its
    // table with ACCESS SHARE only (get_object_address_relobject) and takes the mode on its
    // own catalog row.
    QString relation;
    LockMode mode = LockMode::ShareUpdateExclusive;
    switch (comment.objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        relation = LockForecastTree::listName(comment.object);
        break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
        relation = LockForecastTree::ownerName(comment.object);
        break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
        relation = LockForecastTree::ownerName(comment.object);
        mode = LockMode::AccessShare;
        break;
    default: // a schema, function, type, ...: no relation
        return;
    }
    if (!relation.isEmpty())
        forecast.add(RelationLock::on(relation, mode));
}

void StatementLockForecast::createStatistics(const PgQuery__CreateStatsStmt &stats,
                                             LockForecast &forecast)
{
    // statscmds.c, CreateStatistics: SHARE UPDATE EXCLUSIVE on the table.
    for (size_t i = 0; i < stats.n_relations; ++i) {
        if (const PgQuery__RangeVar *relation = LockForecastTree::rangeVar(stats.relations[i]))
            forecast.add(RelationLock::on(LockForecastTree::relationName(relation),
                                          LockMode::ShareUpdateExclusive));
    }
}

bool StatementLockForecast::locksNothing(const PgQuery__Node &node, LockForecast &forecast)
{
    switch (node.node_case) {
    // New objects: at most ACCESS SHARE on what they read (CREATE TABLE AS, a view's query).
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
    case PG_QUERY__NODE__NODE_DEFINE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_CAST_STMT:
    case PG_QUERY__NODE__NODE_CREATE_CONVERSION_STMT:
    case PG_QUERY__NODE__NODE_CREATE_OP_CLASS_STMT:
    case PG_QUERY__NODE__NODE_CREATE_OP_FAMILY_STMT:
    case PG_QUERY__NODE__NODE_CREATE_AM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TRANSFORM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_PLANG_STMT:
    case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT:
    case PG_QUERY__NODE__NODE_CREATE_FDW_STMT:
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_SERVER_STMT:
    case PG_QUERY__NODE__NODE_CREATE_USER_MAPPING_STMT:
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
    // Privileges and owners: catalog rows only (aclchk.c looks relations up without a lock).
    case PG_QUERY__NODE__NODE_GRANT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
    case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
    // Session and transaction control.
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
    case PG_QUERY__NODE__NODE_NOTIFY_STMT:
    case PG_QUERY__NODE__NODE_LISTEN_STMT:
    case PG_QUERY__NODE__NODE_UNLISTEN_STMT:
    case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
    case PG_QUERY__NODE__NODE_DISCARD_STMT:
    case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
        break;
    default:
        return false;
    }
    if (node.node_case == PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT
        && LockForecastTree::callsFunction(&node))
        forecast.note(tr("Functions the statement calls can take locks of their own; the forecast "
                         "does not look into them."));
    return true;
}

bool StatementLockForecast::runsCode(const PgQuery__Node &node, LockForecast &forecast)
{
    switch (node.node_case) {
    case PG_QUERY__NODE__NODE_DO_STMT:
    case PG_QUERY__NODE__NODE_CALL_STMT:
        forecast.markNotChecked(tr("the statement runs code whose locks the forecast cannot "
                                   "see; review them by hand"));
        return true;
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT:
        forecast.markNotChecked(tr("an extension's script can lock and rewrite any table; review "
                                   "it by hand"));
        return true;
    default:
        return false;
    }
}

} // namespace uaip
