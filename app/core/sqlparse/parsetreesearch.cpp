#include "parsetreesearch.h"

#include "pgparsetree.h"
#include "pgtreewalk.h"

namespace uaip {

namespace {

const ProtobufCMessage *rootOf(const PgParseTree &tree)
{
    const PgQuery__ParseResult *result = tree.result();
    return result ? &result->base : nullptr;
}

} // namespace

QString ParseTreeSearch::unlockCall(const PgParseTree &tree, bool allOnly)
{
    QString found;
    PgTreeWalk::eachNode(rootOf(tree), [&found, allOnly](const PgQuery__Node *node) {
        if (node->node_case != PG_QUERY__NODE__NODE_FUNC_CALL || !node->func_call)
            return true;
        QStringList name
            = PgTreeWalk::strings(node->func_call->funcname, node->func_call->n_funcname);
        if (name.size() == 2 && name.first() == u"pg_catalog")
            name.removeFirst();
        if (name.size() != 1)
            return true;
        const QString &f = name.first();
        if (f == u"pg_advisory_unlock_all"
            || (!allOnly && (f == u"pg_advisory_unlock" || f == u"pg_advisory_unlock_shared"))) {
            found = f;
            return false;
        }
        return true;
    });
    return found;
}

QStringList ParseTreeSearch::addedEnumValues(const PgParseTree &tree)
{
    QStringList values;
    for (const PgStatementNode &s : tree.statements()) {
        if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_ALTER_ENUM_STMT)
            continue;
        const PgQuery__AlterEnumStmt *alter = s.node->alter_enum_stmt;
        // RENAME VALUE has an old value too (an absent string unpacks as "")
        if (alter && alter->new_val && *alter->new_val && (!alter->old_val || !*alter->old_val))
            values << QString::fromUtf8(alter->new_val);
    }
    return values;
}

bool ParseTreeSearch::hasStringConstant(const PgParseTree &tree, const QString &value)
{
    const QByteArray wanted = value.toUtf8();
    return !PgTreeWalk::eachNode(rootOf(tree), [&wanted](const PgQuery__Node *node) {
        const PgQuery__AConst *c
            = node->node_case == PG_QUERY__NODE__NODE_A_CONST ? node->a_const : nullptr;
        return !(c && c->val_case == PG_QUERY__A__CONST__VAL_SVAL && c->sval && c->sval->sval
                 && wanted == c->sval->sval);
    });
}

bool ParseTreeSearch::hasUnknown(const PgParseTree &tree)
{
    return PgTreeWalk::hasUnknown(rootOf(tree));
}

} // namespace uaip
