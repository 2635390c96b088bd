#include "cascadejob.h"

#include "cascademeter.h"
#include "db/session.h"
#include "jobs/jobcontext.h"

namespace uaip {

CascadeJob::CascadeJob(TableInfo table, SavePlan plan, int timeoutMs, QObject *receiver, Done done)
    : Job(tr("Count what a save of %1 cascades to").arg(table.displayName()))
    , m_table(std::move(table))
    , m_plan(std::move(plan))
    , m_timeoutMs(timeoutMs)
    , m_receiver(receiver)
    , m_done(std::move(done))
{ }

Result<QString> CascadeJob::execute(JobContext &context)
{
    const Result<CascadeReport> result = measure(context);
    QPointer<QObject> receiver = m_receiver;
    Done done = m_done;
    if (receiver)
        Job::reply(receiver, [receiver, done, result] {
            if (receiver && done)
                done(result);
        });
    if (!result)
        return result.error();
    return tr("%n row(s) in other tables", nullptr, int(result.value().totalRows()));
}

Result<CascadeReport> CascadeJob::measure(JobContext &context)
{
    Result<Session *> session = context.session();
    if (!session)
        return session.error();
    Result<CascadeReport> result
        = CascadeMeter::preview(session.value()->pg(), m_table, m_plan, m_timeoutMs,
                                [&context] { return context.isCancelled(); });
    session.value()->pg().notices().take();
    return result;
}

} // namespace uaip
