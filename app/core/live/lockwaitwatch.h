#pragma once

#include "forecast/lockblocker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace uaip {

class PgConnection;
class PgResult;

// What a migration statement waits for, seen by a second session while it waits (issue 59,
// point 3), never guessed afterwards: pg_blocking_pids of the runner's backend names the
// sessions that hold it up (live/sql/lock_wait_blockers.sql) — the holder of a table lock, the
// transaction that holds a row a batch waits for (a transactionid wait), the older transactions
// a CREATE INDEX CONCURRENTLY waits out (virtualxid waits) — and never the platform's sessions
// that queued behind the migration. The looks run from the wait itself (PgConnection::
// setWaitTick), on the runner's thread: once the session answered nothing for 100 ms (a
// pipeline's statements answer one by one: while they do, nothing waits and no look is made),
// then every 500 ms, on a side connection opened at the first look and kept. While the statement
// waits for a lock, a progress line every 2 s says what for, who holds it up and how long it
// waited. A budget (watch()'s cancelAfterMs) cancels the statement once it waited that long in all:
// lock_timeout bounds a concurrent index build's waits one at a time only.
class LockWaitWatch
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LockWaitWatch)

public:
    static constexpr int kTickMs = 100;
    static constexpr int kLookEveryMs = 500;
    static constexpr int kProgressEveryMs = 2000;
    static constexpr int kLookDeadlineMs = 2000;

    // What the watched statement was seen waiting for.
    struct Seen
    {
        // what for: a table's lock, a row's, other transactions to end (a CONCURRENTLY index
        // build's virtualxid waits), another lock
        enum class Kind { Table, Row, Transactions, Other };
        Kind kind = Kind::Other;
        QString waitedFor; // "a row of t locked by transaction 812"; empty: not seen waiting
        QList<LockBlocker> blockers; // who held it up, at the last look that saw it wait
        QString error; // a look failed (or the side connection could not be opened): why
        qint64 waitedMs = 0; // how long it was seen waiting, about (to a look's pace)
    };

    // Ends the watch of a statement (watch()).
    class Scope
    {
    public:
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        friend class LockWaitWatch;
        explicit Scope(LockWaitWatch &watch)
            : m_watch(watch)
        { }
        LockWaitWatch &m_watch;
    };

    // notice: the progress lines (the runner's, on its thread).
    LockWaitWatch(PgConnection &connection, std::function<void(const QString &)> notice);
    ~LockWaitWatch();
    LockWaitWatch(const LockWaitWatch &) = delete;
    LockWaitWatch &operator=(const LockWaitWatch &) = delete;

    // Watches what runs on the connection until the scope ends. label names it in the progress
    // lines (a migration's id); cancelAfterMs > 0: the statement is cancelled (the connection's
    // cancel, pg_cancel_backend's request) once it waited that long for locks.
    [[nodiscard]] Scope watch(const QString &label, int cancelAfterMs = 0);
    // Whether the last watched statement was cancelled because its cancelAfterMs was spent.
    bool cancelledForBudget() const { return m_cancelled; }
    // What the last watched statement was seen waiting for; none when no look saw it wait and
    // none failed. Taken once.
    std::optional<Seen> take();

private:
    void tick();
    // One look through the side connection; false when it could not be had.
    bool look();
    bool openSide();
    void readWait(const PgResult &r);
    QString progressLine() const;

    PgConnection &m_connection;
    std::function<void(const QString &)> m_notice;
    std::unique_ptr<PgConnection> m_side;
    QString m_sideError; // the side connection could not be opened: not tried again
    QString m_label;
    int m_cancelAfterMs = 0;
    bool m_cancelled = false;
    bool m_waiting = false; // the last look saw it wait for a lock
    QElapsedTimer m_started; // the watch's
    qint64 m_lastTickMs = 0;
    // The connection's answers at the last tick, and when they last grew: a session that
    // answered since the last tick waited for nothing all that while (no look, no side
    // connection: a long pipeline of quick statements is no wait)
    quint64 m_answers = 0;
    qint64 m_answeredAtMs = 0;
    qint64 m_lastLookMs = -1; // -1: no look yet
    qint64 m_nextProgressMs = kProgressEveryMs;
    std::optional<Seen> m_seen;
};

} // namespace uaip
