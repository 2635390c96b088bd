#include "altertablelockforecast.h"

#include "lockforecasttree.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgtreewalk.h"

#include <QSet>
#include <QStringList>

namespace uaip {

namespace {

using Mode = LockMode;

const PgQuery__ColumnDef *columnDefOf(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ? node->column_def : nullptr;
}

const PgQuery__PartitionCmd *partitionCmdOf(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD ? node->partition_cmd
                                                                         : nullptr;
}

bool isNullConstant(const PgQuery__Node *expr)
{
    return expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const
        && expr->a_const->isnull;
}

bool hasText(const char *text)
{
    return text && *text;
}

// The column of a CHECK whose whole expression is "column IS NOT NULL"; empty for any other.
QString notNullColumnOf(const PgQuery__Node *expr)
{
    if (!expr || expr->node_case != PG_QUERY__NODE__NODE_NULL_TEST || !expr->null_test
        || expr->null_test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL
        || expr->null_test->argisrow)
        return {};
    const PgQuery__Node *arg = expr->null_test->arg;
    if (!arg || arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || !arg->column_ref)
        return {};
    const QStringList fields
        = ParseTreeNames::stringValues(arg->column_ref->fields, arg->column_ref->n_fields);
    return fields.size() == 1 && arg->column_ref->n_fields == 1 ? fields.first() : QString();
}

// Whether a constraint of that name may be a foreign key: not one of the names PostgreSQL gives
// a primary key, unique, check, exclusion or not-null constraint of its own accord.
bool mayBeForeignKey(const QString &name)
{
    for (const char *suffix : {"_pkey", "_key", "_check", "_excl", "_not_null"})
        if (name.endsWith(QLatin1String(suffix)))
            return false;
    return true;
}

// serial and its kin: a default of nextval(), volatile.
bool isSerial(const PgQuery__ColumnDef &column)
{
    static const QSet<QString> serialTypes{
        QStringLiteral("serial"),  QStringLiteral("serial2"),     QStringLiteral("serial4"),
        QStringLiteral("serial8"), QStringLiteral("smallserial"), QStringLiteral("bigserial"),
    };
    if (!column.type_name)
        return false;
    const QStringList names
        = ParseTreeNames::stringValues(column.type_name->names, column.type_name->n_names);
    return names.size() == 1 && serialTypes.contains(names.first());
}

} // namespace

void AlterTableLockForecast::add(const PgQuery__AlterTableStmt &alter, LockForecast &forecast)
{
    const Target target{LockForecastTree::relationName(alter.relation),
                        alter.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX, forecast};
    // The relation first, at AlterTableGetLockLevel's least; each subcommand merges into it.
    forecast.add(lockOf(target, Mode::ShareUpdateExclusive));
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const PgQuery__Node *node = alter.cmds[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD
            || !node->alter_table_cmd) {
            forecast.markNotChecked(tr("ALTER TABLE holds a subcommand the lock forecast does not "
                                       "know; review its locks by hand"));
            continue;
        }
        const PgQuery__AlterTableCmd &cmd = *node->alter_table_cmd;
        if (const std::optional<RelationLock> lock = subcommand(cmd, target)) {
            forecast.add(*lock);
            continue;
        }
        // %1 is libpg_query's name of the subcommand (AT_...), not translated
        forecast.markNotChecked(
            tr("the lock forecast does not know the ALTER TABLE subcommand %1; review its locks "
               "by hand")
                .arg(PgTreeWalk::enumName(pg_query__alter_table_type__descriptor, cmd.subtype)));
    }
    const RelationLock *altered = forecast.find(target.table);
    if (target.isIndex && altered && altered->mode == Mode::AccessExclusive)
        forecast.note(tr("ACCESS EXCLUSIVE on an index also blocks every query planned against "
                         "its table"));
}

