#include "jobmanager.h"

#include "dbjob.h"

#include <QThread>

namespace uaip {

JobManager::JobManager(QObject *parent)
    : QObject(parent)
{ }

JobManager::~JobManager()
{
    cancelAll();
    for (const Entry &e : std::as_const(m_entries)) {
        e.thread->quit();
        e.thread->wait();
        delete e.job.data();
    }
}

DbJob *JobManager::start(DbJob *job)
{
    auto *thread = new QThread(this);
    thread->setObjectName(job->title());
    job->setParent(nullptr);
    job->moveToThread(thread);
    connect(thread, &QThread::started, job, &DbJob::run);
    connect(job, &DbJob::finished, this, [this, job, thread](bool ok, const QString &summary) {
        thread->quit();
        emit jobFinished(job, ok, summary);
    });
    connect(thread, &QThread::finished, this, [this, thread] {
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].thread != thread)
                continue;
            if (m_entries[i].job)
                m_entries[i].job->deleteLater();
            m_entries.removeAt(i);
            break;
        }
        thread->deleteLater();
    });
    m_entries.append({job, thread});
    emit jobStarted(job);
    thread->start();
    return job;
}

QList<DbJob *> JobManager::running() const
{
    QList<DbJob *> out;
    for (const Entry &e : m_entries)
        if (e.job && e.thread->isRunning())
            out << e.job.data();
    return out;
}

void JobManager::cancelAll()
{
    for (const Entry &e : std::as_const(m_entries))
        if (e.job)
            e.job->cancel();
}

} // namespace uaip
