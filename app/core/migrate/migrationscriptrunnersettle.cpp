// MigrationScriptRunner after a lost connection: which steps committed, read from the ledger on
// a new session (the rest in migrationscriptrunner.cpp).
#include "migrationscriptrunner.h"

#include "db/pgconnection.h"
#include "ledger.h"

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
    PgConnection fresh;
    QList<LedgerEntry> entries;
    bool read = fresh.open(m_connection.conninfo(), QStringLiteral("uaip-migrate settle"));
    if (read) {
        Ledger ledger(fresh, QString());
        const DbResult<bool> exists = ledger.exists();
        auto rows = exists.ok() && exists.value() ? ledger.entries()
                                                  : DbResult<QList<LedgerEntry>>(entries);
        read = exists.ok() && rows.ok();
        if (read)
            entries = rows.take();
    }
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
                    "read on a new connection, shows it committed")
                     .arg(step.migration->id(), lost));
    }
    if (committed == steps.size()) { // every step committed: the lost answers change nothing
        result.outcome = RunResult::Outcome::Ok;
        result.cancelled = false;
        result.failure.reset();
        result.message.clear();
    } else {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("%1 did not commit: the connection was lost (%2); the ledger, read "
                            "on a new connection, shows it was not %3")
                             .arg(steps[committed].migration->id(), lost,
                                  up ? tr("applied") : tr("rolled back"));
    }
    return committed;
}

} // namespace uaip
