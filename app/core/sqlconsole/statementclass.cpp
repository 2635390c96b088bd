#include "statementclass.h"

#include "migrate/parsetree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>

#include <pg_query.h>

namespace uaip {

namespace {

// Node types anywhere below a SELECT that make it write or lock rows.
bool hasWritingPart(const QByteArray &json)
{
    for (const char *marker : {"\"InsertStmt\"", "\"UpdateStmt\"", "\"DeleteStmt\"",
                               "\"MergeStmt\"", "\"intoClause\"", "\"lockingClause\""})
        if (json.contains(marker))
            return true;
    return false;
}

bool readsOnly(const ParseTreeNode &node, const QByteArray &json)
{
    const QString &t = node.type;
    if (t == u"SelectStmt")
        return !hasWritingPart(json);
    if (t == u"VariableShowStmt" || t == u"VariableSetStmt" || t == u"TransactionStmt")
        return true;
    if (t == u"ExplainStmt") {
        const bool analyze = json.contains("\"defname\":\"analyze\"");
        const ParseTreeNode inner = ParseTree::nodeOf(node.fields.value(u"query"));
        return inner.type == u"SelectStmt" ? !hasWritingPart(json) : !analyze;
    }
    return false;
}

} // namespace

StatementClass StatementClass::of(const QByteArray &statement)
{
    StatementClass out;
    out.touchesReadOnlySetting = statement.toLower().contains("transaction_read_only");
    PgQueryParseResult parse = pg_query_parse(statement.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
    if (parse.error || !parse.parse_tree)
        return out;
    const QByteArray json(parse.parse_tree);
    const QJsonArray stmts = ParseTree::read(parse.parse_tree).object().value(u"stmts").toArray();
    if (stmts.size() != 1)
        return out;
    const ParseTreeNode node = ParseTree::nodeOf(stmts.first().toObject().value(u"stmt"));
    out.parsed = true;
    out.type = node.type;
    out.writes = !readsOnly(node, json);
    out.cursorable = node.type == u"SelectStmt" && !out.writes;
    out.transactionControl = node.type == u"TransactionStmt";
    out.touchesReadOnlySetting
        = out.touchesReadOnlySetting || json.toLower().contains("transaction_read_only");
    return out;
}

} // namespace uaip
