#pragma once

#include "ledger/ledgerentry.h"
#include "ledger/migration.h"
#include "ledger/runresult.h"
#include "ledger/scriptdirection.h"
#include "live/lockretry.h"
#include "migrationstep.h"
#include "scriptrunsettings.h"
#include "steplockretry.h"
#include "stepsoutcome.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariantList>
#include <atomic>
#include <functional>
#include <optional>

namespace uaip {

class Ledger;
class PgConnection;
class PipelineCommands;
struct GroupLayout;
struct SqlStatement;

// Runs one migration script (up.sql or down.sql) and writes its ledger row: a transactional
// script goes out as one libpq pipeline (BEGIN, statements, session reset, ledger row, COMMIT);
// a no-transaction one statement by statement with the ledger marked dirty, and how far it
// got recorded, until it finishes.
// Failures are reported as file:line:col with the server's error, and recorded as events.
class MigrationScriptRunner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationScriptRunner)

public:
    using Direction = ScriptDirection;
    using Step = MigrationStep;

    // lockAttemptMs: each attempt's lock_timeout; lockBudgetMs: how long a migration goes on
    // trying (LockRetry).
    MigrationScriptRunner(PgConnection &connection, int lockAttemptMs, int lockBudgetMs,
                          const std::atomic_bool &cancelled,
                          std::function<void(const QString &)> notice);

    // ledgerVersion: the version as the ledger row spells it (empty: no row yet).
    // resumeAt: a no-transaction script resumes there (repair --resume: its dirty row is
    // there); none = from the top (an apply finds no row, a rollback an applied one).
    bool run(const Migration &m, const QString &ledgerVersion, Direction direction, Ledger &ledger,
             RunResult &result, int *durationMs, std::optional<int> resumeAt = std::nullopt);

    // Transactional scripts only, several in one pipeline, each its own transaction; none
    // commits unless all before it did. Returns how many committed, with their durations
    // (measured by the server); on a failure, result describes it and the failure is logged.
    // onCommitted(k, ms), when given, is called as soon as step k's COMMIT is answered (the
    // steps after it may still run): progress as it happens, not when the pipeline ends. Every
    // COMMIT waits for the WAL flush (the server's synchronous_commit, never turned off), so a
    // step reported committed stays committed after a crash.
    int runTransactional(const QList<Step> &steps, Direction direction, Ledger &ledger,
                         RunResult &result, QList<int> *durationsMs,
                         const std::function<void(int step, int durationMs)> &onCommitted = {});
    // All steps in one transaction (Options::singleTransaction), in two pipelines: BEGIN, each
    // script followed by its session reset; then one ledger write for all of them, COMMIT. All
    // commit or none does; true when they did. onStarted(k) as soon as step k's turn comes
    // (the answer of the step before it has arrived); durations as the client saw the answers.
    // On a failure result describes it, *failedStep is the step it is logged for.
    bool runGroup(const QList<Step> &steps, Direction direction, Ledger &ledger, RunResult &result,
                  QList<int> *durationsMs, int *failedStep,
                  const std::function<void(int step)> &onStarted = {});
    // False (the default): every transactional migration is followed by the session reset.
    // True: one whose statements are all DROP, COMMENT, GRANT or REVOKE, or an ALTER that only
    // drops or renames, skips it (they run no user code, so they cannot change the session),
    // and its ledger write does not look for the lock. The write fails instead when an event
    // trigger is enabled (it could have run user code): the steps from there run again with
    // this set to false.
    void setSkipNeedlessResets(bool skip) { m_settings.skipNeedlessResets = skip; }
    // Whether a script sends inline COPY data: libpq runs no COPY in a pipeline, so such a
    // migration goes out on its own, command after command (PgConnection::pipeline).
    static bool hasCopyData(const QList<SqlStatement> &statements);
    // The session's prepared statement (PgConnection::prepare) of Ledger::recordAppliedSql()
    // or recordRolledBackSql() for this direction: runTransactional then sends that instead
    // of parsing and planning the ledger write again for every migration. Empty: not prepared.
    void setPreparedLedgerWrite(const QByteArray &name) { m_settings.preparedLedgerWrite = name; }
    // The same for the lock check (Ledger::lockCheckSql()) and the end of the session reset
    // (session_restore.sql): their rarely taken branches cost more to plan than to run. A
    // script that deallocates them (DEALLOCATE ALL through EXECUTE; 26000) runs again with
    // none of the three prepared.
    void setPreparedChecks(const QByteArray &lockCheck, const QByteArray &restore)
    {
        m_settings.preparedLockCheck = lockCheck;
        m_settings.preparedRestore = restore;
    }
    // Behind a connection pooler (MigrationLock::Scope::Transaction): every transaction takes
    // the migration lock first (waiting at most waitMs) and checks that its steps are still to
    // do (ledger_step_check.sql); the runner's settings are set for it only. 0: the caller
    // holds the session-level lock (a direct connection).
    void setTransactionLock(int waitMs) { m_settings.transactionLockWaitMs = waitMs; }
    // Each table-lock attempt that gave up, as it happens (MigrationRunner::lockWaiting).
    void setOnLockAttempt(std::function<void(const LockAttempt &)> onAttempt)
    {
        m_lockRetry.setOnAttempt(std::move(onAttempt));
    }
    // A key of that migration's ledger event detail besides its lock attempts (LockRetry::
    // addDetail): the contract gate's force_contract.
    void addEventDetail(const QString &migrationId, const QString &key, const QJsonValue &value)
    {
        m_lockRetry.addDetail(migrationId, key, value);
    }
    // After each batch of a batched statement (uaip:batch; MigrationRunner::backfillProgress).
    void setOnBackfill(std::function<void(const BackfillProgress &)> onBackfill)
    {
        m_onBackfill = std::move(onBackfill);
    }
    // --statement-timeout (0: none of the runner's): set for the session with the lock_timeout,
    // and again after each script's session reset; the lock retries' pauses stay below it.
    void setStatementTimeout(int ms)
    {
        m_settings.statementTimeoutMs = ms;
        m_lockRetry.setLimits(m_settings.lockTimeoutMs, m_settings.lockBudgetMs, ms);
    }
    // Behind a pooler: the ledger's rows (their versions) as the run knows them before its next
    // steps. Each step's transaction checks, under the lock, that the ledger holds exactly
    // these plus (up) or less (down) the steps before it: another run's step in between (an up
    // against a down) stops it, so the runs never interleave into a state no serial order
    // gives.
    void setLedgerRows(const QStringList &versions) { m_settings.ledgerRows = versions; }
    // The last runTransactional/runGroup stopped because another run did one of its steps
    // meanwhile (behind a pooler): nothing of that step ran; result says nothing failed. The
    // caller reads the ledger again and plans what is left.
    bool planChanged() const { return m_planChanged; }

