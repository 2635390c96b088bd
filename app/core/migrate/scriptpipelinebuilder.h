#pragma once

#include "grouplayout.h"
#include "ledger/ledgerentry.h"
#include "ledger/scriptdirection.h"
#include "migrationstep.h"
#include "scriptrunsettings.h"
#include "steplayout.h"

#include <QJsonObject>
#include <QList>

namespace uaip {

class Ledger;
class PipelineCommands;
struct MigrationDirectives;
struct SqlStatement;

// Builds the pipelines MigrationScriptRunner sends for transactional scripts, and records
// where each command went (StepLayout, GroupLayout) for StepOutcomeReader. Sends nothing.
class ScriptPipelineBuilder
{
public:
    ScriptPipelineBuilder(const ScriptRunSettings &settings, ScriptDirection direction);

    // Each step its own transaction: BEGIN, [the pooler's lock prologue], its lock_timeout,
    // statements and session reset, the ledger write (search_path pinned around it, the lock
    // checked before it), COMMIT. Each step's ledger write and COMMIT are kept, and answered
    // as soon as the COMMIT is.
    QList<StepLayout> appendSteps(PipelineCommands &c, const QList<MigrationStep> &steps,
                                  const Ledger &ledger) const;
    // All steps in one transaction, without its end: BEGIN, [prologue], each script with its
    // constraints made immediate and its reset (its answers asked for as soon as it ends).
    GroupLayout appendGroup(PipelineCommands &c, const QList<MigrationStep> &steps) const;
    // What a migration SET (search_path, ROLE, SESSION AUTHORIZATION, ...) goes, without
    // giving up the advisory lock: before the ledger write and the next migration. Cursors,
    // LISTENs and temporary objects go too; prepared statements when the script's text
    // mentions PREPARE, and one made otherwise fails the migration (session_restore.sql).
    void appendSessionReset(PipelineCommands &c, const QByteArray &script) const;
    // The reset's commands that put the session back to its defaults: SESSION AUTHORIZATION,
    // RESET ALL, cursors, LISTENs, temporary objects.
    static void appendSessionDefaults(PipelineCommands &c);

    // True when a script's statements are all DROP (but of an event trigger), COMMENT, GRANT
    // or REVOKE, an ALTER TABLE that only drops, or a rename of a relation, a column or a
    // constraint, as libpg_query's typed tree reads them: they run no user code, so they
    // cannot change the session.
    static bool cannotChangeSession(const QList<SqlStatement> &statements);
    static LedgerEntry ledgerEntry(const MigrationStep &step);
    // The detail of a migration's ledger event (JSON text; empty when there is nothing to say):
    // how its lock attempts went (LockRetry::detail) and the reason of its uaip:allow-blocking.
    static QString eventDetail(const Migration &m, ScriptDirection direction,
                               const QJsonObject &lockAttempts);
    // The ledger's rows after steps (as the ledger spells their versions) in direction.
    static QStringList rowsAfter(QStringList rows, const QList<MigrationStep> &steps,
                                 ScriptDirection direction);

private:
    // The transaction-level lock and the check that steps are still to do (nothing when the
    // session-level lock is held).
    LockPrologue appendTransactionLock(PipelineCommands &c, const QList<MigrationStep> &steps,
                                       const QStringList &ledgerRows) const;
    // A transactional script's commands: its lock_timeout, its statements (inline COPY rows
    // with them) and, unless it cannot change the session, the session reset (always after a
    // lock_timeout of its own when resetLockTimeout: the next script shares the transaction;
    // then its deferred constraint checks fire there too, SET CONSTRAINTS ALL IMMEDIATE).
    ScriptLayout appendScript(const Migration &m, PipelineCommands &c, bool resetLockTimeout) const;
    QByteArray beginSql() const;

    const ScriptRunSettings &m_settings;
    ScriptDirection m_direction;
};

} // namespace uaip
