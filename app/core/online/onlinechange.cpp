#include "onlinechange.h"

#include "onlinesplitreader.h"

#include "migrate/objectkinds.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtokens.h"
#include "sqlparse/sqlsplitter.h"
#include "sqlparse/textposition.h"

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

namespace {

QString forms()
{
    return OnlineChange::tr(
        "an online change is one statement of these: ALTER TABLE t RENAME COLUMN a TO b; "
        "ALTER TABLE t RENAME TO u; ALTER TABLE t ALTER COLUMN c TYPE T [USING expr]; "
        "ALTER TABLE t ALTER COLUMN c SET NOT NULL; a split of c: ALTER TABLE t ADD COLUMN a1 "
        "T1 GENERATED ALWAYS AS (expr of c) STORED, ADD COLUMN a2 ..., ALTER COLUMN c SET "
        "DEFAULT (expr of a1, a2), DROP COLUMN c");
}

// BadInput at byte offset of sql: "line:col: what; the four forms".
Error badInput(const QByteArray &sql, int offset, const QString &what)
{
    const TextPosition at = TextPosition::fromOffset(sql, offset);
    return Error(ErrorCode::BadInput,
                 QStringLiteral("%1: %2; %3").arg(at.toString(), what, forms()),
                 {{QStringLiteral("line"), at.line}, {QStringLiteral("column"), at.column}});
}

bool isComment(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__SQL_COMMENT || t.token == PG_QUERY__TOKEN__C_COMMENT;
}

// The type's text and the USING expression's, cut from the statement's text at its tokens: the
// type from its first token (the tree's location) to the last token before USING (or the
// statement's end), the expression from the token after USING to the statement's end.
bool cutTypeAndUsing(const QByteArray &text, int typeStart, QByteArray *type, QByteArray *expr)
{
    const PgTokens tokens(text);
    if (!tokens.ok() || typeStart < 0)
        return false;
    int typeEnd = -1;
    int exprStart = -1;
    int exprEnd = -1;
    bool afterUsing = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const PgQuery__ScanToken &t = tokens.at(i);
        if (t.start < typeStart || isComment(t))
            continue;
        if (!afterUsing && t.token == PG_QUERY__TOKEN__USING) {
            afterUsing = true;
            continue;
        }
        if (!afterUsing)
            typeEnd = t.end;
        else {
            if (exprStart < 0)
                exprStart = t.start;
            exprEnd = t.end;
        }
    }
    if (typeEnd <= typeStart || (afterUsing && exprStart < 0))
        return false;
    *type = text.mid(typeStart, typeEnd - typeStart);
    *expr = afterUsing ? text.mid(exprStart, exprEnd - exprStart) : QByteArray();
    return true;
}

void setRelation(OnlineChange &change, const PgQuery__RangeVar *relation)
{
    change.schema = QString::fromUtf8(relation->schemaname);
    change.table = QString::fromUtf8(relation->relname);
}

// RENAME COLUMN of a table, or RENAME TO of a table; an error for any other rename.
Result<OnlineChange> fromRename(const PgQuery__RenameStmt &rename, const QByteArray &sql,
                                int offset)
{
    OnlineChange change;
    const bool ofTable = rename.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
    if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN && ofTable && rename.relation)
        change.kind = OnlineChange::Kind::RenameColumn;
    else if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && rename.relation)
        change.kind = OnlineChange::Kind::RenameTable;
    else
        return badInput(
            sql, offset,
            //: %1 what is renamed: index, view, column, ... (of a view)
            OnlineChange::tr("this rename (%1) has no online form written here")
                .arg(ObjectKinds::display(ParseTreeNames::objectNoun(rename.rename_type))));
    setRelation(change, rename.relation);
    change.column = QString::fromUtf8(rename.subname);
    change.newName = QString::fromUtf8(rename.newname);
    return change;
}

