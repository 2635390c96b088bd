#include "ledgeradoption.h"

#include "db/transaction.h"
#include "ledger/ledger.h"
#include "migrationcommandscope.h"
#include "migrationrunsession.h"

namespace uaip {

LedgerAdoption::LedgerAdoption(PgConnection &connection, MigrationRunSession &session,
                               const MigrationRunOptions &options)
    : m_connection(connection)
    , m_session(session)
    , m_options(options)
{ }

RunResult LedgerAdoption::adopt(const QList<AdoptItem> &items)
{
    RunResult result;
    MigrationCommandScope command(m_session, m_connection);
    if (!command.begin(result))
        return result;
    const QList<MigrationStatus> &statuses = command.statuses();
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
    if (!m_session.ensureLedger(result))
        return result;
    Ledger ledger(m_connection, m_options.client);
    Transaction transaction(m_connection);
    if (!m_session.beginWrites(result, transaction, statuses, tr("adopt failed: %1")))
        return result;
    for (const auto &[status, detail] : plan) {
        const Migration &m = *status->migration;
        LedgerEntry e;
        e.version = m.version.text();
        e.name = m.name;
        e.checksum = m.upChecksum;
        e.downChecksum = m.downChecksum;
        if (const Status recorded = ledger.recordAdopted(e, detail); !recorded) {
            transaction.rollback();
            result.outcome = RunResult::Outcome::Failed;
            result.message
                = tr("adopt failed, nothing recorded: %1").arg(recorded.error().toString());
            result.steps.clear();
            return result;
        }
        result.steps << RunStep{m.version.text(), m.name, QStringLiteral("adopt"), 0, true, detail};
    }
    if (Status committed = transaction.commit(); !committed) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("adopt failed: %1").arg(committed.error().toString());
        result.steps.clear();
        return result;
    }
    result.message = tr("adopted %n migration(s) without running them", nullptr, int(plan.size()));
    return result;
}

RunResult LedgerAdoption::baseline(const MigrationVersion &version)
{
    RunResult result;
    MigrationCommandScope command(m_session, m_connection);
    if (!command.begin(result))
        return result;
    const QList<MigrationStatus> &statuses = command.statuses();
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
    if (!m_session.ensureLedger(result))
        return result;
    Ledger ledger(m_connection, m_options.client);
    Transaction transaction(m_connection);
    if (!m_session.beginWrites(result, transaction, statuses, tr("baseline failed: %1")))
        return result;
    for (const MigrationStatus &s : plan) {
        const Migration &m = *s.migration;
        LedgerEntry e;
        e.version = m.version.text();
        e.name = m.name;
        e.checksum = m.upChecksum;
        e.downChecksum = m.downChecksum;
        Status written = ledger.record(e);
        if (written)
            written = ledger.addEvent({0,
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
                                       {}});
        if (!written) {
            transaction.rollback();
            result.outcome = RunResult::Outcome::Failed;
            result.message
                = tr("baseline failed, nothing recorded: %1").arg(written.error().toString());
            return result;
        }
        result.steps << RunStep{m.version.text(), m.name, QStringLiteral("baseline"), 0, true, {}};
    }
    if (Status committed = transaction.commit(); !committed) {
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
