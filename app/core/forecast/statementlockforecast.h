#pragma once

#include "lockforecast.h"

#include <QCoreApplication>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// The lock forecast of one migration statement, from its typed parse tree alone (no database):
// which existing relations it locks, in which of PostgreSQL's modes, and whether it rewrites or
// scans a table while it holds the lock, with the online form where one exists. The modes
// follow PostgreSQL 15 (src/backend/commands and the manual's "Table-Level Lock Modes"); the
// families are AlterTableLockForecast, DmlLockForecast, MaintenanceLockForecast and
// ObjectLockForecast; the statements that define objects are read here. A statement that
// creates new objects locks none that exist (an empty list); a statement of a kind not known
// here, or holding a node this build's libpg_query does not know, is notChecked.
//
// The forecast does not know which tables are new in the migration (LintContext does), nor
// what functions, triggers and extension scripts the statement runs do.
class StatementLockForecast
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StatementLockForecast)

public:
    // statement: one statement's node, as PgParseTree::statements() gives it.
    static LockForecast of(const PgQuery__Node *statement);

private:
    // Adds the statement's locks; false when its kind is not known here.
    static bool forecastNode(const PgQuery__Node &node, LockForecast &forecast);
    // The statements that define objects; false for any other.
    static bool definition(const PgQuery__Node &node, LockForecast &forecast);
    static void createIndex(const PgQuery__IndexStmt &index, LockForecast &forecast);
    static void createTable(const PgQuery__CreateStmt &create, LockForecast &forecast);
    static void comment(const PgQuery__CommentStmt &comment, LockForecast &forecast);
    static void createStatistics(const PgQuery__CreateStatsStmt &stats, LockForecast &forecast);
    // The statements that lock no existing relation of note; false for any other.
    static bool locksNothing(const PgQuery__Node &node, LockForecast &forecast);
    // The statements that run code the forecast cannot see into: marks them not checked.
    static bool runsCode(const PgQuery__Node &node, LockForecast &forecast);
};

} // namespace uaip