std::optional<RelationLock> AlterTableLockForecast::subcommand(const PgQuery__AlterTableCmd &cmd,
                                                               const Target &target)
{
    const QString column = ParseTreeNames::quoteIdentifier(cmd.name);
    RelationLock lock = lockOf(target, Mode::AccessExclusive);
    switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (const PgQuery__ColumnDef *def = columnDefOf(cmd.def))
            return addColumn(*def, target);
        return lock;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReAddConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReAddDomainConstraint:
        if (const PgQuery__Constraint *constraint = LockForecastTree::constraint(cmd.def))
            return addConstraint(*constraint, target);
        return lock;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        lock.maybeRewrites = true;
        lock.typeChanges << ColumnTypeChange::of(cmd);
        lock.onlineForm = tr("Unless the old type converts to the new one without a rewrite "
                             "(a varchar to text or to a longer varchar), add a column of the new "
                             "type, fill it in batches (-- uaip:batch) while a trigger keeps it in "
                             "step, and swap the columns in a short transaction.");
        return lock;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        lock.scans = true;
        lock.notNullColumns = {QString::fromUtf8(cmd.name)};
        lock.onlineForm = tr("Add CHECK (%1 IS NOT NULL) NOT VALID and validate it in its own "
                             "transaction (in a -- uaip:no-transaction migration, or a later one); "
                             "SET NOT NULL after it then skips its scan.")
                              .arg(column);
        return lock;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetExpression: // PostgreSQL 17: a stored generated column's
        lock.rewrites = true;
        return lock;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
        return lockOf(target, relOptionsMode(cmd.def));
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        target.forecast.note(tr("Validating a foreign key also takes ROW SHARE on the table it "
                                "references."));
        lock = lockOf(target, Mode::ShareUpdateExclusive);
        lock.scans = true;
        lock.notNullChecks << NotNullCheckChange{
            NotNullCheckChange::Kind::Validated, QString::fromUtf8(cmd.name), {}};
        return lock;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
        return attachPartition(cmd.def, target);
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
        return detachPartition(cmd.def, target);
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
        return detachPartitionFinalize(cmd.def, target);
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        if (mayBeForeignKey(QString::fromUtf8(cmd.name)))
            target.forecast.note(foreignKeyNote(column, false));
        lock.notNullChecks << NotNullCheckChange{
            NotNullCheckChange::Kind::Dropped, QString::fromUtf8(cmd.name), {}};
        return lock;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit:
        if (const PgQuery__RangeVar *parent = LockForecastTree::rangeVar(cmd.def))
            target.forecast.add(RelationLock::on(LockForecastTree::relationName(parent),
                                                 Mode::ShareUpdateExclusive));
        return lock;
    default:
        break;
    }
    if (const std::optional<LockMode> mode = plainMode(cmd.subtype))
        return lockOf(target, *mode);
    return std::nullopt;
}

QString AlterTableLockForecast::foreignKeyNote(const QString &constraint, bool certain)
{
    return certain ? tr("%1 is a foreign key: dropping it also takes ACCESS EXCLUSIVE on the table "
                        "it references, which the statement does not name.")
                         .arg(constraint)
                   : tr("If %1 is a foreign key, dropping it also takes ACCESS EXCLUSIVE on the "
                        "table it references, which the statement does not name.")
                         .arg(constraint);
}

std::optional<LockMode> AlterTableLockForecast::plainMode(PgQuery__AlterTableType subtype)
{
    switch (subtype) {
    // "These subcommands affect write operations only."
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
        return Mode::ShareRowExclusive;
    // Strategies for performance and maintenance, and the partition commands that run
    // concurrently with reads and writes.
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
        return Mode::ShareUpdateExclusive;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_CheckNotNull:
        return Mode::AccessShare;
    default:
        break;
    }
    if (takesAccessExclusive(subtype))
        return Mode::AccessExclusive;
    return std::nullopt;
}

bool AlterTableLockForecast::takesAccessExclusive(PgQuery__AlterTableType subtype)
{
    static const QSet<int> accessExclusive{
        PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn,
        PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnToView,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DropOids,
        PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysRule,
        PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaRule,
        PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRule,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRule,
        PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner,
        PG_QUERY__ALTER_TABLE_TYPE__AT_GenericOptions,
        PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnGenericOptions,
        PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault,
        PG_QUERY__ALTER_TABLE_TYPE__AT_CookedColumnDefault,
        PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint,
        PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndex,
        PG_QUERY__ALTER_TABLE_TYPE__AT_AddIndexConstraint,
        PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity,
        PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity,
        PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity,
        PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity,
        PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity,
        PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression,
        PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit,
        PG_QUERY__ALTER_TABLE_TYPE__AT_AddOf,
        PG_QUERY__ALTER_TABLE_TYPE__AT_DropOf,
        PG_QUERY__ALTER_TABLE_TYPE__AT_ReplaceRelOptions,
    };
    return accessExclusive.contains(subtype);
}

