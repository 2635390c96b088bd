#include "standbystatementverdict.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"
#include "statementrelations.h"
#include "statementresolution.h"
#include "util/visibletext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

// "schema.name" or "name"
std::pair<QString, QString> split(const QString &qualified)
{
    const qsizetype dot = qualified.lastIndexOf(u'.');
    if (dot < 0)
        return {QString(), qualified};
    return {qualified.left(dot), qualified.mid(dot + 1)};
}

QByteArray namesJson(const QStringList &names)
{
    QJsonArray a;
    for (const QString &n : names)
        a.append(split(n).second);
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

bool schemaMatches(const QString &wanted, const QString &schema)
{
    if (wanted.isEmpty())
        return true;
    if (wanted == u"pg_temp")
        return schema.startsWith(u"pg_temp_");
    return wanted == schema;
}

} // namespace

Result<QString> StandbyStatementVerdict::writes(PgConnection &connection,
                                                const StatementClass &statement)
{
    QStringList relations;
    if (!statement.resolvable.isEmpty()) {
        const StatementRelations named(statement.resolvable);
        for (const RelationReference &ref : named.references())
            relations << (ref.schema.isEmpty() ? ref.name : ref.schema + u'.' + ref.name);
    }
    if (statement.functions.isEmpty() && statement.operators.isEmpty() && relations.isEmpty())
        return QString();
    const PgResult r = connection.exec(
        SqlResource::get(QStringLiteral("sqlconsole/sql/routine_volatility.sql")),
        {namesJson(statement.functions), namesJson(statement.operators), namesJson(relations)});
    if (!r.ok())
        return Error(r.error());
    const auto judge = [&r](const QString &qualified, bool isOperator) -> QString {
        const auto [schema, name] = split(qualified);
        bool found = false;
        for (int i = 0; i < r.rows(); ++i) {
            if (r.value(i, "kind") != (isOperator ? u"o" : u"f") || r.value(i, "name") != name
                || !schemaMatches(schema, r.value(i, "schema")))
                continue;
            found = true;
            const QString full = VisibleText::escaped(r.value(i, "schema") + u'.' + name);
            if (r.value(i, "other_owner") == u"t")
                return (isOperator
                            ? tr("applies the operator %1, whose function is another role's (%2)")
                            : tr("calls %1, another role's function (%2)"))
                           .arg(full, VisibleText::escaped(r.value(i, "owner")))
                    + tr(": what it runs, with your rights, is its owner's choice");
            const bool reads = !isOperator && r.value(i, "schema") == u"pg_catalog"
                && StatementResolution::readingVolatile(name);
            if (r.value(i, "volatility") == u"v" && !reads)
                return (isOperator ? tr("applies the operator %1, whose function is VOLATILE")
                                   : tr("calls the VOLATILE function %1"))
                    .arg(full);
        }
        if (!found)
            return (isOperator ? tr("applies the unknown operator %1")
                               : tr("calls the unknown function %1"))
                .arg(VisibleText::escaped(qualified));
        return QString();
    };
    for (const QString &f : statement.functions)
        if (const QString why = judge(f, false); !why.isEmpty())
            return why;
    for (const QString &o : statement.operators)
        if (const QString why = judge(o, true); !why.isEmpty())
            return why;
    // a view runs its query's code, a table with row security its policies': unseen by name
    for (const QString &qualified : std::as_const(relations)) {
        const auto [schema, name] = split(qualified);
        for (int i = 0; i < r.rows(); ++i) {
            if (r.value(i, "kind") != u"r" || r.value(i, "name") != name
                || !schemaMatches(schema, r.value(i, "schema")))
                continue;
            const QString full = VisibleText::escaped(r.value(i, "schema") + u'.' + name);
            return (r.value(i, "relkind") == u"v"
                        ? tr("reads the view %1 (or one of that name)")
                        : tr("reads %1 (or a table of that name), which has row security "
                             "policies"))
                       .arg(full)
                + tr(": what it runs is seen only where the server resolves the statement");
        }
    }
    return QString();
}

} // namespace uaip
