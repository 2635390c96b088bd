#include "jobmanager.h"

#include "job.h"
#include "sessionworker.h"

namespace uaip {

JobManager::JobManager(QObject *parent)
    : QObject(parent)
{ }

JobManager::~JobManager()
{
    cancelAll();
    for (const QPointer<SessionWorker> &worker : std::as_const(m_oneShot))
        delete worker.data(); // retires: cancels, never waits
}

void JobManager::announce(Job *job)
{
    m_jobs.removeAll(nullptr);
    m_jobs.append(job);
    connect(job, &Job::finished, this, [this, job](bool ok, const QString &summary) {
        m_jobs.removeAll(job);
        emit jobFinished(job, ok, summary);
    });
    emit jobStarted(job);
}

Job *JobManager::start(Job *job, SessionWorker *worker)
{
    announce(job);
    worker->post(job);
    return job;
}

Job *JobManager::start(Job *job, const std::optional<SessionSpec> &spec)
{
    auto *worker = new SessionWorker(spec, job->title(), this);
    m_oneShot.removeAll(nullptr);
    m_oneShot.append(worker);
    const QPointer<SessionWorker> guard(worker);
    connect(job, &Job::finished, this, [this, guard] {
        m_oneShot.removeAll(guard);
        if (guard)
            guard->deleteLater(); // retires; the job is deleted by the worker thread's queue
    });
    return start(job, worker);
}

QList<Job *> JobManager::running() const
{
    QList<Job *> out;
    for (const QPointer<Job> &job : m_jobs)
        if (job && !job->isFinished())
            out << job.data();
    return out;
}

void JobManager::cancelAll()
{
    for (const QPointer<Job> &job : std::as_const(m_jobs))
        if (job && !job->isFinished())
            job->cancel();
}

} // namespace uaip
