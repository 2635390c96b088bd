#include "dmlrules.h"

#include "sqlparse/parsetreenames.h"

namespace uaip {

namespace {

using Kind = LintFinding::Kind;
using Severity = LintFinding::Severity;

// The WITH clause of a data statement node; nullptr when it has none or is no such statement.
const PgQuery__WithClause *withClauseOf(const PgQuery__Node *node)
{
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_DELETE_STMT:
        return node->delete_stmt ? node->delete_stmt->with_clause : nullptr;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
        return node->update_stmt ? node->update_stmt->with_clause : nullptr;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
        return node->insert_stmt ? node->insert_stmt->with_clause : nullptr;
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        return node->select_stmt ? node->select_stmt->with_clause : nullptr;
    default:
        return nullptr;
    }
}

} // namespace

DmlRules::DmlRules(LintContext &context)
    : m_context(context)
{ }

void DmlRules::lintTruncate(const PgQuery__TruncateStmt &truncate)
{
    for (size_t i = 0; i < truncate.n_relations; ++i) {
        const PgQuery__Node *node = truncate.relations[i];
        const PgQuery__RangeVar *relation
            = node && node->node_case == PG_QUERY__NODE__NODE_RANGE_VAR ? node->range_var : nullptr;
        if (m_context.isNewTable(relation))
            continue;
        const QString table = ParseTreeNames::relationName(relation);
        QString message = tr("TRUNCATE %1 deletes every row of the table").arg(table);
        if (truncate.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
            message
                = tr("%1; CASCADE also empties every table with a foreign key to it").arg(message);
        m_context.add(Severity::Danger, Kind::Truncate, table, message, table);
    }
}

void DmlRules::lintDml(const PgQuery__Node *node)
{
    if (!node)
        return;
    // Data-modifying statements inside WITH run too.
    if (const PgQuery__WithClause *with = withClauseOf(node)) {
        for (size_t i = 0; i < with->n_ctes; ++i) {
            const PgQuery__Node *cte = with->ctes[i];
            if (cte && cte->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR
                && cte->common_table_expr)
                lintDml(cte->common_table_expr->ctequery);
        }
    }
    if (node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
        if (node->select_stmt && node->select_stmt->into_clause)
            m_context.rememberNewTable(node->select_stmt->into_clause->rel);
        return;
    }
    const PgQuery__RangeVar *relation = nullptr;
    if (node->node_case == PG_QUERY__NODE__NODE_DELETE_STMT && node->delete_stmt
        && !node->delete_stmt->where_clause)
        relation = node->delete_stmt->relation;
    else if (node->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT && node->update_stmt
             && !node->update_stmt->where_clause)
        relation = node->update_stmt->relation;
    if (!relation || m_context.isNewTable(relation))
        return;
    const QString table = ParseTreeNames::relationName(relation);
    if (node->node_case == PG_QUERY__NODE__NODE_DELETE_STMT) {
        m_context.add(Severity::Danger, Kind::DeleteWithoutWhere, table,
                      tr("DELETE FROM %1 without WHERE deletes every row of the table").arg(table),
                      table);
    } else {
        m_context.add(Severity::Danger, Kind::UpdateWithoutWhere, table,
                      tr("UPDATE %1 without WHERE changes every row of the table").arg(table),
                      table);
    }
}

} // namespace uaip
