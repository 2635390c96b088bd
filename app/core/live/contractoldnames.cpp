#include "contractoldnames.h"

#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/tableref.h"

namespace uaip {

namespace {

using OldName = ContractOldNames::OldName;

TableRef refOf(const OldName &n)
{
    return {n.schema, n.table};
}

// The schema and name of a DROP's object (a list of String nodes: [schema.]name).
std::optional<OldName> droppedRelation(const PgQuery__Node *object)
{
    if (!object || object->node_case != PG_QUERY__NODE__NODE_LIST)
        return std::nullopt;
    const QStringList parts
        = ParseTreeNames::stringValues(object->list->items, object->list->n_items);
    if (parts.isEmpty())
        return std::nullopt;
    return OldName{parts.size() > 1 ? parts.at(parts.size() - 2) : QString(), parts.last(),
                   QString()};
}

struct Found
{
    QList<OldName> removed;
    QList<OldName> madeAgain;
};

void readAlter(const PgQuery__AlterTableStmt &alter, Found &found)
{
    const TableRef table = TableRef::of(alter.relation);
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const PgQuery__Node *node = alter.cmds[i];
        if (node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            continue;
        const PgQuery__AlterTableCmd &cmd = *node->alter_table_cmd;
        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && cmd.name)
            found.removed << OldName{table.schema, table.name, QString::fromUtf8(cmd.name)};
    }
}

void readDrop(const PgQuery__DropStmt &drop, Found &found)
{
    if (drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
        && drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_VIEW
        && drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
        return;
    for (size_t i = 0; i < drop.n_objects; ++i)
        if (const std::optional<OldName> name = droppedRelation(drop.objects[i]))
            found.removed << *name;
}

void readRename(const PgQuery__RenameStmt &rename, Found &found)
{
    if (!rename.newname || !rename.relation)
        return;
    const TableRef table = TableRef::of(rename.relation);
    const QString newName = QString::fromUtf8(rename.newname);
    if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN)
        found.madeAgain << OldName{table.schema, table.name, newName};
    else if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
             || rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW
             || rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
        found.madeAgain << OldName{table.schema, newName, QString()};
}

bool madeAgain(const OldName &name, const QList<OldName> &again)
{
    for (const OldName &a : again)
        if (a.column == name.column && refOf(a).matches(refOf(name)))
            return true;
    return false;
}

} // namespace

QString ContractOldNames::OldName::text() const
{
    QStringList parts;
    if (!schema.isEmpty())
        parts << schema;
    parts << table;
    if (!column.isEmpty())
        parts << column;
    return ParseTreeNames::qualifiedName(parts);
}

QList<ContractOldNames::OldName> ContractOldNames::of(const QList<SqlStatement> &statements)
{
    Found found;
    for (const SqlStatement &statement : statements) {
        const std::shared_ptr<const PgParseTree> tree = statement.tree();
        if (!tree || !tree->ok())
            continue;
        for (const PgStatementNode &s : tree->statements()) {
            switch (s.node->node_case) {
            case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
                readAlter(*s.node->alter_table_stmt, found);
                break;
            case PG_QUERY__NODE__NODE_DROP_STMT:
                readDrop(*s.node->drop_stmt, found);
                break;
            case PG_QUERY__NODE__NODE_RENAME_STMT:
                readRename(*s.node->rename_stmt, found);
                break;
            default:
                break;
            }
        }
    }
    QList<OldName> out;
    for (const OldName &name : std::as_const(found.removed))
        if (!madeAgain(name, found.madeAgain) && !out.contains(name))
            out << name;
    return out;
}

} // namespace uaip
