#pragma once

#include "db/dbresult.h"
#include "statementclass.h"
#include "statementverdict.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

class PgConnection;

// Judges whether statements only read: the kind from the parse tree (StatementClass), and
// every function and operator they call looked up in pg_proc / pg_operator in one query
// (sqlconsole/sql/routine_volatility.sql). A name counts as VOLATILE when any routine of that
// name is (overloads and the search_path are not resolved: the safe side); an unknown name
// counts as writing. A few VOLATILE functions of pg_catalog that only read (sizes, WAL
// positions, clocks, random numbers, sleeping) count as reading (kReadingVolatileFunctions).
// What it cannot see: a function called inside a view, a cast or a default; the guards run
// reads in READ ONLY transactions for that.
class StatementSafety
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StatementSafety)

public:
    // One verdict per statement, in order; the catalog is asked only when a statement of a
    // reading kind calls something.
    static DbResult<QList<StatementVerdict>> judge(PgConnection &connection,
                                                   const QList<StatementClass> &statements);
    // The SQL command word of a parse-tree node type ("InsertStmt" -> "INSERT"), for reasons.
    static QString commandOf(const StatementClass &statement);
};

} // namespace uaip
