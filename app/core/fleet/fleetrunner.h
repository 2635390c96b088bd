#pragma once

#include "error/error.h"
#include "fleetoptions.h"
#include "fleetsummary.h"
#include "fleettarget.h"
#include "ledger/migration.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>

namespace uaip {

class FleetExpectedSchemas;
class FleetTargetRun;
class Sandbox;

// Runs one command over many databases: a pool of FleetOptions::parallel workers, one session
// per target at a time; the canary targets first (all must succeed before the rest start);
// then wave by wave in file order; after maxFailures failed (or unreachable) targets no new
// target starts and the rest are reported Skipped. Each target's run is exactly the
// single-database engine (MigrationRunner: plan check, lock, ledger). Before anything runs,
// every target is connected once and two names for the same database (system identifier +
// database name) are refused.
//
// run() blocks: call it from a worker thread (GUI) or the CLI's main thread. The signals are
// emitted from the pool's threads (queued to receivers living in other threads); targets not
// started get their targetFinished (Skipped) at the end of run().
class FleetRunner : public QObject
{
    Q_OBJECT
public:
    FleetRunner(QList<FleetTarget> targets, FleetOptions options, QList<Migration> migrations,
                QObject *parent = nullptr);
    ~FleetRunner() override;

    // drift: the sandbox folder whose sandbox of each target's major the expected schemas are
    // built on (default: FleetOptions::sandboxDir; Sandbox::forMajor, started when needed). Not
    // owned.
    void setSandbox(Sandbox *sandbox) { m_sandbox = sandbox; }

    void run();
    // Thread-safe, returns at once: no new target starts; running statements are cancelled.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    FleetSummary summary() const;
    // drift: how many expected schemas were built on the sandbox (one per distinct level).
    int expectedSchemasBuilt() const;

signals:
    void targetStarted(const QString &name);
    void targetFinished(const uaip::FleetTargetResult &result);
    void progress(int done, int total);

private:
    // Runs 'work' for each index on at most FleetOptions::parallel threads; stops taking new
    // indices when stop() says so.
    void pool(const QList<int> &indices, const std::function<void(int)> &work,
              const std::function<bool()> &stop);
    void runOne(int index);
    bool budgetSpent() const;
    // Refuses two names for one database; fills unreachable targets' results.
    bool checkIdentities();
    void record(int index, const FleetTargetResult &result);
    // run()'s steps. A fresh summary (every target not started yet), the expected schemas for
    // drift.
    void prepareRun();
    // The canary targets, then wave by wave; why the targets not run were not started (Refused:
    // a canary that failed, the failure budget spent), unset when all were started or the run
    // was cancelled.
    Error runPhases();
    // Why the rest is not started when a canary target did not succeed; unset when all did.
    Error canaryFailed(int canary);
    // Every target that did not run is Skipped, for notStarted; the summary's duration.
    void skipNotStarted(const Error &notStarted, const QElapsedTimer &timer);

    // const: the pool's threads read it at once; a non-const operator[] on a QList whose data
    // the caller still shares detaches it, and two threads detaching one list race (a target
    // read half-copied connected with libpq's defaults)
    const QList<FleetTarget> m_targets;
    FleetOptions m_options;
    const QList<Migration> m_migrations;
    Sandbox *m_sandbox = nullptr;
    std::unique_ptr<FleetExpectedSchemas> m_expected;
    std::atomic_bool m_cancelled{false};
    std::atomic_int m_failures{0};
    std::atomic_int m_done{0};
    mutable QMutex m_mutex; // guards m_summary, m_running, m_finished, m_unreachable
    FleetSummary m_summary;
    QSet<FleetTargetRun *> m_running;
    QList<bool> m_finished;
    QList<int> m_unreachable; // indices the identity pass could not connect to
};

} // namespace uaip
