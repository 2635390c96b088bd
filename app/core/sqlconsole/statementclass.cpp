#include "statementclass.h"

#include "migrate/expressiondepth.h"
#include "migrate/parsetree.h"
#include "sessionstateuse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>

#include <cctype>

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

// The smallest and largest "location" in a JSON subtree (-1 when none).
void locations(const QJsonValue &value, int *lowest, int *highest)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            locations(v, lowest, highest);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"location" && it.value().isDouble()) {
            const int at = it.value().toInt(-1);
            if (at >= 0 && (*lowest < 0 || at < *lowest))
                *lowest = at;
            if (at > *highest)
                *highest = at;
        } else {
            locations(it.value(), lowest, highest);
        }
    }
}

bool isSelect(const QByteArray &text)
{
    PgQueryParseResult parse = pg_query_parse(text.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
    if (parse.error || !parse.parse_tree)
        return false;
    const QJsonArray stmts = ParseTree::read(parse.parse_tree).object().value(u"stmts").toArray();
    return stmts.size() == 1
        && ParseTree::nodeOf(stmts.first().toObject().value(u"stmt")).type == u"SelectStmt";
}

// The text of the query under EXPLAIN: it starts after the last option (their DefElems carry
// their places) and at or before the first place inside the query; the first token start
// there from which the rest parses as one SELECT. Empty when none does.
QByteArray queryUnderExplain(const QByteArray &statement, const ParseTreeNode &explain)
{
    int optionsEnd = -1;
    int unused = -1;
    locations(explain.fields.value(u"options"), &unused, &optionsEnd);
    int queryStart = -1;
    int queryEnd = -1;
    locations(explain.fields.value(u"query"), &queryStart, &queryEnd);
    const int last = queryStart < 0 ? int(statement.size()) - 1 : queryStart;
    const auto wordChar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'
            || static_cast<unsigned char>(c) >= 0x80;
    };
    int tries = 0; // a handful of token starts lie between the options and the query
    for (int at = std::max(optionsEnd + 1, 0); at <= last && at < statement.size() && tries < 64;
         ++at) {
        const char c = statement.at(at);
        if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '('))
            continue;
        if (at > 0 && wordChar(statement.at(at - 1)) && c != '(')
            continue;
        const QByteArray rest = statement.mid(at);
        ++tries;
        if (isSelect(rest))
            return rest;
    }
    return {};
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
    if (!out.writes && node.type == u"SelectStmt")
        out.resolvable = statement;
    if (!out.writes && node.type == u"ExplainStmt" && json.contains("\"defname\":\"analyze\"")) {
        out.resolvable = queryUnderExplain(statement, node);
        if (out.resolvable.isEmpty())
            out.writes = true; // what it would run is not known
    }
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
