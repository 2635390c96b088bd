#include "scriptpipelinebuilder.h"

#include "db/pipelinecommands.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/ledger.h"
#include "ledger/migrationlock.h"
#include "runnersignals.h"
#include "sqlparse/pgparsetree.h"
#include "util/textsearch.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cctype>

namespace uaip {

namespace {

// An ALTER TABLE whose every action only drops (a column, a constraint, a default, NOT NULL):
// anything else it might evaluate (a new default, a type change's USING, a rewrite) could run
// user code.
bool onlyDrops(const PgQuery__AlterTableStmt &alter)
{
    if (alter.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || alter.n_cmds == 0)
        return false;
    for (size_t i = 0; i < alter.n_cmds; ++i) {
        const PgQuery__Node *node = alter.cmds[i];
        if (!node || node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            return false;
        const PgQuery__AlterTableCmd &cmd = *node->alter_table_cmd;
        switch (cmd.subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: // DROP DEFAULT has no expression
            if (cmd.def)
                return false;
            break;
        default:
            return false;
        }
    }
    return true;
}

// A rename of a table, index, sequence, view or materialized view, or of a table's column or
// constraint.
bool renamesRelation(const PgQuery__RenameStmt &rename)
{
    switch (rename.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        return true;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
        return rename.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
    default:
        return false;
    }
}

// A statement that runs no user code (event triggers aside: the ledger write looks for them).
// Dropping an event trigger is not one (nor a DROP ... CASCADE, which may take one with it): it
// may have fired earlier in the script, and the write's look for enabled ones
// (ledger_apply.sql) would not find it any more.
bool runsNoUserCode(const PgQuery__Node *node)
{
    if (!node)
        return false;
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_DROP_STMT: // CASCADE may take an event trigger with it
        return node->drop_stmt->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER
            && node->drop_stmt->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
        return true;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return onlyDrops(*node->alter_table_stmt);
    case PG_QUERY__NODE__NODE_RENAME_STMT:
        return renamesRelation(*node->rename_stmt);
    default:
        return false;
    }
}

} // namespace

ScriptPipelineBuilder::ScriptPipelineBuilder(const ScriptRunSettings &settings,
                                             ScriptDirection direction)
    : m_settings(settings)
    , m_direction(direction)
{ }

QByteArray ScriptPipelineBuilder::beginSql() const
{
    return Transaction::beginCommand(m_settings.transactionLockWaitMs > 0
                                         ? MigrationLock::transactionOptions()
                                         : TransactionOptions());
}

QList<StepLayout> ScriptPipelineBuilder::appendSteps(PipelineCommands &c,
                                                     const QList<MigrationStep> &steps,
                                                     const Ledger &ledger) const
{
    const bool up = m_direction == ScriptDirection::Up;
    QList<StepLayout> layouts;
    QStringList ledgerRows = m_settings.ledgerRows; // before each step: as those before left them
    for (const MigrationStep &step : steps) {
        StepLayout l;
        l.first = c.size();
        c.add(beginSql());
        l.prologue = appendTransactionLock(c, {step}, ledgerRows);
        ledgerRows = rowsAfter(ledgerRows, {step}, m_direction);
        const ScriptLayout script = appendScript(*step.migration, c, false);
        l.firstStatement = script.firstStatement;
        l.firstReset = script.firstReset;
        LedgerEntry entry = ledgerEntry(step);
        entry.eventDetail = eventDetail(
            *step.migration, m_direction,
            entry.version == m_settings.lockDetailVersion ? m_settings.lockDetail : QJsonObject());
        // search_path pinned to pg_catalog for the ledger's statements, and set back after
        // them (the body and its deferred triggers resolve names through the role's own)
        c.add(Ledger::pinSearchPathSql());
        // no user code ran: the runner's lock cannot have gone
        if (!script.harmless) {
            l.lockCheck = c.size();
            c.add(Ledger::lockCheckSql(), Ledger::lockCheckParams(), m_settings.preparedLockCheck);
        }
        l.ledger = c.size();
        // no reset, no lock check: unless an event trigger ran user code in it after all
        const QString guard
            = script.harmless ? QString::fromLatin1(RunnerSignals::kEventTriggerFound) : QString();
        c.add(up ? Ledger::recordAppliedSql() : Ledger::recordRolledBackSql(),
              up ? ledger.recordAppliedParams(entry, guard)
                 : ledger.recordRolledBackParams(entry, guard),
              m_settings.preparedLedgerWrite);
        c.add(Ledger::unpinSearchPathSql());
        l.commit = c.size();
        c.add(Transaction::commitCommand());
        c.flushAfter(l.commit); // each COMMIT's answer sent as soon as it is known
        c.keep(l.ledger);
        c.keep(l.commit);
        layouts << l;
    }
    return layouts;
}

GroupLayout ScriptPipelineBuilder::appendGroup(PipelineCommands &c,
                                               const QList<MigrationStep> &steps) const
{
    GroupLayout g;
    c.add(beginSql());
    g.prologue = appendTransactionLock(c, steps, m_settings.ledgerRows);
    for (const MigrationStep &step : steps) {
        const ScriptLayout script = appendScript(*step.migration, c, true);
        g.anyUnreset = g.anyUnreset || script.harmless;
        g.scripts << script;
        g.lastCommand << c.size() - 1;
        c.flushAfter(c.size() - 1);
    }
    return g;
}

LockPrologue ScriptPipelineBuilder::appendTransactionLock(PipelineCommands &c,
                                                          const QList<MigrationStep> &steps,
                                                          const QStringList &ledgerRows) const
{
    LockPrologue p;
    if (m_settings.transactionLockWaitMs <= 0)
        return p;
    // The pooler may hand this transaction a server session as another client of the pool left
    // it: its search_path, role, timeouts, cursors, LISTENs and temporary tables (a temporary
    // table named like the migration's takes its ALTER TABLE). The session reset, first, in
    // this transaction; then the lock with its own lock_timeout.
    p.first = c.size();
    appendSessionDefaults(c);
    MigrationLock::appendTransactionLock(c, m_settings.transactionLockWaitMs);
    p.lock = c.size() - 1;
    QJsonArray versions;
    for (const MigrationStep &step : steps)
        versions.append(step.version());
    p.check = c.size();
    c.add(
        SqlResource::get(QStringLiteral("migrate/sql/ledger_step_check.sql")),
        {QString::fromUtf8(QJsonDocument(versions).toJson(QJsonDocument::Compact)),
         m_direction == ScriptDirection::Up, QStringLiteral("%1ms").arg(m_settings.lockTimeoutMs),
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(ledgerRows)).toJson(QJsonDocument::Compact)),
         m_settings.statementTimeout()});
    return p;
}

