#include "jobcontext.h"

#include "db/pgconnection.h"
#include "db/session.h"
#include "db/sessioncanceller.h"
#include "job.h"

#include <memory>
#include <optional>

namespace uaip {

JobContext::JobContext(Job *job, Session *session, Error openError)
    : m_job(job)
    , m_session(session)
    , m_openError(std::move(openError))
{ }

JobContext::CancelScope::~CancelScope()
{
    m_job->removeCancelAction(m_id);
}

Result<Session *> JobContext::session() const
{
    if (m_session)
        return m_session;
    return m_openError;
}

int JobContext::serverMajor() const
{
    const Result<Session *> s = session();
    return s ? s.value()->pg().serverVersion() / 10000 : 0;
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

bool JobContext::pause(int ms) const
{
    // Job::cancel() sets the flag, then cancels through the session's canceller: the pause reads
    // the flag under that canceller's lock, so a cancel at any moment ends it.
    std::shared_ptr<SessionCanceller> canceller = m_session ? m_session->canceller() : nullptr;
    std::optional<CancelScope> reach;
    if (!canceller) { // no session: the job's cancel reaches the pause through a cancel action
        canceller = std::make_shared<SessionCanceller>();
        reach.emplace(m_job, m_job->addCancelAction([canceller] { canceller->cancel(); }));
    }
    return canceller->pause(ms, &m_job->m_cancelled);
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
