#include "alterrules.h"

#include "forecast/lockforecasttree.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/tableref.h"

#include <QStringList>

#include <utility>

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

// The node's ColumnDef, Constraint or TypeName; nullptr when it holds another kind.
const PgQuery__ColumnDef *columnDefOf(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ? node->column_def : nullptr;
}

const PgQuery__Constraint *constraintOf(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? node->constraint : nullptr;
}

bool isCascade(PgQuery__DropBehavior behavior)
{
    return behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
}

} // namespace

AlterRules::AlterRules(LintContext &context)
    : m_context(context)
{ }

void AlterRules::lintAlterTable(const PgQuery__AlterTableStmt &alter)
{
    if (m_context.isNewTable(alter.relation))
        return;
    Target target;
    target.ref = TableRef::of(alter.relation);
    target.table = ParseTreeNames::relationName(alter.relation);
    target.isType = alter.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE;
    // ALTER TYPE ... DROP ATTRIBUTE locks no table of that name
    target.relation = target.isType ? QString() : target.table;
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const PgQuery__Node *node = alter.cmds[i];
        if (node && node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD
            && node->alter_table_cmd)
            lintAlterCommand(target, *node->alter_table_cmd);
    }
}

void AlterRules::lintAlterCommand(const Target &on, const PgQuery__AlterTableCmd &cmd)
{
    const QString &table = on.table;
    const QString column = on.isType ? QStringLiteral("ATTRIBUTE") : QStringLiteral("COLUMN");
    const QString target = table + u'.' + ParseTreeNames::quoteIdentifier(cmd.name);
    switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        return lintDropFromTable(on, cmd);
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
        const PgQuery__ColumnDef *def = columnDefOf(cmd.def);
        const QString type = ParseTreeNames::typeNameText(def ? def->type_name : nullptr);
        m_context.add(Severity::Danger, Kind::AlterColumnType, target,
                      tr("ALTER %1 %2 TYPE %3 can rewrite the whole table under an exclusive lock, "
                         "and converting the values can fail or lose data (length, precision, time "
                         "zone)")
                          .arg(column, target, type),
                      on.relation);
        break;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        m_context.add(Severity::Warning, Kind::SetNotNull, target,
                      tr("SET NOT NULL on %1 scans the whole table under an exclusive lock and "
                         "fails if any row holds NULL")
                          .arg(target),
                      on.relation);
        m_context.setLastColumn(QString::fromUtf8(cmd.name));
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
        lintRewrite(on, cmd);
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (const PgQuery__ColumnDef *def = columnDefOf(cmd.def))
            lintAddColumn(table, *def);
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (const PgQuery__Constraint *constraint = constraintOf(cmd.def))
            lintAddConstraint(on, *constraint);
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        if (m_context.addedNotValid(on.ref, QString::fromUtf8(cmd.name)))
            m_context.add(Severity::Warning, Kind::ValidateInSameTransaction, target,
                          tr("VALIDATE CONSTRAINT %1 runs in the transaction that added it NOT "
                             "VALID, so it scans %2 while the ADD's exclusive lock is still held; "
                             "validate it in a later migration")
                              .arg(ParseTreeNames::quoteIdentifier(cmd.name), table),
                          on.relation);
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
        lintDetach(on, cmd);
        break;
    default:
        break;
    }
}

void AlterRules::lintDropFromTable(const Target &on, const PgQuery__AlterTableCmd &cmd)
{
    const QString target = on.table + u'.' + ParseTreeNames::quoteIdentifier(cmd.name);
    Severity severity = Severity::Danger;
    Kind kind = Kind::DropColumn;
    QString message;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint) {
        kind = Kind::DropConstraint;
        severity = isCascade(cmd.behavior) ? Severity::Danger : Severity::Warning;
        message = tr("DROP CONSTRAINT %1 on %2 removes a rule the data relied on")
                      .arg(ParseTreeNames::quoteIdentifier(cmd.name), on.table);
    } else {
        message = on.isType ? tr("DROP ATTRIBUTE %1 destroys the attribute and its "
                                 "data in every value of the type")
                                  .arg(target)
                            : tr("DROP COLUMN %1 destroys the column and its data").arg(target);
    }
    if (isCascade(cmd.behavior))
        message = tr("%1; CASCADE also drops every object that depends on it").arg(message);
    m_context.add(severity, kind, target, message, on.relation);
}

