#include "onlinesplitreader.h"

#include "sqlparse/pgtokens.h"

namespace uaip {

namespace {

using Cmd = PgQuery__AlterTableCmd;

const Cmd *command(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD ? node->alter_table_cmd
                                                                           : nullptr;
}

const PgQuery__ColumnDef *columnDef(const Cmd &cmd)
{
    return cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ? cmd.def->column_def
                                                                            : nullptr;
}

// The column's only constraint is GENERATED ALWAYS AS (...) STORED.
bool generatedOnly(const PgQuery__ColumnDef &def)
{
    if (def.n_constraints != 1 || !def.constraints[0]
        || def.constraints[0]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
        return false;
    return def.constraints[0]->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED;
}

bool isComment(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__SQL_COMMENT || t.token == PG_QUERY__TOKEN__C_COMMENT;
}

// From the token after the opening parenthesis at tokens[open] to the one before its closing
// one: the text between, and the index of the closing parenthesis (or -1).
int parenthesized(const PgTokens &tokens, size_t open, const QByteArray &text, QByteArray *inside)
{
    int depth = 0;
    int start = -1;
    int end = -1;
    for (size_t i = open; i < tokens.size(); ++i) {
        const PgQuery__ScanToken &t = tokens.at(i);
        if (isComment(t))
            continue;
        if (t.token == PG_QUERY__TOKEN__ASCII_40 && depth++ == 0)
            continue;
        if (t.token == PG_QUERY__TOKEN__ASCII_41 && --depth == 0) {
            *inside = start < 0 ? QByteArray() : text.mid(start, end - start);
            return int(i);
        }
        if (start < 0)
            start = t.start;
        end = t.end;
    }
    return -1;
}

} // namespace

bool OnlineSplitReader::isSplit(const PgQuery__AlterTableStmt &alter)
{
    bool drops = false;
    bool generates = false;
    for (size_t i = 0; i < alter.n_cmds; ++i)
        if (const Cmd *cmd = command(alter.cmds[i])) {
            drops = drops || cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn;
            const PgQuery__ColumnDef *def = columnDef(*cmd);
            generates = generates
                || (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && def
                    && generatedOnly(*def));
        }
    return drops && generates;
}

Result<OnlineChange> OnlineSplitReader::read(const PgQuery__AlterTableStmt &alter,
                                             const QByteArray &text)
{
    OnlineChange change;
    change.kind = OnlineChange::Kind::SplitColumn;
    QString defaulted;
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const Cmd *cmd = command(alter.cmds[i]);
        const PgQuery__ColumnDef *def = cmd ? columnDef(*cmd) : nullptr;
        if (cmd && cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && def
            && generatedOnly(*def) && !cmd->missing_ok)
            change.parts << OnlineSplitPart{QString::fromUtf8(def->colname), {}, {}};
        else if (cmd && cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn
                 && change.column.isEmpty() && !cmd->missing_ok
                 && cmd->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
            change.column = QString::fromUtf8(cmd->name);
        else if (cmd && cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault && cmd->def
                 && defaulted.isEmpty())
            defaulted = QString::fromUtf8(cmd->name);
        else
            return Error(ErrorCode::BadInput,
                         tr("a column split has only ADD COLUMN ... GENERATED ALWAYS AS (...) "
                            "STORED, one ALTER COLUMN ... SET DEFAULT (...) and one DROP "
                            "COLUMN; subcommand %1 is none of them")
                             .arg(i + 1));
    }
    if (change.parts.size() < 2)
        return Error(ErrorCode::BadInput,
                     tr("a column split makes two or more columns (ADD COLUMN ... GENERATED "
                        "ALWAYS AS (...) STORED)"));
    if (defaulted != change.column)
        return Error(ErrorCode::BadInput,
                     tr("a column split says how the old column's value is made from the new "
                        "ones while it lives: ALTER COLUMN %1 SET DEFAULT (an expression of the "
                        "new columns)")
                         .arg(change.column));
    if (!cut(text, change.parts, &change.joinExpr))
        return Error(ErrorCode::BadInput, tr("the column split's expressions could not be read"));
    return change;
}

bool OnlineSplitReader::cut(const QByteArray &text, QList<OnlineSplitPart> &parts, QByteArray *join)
{
    const PgTokens tokens(text);
    if (!tokens.ok())
        return false;
    qsizetype part = 0;
    int typeStart = -1; // after the column's name
    int typeEnd = -1;
    bool inColumn = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const PgQuery__ScanToken &t = tokens.at(i);
        if (isComment(t))
            continue;
        if (t.token == PG_QUERY__TOKEN__ADD_P) {
            inColumn = true; // ADD [COLUMN] name type GENERATED ...
            typeStart = typeEnd = -1;
            continue;
        }
        if (inColumn && t.token == PG_QUERY__TOKEN__GENERATED) {
            if (part >= parts.size() || typeStart < 0)
                return false;
            parts[part].type = text.mid(typeStart, typeEnd - typeStart);
            size_t open = i;
            while (open < tokens.size() && tokens.at(open).token != PG_QUERY__TOKEN__ASCII_40)
                ++open;
            const int close = parenthesized(tokens, open, text, &parts[part].expr);
            if (close < 0 || parts[part].expr.isEmpty())
                return false;
            i = size_t(close);
            ++part;
            inColumn = false;
            continue;
        }
        if (inColumn && t.token != PG_QUERY__TOKEN__COLUMN) {
            // the first token after ADD [COLUMN] is the name; the type follows it
            if (typeStart == -1 && typeEnd == -1) {
                typeEnd = -2; // the name seen
                continue;
            }
            if (typeStart < 0)
                typeStart = t.start;
            typeEnd = t.end;
            continue;
        }
        if (t.token == PG_QUERY__TOKEN__DEFAULT && i > 0
            && tokens.at(i - 1).token == PG_QUERY__TOKEN__SET) {
            size_t open = i + 1;
            if (open >= tokens.size() || tokens.at(open).token != PG_QUERY__TOKEN__ASCII_40)
                return false; // the expression is written in parentheses
            const int close = parenthesized(tokens, open, text, join);
            if (close < 0 || join->isEmpty())
                return false;
            i = size_t(close);
        }
    }
    return part == parts.size() && !join->isEmpty();
}

} // namespace uaip
