#pragma once

#include "fleetoptions.h"
#include "fleetsummary.h"
#include "fleettarget.h"
#include "migrate/migration.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>

namespace uaip {

class FleetWork;

// Runs one command over many databases: a pool of FleetOptions::parallel workers, one session
// per target at a time; the canary targets first (all must succeed before the rest start);
// then wave by wave in file order; after maxFailures failed targets no new target starts and
// the rest are reported Skipped. Each target's run is exactly the single-database engine
// (MigrationRunner: plan check, lock, ledger). Before anything runs, two names for the same
// database (system identifier + database name) are refused.
//
// run() blocks: call it from a worker thread (GUI) or the CLI's main thread. The signals are
// emitted from the pool's threads (queued to receivers living elsewhere).
class FleetRunner : public QObject
{
    Q_OBJECT
public:
    FleetRunner(QList<FleetTarget> targets, FleetOptions options, QList<Migration> migrations,
                QObject *parent = nullptr);
    ~FleetRunner() override;

    void run();
    // Thread-safe, returns at once: no new target starts; running statements are cancelled.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    FleetSummary summary() const;

signals:
    void targetStarted(const QString &name);
    void targetFinished(const uaip::FleetTargetResult &result);
    void progress(int done, int total);

private:
    friend class FleetWork;
    QList<FleetTarget> m_targets;
    FleetOptions m_options;
    QList<Migration> m_migrations;
    std::atomic_bool m_cancelled{false};
    mutable QMutex m_mutex;
    FleetSummary m_summary;
    FleetWork *m_work = nullptr; // during run()
};

} // namespace uaip
