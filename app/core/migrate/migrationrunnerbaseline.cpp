// MigrationRunner::baseline: an existing database marked as applied up to a version without
// running anything (migrationrunner.cpp holds the runs themselves).
#include "migrationrunner.h"

#include "db/transactionguard.h"
#include "ledger.h"
#include "migrationlock.h"

namespace uaip {

RunResult MigrationRunner::baseline(const MigrationVersion &version)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection, m_topology};
    if (!begin(result, lock, &statuses))
        return result;
    QList<MigrationStatus> plan;
    bool anyAtOrBelow = false;
    for (const MigrationStatus &s : statuses) {
        if (!s.migration || !s.parsedVersion || *s.parsedVersion > version)
            continue;
        anyAtOrBelow = true;
        if (s.state == MigrationState::Pending)
            plan << s;
    }
    if (!anyAtOrBelow) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = tr("no migration has a version at or below %1").arg(version.text());
        return result;
    }
    if (!ensureLedger(result))
        return result;
    Ledger ledger(m_connection, m_options.client);
    QString error;
    TransactionGuard transaction(m_connection);
    if (DbStatus begun = transaction.begin(writeBegin()); !begun) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("baseline failed: %1").arg(begun.error().toString());
        return result;
    }
    if (!lockWrites(result, transaction, statuses))
        return result;
    for (const MigrationStatus &s : plan) {
        const Migration &m = *s.migration;
        LedgerEntry e;
        e.version = m.version.text();
        e.name = m.name;
        e.checksum = m.upChecksum;
        e.downChecksum = m.downChecksum;
        if (!kept(ledger.record(e), &error)
            || !kept(ledger.addEvent({0,
                                      m.version.text(),
                                      m.name,
                                      QStringLiteral("baseline"),
                                      QStringLiteral("ok"),
                                      {},
                                      {},
                                      {},
                                      0,
                                      m.upChecksum,
                                      {},
                                      {}}),
                     &error)) {
            transaction.rollback();
            result.outcome = RunResult::Outcome::Failed;
            result.message = tr("baseline failed, nothing recorded: %1").arg(error);
            return result;
        }
        result.steps << RunStep{m.version.text(), m.name, QStringLiteral("baseline"), 0, true, {}};
    }
    if (DbStatus committed = transaction.commit(); !committed) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("baseline failed: %1").arg(committed.error().toString());
        result.steps.clear();
        return result;
    }
    result.message = tr("marked %n migration(s) up to %1 as applied without running them", nullptr,
                        int(plan.size()))
                         .arg(version.text());
    return result;
}

} // namespace uaip
