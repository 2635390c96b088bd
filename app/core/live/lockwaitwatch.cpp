#include "lockwaitwatch.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"
#include "util/visibletext.h"

#include <QDeadlineTimer>

#include <algorithm>

namespace uaip {

namespace {

QString waitedSeconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

LockWaitWatch::Scope::~Scope()
{
    m_watch.m_connection.setWaitTick(0, {});
}

LockWaitWatch::LockWaitWatch(PgConnection &connection, std::function<void(const QString &)> notice)
    : m_connection(connection)
    , m_notice(std::move(notice))
{ }

LockWaitWatch::~LockWaitWatch() = default;

LockWaitWatch::Scope LockWaitWatch::watch(const QString &label, int cancelAfterMs)
{
    m_label = label;
    m_cancelAfterMs = qMax(0, cancelAfterMs);
    m_cancelled = false;
    m_waiting = false;
    m_lastTickMs = 0;
    m_answers = m_connection.answers();
    m_answeredAtMs = 0;
    m_lastLookMs = -1;
    m_nextProgressMs = kProgressEveryMs;
    m_seen.reset();
    m_started.start();
    m_connection.setWaitTick(kTickMs, [this] { tick(); });
    return Scope(*this);
}

std::optional<LockWaitWatch::Seen> LockWaitWatch::take()
{
    std::optional<Seen> seen;
    seen.swap(m_seen);
    return seen;
}

void LockWaitWatch::tick()
{
    const qint64 now = m_started.elapsed();
    if (const quint64 answers = m_connection.answers(); answers != m_answers) {
        m_answers = answers;
        m_answeredAtMs = now;
        m_lastTickMs = now;
        m_waiting = false; // whatever it waited for, it went on
        return;
    }
    if (m_waiting && m_seen)
        m_seen->waitedMs += now - m_lastTickMs;
    m_lastTickMs = now;
    const bool spent
        = m_cancelAfterMs > 0 && m_waiting && m_seen && m_seen->waitedMs >= m_cancelAfterMs;
    if (m_lastLookMs < 0 || now - m_lastLookMs >= kLookEveryMs || (spent && !m_cancelled)) {
        const bool wasWaiting = m_waiting;
        if (!look())
            return;
        // it started to wait since the last look (or the statement's start): counted from there
        if (m_waiting && !wasWaiting && m_seen)
            m_seen->waitedMs += now - std::max({qint64(0), m_lastLookMs, m_answeredAtMs});
        m_lastLookMs = now;
    }
    if (!m_waiting || !m_seen)
        return;
    if (m_cancelAfterMs > 0 && !m_cancelled && m_seen->waitedMs >= m_cancelAfterMs) {
        m_cancelled = true;
        m_notice(tr("%1: waited %2 s for %3, its lock budget: the statement is cancelled")
                     .arg(m_label, waitedSeconds(m_seen->waitedMs),
                          VisibleText::escaped(m_seen->waitedFor)));
        m_connection.cancel();
        return;
    }
    if (m_seen->waitedMs >= m_nextProgressMs) {
        m_nextProgressMs = m_seen->waitedMs + kProgressEveryMs;
        m_notice(progressLine());
    }
}

bool LockWaitWatch::openSide()
{
    if (m_side && m_side->isOpen())
        return true;
    if (!m_sideError.isEmpty())
        return false;
    m_side = std::make_unique<PgConnection>();
    PgConnection::OpenOptions options;
    options.applicationName = QStringLiteral("uaip lock watch");
    options.forceApplicationName = true; // told apart from the run's own session
    if (m_side->open(m_connection.conninfo(), options))
        return true;
    m_sideError = tr("a second session to see who it waits for could not be opened: %1")
                      .arg(m_side->connectionError());
    m_side.reset();
    return false;
}

bool LockWaitWatch::look()
{
    if (!openSide()) {
        if (!m_seen)
            m_seen = Seen{};
        m_seen->error = m_sideError;
        return false;
    }
    m_side->setStatementDeadline(QDeadlineTimer(kLookDeadlineMs));
    const PgResult r
        = m_side->exec(SqlResource::of("live", "lock_wait_blockers"), {m_connection.backendPid()});
    m_side->setStatementDeadline(QDeadlineTimer(QDeadlineTimer::Forever));
    if (!r.ok()) {
        if (!m_seen)
            m_seen = Seen{};
        m_seen->error = tr("who it waits for could not be read: %1").arg(r.error().message);
        return false;
    }
    readWait(r);
    return true;
}

void LockWaitWatch::readWait(const PgResult &r)
{
    m_waiting = r.rows() > 0;
    if (!m_waiting)
        return; // what it waited for before, if anything, stays as seen
    if (!m_seen)
        m_seen = Seen{};
    const QString type = r.value(0, "locktype");
    const QString relation = r.value(0, "relation");
    const QString xid = r.value(0, "transactionid");
    const QString vxid = r.value(0, "virtualxid");
    const QString rowOf = r.value(0, "row_relation");
    QString object = relation;
    m_seen->kind = type == QLatin1String("relation") ? Seen::Kind::Table
        : type == QLatin1String("transactionid") || type == QLatin1String("tuple") ? Seen::Kind::Row
        : type == QLatin1String("virtualxid") ? Seen::Kind::Transactions
                                              : Seen::Kind::Other;
    if (type == QLatin1String("relation")) {
        m_seen->waitedFor = tr("%1 on %2").arg(r.value(0, "wait_mode"), relation);
    } else if (type == QLatin1String("transactionid")) {
        object = tr("transaction %1").arg(xid);
        m_seen->waitedFor = rowOf.isEmpty()
            ? tr("a row locked by transaction %1").arg(xid)
            : tr("a row of %1 locked by transaction %2").arg(rowOf, xid);
    } else if (type == QLatin1String("virtualxid")) {
        object = tr("virtual transaction %1").arg(vxid);
        m_seen->waitedFor
            = tr("an older transaction to end (virtual transaction %1), as a concurrent index "
                 "build waits out every transaction that could still use the table")
                  .arg(vxid);
    } else if (type == QLatin1String("tuple")) {
        m_seen->waitedFor = tr("a row of %1").arg(relation);
    } else {
        object = type;
        m_seen->waitedFor = tr("a %1 lock (%2)").arg(type, r.value(0, "wait_mode"));
    }
    m_seen->error.clear();
    m_seen->blockers.clear();
    for (int i = 0; i < r.rows(); ++i) {
        if (r.isNull(i, r.columnIndex("pid")))
            continue; // waiting, with no one named (the holder just ended)
        LockBlocker b = LockBlocker::session(r, i);
        b.relation = object;
        b.mode = r.value(i, "mode").isEmpty() ? tr("a conflicting lock") : r.value(i, "mode");
        b.waiting = r.value(i, "granted") == QLatin1String("f");
        m_seen->blockers << b;
    }
    // a row held by a prepared transaction (no session): named as one, not as a bare number
    for (const LockBlocker &b : std::as_const(m_seen->blockers))
        if (type == QLatin1String("transactionid") && !b.gid.isEmpty()) {
            m_seen->waitedFor = rowOf.isEmpty()
                ? tr("a row locked by prepared transaction '%1' (transaction %2)").arg(b.gid, xid)
                : tr("a row of %1 locked by prepared transaction '%2' (transaction %3)")
                      .arg(rowOf, b.gid, xid);
            break;
        }
}

QString LockWaitWatch::progressLine() const
{
    QStringList who;
    for (const LockBlocker &b : m_seen->blockers)
        who << VisibleText::escaped(b.describe());
    return tr("%1: waiting %2 s for %3")
               .arg(m_label, waitedSeconds(m_seen->waitedMs),
                    VisibleText::escaped(m_seen->waitedFor))
        + u'\n'
        + (who.isEmpty() ? tr("  held up by: no session this role can see")
                         : tr("  held up by: %1").arg(who.join(QStringLiteral("; "))));
}

} // namespace uaip
