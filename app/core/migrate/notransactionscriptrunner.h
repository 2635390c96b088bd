#pragma once

#include "db/pgresult.h"
#include "error/result.h"
#include "error/status.h"
#include "ledger/backfillposition.h"
#include "ledger/backfillprogress.h"
#include "ledger/ledgerentry.h"
#include "ledger/progresschecksum.h"
#include "ledger/runresult.h"
#include "ledger/scriptdirection.h"
#include "live/batchedstatement.h"
#include "migrationstep.h"
#include "scriptrunsettings.h"

#include <QCoreApplication>
#include <atomic>
#include <functional>
#include <optional>

namespace uaip {

class Ledger;
class LockRetry;
class PgConnection;

// Runs a no-transaction script (uaip:no-transaction): autocommit, one statement at a time.
// Its ledger row is dirty until the last one went through and records how far the run got
// (after a crash 'repair' resumes from there); a transaction the file opens itself commits
// its statements' progress with it.
class NoTransactionScriptRunner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::NoTransactionScriptRunner)

public:
    NoTransactionScriptRunner(PgConnection &connection, const ScriptRunSettings &settings,
                              LockRetry &lockRetry, const std::atomic_bool &cancelled,
                              std::function<void(const QString &)> notice,
                              std::function<void(const BackfillProgress &)> onBackfill = {});

    // resumeAt: where a resume starts (repair --resume: its dirty row is there); none = from
    // the top (an apply finds no row, a rollback an applied one). On a failure result says
    // what ran and remains, the dirty row says it too, and the failure is logged.
    bool run(const MigrationStep &step, ScriptDirection direction, std::optional<int> resumeAt,
             Ledger &ledger, RunResult &result, int *durationMs);

private:
    // One run's state: its script, how far it got, and where its result goes.
    struct Progress
    {
        const Migration &m;
        ScriptDirection direction;
        const QList<SqlStatement> &statements;
        QString file;
        LedgerEntry &entry;
        Ledger &ledger;
        RunResult &result;
        ProgressChecksum ran;
        int transactionStart = -1; // the statement that opened the file's own transaction
        QString lockScope
            = QString(); // the last statement that gave up on its lock (LockRetry's scope)
        QString leftover
            = QString(); // what a failed CONCURRENTLY index command left, and what became of it
        // a CONCURRENTLY index command was cancelled once it waited its lock budget in all
        bool budgetSpent = false;
        // uaip:batch: each statement's batched form (none: it runs once), and where a resumed
        // run's batched statement stood
        QList<std::optional<BatchedStatement>> batched = {};
        std::optional<BackfillPosition> resumed = std::nullopt;

        int size() const { return int(statements.size()); }
        // file:line:col of statement i, or "end"
        QString at(int i) const;
        // "none of its statements ran", "statements 1-3 ran and remain"
        static QString ranText(int done);
    };

    bool runStatements(Progress &p, std::optional<int> resumeAt);
    // uaip:batch: the batched form of each statement before any runs; false (nothing run,
    // result says why) for a statement of a batched kind that cannot be batched, or a resume of
    // a batched statement edited since its batches ran.
    bool planBatches(Progress &p, std::optional<int> resumeAt);
    // Why the catalog says statement cannot be batched (an aggregate in an INSERT ... SELECT's
    // select list); empty when it can; the server's error when the catalog cannot be read.
    Result<QString> aggregatesCalled(const BatchedStatement &statement);
    // A failure's named facts: the file, and the line and column where statement starts.
    static QVariantMap placeOf(const Progress &p, const SqlStatement &statement);
    // Statement i in batches (BackfillRunner): done, or what stopped it.
    Status runBackfill(Progress &p, int i);
    // Statement i, sent again while it gives up on its lock and the budget lasts (LockRetry):
    // only a statement that runs alone in its own transaction, outside one of the file's, so
    // nothing of it remains when it fails. A CONCURRENTLY index build, drop or rebuild is sent
    // once, waiting for its locks as long as the budget (they block neither reads nor writes);
    // the other statements that run outside a transaction block are sent once.
    PgResult runStatement(Progress &p, int i);
    // The migration's lock budget and each attempt's lock_timeout (its uaip:lock-timeout).
    int budgetMs(const Progress &p) const;
    int attemptMs(const Progress &p) const;
    // The dirty row, under the lock and only over the row this run found.
    bool startProgress(Progress &p, std::optional<int> resumeAt);
    // Statement i went through outside a transaction of the file's: the row says so.
    bool recordProgress(Progress &p, int i);
    void cancelledBefore(Progress &p, int i);
    void failedAt(Progress &p, int i, const Error &error);
    // The file's own transaction failed or was cut short: rolled back, the row before its BEGIN.
    void endOwnTransaction(Progress &p);
    // The session reset after the script: the first error, if any.
    Status resetSession(const QByteArray &script);
    // The run failed: the dirty row says how far it got and why, and the failure event.
    void recordFailure(Progress &p, int durationMs);

    PgConnection &m_connection;
    const ScriptRunSettings &m_settings;
    LockRetry &m_lockRetry;
    const std::atomic_bool &m_cancelled;
    std::function<void(const QString &)> m_notice;
    std::function<void(const BackfillProgress &)> m_onBackfill;
};

} // namespace uaip
