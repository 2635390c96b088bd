#include "activityjob.h"

#include "activity/activityreader.h"
#include "activity/lockchain.h"
#include "activity/replicationreader.h"
#include "db/session.h"
#include "jobs/jobcontext.h"

namespace uaip {

ActivityJob::ActivityJob(bool withStats, quint64 generation, QObject *parent, bool withReplication)
    : Job(tr("Activity: refresh"), parent)
    , m_withStats(withStats)
    , m_generation(generation)
    , m_withReplication(withReplication)
{ }

Result<QString> ActivityJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session)
        return session.error();
    ActivityReader reader(session.value()->pg());
    Result<ActivitySnapshot> snap = reader.snapshot();
    if (!snap)
        return snap.error();
    m_snapshot = snap.take();
    m_chains = LockChain::build(m_snapshot);
    // the sessions and lock chains are shown whatever becomes of the other panes' reads
    if (m_withStats) {
        Result<DatabaseStats> stats = reader.stats();
        if (stats)
            m_stats = stats.take();
        else
            m_paneErrors.append(stats.error().toString());
    }
    if (m_withReplication) {
        Result<ReplicationState> replication = ReplicationReader(session.value()->pg()).read();
        if (replication)
            m_replication = replication.take();
        else
            m_paneErrors.append(replication.error().toString());
    }
    return tr("%n session(s)", nullptr, int(m_snapshot.sessions.size()));
}

} // namespace uaip
