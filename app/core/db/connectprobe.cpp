#include "connectprobe.h"

#include "pgsocketwait.h"

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace uaip {

namespace {

// Closes the descriptor when it goes.
struct Descriptor
{
    int fd;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

ConnectFailure::Cause ConnectProbe::causeOf(int error)
{
    using Cause = ConnectFailure::Cause;
    switch (error) {
    case ECONNREFUSED:
        return Cause::Refused;
    case ENOENT:
        return Cause::NoSocket;
    case EHOSTUNREACH:
    case ENETUNREACH:
    case EHOSTDOWN:
    case ENETDOWN:
        return Cause::Unreachable;
    case ETIMEDOUT:
        return Cause::TimedOut;
    default:
        return Cause::Other;
    }
}

ConnectFailure::Cause ConnectProbe::tcp(const QByteArray &address, const QByteArray &port,
                                        SessionCanceller &canceller, const QDeadlineTimer &deadline)
{
    using Cause = ConnectFailure::Cause;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    addrinfo *list = nullptr;
    if (::getaddrinfo(address.constData(), port.constData(), &hints, &list) != 0 || !list)
        return Cause::Other;
    const Descriptor s{::socket(list->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)};
    int error = s.fd < 0 ? errno : 0;
    if (s.fd >= 0 && ::connect(s.fd, list->ai_addr, list->ai_addrlen) != 0)
        error = errno;
    ::freeaddrinfo(list);
    if (error == EINPROGRESS) {
        switch (PgSocketWait::forConnect(s.fd, POLLOUT, canceller, deadline)) {
        case PgSocketWait::ConnectWait::Ready: {
            socklen_t length = sizeof error;
            if (::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
                error = errno;
            break;
        }
        case PgSocketWait::ConnectWait::Cancelled:
            return Cause::Cancelled;
        case PgSocketWait::ConnectWait::TimedOut:
            return Cause::TimedOut;
        case PgSocketWait::ConnectWait::Failed:
            return Cause::Other;
        }
    }
    return error == 0 ? Cause::Other : causeOf(error);
}

ConnectFailure::Cause ConnectProbe::socket(const QByteArray &folder, const QByteArray &port)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    QByteArray path = folder + "/.s.PGSQL." + port;
    const bool abstract = path.startsWith('@');
    if (path.size() >= qsizetype(sizeof address.sun_path))
        return ConnectFailure::Cause::Other;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (abstract)
        address.sun_path[0] = '\0';
    const socklen_t length
        = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()) + (abstract ? 0 : 1));
    const Descriptor s{::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)};
    if (s.fd < 0)
        return ConnectFailure::Cause::Other;
    if (::connect(s.fd, reinterpret_cast<const sockaddr *>(&address), length) == 0)
        return ConnectFailure::Cause::Other;
    return causeOf(errno);
}

} // namespace uaip
