#pragma once

#include "db/sessionspec.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace uaip {

class Job;
class SessionWorker;

// The registry of user-visible jobs (the job dock lists what it announces) and the way to run
// a job: on a given SessionWorker, or on a one-shot worker of its own — a session that no other
// job shares (a migration run holds the session-level migration lock), or no database at all
// (std::nullopt: pg_dump, the sandbox). A one-shot worker is retired when its job finished.
//
// Nothing here waits: destroying the manager cancels what runs and retires the one-shot
// workers; their threads end on their own (SessionWorker::waitForAll bounds the wait at
// application exit).
class JobManager : public QObject
{
    Q_OBJECT
public:
    explicit JobManager(QObject *parent = nullptr);
    ~JobManager() override;

    // Connect to the job's signals before calling start(); the worker owns and deletes it.
    Job *start(Job *job, SessionWorker *worker);
    Job *start(Job *job, const std::optional<SessionSpec> &spec);
    // Registers a job that a view posted to its own worker, so the job dock lists it too.
    void announce(Job *job);
    // Started and not finished yet.
    QList<Job *> running() const;
    // Never blocks.
    void cancelAll();

signals:
    void jobStarted(uaip::Job *job);
    void jobFinished(uaip::Job *job, bool ok, const QString &summary);

private:
    QList<QPointer<Job>> m_jobs;
    QList<QPointer<SessionWorker>> m_oneShot;
};

} // namespace uaip
