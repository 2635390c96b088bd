#pragma once

#include "activity/activitysnapshot.h"
#include "activity/databasestats.h"
#include "activity/lockchainnode.h"
#include "activity/replicationstate.h"

#include "jobs/job.h"

#include <QStringList>

#include <optional>

namespace uaip {

// One refresh of the Activity view on its worker's session: the sessions, the locks they wait
// for and the lock chains (ActivityReader, LockChain), and with withStats the table and index
// statistics. Read the results in a slot of finished().
class ActivityJob : public Job
{
    Q_OBJECT
public:
    // withReplication: also the replication state (the Replication tab)
    ActivityJob(bool withStats, quint64 generation, QObject *parent = nullptr,
                bool withReplication = false);

    const ActivitySnapshot &snapshot() const { return m_snapshot; }
    const QList<LockChainNode> &chains() const { return m_chains; }
    const std::optional<DatabaseStats> &stats() const { return m_stats; }
    const std::optional<ReplicationState> &replication() const { return m_replication; }
    quint64 generation() const { return m_generation; }
    // Why the statistics or the replication state were not read (the job still succeeds: the
    // sessions and lock chains are read first and shown whatever becomes of the others).
    const QStringList &paneErrors() const { return m_paneErrors; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    bool m_withStats;
    quint64 m_generation;
    ActivitySnapshot m_snapshot;
    QList<LockChainNode> m_chains;
    std::optional<DatabaseStats> m_stats;
    bool m_withReplication;
    std::optional<ReplicationState> m_replication;
    QStringList m_paneErrors;
};

} // namespace uaip
