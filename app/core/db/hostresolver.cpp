#include "hostresolver.h"

#include "detachedcall.h"
#include "sessioncanceller.h"

#include <fcntl.h>
#include <mutex>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

namespace uaip {

namespace {

// One lookup, shared by the thread that runs it and the thread that waits for it.
struct Lookup
{
    Lookup()
    {
        if (::pipe2(done, O_CLOEXEC | O_NONBLOCK) != 0)
            done[0] = done[1] = -1;
    }
    ~Lookup()
    {
        for (const int fd : done)
            if (fd >= 0)
                ::close(fd);
    }
    Lookup(const Lookup &) = delete;
    Lookup &operator=(const Lookup &) = delete;

    void run(const QByteArray &host, int flags)
    {
        int rc = 0;
        const QList<QByteArray> found = lookUp(host, flags, &rc);
        {
            std::lock_guard lock(mutex);
            error = rc;
            addresses = found;
            finished = true;
        }
        if (done[1] >= 0) {
            const char byte = 1;
            [[maybe_unused]] const ssize_t n = ::write(done[1], &byte, 1);
        }
    }

    static QList<QByteArray> lookUp(const QByteArray &host, int flags, int *rc)
    {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = flags;
        addrinfo *list = nullptr;
        *rc = ::getaddrinfo(host.constData(), nullptr, &hints, &list);
        QList<QByteArray> found;
        for (addrinfo *a = *rc == 0 ? list : nullptr; a; a = a->ai_next) {
            char text[NI_MAXHOST] = {};
            if (::getnameinfo(a->ai_addr, a->ai_addrlen, text, sizeof text, nullptr, 0,
                              NI_NUMERICHOST)
                == 0)
                found.append(QByteArray(text));
        }
        if (list)
            ::freeaddrinfo(list);
        return found;
    }

    int done[2] = {-1, -1};
    std::mutex mutex;
    bool finished = false; // guarded
    int error = 0; // guarded
    QList<QByteArray> addresses; // guarded
};

} // namespace

HostResolver::Found HostResolver::resolve(const QByteArray &host, SessionCanceller &canceller,
                                          const QDeadlineTimer &deadline)
{
    Found found;
    // An address needs no resolver.
    found.addresses = Lookup::lookUp(host, AI_NUMERICHOST, &found.error);
    if (found.error == 0)
        return found;
    auto lookup = std::make_shared<Lookup>();
    const bool waiting
        = lookup->done[0] >= 0 && DetachedCall::start([lookup, host] { lookup->run(host, 0); });
    if (!waiting)
        lookup->run(host, 0); // no thread or pipe left: here, uncancellable
    for (;;) {
        {
            std::lock_guard lock(lookup->mutex);
            if (lookup->finished)
                break;
        }
        found.wait = PgSocketWait::forConnect(lookup->done[0], POLLIN, canceller, deadline);
        if (found.wait != PgSocketWait::ConnectWait::Ready)
            return found;
    }
    std::lock_guard lock(lookup->mutex);
    found.error = lookup->error;
    found.addresses = lookup->addresses;
    if (found.error != 0)
        //: libpq's words for it; %2 the resolver's reason
        found.message = tr("could not translate host name \"%1\" to address: %2")
                            .arg(QString::fromUtf8(host),
                                 QString::fromLocal8Bit(::gai_strerror(found.error)));
    return found;
}

} // namespace uaip
