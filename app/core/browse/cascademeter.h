#pragma once

#include "cascadereport.h"
#include "error/error.h"
#include "error/result.h"
#include "error/status.h"
#include "saveplan.h"
#include "tableinfo.h"

#include <QHash>

#include <functional>
#include <optional>

namespace uaip {

class PgConnection;
class Transaction;

// Measures what a save cascades. Counters: pg_stat_xact_user_tables (rows inserted, deleted
// and updated by this transaction so far, per table, whatever did it: the statement, a foreign
// key's CASCADE / SET NULL / SET DEFAULT at any depth, a trigger). The difference between two
// readings in one transaction, less the rows the save's own statements touched, is the
// cascade. The counters count row operations, not rows: a row reached through two foreign keys
// (tool_executions.agent_id and .operation_id, both SET NULL) is updated twice. So a table with
// updates is counted again as distinct rows: the rows this transaction wrote that are still
// there, less the ones it inserted (cascade_written_rows.sql, one scan of that table). A row
// deleted is deleted once. SaveExecutor measures in the save's own transaction; preview() runs
// the plan's DELETE and UPDATE statements in a transaction that is rolled back, each bounded by
// timeoutMs (statement_timeout, lock_timeout): stopped there, the statements before the one
// that stopped are measured again in a fresh transaction, and the report is a lower bound.
class CascadeMeter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CascadeMeter)

public:
    struct Counters
    {
        struct Entry
        {
            QString name; // schema.table, quoted
            bool partitioned = false;
            bool readable = true; // the role may SELECT from it (else no distinct count)
            qint64 inserted = 0;
            qint64 deleted = 0;
            qint64 updated = 0;
        };
        QHash<qint64, Entry> tables; // by relid
    };

    // Whether the plan can cascade at all: it deletes a row, or updates a column that a
    // foreign key references. Otherwise no preview is needed.
    static bool mayCascade(const TableInfo &table, const SavePlan &plan);

    static Result<Counters> read(PgConnection &connection);
    // What the statements run since `before` (in this transaction) did to other rows, in
    // distinct rows: the counters' difference, less directDeleted / directUpdated rows of the
    // saved table itself, each table's updates counted again as rows.
    static Result<CascadeReport> measure(PgConnection &connection, const Counters &before,
                                         const TableInfo &table, qint64 directDeleted,
                                         qint64 directUpdated);

    static Result<CascadeReport> preview(PgConnection &connection, const TableInfo &table,
                                         const SavePlan &plan, int timeoutMs,
                                         const std::function<bool()> &isCancelled = {});

private:
    // The refused statement s (error: the server's 23503 or 23001), with the rows of the
    // referencing table that point at its row, counted in a transaction of their own.
    static CascadeReport::Refusal refusalOf(PgConnection &connection, const TableInfo &table,
                                            const SaveStatement &s, const PgError &error,
                                            int timeoutMs);
    // The counters' difference (operations), less the save's own rows.
    static CascadeReport difference(const Counters &before, const Counters &after,
                                    const TableInfo &table, qint64 directDeleted,
                                    qint64 directUpdated);
    // The preview's transaction: begun, with its time limits and every constraint immediate.
    static Status begin(PgConnection &connection, Transaction &tx, int timeoutMs);
    struct Run;
    static Run run(PgConnection &connection, const TableInfo &table, const SavePlan &plan,
                   qsizetype limit, int timeoutMs, const std::function<bool()> &isCancelled);
};

} // namespace uaip
