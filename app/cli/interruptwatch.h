#pragma once

#include <functional>
#include <thread>

namespace uaip {

// Passes SIGINT and SIGTERM to onInterrupt while this object lives: the signal handler only
// writes a byte to a pipe (all a handler may do), and a thread blocked on that pipe calls
// onInterrupt, once, outside the handler (it may take locks and print). A second signal ends the
// process the default way. Nothing polls: the thread sleeps in read() until a signal or the
// destructor wakes it. One at a time per process.
class InterruptWatch
{
public:
    explicit InterruptWatch(std::function<void()> onInterrupt);
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch &) = delete;
    InterruptWatch &operator=(const InterruptWatch &) = delete;

private:
    std::function<void()> m_onInterrupt;
    int m_pipe[2] = {-1, -1};
    void (*m_previousInt)(int) = nullptr;
    void (*m_previousTerm)(int) = nullptr;
    std::thread m_thread;
};

} // namespace uaip
