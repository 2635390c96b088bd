#include "workerpool.h"

#include "job.h"
#include "sessionworker.h"

#include <algorithm>
#include <utility>

namespace uaip {

WorkerPool::WorkerPool(const SessionSpec &spec, const QString &name, int size, QObject *parent)
    : QObject(parent)
{
    for (int i = 0; i < std::max(1, size); ++i) {
        m_workers.append(
            new SessionWorker(spec, QStringLiteral("%1-%2").arg(name).arg(i + 1), this));
        m_running.append(nullptr);
    }
}

WorkerPool::~WorkerPool()
{
    cancelAll();
    qDeleteAll(m_workers); // retires them: never waits
}

void WorkerPool::post(Job *job)
{
    job->setParent(this); // until a worker takes it
    m_queue.append(job);
    dispatch();
}

void WorkerPool::cancelAll()
{
    // The queued jobs go to the workers cancelled: they finish at once there, after the
    // running job (cancelled too) has ended.
    const QList<QPointer<Job>> queued = std::exchange(m_queue, {});
    int next = 0;
    for (const QPointer<Job> &job : queued) {
        if (!job)
            continue;
        job->cancel();
        m_workers.at(next)->post(job);
        next = (next + 1) % int(m_workers.size());
    }
    for (SessionWorker *worker : std::as_const(m_workers))
        worker->cancelAll();
}

QList<int> WorkerPool::backendPids() const
{
    QList<int> pids;
    for (const SessionWorker *worker : m_workers)
        pids << worker->backendPid();
    return pids;
}

void WorkerPool::dispatch()
{
    for (qsizetype i = 0; i < m_workers.size() && !m_queue.isEmpty(); ++i) {
        if (m_running.at(i))
            continue;
        Job *job = m_queue.takeFirst();
        if (!job) {
            --i; // deleted while queued: try this worker with the next one
            continue;
        }
        m_running[i] = job;
        connect(job, &Job::finished, this, [this, i, job] { onFinished(int(i), job); });
        m_workers.at(i)->post(job);
    }
}

void WorkerPool::onFinished(int worker, Job *job)
{
    if (m_running.at(worker) == job)
        m_running[worker] = nullptr;
    dispatch();
}

} // namespace uaip
