#include "statementdeadline.h"

#include "db/pgconnection.h"

#include <QLocale>

#include <chrono>

namespace uaip {

StatementDeadline::StatementDeadline(PgConnection &connection, int ms)
{
    if (ms <= 0)
        return;
    m_thread = std::thread([this, &connection, ms] {
        std::unique_lock lock(m_mutex);
        if (m_done.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_finished; }))
            return;
        m_expired = true;
        lock.unlock();
        connection.cancel(); // thread-safe; returns once the server took the request
    });
}

StatementDeadline::~StatementDeadline()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_done.notify_all();
    m_thread.join();
}

QString StatementDeadline::message(int ms)
{
    return tr("cancelled after %1 s (statement timeout)")
        .arg(QLocale().toString(double(ms) / 1000.0, 'g', 6));
}

} // namespace uaip
