#pragma once

#include "db/dbresult.h"
#include "db/transactionguard.h"

namespace uaip {

class PgConnection;

// The read-only transaction every insight reads in: nothing can be written, a lock is waited
// on for at most kLockTimeout (a table an ALTER holds is reported, never queued behind) and a
// statement runs for at most kStatementTimeout, both for this transaction only (SET LOCAL: a
// pooled server session is left as it was). Rolled back unless commit() is called.
class InsightsTransaction
{
public:
    static constexpr const char *kLockTimeout = "2s";
    static constexpr const char *kStatementTimeout = "15s";

    explicit InsightsTransaction(PgConnection &connection);

    DbStatus begin();
    DbStatus commit();

private:
    PgConnection &m_connection;
    TransactionGuard m_guard;
};

} // namespace uaip
