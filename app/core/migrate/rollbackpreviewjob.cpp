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

Result<QString> RollbackPreviewJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session)
        return session.error().in(tr("cannot connect"));
    m_identity = session.value()->identity();
    context.progress(0, 0, tr("running the down scripts in a transaction that is rolled back"));
    std::atomic_bool stop{context.isCancelled()};
    const JobContext::CancelScope scope = context.onCancel([&stop] { stop = true; });
    RollbackPreview preview(session.value()->pg(), m_migrations);
    const Result<RollbackImpact> impact
        = preview.run(m_target, m_lockTimeoutMs, &stop, m_oneTransaction);
    m_failure = preview.failure();
    if (!impact)
        return context.isCancelled() ? Error(ErrorCode::Cancelled, tr("preview cancelled"))
                                     : impact.error();
    m_impact = impact.value();
    return tr("%n migration(s) would be rolled back", nullptr, int(m_impact.migrations.size()));
}

} // namespace uaip
