#include "scriptdrops.h"

#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlsplitter.h"

namespace uaip {

namespace {

void readDrop(const PgQuery__DropStmt &drop, RollbackImpact *drops)
{
    const QString noun = ParseTreeNames::objectNoun(drop.remove_type);
    for (size_t i = 0; i < drop.n_objects; ++i) {
        const QString name = ParseTreeNames::objectName(drop.objects[i], drop.remove_type);
        if (drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
            RollbackImpact::Table table;
            table.name = name;
            drops->tables << table;
        } else {
            RollbackImpact::Object dropped;
            dropped.kind = noun;
            dropped.name = name;
            drops->objects << dropped;
        }
    }
}

void readAlterTable(const PgQuery__AlterTableStmt &alter, RollbackImpact *drops)
{
    const QString table = ParseTreeNames::relationName(alter.relation);
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const PgQuery__Node *node = alter.cmds[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            continue;
        const PgQuery__AlterTableCmd *cmd = node->alter_table_cmd;
        const QString name = ParseTreeNames::quoteIdentifier(cmd->name);
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) {
            RollbackImpact::Column column;
            column.table = table;
            column.column = name;
            drops->columns << column;
        } else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint) {
            RollbackImpact::Object constraint;
            constraint.kind = QStringLiteral("constraint");
            constraint.name = name;
            constraint.table = table;
            drops->objects << constraint;
        }
    }
}

} // namespace

bool ScriptDrops::read(const QByteArray &script, RollbackImpact *drops)
{
    const SqlSplitResult split = SqlSplitter::split(script);
    if (!split.ok())
        return false;
    for (const SqlStatement &statement : split.statements) {
        const std::shared_ptr<const PgParseTree> parsedTree = statement.tree();
        const PgParseTree &tree = *parsedTree;
        if (!tree.ok())
            return false;
        for (const PgStatementNode &stmt : tree.statements()) {
            const PgQuery__Node *node = stmt.node;
            if (!node)
                continue;
            if (node->node_case == PG_QUERY__NODE__NODE_DROP_STMT && node->drop_stmt)
                readDrop(*node->drop_stmt, drops);
            else if (node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT
                     && node->alter_table_stmt
                     && node->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
                readAlterTable(*node->alter_table_stmt, drops);
        }
    }
    return true;
}

} // namespace uaip
