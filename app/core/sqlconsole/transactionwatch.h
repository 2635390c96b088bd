#pragma once

#include "error/result.h"
#include "heldtransaction.h"

namespace uaip {

class PgConnection;

// Reads what the server process serverPid holds (HeldTransaction), on connection, a session of
// its own: a query in the watched session itself would reset its idle time (and the server's
// idle_in_transaction_session_timeout), read a statistics snapshot frozen at its transaction's
// start, and fail in a failed transaction. An unknown pid (the session ended) reads as no
// transaction.
class TransactionWatch
{
public:
    static Result<HeldTransaction> read(PgConnection &connection, int serverPid);
    // AccessShareLock as ACCESS SHARE, the name the LOCK statement and the documentation use.
    static QString modeName(const QString &pgLocksMode);
};

} // namespace uaip
