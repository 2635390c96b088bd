#pragma once

#include "forecast/lockblocker.h"

#include <QList>
#include <QString>

namespace uaip {

// One attempt of a migration statement at its lock that gave up after its short lock_timeout
// (LockRetry): where, which lock, who held it, and how long the runner paused before the next
// attempt (0: it gave up, the budget was spent).
struct LockAttempt
{
    QString migration; // the migration's id (0003_add_col)
    // What one budget covers (LockRetry::again's scope): a migration, a statement of a
    // no-transaction migration, or a whole run in one transaction.
    QString scope;
    QString at; // file:line:col of the statement
    int attempt = 0; // 1 for the first
    int waitedMs = 0; // the attempt's lock_timeout
    QString lock; // "ACCESS EXCLUSIVE on agent_events"; empty when the forecast names none
    // What a second session saw it wait for while it waited (LockWaitWatch), when that is not
    // the table lock of lock: "a row of t locked by transaction 812", "an older transaction to
    // end ..."; empty: a table's lock, or not seen waiting
    QString waitedFor;
    // it waited for other transactions to end (a CONCURRENTLY index build), not for a lock
    bool waitedForTransactions = false;
    QList<LockBlocker> blockers;
    QString blockersError; // the blockers could not be read: why
    int pauseMs = 0;
};

} // namespace uaip
