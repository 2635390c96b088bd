#pragma once

#include "db/dbresult.h"
#include "ledgerentry.h"
#include "migration.h"
#include "runresult.h"

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
class PgResult;
struct PipelineCommands;
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
    enum class Direction { Up, Down };

    MigrationScriptRunner(PgConnection &connection, int lockTimeoutMs,
                          const std::atomic_bool &cancelled,
                          std::function<void(const QString &)> notice);

    // ledgerVersion: the version as the ledger row spells it (empty: no row yet).
    // resumeAt: a no-transaction script resumes there (repair --resume: its dirty row is
    // there); none = from the top (an apply finds no row, a rollback an applied one).
    bool run(const Migration &m, const QString &ledgerVersion, Direction direction, Ledger &ledger,
             RunResult &result, int *durationMs, std::optional<int> resumeAt = std::nullopt);
    static QString actionName(Direction direction);

    // Transactional scripts only, several in one pipeline, each its own transaction; none
    // commits unless all before it did. Returns how many committed, with their durations
    // (measured by the server); on a failure, result describes it and the failure is logged.
    struct Step
    {
        const Migration *migration;
        QString ledgerVersion; // empty: no ledger row yet
    };
    // onCommitted(k, ms), when given, is called as soon as step k's COMMIT is answered (the
    // steps after it may still run): progress as it happens, not when the pipeline ends. Every
    // COMMIT waits for the WAL flush (the server's synchronous_commit, never turned off), so a
    // step reported committed stays committed after a crash.
    int runTransactional(const QList<Step> &steps, Direction direction, Ledger &ledger,
                         RunResult &result, QList<int> *durationsMs,
                         const std::function<void(int step, int durationMs)> &onCommitted = {});
    // All steps in one transaction (Options::singleTransaction), in one pipeline: BEGIN, each
    // script followed by its session reset, one ledger write for all of them, COMMIT. All
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
    void setSkipNeedlessResets(bool skip) { m_skipNeedlessResets = skip; }
    static bool cannotChangeSession(const QList<SqlStatement> &statements);
    // Whether a script sends inline COPY data: libpq runs no COPY in a pipeline, so such a
    // migration goes out on its own, command after command (PgConnection::pipeline).
    static bool hasCopyData(const QList<SqlStatement> &statements);
    // The session's prepared statement (PgConnection::prepare) of Ledger::recordAppliedSql()
    // or recordRolledBackSql() for this direction: runTransactional then sends that instead
    // of parsing and planning the ledger write again for every migration. Empty: not prepared.
    void setPreparedLedgerWrite(const QByteArray &name) { m_preparedLedgerWrite = name; }
    // The same for the lock check (Ledger::lockCheckSql()) and the end of the session reset
    // (session_restore.sql): their rarely taken branches cost more to plan than to run. A
    // script that deallocates them (DEALLOCATE ALL through EXECUTE; 26000) runs again with
    // none of the three prepared.
    void setPreparedChecks(const QByteArray &lockCheck, const QByteArray &restore)
    {
        m_preparedLockCheck = lockCheck;
        m_preparedRestore = restore;
    }
    // Behind a connection pooler (MigrationLock::Scope::Transaction): every transaction takes
    // the migration lock first (waiting at most waitMs) and checks that its steps are still to
    // do (ledger_step_check.sql); the runner's settings are set for it only. 0: the caller
    // holds the session-level lock (a direct connection).
    void setTransactionLock(int waitMs) { m_transactionLockWaitMs = waitMs; }
    // Behind a pooler: the ledger's rows (their versions) as the run knows them before its next
    // steps. Each step's transaction checks, under the lock, that the ledger holds exactly
    // these plus (up) or less (down) the steps before it: another run's step in between (an up
    // against a down) stops it, so the runs never interleave into a state no serial order
    // gives.
    void setLedgerRows(const QStringList &versions) { m_ledgerRows = versions; }
    // The ledger's rows after steps (as the ledger spells their versions) in direction.
    static QStringList rowsAfter(QStringList rows, const QList<Step> &steps, Direction direction);
    // The last runTransactional/runGroup stopped because another run did one of its steps
    // meanwhile (behind a pooler): nothing of that step ran; result says nothing failed. The
    // caller reads the ledger again and plans what is left.
    bool planChanged() const { return m_planChanged; }

