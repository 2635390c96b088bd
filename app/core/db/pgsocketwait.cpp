#include "pgsocketwait.h"

#include "sessioncanceller.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <poll.h>
#include <sys/socket.h>

#include <libpq-fe.h>

namespace uaip {

PgSocketWait::PgSocketWait(PGconn *connection, SessionCanceller &canceller)
    : m_conn(connection)
    , m_canceller(canceller)
{ }

int PgSocketWait::timeoutMs() const
{
    const QDeadlineTimer until
        = std::min(m_canceller.tickAt(),
                   m_canceller.requestSent()          ? m_canceller.requestWakeAt()
                       : m_canceller.deadlinePassed() ? QDeadlineTimer(QDeadlineTimer::Forever)
                                                      : m_canceller.deadline());
    // Without a wake-up pipe (no descriptor left) a cancel is noticed at this pace.
    constexpr qint64 kWithoutPipeMs = 100;
    if (m_canceller.wakeFd() < 0)
        return int(until.isForever() ? kWithoutPipeMs
                                     : std::min(until.remainingTime(), kWithoutPipeMs));
    if (until.isForever())
        return -1;
    return int(std::min<qint64>(until.remainingTime(), INT_MAX));
}

PgSocketWait::ConnectWait PgSocketWait::forConnect(int socket, short events,
                                                   SessionCanceller &canceller,
                                                   const QDeadlineTimer &deadline)
{
    // Without a wake-up pipe (no descriptor left) a cancel is noticed at this pace.
    constexpr qint64 kWithoutPipeMs = 100;
    for (;;) {
        if (canceller.takeConnectCancel())
            return ConnectWait::Cancelled;
        if (deadline.hasExpired())
            return ConnectWait::TimedOut;
        if (socket < 0)
            return ConnectWait::Failed;
        qint64 timeout = deadline.isForever() ? -1 : deadline.remainingTime();
        if (canceller.wakeFd() < 0)
            timeout = timeout < 0 ? kWithoutPipeMs : std::min(timeout, kWithoutPipeMs);
        pollfd fds[2] = {{socket, events, 0}, {canceller.wakeFd(), POLLIN, 0}};
        const int ready
            = ::poll(fds, fds[1].fd >= 0 ? 2 : 1, int(std::min<qint64>(timeout, INT_MAX)));
        if (ready < 0 && errno != EINTR)
            return ConnectWait::Failed;
        if (ready > 0 && fds[0].revents != 0)
            return canceller.takeConnectCancel() ? ConnectWait::Cancelled : ConnectWait::Ready;
    }
}

bool PgSocketWait::wait(short events)
{
    for (;;) {
        if (m_canceller.takeRequest())
            m_canceller.sendRequest();
        if (!m_canceller.requestSent() && !m_canceller.deadlinePassed()
            && m_canceller.deadline().hasExpired()) {
            m_canceller.markDeadlinePassed();
            m_canceller.sendRequest();
        }
        const int socket = PQsocket(m_conn);
        if (socket < 0)
            return false;
        if (m_canceller.requestSent() && m_canceller.cutAt().hasExpired()) {
            // The server did not answer the cancel: end the command here, as a lost connection.
            m_canceller.markCut();
            cut(socket);
            return false;
        }
        m_canceller.resendIfDue();
        m_canceller.tickIfDue();
        pollfd fds[2] = {{socket, events, 0}, {m_canceller.wakeFd(), POLLIN, 0}};
        const int ready = ::poll(fds, fds[1].fd >= 0 ? 2 : 1, timeoutMs());
        if (ready < 0 && errno != EINTR) {
            cut(socket);
            return false;
        }
        if (ready > 0 && fds[0].revents != 0)
            return true; // readable, writable, or failed: libpq reads which
    }
}

void PgSocketWait::cut(int socket)
{
    ::shutdown(socket, SHUT_RDWR);
    // libpq reads the end now and marks the connection bad: PQgetResult then returns the failure
    // once, instead of a COPY state for ever
    PQconsumeInput(m_conn);
}

bool PgSocketWait::flush()
{
    for (;;) {
        const int pending = PQflush(m_conn);
        if (pending == 0)
            return true;
        if (pending < 0 || !wait(POLLIN | POLLOUT) || PQconsumeInput(m_conn) == 0)
            return false;
    }
}

PGresult *PgSocketWait::nextResult()
{
    // Once the wait or the read failed, PQgetResult returns the failure at once: libpq finds the
    // socket closed or at its end.
    while (flush() && PQisBusy(m_conn) == 1) {
        if (!wait(POLLIN) || PQconsumeInput(m_conn) == 0)
            break;
    }
    PGresult *result = PQgetResult(m_conn);
    if (result)
        ++m_canceller.m_answers;
    return result;
}

int PgSocketWait::copyData(char **buffer)
{
    for (;;) {
        const int n = PQgetCopyData(m_conn, buffer, 1);
        if (n != 0)
            return n;
        if (!wait(POLLIN) || PQconsumeInput(m_conn) == 0)
            return -2; // libpq holds the failure: the COPY's result says it
    }
}

bool PgSocketWait::putCopyData(const char *data, int size)
{
    for (;;) {
        // In non-blocking mode libpq takes (almost) anything and grows its buffer: sent before
        // the next piece, the server's pace limits the sender, and a cancel, the deadline and
        // the cut take effect while rows are sent.
        const int queued = PQputCopyData(m_conn, data, size);
        if (queued == 1)
            return flush();
        if (queued < 0 || !wait(POLLOUT) || PQflush(m_conn) < 0)
            return false;
    }
}

bool PgSocketWait::putCopyEnd(const char *errorMessage)
{
    for (;;) {
        const int queued = PQputCopyEnd(m_conn, errorMessage);
        if (queued != 0)
            return queued == 1 && flush();
        if (!wait(POLLOUT) || PQflush(m_conn) < 0)
            return false;
    }
}

} // namespace uaip
