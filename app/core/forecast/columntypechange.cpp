#include "columntypechange.h"

#include "sqlparse/parsetreenames.h"

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

namespace {

// USING the altered column itself (an unqualified column reference of that name): the same
// expression PostgreSQL builds without USING.
bool usesTheColumnItself(const PgQuery__Node *expr, const QString &column)
{
    if (!expr)
        return true;
    if (expr->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || !expr->column_ref)
        return false;
    const QStringList fields
        = ParseTreeNames::stringValues(expr->column_ref->fields, expr->column_ref->n_fields);
    return expr->column_ref->n_fields == 1 && fields.size() == 1 && fields.first() == column;
}

} // namespace

ColumnTypeChange ColumnTypeChange::of(const PgQuery__AlterTableCmd &cmd)
{
    ColumnTypeChange change;
    change.column = QString::fromUtf8(cmd.name);
    const PgQuery__ColumnDef *def = cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF
        ? cmd.def->column_def
        : nullptr;
    if (!def || !def->type_name || def->type_name->pct_type || def->type_name->setof)
        return change;
    const PgQuery__TypeName &type = *def->type_name;
    const QStringList parts = ParseTreeNames::stringValues(type.names, type.n_names);
    if (parts.isEmpty() || parts.size() != qsizetype(type.n_names))
        return change;
    QStringList quoted;
    for (const QString &part : parts)
        quoted << ParseTreeNames::quoteIdentifier(part);
    change.typeName = quoted.join(u'.');
    for (size_t i = 0; i < type.n_array_bounds; ++i)
        change.typeName += QStringLiteral("[]");
    for (size_t i = 0; i < type.n_typmods; ++i) {
        const PgQuery__Node *node = type.typmods[i];
        const PgQuery__AConst *value
            = node && node->node_case == PG_QUERY__NODE__NODE_A_CONST ? node->a_const : nullptr;
        if (!value || value->isnull || value->val_case != PG_QUERY__A__CONST__VAL_IVAL)
            return change;
        change.typmods << QString::number(value->ival ? value->ival->ival : 0);
    }
    // a COLLATE clause may rebuild the column's indexes (a scan under the lock): not decided here
    change.plain = usesTheColumnItself(def->raw_default, change.column) && !def->coll_clause;
    return change;
}

QString ColumnTypeChange::typmodsLiteral() const
{
    return u'{' + typmods.join(u',') + u'}';
}

} // namespace uaip
