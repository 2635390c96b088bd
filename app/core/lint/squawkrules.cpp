#include "squawkrules.h"

#include "sqlparse/parsetreenames.h"

#include <QStringList>

namespace uaip {

namespace {

using Kind = LintFinding::Kind;

const PgQuery__ColumnDef *squawkColumnDef(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ? node->column_def : nullptr;
}

// The type's name without pg_catalog, e.g. int4, varchar, serial.
QString baseTypeName(const PgQuery__TypeName &type)
{
    QStringList names = ParseTreeNames::stringValues(type.names, type.n_names);
    if (names.size() == 2 && names.first() == u"pg_catalog")
        names.removeFirst();
    return names.size() == 1 ? names.first() : QString();
}

bool squawkHasText(const char *text)
{
    return text && *text;
}

} // namespace

SquawkRules::SquawkRules(LintContext &context)
    : m_context(context)
{ }

void SquawkRules::lint(const PgQuery__Node *node)
{
    if (!node)
        return;
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
        return lintCreateTable(*node->create_stmt);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return lintAlterTable(*node->alter_table_stmt);
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        return lintCreateIndex(*node->index_stmt);
    case PG_QUERY__NODE__NODE_DROP_STMT:
        return lintDrop(*node->drop_stmt);
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
        return lintAlterEnum(*node->alter_enum_stmt);
    default:
        return;
    }
}

void SquawkRules::lintCreateTable(const PgQuery__CreateStmt &create)
{
    const QString table = ParseTreeNames::relationName(create.relation);
    for (size_t i = 0; i < create.n_table_elts; ++i)
        if (const PgQuery__ColumnDef *column = squawkColumnDef(create.table_elts[i]))
            lintColumnType(table + u'.' + ParseTreeNames::quoteIdentifier(column->colname),
                           column->type_name);
    const bool temporary = create.relation && create.relation->relpersistence
        && QByteArray(create.relation->relpersistence) == "t";
    if (!create.if_not_exists && !m_context.inTransaction()
        && !(temporary && create.oncommit == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP))
        notRobust(table, QStringLiteral("CREATE TABLE %1 without IF NOT EXISTS").arg(table));
}

void SquawkRules::lintAlterTable(const PgQuery__AlterTableStmt &alter)
{
    const QString table = ParseTreeNames::relationName(alter.relation);
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const PgQuery__Node *node = alter.cmds[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD
            || !node->alter_table_cmd)
            continue;
        const PgQuery__AlterTableCmd &cmd = *node->alter_table_cmd;
        const QString column = table + u'.' + ParseTreeNames::quoteIdentifier(cmd.name);
        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull)
            m_context.add(LintFinding::Severity::Warning, Kind::BanDropNotNull, column,
                          tr("DROP NOT NULL on %1 lets NULL in where the code that reads the "
                             "column may not expect it")
                              .arg(column));
        if (const PgQuery__ColumnDef *def = squawkColumnDef(cmd.def); def
            && (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn
                || cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType))
            lintColumnType(cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn
                               ? table + u'.' + ParseTreeNames::quoteIdentifier(def->colname)
                               : column,
                           def->type_name);
        lintAlterTableRobust(cmd, table);
    }
}

// squawk's prefer-robust-stmts for one ALTER TABLE action: its constraint pairing (a DROP
// CONSTRAINT before ADD CONSTRAINT of the same name makes the ADD repeatable) is kept in a
// transaction too.
void SquawkRules::lintAlterTableRobust(const PgQuery__AlterTableCmd &cmd, const QString &table)
{
    const QString name = QString::fromUtf8(cmd.name);
    QString what;
    switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        m_droppedConstraints.insert(name, false);
        if (cmd.missing_ok)
            return;
        what = QStringLiteral("DROP CONSTRAINT %1 without IF EXISTS")
                   .arg(ParseTreeNames::quoteIdentifier(cmd.name));
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (cmd.missing_ok)
            return;
        what = QStringLiteral("ADD COLUMN without IF NOT EXISTS");
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        if (cmd.missing_ok)
            return;
        what = QStringLiteral("DROP COLUMN %1 without IF EXISTS")
                   .arg(ParseTreeNames::quoteIdentifier(cmd.name));
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        if (m_droppedConstraints.contains(name))
            return;
        what = QStringLiteral("VALIDATE CONSTRAINT %1").arg(ParseTreeNames::quoteIdentifier(name));
        break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
        const PgQuery__Constraint *constraint
            = cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? cmd.def->constraint
                                                                               : nullptr;
        const QString added = constraint ? QString::fromUtf8(constraint->conname) : QString();
        if (const auto it = m_droppedConstraints.find(added);
            !added.isEmpty() && it != m_droppedConstraints.end() && !*it) {
            *it = true;
            return;
        }
        what = QStringLiteral("ADD CONSTRAINT");
        break;
    }
    default:
        what = QStringLiteral("ALTER TABLE %1").arg(table);
        break;
    }
    if (!m_context.inTransaction())
        notRobust(table, what);
}