private:
    // One pipeline of steps, each its own transaction: sent, and read.
    StepsOutcome sendTransactions(const QList<Step> &steps, Direction direction, Ledger &ledger,
                                  const std::function<void(int, int)> &onCommitted);
    // The first pipeline of a run in one transaction (every script), its durations, and
    // whether a script got no session reset.
    StepsOutcome sendGroup(const QList<Step> &steps, Direction direction, QList<int> *durationsMs,
                           bool *unreset, const std::function<void(int)> &onStarted);
    // The second: the ledger write of all steps (unreset: it looks for event triggers) and the
    // COMMIT.
    StepsOutcome commitGroup(const QList<Step> &steps, Direction direction, Ledger &ledger,
                             const QList<int> &durationsMs, bool unreset);
    // A run in one transaction failed at failedStep: result says that all of it was rolled back
    // (or kept), and the failure event is recorded.
    void reportGroupFailure(const QList<Step> &steps, Direction direction, Ledger &ledger,
                            RunResult &result, int failedStep, int durationMs);
    // Sets up the settings for a retry (StepsOutcome::Retry) after rolling back.
    void prepareRetry(StepsOutcome::Retry retry);
    // A Cancel that came before anything of the steps ran: result says so.
    bool cancelledBefore(const Migration &m, RunResult &result) const;
    // result from a step's failure (StepOutcomeReader): the lock prologue's
    // (describeLockFailure) or the script's (ScriptFailureReport::stepFailed). inGroup: a run
    // in one transaction.
    void describe(const StepFailure &failure, const Migration &m, Direction direction, bool inGroup,
                  RunResult &result);
    // A failure of the lock prologue behind a pooler: result says why (the lock not obtained in
    // time; a Cancel while waiting for it; or m_planChanged, nothing failed).
    void describeLockFailure(const StepFailure &failure, RunResult &result);
    // After the ROLLBACK of a step whose lock was not obtained in time (result's outcome
    // LockTimeout): who holds it, in result.
    void describeLockHolder(RunResult &result) const;

    PgConnection &m_connection;
    const std::atomic_bool &m_cancelled;
    std::function<void(const QString &)> m_notice;
    std::function<void(const BackfillProgress &)> m_onBackfill;
    ScriptRunSettings m_settings;
    LockRetry m_lockRetry;
    StepLockRetry m_stepRetry; // over m_lockRetry
    bool m_planChanged = false;
};

} // namespace uaip
