#pragma once

#include "error/result.h"
#include "error/status.h"
#include "runviews.h"
#include "statementclass.h"
#include "statementverdict.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

class PgConnection;

// What a guarded run's verdicts walked (StatementSafety) is what runs: the judge probes in a
// transaction of its own, and another role could replace a view it walked (CREATE OR REPLACE
// VIEW app.report AS SELECT app.evil()), or create a cast, a function or an operator that the
// statement's text would then resolve to, before the statement runs on the reading session. So,
// in the transaction the statements then run in, before any of them:
// - every table and view of another role a reading verdict reached is locked ACCESS SHARE
//   (sqlconsole/sql/lock_relations.sql: the lock reading takes anyway; a view's rule, a table's
//   policies, rules and columns cannot change until the transaction ends);
// - each reading statement's query is made a temporary view (RunViews): resolved once, there,
//   and the statement runs from that view, so no name, cast or operator is resolved again;
// - those views are walked (the statements without one are judged again), and each statement
//   that read must still read;
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
    // WRITE (the views are made there; a probe makes its own, rolled back to a savepoint); the
    // caller makes it READ ONLY after. judged: StatementSafety::judge's verdicts of statements,
    // before the transaction. What each statement runs from (RunViews::runText; held() false:
    // as written), or an error: Refused where a statement that read now writes (failedAt: its
    // index) or what they reach kept changing; the server's error of a LOCK (a relation the
    // session may not read), in its words and with what was being held, or of a view it could
    // not make; Connection. inOwnTransaction: the caller began the transaction for the run (a
    // failed LOCK may end it); else it is the user's, and each LOCK (and the views) is taken in
    // a savepoint released after it. firstView: the first view's number (RunViews::make).
    static Result<QList<RunView>> hold(PgConnection &session,
                                       const QList<StatementClass> &statements,
                                       const QList<StatementVerdict> &judged,
                                       const QString &searchPath, bool inOwnTransaction,
                                       int *failedAt = nullptr, int firstView = 1);
    // Whether there is anything to hold: a statement that reads and was resolved by the server
    // (a query, on a server that is not a hot standby).
    static bool applies(PgConnection &session, const QList<StatementClass> &statements,
                        const QList<StatementVerdict> &judged);

private:
    // The verdicts of statements now: a walk of each one's view, a new judge of the others.
    static Result<QList<StatementVerdict>> again(PgConnection &session,
                                                 const QList<StatementClass> &statements,
                                                 const QList<RunView> &views,
                                                 const QString &searchPath);
    static Status lock(PgConnection &session, const QList<ReachedRelation> &relations,
                       bool inOwnTransaction);
    // relations this session's transaction holds no lock on
    static Result<QList<ReachedRelation>> unheld(PgConnection &session,
                                                 const QList<ReachedRelation> &relations);
};

} // namespace uaip
