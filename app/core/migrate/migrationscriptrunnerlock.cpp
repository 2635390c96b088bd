// MigrationScriptRunner behind a connection pooler: each transaction takes the migration lock
// for itself and checks that its steps are still to do (the rest in migrationscriptrunner.cpp).
#include "migrationscriptrunner.h"

#include "db/pgconnection.h"
#include "db/pipelinecommands.h"
#include "db/sqlresource.h"
#include "migrationlock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

constexpr auto kPlanChanged = "uaip-migrate:plan-changed";

} // namespace

MigrationScriptRunner::LockPrologue
MigrationScriptRunner::appendTransactionLock(PipelineCommands &c, const QList<Step> &steps,
                                             Direction direction,
                                             const QStringList &ledgerRows) const
{
    LockPrologue p;
    if (m_transactionLockWaitMs <= 0)
        return p;
    // The pooler may hand this transaction a server session as another client of the pool left
    // it: its search_path, role, timeouts, cursors, LISTENs and temporary tables (a temporary
    // table named like the migration's takes its ALTER TABLE). The session reset, first, in
    // this transaction; then the lock with its own lock_timeout.
    p.first = c.size();
    appendSessionDefaults(c);
    MigrationLock::appendTransactionLock(c, m_transactionLockWaitMs);
    p.lock = c.size() - 1;
    QJsonArray versions;
    for (const Step &step : steps)
        versions.append(step.ledgerVersion.isEmpty() ? step.migration->version.text()
                                                     : step.ledgerVersion);
    p.check = c.size();
    c.add(SqlResource::get(QStringLiteral("migrate/sql/ledger_step_check.sql")),
          {QString::fromUtf8(QJsonDocument(versions).toJson(QJsonDocument::Compact)),
           direction == Direction::Up, QStringLiteral("%1ms").arg(m_lockTimeoutMs),
           QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ledgerRows))
                                 .toJson(QJsonDocument::Compact))});
    return p;
}

QStringList MigrationScriptRunner::rowsAfter(QStringList rows, const QList<Step> &steps,
                                             Direction direction)
{
    for (const Step &step : steps) {
        const QString version
            = step.ledgerVersion.isEmpty() ? step.migration->version.text() : step.ledgerVersion;
        if (direction == Direction::Up) {
            if (!rows.contains(version))
                rows << version;
        } else {
            rows.removeAll(version);
        }
    }
    return rows;
}

bool MigrationScriptRunner::prologueFailed(const LockPrologue &p, qsizetype i, const PgResult &r,
                                           RunResult &result)
{
    if (p.lock < 0 || i < p.first || i > p.check || r.ok())
        return false;
    const PgError e = r.error();
    result.failure.reset();
    if (i == p.check && e.message == QLatin1String(kPlanChanged)) {
        m_planChanged = true;
        result.outcome = RunResult::Outcome::Ok;
        result.message.clear();
        return true;
    }
    if (e.sqlState == QLatin1String("55P03")) {
        result.outcome = RunResult::Outcome::LockTimeout; // the holder after the ROLLBACK
        return true;
    }
    result.outcome = RunResult::Outcome::Failed;
    result.cancelled = e.sqlState == QLatin1String("57014") && m_cancelled.load();
    result.message = result.cancelled ? tr("cancelled while waiting for the migration lock")
                                      : tr("cannot take the migration lock: %1").arg(e.toString());
    return true;
}

void MigrationScriptRunner::describeLockTimeout(RunResult &result) const
{
    if (result.outcome != RunResult::Outcome::LockTimeout)
        return;
    const LockHolder holder = MigrationLock::currentHolder(m_connection);
    result.lockHolder = holder;
    result.message = MigrationLock::timedOutMessage(m_transactionLockWaitMs, holder);
}

} // namespace uaip
