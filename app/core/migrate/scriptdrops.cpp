#include "scriptdrops.h"

#include "expressiondepth.h"
#include "parsetree.h"
#include "parsetreenames.h"
#include "parsetreenode.h"
#include "sqlsplitter.h"

#include <pg_query.h>

#include <QScopeGuard>

namespace uaip {

namespace {

void readDrop(const QJsonObject &drop, RollbackImpact *drops)
{
    const QString objectType = drop.value(u"removeType").toString();
    const QString noun = ParseTreeNames::objectNoun(objectType);
    for (const QJsonValue &object : drop.value(u"objects").toArray()) {
        const QString name = ParseTreeNames::objectName(object, objectType);
        if (objectType == u"OBJECT_TABLE") {
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

void readAlterTable(const QJsonObject &alter, RollbackImpact *drops)
{
    const QString table = ParseTreeNames::relationName(alter.value(u"relation").toObject());
    for (const QJsonValue &cmd : alter.value(u"cmds").toArray()) {
        const ParseTreeNode node = ParseTree::nodeOf(cmd);
        if (node.type != u"AlterTableCmd")
            continue;
        const QString subtype = node.fields.value(u"subtype").toString();
        const QString name = ParseTreeNames::quoteIdentifier(node.fields.value(u"name").toString());
        if (subtype == u"AT_DropColumn") {
            RollbackImpact::Column column;
            column.table = table;
            column.column = name;
            drops->columns << column;
        } else if (subtype == u"AT_DropConstraint") {
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
        PgQueryParseResult parse = ExpressionDepth::parse(statement.text.constData());
        const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
        if (parse.error || !parse.parse_tree)
            return false;
        const QJsonArray stmts
            = ParseTree::read(parse.parse_tree).object().value(u"stmts").toArray();
        for (const QJsonValue &stmt : stmts) {
            const ParseTreeNode node = ParseTree::nodeOf(stmt.toObject().value(u"stmt"));
            if (node.type == u"DropStmt")
                readDrop(node.fields, drops);
            else if (node.type == u"AlterTableStmt"
                     && node.fields.value(u"objtype").toString() == u"OBJECT_TABLE")
                readAlterTable(node.fields, drops);
        }
    }
    return true;
}

} // namespace uaip