ScriptLayout ScriptPipelineBuilder::appendScript(const Migration &m, PipelineCommands &c,
                                                 bool resetLockTimeout) const
{
    const bool up = m_direction == ScriptDirection::Up;
    const MigrationDirectives &directives = up ? m.upDirectives : m.downDirectives;
    if (directives.lockTimeoutMs) // the session default was set once by up()/down()
        c.add(
            SqlResource::of("db", "set_lock_timeout"),
            QVariantList{QStringLiteral("%1ms").arg(m_settings.attemptOf(directives.lockTimeoutMs)),
                         true});
    if (directives.statementTimeoutMs) // for this transaction: the session reset sets it back
        c.add(SqlResource::of("migrate", "set_statement_timeout"),
              QVariantList{m_settings.statementTimeout(directives.statementTimeoutMs), true});
    ScriptLayout layout;
    layout.firstStatement = c.size();
    const QList<SqlStatement> &statements = (up ? m.upSplit : m.downSplit).statements;
    c.addRun(statements.size(), [&statements](qsizetype k) {
        const SqlStatement &st = statements[k];
        return PipelineCommands::Command{
            st.text, st.copyData ? std::optional<QByteArray>(*st.copyData) : std::nullopt};
    });
    layout.firstReset = c.size();
    // no user code ran: the session, and the runner's lock in it, are as they were (but a
    // lock_timeout of its own, set for the transaction, must not reach the next migration)
    layout.harmless = m_settings.skipNeedlessResets && cannotChangeSession(statements)
        && !(resetLockTimeout && (directives.lockTimeoutMs || directives.statementTimeoutMs));
    if (!layout.harmless) {
        if (resetLockTimeout) { // one transaction: its deferred checks are this script's
            layout.constraints = c.size();
            c.add(SqlResource::of("migrate", "session_constraints_immediate"));
        }
        appendSessionReset(c, up ? m.upSql : m.downSql);
    }
    return layout;
}

