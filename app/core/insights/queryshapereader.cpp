#include "queryshapereader.h"

#include "typedliteralrewrite.h"

#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"

namespace uaip {

namespace {

const char *const kEqualityOps[] = {"="};
const char *const kRangeOps[] = {"<", ">", "<=", ">="};

bool isCatalog(const PgQuery__RangeVar *r)
{
    const QString schema = QString::fromUtf8(r->schemaname);
    return schema == QLatin1String("pg_catalog") || schema == QLatin1String("information_schema")
        || (schema.isEmpty() && QString::fromUtf8(r->relname).startsWith(QLatin1String("pg_")));
}

// The qualifier and name of a column reference (a.b or b); false for a.* or longer names.
bool columnOf(const PgQuery__Node *node, QString *qualifier, QString *name)
{
    if (!node || node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
        return false;
    const QStringList parts
        = PgTreeWalk::strings(node->column_ref->fields, node->column_ref->n_fields);
    if (parts.isEmpty() || parts.size() != int(node->column_ref->n_fields) || parts.size() > 2)
        return false;
    *name = parts.last();
    *qualifier = parts.size() == 2 ? parts.first() : QString();
    return true;
}

void addColumn(QueryShape &shape, const PgQuery__Node *node, QueryShape::Use use)
{
    QueryShape::Column c;
    if (columnOf(node, &c.qualifier, &c.name)) {
        c.use = use;
        shape.columns.append(c);
    }
}

std::optional<QueryShape::Use> comparison(const PgQuery__AExpr &e)
{
    switch (e.kind) {
    case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
        return QueryShape::Use::Equality;
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
        return QueryShape::Use::Range;
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY: {
        const QStringList op = PgTreeWalk::strings(e.name, e.n_name);
        for (const char *o : kEqualityOps)
            if (op.value(op.size() - 1) == QLatin1String(o))
                return QueryShape::Use::Equality;
        if (e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP)
            for (const char *o : kRangeOps)
                if (op.value(op.size() - 1) == QLatin1String(o))
                    return QueryShape::Use::Range;
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

// Every relation, comparison, sort key and parameter under the statement's node: every message
// of the tree, as a statement's own target (UPDATE's and DELETE's relation) is a RangeVar
// message of its own, not a node.
bool collect(const PgQuery__Node *statement, QueryShape &shape)
{
    bool catalogOnly = true;
    PgTreeWalk::each(&statement->base, [&](const ProtobufCMessage *m) {
        if (m->descriptor == &pg_query__range_var__descriptor) {
            const auto *r = reinterpret_cast<const PgQuery__RangeVar *>(m);
            if (!isCatalog(r))
                catalogOnly = false;
            shape.relations.append({ParseTreeNames::relationName(r),
                                    r->alias ? QString::fromUtf8(r->alias->aliasname) : QString()});
        } else if (m->descriptor == &pg_query__a__expr__descriptor) {
            const auto *e = reinterpret_cast<const PgQuery__AExpr *>(m);
            if (const std::optional<QueryShape::Use> use = comparison(*e)) {
                addColumn(shape, e->lexpr, *use);
                if (*use == QueryShape::Use::Equality)
                    addColumn(shape, e->rexpr, *use); // a join's other side
            }
        } else if (m->descriptor == &pg_query__null_test__descriptor) {
            addColumn(shape, reinterpret_cast<const PgQuery__NullTest *>(m)->arg,
                      QueryShape::Use::Equality);
        } else if (m->descriptor == &pg_query__sort_by__descriptor) {
            addColumn(shape, reinterpret_cast<const PgQuery__SortBy *>(m)->node,
                      QueryShape::Use::Sort);
        } else if (m->descriptor == &pg_query__param_ref__descriptor) {
            shape.parameters = qMax(shape.parameters,
                                    int(reinterpret_cast<const PgQuery__ParamRef *>(m)->number));
        }
        return true;
    });
    return !catalogOnly;
}

} // namespace

Result<QueryShape> QueryShapeReader::read(const QString &query)
{
    const QString text = TypedLiteralRewrite::preparable(query);
    const PgParseTree tree = PgParseTree::parse(text.toUtf8());
    if (!tree.ok()) {
        const TextPosition at = tree.errorPosition();
        return Error(ErrorCode::BadInput, tr("does not parse: %1").arg(tree.errorMessage()),
                     {{QStringLiteral("line"), at.line}, {QStringLiteral("column"), at.column}});
    }
    const QList<PgStatementNode> statements = tree.statements();
    if (statements.size() != 1)
        return Error(ErrorCode::BadInput,
                     tr("holds %n statement(s), not one", nullptr, int(statements.size())),
                     {{QStringLiteral("statements"), int(statements.size())}});
    const PgQuery__Node *node = statements.first().node;
    const bool filtered = node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT
        || (node->node_case == PG_QUERY__NODE__NODE_UPDATE_STMT && node->update_stmt->where_clause)
        || (node->node_case == PG_QUERY__NODE__NODE_DELETE_STMT && node->delete_stmt->where_clause);
    if (!filtered || PgTreeWalk::hasUnknown(&node->base))
        return Error(ErrorCode::Refused,
                     tr("is not a SELECT, or an UPDATE or DELETE with a WHERE"));
    QueryShape shape;
    shape.text = text;
    if (!collect(node, shape))
        return Error(ErrorCode::NotFound, tr("reads no table outside the catalogs"));
    return shape;
}

} // namespace uaip
