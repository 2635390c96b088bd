#include "alterrules.h"

#include "parsetreenames.h"
#include "sqlparse/pgtreewalk.h"
#include "tableref.h"

#include <QStringList>

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
    const QString table = ParseTreeNames::relationName(alter.relation);
    const bool isType = alter.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE;
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const PgQuery__Node *node = alter.cmds[i];
        if (node && node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD
            && node->alter_table_cmd)
            lintAlterCommand(table, isType, *node->alter_table_cmd);
    }
}

void AlterRules::lintAlterCommand(const QString &table, bool isType,
                                  const PgQuery__AlterTableCmd &cmd)
{
    const QString column = isType ? QStringLiteral("ATTRIBUTE") : QStringLiteral("COLUMN");
    const QString target = table + u'.' + ParseTreeNames::quoteIdentifier(cmd.name);
    switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: {
        QString message = isType
            ? tr("DROP ATTRIBUTE %1 destroys the attribute and its "
                 "data in every value of the type")
                  .arg(target)
            : tr("DROP COLUMN %1 destroys the column and its data").arg(target);
        if (isCascade(cmd.behavior))
            message = tr("%1; CASCADE also drops every object that depends on it").arg(message);
        m_context.add(Severity::Danger, Kind::DropColumn, target, message);
        break;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
        const PgQuery__ColumnDef *def = columnDefOf(cmd.def);
        const QString type = ParseTreeNames::typeNameText(def ? def->type_name : nullptr);
        m_context.add(Severity::Danger, Kind::AlterColumnType, target,
                      tr("ALTER %1 %2 TYPE %3 can rewrite the whole table under an exclusive lock, "
                         "and converting the values can fail or lose data (length, precision, time "
                         "zone)")
                          .arg(column, target, type));
        break;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        m_context.add(Severity::Warning, Kind::SetNotNull, target,
                      tr("SET NOT NULL on %1 scans the whole table under an exclusive lock and "
                         "fails if any row holds NULL")
                          .arg(target));
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (const PgQuery__ColumnDef *def = columnDefOf(cmd.def))
            lintAddColumn(table, *def);
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (const PgQuery__Constraint *constraint = constraintOf(cmd.def))
            lintAddConstraint(table, *constraint);
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint: {
        QString message = tr("DROP CONSTRAINT %1 on %2 removes a rule the data relied on")
                              .arg(ParseTreeNames::quoteIdentifier(cmd.name), table);
        Severity severity = Severity::Warning;
        if (isCascade(cmd.behavior)) {
            severity = Severity::Danger;
            message = tr("%1; CASCADE also drops every object that depends on it").arg(message);
        }
        m_context.add(severity, Kind::DropConstraint, target, message);
        break;
    }
    default:
        break;
    }
}

void AlterRules::lintAddColumn(const QString &table, const PgQuery__ColumnDef &columnDef)
{
    bool notNull = false;
    bool hasDefault = false;
    for (size_t i = 0; i < columnDef.n_constraints; ++i) {
        const PgQuery__Constraint *constraint = constraintOf(columnDef.constraints[i]);
        if (!constraint)
            continue;
        switch (constraint->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            notNull = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: {
            // DEFAULT NULL is no default at all.
            const PgQuery__Node *expr = constraint->raw_expr;
            if (!(expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const
                  && expr->a_const->isnull))
                hasDefault = true;
            break;
        }
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
            hasDefault = true;
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
    if (typeNames.size() == 1 && serialTypes.contains(typeNames.first()))
        hasDefault = true;
    if (!notNull || hasDefault)
        return;
    const QString target = table + u'.' + ParseTreeNames::quoteIdentifier(columnDef.colname);
    m_context.add(
        Severity::Warning, Kind::AddNotNullWithoutDefault, target,
        tr("ADD COLUMN %1 NOT NULL without a DEFAULT fails as soon as the table has a row")
            .arg(target));
}

void AlterRules::lintAddConstraint(const QString &table, const PgQuery__Constraint &constraint)
{
    const QString name = QString::fromUtf8(constraint.conname);
    const QString target
        = name.isEmpty() ? table : table + u'.' + ParseTreeNames::quoteIdentifier(name);
    const QString what = name.isEmpty() ? QString() : ParseTreeNames::quoteIdentifier(name) + u' ';
    const PgQuery__ConstrType type = constraint.contype;
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
                .arg(what, keyword, table));
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
                .arg(what, keyword, table));
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
                          .arg(table, newName));
    } else if (objectType == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN
               || objectType == PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE) {
        if (m_context.isNewTable(relation))
            return;
        const QString target = ParseTreeNames::relationName(relation) + u'.'
            + ParseTreeNames::quoteIdentifier(rename.subname);
        m_context.add(Severity::Warning, Kind::RenameColumn, target,
                      tr("RENAME COLUMN %1 to %2 breaks every query and program that still "
                         "uses the old name")
                          .arg(target, newName));
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
            .arg(what));
}

} // namespace uaip
