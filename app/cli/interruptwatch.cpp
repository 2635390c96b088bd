#include "interruptwatch.h"

#include "db/sessioncanceller.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace uaip {

namespace {

constexpr char kInterrupted = 'i';
constexpr char kDone = 'd';

// One pipe for the process's life, never closed: a handler running on another thread while a
// watch ends can never write into a descriptor number reused by something else.
int *processPipe()
{
    static int fds[2] = {-1, -1};
    static const bool made = ::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0;
    return made ? fds : nullptr;
}

std::atomic_bool g_watching{false};

extern "C" void onInterruptSignal(int signal)
{
    const int saved = errno;
    const int *fds = processPipe(); // made before any handler is installed
    if (g_watching.load() && fds) {
        [[maybe_unused]] const ssize_t n = ::write(fds[1], &kInterrupted, 1);
    }
    std::signal(signal, SIG_DFL);
    errno = saved;
}

void drain(int fd)
{
    char bytes[64];
    while (::read(fd, bytes, sizeof bytes) > 0) { }
}

} // namespace

InterruptWatch::InterruptWatch(std::function<void()> onInterrupt)
    : m_onInterrupt(std::move(onInterrupt))
{
    const int *fds = processPipe();
    if (!fds)
        return; // no pipe: the signals keep their default (the process ends)
    m_pipe[0] = fds[0];
    m_pipe[1] = fds[1];
    drain(m_pipe[0]); // a signal that came as the last watch ended
    g_watching.store(true);
    struct sigaction action = {};
    action.sa_handler = onInterruptSignal;
    action.sa_flags = SA_RESTART; // as std::signal installs it
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &m_previousInt);
    sigaction(SIGTERM, &action, &m_previousTerm);
    m_thread = std::thread([this] {
        bool called = false;
        for (;;) {
            pollfd readable{m_pipe[0], POLLIN, 0};
            if (::poll(&readable, 1, -1) < 0 && errno != EINTR)
                return;
            char byte = 0;
            while (::read(m_pipe[0], &byte, 1) == 1) {
                if (byte == kDone)
                    return;
                if (!called)
                    m_onInterrupt();
                called = true;
            }
        }
    });
}

InterruptWatch::~InterruptWatch()
{
    if (m_pipe[0] < 0)
        return;
    sigaction(SIGINT, &m_previousInt, nullptr);
    sigaction(SIGTERM, &m_previousTerm, nullptr);
    g_watching.store(false);
    [[maybe_unused]] const ssize_t n = ::write(m_pipe[1], &kDone, 1);
    m_thread.join();
}

Status InterruptWatch::cancelling(SessionCanceller &canceller, std::atomic_bool &interrupted,
                                  const std::function<Status()> &call)
{
    const InterruptWatch interrupt([&canceller, &interrupted] {
        interrupted = true;
        canceller.cancel();
    });
    return call();
}

} // namespace uaip