RelationLock AlterTableLockForecast::addColumn(const PgQuery__ColumnDef &column,
                                               const Target &target)
{
    RelationLock lock = lockOf(target, Mode::AccessExclusive);
    bool notNull = column.is_not_null;
    bool hasDefault = false;
    bool generated = hasText(column.generated);
    bool rewrites = hasText(column.identity) || generated || isSerial(column);
    for (size_t i = 0; i < column.n_constraints; ++i) {
        const PgQuery__Constraint *constraint = LockForecastTree::constraint(column.constraints[i]);
        if (!constraint)
            continue;
        switch (constraint->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
            notNull = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
            hasDefault = hasDefault || !isNullConstant(constraint->raw_expr);
            rewrites = rewrites || LockForecastTree::mayBeVolatile(constraint->raw_expr);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
            rewrites = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
            rewrites = generated = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            notNull = true;
            lock.scans = true; // builds its index
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            // ADD COLUMN's ACCESS EXCLUSIVE stays; the referenced table gets SHARE ROW EXCLUSIVE
            lock.scans = lock.scans || addForeignKey(*constraint, target).scans;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
            lock.scans = lock.scans || !constraint->skip_validation;
            break;
        default:
            break;
        }
    }
    const QString name = ParseTreeNames::quoteIdentifier(column.colname);
    if (rewrites) {
        lock.rewrites = true;
        lock.onlineForm = generated
            ? tr("Add %1 as a plain nullable column kept up to date by a trigger, and fill the "
                 "existing rows in batches (a later migration with -- uaip:batch).")
                  .arg(name)
            : tr("Add %1 as a nullable column without a default, set its default in a separate "
                 "statement, and fill the existing rows in batches (a later migration with "
                 "-- uaip:batch).")
                  .arg(name);
    } else if (notNull && !hasDefault) {
        lock.scans = true; // checks every row for NULL (and fails on the first row)
    }
    return lock;
}

RelationLock AlterTableLockForecast::addConstraint(const PgQuery__Constraint &constraint,
                                                   const Target &target)
{
    RelationLock lock = lockOf(target, Mode::AccessExclusive);
    const bool usingIndex = hasText(constraint.indexname);
    switch (constraint.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
        return addForeignKey(constraint, target);
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        // NO INHERIT: the children of the table are not proved
        if (const QString column = notNullColumnOf(constraint.raw_expr);
            !column.isEmpty() && hasText(constraint.conname) && !constraint.is_no_inherit)
            lock.notNullChecks << NotNullCheckChange{constraint.skip_validation
                                                         ? NotNullCheckChange::Kind::AddedNotValid
                                                         : NotNullCheckChange::Kind::Added,
                                                     QString::fromUtf8(constraint.conname), column};
        if (!constraint.skip_validation) {
            lock.scans = true;
            lock.onlineForm = tr("Add the constraint NOT VALID, then run VALIDATE CONSTRAINT in "
                                 "its own transaction (the next statement of a -- "
                                 "uaip:no-transaction migration, or a later migration): it scans "
                                 "under SHARE UPDATE EXCLUSIVE, which lets reads and writes go "
                                 "on.");
        }
        return lock;
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        if (!usingIndex) {
            lock.scans = true;
            lock.onlineForm = tr("Build the index first with CREATE UNIQUE INDEX CONCURRENTLY in "
                                 "a -- uaip:no-transaction migration, then add the constraint "
                                 "USING INDEX.");
        } else if (constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) {
            // Its columns are made NOT NULL, which scans unless they are already.
            lock.scans = true;
            lock.onlineForm = tr("Make the key columns NOT NULL first (a validated CHECK (column "
                                 "IS NOT NULL) lets SET NOT NULL skip its scan), so that adding "
                                 "the key does not scan the table.");
        }
        return lock;
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
        lock.scans = true; // builds its index
        return lock;
    default:
        return lock;
    }
}

RelationLock AlterTableLockForecast::addForeignKey(const PgQuery__Constraint &constraint,
                                                   const Target &target)
{
    // CREATE TRIGGER's lock, on both tables (AlterTableGetLockLevel, ATAddForeignKeyConstraint).
    RelationLock lock = lockOf(target, Mode::ShareRowExclusive);
    if (!constraint.skip_validation) {
        lock.scans = true;
        lock.onlineForm = tr("Add the foreign key NOT VALID, then run VALIDATE CONSTRAINT in its "
                             "own transaction (the next statement of a -- uaip:no-transaction "
                             "migration, or a later migration): it scans under SHARE UPDATE "
                             "EXCLUSIVE, and takes only ROW SHARE on the referenced table.");
    }
    RelationLock referenced = lock;
    referenced.relation = LockForecastTree::relationName(constraint.pktable);
    if (!referenced.relation.isEmpty())
        target.forecast.add(referenced);
    return lock;
}

