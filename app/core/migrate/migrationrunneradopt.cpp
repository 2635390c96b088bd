// MigrationRunner::adopt: another tool's history taken over (uaip-migrate adopt).
#include "db/transactionguard.h"
#include "ledger.h"
#include "migrationlock.h"
#include "migrationrunner.h"

namespace uaip {

RunResult MigrationRunner::adopt(const QList<AdoptItem> &items)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection, m_topology};
    if (!begin(result, lock, &statuses))
        return result;
    QList<std::pair<const MigrationStatus *, QString>> plan;
    for (const AdoptItem &item : items) {
        const auto version = MigrationVersion::parse(item.version);
        const auto found = std::find_if(statuses.cbegin(), statuses.cend(), [&](const auto &s) {
            return s.migration && version && s.migration->version == *version;
        });
        if (found == statuses.cend())
            result.problems << tr("%1: no migration folder has this version").arg(item.version);
        else if (found->state != MigrationState::Pending)
            result.problems << tr("%1: not pending in this database's ledger (%2)")
                                   .arg(found->id(), migrationStateName(found->state));
        else
            plan.append({&*found, item.detail});
    }
    if (!result.problems.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("nothing was adopted: %n migration(s) cannot be taken over", nullptr,
                            int(result.problems.size()));
        return result;
    }
    if (plan.isEmpty()) {
        result.message = tr("nothing to adopt");
        return result;
    }
    if (!ensureLedger(result))
        return result;
    Ledger ledger(m_connection, m_options.client);
    TransactionGuard transaction(m_connection);
    QString error;
    if (DbStatus begun = transaction.begin(writeBegin()); !begun) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("adopt failed: %1").arg(begun.error().toString());
        return result;
    }
    if (!lockWrites(result, transaction, statuses))
        return result;
    for (const auto &[status, detail] : plan) {
        const Migration &m = *status->migration;
        LedgerEntry e;
        e.version = m.version.text();
        e.name = m.name;
        e.checksum = m.upChecksum;
        e.downChecksum = m.downChecksum;
        if (!kept(ledger.recordAdopted(e, detail), &error)) {
            transaction.rollback();
            result.outcome = RunResult::Outcome::Failed;
            result.message = tr("adopt failed, nothing recorded: %1").arg(error);
            result.steps.clear();
            return result;
        }
        result.steps << RunStep{m.version.text(), m.name, QStringLiteral("adopt"), 0, true, detail};
    }
    if (DbStatus committed = transaction.commit(); !committed) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("adopt failed: %1").arg(committed.error().toString());
        result.steps.clear();
        return result;
    }
    result.message = tr("adopted %n migration(s) without running them", nullptr, int(plan.size()));
    return result;
}

} // namespace uaip
