#include "jobcontext.h"

#include "db/session.h"
#include "db/sessioncanceller.h"
#include "job.h"

namespace uaip {

JobContext::JobContext(Job *job, Session *session, PgError openError)
    : m_job(job)
    , m_session(session)
    , m_openError(std::move(openError))
{ }

JobContext::CancelScope::~CancelScope()
{
    m_job->removeCancelAction(m_id);
}

DbResult<Session *> JobContext::session() const
{
    if (m_session)
        return m_session;
    return m_openError;
}

bool JobContext::connectionWasCut() const
{
    const auto canceller = m_session ? m_session->canceller() : nullptr;
    return canceller && canceller->wasCut();
}

bool JobContext::isCancelled() const
{
    return m_job->isCancelled();
}

void JobContext::progress(int done, int total, const QString &text)
{
    emit m_job->progress(done, total, text);
}

void JobContext::log(const QString &line)
{
    emit m_job->logLine(line);
}

JobContext::CancelScope JobContext::onCancel(std::function<void()> action)
{
    return CancelScope(m_job, m_job->addCancelAction(std::move(action)));
}

} // namespace uaip
