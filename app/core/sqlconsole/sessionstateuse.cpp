#include "sessionstateuse.h"

#include "sqlparse/pgtreewalk.h"

#include <QRegularExpression>

#include <cstring>

namespace uaip {

namespace {

constexpr int kCursorOptHold = 0x0020; // CURSOR_OPT_HOLD of PostgreSQL's parsenodes.h

// "pg_advisory_lock" for "pg_advisory_lock" and "pg_catalog.pg_advisory_lock"; empty for a
// name in another schema (a user's function of the same name is not the catalog's).
QString catalogName(const QString &called)
{
    const QStringList parts = called.split(u'.');
    if (parts.size() == 1)
        return parts.first().toLower();
    if (parts.size() == 2 && parts.first().compare(u"pg_catalog", Qt::CaseInsensitive) == 0)
        return parts.last().toLower();
    return QString();
}

bool isTrueConstant(const PgQuery__Node *arg)
{
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && arg->type_cast)
        return isTrueConstant(arg->type_cast->arg);
    if (!arg || arg->node_case != PG_QUERY__NODE__NODE_A_CONST || !arg->a_const)
        return false;
    const PgQuery__AConst *c = arg->a_const;
    if (c->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL)
        return c->boolval && c->boolval->boolval;
    if (c->val_case != PG_QUERY__A__CONST__VAL_SVAL || !c->sval)
        return false;
    const QString text = QString::fromUtf8(c->sval->sval).trimmed().toLower();
    return text == u"true" || text == u"t" || text == u"on" || text == u"yes" || text == u"y"
        || text == u"1";
}

// Walks the tree for set_config calls; counts them, and those whose third argument is not a
// literal true.
void findSetConfig(const PgQuery__Node *stmt, int *calls, int *sessionCalls)
{
    PgTreeWalk::eachNode(&stmt->base, [calls, sessionCalls](const PgQuery__Node *node) {
        if (node->node_case != PG_QUERY__NODE__NODE_FUNC_CALL || !node->func_call)
            return true;
        const PgQuery__FuncCall *call = node->func_call;
        if (catalogName(PgTreeWalk::strings(call->funcname, call->n_funcname).join(u'.'))
            == u"set_config") {
            ++*calls;
            if (call->n_args < 3 || !isTrueConstant(call->args[2]))
                ++*sessionCalls;
        }
        return true;
    });
}

bool isTempSchema(const char *name)
{
    static const QRegularExpression re(QStringLiteral("^pg_temp(?:_[0-9]+)?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return name && re.match(QString::fromUtf8(name)).hasMatch();
}

// Whether a list of nodes starts with the String pg_temp(_N) followed by another String: a
// qualified name in the temporary schema.
bool inTempSchema(PgQuery__Node *const *items, size_t count)
{
    return count >= 2 && items[0] && items[1] && items[0]->node_case == PG_QUERY__NODE__NODE_STRING
        && items[1]->node_case == PG_QUERY__NODE__NODE_STRING && items[0]->string
        && isTempSchema(items[0]->string->sval);
}

// A schemaname pg_temp(_N) (a RangeVar's) or a qualified name list starting with it anywhere.
bool namesTempSchema(const PgQuery__Node *stmt)
{
    return !PgTreeWalk::each(&stmt->base, [](const ProtobufCMessage *m) {
        if (isTempSchema(PgTreeWalk::stringField(m, "schemaname")))
            return false;
        const ProtobufCMessageDescriptor *descriptor = m->descriptor;
        for (unsigned f = 0; f < descriptor->n_fields; ++f) {
            const ProtobufCFieldDescriptor &field = descriptor->fields[f];
            if (field.label != PROTOBUF_C_LABEL_REPEATED || field.type != PROTOBUF_C_TYPE_MESSAGE
                || field.descriptor != &pg_query__node__descriptor)
                continue;
            const auto *base = reinterpret_cast<const char *>(m);
            size_t count = 0;
            PgQuery__Node *const *items = nullptr;
            std::memcpy(&count, base + field.quantifier_offset, sizeof count);
            std::memcpy(&items, base + field.offset, sizeof items);
            if (inTempSchema(items, count))
                return false;
        }
        return true;
    });
}

// The target of CREATE TEMP TABLE / VIEW / SEQUENCE, CREATE TEMP TABLE AS, SELECT INTO TEMP
// (a relation named in FROM is never "t" in a parse tree).
bool createsTemporary(const PgQuery__Node *stmt)
{
    return !PgTreeWalk::each(&stmt->base, [](const ProtobufCMessage *m) {
        return qstrcmp(PgTreeWalk::stringField(m, "relpersistence"), "t") != 0;
    });
}

// Whether a constant text holds pg_temp(_N) as one of its comma-separated schemas.
bool namesTempInText(const char *text)
{
    if (!text)
        return false;
    for (const QString &part : QString::fromUtf8(text).split(u','))
        if (isTempSchema(part.trimmed().remove(u'"').toUtf8().constData()))
            return true;
    return false;
}

// The text of a string constant (through casts); nullptr for anything else.
const char *constantText(const PgQuery__Node *n)
{
    while (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && n->type_cast)
        n = n->type_cast->arg;
    if (n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const
        && n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL && n->a_const->sval)
        return n->a_const->sval->sval;
    return nullptr;
}

// A string constant among nodes (a SET's values, a call's arguments) that names pg_temp.
bool namesTempInValues(PgQuery__Node *const *items, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        const PgQuery__Node *n = items[i];
        if (n && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && n->type_cast)
            n = n->type_cast->arg;
        if (n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const
            && n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL && n->a_const->sval
            && namesTempInText(n->a_const->sval->sval))
            return true;
    }
    return false;
}

// A search_path naming pg_temp, for the transaction only (SET LOCAL, set_config(..., true)):
// an unqualified CREATE then makes a temporary object, which outlives the transaction on the
// pooled server session.
bool setsTempSearchPath(const PgQuery__Node *stmt)
{
    return !PgTreeWalk::eachNode(&stmt->base, [](const PgQuery__Node *node) {
        if (node->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT && node->variable_set_stmt
            && node->variable_set_stmt->name
            && QString::fromUtf8(node->variable_set_stmt->name)
                    .compare(u"search_path", Qt::CaseInsensitive)
                == 0)
            return !namesTempInValues(node->variable_set_stmt->args,
                                      node->variable_set_stmt->n_args);
        if (node->node_case != PG_QUERY__NODE__NODE_FUNC_CALL || !node->func_call)
            return true;
        const PgQuery__FuncCall *call = node->func_call;
        if (catalogName(PgTreeWalk::strings(call->funcname, call->n_funcname).join(u'.'))
                != u"set_config"
            || call->n_args < 2)
            return true;
        // a setting or a value computed at run time ('pg_te' || 'mp') is not known here:
        // taken as a search_path naming pg_temp
        const char *setting = constantText(call->args[0]);
        if (!setting)
            return false;
        const bool searchPath
            = QString::fromUtf8(setting).trimmed().compare(u"search_path", Qt::CaseInsensitive)
            == 0;
        return !(searchPath
                 && (!constantText(call->args[1]) || namesTempInValues(call->args + 1, 1)));
    });
}

QString ofSet(const PgQuery__VariableSetStmt &set)
{
    if (set.is_local)
        return QString();
    const PgQuery__VariableSetKind kind = set.kind;
    const QString name = QString::fromUtf8(set.name);
    const bool reset = kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET;
    // SET TRANSACTION ... and SET TRANSACTION SNAPSHOT act on the transaction only
    if (kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_MULTI
        && (name == u"TRANSACTION" || name == u"TRANSACTION SNAPSHOT"))
        return QString();
    if (kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL)
        return QStringLiteral("RESET ALL");
    if (name == u"role")
        return reset ? QStringLiteral("RESET ROLE") : QStringLiteral("SET ROLE");
    if (name == u"session_authorization")
        return reset ? QStringLiteral("RESET SESSION AUTHORIZATION")
                     : QStringLiteral("SET SESSION AUTHORIZATION");
    if (name == u"SESSION CHARACTERISTICS")
        return QStringLiteral("SET SESSION CHARACTERISTICS");
    if (reset)
        return SessionStateUse::tr("RESET %1 without LOCAL").arg(name);
    return SessionStateUse::tr("SET %1 without LOCAL").arg(name);
}

// What the statement's own kind leaves on the session; empty when nothing.
QString ofKind(const PgQuery__Node *stmt)
{
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
        return ofSet(*stmt->variable_set_stmt);
    case PG_QUERY__NODE__NODE_PREPARE_STMT:
        return QStringLiteral("PREPARE %1").arg(QString::fromUtf8(stmt->prepare_stmt->name));
    case PG_QUERY__NODE__NODE_LISTEN_STMT:
        return QStringLiteral("LISTEN %1").arg(QString::fromUtf8(stmt->listen_stmt->conditionname));
    case PG_QUERY__NODE__NODE_LOAD_STMT:
        return QStringLiteral("LOAD");
    case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT:
        if (stmt->declare_cursor_stmt->options & kCursorOptHold)
            return SessionStateUse::tr("DECLARE %1 CURSOR WITH HOLD")
                .arg(QString::fromUtf8(stmt->declare_cursor_stmt->portalname));
        return QString();
    default:
        return QString();
    }
}

} // namespace

