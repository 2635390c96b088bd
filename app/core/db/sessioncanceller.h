#pragma once

#include <QDeadlineTimer>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <poll.h>
#include <span>

#include "pgtypes.h"

namespace uaip {

// Cancels the command running on one connection, from any thread, without ever blocking the
// caller. cancel() only marks the running command and wakes the connection's own thread, which
// waits on its socket and on this object's wake-up pipe (PgSocketWait), never inside libpq.
// That thread sends the cancel request; if the server has not answered within the grace period,
// it shuts the socket down itself, so its command ends with "connection lost" instead of hanging
// on a stopped or unreachable server. The statement deadline (setDeadline) is the same path: once
// it passes, the command is cancelled as if cancel() had been called.
//
// Each cancel is bound to the command that runs when it is asked for: it can never reach a later
// one. Asked for between two commands of a unit of work (beginWork/endWork: a job), it cancels
// that work's next command, once; outside a unit of work with no command running it does
// nothing. Before a command is sent, the requests still under way are waited for (at most the
// grace period), so a request the server handles late meets an idle session, not the next
// command.
//
// The request itself (PQcancel) connects to the server and returns only once the server has
// handled it, which a stopped server never does. libpq 15 has no non-blocking form (PQcancelStart
// is libpq 17's), so each request runs as a DetachedCall; nothing polls.
//
// A pause (pause()) is the one wait besides the server's: a retry's pace, a bounded wait for a
// server, on the connection's thread between its commands. cancel() ends the pause that runs
// when it is asked for, as it would that command (never a later pause); a cancel kept for the
// work's next command ends a pause at once and stays kept for that command. A pause needs no
// connection: a canceller no connection uses is the pause of code without one. Its twin,
// waitReady(), also ends once a descriptor is ready: a child process's wait (ProcessRun).
//
// Opening a connection (PgConnector, between beginConnect and endConnect) is cancelled the same
// way: cancel() marks the attempt and wakes the opening thread in its wait on the socket.
//
// Shared (std::shared_ptr) between the connection and whoever may cancel: it outlives the
// connection safely. Once the connection detaches it, cancel() only ends a pause.
class SessionCanceller : public std::enable_shared_from_this<SessionCanceller>
{
public:
    static constexpr int kDefaultGraceMs = 10000;
    // The first resend of a cancel request the command outlived (resendIfDue), then doubling.
    static constexpr qint64 kFirstResendMs = 100;
    SessionCanceller();
    ~SessionCanceller();
    SessionCanceller(const SessionCanceller &) = delete;
    SessionCanceller &operator=(const SessionCanceller &) = delete;

    // Any thread; returns at once.
    void cancel();
    // True after the socket was cut because the server did not answer a cancel in time.
    bool wasCut() const { return m_cut.load(); }
    int graceMs() const { return m_graceMs.load(); }
    void setGraceMs(int ms) { m_graceMs = ms; }
    // Around a unit of work on the connection (a job), from the connection's thread: a cancel
    // between its commands is kept for its next command.
    void beginWork();
    void endWork();
    // Waits at most ms on the calling thread (one pause at a time) and returns true; false, at
    // once or early, when it is cancelled (see the class comment) or once *cancelled is set: the
    // caller's own flag, read under the lock cancel() takes, so whoever sets it and then calls
    // cancel() (Job::cancel, MigrationRunner::cancel) ends the pause whenever they do it. No
    // thread, no timer: a wait on a condition variable.
    bool pause(int ms, const std::atomic_bool *cancelled = nullptr);
    // How waitReady() ended.
    enum class WaitEnd { Ready, Cancelled, TimedOut };
    // The pause's twin: waits at most ms (negative: no limit) on the calling thread, one wait at
    // a time, until one of fds is ready (poll(2): their revents filled in), ended as a pause is
    // by cancel() or once *cancelled is set. The wake-up pipe is polled beside fds.
    WaitEnd waitReady(std::span<pollfd> fds, int ms, const std::atomic_bool *cancelled = nullptr);
    // Around a run of waitReady() calls that is one wait to its caller (ProcessRun::wait): a
    // cancel() from beginWaits() to endWaits() is kept, so one asked for between two of its
    // waits (while the caller reads a child's output) ends the next one. One run at a time.
    void beginWaits();
    void endWaits();