RelationLock AlterTableLockForecast::attachPartition(const PgQuery__Node *def, const Target &target)
{
    const PgQuery__PartitionCmd *partition = partitionCmdOf(def);
    if (partition && partition->name) {
        RelationLock attached = RelationLock::on(LockForecastTree::relationName(partition->name),
                                                 Mode::AccessExclusive);
        attached.scans = !target.isIndex;
        if (!target.isIndex) {
            attached.onlineForm = tr("Give the partition a CHECK constraint matching its bound "
                                     "first (NOT VALID, then VALIDATE CONSTRAINT): ATTACH "
                                     "PARTITION then skips its scan.");
            target.forecast.note(tr("ATTACH PARTITION also takes ACCESS EXCLUSIVE on the default "
                                    "partition, if there is one, and scans it."));
        }
        target.forecast.add(attached);
    }
    return lockOf(target, Mode::ShareUpdateExclusive);
}

RelationLock AlterTableLockForecast::detachPartitionFinalize(const PgQuery__Node *def,
                                                             const Target &target)
{
    // tablecmds.c, ATExecDetachPartitionFinalize: the parent as a concurrent detach's first
    // transaction takes it, the pending partition ACCESS EXCLUSIVE.
    const RelationLock parent = lockOf(target, Mode::ShareUpdateExclusive);
    if (const PgQuery__PartitionCmd *partition = partitionCmdOf(def); partition && partition->name)
        target.forecast.add(RelationLock::on(LockForecastTree::relationName(partition->name),
                                             Mode::AccessExclusive));
    return parent;
}

RelationLock AlterTableLockForecast::detachPartition(const PgQuery__Node *def, const Target &target)
{
    const PgQuery__PartitionCmd *partition = partitionCmdOf(def);
    const bool concurrent = partition && partition->concurrent;
    RelationLock lock
        = lockOf(target, concurrent ? Mode::ShareUpdateExclusive : Mode::AccessExclusive);
    if (concurrent)
        target.forecast.note(tr("DETACH PARTITION CONCURRENTLY takes ACCESS EXCLUSIVE on the "
                                "partition in its second transaction, briefly, once every "
                                "query using the parent has ended."));
    if (!concurrent) {
        lock.onlineForm = tr("Use DETACH PARTITION CONCURRENTLY in a -- uaip:no-transaction "
                             "migration.");
        target.forecast.note(tr("DETACH PARTITION also takes ACCESS EXCLUSIVE on the default "
                                "partition, if there is one."));
    }
    if (partition && partition->name) {
        RelationLock detached = lock;
        detached.relation = LockForecastTree::relationName(partition->name);
        detached.mode = Mode::AccessExclusive; // tablecmds.c: the partition, either way
        target.forecast.add(detached);
    }
    return lock;
}

LockMode AlterTableLockForecast::relOptionsMode(const PgQuery__Node *def)
{
    // The options whose lockmode is AccessExclusiveLock in PostgreSQL 15's reloptions.c; the
    // others take ShareUpdateExclusiveLock, and no options at all AccessExclusiveLock.
    static const QSet<QString> accessExclusive{
        QStringLiteral("autosummarize"),          QStringLiteral("fastupdate"),
        QStringLiteral("user_catalog_table"),     QStringLiteral("security_barrier"),
        QStringLiteral("security_invoker"),       QStringLiteral("pages_per_range"),
        QStringLiteral("gin_pending_list_limit"), QStringLiteral("buffering"),
        QStringLiteral("check_option"),
    };
    if (!def || def->node_case != PG_QUERY__NODE__NODE_LIST || !def->list || !def->list->n_items)
        return Mode::AccessExclusive;
    for (const QString &name :
         LockForecastTree::optionNames(def->list->items, def->list->n_items)) {
        if (accessExclusive.contains(name))
            return Mode::AccessExclusive;
    }
    return Mode::ShareUpdateExclusive;
}

RelationLock AlterTableLockForecast::lockOf(const Target &target, LockMode mode)
{
    return RelationLock::on(target.table, mode);
}

} // namespace uaip
