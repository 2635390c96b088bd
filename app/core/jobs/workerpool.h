#pragma once

#include "db/sessionspec.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace uaip {

class Job;
class SessionWorker;

// A few SessionWorkers on one spec (so as many sessions) that share one queue: a posted job
// runs on the first worker that is free, in the order posted, so a slow job holds up no job
// behind it while another session is idle (the Analytics view's five panels answer side by
// side). It adds no async model of its own: the jobs are Jobs and run on SessionWorkers.
//
// Nothing here waits: cancelAll() cancels the running jobs and finishes the queued ones as
// cancelled (every posted job reports finished()); the destructor does that and retires the
// workers.
class WorkerPool : public QObject
{
    Q_OBJECT
public:
    WorkerPool(const SessionSpec &spec, const QString &name, int size, QObject *parent = nullptr);
    ~WorkerPool() override;

    // Takes ownership of job; it runs once a worker is free.
    void post(Job *job);
    void cancelAll();

    int size() const { return int(m_workers.size()); }
    // Jobs posted and not yet handed to a worker.
    int queued() const { return int(m_queue.size()); }
    // The sessions' backends (0 for one not connected yet); for tests and diagnostics.
    QList<int> backendPids() const;

private:
    void dispatch();
    void onFinished(int worker, Job *job);

    QList<SessionWorker *> m_workers;
    QList<QPointer<Job>> m_running; // per worker: the job handed to it, null when it is free
    QList<QPointer<Job>> m_queue;
};

} // namespace uaip
