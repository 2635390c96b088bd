#include "rollbackpreviewjob.h"

#include "db/session.h"
#include "jobs/jobcontext.h"
#include "rollbackpreview.h"

#include <atomic>

namespace uaip {

RollbackPreviewJob::RollbackPreviewJob(const QList<Migration> &migrations, const DownTarget &target,
                                       int lockTimeoutMs, bool oneTransaction, QObject *parent)
    : Job(tr("Preview rollback impact"), parent)
    , m_migrations(migrations)
    , m_target(target)
    , m_lockTimeoutMs(lockTimeoutMs)
    , m_oneTransaction(oneTransaction)
{ }

bool RollbackPreviewJob::execute(JobContext &context, QString *summary)
{
    const Result<Session *> session = context.session();
    if (!session) {
        setError(session.error());
        *summary = tr("cannot connect: %1").arg(session.error().toString());
        return false;
    }
    m_identity = session.value()->identity();
    context.progress(0, 0, tr("running the down scripts in a transaction that is rolled back"));
    std::atomic_bool stop{context.isCancelled()};
    const JobContext::CancelScope scope = context.onCancel([&stop] { stop = true; });
    RollbackPreview preview(session.value()->pg(), m_migrations);
    const Result<RollbackImpact> impact
        = preview.run(m_target, m_lockTimeoutMs, &stop, m_oneTransaction);
    m_failure = preview.failure();
    if (!impact) {
        setError(impact.error());
        *summary = context.isCancelled() ? tr("preview cancelled") : impact.error().toString();
        return false;
    }
    m_impact = impact.value();
    *summary = tr("%n migration(s) would be rolled back", nullptr, int(m_impact.migrations.size()));
    return true;
}

} // namespace uaip
