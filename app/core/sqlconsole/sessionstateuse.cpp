#include "sessionstateuse.h"

#include "migrate/parsetree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

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

bool isTrueConstant(const QJsonValue &arg)
{
    const ParseTreeNode node = ParseTree::nodeOf(arg);
    if (node.type == u"TypeCast")
        return isTrueConstant(node.fields.value(u"arg"));
    if (node.type != u"A_Const")
        return false;
    if (node.fields.contains(u"boolval"))
        return node.fields.value(u"boolval").toObject().value(u"boolval").toBool();
    const QString text
        = node.fields.value(u"sval").toObject().value(u"sval").toString().trimmed().toLower();
    return text == u"true" || text == u"t" || text == u"on" || text == u"yes" || text == u"y"
        || text == u"1";
}

// Walks the tree for set_config calls; counts them, and those whose third argument is not a
// literal true.
void findSetConfig(const QJsonValue &value, int *calls, int *sessionCalls)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            findSetConfig(v, calls, sessionCalls);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"FuncCall") {
            const QJsonObject call = it.value().toObject();
            const QString name
                = ParseTree::stringValues(call.value(u"funcname").toArray()).join(u'.');
            if (catalogName(name) == u"set_config") {
                ++*calls;
                const QJsonArray args = call.value(u"args").toArray();
                if (args.size() < 3 || !isTrueConstant(args.at(2)))
                    ++*sessionCalls;
            }
        }
        findSetConfig(it.value(), calls, sessionCalls);
    }
}

QString ofSet(const QJsonObject &fields)
{
    if (fields.value(u"is_local").toBool())
        return QString();
    const QString kind = fields.value(u"kind").toString();
    const QString name = fields.value(u"name").toString();
    // SET TRANSACTION ... and SET TRANSACTION SNAPSHOT act on the transaction only
    if (kind == u"VAR_SET_MULTI" && (name == u"TRANSACTION" || name == u"TRANSACTION SNAPSHOT"))
        return QString();
    if (kind == u"VAR_RESET_ALL")
        return QStringLiteral("RESET ALL");
    if (name == u"role")
        return kind == u"VAR_RESET" ? QStringLiteral("RESET ROLE") : QStringLiteral("SET ROLE");
    if (name == u"session_authorization")
        return kind == u"VAR_RESET" ? QStringLiteral("RESET SESSION AUTHORIZATION")
                                    : QStringLiteral("SET SESSION AUTHORIZATION");
    if (name == u"SESSION CHARACTERISTICS")
        return QStringLiteral("SET SESSION CHARACTERISTICS");
    if (kind == u"VAR_RESET")
        return SessionStateUse::tr("RESET %1 without LOCAL").arg(name);
    return SessionStateUse::tr("SET %1 without LOCAL").arg(name);
}

} // namespace

QString SessionStateUse::of(const QJsonValue &stmt, const QByteArray &json,
                            const QStringList &functions)
{
    const ParseTreeNode node = ParseTree::nodeOf(stmt);
    const QString &t = node.type;
    if (t == u"VariableSetStmt") {
        if (QString set = ofSet(node.fields); !set.isEmpty())
            return set;
    } else if (t == u"PrepareStmt") {
        return QStringLiteral("PREPARE %1").arg(node.fields.value(u"name").toString());
    } else if (t == u"ListenStmt") {
        return QStringLiteral("LISTEN %1").arg(node.fields.value(u"conditionname").toString());
    } else if (t == u"LoadStmt") {
        return QStringLiteral("LOAD");
    } else if (t == u"DeclareCursorStmt"
               && (node.fields.value(u"options").toInt() & kCursorOptHold)) {
        return tr("DECLARE %1 CURSOR WITH HOLD").arg(node.fields.value(u"portalname").toString());
    }
    // the target of CREATE TEMP TABLE / VIEW / SEQUENCE, CREATE TEMP TABLE AS, SELECT INTO
    // TEMP (a relation named in FROM is never "t" in a parse tree)
    if (json.contains("\"relpersistence\":\"t\""))
        return tr("creates a temporary relation");
    // CREATE TABLE / FUNCTION / TYPE ... in pg_temp: a temporary object by its schema, named
    // pg_temp.x (a RangeVar's schemaname, or the first of a qualified name list); reading or
    // changing rows of pg_temp's relations is left alone, and so is a pg_temp in a value
    // (CREATE FUNCTION ... SET search_path = pg_catalog, pg_temp)
    static const QRegularExpression inTempSchema(
        QStringLiteral(
            R"re("schemaname":"pg_temp(?:_[0-9]+)?"|\[\{"String":\{"sval":"pg_temp(?:_[0-9]+)?"\}\},\{"String")re"),
        QRegularExpression::CaseInsensitiveOption);
    if (t != u"SelectStmt" && t != u"InsertStmt" && t != u"UpdateStmt" && t != u"DeleteStmt"
        && t != u"MergeStmt" && t != u"ExplainStmt" && t != u"VariableShowStmt"
        && inTempSchema.match(QString::fromUtf8(json)).hasMatch())
        return tr("creates or changes an object in the temporary schema pg_temp");
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
        // no call found: the tree was too deep for the JSON reader (the safe side)
        if (sessionCalls > 0 || calls == 0)
            return tr("calls set_config without is_local true");
    }
    return QString();
}

} // namespace uaip
