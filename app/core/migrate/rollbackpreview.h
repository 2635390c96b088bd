#pragma once

#include "downtarget.h"
#include "error/result.h"
#include "error/status.h"
#include "ledger/lockholder.h"
#include "ledger/migration.h"
#include "ledger/migrationfailure.h"
#include "ledger/migrationstatus.h"
#include "lint/rollbackimpact.h"

#include <atomic>

#include <optional>

#include <QCoreApplication>

namespace uaip {

class MigrationLock;
class PgConnection;
class Transaction;

// Takes the migration lock (waiting at most lockTimeoutMs; then names its holder), and runs
// the down.sql scripts a rollback would run inside one transaction (with lock_timeout),
// compares the catalog before and after, counts the rows of the tables that would disappear,
// and ROLLS BACK: the database is left exactly as it was.
class RollbackPreview
{
    Q_DECLARE_TR_FUNCTIONS(uaip::RollbackPreview)

public:
    RollbackPreview(PgConnection &connection, const QList<Migration> &migrations);

    // cancelled (may be null) stops the wait for the lock; a running statement is cancelled
    // by whoever owns the connection (the session's canceller). oneTransaction: the rollback
    // will run as one transaction (MigrationRunner::Options::singleTransaction): its plan is
    // checked as one, and the impact says so in a note.
    Result<RollbackImpact> run(const DownTarget &target, int lockTimeoutMs,
                               const std::atomic_bool *cancelled = nullptr,
                               bool oneTransaction = false);
    // Set when a down.sql failed during the preview (the real rollback would fail too).
    const std::optional<MigrationFailure> &failure() const { return m_failure; }
    // Set when another session held the migration lock for longer than lockTimeoutMs.
    const std::optional<LockHolder> &lockHolder() const { return m_lockHolder; }

private:
    struct Catalog
    {
        QList<QStringList> objects; // kind, key, name, parent_key
        QList<QStringList> columns; // table_key, key, table_name, column_name, type
    };
    Status readCatalog(Catalog *catalog);
    Status runDown(const Migration &m);
    // The steps of run(): an error is what run() returns, done goes on.
    // The migration lock (behind a pooler: only waits until it is free).
    Status takeLock(MigrationLock &lock, int lockTimeoutMs, const std::atomic_bool *cancelled,
                    bool pooled);
    // The plan of the rollback, or why a rollback would refuse to run.
    Result<QList<MigrationStatus>> checkedPlan(const DownTarget &target, bool oneTransaction);
    // Behind a pooler: the lock for the preview's transaction (rolled back when not taken).
    Status lockTransaction(MigrationLock &lock, Transaction &transaction, int lockTimeoutMs,
                           const std::atomic_bool *cancelled);
    // Runs the plan's down.sql scripts; scripted: what the no-transaction ones drop. A down.sql
    // that fails: its error said at file:line:col (the server's kept), m_failure set.
    Status runPlan(const QList<MigrationStatus> &plan, RollbackImpact &impact,
                   RollbackImpact &scripted);
    // Rolls the down scripts (downs) back, then counts the rows that would be lost.
    void countRows(RollbackImpact &impact, const RollbackImpact &scripted, Transaction &downs);
    RollbackImpact compare(const Catalog &before, const Catalog &after) const;

    PgConnection &m_connection;
    QList<Migration> m_migrations;
    std::optional<MigrationFailure> m_failure;
    std::optional<LockHolder> m_lockHolder;
};

} // namespace uaip
