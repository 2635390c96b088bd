#include "sandboxuserlock.h"

#include "sessioncanceller.h"

#include <QDeadlineTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace uaip {

Result<SandboxUserLock> SandboxUserLock::acquire(SessionCanceller *canceller,
                                                 const std::atomic_bool *cancelled)
{
    const QString path = QString::fromLatin1(kPath);
    const int fd = ::open(kPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return Error(ErrorCode::Io,
                     tr("cannot open %1 to make the sandbox's OS user: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno))),
                     {{QStringLiteral("path"), path}});
    SandboxUserLock lock(fd);
    SessionCanceller own;
    SessionCanceller *pauses = canceller ? canceller : &own;
    const QDeadlineTimer deadline(kWaitMs);
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return Error(
                ErrorCode::Io,
                tr("cannot lock %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))),
                {{QStringLiteral("path"), path}});
        if (deadline.hasExpired())
            return Error(ErrorCode::Conflict,
                         tr("another process has held %1 for %2 s: the sandbox's OS user could "
                            "not be made")
                             .arg(path)
                             .arg(kWaitMs / 1000),
                         {{QStringLiteral("path"), path}});
        if (!pauses->pause(50, cancelled))
            return Error(ErrorCode::Cancelled, tr("cancelled"), {{QStringLiteral("path"), path}});
    }
    return lock;
}

SandboxUserLock::SandboxUserLock(SandboxUserLock &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{ }

SandboxUserLock &SandboxUserLock::operator=(SandboxUserLock &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

SandboxUserLock::~SandboxUserLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // the flock ends with the descriptor
}

} // namespace uaip
