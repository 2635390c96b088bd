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

Status WhereClauseChecker::check(PgConnection &connection, const TableInfo &table,
                                 const QString &clause)
{
    const QString syntax = checkSyntax(table, clause);
    if (!syntax.isEmpty()) {
        return Error(ErrorCode::BadInput, syntax);
    }
    if (clause.trimmed().isEmpty())
        return {};
    Transaction tx(connection); // rolled back: EXPLAIN only
    if (Status s = tx.begin(TransactionOptions::readOnlyRolledBack()); !s)
        return s;
    const PgResult explain = connection.exec(QueryBuilder::explainWhere(table, clause));
    if (explain.ok())
        return {};
    return Error(explain.error()).in(tr("The server rejected the WHERE clause"));
}

} // namespace uaip
