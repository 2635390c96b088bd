#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "db/pgconnection.h"
#include "error/status.h"

#include <array>

namespace uaip {

// A real lock chain of three sessions, for screenshot mode and the tests: A takes a lock in an
// open transaction (BEGIN; lockSql) and stays idle in it, B runs lockSql and waits on A, C runs
// it and waits on B (for a row lock: lockSql = "SELECT ... FOR UPDATE", so nothing is
// written). Connections that are not the console's own sessions (OwnBackends): they stand for
// other clients. stop() (also the destructor) cancels B and C and rolls A back.
class LockChainDemo
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LockChainDemo)

public:
    LockChainDemo() = default;
    ~LockChainDemo();
    LockChainDemo(const LockChainDemo &) = delete;
    LockChainDemo &operator=(const LockChainDemo &) = delete;

    // Waits at most timeoutMs until the server reports C blocked by B and B by A: Connection
    // when a session cannot connect, the server's error when A cannot take its lock, Cancelled
    // (with "timeoutMs") when the sessions did not wait on each other in time.
    Status start(const QString &conninfo, const QByteArray &lockSql, int timeoutMs);
    void stop();

    static constexpr int kSessions = 3;
    int pid(int session) const;

private:
    Status open(int session, const QString &conninfo);
    bool blockedBy(PgConnection &checker, int pid, int blocker);

    std::array<PgConnection, kSessions> m_conns;
};

} // namespace uaip
