#include "sessioncanceller.h"

#include "detachedcall.h"

#include <algorithm>
#include <climits>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
#include <utility>
#include <vector>

#include <libpq-fe.h>

namespace uaip {

namespace {

// PQcancel sends its packet with a plain send() on a socket of its own, which the server may
// have closed already (under load, a cancel racing the end of the command): SIGPIPE would end
// the process (the console's; the CLI ignores it, a test's harness reports a crash). Blocked for
// this thread while it sends; one that came is taken back before the mask is restored.
void cancelWithoutSigpipe(PGcancel *request)
{
    sigset_t sigpipe;
    sigset_t old;
    sigemptyset(&sigpipe);
    sigaddset(&sigpipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &sigpipe, &old);
    char buffer[256] = {};
    PQcancel(request, buffer, sizeof buffer);
    const timespec none{0, 0};
    while (sigtimedwait(&sigpipe, nullptr, &none) == SIGPIPE) { }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

} // namespace

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
    m_cancelNext = false;
    // A request to the last connection (its backend's key) cannot reach this one: not waited for.
    ++m_connection;
    m_requestsUnderWay = 0;
    m_cut = false;
}

void SessionCanceller::detach()
{
    std::lock_guard lock(m_mutex);
    m_cancel.reset();
    m_running = false;
    m_requested = 0;
    m_cancelNext = false;
    ++m_connection;
    m_requestsUnderWay = 0;
}

void SessionCanceller::beginWork()
{
    std::lock_guard lock(m_mutex);
    m_inWork = true;
    m_cancelNext = false;
}

void SessionCanceller::endWork()
{
    std::lock_guard lock(m_mutex);
    m_inWork = false;
    m_cancelNext = false;
}

void SessionCanceller::cancel()
{
    bool wakeUp = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_pausing) { // the pause that runs now, with a connection or without
            m_pauseCancelled = true;
            m_pauseEnded.notify_all();
        }
        if (m_waiting || m_inWaits) { // the waitReady() (or run of them) now: woken by the pipe
            m_waitCancelled = true;
            wakeUp = true;
        }
        if (m_connecting) {
            m_connectCancelled = true; // the connection being opened
            wakeUp = true;
        } else if (m_cancel && !m_running) {
            m_cancelNext = m_inWork; // between two commands of a job: its next one
        } else if (m_cancel) {
            m_requested = m_command;
            wakeUp = true;
        }
    }
    if (wakeUp)
        wake();
}

void SessionCanceller::beginConnect()
{
    std::lock_guard lock(m_mutex);
    m_connecting = true;
    m_connectCancelled = false;
}

bool SessionCanceller::endConnect()
{
    std::lock_guard lock(m_mutex);
    m_connecting = false;
    return std::exchange(m_connectCancelled, false);
}

bool SessionCanceller::takeConnectCancel()
{
    char drain[64];
    while (m_pipe[0] >= 0 && ::read(m_pipe[0], drain, sizeof drain) > 0) { }
    std::lock_guard lock(m_mutex);
    return m_connectCancelled;
}

bool SessionCanceller::pause(int ms, const std::atomic_bool *cancelled)
{
    std::unique_lock lock(m_mutex);
    m_pausing = true;
    m_pauseCancelled = false;
    // m_cancelNext is read, not taken: the work's next command is still cancelled once.
    const bool ended = m_pauseEnded.wait_for(lock, std::chrono::milliseconds(std::max(ms, 0)), [&] {
        return m_pauseCancelled || m_cancelNext || (cancelled && cancelled->load());
    });
    m_pausing = false;
    m_pauseCancelled = false;
    return !ended;
}