void AlterRules::lintRewrite(const Target &on, const PgQuery__AlterTableCmd &cmd)
{
    QString what;
    switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
        what = QStringLiteral("SET TABLESPACE %1").arg(ParseTreeNames::quoteIdentifier(cmd.name));
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
        what = QStringLiteral("SET LOGGED");
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
        what = QStringLiteral("SET UNLOGGED");
        break;
    default:
        what
            = QStringLiteral("SET ACCESS METHOD %1").arg(ParseTreeNames::quoteIdentifier(cmd.name));
        break;
    }
    // %1 is the SQL subcommand (SET UNLOGGED, SET TABLESPACE x, ...), not translated
    m_context.add(Severity::Danger, Kind::RewritesTable, on.table,
                  tr("%1 on %2 writes the whole table anew while it blocks reads and writes; "
                     "uaip-migrate up refuses it on a table over --max-blocking-rows (there is no "
                     "online form: run it in a quiet hour with -- uaip:allow-blocking)")
                      .arg(what, on.table),
                  on.relation);
}

void AlterRules::lintDetach(const Target &on, const PgQuery__AlterTableCmd &cmd)
{
    const PgQuery__PartitionCmd *partition
        = cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD
        ? cmd.def->partition_cmd
        : nullptr;
    if (!partition || partition->concurrent)
        return;
    const QString name = ParseTreeNames::relationName(partition->name);
    m_context.add(Severity::Warning, Kind::DetachPartitionWithoutConcurrently, name,
                  tr("DETACH PARTITION %1 without CONCURRENTLY blocks reads and writes of %2 "
                     "while it waits for its lock and runs; use DETACH PARTITION ... CONCURRENTLY "
                     "in a -- uaip:no-transaction migration")
                      .arg(name, on.table),
                  on.relation);
}

void AlterRules::lintAddColumn(const QString &table, const PgQuery__ColumnDef &columnDef)
{
    const QString target = table + u'.' + ParseTreeNames::quoteIdentifier(columnDef.colname);
    const ColumnFacts facts = columnFacts(columnDef);
    // each with its message, or an empty one when the column does not bring it along
    const std::pair<Kind, QString> findings[] = {
        {Kind::AddColumnRewritesTable,
         facts.rewrite.isEmpty()
             ? QString()
             : tr("ADD COLUMN %1 %2 rewrites the whole table while it blocks reads and writes; "
                  "add the column without it (a constant or stable DEFAULT is stored once) and "
                  "fill the existing rows in batches")
                   .arg(target, facts.rewrite)},
        {Kind::AddNotNullWithoutDefault,
         !facts.notNull || facts.hasDefault
             ? QString()
             : tr("ADD COLUMN %1 NOT NULL without a DEFAULT fails as soon as the table has a row")
                   .arg(target)},
        {Kind::CreateIndexWithoutConcurrently,
         facts.indexKeyword.isEmpty()
             ? QString()
             : tr("ADD COLUMN %1 %2 builds its index while it blocks all access to the table; add "
                  "the column, build the index with CREATE UNIQUE INDEX CONCURRENTLY and add the "
                  "constraint USING INDEX")
                   .arg(target, facts.indexKeyword)},
        {Kind::AddConstraintWithoutNotValid,
         facts.checkKeyword.isEmpty()
             ? QString()
             : tr("ADD COLUMN %1 with %2 checks every existing row while it blocks writes to the "
                  "table; add the column, then the constraint NOT VALID, and run VALIDATE "
                  "CONSTRAINT separately")
                   .arg(target, facts.checkKeyword)},
    };
    for (const auto &[kind, message] : findings)
        if (!message.isEmpty())
            m_context.add(Severity::Warning, kind, target, message, table);
}