    // The connection's thread only, below.
    // When the commands sent from now on are cancelled (a statement timeout kept by the client);
    // QDeadlineTimer::Forever for none.
    void setDeadline(const QDeadlineTimer &deadline)
    {
        m_deadline = deadline;
        m_deadlinePassed = false;
    }
    // Whether the deadline passed during a command and cancelled it (once: the commands after it,
    // a ROLLBACK say, run).
    bool deadlinePassed() const { return m_deadlinePassed; }
    // While a command waits for the server, tick is called every everyMs from that wait, on the
    // connection's thread (a second session's look at what it waits for: LockWaitWatch); the
    // first call comes everyMs after the command was sent. tick must not use this connection
    // (it may cancel() it). An empty tick: none.
    void setWaitTick(int everyMs, std::function<void()> tick);
    // The answers (results) the server sent since the connection was made, on the
    // connection's thread: a tick that sees the number grow since the last one knows the
    // session was not waiting all that while (a pipeline's statements answer one by one).
    quint64 answers() const { return m_answers; }

private:
    friend class PgConnection;
    friend class PgSocketWait;
    friend class PgPipeline; // stops sending once a cancel went out

    // Around opening a connection (PgConnection::open), on the thread that opens it: a cancel()
    // from then on ends the attempt (PgSocketWait::forConnect wakes up). endConnect() says
    // whether one came.
    void beginConnect();
    bool endConnect();
    // Whether cancel() was asked for since beginConnect(); empties the wake-up pipe.
    bool takeConnectCancel();
    // The connection opened: its cancel data (PQgetCancel).
    void attach(PGconn *connection);
    // The connection closes; waits for nothing.
    void detach();
    // A command is about to be sent (see the class comment).
    void commandStarted();
    // After each call on the connection: whether the command still runs (rows of a COPY to read).
    void commandSettled(bool stillRunning);
    int wakeFd() const { return m_pipe[0]; }
    // Whether cancel() was asked for the running command; empties the wake-up pipe.
    bool takeRequest();
    // Sends the cancel request for the running command, as a DetachedCall, and starts the grace
    // period. The server ignores a request that reaches the backend before it has read the
    // command (a cancel kept for the work's next command, sent as soon as the command is):
    // resendIfDue() sends it again while the command runs, at 100 ms and doubling, one request
    // under way at a time.
    void sendRequest();
    void resendIfDue();
    // When the wait must wake next for the request: the cut or the next resend.
    QDeadlineTimer requestWakeAt() const;
    void wake();
    bool requestSent() const { return m_requestSent; }
    // The wait tick: when it is due next (Forever: none), and the call once it is due.
    QDeadlineTimer tickAt() const
    {
        return m_tick ? m_tickAt : QDeadlineTimer(QDeadlineTimer::Forever);
    }
    void tickIfDue();
    const QDeadlineTimer &cutAt() const { return m_cutAt; }
    const QDeadlineTimer &deadline() const { return m_deadline; }
    void markDeadlinePassed() { m_deadlinePassed = true; }
    void markCut() { m_cut = true; }
    // PQcancel with the connection's cancel handle as a DetachedCall, counted under way.
    void dispatchRequest();

    std::mutex m_mutex;
    std::condition_variable m_requestsEnded;
    std::condition_variable m_pauseEnded;
    std::shared_ptr<PGcancel> m_cancel; // guarded by m_mutex; request threads hold copies
    quint64 m_command = 0; // guarded: the serial of the latest command
    bool m_running = false; // guarded: that command still runs
    quint64 m_requested = 0; // guarded: the command cancel() was asked for
    bool m_inWork = false; // guarded: between beginWork() and endWork()
    bool m_cancelNext = false; // guarded: cancel the work's next command
    int m_requestsUnderWay = 0; // guarded: PQcancel calls of this connection not returned
    bool m_pausing = false; // guarded: a pause runs
    bool m_pauseCancelled = false; // guarded: cancel() was asked for during it
    bool m_waiting = false; // guarded: a waitReady() runs
    bool m_waitCancelled = false; // guarded: cancel() was asked for during it (or the run)
    bool m_inWaits = false; // guarded: between beginWaits() and endWaits()
    bool m_connecting = false; // guarded: between beginConnect() and endConnect()
    bool m_connectCancelled = false; // guarded: cancel() was asked for while connecting
    quint64 m_connection = 0; // guarded: which connection attach() saw last
    int m_pipe[2] = {-1, -1}; // the wake-up pipe: cancel() writes, the wait reads
    std::atomic_int m_graceMs{kDefaultGraceMs};
    std::atomic_bool m_cut{false};
    // The connection's thread only:
    QDeadlineTimer m_deadline{QDeadlineTimer::Forever};
    QDeadlineTimer m_cutAt{QDeadlineTimer::Forever};
    QDeadlineTimer m_resendAt{QDeadlineTimer::Forever};
    qint64 m_resendMs = 0;
    bool m_requestSent = false;
    bool m_deadlinePassed = false;
    std::function<void()> m_tick; // setWaitTick's
    int m_tickMs = 0;
    QDeadlineTimer m_tickAt{QDeadlineTimer::Forever};
    quint64 m_answers = 0;
};

} // namespace uaip
