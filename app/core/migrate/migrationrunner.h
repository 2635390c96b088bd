#pragma once

#include "adoptitem.h"
#include "db/dbresult.h"
#include "db/servertopology.h"
#include "downtarget.h"
#include "migration.h"
#include "migrationstatus.h"
#include "repairchoice.h"
#include "runresult.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <optional>

namespace uaip {

class MigrationScriptRunner;
class PgConnection;

// Applies and rolls back migrations on one connection. Synchronous: the GUI runs it on a
// worker thread that owns the connection; cancel() may be called from any thread.
// Every write happens under the migration advisory lock; a transactional migration and its
// ledger row commit together, so a failure or a cancel leaves the database as before it.
class MigrationRunner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int lockWaitMs = 10000; // how long to wait for another runner's advisory lock
        int lockTimeoutMs = 10000; // lock_timeout for migration statements
        QString client; // recorded in the ledger: tool, version, host
        // The exact plan a human previewed and confirmed (versions in the order they run):
        // up() and down() refuse, changing nothing, when the plan under the lock differs
        // (another runner applied or rolled back a migration meanwhile).
        std::optional<QStringList> expectedVersions;
        // up() applies a pending migration older than the newest applied one (Flyway's
        // outOfOrder); refused by default.
        bool allowOutOfOrder = false;
        // up() and down() run the whole plan in one transaction (psql -1, Flyway's group):
        // all migrations commit or none does. A plan with a no-transaction script is refused.
        bool singleTransaction = false;
        // What the refusal of a no-transaction migration behind a pooler names as the fix;
        // empty: uaip-migrate's --db (the GUI names the profile's direct connection field).
        QString poolerFix = QString();
    };

    MigrationRunner(PgConnection &connection, const QList<Migration> &migrations,
                    const Options &options, QObject *parent = nullptr);
    ~MigrationRunner() override;

    // Read-only: no lock, no ledger created. A database without a ledger has all pending.
    // A failed read of the ledger is the server's error (SQLSTATE, detail, hint kept).
    DbResult<QList<MigrationStatus>> status();

    RunResult up(const std::optional<MigrationVersion> &to = std::nullopt);
    RunResult down(const DownTarget &target);
    RunResult baseline(const MigrationVersion &version);
    // Takes over migrations another tool applied (uaip-migrate adopt): each item's migration
    // gets its ledger row and an 'adopt' event naming the foreign row, all in one transaction
    // under the lock. Refuses, changing nothing, when an item names no migration of the source
    // or one that is not pending (any more).
    RunResult adopt(const QList<AdoptItem> &items);
    // Re-records checksums of modified migrations (RepairChoice::Checksums), or decides about
    // one failed no-transaction run (see RepairChoice). Failed runs are never cleared without
    // a decision: the default lists them with their choices and leaves them as they are.
    RunResult repair(const RepairChoice &choice = {});
    // What repair() without a choice would do, one line each; failed runs with their choices.
    static QStringList repairPlan(const QList<MigrationStatus> &statuses);

    // What begin() found about the server and the path to it (a pooler, a standby).
    const ServerTopology &topology() const { return m_topology; }

    // Sets the cancel flag and asks the server to cancel the running command (PQcancel, which
    // connects to the server: call it off the GUI thread).
    void cancel();
    // Only sets the flag: for a connection whose owner cancels the running command itself
    // (a Session's canceller). Never blocks.
    void requestStop() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled.load(); }

signals:
    void stepStarted(int index, int total, const QString &id, const QString &action);
    void stepFinished(int index, int total, const QString &id, const QString &action, bool ok,
                      int durationMs);
    void message(const QString &text);

private:
    // Takes the lock and makes sure the ledger exists; fills 'result' on failure.
    bool begin(RunResult &result, class MigrationLock &lock, QList<MigrationStatus> *statuses);
    // Runs the checked plan; false (with 'result' filled) when a step failed, or (behind a
    // pooler) m_planChanged when another run did a step of it first. Progress is numbered
    // from done + 1 of done + plan.size().
    bool runPlan(const QList<MigrationStatus> &plan, bool up, RunResult &result, int done = 0);
    // Behind a pooler, after runPlan stopped with m_planChanged: the ledger read again and
    // what is left to do up to 'to'; false (result filled) when that is refused.
    bool replanUp(RunResult &result, const std::optional<MigrationVersion> &to,
                  QList<MigrationStatus> *plan);
    // Behind a pooler (ServerTopology::pooled): a no-transaction script needs one server
    // session for all its statements, which a pooler does not promise: refused, naming the
    // pooler and the fix, before anything runs.
    bool refuseNoTransactionBehindPooler(RunResult &result, const QList<MigrationStatus> &plan,
                                         bool up) const;
    // A write transaction of baseline, adopt or repair: BEGIN (its failure reported with
    // failedFormat, "%1" the error), then behind a pooler the transaction-level lock and the
    // ledger read again, which must be as 'seen' (begin() read it without the lock). False:
    // result filled, the transaction rolled back.
    bool beginWrites(RunResult &result, class TransactionGuard &transaction,
                     const QList<MigrationStatus> &seen, const QString &failedFormat);
    bool pooled() const { return m_topology.pooled(); }
    // Options::singleTransaction: the plan in one transaction (MigrationScriptRunner::runGroup).
    bool runGroup(const QList<MigrationStatus> &plan, bool up, MigrationScriptRunner &script,
                  RunResult &result);
    // Creates the ledger begin() found missing, right before the first write.
    bool ensureLedger(RunResult &result);
    // Fills 'result' and returns true when plan is not the expected one.
    bool refuseChangedPlan(RunResult &result, const QList<MigrationStatus> &plan, bool up) const;
    RunResult decide(const RepairChoice &choice, const QList<MigrationStatus> &statuses);
    // A ledger write's outcome for a chain of writes: its error, if any, into *error.
    static bool kept(const DbStatus &status, QString *error);
    static QString actionName(bool up);
    // The whole plan is checked before its first step: any problem and nothing runs.
    // oneTransaction: checked as one transaction (Options::singleTransaction).
    static bool refuseBadPlan(RunResult &result, const QList<MigrationStatus> &plan, bool up,
                              bool oneTransaction = false);
    // Puts the session's lock_timeout back when a run ends (the GUI reuses its connection).
    // (Behind a pooler nothing was set for the session: nothing to put back.)
    struct LockTimeoutReset
    {
        PgConnection &connection;
        const ServerTopology &topology;
        ~LockTimeoutReset();
    };
    RunResult forgetMissing(const MigrationStatus &status, const QList<MigrationStatus> &seen);
    // A repair's decision in one transaction: the row written (or removed, without one) and
    // its event.
    RunResult recordDecision(const MigrationStatus &status, const std::optional<LedgerEntry> &row,
                             const QString &checksum, const QString &what,
                             const QList<MigrationStatus> &seen);

    PgConnection &m_connection;
    QList<Migration> m_migrations;
    Options m_options;
    std::atomic_bool m_cancelled{false};
    bool m_ledgerMissing = false; // begin() found no ledger and created none
    ServerTopology m_topology;
    bool m_planChanged = false; // behind a pooler: another run did a step of the plan first
    // The versions of the ledger's rows as this run read and then changed them: behind a
    // pooler every step checks that the ledger still holds exactly these (ledger_step_check).
    QStringList m_ledgerRows;
};

} // namespace uaip
