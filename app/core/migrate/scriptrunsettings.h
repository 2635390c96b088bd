#pragma once

#include <QByteArray>
#include <QStringList>

namespace uaip {

// What a run of scripts is sent with (MigrationScriptRunner's setters; ScriptPipelineBuilder
// reads them). A retry changes them: no needless resets skipped after an event trigger was
// found, nothing prepared after a script deallocated the runner's statements.
struct ScriptRunSettings
{
    int lockTimeoutMs = 0; // the run's lock_timeout, restored after every script
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
