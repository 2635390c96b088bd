// MigrationScriptRunner after a lost connection: which steps committed, read from the ledger on
// a new session (the rest in migrationscriptrunner.cpp).
#include "migrationscriptrunner.h"

#include "db/pgconnection.h"
#include "db/servertopology.h"
#include "ledger.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace uaip {

int MigrationScriptRunner::settleLostConnection(const QList<Step> &steps, int known,
                                                Direction direction, RunResult &result,
                                                QList<int> *durationsMs)
{
    // The connection went while the pipeline ran: the server may have committed any of the
    // steps whose answers never came. Each step's ledger row commits with it, so a new session
    // reads the truth from the ledger instead of guessing "rolled back".
    const bool up = direction == Direction::Up;
    const QString lost = m_connection.connectionError();
    const QString lostAt = QStringLiteral("%1:%2").arg(m_connection.host(), m_connection.port());
    // A server that went away may come back, or another take its place (a failover: a standby
    // promoted, found by a host list with target_session_attrs=read-write): the ledger is read
    // as soon as a server answers, within kSettleWindowMs, so the run ends on what it shows.
    PgConnection fresh;
    QElapsedTimer waited;
    waited.start();
    bool announced = false;
    while (!fresh.open(m_connection.conninfo(), QStringLiteral("uaip-migrate settle"))
           && retryable(fresh.connectionError()) && waited.elapsed() < kSettleWindowMs
           && !m_cancelled.load()) {
        if (!announced)
            m_notice(tr("the connection to %1 was lost (%2); waiting up to %3 s for a server to "
                        "answer, to read from its ledger what committed")
                         .arg(lostAt, lost)
                         .arg(kSettleWindowMs / 1000));
        announced = true;
        QThread::msleep(250);
    }
    QList<LedgerEntry> entries;
    bool read = fresh.isOpen();
    ServerTopology server;
    if (read) {
        const DbResult<ServerTopology> topology = ServerTopology::read(fresh);
        server = topology.ok() ? topology.value() : ServerTopology();
        Ledger ledger(fresh, QString());
        const DbResult<bool> exists = ledger.exists();
        auto rows = exists.ok() && exists.value() ? ledger.entries()
                                                  : DbResult<QList<LedgerEntry>>(entries);
        read = topology.ok() && exists.ok() && rows.ok();
        if (read)
            entries = rows.take();
    }
    result.connectionLost = true;
    const Migration &first = *steps[known].migration;
    if (!read) {
        result.outcome = RunResult::Outcome::Failed;
        result.outcomeUnknown = true;
        result.failure.reset();
        result.message = tr("%1: the connection was lost while it ran (%2), and the ledger could "
                            "not be read on a new connection (%3): whether it committed is "
                            "unknown; run 'status' before anything else")
                             .arg(first.id(), lost, fresh.connectionError());
        return known;
    }
    // Which server the ledger was read on: another one than the run's after a failover (what
    // the old primary committed and had not sent it is not there), and a standby may not have
    // received the last commits yet (then a missing row proves nothing).
    const QString answered = QStringLiteral("%1:%2").arg(fresh.host(), fresh.port());
    const QString where = answered == lostAt ? tr("on a new connection to %1").arg(answered)
        : server.inRecovery
        ? tr("on %1, a %2 (it may not have received the last commits yet)")
              .arg(answered, server.role())
        : tr("on %1, the primary now (after a failover from %2?)").arg(answered, lostAt);
    int committed = known;
    for (; committed < steps.size(); ++committed) {
        const Step &step = steps[committed];
        const QString version
            = step.ledgerVersion.isEmpty() ? step.migration->version.text() : step.ledgerVersion;
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

bool MigrationScriptRunner::retryable(const QString &connectError)
{
    // Refused, no socket, timed out, read-only (target_session_attrs), starting up or shutting
    // down: a server may answer soon. A refusal of these credentials will not change (libpq's
    // and the server's English texts, as ConnectionTester reads them).
    static const char *const kFinal[]
        = {"authentication failed", "not permitted to log in", "pg_hba.conf",
           "does not exist",        "permission denied",       "password"};
    for (const char *text : kFinal)
        if (connectError.contains(QLatin1String(text), Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace uaip
