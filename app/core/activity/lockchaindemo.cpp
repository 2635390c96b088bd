#include "lockchaindemo.h"

#include "db/sessioncanceller.h"
#include "db/transaction.h"

#include <QDeadlineTimer>

namespace uaip {

LockChainDemo::~LockChainDemo()
{
    stop();
}

int LockChainDemo::pid(int session) const
{
    return m_conns[size_t(session)].backendPid();
}

Status LockChainDemo::open(int session, const QString &conninfo)
{
    PgConnection::OpenOptions options;
    options.applicationName = QStringLiteral("lock demo %1").arg(QChar(u'A' + session));
    options.forceApplicationName = true;
    options.ownSession = false;
    PgConnection &c = m_conns[size_t(session)];
    if (!c.open(conninfo, options))
        return Error(ErrorCode::Connection,
                     tr("lock demo: cannot connect: %1").arg(c.connectionError()));
    return {};
}

bool LockChainDemo::blockedBy(PgConnection &checker, int pid, int blocker)
{
    return checker.scalar("SELECT $2::int = ANY (pg_blocking_pids($1::int))", {pid, blocker})
        == u't';
}

Status LockChainDemo::start(const QString &conninfo, const QByteArray &lockSql, int timeoutMs)
{
    stop();
    for (int i = 0; i < kSessions; ++i)
        if (Status opened = open(i, conninfo); !opened)
            return opened;
    m_conns[0].execOne(Transaction::beginCommand()); // A holds its lock until stop()
    const PgResult locked = m_conns[0].execOne(lockSql);
    if (!locked.ok())
        return Error(locked.error()).in(tr("lock demo"));
    PgConnection checker;
    PgConnection::OpenOptions checkerOptions;
    checkerOptions.ownSession = false;
    const QDeadlineTimer deadline(timeoutMs);
    bool ok = checker.open(conninfo, checkerOptions);
    // B first, and only once B waits C: C then queues behind B, not behind A.
    for (int i = 1; ok && i < kSessions; ++i) {
        if (!m_conns[size_t(i)].send(lockSql)) {
            ok = false;
            break;
        }
        // Only the deadline ends this wait: start() runs on its caller's thread, and stop()
        // cannot run meanwhile (the demo is not thread-safe). The pause is the checker's
        // (SessionCanceller::pause), which a cancel of its query would end; none is asked here.
        while (!blockedBy(checker, pid(i), pid(i - 1))) {
            if (deadline.hasExpired() || !checker.canceller()->pause(20)) {
                ok = false;
                break;
            }
        }
    }
    if (!ok)
        return Error(
            ErrorCode::Cancelled,
            tr("lock demo: the sessions did not wait on each other within %1 ms").arg(timeoutMs),
            {{QStringLiteral("timeoutMs"), timeoutMs}});
    return {};
}

void LockChainDemo::stop()
{
    // C, then B: cancel their waits and read what is left; then A rolls back.
    for (int i = kSessions - 1; i >= 0; --i) {
        PgConnection &c = m_conns[size_t(i)];
        if (!c.isOpen()) {
            c.close();
            continue;
        }
        if (i > 0 && c.isBusy())
            c.cancel();
        c.discardResults();
        if (i == 0)
            c.execOne(Transaction::rollbackCommand());
        c.close();
    }
}

} // namespace uaip
