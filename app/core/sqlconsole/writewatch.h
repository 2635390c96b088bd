#pragma once

#include "db/transaction.h"
#include "error/status.h"

namespace uaip {

class PgConnection;

// The guard's watch over a run in the user's transaction (production, before the database's
// name is typed): a savepoint around the run, and the transaction ids the transaction holds
// before and after it (sql/held_transaction_ids.sql, pg_locks). A run that made the transaction
// take another wrote (through a view, a rule or a trigger the verdict cannot see), whatever was
// written before it: it is rolled back to the savepoint.
class WriteWatch
{
public:
    explicit WriteWatch(PgConnection &connection);

    // The savepoint and the ids held before the run.
    Status begin();
    // Ends the watch: true when the run wrote (undone now); else the savepoint is released. A
    // transaction the run ended or failed is left as the run left it (false).
    bool undone();

private:
    // The ids the open transaction holds; -1 where they cannot be read (then every run counts
    // as writing).
    int heldTransactionIds() const;

    PgConnection &m_connection;
    Transaction m_savepoint;
    int m_idsBefore = -1;
};

} // namespace uaip
