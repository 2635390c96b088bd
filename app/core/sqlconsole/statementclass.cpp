#include "statementclass.h"

#include "migrate/expressiondepth.h"
#include "migrate/parsetree.h"
#include "sessionstateuse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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
    if (t == u"VariableShowStmt")
        return true;
    if (t == u"ExplainStmt") {
        const bool analyze = json.contains("\"defname\":\"analyze\"");
        const ParseTreeNode inner = ParseTree::nodeOf(node.fields.value(u"query"));
        return inner.type == u"SelectStmt" ? !hasWritingPart(json) : !analyze;
    }
    return false;
}

bool opensOrEndsATransaction(const ParseTreeNode &node)
{
    if (node.type != u"TransactionStmt")
        return false;
    const QString kind = node.fields.value(u"kind").toString();
    return kind != u"TRANS_STMT_PREPARE" && kind != u"TRANS_STMT_COMMIT_PREPARED"
        && kind != u"TRANS_STMT_ROLLBACK_PREPARED";
}

// The svals of a run of String nodes in libpg_query's compact JSON, decoded, joined by '.'.
QString qualifiedName(const QString &strings)
{
    static const QRegularExpression sval(QStringLiteral(R"re("sval":("(?:[^"\\]|\\.)*"))re"));
    QStringList parts;
    for (auto it = sval.globalMatch(strings); it.hasNext();) {
        // the JSON string literal decoded by the JSON reader (escapes such as \u003e)
        const QJsonArray one
            = QJsonDocument::fromJson("[" + it.next().captured(1).toUtf8() + "]").array();
        parts.append(one.at(0).toString());
    }
    return parts.join(u'.');
}

// Read from the JSON text, not the JSON tree: the tree reader cuts subtrees nested deeper than
// Qt accepts (a long chain of operators), and a function there must still be found.
QStringList namesAfter(const QString &json, const QRegularExpression &re, int nameGroup)
{
    QStringList names;
    for (auto it = re.globalMatch(json); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = qualifiedName(m.captured(nameGroup));
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names;
}

QStringList calledFunctions(const QString &json)
{
    static const QRegularExpression re(QStringLiteral(
        R"re("FuncCall":\{"funcname":\[((?:\{"String":\{"sval":"(?:[^"\\]|\\.)*"\}\},?)+)\])re"));
    return namesAfter(json, re, 1);
}

QStringList appliedOperators(const QString &json)
{
    static const QRegularExpression re(QStringLiteral(
        R"re("A_Expr":\{"kind":"([A-Z_]+)","name":\[((?:\{"String":\{"sval":"(?:[^"\\]|\\.)*"\}\},?)+)\])re"));
    QStringList names;
    for (auto it = re.globalMatch(json); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QStringList these;
        if (m.captured(1).startsWith(u"AEXPR_BETWEEN")
            || m.captured(1).startsWith(u"AEXPR_NOT_BETWEEN"))
            these = {QStringLiteral(">="), QStringLiteral("<=")}; // what BETWEEN applies
        else
            these = {qualifiedName(m.captured(2))};
        for (const QString &n : std::as_const(these))
            if (!n.isEmpty() && !names.contains(n))
                names.append(n);
    }
    return names;
}

} // namespace

StatementClass StatementClass::of(const QByteArray &statement)
{
    StatementClass out;
    PgQueryParseResult parse = ExpressionDepth::parse(statement.constData());
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
    out.transactionControl = opensOrEndsATransaction(node);
    if (out.transactionControl)
        out.writes = false;
    const bool plansOnly = node.type == u"ExplainStmt" && !json.contains("\"defname\":\"analyze\"");
    if (!plansOnly) {
        const QString text = QString::fromUtf8(json);
        out.functions = calledFunctions(text);
        out.operators = appliedOperators(text);
    }
    if (!plansOnly) // EXPLAIN without ANALYZE runs nothing
        out.sessionState
            = SessionStateUse::of(stmts.first().toObject().value(u"stmt"), json, out.functions);
    return out;
}

} // namespace uaip
