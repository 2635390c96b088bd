#include "whereclausechecker.h"

#include "db/pgconnection.h"
#include "db/transaction.h"
#include "querybuilder.h"
#include "sqlparse/sqlsplitter.h"

namespace uaip {

QString WhereClauseChecker::checkSyntax(const TableInfo &table, const QString &clause)
{
    if (clause.trimmed().isEmpty())
        return QString();
    const SqlSplitResult split = SqlSplitter::split(QueryBuilder::explainWhere(table, clause));
    if (!split.ok())
        return tr("The WHERE clause is not valid SQL: %1").arg(split.error->message);
    if (split.statements.size() != 1)
        return tr("The WHERE clause must be a single condition; it may not end "
                  "the statement or start another one.");
    return QString();
}

DbStatus WhereClauseChecker::check(PgConnection &connection, const TableInfo &table,
                                   const QString &clause)
{
    const QString syntax = checkSyntax(table, clause);
    if (!syntax.isEmpty()) {
        PgError e;
        e.sqlState = QStringLiteral("42601"); // syntax_error
        e.message = syntax;
        return e;
    }
    if (clause.trimmed().isEmpty())
        return {};
    Transaction tx(connection); // rolled back: EXPLAIN only
    if (DbStatus s = tx.begin(TransactionOptions::readOnlyRolledBack()); !s)
        return s;
    const PgResult explain = connection.exec(QueryBuilder::explainWhere(table, clause));
    if (explain.ok())
        return {};
    PgError e = explain.error();
    e.message = tr("The server rejected the WHERE clause: %1").arg(e.message);
    return e;
}

} // namespace uaip
