#pragma once

#include "db/transactionoptions.h"

namespace uaip {

// The transaction every insight reads in (Transaction::begin(InsightsReading::options())):
// READ ONLY, so nothing can be written; a lock is waited on for at most kLockTimeout (a table an
// ALTER holds is reported, never queued behind) and a statement runs for at most
// kStatementTimeout; names are found in pg_catalog first and only (a schema of the session's
// search_path cannot shadow a function or operator of the insights' own SQL). All of it for
// this transaction only (SET LOCAL: a pooled server session is left as it was). It writes
// nothing, so it ends with a ROLLBACK (end(), or the destructor): no COMMIT the console would
// have to settle if its answer were lost.
struct InsightsReading
{
    static constexpr const char *kLockTimeout = "2s";
    static constexpr const char *kStatementTimeout = "15s";

    static TransactionOptions options();
};

} // namespace uaip
