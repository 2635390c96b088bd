#pragma once

#include "error/status.h"

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace uaip {

class SessionCanceller;

// Passes SIGINT and SIGTERM to onInterrupt while this object lives: the signal handler only
// writes a byte to a pipe (all a handler may do), and a thread blocked on that pipe calls
// onInterrupt, once, outside the handler (it may take locks and print). A second signal ends the
// process the default way. Nothing polls: the thread sleeps in read() until a signal or the
// destructor wakes it. One at a time per process. The handlers it replaced come back whole
// (sigaction: flags, mask, an SA_SIGINFO handler such as QtTest's), so a process that runs
// uaip-migrate's commands in-process keeps its own.
class InterruptWatch
{
public:
    explicit InterruptWatch(std::function<void()> onInterrupt);
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch &) = delete;
    InterruptWatch &operator=(const InterruptWatch &) = delete;

    // call() with SIGINT/SIGTERM cancelling it: interrupted set, then canceller's cancel(), so
    // the program a Sandbox waits for (initdb, pg_ctl: Sandbox::setCanceller with both) is
    // stopped and call fails Cancelled.
    static Status cancelling(SessionCanceller &canceller, std::atomic_bool &interrupted,
                             const std::function<Status()> &call);

private:
    std::function<void()> m_onInterrupt;
    int m_pipe[2] = {-1, -1};
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    std::thread m_thread;
};

} // namespace uaip
