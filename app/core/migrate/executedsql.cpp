#include "executedsql.h"

#include "expressiondepth.h"
#include "parsetree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>

#include <pg_query.h>

namespace uaip {

namespace {

// DO blocks that run SQL that defines functions whose bodies hold DO blocks ...: deep enough
// for anything written by hand, a bound for anything generated.
constexpr int maxNesting = 8;

using Kind = ExecutedSql::Kind;

// pg_query_parse's JSON; empty when the text does not parse.
QByteArray parsed(const QByteArray &sql)
{
    PgQueryParseResult parse = ExpressionDepth::parse(sql.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
    if (parse.error || !parse.parse_tree)
        return {};
    return QByteArray(parse.parse_tree);
}

// A JSON string literal ("..." with its quotes) decoded.
QByteArray decoded(const QString &quoted)
{
    return QJsonDocument::fromJson("[" + quoted.toUtf8() + "]").array().at(0).toString().toUtf8();
}

struct PlpgsqlExpression
{
    QByteArray query;
    bool dynamic = false; // the SQL text of an EXECUTE (or FOR/OPEN/RETURN QUERY ... EXECUTE)
};

// Every expression of the PL/pgSQL that pg_query_parse_plpgsql compiles from statement, a DO
// statement or a CREATE FUNCTION with a PL/pgSQL body (never one without a string body:
// libpg_query 15-4.0.0 asserts on BEGIN ATOMIC), in the order they are written. Empty when
// the body does not compile (the server would refuse it too).
QList<PlpgsqlExpression> plpgsqlExpressions(const QByteArray &statement)
{
    PgQueryPlpgsqlParseResult parse = pg_query_parse_plpgsql(statement.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_plpgsql_parse_result(parse); });
    if (parse.error || !parse.plpgsql_funcs)
        return {};
    // read from the JSON text: every PLpgSQL_expr, however deep the blocks nest
    static const QRegularExpression expr(
        QStringLiteral(R"re(\{"PLpgSQL_expr":\{"query":("(?:[^"\\]++|\\.)*+"))re"));
    const QString json = QString::fromUtf8(parse.plpgsql_funcs);
    QList<PlpgsqlExpression> out;
    for (auto it = expr.globalMatch(json); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QStringView before = QStringView(json).left(m.capturedStart(0));
        const bool dynamic = before.endsWith(u"\"query\":") || before.endsWith(u"\"dynquery\":");
        out.append({decoded(m.captured(1)), dynamic});
    }
    return out;
}

// The tree of a PL/pgSQL expression: a statement ("SELECT ...", "INSERT ..."), an expression
// ("x > 1", which the server runs as SELECT x > 1) or an assignment ("v := f()", "a[1] := f()").
// sql receives the text the tree was parsed from.
QByteArray expressionTree(const QByteArray &query, QByteArray *sql)
{
    *sql = query;
    if (QByteArray json = parsed(*sql); !json.isEmpty())
        return json;
    *sql = "SELECT " + query; // "v = f()" parses as a comparison: f() is in it
    if (QByteArray json = parsed(*sql); !json.isEmpty())
        return json;
    // an assignment to a field or an element: the expression after the := that leaves one
    for (qsizetype at = query.indexOf(":="); at >= 0; at = query.indexOf(":=", at + 2)) {
        *sql = "SELECT " + query.mid(at + 2);
        if (QByteArray json = parsed(*sql); !json.isEmpty())
            return json;
    }
    return {};
}

// The text of the SQL an EXECUTE runs when its expression is one string constant
// (EXECUTE 'SELECT f()'); empty otherwise (built at run time: only the server sees it).
QByteArray constantString(const QByteArray &json)
{
    const QJsonArray stmts = ParseTree::read(json.constData()).object().value(u"stmts").toArray();
    if (stmts.size() != 1)
        return {};
    const ParseTreeNode select = ParseTree::nodeOf(stmts.first().toObject().value(u"stmt"));
    const QJsonArray targets = select.fields.value(u"targetList").toArray();
    if (select.type != u"SelectStmt" || select.fields.size() != 3 || targets.size() != 1)
        return {};
    const ParseTreeNode target = ParseTree::nodeOf(targets.first());
    const ParseTreeNode value = ParseTree::nodeOf(target.fields.value(u"val"));
    if (value.type != u"A_Const" || !value.fields.contains(u"sval"))
        return {};
    return value.fields.value(u"sval").toObject().value(u"sval").toString().toUtf8();
}

// The String value of the DefElem named `name` in a list of DefElem nodes; for "as", the
// body when it is one string (not a C function's file and symbol).
QString option(const QJsonArray &defElems, QStringView name)
{
    for (const QJsonValue &item : defElems) {
        const ParseTreeNode def = ParseTree::nodeOf(item);
        if (def.fields.value(u"defname").toString() != name)
            continue;
        const ParseTreeNode arg = ParseTree::nodeOf(def.fields.value(u"arg"));
        if (arg.type == u"String")
            return arg.fields.value(u"sval").toString();
        const QJsonArray items = arg.fields.value(u"items").toArray();
        if (arg.type == u"List" && items.size() == 1)
            return ParseTree::nodeOf(items.first()).fields.value(u"sval").toString();
    }
    return {};
}

class Collector
{
public:
    QList<ExecutedSql::Tree> trees;

    void sql(const QByteArray &text, Kind kind, bool inDo, int depth)
    {
        const QByteArray json = parsed(text);
        if (!json.isEmpty())
            tree(text, json, kind, inDo, depth);
    }

private:
    void tree(const QByteArray &text, const QByteArray &json, Kind kind, bool inDo, int depth)
    {
        const QJsonArray stmts
            = ParseTree::read(json.constData()).object().value(u"stmts").toArray();
        const bool defines = stmts.size() == 1
            && ParseTree::nodeOf(stmts.first().toObject().value(u"stmt")).type
                == u"CreateFunctionStmt";
        // a function's header and SQL-standard body are analysed when it is created
        trees.append({json, defines && kind == Kind::Runs ? Kind::Analysed : kind, inDo});
        if (depth >= maxNesting)
            return;
        for (const QJsonValue &s : stmts) {
            const QJsonObject raw = s.toObject();
            const ParseTreeNode node = ParseTree::nodeOf(raw.value(u"stmt"));
            const int at = raw.value(u"stmt_location").toInt(0);
            const int len = raw.value(u"stmt_len").toInt(0);
            const QByteArray statement = len > 0 ? text.mid(at, len) : text.mid(at);
            if (node.type == u"DoStmt") {
                const QJsonArray args = node.fields.value(u"args").toArray();
                const QString language = option(args, u"language");
                if (language.isEmpty() || language.compare(u"plpgsql", Qt::CaseInsensitive) == 0)
                    plpgsql(statement, kind == Kind::Runs ? Kind::Runs : Kind::Defined, true,
                            depth + 1);
            } else if (node.type == u"CreateFunctionStmt") {
                const QJsonArray options = node.fields.value(u"options").toArray();
                const QString language = option(options, u"language");
                const QString body = option(options, u"as");
                if (body.isEmpty())
                    continue; // BEGIN ATOMIC: in this tree already
                if (language.compare(u"sql", Qt::CaseInsensitive) == 0)
                    sql(body.toUtf8(), kind == Kind::Runs ? Kind::Analysed : Kind::Defined, false,
                        depth + 1);
                else if (language.compare(u"plpgsql", Qt::CaseInsensitive) == 0)
                    plpgsql(statement, Kind::Defined, false, depth + 1);
            }
        }
    }

    void plpgsql(const QByteArray &statement, Kind kind, bool inDo, int depth)
    {
        for (const PlpgsqlExpression &e : plpgsqlExpressions(statement)) {
            QByteArray text;
            const QByteArray json = expressionTree(e.query, &text);
            if (json.isEmpty())
                continue;
            tree(text, json, kind, inDo, depth);
            if (e.dynamic && depth < maxNesting)
                if (const QByteArray executed = constantString(json); !executed.isEmpty())
                    sql(executed, kind, inDo, depth + 1);
        }
    }
};

} // namespace

QList<ExecutedSql::Tree> ExecutedSql::of(const QByteArray &statement)
{
    Collector c;
    c.sql(statement, Kind::Runs, false, 0);
    return c.trees;
}

} // namespace uaip
