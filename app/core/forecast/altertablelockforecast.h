#pragma once

#include "lockforecast.h"

#include <QCoreApplication>
#include <QString>

#include <pg_query/pg_query.pb-c.h>

#include <optional>

namespace uaip {

// The lock forecast of ALTER TABLE (and of ALTER INDEX, VIEW, MATERIALIZED VIEW, FOREIGN TABLE
// and TYPE, which PostgreSQL runs through the same code), following PostgreSQL 15's
// src/backend/commands/tablecmds.c: the altered relation gets the strongest mode of all its
// subcommands (AlterTableGetLockLevel, at least SHARE UPDATE EXCLUSIVE; SET/RESET (options) by
// the options named, AlterTableGetRelOptionsLockLevel in reloptions.c); a subcommand that locks
// another relation adds it (the table a FOREIGN KEY references: ATAddForeignKeyConstraint; the
// partition of ATTACH/DETACH PARTITION: ATExecAttachPartition, ATExecDetachPartition; the parent
// of INHERIT: ATExecAddInherit). A subcommand kind the function does not list is not checked.
class AlterTableLockForecast
{
    Q_DECLARE_TR_FUNCTIONS(uaip::AlterTableLockForecast)

public:
    static void add(const PgQuery__AlterTableStmt &alter, LockForecast &forecast);
    // The note of DROP CONSTRAINT constraint (quoted as written): "if it is a foreign key, ..."
    // from the statement alone (not given for the names PostgreSQL gives a primary key, unique,
    // check, exclusion or not-null constraint), or certain when the database says it is one
    // (PlanForecastReader, which takes the note off for any other kind).
    static QString foreignKeyNote(const QString &constraint, bool certain);

private:
    struct Target
    {
        QString table;
        bool isIndex = false;
        LockForecast &forecast;
    };

    // What one subcommand does to the altered relation; nullopt for a kind not known here.
    static std::optional<RelationLock> subcommand(const PgQuery__AlterTableCmd &cmd,
                                                  const Target &target);
    // The subcommands whose lock on the relation is all there is to say.
    static std::optional<LockMode> plainMode(PgQuery__AlterTableType subtype);
    static bool takesAccessExclusive(PgQuery__AlterTableType subtype);
    static RelationLock addColumn(const PgQuery__ColumnDef &column, const Target &target);
    static RelationLock addConstraint(const PgQuery__Constraint &constraint, const Target &target);
    static RelationLock addForeignKey(const PgQuery__Constraint &constraint, const Target &target);
    static RelationLock attachPartition(const PgQuery__Node *def, const Target &target);
    static RelationLock detachPartition(const PgQuery__Node *def, const Target &target);
    static RelationLock detachPartitionFinalize(const PgQuery__Node *def, const Target &target);
    static LockMode relOptionsMode(const PgQuery__Node *def);
    static RelationLock lockOf(const Target &target, LockMode mode);
};

} // namespace uaip
