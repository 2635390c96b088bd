#include "sessioncanceller.h"

#include <fcntl.h>
#include <thread>
#include <unistd.h>

#include <libpq-fe.h>

namespace uaip {

SessionCanceller::SessionCanceller()
{
    if (::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        m_pipe[0] = m_pipe[1] = -1; // then a cancel is noticed at the grace period's pace only
}

SessionCanceller::~SessionCanceller()
{
    for (const int fd : m_pipe)
        if (fd >= 0)
            ::close(fd);
}

void SessionCanceller::attach(PGconn *connection)
{
    std::lock_guard lock(m_mutex);
    m_cancel.reset(connection ? PQgetCancel(connection) : nullptr, &PQfreeCancel);
    m_running = false;
    m_requested = 0;
    m_cut = false;
}

void SessionCanceller::detach()
{
    std::lock_guard lock(m_mutex);
    m_cancel.reset();
    m_running = false;
    m_requested = 0;
}

void SessionCanceller::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_cancel || !m_running)
            return; // nothing runs: a request now could only reach the next command
        m_requested = m_command;
    }
    if (m_pipe[1] >= 0) {
        const char wake = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_pipe[1], &wake, 1); // full: already awake
    }
}

void SessionCanceller::commandStarted()
{
    std::unique_lock lock(m_mutex);
    m_requestsEnded.wait_for(lock, std::chrono::milliseconds(m_graceMs.load()),
                             [this] { return m_requestsUnderWay == 0; });
    ++m_command;
    m_running = true;
    m_requestSent = false;
    m_cutAt = QDeadlineTimer(QDeadlineTimer::Forever);
}

void SessionCanceller::commandSettled(bool stillRunning)
{
    std::lock_guard lock(m_mutex);
    m_running = stillRunning;
}

bool SessionCanceller::takeRequest()
{
    char drain[64];
    while (m_pipe[0] >= 0 && ::read(m_pipe[0], drain, sizeof drain) > 0) { }
    std::lock_guard lock(m_mutex);
    return m_running && m_requested == m_command;
}

void SessionCanceller::sendRequest()
{
    if (m_requestSent)
        return;
    m_requestSent = true;
    m_cutAt = QDeadlineTimer(m_graceMs.load());
    std::shared_ptr<PGcancel> request;
    {
        std::lock_guard lock(m_mutex);
        request = m_cancel;
        if (!request)
            return;
        ++m_requestsUnderWay;
    }
    std::thread([self = shared_from_this(), request] {
        char buffer[256] = {};
        PQcancel(request.get(), buffer, sizeof buffer);
        std::lock_guard lock(self->m_mutex);
        --self->m_requestsUnderWay;
        self->m_requestsEnded.notify_all();
    }).detach();
}

} // namespace uaip
