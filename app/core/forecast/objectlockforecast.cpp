#include "objectlockforecast.h"

#include "lockforecasttree.h"

#include <QSet>

namespace uaip {

bool ObjectLockForecast::add(const PgQuery__Node &statement, LockForecast &forecast)
{
    switch (statement.node_case) {
    case PG_QUERY__NODE__NODE_DROP_STMT:
        if (statement.drop_stmt)
            drop(*statement.drop_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_RENAME_STMT:
        if (statement.rename_stmt)
            rename(*statement.rename_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
        if (statement.alter_object_schema_stmt)
            setSchema(*statement.alter_object_schema_stmt, forecast);
        return true;
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
        if (statement.alter_seq_stmt)
            forecast.add(
                RelationLock::on(LockForecastTree::relationName(statement.alter_seq_stmt->sequence),
                                 LockMode::ShareRowExclusive));
        return true;
    default:
        return false;
    }
}

void ObjectLockForecast::drop(const PgQuery__DropStmt &drop, LockForecast &forecast)
{
    const PgQuery__ObjectType type = drop.remove_type;
    const bool cascade = drop.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    const bool ofTable = type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER
        || type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY
        || type == PG_QUERY__OBJECT_TYPE__OBJECT_RULE;
    const bool index = type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
    if (!isRelationKind(type) && !index && !ofTable) {
        if (cascade)
            forecast.markNotChecked(tr("DROP ... CASCADE also drops objects the statement does "
                                       "not name, with their locks; review it by hand"));
        else if (!dropsNoRelation(type))
            forecast.markNotChecked(tr("the lock forecast does not know what this DROP locks; "
                                       "review it by hand"));
        return;
    }
    for (size_t i = 0; i < drop.n_objects; ++i) {
        const PgQuery__Node *object = drop.objects[i];
        RelationLock lock = RelationLock::on(ofTable ? LockForecastTree::ownerName(object)
                                                     : LockForecastTree::listName(object),
                                             LockMode::AccessExclusive);
        if (index) {
            lock.ofIndexTable = true;
            if (drop.concurrent)
                lock.mode = LockMode::ShareUpdateExclusive;
            else
                lock.onlineForm = tr("Use DROP INDEX CONCURRENTLY in a -- uaip:no-transaction "
                                     "migration.");
        }
        forecast.add(lock);
    }
    if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        forecast.note(tr("DROP TABLE also takes ACCESS EXCLUSIVE on each table its foreign keys "
                         "reference (their triggers are dropped)."));
    if (cascade)
        forecast.note(tr("CASCADE also drops dependent objects (views, foreign keys of other "
                         "tables) under ACCESS EXCLUSIVE on their tables; only the objects named "
                         "are listed."));
}

bool ObjectLockForecast::dropsNoRelation(PgQuery__ObjectType type)
{
    // Without CASCADE these fail while anything still uses them, and lock no table.
    static const QSet<int> noRelation{
        PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA,
        PG_QUERY__OBJECT_TYPE__OBJECT_TYPE,
        PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN,
        PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION,
        PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE,
        PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE,
        PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE,
        PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR,
        PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION,
        PG_QUERY__OBJECT_TYPE__OBJECT_CONVERSION,
        PG_QUERY__OBJECT_TYPE__OBJECT_CAST,
        PG_QUERY__OBJECT_TYPE__OBJECT_LANGUAGE,
        PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION,
        PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY,
        PG_QUERY__OBJECT_TYPE__OBJECT_TSPARSER,
        PG_QUERY__OBJECT_TYPE__OBJECT_TSTEMPLATE,
        PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS,
        PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY,
        PG_QUERY__OBJECT_TYPE__OBJECT_ACCESS_METHOD,
        PG_QUERY__OBJECT_TYPE__OBJECT_TRANSFORM,
        PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER,
        PG_QUERY__OBJECT_TYPE__OBJECT_FDW,
        PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_SERVER,
    };
    return noRelation.contains(type);
}

void ObjectLockForecast::rename(const PgQuery__RenameStmt &rename, LockForecast &forecast)
{
    switch (rename.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: // ALTER INDEX ... RENAME: the index alone
        forecast.add(RelationLock::on(LockForecastTree::relationName(rename.relation),
                                      LockMode::ShareUpdateExclusive));
        return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
        forecast.add(RelationLock::on(LockForecastTree::relationName(rename.relation),
                                      LockMode::AccessExclusive));
        return;
    default:
        break;
    }
    if (isRelationKind(rename.rename_type))
        forecast.add(RelationLock::on(LockForecastTree::relationName(rename.relation),
                                      LockMode::AccessExclusive));
    // Renaming a schema, type, function, role, ... locks no table.
}

void ObjectLockForecast::setSchema(const PgQuery__AlterObjectSchemaStmt &move,
                                   LockForecast &forecast)
{
    if (isRelationKind(move.object_type))
        forecast.add(RelationLock::on(LockForecastTree::relationName(move.relation),
                                      LockMode::AccessExclusive));
}

bool ObjectLockForecast::isRelationKind(PgQuery__ObjectType type)
{
    return type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW
        || type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
        || type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE
        || type == PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE;
}

} // namespace uaip
