#include "executedsql.h"

#include "pgparsetree.h"
#include "pgtreewalk.h"
#include "plpgsqltree.h"

#include <pg_query.h>

namespace uaip {

namespace {

// DO blocks that run SQL that defines functions whose bodies hold DO blocks ...: deep enough
// for anything written by hand, a bound for anything generated.
constexpr int maxNesting = 8;

using Kind = ExecutedSql::Kind;

// The typed tree of the text; null when the text does not parse.
std::shared_ptr<const PgParseTree> parsed(const QByteArray &sql)
{
    auto tree = std::make_shared<PgParseTree>(PgParseTree::parse(sql));
    if (!tree->ok())
        return {};
    return tree;
}

// The tree of a PL/pgSQL expression: a statement ("SELECT ...", "INSERT ..."), an expression
// ("x > 1", which the server runs as SELECT x > 1) or an assignment ("v := f()", "a[1] := f()").
// sql receives the text the tree was parsed from.
std::shared_ptr<const PgParseTree> expressionTree(const QByteArray &query, QByteArray *sql)
{
    *sql = query;
    if (auto tree = parsed(*sql))
        return tree;
    *sql = "SELECT " + query; // "v = f()" parses as a comparison: f() is in it
    if (auto tree = parsed(*sql))
        return tree;
    // an assignment to a field or an element: the expression after the := that leaves one
    for (qsizetype at = query.indexOf(":="); at >= 0; at = query.indexOf(":=", at + 2)) {
        *sql = "SELECT " + query.mid(at + 2);
        if (auto tree = parsed(*sql))
            return tree;
    }
    return {};
}

// A SELECT of its target list alone (no FROM, WHERE, set operation, ...).
bool selectsOnly(const PgQuery__SelectStmt &s)
{
    return s.n_distinct_clause == 0 && !s.into_clause && s.n_from_clause == 0 && !s.where_clause
        && s.n_group_clause == 0 && !s.having_clause && s.n_window_clause == 0
        && s.n_values_lists == 0 && s.n_sort_clause == 0 && !s.limit_offset && !s.limit_count
        && s.n_locking_clause == 0 && !s.with_clause && !s.larg && !s.rarg
        && s.op == PG_QUERY__SET_OPERATION__SETOP_NONE;
}

// The text of the SQL an EXECUTE runs when its expression is one string constant
// (EXECUTE 'SELECT f()'); empty otherwise (built at run time: only the server sees it).
QByteArray constantString(const PgParseTree &tree)
{
    const QList<PgStatementNode> stmts = tree.statements();
    if (stmts.size() != 1 || !stmts.first().node
        || stmts.first().node->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
        return {};
    const PgQuery__SelectStmt &select = *stmts.first().node->select_stmt;
    if (!selectsOnly(select) || select.n_target_list != 1 || !select.target_list[0]
        || select.target_list[0]->node_case != PG_QUERY__NODE__NODE_RES_TARGET)
        return {};
    const PgQuery__Node *value = select.target_list[0]->res_target->val;
    if (!value || value->node_case != PG_QUERY__NODE__NODE_A_CONST
        || value->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL || !value->a_const->sval)
        return {};
    return QByteArray(value->a_const->sval->sval);
}

// The String value of the DefElem named `name` in a list of DefElem nodes; for "as", the
// body when it is one string (not a C function's file and symbol).
QString option(PgQuery__Node *const *defElems, size_t count, const char *name)
{
    for (size_t i = 0; i < count; ++i) {
        const PgQuery__Node *item = defElems[i];
        if (!item || item->node_case != PG_QUERY__NODE__NODE_DEF_ELEM
            || qstrcmp(item->def_elem->defname, name) != 0)
            continue;
        const PgQuery__Node *arg = item->def_elem->arg;
        if (arg && arg->node_case == PG_QUERY__NODE__NODE_STRING)
            return QString::fromUtf8(arg->string->sval);
        if (arg && arg->node_case == PG_QUERY__NODE__NODE_LIST && arg->list->n_items == 1) {
            const PgQuery__Node *only = arg->list->items[0];
            if (only && only->node_case == PG_QUERY__NODE__NODE_STRING)
                return QString::fromUtf8(only->string->sval);
            return {};
        }
    }
    return {};
}

class Collector
{
public:
    QList<ExecutedSql::Tree> trees;

    void sql(const QByteArray &text, Kind kind, bool inDo, int depth)
    {
        if (auto parsedTree = parsed(text))
            tree(text, parsedTree, kind, inDo, depth);
    }

    // The statement of a script, whose tree is parsed already (or once, for every reader).
    void statement(const SqlStatement &st)
    {
        if (std::shared_ptr<const PgParseTree> parsedTree = st.tree(); parsedTree->ok())
            tree(st.text, parsedTree, Kind::Runs, false, 0);
    }

private:
    void tree(const QByteArray &text, const std::shared_ptr<const PgParseTree> &parsedTree,
              Kind kind, bool inDo, int depth)
    {
        const QList<PgStatementNode> stmts = parsedTree->statements();
        const bool defines = stmts.size() == 1 && stmts.first().node
            && stmts.first().node->node_case == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT;
        // a function's header and SQL-standard body are analysed when it is created
        trees.append({parsedTree, defines && kind == Kind::Runs ? Kind::Analysed : kind, inDo});
        if (depth >= maxNesting)
            return;
        for (const PgStatementNode &s : stmts) {
            if (!s.node)
                continue;
            const QByteArray statement
                = s.length > 0 ? text.mid(s.location, s.length) : text.mid(s.location);
            if (s.node->node_case == PG_QUERY__NODE__NODE_DO_STMT) {
                const PgQuery__DoStmt *doStmt = s.node->do_stmt;
                const QString language = option(doStmt->args, doStmt->n_args, "language");
                if (language.isEmpty() || language.compare(u"plpgsql", Qt::CaseInsensitive) == 0)
                    plpgsql(statement, kind == Kind::Runs ? Kind::Runs : Kind::Defined, true,
                            depth + 1);
            } else if (s.node->node_case == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) {
                const PgQuery__CreateFunctionStmt *create = s.node->create_function_stmt;
                const QString language = option(create->options, create->n_options, "language");
                const QString body = option(create->options, create->n_options, "as");
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
        for (const PlpgsqlTree::Expression &e : PlpgsqlTree::parse(statement).expressions()) {
            QByteArray text;
            const std::shared_ptr<const PgParseTree> parsedTree = expressionTree(e.query, &text);
            if (!parsedTree)
                continue;
            tree(text, parsedTree, kind, inDo, depth);
            if (e.dynamic && depth < maxNesting)
                if (const QByteArray executed = constantString(*parsedTree); !executed.isEmpty())
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

QList<ExecutedSql::Tree> ExecutedSql::of(const SqlStatement &statement)
{
    Collector c;
    c.statement(statement);
    return c.trees;
}

} // namespace uaip
