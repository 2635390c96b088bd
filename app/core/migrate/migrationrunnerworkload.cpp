// MigrationRunner: what an up run says of the live server and the workload snapshot it keeps
// before it applies anything.
#include "migrationrunner.h"

#include "activity/activityage.h"
#include "db/pgconnection.h"
#include "insights/connectionreader.h"
#include "insights/insightscapabilities.h"
#include "insights/workloadsnapshots.h"

namespace uaip {

void MigrationRunner::warnAboutHeadroom()
{
    const DbResult<ConnectionUsage> usage = ConnectionReader(m_connection).read();
    if (!usage)
        return; // the run says what fails when it runs
    const ConnectionUsage &u = usage.value();
    if (u.free() == 0)
        emit message(tr("warning: the server has no connection slot left (%1 in use, "
                        "max_connections %2 with %3 kept for superusers): the platform's new "
                        "connections are refused until one ends")
                         .arg(u.inUse)
                         .arg(u.maxConnections)
                         .arg(u.reserved));
    for (const IdleTransaction &s : u.idleInTransaction)
        if (s.database == m_connection.database())
            emit message(tr("warning: session %1 (%2, %3) is idle in a transaction for %4: it "
                            "holds its locks, and a step that needs one waits for it (retried) "
                            "until it ends")
                             .arg(s.pid)
                             .arg(s.user, s.application, ActivityAge::text(s.transactionMs)));
}

void MigrationRunner::keepWorkloadSnapshot(const QList<MigrationStatus> &plan)
{
    const DbResult<InsightsCapabilities> caps = InsightsCapabilities::read(m_connection);
    if (!caps || !caps.value().installed(QLatin1String(InsightsCapabilities::kStatements)))
        return; // nothing to keep: the database has no statement statistics
    QStringList versions;
    for (const MigrationStatus &s : plan)
        versions << s.migration->version.text();
    WorkloadSnapshots snapshots(m_connection, caps.value());
    const DbResult<qint64> id = snapshots.take(versions);
    if (id)
        emit message(tr("workload snapshot %1 kept: insights since %2 compares the statements "
                        "with it")
                         .arg(id.value())
                         .arg(versions.last())
                     + (snapshots.notPlanned().isEmpty() ? QString()
                                                         : u' '
                                + tr("(not every statement with its plan: %1)")
                                      .arg(snapshots.notPlanned())));
    else
        emit message(tr("no workload snapshot kept (insights since cannot compare this run): %1")
                         .arg(id.error().message));
}

} // namespace uaip
