#pragma once

#include "ledger/migration.h"
#include "ledger/runresult.h"
#include "ledger/scriptdirection.h"

#include <QCoreApplication>

namespace uaip {

class Ledger;
class Error;
class PgConnection;
struct SqlStatement;
struct StepFailure;

// How both script runners (MigrationScriptRunner, NoTransactionScriptRunner) report a failed
// script: the failing statement with its place in the file, and the failure event in the
// ledger.
class ScriptFailureReport
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ScriptFailureReport)

public:
    // "apply" or "rollback": the action a ledger event or progress row names.
    static QString actionName(ScriptDirection direction);
    // result for statement of m failing with error on connection (the server's, or ours: a
    // Cancelled, a Refused); cancelled: a Cancel was asked for (a 57014 is then the user's).
    // A connection gone makes it a Connection failure that keeps what the server said, if any.
    static void statementFailed(const Migration &m, ScriptDirection direction,
                                const SqlStatement &statement, const Error &error,
                                const PgConnection &connection, bool cancelled, RunResult &result);
    // result for a step's failure (StepOutcomeReader) after its script started: the failing
    // statement with its place in the file, or which of the runner's own commands failed
    // (COMMIT, a deferred constraint, the ledger write, the session reset, BEGIN). inGroup: a
    // run in one transaction.
    static void stepFailed(const StepFailure &failure, const Migration &m,
                           ScriptDirection direction, bool inGroup, const PgConnection &connection,
                           bool cancelled, RunResult &result);
    // The failure event of result (nothing when the connection is gone); detail: how its lock
    // attempts went (LockRetry::detail()).
    static void recordEvent(Ledger &ledger, const PgConnection &connection, const Migration &m,
                            ScriptDirection direction, const RunResult &result, int durationMs,
                            const QString &detail = QString());

private:
    // A statement's error once the connection is gone: the server's, said as a lost
    // connection, where it spoke (an SQLSTATE); else a Connection error with libpq's words.
    static Error connectionLost(const Error &error, const PgConnection &connection);
};

} // namespace uaip
