#include "sqltransactionmonitor.h"

#include "activity/activityage.h"
#include "db/session.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "sqlconsole/transactionwatch.h"
#include "sqltabsession.h"

#include <QPointer>

namespace uaip {

SqlTransactionMonitor::SqlTransactionMonitor(SqlTabSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    // Every 2 s: the watch reads pg_locks, which takes every lock partition's lock (a few ms,
    // ~100 ms with 100,000 locks in the cluster); the ages shown move on each tick.
    m_tick.setInterval(2000);
    connect(&m_tick, &QTimer::timeout, this, &SqlTransactionMonitor::tick);
    m_idleClose.setSingleShot(true);
    connect(&m_idleClose, &QTimer::timeout, this, &SqlTransactionMonitor::idleCloseDue);
}

void SqlTransactionMonitor::setState(const SqlTransactionState &state)
{
    const bool opened = state.open && !m_state.open;
    if (!state.open || state.serverPid != m_state.serverPid)
        m_held.reset();
    m_state = state;
    m_idle.start();
    if (opened)
        m_since.start();
    m_idleClose.stop();
    if (state.open && state.runnersRead && !state.cursors.isEmpty() && m_idleCloseMs > 0)
        m_idleClose.start(m_idleCloseMs);
    if (state.open && !m_tick.isActive())
        m_tick.start();
    if (!state.open)
        m_tick.stop();
    if (state.open)
        poll();
    emit changed();
}

void SqlTransactionMonitor::reset()
{
    m_polling = false;
    setState(SqlTransactionState());
}

void SqlTransactionMonitor::tick()
{
    if (!m_polling)
        poll();
    emit changed(); // the ages move on
}

void SqlTransactionMonitor::poll()
{
    if (m_state.serverPid == 0 || m_polling)
        return;
    m_polling = true;
    const QPointer<SqlTransactionMonitor> self(this);
    const int pid = m_state.serverPid;
    auto *job = new FunctionJob(
        tr("Watch the tab's transaction"), [self, pid](JobContext &context) -> Result<QString> {
            Result<Session *> session = context.session();
            Result<HeldTransaction> held = session
                ? TransactionWatch::read(session.value()->pg(), pid)
                : Result<HeldTransaction>(session.error());
            Job::reply(self, [self, pid, held] {
                if (!self)
                    return;
                self->m_polling = false;
                if (held && self->m_state.open && self->m_state.serverPid == pid) {
                    self->m_held = held.value();
                    emit self->changed();
                }
            });
            if (!held)
                return held.error();
            return QString();
        });
    if (!m_session->postWatch(job))
        m_polling = false;
}

QString SqlTransactionMonitor::locksText() const
{
    if (!m_held || m_held->locks.isEmpty())
        return QString();
    QStringList locks;
    for (const HeldTransaction::Lock &l : m_held->locks)
        locks.append(tr("%1 on %2").arg(TransactionWatch::modeName(l.mode), l.relation));
    if (m_held->lockCount > m_held->locks.size())
        locks.append(tr("%n more", nullptr, int(m_held->lockCount - m_held->locks.size())));
    return tr("holds %1").arg(locks.join(QStringLiteral(", ")));
}

QString SqlTransactionMonitor::waitersText() const
{
    if (!m_held || m_held->waiters.isEmpty())
        return QString();
    QStringList waits;
    for (const HeldTransaction::Waiter &w : m_held->waiters) {
        const QString mode = TransactionWatch::modeName(w.mode);
        if (!w.relation.isEmpty())
            waits.append(tr("pid %1 waits for %2 on %3").arg(w.pid).arg(mode, w.relation));
        else if (w.lockType == QLatin1String("transactionid"))
            waits.append(tr("pid %1 waits for a row this transaction (%2) changed")
                             .arg(w.pid)
                             .arg(w.transaction));
        else
            waits.append(tr("pid %1 waits for %2 (%3 lock)").arg(w.pid).arg(mode, w.lockType));
    }
    return tr("BLOCKS %n session(s): %1", nullptr, int(m_held->waiters.size()))
        .arg(waits.join(QStringLiteral("; ")));
}

QString SqlTransactionMonitor::text() const
{
    if (!m_state.open)
        return QString();
    const qint64 ageMs
        = m_held && m_held->open ? qint64(m_held->ageSeconds * 1000) : m_since.elapsed();
    const QString age = ActivityAge::text(ageMs);
    const QString idle = ActivityAge::text(m_idle.elapsed());
    QString line;
    if (m_state.runnersRead)
        line = m_idleCloseMs > 0
            ? tr("Read transaction open %1 for the result's rows; it ends when they are all "
                 "read, or after %2 idle (Close result ends it now)")
                  .arg(age, ActivityAge::text(m_idleCloseMs))
            : tr("Read transaction open %1 for the result's rows (Close result ends it)").arg(age);
    else if (m_state.failed)
        line = tr("Failed transaction open %1, idle %2: roll it back").arg(age, idle);
    else
        line = tr("Transaction open %1, idle %2: commit or roll back").arg(age, idle);
    for (const QString &part : {locksText(), waitersText()})
        if (!part.isEmpty())
            line += QStringLiteral("  —  ") + part;
    return line;
}

SqlTransactionMonitor::Level SqlTransactionMonitor::level() const
{
    if (!m_state.open)
        return Level::None;
    if (m_held && !m_held->waiters.isEmpty())
        return Level::Blocking;
    if (!m_state.runnersRead && m_idle.elapsed() >= kIdleWarningSeconds * 1000)
        return Level::Warning;
    return Level::Info;
}

} // namespace uaip
