#include "interruptwatch.h"

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace uaip {

namespace {

std::atomic_int g_interruptFd{-1};

constexpr char kInterrupted = 'i';
constexpr char kDone = 'd';

extern "C" void onInterruptSignal(int signal)
{
    const int fd = g_interruptFd.load();
    if (fd >= 0) {
        [[maybe_unused]] const ssize_t n = ::write(fd, &kInterrupted, 1);
    }
    std::signal(signal, SIG_DFL);
}

} // namespace

InterruptWatch::InterruptWatch(std::function<void()> onInterrupt)
    : m_onInterrupt(std::move(onInterrupt))
{
    if (::pipe2(m_pipe, O_CLOEXEC) != 0)
        return; // no pipe: the signals keep their default (the process ends)
    g_interruptFd.store(m_pipe[1]);
    m_previousInt = std::signal(SIGINT, onInterruptSignal);
    m_previousTerm = std::signal(SIGTERM, onInterruptSignal);
    m_thread = std::thread([this] {
        char byte = 0;
        bool called = false;
        while (::read(m_pipe[0], &byte, 1) == 1 && byte != kDone) {
            if (!called)
                m_onInterrupt();
            called = true;
        }
    });
}

InterruptWatch::~InterruptWatch()
{
    if (m_pipe[0] < 0)
        return;
    std::signal(SIGINT, m_previousInt);
    std::signal(SIGTERM, m_previousTerm);
    g_interruptFd.store(-1);
    [[maybe_unused]] const ssize_t n = ::write(m_pipe[1], &kDone, 1);
    m_thread.join();
    ::close(m_pipe[0]);
    ::close(m_pipe[1]);
}

} // namespace uaip
