#include "workerhost.h"

#include "db/session.h"
#include "db/sessioncanceller.h"
#include "job.h"
#include "jobcontext.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace uaip {

WorkerHost::WorkerHost(std::optional<SessionSpec> spec)
    : m_spec(std::move(spec))
{ }

WorkerHost::~WorkerHost()
{
    closeSession();
}

Result<Session *> WorkerHost::session()
{
    if (!m_spec) {
        return Error(ErrorCode::Connection, tr("this worker has no database connection"));
    }
    if (m_session && m_session->isOpen())
        return m_session.get();
    if (!m_session)
        m_session = std::make_unique<Session>(*m_spec);
    m_backendPid = 0;
    if (Status s = m_session->open(); !s)
        return s.error();
    m_backendPid = m_session->backendPid();
    {
        QMutexLocker lock(&m_nameMutex);
        m_connectionName = m_session->connectionName();
    }
    return m_session.get();
}

QString WorkerHost::connectionName() const
{
    QMutexLocker lock(&m_nameMutex);
    return m_connectionName;
}

void WorkerHost::closeSession()
{
    m_session.reset();
    m_backendPid = 0;
}

void WorkerHost::run(Job *job)
{
    if (m_retired.load() || job->isCancelled()) {
        job->finishUnrun();
        return;
    }
    // Open (or reopen) before the job starts, so a cancel reaches its first command; a job
    // sees an open error itself through context.session().
    Session *open = nullptr;
    Error openError;
    std::shared_ptr<SessionCanceller> canceller;
    // The job's cancel reaches the open too (a server that does not answer).
    if (m_spec && !m_session)
        m_session = std::make_unique<Session>(*m_spec);
    if (m_session)
        job->setSessionCanceller(m_session->canceller());
    if (Result<Session *> s = session(); s) {
        open = s.value();
        canceller = open->canceller();
        if (Status settled = open->beginUnitOfWork(); !settled) {
            openError = settled.error();
            open = nullptr;
            canceller.reset();
        }
    } else {
        openError = s.error();
    }
    JobContext context(job, open, openError);
    // From now on a cancel reaches the command the job runs then, or its next one.
    if (canceller)
        canceller->beginWork();
    job->setSessionCanceller(canceller);
    if (job->isCancelled() && canceller) // cancelled between the check above and now
        canceller->cancel();
    job->runOn(context);
    if (canceller)
        canceller->endWork();
}

} // namespace uaip
