#pragma once

#include "error/result.h"

#include <QString>

#include <functional>

namespace uaip {

class Job;
class Session;
class WorkerHost;

// What a running job gets from its worker: the worker's session (opened on first use,
// reopened after a loss), the cancel flag, and a way to report progress.
class JobContext
{
public:
    // A cancel action registered with onCancel(); unregistered when this goes out of scope.
    // Declare it after what the action touches, so it ends first.
    class CancelScope
    {
    public:
        CancelScope(Job *job, int id)
            : m_job(job)
            , m_id(id)
        { }
        ~CancelScope();
        CancelScope(const CancelScope &) = delete;
        CancelScope &operator=(const CancelScope &) = delete;

    private:
        Job *m_job;
        int m_id;
    };

    // The worker's session, opened (or reopened after a loss) before the job started; or the
    // error why there is none (the worker has no database, the password is not known, the
    // server refused). A session lost during the job is not reopened for it: its commands
    // fail with a connection error, and the next job gets a new session.
    Result<Session *> session() const;
    // The major version of the server the session is on (18 for 18.4); 0 without a session.
    // A proof builds its scratch database on a sandbox of that major (Sandbox::forMajor).
    int serverMajor() const;
    // True when the connection was cut because the server did not answer a cancel in time.
    bool connectionWasCut() const;
    bool isCancelled() const;
    // Waits at most ms on the job's thread (a retry's pace, a bounded wait for a server) and
    // returns true; false, at once or early, once the job is cancelled. The job's cancel ends it
    // as it ends the job's command: the session canceller's pause (SessionCanceller::pause), or,
    // for a job without a session, a canceller of the pause's own that the cancel reaches.
    bool pause(int ms) const;
    void progress(int done, int total, const QString &text);
    void log(const QString &line);
    // action runs on the thread that calls Job::cancel() (often the GUI thread) when the job
    // is cancelled while the scope lives: it must be thread-safe and must not block.
    [[nodiscard]] CancelScope onCancel(std::function<void()> action);

private:
    friend class WorkerHost;
    JobContext(Job *job, Session *session, Error openError);

    Job *m_job;
    Session *m_session;
    Error m_openError;
};

} // namespace uaip
