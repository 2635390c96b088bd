#pragma once

#include "cascadereport.h"
#include "db/dbresult.h"
#include "saveplan.h"
#include "tableinfo.h"

#include <QHash>

#include <functional>

namespace uaip {

class PgConnection;

// Measures what a save cascades. Counters: pg_stat_xact_user_tables (rows deleted and updated
// by this transaction so far, per table, whatever did it: the statement, a foreign key's
// CASCADE / SET NULL / SET DEFAULT at any depth, a trigger). The difference between two
// readings in one transaction, less the rows the save's own statements touched, is the
// cascade. SaveExecutor reads it in the save's own transaction; preview() runs the plan's
// DELETE and UPDATE statements in a transaction that is rolled back, each bounded by
// timeoutMs (statement_timeout, lock_timeout): stopped there, the report is a lower bound.
class CascadeMeter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CascadeMeter)

public:
    struct Counters
    {
        QHash<qint64, CascadeReport::Table> tables; // by relid
    };

    // Whether the plan can cascade at all: it deletes a row, or updates a column that a
    // foreign key references. Otherwise no preview is needed.
    static bool mayCascade(const TableInfo &table, const SavePlan &plan);

    static DbResult<Counters> read(PgConnection &connection);
    // after - before, less directDeleted / directUpdated rows of the saved table itself.
    static CascadeReport difference(const Counters &before, const Counters &after,
                                    const TableInfo &table, qint64 directDeleted,
                                    qint64 directUpdated);

    static DbResult<CascadeReport> preview(PgConnection &connection, const TableInfo &table,
                                           const SavePlan &plan, int timeoutMs,
                                           const std::function<bool()> &isCancelled = {});
};

} // namespace uaip
