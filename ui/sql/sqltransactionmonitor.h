#pragma once

#include "sqlconsole/heldtransaction.h"
#include "sqlconsole/sqltransactionstate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace uaip {

class SqlTabSession;

// Watches the transaction a SQL console tab holds, so that it never holds one unseen: after
// each job of the tab it learns what the session holds (SqlTransactionState); while that is a
// transaction it reads, every 2 s and from a session of its own (TransactionWatch on the
// tab's watch worker), its age, its idle time, the locks it holds and who waits for them.
// The runner's read transaction (a result's rows read through a cursor) is due to close after
// idleCloseMs without a job (idleCloseDue: the tab reads what is left of small results and ends
// it); the user's own transaction is only said, a warning once it idles kIdleWarningSeconds,
// and "blocking" as soon as a session waits for one of its locks.
class SqlTransactionMonitor : public QObject
{
    Q_OBJECT
public:
    enum class Level { None, Info, Warning, Blocking };
    static constexpr int kIdleWarningSeconds = 30;
    static constexpr int kDefaultIdleCloseMs = 10000;

    explicit SqlTransactionMonitor(SqlTabSession *session, QObject *parent = nullptr);

    // What the tab's session holds after one of its jobs.
    void setState(const SqlTransactionState &state);
    // A new target: nothing held, no watch pending.
    void reset();
    const SqlTransactionState &state() const { return m_state; }
    // 0: the read transaction never closes on its own.
    void setIdleCloseMs(int ms) { m_idleCloseMs = ms; }
    int idleCloseMs() const { return m_idleCloseMs; }
    // What the last watch read (none before the first answer).
    const std::optional<HeldTransaction> &held() const { return m_held; }
    // The status line: empty when no transaction is open.
    QString text() const;
    Level level() const;

signals:
    void changed();
    void idleCloseDue();

private:
    void tick();
    void poll();
    QString locksText() const;
    QString waitersText() const;

    SqlTabSession *m_session;
    SqlTransactionState m_state;
    std::optional<HeldTransaction> m_held;
    QElapsedTimer m_since; // the transaction is open since (as the tab saw it)
    QElapsedTimer m_idle; // since the tab's last job
    QTimer m_tick;
    QTimer m_idleClose;
    int m_idleCloseMs = kDefaultIdleCloseMs;
    bool m_polling = false;
};

} // namespace uaip