// ALTER COLUMN ... TYPE or SET NOT NULL, the ALTER TABLE's only subcommand.
Result<OnlineChange> fromAlter(const PgQuery__AlterTableStmt &alter, const QByteArray &text,
                               const QByteArray &sql, int offset)
{
    if (alter.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !alter.relation)
        return badInput(sql, offset,
                        OnlineChange::tr("ALTER %1 has no online form written here")
                            .arg(ParseTreeNames::objectNoun(alter.objtype).toUpper()));
    if (OnlineSplitReader::isSplit(alter)) {
        Result<OnlineChange> split = OnlineSplitReader::read(alter, text);
        if (!split)
            return badInput(sql, offset, split.error().text());
        setRelation(*split, alter.relation);
        return split;
    }
    if (alter.n_cmds != 1 || !alter.cmds[0]
        || alter.cmds[0]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
        return badInput(sql, offset,
                        OnlineChange::tr("the ALTER TABLE has %n subcommands; an online change has "
                                         "one",
                                         nullptr, int(alter.n_cmds)));
    const PgQuery__AlterTableCmd &cmd = *alter.cmds[0]->alter_table_cmd;
    OnlineChange change;
    setRelation(change, alter.relation);
    change.column = QString::fromUtf8(cmd.name);
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull) {
        change.kind = OnlineChange::Kind::SetNotNull;
        return change;
    }
    const PgQuery__ColumnDef *def = cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF
        ? cmd.def->column_def
        : nullptr;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)
        return badInput(sql, offset,
                        OnlineChange::tr("this ALTER TABLE subcommand has no online form "
                                         "written here"));
    if (!def || !def->type_name
        || !cutTypeAndUsing(text, def->type_name->location, &change.newType, &change.usingExpr))
        return badInput(sql, offset, OnlineChange::tr("the new type could not be read"));
    change.kind = OnlineChange::Kind::ChangeType;
    return change;
}

} // namespace

Result<OnlineChange> OnlineChange::parse(const QByteArray &sql)
{
    const SqlSplitResult split = SqlSplitter::split(sql);
    if (split.error)
        return badInput(sql, split.error->offset, split.error->message);
    if (split.statements.isEmpty())
        return badInput(sql, 0, tr("no statement"));
    if (split.statements.size() > 1)
        return badInput(
            sql, split.statements.at(1).offset,
            tr("%n statements; an online change is one", nullptr, int(split.statements.size())));
    const SqlStatement &statement = split.statements.first();
    const std::shared_ptr<const PgParseTree> tree = statement.tree();
    if (!tree || !tree->ok() || tree->statements().size() != 1)
        return badInput(sql, statement.offset, tr("the statement could not be read"));
    const PgQuery__Node &node = *tree->statements().first().node;
    if (node.node_case == PG_QUERY__NODE__NODE_RENAME_STMT)
        return fromRename(*node.rename_stmt, sql, statement.offset);
    if (node.node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)
        return fromAlter(*node.alter_table_stmt, statement.text, sql, statement.offset);
    return badInput(sql, statement.offset, tr("this statement has no online form written here"));
}

QString OnlineChange::tableText() const
{
    return schema.isEmpty() ? ParseTreeNames::quoteIdentifier(table)
                            : ParseTreeNames::qualifiedName({schema, table});
}

QString OnlineChange::describe() const
{
    const QString quotedColumn = ParseTreeNames::quoteIdentifier(column);
    const QString name = ParseTreeNames::quoteIdentifier(newName);
    switch (kind) {
    case Kind::RenameColumn:
        //: %1 the table, %2 the column, %3 its new name
        return tr("rename column %2 of %1 to %3").arg(tableText(), quotedColumn, name);
    case Kind::RenameTable:
        return tr("rename table %1 to %2").arg(tableText(), name);
    case Kind::ChangeType:
        if (usingExpr.isEmpty())
            //: %1 the table, %2 the column, %3 the new type as written
            return tr("change the type of %2 of %1 to %3")
                .arg(tableText(), quotedColumn, QString::fromUtf8(newType));
        //: %1 the table, %2 the column, %3 the new type, %4 the USING expression as written
        return tr("change the type of %2 of %1 to %3 using %4")
            .arg(tableText(), quotedColumn, QString::fromUtf8(newType),
                 QString::fromUtf8(usingExpr));
    case Kind::SetNotNull:
        return tr("make %2 of %1 NOT NULL").arg(tableText(), quotedColumn);
    case Kind::SplitColumn: {
        QStringList names;
        for (const OnlineSplitPart &p : parts)
            names << ParseTreeNames::quoteIdentifier(p.name);
        //: %1 the table, %2 the column, %3 the new columns
        return tr("split %2 of %1 into %3")
            .arg(tableText(), quotedColumn, names.join(QStringLiteral(", ")));
    }
    }
    return {};
}

} // namespace uaip
