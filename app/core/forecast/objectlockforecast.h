#pragma once

#include "lockforecast.h"

#include <QCoreApplication>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// The lock forecast of the statements that drop, rename or move an existing object by name,
// following PostgreSQL 15: DROP of a table, view, sequence or index takes ACCESS EXCLUSIVE
// (tablecmds.c, RemoveRelations; an index's table too, SHARE UPDATE EXCLUSIVE with
// CONCURRENTLY), DROP TRIGGER / POLICY / RULE ACCESS EXCLUSIVE on their table (trigger.c,
// RemoveTriggerById; policy.c; rewriteRemove.c), RENAME ACCESS EXCLUSIVE (SHARE UPDATE
// EXCLUSIVE for ALTER INDEX: RenameRelation, renameatt, RenameConstraint, renametrig),
// SET SCHEMA ACCESS EXCLUSIVE (AlterTableNamespace), ALTER SEQUENCE SHARE ROW EXCLUSIVE on the
// sequence (sequence.c, AlterSequence), which makes nextval() wait.
class ObjectLockForecast
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ObjectLockForecast)

public:
    // false: the statement is of another family (nothing added).
    static bool add(const PgQuery__Node &statement, LockForecast &forecast);

private:
    static void drop(const PgQuery__DropStmt &drop, LockForecast &forecast);
    // DROP of objects that lock no relation; false for a kind not known here.
    static bool dropsNoRelation(PgQuery__ObjectType type);
    static void rename(const PgQuery__RenameStmt &rename, LockForecast &forecast);
    static void setSchema(const PgQuery__AlterObjectSchemaStmt &move, LockForecast &forecast);
    static bool isRelationKind(PgQuery__ObjectType type);
};

} // namespace uaip
