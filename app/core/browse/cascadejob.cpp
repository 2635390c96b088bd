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

bool CascadeJob::execute(JobContext &context, QString *summary)
{
    Result<CascadeReport> result = PgError{};
    Result<Session *> session = context.session();
    if (!session) {
        result = session.error();
    } else {
        result = CascadeMeter::preview(session.value()->pg(), m_table, m_plan, m_timeoutMs,
                                       [&context] { return context.isCancelled(); });
        session.value()->pg().notices().take();
    }
    if (result) {
        *summary = tr("%n row(s) in other tables", nullptr, int(result.value().totalRows()));
    } else {
        *summary = result.error().toString();
        setError(result.error());
    }
    QPointer<QObject> receiver = m_receiver;
    Done done = m_done;
    if (receiver)
        Job::reply(receiver, [receiver, done, result] {
            if (receiver && done)
                done(result);
        });
    return bool(result);
}

} // namespace uaip
