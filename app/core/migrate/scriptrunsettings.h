#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace uaip {

// What a run of scripts is sent with (MigrationScriptRunner's setters; ScriptPipelineBuilder
// reads them). A retry changes them: no needless resets skipped after an event trigger was
// found, nothing prepared after a script deallocated the runner's statements.
struct ScriptRunSettings
{
    // One attempt's lock_timeout (--lock-attempt, at most the budget): the session's, restored
    // after every script. A statement that gives up on its lock goes again (LockRetry) until the
    // migration's budget is spent: lockBudgetMs (--lock-timeout), or its uaip:lock-timeout.
    int lockTimeoutMs = 0;
    int lockBudgetMs = 0;
    int statementTimeoutMs = 0; // --statement-timeout; 0: none of the runner's
    // The ledger event of the migration of this version says how its lock attempts went
    // (LockRetry::detail(): set while it is sent again).
    QString lockDetailVersion;
    QJsonObject lockDetail;
    bool skipNeedlessResets = false;
    // The session's prepared statements of the ledger write, the lock check and the end of the
    // session reset (empty: sent as plain statements).
    QByteArray preparedLedgerWrite;
    QByteArray preparedLockCheck;
    QByteArray preparedRestore;
    // Behind a pooler: each transaction takes the migration lock itself, waiting at most this
    // long (0: the caller holds the session-level lock).
    int transactionLockWaitMs = 0;
    // Behind a pooler: the ledger's rows (their versions) before the run's next steps.
    QStringList ledgerRows;

    // A migration's own uaip:lock-timeout is its budget; each of its attempts waits at most that.
    int budgetOf(const std::optional<int> &directiveMs) const
    {
        return directiveMs ? qMax(1, *directiveMs) : qMax(1, lockBudgetMs);
    }
    int attemptOf(const std::optional<int> &directiveMs) const
    {
        return qMin(qMax(1, lockTimeoutMs), budgetOf(directiveMs));
    }

    // statement_timeout as set_config takes it ("" when none is set).
    QString statementTimeout(const std::optional<int> &directiveMs = std::nullopt) const
    {
        const int ms = directiveMs.value_or(statementTimeoutMs);
        return ms > 0 ? QStringLiteral("%1ms").arg(ms) : QString();
    }

    bool anyPrepared() const
    {
        return !preparedLedgerWrite.isEmpty() || !preparedLockCheck.isEmpty()
            || !preparedRestore.isEmpty();
    }
    void forgetPrepared()
    {
        preparedLedgerWrite.clear();
        preparedLockCheck.clear();
        preparedRestore.clear();
    }
};

} // namespace uaip