AlterRules::ColumnFacts AlterRules::columnFacts(const PgQuery__ColumnDef &columnDef)
{
    ColumnFacts facts;
    for (size_t i = 0; i < columnDef.n_constraints; ++i) {
        const PgQuery__Constraint *constraint = constraintOf(columnDef.constraints[i]);
        if (!constraint)
            continue;
        switch (constraint->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
            facts.notNull = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            facts.notNull = true;
            facts.indexKeyword = QStringLiteral("PRIMARY KEY");
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
            facts.indexKeyword = QStringLiteral("UNIQUE");
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            facts.checkKeyword = QStringLiteral("REFERENCES");
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
            facts.checkKeyword = QStringLiteral("CHECK");
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: {
            // DEFAULT NULL is no default at all.
            const PgQuery__Node *expr = constraint->raw_expr;
            if (!(expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const
                  && expr->a_const->isnull))
                facts.hasDefault = true;
            if (expr && LockForecastTree::mayBeVolatile(expr))
                facts.rewrite = tr("with a volatile DEFAULT (one computed for each row)");
            break;
        }
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
            facts.hasDefault = true;
            facts.rewrite = tr("GENERATED AS IDENTITY");
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
            facts.hasDefault = true;
            facts.rewrite = tr("GENERATED ALWAYS AS (...) STORED");
            break;
        default:
            break;
        }
    }
    const QStringList typeNames = columnDef.type_name
        ? ParseTreeNames::stringValues(columnDef.type_name->names, columnDef.type_name->n_names)
        : QStringList();
    static const QStringList serialTypes{
        QStringLiteral("serial"),  QStringLiteral("serial2"),     QStringLiteral("serial4"),
        QStringLiteral("serial8"), QStringLiteral("smallserial"), QStringLiteral("bigserial"),
    };
    if (typeNames.size() == 1 && serialTypes.contains(typeNames.first())) {
        facts.hasDefault = true;
        facts.rewrite = tr("of type %1 (its DEFAULT nextval() is volatile)").arg(typeNames.first());
    }
    return facts;
}

