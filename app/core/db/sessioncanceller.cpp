#include "sessioncanceller.h"

#include <QElapsedTimer>
#include <QMutexLocker>

#include <chrono>
#include <sys/socket.h>
#include <thread>

#include <libpq-fe.h>

namespace uaip {

SessionCanceller::SessionCanceller(PGconn *connection, int graceMs)
    : m_connection(connection)
    , m_cancel(connection ? PQgetCancel(connection) : nullptr, &PQfreeCancel)
    , m_graceMs(graceMs)
{ }

SessionCanceller::~SessionCanceller()
{
    detach();
}

void SessionCanceller::detach()
{
    QMutexLocker lock(&m_mutex);
    m_connection = nullptr;
    m_cancel.reset();
}

void SessionCanceller::cancel()
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connection)
            return;
    }
    const quint64 serial = m_workSerial.load();
    if ((serial & 1) == 0)
        return; // nothing runs (beginWork makes the serial odd, endWork even again)
    // Counted before this returns, so the worker's next beginWork() waits for it.
    ++m_requests;
    // The thread keeps this object alive; it never touches a connection that was detached.
    std::thread([self = shared_from_this(), serial] { self->requestAndWatch(serial); }).detach();
}

void SessionCanceller::beginWork()
{
    QElapsedTimer clock;
    clock.start();
    while (m_requests.load() > 0 && clock.elapsed() < m_graceMs)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++m_workSerial;
}

void SessionCanceller::requestAndWatch(quint64 serial)
{
    QElapsedTimer clock;
    clock.start();
    {
        // PQcancel may block for as long as the server does not answer: run it on its own
        // thread, which holds the cancel data, so this one can watch the clock.
        std::shared_ptr<PGcancel> request;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_connection || !m_cancel) {
                --m_requests;
                return;
            }
            request = m_cancel;
        }
        std::thread([self = shared_from_this(), request] {
            char buffer[256] = {};
            PQcancel(request.get(), buffer, sizeof buffer);
            --self->m_requests; // the server has the request: it has signalled the backend
        }).detach();
    }
    while (clock.elapsed() < m_graceMs) {
        if (m_workSerial.load() != serial)
            return; // the work ended: the cancel was answered (or was not needed)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    QMutexLocker lock(&m_mutex);
    if (!m_connection || m_workSerial.load() != serial)
        return;
    const int fd = PQsocket(m_connection);
    if (fd >= 0) {
        m_cut = true;
        ::shutdown(fd, SHUT_RDWR);
    }
}

} // namespace uaip
