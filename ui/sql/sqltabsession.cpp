#include "sqltabsession.h"

#include "jobs/job.h"
#include "jobs/sessionworker.h"
#include "sqlconsole/sqlrunner.h"

namespace uaip {

SqlTabSession::SqlTabSession(QObject *parent)
    : QObject(parent)
{ }

SqlTabSession::~SqlTabSession()
{
    delete m_worker; // cancels what runs; never waits
    delete m_watchWorker;
}

void SqlTabSession::setTarget(const std::optional<SessionSpec> &spec)
{
    ++m_generation;
    delete m_worker;
    m_worker = nullptr;
    delete m_watchWorker;
    m_watchWorker = nullptr;
    m_running = nullptr;
    m_busy = false;
    m_spec = spec;
    m_runner = std::make_shared<SqlRunner>();
    if (spec)
        m_worker = new SessionWorker(spec->withPurpose(QStringLiteral("sql")),
                                     QStringLiteral("sql"), this);
}

void SqlTabSession::post(Job *job, std::function<void(bool ok)> done)
{
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, generation, done = std::move(done)](bool ok) {
        if (generation != m_generation)
            return;
        setBusy(false);
        done(ok);
    });
    m_running = job;
    connect(job, &QObject::destroyed, this, [this, job] {
        if (m_running == job)
            m_running = nullptr;
    });
    setBusy(true);
    emit jobStarted(job);
    m_worker->post(job);
}

void SqlTabSession::cancel()
{
    if (m_running)
        m_running->cancel();
}

bool SqlTabSession::postWatch(Job *job)
{
    if (!m_spec) {
        delete job;
        return false;
    }
    if (!m_watchWorker)
        m_watchWorker = new SessionWorker(m_spec->withPurpose(QStringLiteral("sql watch")),
                                          QStringLiteral("sql watch"), this);
    m_watchWorker->post(job);
    return true;
}

void SqlTabSession::setBusy(bool busy)
{
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace uaip
