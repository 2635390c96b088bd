#include "lockforecasttree.h"

#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgtreewalk.h"

#include <QSet>
#include <QStringList>

namespace uaip {

namespace {

QStringList namesOf(const PgQuery__Node *node)
{
    if (!node || node->node_case != PG_QUERY__NODE__NODE_LIST || !node->list)
        return {};
    return ParseTreeNames::stringValues(node->list->items, node->list->n_items);
}

bool isOff(const PgQuery__Node *value)
{
    if (!value)
        return false;
    if (value->node_case == PG_QUERY__NODE__NODE_STRING && value->string) {
        static const QSet<QString> off{QStringLiteral("false"), QStringLiteral("off"),
                                       QStringLiteral("no"), QStringLiteral("0")};
        return off.contains(QString::fromUtf8(value->string->sval).toLower());
    }
    if (value->node_case == PG_QUERY__NODE__NODE_INTEGER && value->integer)
        return value->integer->ival == 0;
    if (value->node_case == PG_QUERY__NODE__NODE_BOOLEAN && value->boolean)
        return !value->boolean->boolval;
    return false;
}

// Built-in functions that are stable or immutable, so a default calling them is evaluated once
// (PostgreSQL 15's pg_proc.dat: provolatile 's' or 'i'). Only unqualified or pg_catalog names.
bool isKnownStable(const PgQuery__FuncCall &call)
{
    static const QSet<QString> stable{
        QStringLiteral("now"),
        QStringLiteral("transaction_timestamp"),
        QStringLiteral("statement_timestamp"),
        QStringLiteral("lower"),
        QStringLiteral("upper"),
        QStringLiteral("btrim"),
        QStringLiteral("make_interval"),
        QStringLiteral("make_date"),
        QStringLiteral("jsonb_build_object"),
        QStringLiteral("jsonb_build_array"),
    };
    const QStringList names = ParseTreeNames::stringValues(call.funcname, call.n_funcname);
    if (names.isEmpty() || names.size() > 2)
        return false;
    if (names.size() == 2 && names.first() != u"pg_catalog")
        return false;
    return stable.contains(names.last());
}

} // namespace

const PgQuery__RangeVar *LockForecastTree::rangeVar(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_RANGE_VAR ? node->range_var : nullptr;
}

const PgQuery__Constraint *LockForecastTree::constraint(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? node->constraint : nullptr;
}

const ProtobufCMessage *LockForecastTree::asMessage(const PgQuery__Node *node)
{
    return reinterpret_cast<const ProtobufCMessage *>(node);
}

QString LockForecastTree::relationName(const PgQuery__RangeVar *rangeVar)
{
    return ParseTreeNames::relationName(rangeVar);
}

QString LockForecastTree::listName(const PgQuery__Node *node)
{
    return ParseTreeNames::qualifiedName(namesOf(node));
}

QString LockForecastTree::ownerName(const PgQuery__Node *node)
{
    QStringList names = namesOf(node);
    if (names.size() < 2)
        return {};
    names.removeLast();
    return ParseTreeNames::qualifiedName(names);
}

bool LockForecastTree::option(PgQuery__Node *const *options, size_t count, const char *name)
{
    for (size_t i = 0; i < count; ++i) {
        const PgQuery__Node *node = options[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !node->def_elem)
            continue;
        const PgQuery__DefElem &def = *node->def_elem;
        if (QString::fromUtf8(def.defname).toLower() == QLatin1String(name))
            return !isOff(def.arg);
    }
    return false;
}

QStringList LockForecastTree::optionNames(PgQuery__Node *const *options, size_t count)
{
    QStringList names;
    for (size_t i = 0; i < count; ++i) {
        const PgQuery__Node *node = options[i];
        if (node && node->node_case == PG_QUERY__NODE__NODE_DEF_ELEM && node->def_elem)
            names.append(QString::fromUtf8(node->def_elem->defname));
    }
    return names;
}

bool LockForecastTree::callsFunction(const PgQuery__Node *node)
{
    return !PgTreeWalk::eachNode(asMessage(node), [](const PgQuery__Node *child) {
        return child->node_case != PG_QUERY__NODE__NODE_FUNC_CALL;
    });
}

bool LockForecastTree::changesSearchPath(const PgQuery__Node *statement)
{
    if (!statement)
        return false;
    if (statement->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT
        && statement->variable_set_stmt) {
        const PgQuery__VariableSetStmt &set = *statement->variable_set_stmt;
        const QString name = QString::fromUtf8(set.name).toLower();
        // the role decides what "$user" in search_path names
        return set.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL || name == u"search_path"
            || name == u"role" || name == u"session_authorization";
    }
    if (statement->node_case == PG_QUERY__NODE__NODE_DO_STMT
        || statement->node_case == PG_QUERY__NODE__NODE_CALL_STMT)
        return true;
    // any function may set it (set_config, or a body that runs SET), and pg_settings may be
    // written to
    return !PgTreeWalk::each(asMessage(statement), [](const ProtobufCMessage *message) {
        if (message->descriptor == &pg_query__func_call__descriptor)
            return false;
        return !(message->descriptor == &pg_query__range_var__descriptor
                 && QByteArrayView(reinterpret_cast<const PgQuery__RangeVar *>(message)->relname)
                     == "pg_settings");
    });
}

bool LockForecastTree::keepsNotNullProofs(const PgQuery__Node *statement)
{
    if (statement && statement->node_case == PG_QUERY__NODE__NODE_INDEX_STMT)
        return true;
    if (!statement || statement->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT
        || !statement->alter_table_stmt
        || statement->alter_table_stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        return false;
    const PgQuery__AlterTableStmt &alter = *statement->alter_table_stmt;
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const PgQuery__Node *node = alter.cmds[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            return false;
        switch (node->alter_table_cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
            break;
        default:
            return false;
        }
    }
    return true;
}

QList<RelationRename> LockForecastTree::renames(const PgQuery__Node *statement)
{
    static const QSet<int> relations{
        PG_QUERY__OBJECT_TYPE__OBJECT_TABLE,   PG_QUERY__OBJECT_TYPE__OBJECT_VIEW,
        PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW, PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE,
        PG_QUERY__OBJECT_TYPE__OBJECT_INDEX,   PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE,
    };
    if (statement && statement->node_case == PG_QUERY__NODE__NODE_RENAME_STMT) {
        const PgQuery__RenameStmt &r = *statement->rename_stmt;
        if (r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA)
            return {{ParseTreeNames::quoteIdentifier(r.subname),
                     ParseTreeNames::quoteIdentifier(r.newname), true}};
        if (!relations.contains(r.rename_type) || !r.relation)
            return {};
        QStringList to;
        if (r.relation->schemaname && *r.relation->schemaname)
            to << QString::fromUtf8(r.relation->schemaname);
        to << QString::fromUtf8(r.newname);
        return {{relationName(r.relation), ParseTreeNames::qualifiedName(to), false}};
    }
    if (statement && statement->node_case == PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT) {
        const PgQuery__AlterObjectSchemaStmt &a = *statement->alter_object_schema_stmt;
        if (!relations.contains(a.object_type) || !a.relation)
            return {};
        return {{relationName(a.relation),
                 ParseTreeNames::qualifiedName(
                     {QString::fromUtf8(a.newschema), QString::fromUtf8(a.relation->relname)}),
                 false}};
    }
    return {};
}

bool LockForecastTree::isUnqualified(const QString &relation)
{
    bool quoted = false;
    for (const QChar c : relation) {
        if (c == u'"')
            quoted = !quoted;
        else if (c == u'.' && !quoted)
            return false;
    }
    return true;
}

bool LockForecastTree::mayBeVolatile(const PgQuery__Node *expression)
{
    return !PgTreeWalk::eachNode(asMessage(expression), [](const PgQuery__Node *child) {
        if (child->node_case == PG_QUERY__NODE__NODE_SUB_LINK)
            return false;
        if (child->node_case == PG_QUERY__NODE__NODE_FUNC_CALL)
            return child->func_call && isKnownStable(*child->func_call);
        return true;
    });
}

} // namespace uaip
