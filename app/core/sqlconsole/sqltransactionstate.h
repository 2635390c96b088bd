#pragma once

#include <QByteArray>
#include <QList>

namespace uaip {

// What a SQL console session holds after a job: a transaction or none, whose it is (the
// runner's read transaction for its cursors, or the user's), and the server process that holds
// it (the server's pid, also behind a connection pooler), for TransactionWatch.
struct SqlTransactionState
{
    bool open = false;
    bool failed = false; // the user's transaction failed: only a rollback ends it
    bool runnersRead = false; // the runner's read transaction (autocommit), not the user's
    int serverPid = 0; // 0: unknown
    QList<QByteArray> cursors; // open cursors
};

} // namespace uaip