SessionCanceller::WaitEnd SessionCanceller::waitReady(std::span<pollfd> fds, int ms,
                                                      const std::atomic_bool *cancelled)
{
    // Without a wake-up pipe (no descriptor left) a cancel is noticed at this pace.
    constexpr qint64 kWithoutPipeMs = 100;
    const QDeadlineTimer until(ms < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                      : QDeadlineTimer(ms));
    // m_cancelNext is read, not taken, as by a pause.
    const auto isCancelled
        = [&] { return m_waitCancelled || m_cancelNext || (cancelled && cancelled->load()); };
    {
        std::lock_guard lock(m_mutex);
        m_waiting = true;
        if (!m_inWaits)
            m_waitCancelled = false;
    }
    std::vector<pollfd> polled(fds.begin(), fds.end());
    polled.push_back({m_pipe[0], POLLIN, 0});
    const nfds_t count = nfds_t(polled.size()) - (m_pipe[0] < 0 ? 1 : 0);
    WaitEnd end = WaitEnd::TimedOut;
    for (bool polledOnce = false;; polledOnce = true) {
        {
            std::lock_guard lock(m_mutex);
            if (isCancelled()) {
                end = WaitEnd::Cancelled;
                break;
            }
        }
        if (polledOnce && until.hasExpired())
            break;
        qint64 timeout = until.isForever() ? -1 : until.remainingTime();
        if (m_pipe[0] < 0)
            timeout = timeout < 0 ? kWithoutPipeMs : std::min(timeout, kWithoutPipeMs);
        for (pollfd &p : polled)
            p.revents = 0;
        const int ready = ::poll(polled.data(), count, int(std::min<qint64>(timeout, INT_MAX)));
        if (ready > 0 && m_pipe[0] >= 0 && polled.back().revents != 0) {
            char drain[64];
            while (::read(m_pipe[0], drain, sizeof drain) > 0) { }
        }
        const bool any = ready > 0
            && std::any_of(polled.begin(), polled.begin() + std::ptrdiff_t(fds.size()),
                           [](const pollfd &p) { return p.revents != 0; });
        if (any) {
            std::lock_guard lock(m_mutex);
            end = isCancelled() ? WaitEnd::Cancelled : WaitEnd::Ready;
            break;
        }
    }
    for (size_t i = 0; i < fds.size(); ++i)
        fds[i].revents = end == WaitEnd::Ready ? polled[i].revents : short(0);
    std::lock_guard lock(m_mutex);
    m_waiting = false;
    if (!m_inWaits)
        m_waitCancelled = false;
    return end;
}

void SessionCanceller::beginWaits()
{
    std::lock_guard lock(m_mutex);
    m_inWaits = true;
    m_waitCancelled = false;
}

void SessionCanceller::endWaits()
{
    std::lock_guard lock(m_mutex);
    m_inWaits = false;
    m_waitCancelled = false;
}

void SessionCanceller::wake()
{
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
    m_resendAt = QDeadlineTimer(QDeadlineTimer::Forever);
    m_tickAt = QDeadlineTimer(m_tickMs); // the connection's thread: only it reads the tick
    if (std::exchange(m_cancelNext, false)) {
        m_requested = m_command; // taken by the first wait, once the command is sent
        lock.unlock();
        wake();
    }
}

void SessionCanceller::setWaitTick(int everyMs, std::function<void()> tick)
{
    m_tickMs = std::max(everyMs, 1);
    m_tick = std::move(tick);
    m_tickAt = QDeadlineTimer(m_tickMs);
}

void SessionCanceller::tickIfDue()
{
    if (!m_tick || !m_tickAt.hasExpired())
        return;
    const std::function<void()> tick = m_tick; // it may set another one
    tick();
    if (m_tick)
        m_tickAt = QDeadlineTimer(m_tickMs);
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
    m_resendMs = kFirstResendMs;
    m_resendAt = QDeadlineTimer(m_resendMs);
    dispatchRequest();
}

void SessionCanceller::resendIfDue()
{
    if (!m_requestSent || !m_resendAt.hasExpired())
        return;
    m_resendMs *= 2;
    m_resendAt = QDeadlineTimer(m_resendMs);
    {
        std::lock_guard lock(m_mutex);
        if (m_requestsUnderWay > 0)
            return; // the last one has not been answered yet: it may still cancel
    }
    dispatchRequest();
}

QDeadlineTimer SessionCanceller::requestWakeAt() const
{
    return std::min(m_cutAt, m_resendAt);
}

void SessionCanceller::dispatchRequest()
{
    std::shared_ptr<PGcancel> request;
    quint64 connection = 0;
    {
        std::lock_guard lock(m_mutex);
        request = m_cancel;
        if (!request)
            return;
        ++m_requestsUnderWay;
        connection = m_connection;
    }
    const auto ended = [self = shared_from_this(), connection] {
        std::lock_guard lock(self->m_mutex);
        if (self->m_connection == connection)
            --self->m_requestsUnderWay;
        self->m_requestsEnded.notify_all();
    };
    const bool started = DetachedCall::start([ended, request] {
        cancelWithoutSigpipe(request.get());
        ended();
    });
    if (!started)
        ended(); // no thread left: the grace period's cut ends the command
}

} // namespace uaip
