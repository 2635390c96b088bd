#include "whereclausechecker.h"

#include "browse/querybuilder.h"
#include "db/pgconnection.h"
#include "migrate/sqlsplitter.h"
#include "util/sqlresource.h"

namespace uaip {

QString WhereClauseChecker::checkSyntax(const TableInfo &table, const QString &clause)
{
    if (clause.trimmed().isEmpty())
        return QString();
    const SqlSplitResult split = SqlSplitter::split(QueryBuilder::explainWhere(table, clause));
    if (!split.ok())
        return QStringLiteral("The WHERE clause is not valid SQL: %1").arg(split.error->message);
    if (split.statements.size() != 1)
        return QStringLiteral("The WHERE clause must be a single condition; it may not end "
                              "the statement or start another one.");
    return QString();
}

QString WhereClauseChecker::check(PgConnection &connection, const TableInfo &table,
                                  const QString &clause)
{
    const QString syntax = checkSyntax(table, clause);
    if (!syntax.isEmpty() || clause.trimmed().isEmpty())
        return syntax;
    const PgResult begin
        = connection.exec(SqlResource::get(QStringLiteral("browse/sql/readonly_begin.sql")));
    if (!begin.ok())
        return begin.handle() ? begin.error().toString() : connection.connectionError();
    const PgResult explain = connection.exec(QueryBuilder::explainWhere(table, clause));
    const QString problem = explain.ok() ? QString() : explain.error().toString();
    connection.exec(SqlResource::get(QStringLiteral("browse/sql/rollback.sql")));
    return problem.isEmpty()
        ? QString()
        : QStringLiteral("The server rejected the WHERE clause: %1").arg(problem);
}

} // namespace uaip
