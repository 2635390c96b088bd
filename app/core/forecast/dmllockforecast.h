#pragma once

#include "lockforecast.h"

#include <QCoreApplication>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// The lock forecast of the statements that read and write rows, as PostgreSQL 15's manual lists
// them ("Table-Level Lock Modes"): ROW EXCLUSIVE on the target of INSERT, UPDATE, DELETE, MERGE
// and COPY ... FROM, also inside WITH and subqueries; ROW SHARE on the tables of SELECT ... FOR
// UPDATE / FOR SHARE. The ACCESS SHARE of plain reads is not listed. UPDATE and DELETE without
// WHERE scan the table and lock every row until commit.
class DmlLockForecast
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DmlLockForecast)

public:
    // false: the statement is of another family (nothing added).
    static bool add(const PgQuery__Node &statement, LockForecast &forecast);

private:
    static void addTarget(const PgQuery__Node &node, LockForecast &forecast);
    static void addLockedRows(const PgQuery__SelectStmt &select, LockForecast &forecast);
};

} // namespace uaip
