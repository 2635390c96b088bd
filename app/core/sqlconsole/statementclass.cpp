#include "statementclass.h"

#include "integerinlists.h"
#include "sessionstateuse.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtokens.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/sqlstatement.h"
#include "statementresolution.h"

#include <algorithm>
#include <cctype>

namespace uaip {

namespace {

bool isNodeOf(const ProtobufCMessage *message, const ProtobufCMessageDescriptor &descriptor)
{
    const ProtobufCMessage *content = PgTreeWalk::isNode(message)
        ? PgTreeWalk::content(reinterpret_cast<const PgQuery__Node *>(message))
        : nullptr;
    return content && content->descriptor == &descriptor;
}

// Parts anywhere below a SELECT that make it write or lock rows; a part this code does not
// know counts as writing.
bool hasWritingPart(const ProtobufCMessage *root)
{
    return !PgTreeWalk::each(root, [](const ProtobufCMessage *m) {
        return !(PgTreeWalk::isUnknown(m) || isNodeOf(m, pg_query__insert_stmt__descriptor)
                 || isNodeOf(m, pg_query__update_stmt__descriptor)
                 || isNodeOf(m, pg_query__delete_stmt__descriptor)
                 || isNodeOf(m, pg_query__merge_stmt__descriptor)
                 || m->descriptor == &pg_query__into_clause__descriptor
                 || m->descriptor == &pg_query__locking_clause__descriptor);
    });
}

// Whether a DefElem named analyze is anywhere in the tree (EXPLAIN's option, however given).
bool hasAnalyze(const ProtobufCMessage *root)
{
    return !PgTreeWalk::eachNode(root, [](const PgQuery__Node *node) {
        return !(node->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && node->def_elem
                 && qstrcmp(node->def_elem->defname, "analyze") == 0);
    });
}

bool readsOnly(const PgQuery__Node *node)
{
    const ProtobufCMessage *root = &node->base;
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        return !hasWritingPart(root);
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
        return true;
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT: {
        const PgQuery__Node *inner = node->explain_stmt->query;
        return inner && inner->node_case == PG_QUERY__NODE__NODE_SELECT_STMT ? !hasWritingPart(root)
                                                                             : !hasAnalyze(root);
    }
    default:
        return false;
    }
}

bool opensOrEndsATransaction(const PgQuery__Node *node)
{
    if (node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
        return false;
    const PgQuery__TransactionStmtKind kind = node->transaction_stmt->kind;
    return kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE
        && kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT_PREPARED
        && kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_PREPARED;
}

void addOnce(QStringList *names, const QString &name)
{
    if (!name.isEmpty() && !names->contains(name))
        names->append(name);
}

// The functions called (FuncCall) and operators applied (A_Expr) anywhere in the tree, in
// the order written, each once; a name of String nodes only, joined by '.'.
void calledAndApplied(const PgQuery__Node *root, QStringList *functions, QStringList *operators)
{
    PgTreeWalk::eachNode(&root->base, [functions, operators](const PgQuery__Node *node) {
        if (node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL && node->func_call) {
            const PgQuery__FuncCall *call = node->func_call;
            addOnce(functions, PgTreeWalk::strings(call->funcname, call->n_funcname).join(u'.'));
        } else if (node->node_case == PG_QUERY__NODE__NODE_A_EXPR && node->a_expr) {
            const PgQuery__AExpr *expr = node->a_expr;
            switch (expr->kind) {
            case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
            case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
            case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
            case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM:
                addOnce(operators, QStringLiteral(">=")); // what BETWEEN applies
                addOnce(operators, QStringLiteral("<="));
                break;
            default:
                addOnce(operators, PgTreeWalk::strings(expr->name, expr->n_name).join(u'.'));
            }
        }
        return true;
    });
}

bool holdsStringLiteral(const PgQuery__Node *node)
{
    bool found = false;
    PgTreeWalk::eachNode(&node->base, [&found](const PgQuery__Node *n) {
        if (n->node_case == PG_QUERY__NODE__NODE_A_CONST
            && (n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL
                || n->a_const->val_case == PG_QUERY__A__CONST__VAL_BSVAL))
            found = true;
        return !found;
    });
    return found;
}

// Whether a string field anywhere in the tree (a relation's, type's, column's or alias's name, a
// string constant such as a regclass literal) holds text, in any case.
bool holdsName(const PgQuery__Node *node, const char *text)
{
    const QByteArray wanted = QByteArray(text).toLower();
    return !PgTreeWalk::each(&node->base, [&wanted](const ProtobufCMessage *m) {
        const ProtobufCMessageDescriptor *d = m->descriptor;
        for (unsigned f = 0; f < d->n_fields; ++f) {
            if (d->fields[f].type != PROTOBUF_C_TYPE_STRING)
                continue;
            const char *value = PgTreeWalk::stringField(m, d->fields[f].name);
            if (value && QByteArray(value).toLower().contains(wanted))
                return false;
        }
        return true;
    });
}

bool isSelect(const QByteArray &text)
{
    const PgParseTree tree = PgParseTree::parse(text);
    const QList<PgStatementNode> stmts = tree.statements();
    return stmts.size() == 1 && stmts.first().node
        && stmts.first().node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT;
}

// The text of the query under EXPLAIN: it starts after the last option (their DefElems carry
// their places) and at or before the first place inside the query; the first token start
// there from which the rest parses as one SELECT. Empty when none does. Only the starts of the
// statement's own tokens (pg_query_scan): a place inside a comment or a quoted text could start
// another SELECT ("EXPLAIN (ANALYZE) /* SELECT 1 -- */ SELECT f()" holds "SELECT 1 -- */ ...",
// which is not what runs).
QByteArray queryUnderExplain(const QByteArray &statement, const PgQuery__ExplainStmt &explain)
{
    int optionsEnd = -1;
    int unused = -1;
    for (size_t i = 0; i < explain.n_options; ++i)
        PgTreeWalk::locationRange(&explain.options[i]->base, &unused, &optionsEnd);
    int queryStart = -1;
    int queryEnd = -1;
    if (explain.query)
        PgTreeWalk::locationRange(&explain.query->base, &queryStart, &queryEnd);
    // the tokens before the query's first place (a token's start: the text before it scans
    // whole), and that place itself
    const int scanned = queryStart < 0 ? int(statement.size()) : queryStart;
    const PgTokens tokens(statement.left(scanned));
    if (!tokens.ok() && scanned > 0)
        return {};
    QList<int> starts;
    for (size_t t = 0; t < tokens.size(); ++t)
        if (tokens.at(t).token != PG_QUERY__TOKEN__SQL_COMMENT
            && tokens.at(t).token != PG_QUERY__TOKEN__C_COMMENT)
            starts << tokens.at(t).start;
    if (queryStart >= 0)
        starts << queryStart;
    int tries = 0; // a handful of token starts lie between the options and the query
    for (const int at : std::as_const(starts)) {
        if (at <= optionsEnd || at < 0 || at >= statement.size() || tries >= 64)
            continue;
        const char c = statement.at(at);
        if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '('))
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
    if (std::optional<StatementClass> blanked = ofBlanked(statement))
        return *std::move(blanked);
    return of(PgParseTree::parse(statement), statement);
}

StatementClass StatementClass::of(const SqlStatement &statement)
{
    if (std::optional<StatementClass> blanked = ofBlanked(statement.text))
        return *std::move(blanked);
    return of(*statement.tree(), statement.text);
}

StatementClass StatementClass::of(const PgParseTree &tree, const QByteArray &statement)
{
    const QList<PgStatementNode> stmts = tree.statements();
    if (stmts.size() != 1 || !stmts.first().node) {
        // not read (syntax newer than the parser, on a newer server): writing, and whatever it
        // leaves on the session is unknown, so it counts as leaving something there
        StatementClass unread;
        if (!tree.ok())
            unread.sessionState = QCoreApplication::translate(
                "uaip::StatementSafety", "a statement the console's parser cannot read");
        return unread;
    }
    return of(stmts.first().node, statement);
}

std::optional<StatementClass> StatementClass::ofBlanked(const QByteArray &statement)
{
    const IntegerInLists lists = IntegerInLists::of(statement);
    if (lists.isEmpty())
        return std::nullopt;
    const QByteArray blanked = lists.blanked();
    const PgParseTree tree = PgParseTree::parse(blanked);
    const QList<PgStatementNode> stmts = tree.statements();
    if (stmts.size() != 1 || !stmts.first().node || !lists.confirmedBy(stmts.first().node))
        return std::nullopt;
    StatementClass out = of(stmts.first().node, blanked);
    // what the server resolves is the statement as written; the probe parses it cut
    if (!out.resolvable.isEmpty()) {
        const qsizetype from = statement.size() - out.resolvable.size();
        out.resolvable = statement.mid(from);
        out.probeText = lists.cut(from);
    }
    return out;
}

StatementClass StatementClass::of(const PgQuery__Node *node, const QByteArray &statement)
{
    StatementClass out;
    out.parsed = true;
    out.type = PgTreeWalk::kind(node);
    out.writes = !readsOnly(node);
    out.cursorable = out.type == u"SelectStmt" && !out.writes;
    out.transactionControl = opensOrEndsATransaction(node);
    out.preparesTransaction = node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT
        && node->transaction_stmt->kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE;
    const bool explain = node->node_case == PG_QUERY__NODE__NODE_EXPLAIN_STMT;
    const bool analyze = explain && hasAnalyze(&node->base);
    if (!out.writes && out.type == u"SelectStmt")
        out.resolvable = statement;
    if (!out.writes && explain) {
        // judged as its query, ANALYZE or not: planning alone evaluates a STABLE call while
        // estimating (a type's input, a domain's CHECK with it) and a rule's WHERE
        out.resolvable = queryUnderExplain(statement, *node->explain_stmt);
        if (out.resolvable.isEmpty())
            out.writes = true; // what it would plan or run is not known: not a SELECT
        else // the statement's end
            out.resolvableAt
                = int(QString::fromUtf8(statement.left(statement.size() - out.resolvable.size()))
                          .toUcs4()
                          .size());
    }
    out.stringLiterals = holdsStringLiteral(node);
    out.namesProbe = holdsName(node, StatementResolution::kProbeName);
    if (out.transactionControl)
        out.writes = false;
    if (PgTreeWalk::hasUnknown(&node->base)) { // a kind this code does not know: not checked
        out.writes = true;
        out.cursorable = false;
        out.resolvable.clear();
        out.probeText.clear();
    }
    const bool plansOnly = explain && !analyze;
    if (!plansOnly) { // EXPLAIN without ANALYZE runs nothing
        calledAndApplied(node, &out.functions, &out.operators);
        out.sessionState = SessionStateUse::of(node, out.functions);
    }
    return out;
}

} // namespace uaip