void AlterRules::lintAddConstraint(const Target &on, const PgQuery__Constraint &constraint)
{
    const QString &table = on.table;
    const QString name = QString::fromUtf8(constraint.conname);
    const QString target
        = name.isEmpty() ? table : table + u'.' + ParseTreeNames::quoteIdentifier(name);
    const QString what = name.isEmpty() ? QString() : ParseTreeNames::quoteIdentifier(name) + u' ';
    const PgQuery__ConstrType type = constraint.contype;
    if (constraint.skip_validation)
        m_context.rememberNotValid(on.ref, name);
    if ((type == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN
         || type == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
        && !constraint.skip_validation) {
        const QString keyword = type == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN
            ? QStringLiteral("FOREIGN KEY")
            : QStringLiteral("CHECK");
        m_context.add(
            Severity::Warning, Kind::AddConstraintWithoutNotValid, target,
            tr("ADD CONSTRAINT %1%2 on %3 checks every existing row while it blocks writes to "
               "the table; add it NOT VALID and run VALIDATE CONSTRAINT separately")
                .arg(what, keyword, table),
            on.relation);
    } else if (type == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
        m_context.add(
            Severity::Danger, Kind::AddExclusionConstraint, target,
            tr("ADD CONSTRAINT %1EXCLUDE on %2 builds its index while it blocks all access to the "
               "table, and no form of it builds the index concurrently; uaip-migrate up refuses "
               "it on a table over --max-blocking-rows")
                .arg(what, table),
            on.relation);
    } else if ((type == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY
                || type == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)
               && !(constraint.indexname && *constraint.indexname)) {
        const QString keyword = type == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY
            ? QStringLiteral("PRIMARY KEY")
            : QStringLiteral("UNIQUE");
        m_context.add(
            Severity::Warning, Kind::CreateIndexWithoutConcurrently, target,
            tr("ADD CONSTRAINT %1%2 on %3 builds its index while it blocks all access to the "
               "table; build the index first with CREATE UNIQUE INDEX CONCURRENTLY and add the "
               "constraint USING INDEX")
                .arg(what, keyword, table),
            on.relation);
    }
}

void AlterRules::lintRename(const PgQuery__RenameStmt &rename)
{
    const PgQuery__ObjectType objectType = rename.rename_type;
    const PgQuery__RangeVar *relation = rename.relation;
    const QString newName = ParseTreeNames::quoteIdentifier(rename.newname);
    if (objectType == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
        || objectType == PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE) {
        if (m_context.isNewTable(relation)) {
            m_context.forgetNewTable(TableRef::of(relation));
            m_context.rememberNewTable(
                TableRef{TableRef::of(relation).schema, QString::fromUtf8(rename.newname)});
            return;
        }
        const QString table = ParseTreeNames::relationName(relation);
        m_context.add(Severity::Warning, Kind::RenameTable, table,
                      tr("RENAME of table %1 to %2 breaks every query and program that still "
                         "uses the old name")
                          .arg(table, newName),
                      table);
    } else if (objectType == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN
               || objectType == PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE) {
        if (m_context.isNewTable(relation))
            return;
        const QString table = objectType == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN
            ? ParseTreeNames::relationName(relation)
            : QString();
        const QString target = ParseTreeNames::relationName(relation) + u'.'
            + ParseTreeNames::quoteIdentifier(rename.subname);
        m_context.add(Severity::Warning, Kind::RenameColumn, target,
                      tr("RENAME COLUMN %1 to %2 breaks every query and program that still "
                         "uses the old name")
                          .arg(target, newName),
                      table);
    } else {
        lintRenameOther(rename);
    }
}

void AlterRules::lintRenameOther(const PgQuery__RenameStmt &rename)
{
    static const QList<PgQuery__ObjectType> breakingTypes{
        PG_QUERY__OBJECT_TYPE__OBJECT_VIEW,      PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW,
        PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA,    PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION,
        PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE, PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE,
        PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE, PG_QUERY__OBJECT_TYPE__OBJECT_TYPE,
        PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN,    PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE,
        PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE,
    };
    const PgQuery__ObjectType objectType = rename.rename_type;
    if (!breakingTypes.contains(objectType))
        return;
    QString name;
    if (rename.relation)
        name = ParseTreeNames::relationName(rename.relation);
    else if (rename.object)
        name = ParseTreeNames::objectName(rename.object, objectType);
    else
        name = ParseTreeNames::quoteIdentifier(rename.subname);
    m_context.add(Severity::Warning, Kind::RenameOther, name,
                  // %1 is the SQL object type (view, function, ...), not translated
                  tr("RENAME of %1 %2 to %3 breaks every query and program that still uses "
                     "the old name")
                      .arg(ParseTreeNames::objectNoun(objectType), name,
                           ParseTreeNames::quoteIdentifier(rename.newname)));
}

void AlterRules::lintCreateIndex(const PgQuery__IndexStmt &index)
{
    if (index.concurrent || m_context.isNewTable(index.relation))
        return;
    const QString table = ParseTreeNames::relationName(index.relation);
    const QString name = QString::fromUtf8(index.idxname);
    const QString what = name.isEmpty()
        ? QStringLiteral("CREATE INDEX ON %1").arg(table)
        : QStringLiteral("CREATE INDEX %1 ON %2").arg(ParseTreeNames::quoteIdentifier(name), table);
    m_context.add(
        Severity::Warning, Kind::CreateIndexWithoutConcurrently, table,
        tr("%1 without CONCURRENTLY blocks writes to the table until the index is built; use "
           "CREATE INDEX CONCURRENTLY in a -- uaip:no-transaction migration")
            .arg(what),
        table);
}

} // namespace uaip
