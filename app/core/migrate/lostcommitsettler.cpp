#include "lostcommitsettler.h"

#include "db/pgconnection.h"
#include "db/servertopology.h"
#include "db/sessioncanceller.h"
#include "ledger/ledger.h"

#include <QElapsedTimer>

#include <algorithm>

namespace uaip {

namespace {

QString address(const PgConnection &c)
{
    return QStringLiteral("%1:%2").arg(c.host(), c.port());
}

// The ledger's rows and the server's topology, read on fresh; false when either could not be.
bool readLedger(PgConnection &fresh, ServerTopology &server, QList<LedgerEntry> &entries)
{
    if (!fresh.isOpen())
        return false;
    const Result<ServerTopology> topology = ServerTopology::read(fresh);
    server = topology.ok() ? topology.value() : ServerTopology();
    Ledger ledger(fresh, QString());
    const Result<bool> exists = ledger.exists();
    auto rows
        = exists.ok() && exists.value() ? ledger.entries() : Result<QList<LedgerEntry>>(entries);
    if (!topology.ok() || !exists.ok() || !rows.ok())
        return false;
    entries = rows.take();
    return true;
}

} // namespace

LostCommitSettler::LostCommitSettler(const PgConnection &lost, const std::atomic_bool &cancelled,
                                     std::function<void(const QString &)> notice)
    : m_lost(lost)
    , m_cancelled(cancelled)
    , m_notice(std::move(notice))
{ }

void LostCommitSettler::reconnect(PgConnection &fresh) const
{
    // A server that went away may come back, or another take its place (a failover: a standby
    // promoted, found by a host list with target_session_attrs=read-write): the ledger is read
    // as soon as a server answers, within kSettleWindowMs, so the run ends on what it shows.
    QElapsedTimer waited;
    waited.start();
    bool announced = false;
    while (!fresh.open(m_lost.conninfo(), QStringLiteral("uaip-migrate settle"))
           && retryable(fresh.connectFailure()) && waited.elapsed() < kSettleWindowMs
           && !m_cancelled.load()) {
        if (!announced)
            m_notice(tr("the connection to %1 was lost (%2); waiting up to %3 s for a server to "
                        "answer, to read from its ledger what committed")
                         .arg(address(m_lost), m_lost.connectionError())
                         .arg(kSettleWindowMs / 1000));
        announced = true;
        // The run's cancel (MigrationRunner::cancel, the job's) goes through the lost
        // connection's canceller after setting m_cancelled: it ends the pause at once.
        if (!m_lost.canceller()->pause(250, &m_cancelled))
            break;
    }
}

int LostCommitSettler::settle(const QList<MigrationStep> &steps, int known,
                              ScriptDirection direction, RunResult &result, QList<int> *durationsMs)
{
    const bool up = direction == ScriptDirection::Up;
    const QString lost = m_lost.connectionError();
    const QString lostAt = address(m_lost);
    PgConnection fresh;
    reconnect(fresh);
    ServerTopology server;
    QList<LedgerEntry> entries;
    result.connectionLost = true;
    if (!readLedger(fresh, server, entries)) {
        result.outcome = RunResult::Outcome::Failed;
        result.outcomeUnknown = true;
        result.failure.reset();
        result.message = tr("%1: the connection was lost while it ran (%2), and the ledger could "
                            "not be read on a new connection (%3): whether it committed is "
                            "unknown; run 'status' before anything else")
                             .arg(steps[known].migration->id(), lost, fresh.connectionError());
        return known;
    }
    // Which server the ledger was read on: another one than the run's after a failover (what
    // the old primary committed and had not sent it is not there), and a standby may not have
    // received the last commits yet (then a missing row proves nothing).
    const QString answered = address(fresh);
    const QString where = answered == lostAt ? tr("on a new connection to %1").arg(answered)
        : server.inRecovery
        ? tr("on %1, a %2 (it may not have received the last commits yet)")
              .arg(answered, server.role())
        : tr("on %1, the primary now (after a failover from %2?)").arg(answered, lostAt);
    int committed = known;
    for (; committed < steps.size(); ++committed) {
        const MigrationStep &step = steps[committed];
        const QString version = step.version();
        const auto row = std::find_if(entries.cbegin(), entries.cend(),
                                      [&](const LedgerEntry &e) { return e.version == version; });
        const bool done = up
            ? row != entries.cend() && !row->dirty && step.migration->upMatches(row->checksum)
            : row == entries.cend();
        if (!done)
            break;
        *durationsMs << (row != entries.cend() ? row->durationMs : 0);
        m_notice(tr("%1: the connection was lost after its COMMIT was sent (%2); the ledger, "
                    "read %3, shows it committed")
                     .arg(step.migration->id(), lost, where));
    }
    if (committed == steps.size()) { // every step committed: the lost answers change nothing
        result.outcome = RunResult::Outcome::Ok;
        result.cancelled = false;
        result.failure.reset();
        result.message.clear();
    } else if (server.inRecovery) { // a missing row on a standby proves nothing
        result.outcome = RunResult::Outcome::Failed;
        result.outcomeUnknown = true;
        result.failure.reset();
        result.message = tr("%1: the connection was lost while it ran (%2); the ledger, read %3, "
                            "does not show it: whether it committed is unknown; run 'status' on "
                            "the primary before anything else")
                             .arg(steps[committed].migration->id(), lost, where);
    } else {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("%1 did not commit: the connection was lost (%2); the ledger, read "
                            "%3, shows it was not %4")
                             .arg(steps[committed].migration->id(), lost, where,
                                  up ? tr("applied") : tr("rolled back"));
    }
    return committed;
}

bool LostCommitSettler::retryable(const ConnectFailure &failure)
{
    // Refused, no socket, timed out, no answer, read-only (target_session_attrs), starting up,
    // shutting down or full: a server may answer soon. A refusal of these credentials, this
    // database or this role will not change. Read from what the connector saw and the
    // server's SQLSTATE, never from the words (translated by the client's and server's locales).
    using Cause = ConnectFailure::Cause;
    switch (failure.cause) {
    case Cause::NeedsPassword:
    case Cause::Cancelled:
    case Cause::Ssl:
        return false;
    case Cause::ServerError:
        return failure.sqlState.startsWith(QLatin1String("57P"))
            || failure.sqlState.startsWith(QLatin1String("53"))
            || failure.sqlState.startsWith(QLatin1String("08"));
    default:
        return true;
    }
}

} // namespace uaip
