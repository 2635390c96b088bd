#pragma once

#include "adoptitem.h"
#include "db/servertopology.h"
#include "downtarget.h"
#include "error/result.h"
#include "ledger/lockattempt.h"
#include "ledger/migration.h"
#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "migrationrunoptions.h"
#include "migrationrunsession.h"
#include "migrationscriptrunner.h"
#include "repairchoice.h"
#include "runprogress.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <optional>

namespace uaip {

class Ledger;
class PgConnection;

// Applies and rolls back migrations on one connection. Synchronous: the GUI runs it on a
// worker thread that owns the connection; cancel() may be called from any thread.
// Every write happens under the migration advisory lock; a transactional migration and its
// ledger row commit together, so a failure or a cancel leaves the database as before it.
class MigrationRunner : public QObject
{
    Q_OBJECT
public:
    using Options = MigrationRunOptions;

    MigrationRunner(PgConnection &connection, const QList<Migration> &migrations,
                    const Options &options, QObject *parent = nullptr);
    ~MigrationRunner() override;

    // Read-only: no lock, no ledger created. A database without a ledger has all pending.
    // A failed read of the ledger is the server's error (SQLSTATE, detail, hint kept).
    Result<QList<MigrationStatus>> status();

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

    // What begin() found about the server and the path to it (a pooler, a standby).
    const ServerTopology &topology() const { return m_session.topology(); }

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
    // A statement gave up on its table lock after one attempt (LockRetry); pauseMs > 0: it is
    // sent again after that pause.
    void lockWaiting(const uaip::LockAttempt &attempt);
    // After each batch of a batched statement (uaip:batch).
    void backfillProgress(const uaip::BackfillProgress &progress);

private:
    // Runs the checked plan; false (with 'result' filled) when a step failed, or (behind a
    // pooler) m_planChanged when another run did a step of it first. Progress is numbered
    // from done + 1 of done + plan.size().
    bool runPlan(const QList<MigrationStatus> &plan, bool up, RunResult &result, int done = 0);
    // Options::singleTransaction: the plan in one transaction (MigrationScriptRunner::runGroup).
    bool runGroup(const QList<MigrationStatus> &plan, bool up, MigrationScriptRunner &script,
                  RunResult &result);
    static QString actionName(bool up);
    // After an up run: the workload baseline (OnlineBaselines) of each expand (-- uaip:expand)
    // it applied; a failure is said as a message, the run is not failed.
    void keepOnlineBaselines(const RunResult &result);
    // The signals, for the parts a command runs in (MigrationRepair).
    RunProgress progress();

    PgConnection &m_connection;
    QList<Migration> m_migrations;
    Options m_options;
    std::atomic_bool m_cancelled{false};
    bool m_planChanged = false; // behind a pooler: another run did a step of the plan first
    // --force-contract: the detail of each forced contract's ledger event, by its id
    QHash<QString, QJsonObject> m_forcedContracts;
    MigrationRunSession m_session;
};

} // namespace uaip
