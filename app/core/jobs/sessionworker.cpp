#include "sessionworker.h"

#include "job.h"
#include "workerhost.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QThread>

namespace uaip {

namespace {

// Every worker thread that has not ended yet, retired ones included (for waitForAll).
QMutex g_threadsMutex;
QSet<QThread *> g_threads;

} // namespace

SessionWorker::SessionWorker(std::optional<SessionSpec> spec, const QString &name, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_thread(new QThread)
    , m_host(new WorkerHost(m_spec))
{
    m_thread->setObjectName(name);
    m_host->moveToThread(m_thread);
    WorkerHost *host = m_host;
    QThread *thread = m_thread;
    // Runs on the worker thread as it ends: the session is closed on the thread that opened it.
    connect(
        m_thread, &QThread::finished, m_host,
        [host, thread] {
            delete host;
            {
                QMutexLocker lock(&g_threadsMutex);
                g_threads.remove(thread);
            }
            thread->deleteLater();
        },
        Qt::DirectConnection);
    {
        QMutexLocker lock(&g_threadsMutex);
        g_threads.insert(m_thread);
    }
    m_thread->start();
}

SessionWorker::~SessionWorker()
{
    retire();
}

void SessionWorker::post(Job *job)
{
    job->setParent(nullptr);
    m_jobs.removeAll(nullptr);
    m_jobs.append(job);
    if (m_retired) {
        job->cancel();
    }
    WorkerHost *host = m_host;
    QMetaObject::invokeMethod(
        m_host,
        [host, job] {
            host->run(job);
            // Deleted on its own thread, after the queued finished() has been delivered.
            QMetaObject::invokeMethod(
                job, [job] { job->deleteLater(); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SessionWorker::cancelAll()
{
    for (const QPointer<Job> &job : std::as_const(m_jobs))
        if (job && !job->isFinished())
            job->cancel();
}

void SessionWorker::retire()
{
    if (m_retired)
        return;
    m_retired = true;
    m_host->retire();
    cancelAll();
    // Quit after the jobs already queued, which now finish at once as cancelled (so every
    // posted job reports finished()).
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        m_host, [thread] { thread->quit(); }, Qt::QueuedConnection);
}

bool SessionWorker::isRetired() const
{
    return m_retired;
}

int SessionWorker::backendPid() const
{
    return m_retired ? 0 : m_host->backendPid();
}

QString SessionWorker::connectionName() const
{
    return m_retired ? QString() : m_host->connectionName();
}

bool SessionWorker::waitForAll(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        QThread *thread = nullptr;
        {
            QMutexLocker lock(&g_threadsMutex);
            if (g_threads.isEmpty())
                return true;
            thread = *g_threads.begin();
        }
        if (!thread->wait(deadline))
            return false;
        QMutexLocker lock(&g_threadsMutex);
        g_threads.remove(thread);
    }
}

} // namespace uaip
