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

bool ActivityJob::execute(JobContext &context, QString *summary)
{
    const Result<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = session.error().toString();
        return false;
    }
    ActivityReader reader(session.value()->pg());
    Result<ActivitySnapshot> snap = reader.snapshot();
    if (!snap) {
        setError(snap.error());
        *summary = snap.error().toString();
        return false;
    }
    m_snapshot = snap.take();
    m_chains = LockChain::build(m_snapshot);
    if (m_withStats) {
        Result<DatabaseStats> stats = reader.stats();
        if (!stats) {
            setError(stats.error());
            *summary = stats.error().toString();
            return false;
        }
        m_stats = stats.take();
    }
    if (m_withReplication) {
        Result<ReplicationState> replication = ReplicationReader(session.value()->pg()).read();
        if (!replication) {
            setError(replication.error());
            *summary = replication.error().toString();
            return false;
        }
        m_replication = replication.take();
    }
    *summary = tr("%n session(s)", nullptr, int(m_snapshot.sessions.size()));
    return true;
}

} // namespace uaip
