#pragma once

#include "error/result.h"
#include "error/status.h"
#include "statementclass.h"
#include "statementverdict.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

class PgConnection;

// What a guarded run's verdicts walked (StatementSafety) is what runs: the judge probes in a
// transaction of its own, and another role could replace a view it walked (CREATE OR REPLACE
// VIEW app.report AS SELECT app.evil()) before the statement runs on the reading session. So,
// in the transaction the statements then run in, before any of them:
// - every table and view of another role a reading verdict reached is locked ACCESS SHARE
//   (sqlconsole/sql/lock_relations.sql: the lock reading takes anyway; a view's rule, a table's
//   policies, rules and columns cannot change until the transaction ends);
// - the statements are judged again there, and each that read must still read;
// - what they reach now must all be held (sqlconsole/sql/unheld_relations.sql reads pg_locks):
//   what is not (a view replaced by one that reaches more, a name that now means another
//   relation) is locked and the round repeats, at most kRounds times.
// What no lock holds (another role's domain or composite type, whose owner may change it at
// any time) the walk refuses outright (StatementResolution). Statements judged by name (a hot
// standby, no TEMP privilege) have no walk to hold; their verdict stays the second wall.
class VerdictHold
{
    Q_DECLARE_TR_FUNCTIONS(uaip::VerdictHold)

public:
    static constexpr int kRounds = 4;

    // In the transaction (or savepoint) the statements run in, open on session and still READ
    // WRITE (the probe makes its views there, rolled back to a savepoint); the caller makes it
    // READ ONLY after. judged: StatementSafety::judge's verdicts of statements, before the
    // transaction. An error: Refused where a statement that read now writes (failedAt: its
    // index) or what they reach kept changing; the server's error of a LOCK (a relation the
    // session may not read), in its words and with what was being held; Connection.
    // inOwnTransaction: the caller began the transaction for the run (a failed LOCK may end it);
    // else it is the user's, and each LOCK is taken in a savepoint released after it.
    static Status hold(PgConnection &session, const QList<StatementClass> &statements,
                       const QList<StatementVerdict> &judged, const QString &searchPath,
                       bool inOwnTransaction, int *failedAt = nullptr);
    // Whether there is anything to hold: a statement that reads and was resolved by the server
    // (a query, on a server that is not a hot standby).
    static bool applies(PgConnection &session, const QList<StatementClass> &statements,
                        const QList<StatementVerdict> &judged);

private:
    static Status lock(PgConnection &session, const QList<ReachedRelation> &relations,
                       bool inOwnTransaction);
    // relations this session's transaction holds no lock on
    static Result<QList<ReachedRelation>> unheld(PgConnection &session,
                                                 const QList<ReachedRelation> &relations);
};

} // namespace uaip
