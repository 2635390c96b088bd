#include "batchedstatement.h"

#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/sqlstatement.h"

#include <QSet>

#include <vector>

namespace uaip {

namespace {

// Functions that fold many rows into one: in an INSERT ... SELECT each batch would fold its own
// rows only. Aggregates are known from the tree by their clauses (*, DISTINCT, ORDER BY,
// FILTER, OVER); a plain call by the built-in aggregates' names.
bool foldsRows(const PgQuery__FuncCall &call)
{
    static const QSet<QString> aggregates{QStringLiteral("count"),
                                          QStringLiteral("sum"),
                                          QStringLiteral("avg"),
                                          QStringLiteral("min"),
                                          QStringLiteral("max"),
                                          QStringLiteral("array_agg"),
                                          QStringLiteral("string_agg"),
                                          QStringLiteral("bool_and"),
                                          QStringLiteral("bool_or"),
                                          QStringLiteral("every"),
                                          QStringLiteral("json_agg"),
                                          QStringLiteral("jsonb_agg"),
                                          QStringLiteral("xmlagg"),
                                          QStringLiteral("bit_and"),
                                          QStringLiteral("bit_or"),
                                          QStringLiteral("stddev"),
                                          QStringLiteral("variance"),
                                          QStringLiteral("json_object_agg"),
                                          QStringLiteral("jsonb_object_agg")};
    if (call.agg_star || call.agg_distinct || call.n_agg_order > 0 || call.agg_filter || call.over)
        return true;
    const QStringList name = ParseTreeNames::stringValues(call.funcname, call.n_funcname);
    return !name.isEmpty() && aggregates.contains(name.last());
}

bool anyFold(const ProtobufCMessage *root)
{
    return !PgTreeWalk::eachNode(root, [](const PgQuery__Node *node) {
        return !(node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL && foldsRows(*node->func_call));
    });
}

// Whether an INSERT's rows come from no table at all (VALUES, generate_series, a SELECT without
// FROM): then there is nothing to walk, and it runs once.
bool readsNoTable(const PgQuery__SelectStmt &s)
{
    if (s.op != PG_QUERY__SET_OPERATION__SETOP_NONE)
        return false;
    return PgTreeWalk::each(&s.base, [](const ProtobufCMessage *message) {
        return message->descriptor != &pg_query__range_var__descriptor;
    });
}

// Why the SELECT of an INSERT ... SELECT cannot be cut into batches of its table's keys; empty
// when it can.
QString selectRefusal(const PgQuery__SelectStmt &s)
{
    const auto why = [](const char *what) {
        return BatchedStatement::tr("its SELECT has %1, which batches would change")
            .arg(QLatin1StringView(what));
    };
    if (s.op != PG_QUERY__SET_OPERATION__SETOP_NONE)
        return BatchedStatement::tr("it inserts a UNION, INTERSECT or EXCEPT, not rows of one "
                                    "table");
    if (s.with_clause)
        return why("WITH");
    if (s.n_distinct_clause > 0)
        return why("DISTINCT");
    if (s.n_group_clause > 0 || s.having_clause)
        return why("GROUP BY or HAVING");
    if (s.n_sort_clause > 0 || s.limit_count || s.limit_offset)
        return why("ORDER BY, LIMIT or OFFSET");
    if (s.n_window_clause > 0 || s.n_locking_clause > 0)
        return why("WINDOW or FOR UPDATE");
    if (s.n_from_clause != 1 || s.from_clause[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
        return BatchedStatement::tr("its SELECT must read FROM exactly one table (join the "
                                    "others in its WHERE or in subqueries)");
    for (size_t i = 0; i < s.n_target_list; ++i)
        if (anyFold(&s.target_list[i]->base))
            return why("an aggregate or window function");
    return {};
}

const PgQuery__RangeVar *fromTable(const PgQuery__SelectStmt &s)
{
    return s.from_clause[0]->range_var;
}

// Every part quoted, keywords too (user, order): the names as the parser stored them.
QString quoted(const char *name)
{
    return u'"' + QString::fromUtf8(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString quotedRelation(const PgQuery__RangeVar &r)
{
    QStringList parts;
    for (const char *part : {r.catalogname, r.schemaname, r.relname})
        if (part && *part)
            parts << quoted(part);
    return parts.join(u'.');
}

// Whether the statement names the walked table anywhere but as the table it walks (a
// subquery, a join, the INSERT's target): earlier batches change what those read. Matched by
// name, a different schema written out excepted.
bool readsItself(const PgQuery__Node *stmt, const PgQuery__RangeVar *walked)
{
    const QByteArray schema = walked->schemaname ? QByteArray(walked->schemaname) : QByteArray();
    return !PgTreeWalk::each(&stmt->base, [&](const ProtobufCMessage *message) {
        if (message->descriptor != &pg_query__range_var__descriptor || message == &walked->base)
            return true;
        const auto *other = reinterpret_cast<const PgQuery__RangeVar *>(message);
        const QByteArray otherSchema
            = other->schemaname ? QByteArray(other->schemaname) : QByteArray();
        const bool sameName = qstrcmp(other->relname, walked->relname) == 0;
        return !(sameName && (schema.isEmpty() || otherSchema.isEmpty() || schema == otherSchema));
    });
}

// The slot of the statement's WHERE (of its SELECT for an INSERT), in a tree parsed from it.
PgQuery__Node **whereSlot(PgQuery__Node *stmt)
{
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
        return &stmt->update_stmt->where_clause;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
        return &stmt->delete_stmt->where_clause;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
        return &stmt->insert_stmt->select_stmt->select_stmt->where_clause;
    default:
        return nullptr;
    }
}

} // namespace

Result<std::optional<BatchedStatement>> BatchedStatement::of(const SqlStatement &statement)
{
    const auto refused = [](const QString &why) { return Error(ErrorCode::Refused, why); };
    const std::optional<BatchedStatement> once; // another kind: it runs once as it is
    BatchedStatement out;
    out.m_tree = statement.tree();
    const PgParseTree &tree = *out.m_tree;
    if (!tree.ok() || tree.result()->n_stmts != 1)
        return once; // it fails as it is, where it runs
    const PgQuery__Node *node = tree.result()->stmts[0]->stmt;
    out.m_text = statement.text;
    const PgQuery__RangeVar *table = nullptr;
    const PgQuery__WithClause *with = nullptr;
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
        table = node->update_stmt->relation;
        with = node->update_stmt->with_clause;
        break;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
        out.m_kind = Kind::Delete;
        table = node->delete_stmt->relation;
        with = node->delete_stmt->with_clause;
        break;
    case PG_QUERY__NODE__NODE_INSERT_STMT: {
        const PgQuery__Node *select = node->insert_stmt->select_stmt;
        if (!select || select->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
            return once; // INSERT ... DEFAULT VALUES: one row
        if (readsNoTable(*select->select_stmt))
            return once; // VALUES, generate_series: nothing to walk
        out.m_kind = Kind::InsertSelect;
        with = node->insert_stmt->with_clause;
        if (const QString why = selectRefusal(*select->select_stmt); !why.isEmpty())
            return refused(why);
        table = fromTable(*select->select_stmt);
        break;
    }
    default:
        return once;
    }
    if (with)
        return refused(tr("%1 with WITH cannot be batched: move the WITH's query into the "
                          "statement's WHERE or FROM")
                           .arg(out.kindName()));
    if (readsItself(node, table))
        return refused(tr("it reads %1 again (in a subquery, a join or as its target), which the "
                          "earlier batches change")
                           .arg(ParseTreeNames::relationName(table)));
    out.m_table = ParseTreeNames::relationName(table);
    out.m_quotedTable = quotedRelation(*table);
    out.m_qualifier = QString::fromUtf8(table->alias ? table->alias->aliasname : table->relname);
    out.readTargets(*node);
    // Written once with a stand-in key: a statement libpg_query cannot write back faithfully is
    // refused with the others, before anything of the migration runs, not at its first batch.
    if (const auto written
        = out.rangeSql({{QStringLiteral("id"), QStringLiteral("bigint")}}, true, true);
        !written)
        return refused(
            tr("it cannot be written with a key range: %1").arg(written.error().toString()));
    return std::optional<BatchedStatement>(out);
}

void BatchedStatement::readTargets(const PgQuery__Node &node)
{
    if (node.node_case == PG_QUERY__NODE__NODE_UPDATE_STMT)
        for (size_t i = 0; i < node.update_stmt->n_target_list; ++i)
            if (const PgQuery__Node *target = node.update_stmt->target_list[i];
                target->node_case == PG_QUERY__NODE__NODE_RES_TARGET && target->res_target->name)
                m_setColumns << QString::fromUtf8(target->res_target->name);
    if (m_kind != Kind::InsertSelect)
        return;
    const PgQuery__SelectStmt &select = *node.insert_stmt->select_stmt->select_stmt;
    for (size_t i = 0; i < select.n_target_list; ++i)
        PgTreeWalk::eachNode(&select.target_list[i]->base, [&](const PgQuery__Node *n) {
            if (n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
                const QStringList name = ParseTreeNames::stringValues(n->func_call->funcname,
                                                                      n->func_call->n_funcname);
                if (!name.isEmpty())
                    m_selectFunctions << name.last();
            }
            return true;
        });
}

QString BatchedStatement::kindName() const
{
    switch (m_kind) {
    case Kind::Update:
        return QStringLiteral("UPDATE");
    case Kind::Delete:
        return QStringLiteral("DELETE");
    case Kind::InsertSelect:
        break;
    }
    return QStringLiteral("INSERT ... SELECT");
}

Result<QByteArray> BatchedStatement::rangeSql(const QList<KeyColumn> &key, bool hasLower,
                                              bool hasUpper) const
{
    if (!hasLower && !hasUpper)
        return m_text;
    QStringList columns;
    QStringList lower;
    QStringList upper;
    const qsizetype k = key.size();
    for (qsizetype i = 0; i < k; ++i) {
        columns << quoted(m_qualifier.toUtf8().constData()) + u'.'
                + quoted(key[i].name.toUtf8().constData());
        lower << QStringLiteral("$%1::%2").arg(i + 1).arg(key[i].type);
        upper << QStringLiteral("$%1::%2").arg((hasLower ? k : 0) + i + 1).arg(key[i].type);
    }
    const QString row = u'(' + columns.join(u", ") + u')';
    QStringList conditions;
    if (hasLower)
        conditions << row + QStringLiteral(" > (") + lower.join(u", ") + u')';
    if (hasUpper)
        conditions << row + QStringLiteral(" <= (") + upper.join(u", ") + u')';
    const PgParseTree condition
        = PgParseTree::parse("SELECT WHERE " + conditions.join(QStringLiteral(" AND ")).toUtf8());
    PgParseTree tree = m_tree->copy(); // the statement's own tree is shared: written in a copy
    if (!condition.ok() || !tree.ok())
        return Error(ErrorCode::BadInput,
                     condition.ok() ? tree.errorMessage() : condition.errorMessage());
    PgQuery__Node *range = condition.result()->stmts[0]->stmt->select_stmt->where_clause;
    PgQuery__Node **where = whereSlot(tree.mutableResult()->stmts[0]->stmt);
    if (!where)
        return m_text;
    // both the statement's own condition and the range: nodes that live until deparse(). The
    // range joins an AND the statement has at its top as one more argument, as PostgreSQL's
    // parser flattens "a AND b AND (range)": the text then parses back to this very tree.
    std::vector<PgQuery__Node *> both{*where};
    if (*where && (*where)->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR
        && (*where)->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR)
        both.assign((*where)->bool_expr->args,
                    (*where)->bool_expr->args + (*where)->bool_expr->n_args);
    both.push_back(range);
    PgQuery__BoolExpr conjunction = PG_QUERY__BOOL_EXPR__INIT;
    conjunction.boolop = PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
    conjunction.n_args = both.size();
    conjunction.args = both.data();
    PgQuery__Node andNode = PG_QUERY__NODE__INIT;
    andNode.node_case = PG_QUERY__NODE__NODE_BOOL_EXPR;
    andNode.bool_expr = &conjunction;
    *where = *where ? &andNode : range;
    return tree.deparse();
}

} // namespace uaip
