#pragma once

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace uaip {

class PgConnection;

// The SQL console's statement timeout, kept by the client: once ms have passed, what runs on
// the connection is cancelled (PgConnection::cancel, a cancel request to the server) and the
// statement fails with 57014. No statement_timeout is set on the server: a session setting
// would stay on a pooled backend behind a transaction pooler and reach the next client.
// The destructor disarms it and waits for a cancel request under way, so none reaches the
// next command. ms <= 0: no deadline (no thread).
class StatementDeadline
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StatementDeadline)

public:
    StatementDeadline(PgConnection &connection, int ms);
    ~StatementDeadline();
    StatementDeadline(const StatementDeadline &) = delete;
    StatementDeadline &operator=(const StatementDeadline &) = delete;

    // Whether the deadline passed and the cancel was sent.
    bool expired() const { return m_expired.load(); }
    // "cancelled after N s (statement timeout)"
    static QString message(int ms);

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false; // guarded by m_mutex
    std::atomic_bool m_expired{false};
    std::thread m_thread;
};

} // namespace uaip