private:
    // What a ledger write (or the lock check of a run in one transaction) after a script
    // without a session reset fails with when an event trigger is enabled: never shown, the
    // runner runs the steps again from there, each with its reset and lock check.
    static constexpr auto kEventTriggerFound = "uaip-migrate:event-trigger-enabled";
    // How long a run whose server went away waits for one to answer (a failover: a standby
    // promoted) before it calls its outcome unknown.
    static constexpr int kSettleWindowMs = 30000;
    // Whether a failed connect may succeed if tried again (not a refusal of the credentials).
    static bool retryable(const QString &connectError);
    // A prepared statement of the runner that is gone (DEALLOCATE ALL through EXECUTE).
    static constexpr auto kNoSuchStatement = "26000";
    // Where appendScript put a script's commands.
    struct ScriptLayout
    {
        qsizetype firstStatement = 0;
        qsizetype firstReset = 0; // the session reset, if any, then what follows
        qsizetype constraints = -1; // SET CONSTRAINTS ALL IMMEDIATE (one transaction), if sent
        bool harmless = false; // no reset: the script runs no user code
    };
    // Behind a pooler, right after a transaction's BEGIN: where the lock and the step check went.
    struct LockPrologue
    {
        qsizetype first = -1; // the session reset before the lock (what another client left)
        qsizetype lock = -1;
        qsizetype check = -1;
    };
    // The transaction-level lock and the check that steps are still to do (nothing when the
    // session-level lock is held).
    LockPrologue appendTransactionLock(PipelineCommands &c, const QList<Step> &steps,
                                       Direction direction, const QStringList &ledgerRows) const;
    // Whether command i is the prologue's and failed: result then says why (the lock not
    // obtained in time, a Cancel while waiting for it, or m_planChanged with nothing failed).
    bool prologueFailed(const LockPrologue &p, qsizetype i, const PgResult &r, RunResult &result);
    // After the transaction was rolled back: who holds the lock, for a LockTimeout result.
    void describeLockTimeout(RunResult &result) const;
    // A script's uaip:lock-timeout as lock_timeout: 0 (do not wait) is 1 ms.
    static int lockTimeoutOf(const MigrationDirectives &directives);
    // A transactional script's commands: its lock_timeout, its statements (inline COPY rows
    // with them) and, unless it cannot change the session, the session reset (always after a
    // lock_timeout of its own when resetLockTimeout: the next script shares the transaction;
    // then its deferred constraint checks fire there too, SET CONSTRAINTS ALL IMMEDIATE).
    ScriptLayout appendScript(const Migration &m, Direction direction, PipelineCommands &c,
                              bool resetLockTimeout) const;
    static LedgerEntry ledgerEntry(const Step &step);
    // A Cancel that came before anything of the steps ran: result says so.
    bool cancelledBefore(const Migration &m, RunResult &result) const;
    bool runStatementByStatement(const Migration &m, Direction direction,
                                 const QList<SqlStatement> &statements, std::optional<int> resumeAt,
                                 LedgerEntry &entry, Ledger &ledger, RunResult &result);
    // After the connection was lost in runTransactional: how many steps committed (from
    // 'known' on), read from the ledger on a new session (tried again until a server answers,
    // within kSettleWindowMs: a restart, a failover); result says what happened, and where.
    int settleLostConnection(const QList<Step> &steps, int known, Direction direction,
                             RunResult &result, QList<int> *durationsMs);
    void endOwnTransaction(LedgerEntry &entry, int transactionStart, const QString &where,
                           RunResult &result);
    // What a migration SET (search_path, ROLE, SESSION AUTHORIZATION, ...) goes, without
    // giving up the advisory lock: before the ledger write and the next migration. Cursors,
    // LISTENs and temporary objects go too; prepared statements when the script's text
    // mentions PREPARE, and one made otherwise fails the migration (session_restore.sql).
    void appendSessionReset(PipelineCommands &c, const QByteArray &script) const;
    // The reset's commands that put the session back to its defaults: SESSION AUTHORIZATION,
    // RESET ALL, cursors, LISTENs, temporary objects.
    static void appendSessionDefaults(PipelineCommands &c);
    void forgetPreparedStatements();
    bool anyPrepared() const
    {
        return !m_preparedLedgerWrite.isEmpty() || !m_preparedLockCheck.isEmpty()
            || !m_preparedRestore.isEmpty();
    }
    // The same outside a transaction (after a no-transaction script): the first error, if any.
    DbStatus resetSession(const QByteArray &script);
    void fail(const Migration &m, Direction direction, const SqlStatement &statement,
              const PgResult &r, RunResult &result);
    void recordFailureEvent(Ledger &ledger, const Migration &m, Direction direction,
                            const RunResult &result, int durationMs);

    PgConnection &m_connection;
    int m_lockTimeoutMs;
    const std::atomic_bool &m_cancelled;
    std::function<void(const QString &)> m_notice;
    bool m_skipNeedlessResets = false;
    QByteArray m_preparedLedgerWrite;
    QByteArray m_preparedLockCheck;
    QByteArray m_preparedRestore;
    int m_transactionLockWaitMs = 0;
    QStringList m_ledgerRows;
    bool m_planChanged = false;
};

} // namespace uaip
