#pragma once

#include "error/result.h"

#include <QCoreApplication>

#include <atomic>

namespace uaip {

class SessionCanceller;

// The lock under which a start run as root looks for the sandbox's OS user and makes it
// (SandboxServerUser::ensure): an exclusive flock(2) on the user database's lock file,
// /etc/.pwd.lock, which every start takes. useradd's own lock on that file (lckpwdf) is an
// fcntl(2) lock, which a flock neither blocks nor is blocked by. Held until destroyed.
class SandboxUserLock
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxUserLock)

public:
    static constexpr const char *kPath = "/etc/.pwd.lock";
    static constexpr int kWaitMs = 60000;

    // Waits for the lock at most kWaitMs (Conflict after that; Cancelled when canceller's
    // cancel() or *cancelled ends the wait; Io when the file cannot be opened).
    static Result<SandboxUserLock> acquire(SessionCanceller *canceller = nullptr,
                                           const std::atomic_bool *cancelled = nullptr);

    SandboxUserLock(SandboxUserLock &&other) noexcept;
    SandboxUserLock &operator=(SandboxUserLock &&other) noexcept;
    SandboxUserLock(const SandboxUserLock &) = delete;
    SandboxUserLock &operator=(const SandboxUserLock &) = delete;
    ~SandboxUserLock();

private:
    explicit SandboxUserLock(int fd)
        : m_fd(fd)
    { }

    int m_fd = -1;
};

} // namespace uaip
