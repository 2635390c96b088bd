#pragma once

#include "ledger/lockattempt.h"
#include "ledger/migration.h"
#include "ledger/runresult.h"
#include "ledger/scriptdirection.h"
#include "lockwaitwatch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace uaip {

class PgConnection;
struct PgError;
struct SqlStatement;

// Lock waits that never queue the platform (GitLab's with_lock_retries): a migration statement
// waits for its table lock at most one short attempt (the session's lock_timeout, --lock-attempt)
// and gives up (55P03); its transaction is rolled back, so the application's queries queued
// behind the request run; the runner names the sessions it waited behind (LockBlockers), pauses
// (growing, jittered: 100 ms doubling up to 5 s, each between half and all of that), and sends
// the migration again — until the migration's budget (--lock-timeout, or its own
// uaip:lock-timeout) is spent. The runners (MigrationScriptRunner for transactional scripts
// and a run in one transaction, NoTransactionScriptRunner for a statement of a no-transaction
// script) decide what is safe to send again; this class only counts, names and pauses.
// Who it waited behind is what a second session saw while the statement waited (LockWaitWatch:
// pg_blocking_pids of the runner's backend); only when no look saw the wait (it was shorter
// than the first look) are the holders of a conflicting lock read after the rollback.
// The pause is a pg_sleep on the runner's own session, so a Cancel ends it as it ends a
// statement.
class LockRetry
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LockRetry)

public:
    static constexpr int kFirstPauseMs = 100;
    static constexpr int kMaxPauseMs = 5000;

    LockRetry(PgConnection &connection, const std::atomic_bool &cancelled,
              std::function<void(const QString &)> notice);

    // attemptMs: each attempt's lock_timeout; budgetMs: how long a migration may go on trying.
    // statementTimeoutMs (0: none): the pauses, a pg_sleep, stay below it.
    void setLimits(int attemptMs, int budgetMs, int statementTimeoutMs = 0);
    int attemptMs() const { return m_attemptMs; }
    int budgetMs() const { return m_budgetMs; }

    // A statement's error that another attempt may cure: the lock was not available (55P03:
    // lock_timeout, or NOWAIT).
    static bool isLockTimeout(const PgError &error);

    // After statement of m gave up on its lock and its transaction was rolled back: names who it
    // waited behind, reports the attempt (notice: CLI progress, the job dock), pauses, and says
    // whether to send it again. False when the budget (budgetMs, or the run's when 0) is spent,
    // a Cancel came, or the connection went. scope names what one budget covers (empty: the
    // migration): a new scope starts its own count and clock.
    bool again(const Migration &m, ScriptDirection direction, const SqlStatement &statement,
               int budgetMs = 0, const QString &scope = QString());
    // A statement that may not be sent again gave up on its lock after waiting waitedMs: the
    // attempt is named and reported like again()'s, with no pause.
    void report(const Migration &m, ScriptDirection direction, const SqlStatement &statement,
                int waitedMs, const QString &scope);
    // The attempts of that migration (its id), for its ledger event (ScriptPipelineBuilder::
    // eventDetail); empty when it got its locks at the first attempt.
    QJsonObject detail(const QString &migrationId) const;
    // A key the run adds to that migration's event detail besides its attempts (the contract
    // gate's force_contract); detail() holds it.
    void addDetail(const QString &migrationId, const QString &key, const QJsonValue &value)
    {
        m_extraDetail[migrationId].insert(key, value);
    }
    // After the last attempt of that scope (empty: the migration) failed (again() false, no
    // Cancel): result says the lock was not obtained within the budget, with the attempts and
    // who held it last (exit 4).
    void gaveUp(const QString &migrationId, RunResult &result,
                const QString &scope = QString()) const;
    // What the runner's statements wait for, seen while they wait: the runners watch each
    // statement they send (LockWaitWatch::watch), and the next attempt reported names what it
    // saw (who held it up, pg_blocking_pids) instead of what holds the lock after the rollback.
    LockWaitWatch &waitWatch() { return m_watch; }
    // Every attempt that gave up in this run, for --json.
    const QList<LockAttempt> &attempts() const { return m_attempts; }
    // Called with each attempt as it is reported (the GUI's job status line).
    void setOnAttempt(std::function<void(const LockAttempt &)> onAttempt)
    {
        m_onAttempt = std::move(onAttempt);
    }

private:
    // The attempt that just gave up, named (who held the lock), not yet recorded.
    LockAttempt attemptOf(const Migration &m, ScriptDirection direction,
                          const SqlStatement &statement, const QString &scope, int budgetMs);
    int nextPauseMs(int attempt, qint64 spentMs, int budgetMs) const;
    bool pause(int ms);
    QString progressLine(const LockAttempt &a) const;

    PgConnection &m_connection;
    const std::atomic_bool &m_cancelled;
    std::function<void(const QString &)> m_notice;
    std::function<void(const LockAttempt &)> m_onAttempt;
    LockWaitWatch m_watch;
    int m_attemptMs = 1;
    int m_budgetMs = 1;
    int m_statementTimeoutMs = 0;
    QString m_current; // the scope now trying
    QElapsedTimer m_since; // since its first attempt
    QList<LockAttempt> m_attempts;
    QHash<QString, QJsonObject> m_extraDetail; // addDetail(), by migration id
};

} // namespace uaip
