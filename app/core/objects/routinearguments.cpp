#include "routinearguments.h"

#include "sqlparse/pgparsetree.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

// The routine the argument list is read for: a name no user text can produce, so that what
// the parser gives back is checked to be that one routine and nothing more.
constexpr char kPrefix[] = "DROP FUNCTION pg_temp.uaip_arguments(";
constexpr char kRoutine[] = "uaip_arguments";

QString quotedPart(const QString &part)
{
    QString q = part;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

// The one ObjectWithArgs of a DROP FUNCTION of our routine, or null.
const PgQuery__ObjectWithArgs *routineOf(const PgParseTree &tree)
{
    const QList<PgStatementNode> statements = tree.statements();
    if (statements.size() != 1
        || statements.first().node->node_case != PG_QUERY__NODE__NODE_DROP_STMT)
        return nullptr;
    const PgQuery__DropStmt *drop = statements.first().node->drop_stmt;
    if (drop->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION || drop->n_objects != 1
        || drop->missing_ok || drop->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_RESTRICT
        || drop->objects[0]->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
        return nullptr;
    const PgQuery__ObjectWithArgs *object = drop->objects[0]->object_with_args;
    if (object->args_unspecified || object->n_objname != 2
        || object->objname[1]->node_case != PG_QUERY__NODE__NODE_STRING
        || qstrcmp(object->objname[1]->string->sval, kRoutine) != 0)
        return nullptr;
    return object;
}

} // namespace

Result<QString> RoutineArguments::typeText(const PgQuery__TypeName *type)
{
    if (type == nullptr || type->n_names == 0)
        return Error(ErrorCode::BadInput, tr("an argument has no type"));
    if (type->pct_type || type->setof)
        return Error(ErrorCode::BadInput,
                     tr("an argument's type is written with %1, which names no type by itself")
                         .arg(type->pct_type ? QStringLiteral("%TYPE") : QStringLiteral("SETOF")));
    QStringList parts;
    for (size_t i = 0; i < type->n_names; ++i) {
        const PgQuery__Node *part = type->names[i];
        if (part->node_case != PG_QUERY__NODE__NODE_STRING)
            return Error(ErrorCode::BadInput, tr("an argument's type name is not a name"));
        parts << quotedPart(QString::fromUtf8(part->string->sval));
    }
    return parts.join(u'.') + QStringLiteral("[]").repeated(qsizetype(type->n_array_bounds));
}

Result<RoutineArguments> RoutineArguments::parse(const QString &text)
{
    RoutineArguments out;
    if (text.trimmed().isEmpty())
        return out;
    const QVariantMap args{{QStringLiteral("arguments"), text}};
    const PgParseTree tree = PgParseTree::parse(QByteArray(kPrefix) + text.toUtf8() + ')');
    if (!tree.ok())
        return Error(ErrorCode::BadInput,
                     //: %1 the argument list as written, %2 the SQL parser's message
                     tr("cannot read the argument list (%1) as [IN|OUT|INOUT|VARIADIC] [name] "
                        "type, ...: %2")
                         .arg(text, tree.errorMessage()),
                     args);
    const PgQuery__ObjectWithArgs *routine = routineOf(tree);
    const Error notTypes(ErrorCode::BadInput,
                         tr("the argument list (%1) holds more than argument types").arg(text),
                         args);
    if (routine == nullptr)
        return notTypes;
    for (size_t i = 0; i < routine->n_objfuncargs; ++i) {
        const PgQuery__Node *node = routine->objfuncargs[i];
        if (node->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER)
            return notTypes;
        const PgQuery__FunctionParameter *p = node->function_parameter;
        if (p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT
            || p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
            continue;
        const Result<QString> type = typeText(p->arg_type);
        if (!type)
            return Error(ErrorCode::BadInput,
                         //: %1 the argument list as written, %2 what is wrong with it
                         tr("in the argument list (%1): %2").arg(text, type.error().text()), args);
        out.types << *type;
    }
    return out;
}

QByteArray RoutineArguments::json() const
{
    return QJsonDocument(QJsonArray::fromStringList(types)).toJson(QJsonDocument::Compact);
}

} // namespace uaip