void ScriptPipelineBuilder::appendSessionReset(PipelineCommands &c, const QByteArray &script) const
{
    // Whatever the script's text says: a function it calls can SET, declare a cursor WITH HOLD,
    // LISTEN or make a temporary table through EXECUTE.
    appendSessionDefaults(c);
    // Its prepared statements go only where its text could have made them: DEALLOCATE ALL
    // takes the runner's prepared ledger write with it (the plan then prepares none). One made
    // through EXECUTE fails the migration in session_restore.sql.
    if (TextSearch::containsIgnoringCase(script, "PREPARE"))
        c.add(SqlResource::of("migrate", "session_deallocate"));
    c.add(SqlResource::of("ledger", "session_restore"),
          {QStringLiteral("%1ms").arg(m_settings.lockTimeoutMs),
           m_settings.transactionLockWaitMs > 0, m_settings.statementTimeout()},
          m_settings.preparedRestore);
}

void ScriptPipelineBuilder::appendSessionDefaults(PipelineCommands &c)
{
    for (const char *reset : {"session_reset_authorization", "session_reset_all",
                              "session_close_cursors", "session_unlisten", "session_discard_temp"})
        c.add(SqlResource::of("migrate", reset));
}

LedgerEntry ScriptPipelineBuilder::ledgerEntry(const MigrationStep &step)
{
    const Migration &m = *step.migration;
    LedgerEntry entry;
    entry.version = step.version();
    entry.name = m.name;
    entry.checksum = m.upChecksum;
    entry.downChecksum = m.downChecksum;
    return entry;
}

QString ScriptPipelineBuilder::eventDetail(const Migration &m, ScriptDirection direction,
                                           const QJsonObject &lockAttempts)
{
    QJsonObject detail = lockAttempts;
    const MigrationDirectives &directives
        = direction == ScriptDirection::Up ? m.upDirectives : m.downDirectives;
    if (directives.allowBlocking)
        detail.insert(QStringLiteral("allow_blocking"), *directives.allowBlocking);
    // -- uaip:allow RULE REASON: each lint finding the migration suppressed on purpose
    QJsonArray allowed;
    for (const MigrationDirectives::Allowance &a : directives.allowances)
        allowed.append(QJsonObject{{QStringLiteral("rule"), a.rule},
                                   {QStringLiteral("reason"), a.reason},
                                   {QStringLiteral("line"), a.line}});
    if (!allowed.isEmpty())
        detail.insert(QStringLiteral("allow"), allowed);
    return detail.isEmpty()
        ? QString()
        : QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

QStringList ScriptPipelineBuilder::rowsAfter(QStringList rows, const QList<MigrationStep> &steps,
                                             ScriptDirection direction)
{
    for (const MigrationStep &step : steps) {
        const QString version = step.version();
        if (direction == ScriptDirection::Up) {
            if (!rows.contains(version))
                rows << version;
        } else {
            rows.removeAll(version);
        }
    }
    return rows;
}

bool ScriptPipelineBuilder::cannotChangeSession(const QList<SqlStatement> &statements)
{
    static const QList<QByteArray> candidates{"DROP", "COMMENT", "GRANT", "REVOKE", "ALTER"};
    for (const SqlStatement &st : statements) {
        // the first word rules out nearly every statement without parsing it (a data
        // migration's INSERT of megabytes)
        qsizetype n = 0;
        while (n < st.text.size() && std::isalpha(static_cast<unsigned char>(st.text.at(n))))
            ++n;
        if (!candidates.contains(st.text.left(n).toUpper()))
            return false;
        const std::shared_ptr<const PgParseTree> parsedTree = st.tree(); // the script's, once
        const PgParseTree &tree = *parsedTree;
        const QList<PgStatementNode> parsed = tree.statements();
        if (!tree.ok() || parsed.size() != 1 || !runsNoUserCode(parsed.first().node))
            return false;
    }
    return true;
}

} // namespace uaip