QString SessionStateUse::of(const PgQuery__Node *stmt, const QStringList &functions)
{
    if (!stmt || !PgTreeWalk::content(stmt))
        return QString();
    if (QString own = ofKind(stmt); !own.isEmpty())
        return own;
    if (createsTemporary(stmt))
        return tr("creates a temporary relation");
    if (setsTempSearchPath(stmt))
        return tr("sets a search_path naming pg_temp (an unqualified CREATE then makes a "
                  "temporary object)");
    // CREATE TABLE / FUNCTION / TYPE ... in pg_temp: a temporary object by its schema, named
    // pg_temp.x (a RangeVar's schemaname, or the first of a qualified name list); reading or
    // changing rows of pg_temp's relations is left alone, and so is a pg_temp in a value
    // (CREATE FUNCTION ... SET search_path = pg_catalog, pg_temp)
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
        break;
    default:
        if (namesTempSchema(stmt))
            return tr("creates or changes an object in the temporary schema pg_temp");
    }
    for (const QString &called : functions) {
        const QString name = catalogName(called);
        if (name == u"pg_advisory_lock" || name == u"pg_advisory_lock_shared"
            || name == u"pg_try_advisory_lock" || name == u"pg_try_advisory_lock_shared")
            return tr("calls %1 (a session advisory lock; the _xact_ forms end with the "
                      "transaction)")
                .arg(called);
        // dblink lives in whatever schema its extension was created in
        const QString last = called.section(u'.', -1).toLower();
        if (last == u"dblink_connect" || last == u"dblink_connect_u")
            return tr("calls %1 (a connection kept by the session)").arg(called);
    }
    if (functions.contains(u"set_config", Qt::CaseInsensitive)
        || functions.contains(u"pg_catalog.set_config", Qt::CaseInsensitive)) {
        int calls = 0;
        int sessionCalls = 0;
        findSetConfig(stmt, &calls, &sessionCalls);
        // no call found (a name this walk does not see as set_config): the safe side
        if (sessionCalls > 0 || calls == 0)
            return tr("calls set_config without is_local true");
    }
    return QString();
}

} // namespace uaip
