#pragma once

#include "db/dbresult.h"
#include "db/transactionguard.h"

namespace uaip {

class PgConnection;

// The read-only transaction every insight reads in: nothing can be written, a lock is waited
// on for at most kLockTimeout (a table an ALTER holds is reported, never queued behind) and a
// statement runs for at most kStatementTimeout, both for this transaction only (SET LOCAL: a
// pooled server session is left as it was). It writes nothing, so it ends with a ROLLBACK
// (end(), or the destructor): no COMMIT the console would have to settle if its answer were
// lost.
class InsightsTransaction
{
public:
    static constexpr const char *kLockTimeout = "2s";
    static constexpr const char *kStatementTimeout = "15s";

    explicit InsightsTransaction(PgConnection &connection);

    DbStatus begin();
    // Ends it (ROLLBACK); always succeeds: a lost connection shows in the next statement.
    DbStatus end();

private:
    PgConnection &m_connection;
    TransactionGuard m_guard;
};

} // namespace uaip