void SquawkRules::lintCreateIndex(const PgQuery__IndexStmt &index)
{
    if (index.if_not_exists || !squawkHasText(index.idxname)
        || !(index.concurrent || !m_context.inTransaction()))
        return;
    const QString name = ParseTreeNames::quoteIdentifier(index.idxname);
    notRobust(name, QStringLiteral("CREATE INDEX %1 without IF NOT EXISTS").arg(name));
}

void SquawkRules::lintDrop(const PgQuery__DropStmt &drop)
{
    const PgQuery__ObjectType type = drop.remove_type;
    if (drop.missing_ok || m_context.inTransaction()
        || (type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
            && type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX
            && type != PG_QUERY__OBJECT_TYPE__OBJECT_TYPE))
        return;
    // %1 is the SQL object type (table, index, type), not translated
    notRobust(QString(),
              QStringLiteral("DROP %1 without IF EXISTS")
                  .arg(ParseTreeNames::objectNoun(type).toUpper()));
}

void SquawkRules::lintAlterEnum(const PgQuery__AlterEnumStmt &alterEnum)
{
    if (!squawkHasText(alterEnum.new_val) || squawkHasText(alterEnum.old_val)
        || squawkHasText(alterEnum.new_val_neighbor))
        return;
    const QString type
        = ParseTreeNames::stringValues(alterEnum.type_name, alterEnum.n_type_name).join(u'.');
    m_context.add(LintFinding::Severity::Warning, Kind::RequireEnumValueOrdering, type,
                  tr("ADD VALUE %1 to %2 without BEFORE or AFTER puts it last, whatever order "
                     "the values are meant to sort in; say where it goes")
                      .arg(QStringLiteral("'%1'").arg(QString::fromUtf8(alterEnum.new_val)), type));
}

void SquawkRules::lintColumnType(const QString &column, const PgQuery__TypeName *type)
{
    if (!type)
        return;
    const QString name = baseTypeName(*type);
    const int at = type->location;
    if (name == u"varchar" && type->n_typmods > 0)
        addAt(at, Kind::PreferTextField, column,
              tr("%1 is varchar(n): changing its length later takes an ACCESS EXCLUSIVE lock; "
                 "use text with a CHECK on its length")
                  .arg(column));
    if (name == u"timestamp")
        addAt(at, Kind::PreferTimestamptz, column,
              tr("%1 is timestamp without time zone, whose values shift with the session's "
                 "time zone setting; use timestamptz")
                  .arg(column));
    static const QStringList serials{
        QStringLiteral("serial"),  QStringLiteral("serial2"),     QStringLiteral("serial4"),
        QStringLiteral("serial8"), QStringLiteral("smallserial"), QStringLiteral("bigserial"),
    };
    if (serials.contains(name))
        addAt(at, Kind::PreferIdentity, column,
              tr("%1 is %2, whose sequence is a separate object to own and grant; use "
                 "GENERATED ... AS IDENTITY")
                  .arg(column, name));
    if (name == u"int4" || name == u"serial" || name == u"serial4")
        addAt(
            at, Kind::PreferBigintOverInt, column,
            tr("%1 is a 32-bit integer, which runs out at 2,147,483,647; use bigint").arg(column));
    if (name == u"bpchar")
        addAt(at, Kind::BanCharField, column,
              tr("%1 is char(n), which pads its values with blanks; use text (with a CHECK on "
                 "its length)")
                  .arg(column));
}

void SquawkRules::addAt(int location, LintFinding::Kind kind, const QString &object,
                        const QString &message)
{
    const int statementOffset = m_context.offset();
    const TextPosition statementPosition = m_context.position();
    if (location >= 0) {
        const int offset = statementOffset + location;
        m_context.setLocation(
            offset,
            TextPosition::fromOffset(m_context.sql(), offset, statementOffset, statementPosition));
    }
    m_context.add(LintFinding::Severity::Warning, kind, object, message);
    m_context.setLocation(statementOffset, statementPosition);
}

void SquawkRules::notRobust(const QString &object, const QString &what)
{
    // %1 is the SQL that cannot run again (e.g. CREATE TABLE x without IF NOT EXISTS)
    m_context.add(LintFinding::Severity::Warning, Kind::PreferRobustStmts, object,
                  tr("%1 outside a transaction: if the migration fails part way, it cannot "
                     "simply run again")
                      .arg(what));
}

} // namespace uaip
