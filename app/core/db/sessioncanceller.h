#pragma once

#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>

#include "pgtypes.h"

namespace uaip {

// Cancels what runs on one session, from any thread, without ever blocking the caller: the
// cancel request (PQcancel, which connects to the server) runs on a thread of its own. If the
// server has not answered within the grace period and the same command still runs, the
// session's socket is shut down, so the waiting worker gets "connection lost" instead of
// hanging on a stopped or unreachable server.
//
// Shared (std::shared_ptr) between the session and whoever may cancel: it outlives the
// connection safely. Once the session detaches it, cancel() does nothing.
class SessionCanceller : public std::enable_shared_from_this<SessionCanceller>
{
public:
    SessionCanceller(PGconn *connection, int graceMs);
    ~SessionCanceller();
    SessionCanceller(const SessionCanceller &) = delete;
    SessionCanceller &operator=(const SessionCanceller &) = delete;

    // Thread-safe, returns at once.
    void cancel();
    // Called by the session's thread around each unit of work, so a late cut cannot hit the
    // next one. beginWork() first waits (at most the grace period) for the cancel requests
    // still under way: a request the server gets once the cancelled work has ended on its own
    // would cancel the next statement instead (the server cancels whatever runs), whereas one
    // it has handled before the next statement is sent meets an idle session and is dropped.
    void beginWork();
    void endWork() { ++m_workSerial; }
    // The session is closing: forget the connection (waits for a cut in progress).
    void detach();
    // True after the socket was cut because the server did not answer a cancel in time.
    bool wasCut() const { return m_cut.load(); }
    int graceMs() const { return m_graceMs; }

private:
    void requestAndWatch(quint64 serial);

    QMutex m_mutex;
    PGconn *m_connection; // guarded by m_mutex; only its socket is touched here
    std::shared_ptr<PGcancel> m_cancel; // guarded by m_mutex; PQcancel threads hold copies
    const int m_graceMs;
    std::atomic<quint64> m_workSerial{0};
    std::atomic_bool m_cut{false};
    std::atomic_int m_requests{0}; // PQcancel calls not yet returned
};

} // namespace uaip
