#include "workloadrunobserver.h"

#include "activity/activityage.h"
#include "connectionreader.h"
#include "db/pgconnection.h"
#include "insightscapabilities.h"
#include "workloadsnapshots.h"

namespace uaip {

void WorkloadRunObserver::beforeUp(PgConnection &connection, const QList<MigrationStatus> &plan,
                                   const Say &say)
{
    warnAboutHeadroom(connection, say);
    keepWorkloadSnapshot(connection, plan, say);
}

void WorkloadRunObserver::warnAboutHeadroom(PgConnection &connection, const Say &say)
{
    const Result<ConnectionUsage> usage = ConnectionReader(connection).read();
    if (!usage)
        return; // the run says what fails when it runs
    const ConnectionUsage &u = usage.value();
    if (u.free() == 0)
        say(tr("warning: the server has no connection slot left (%1 in use, "
               "max_connections %2 with %3 kept for superusers): the platform's new "
               "connections are refused until one ends")
                .arg(u.inUse)
                .arg(u.maxConnections)
                .arg(u.reserved));
    for (const IdleTransaction &s : u.idleInTransaction)
        if (s.database == connection.database())
            say(tr("warning: session %1 (%2, %3) is idle in a transaction for %4: it "
                   "holds its locks, and a step that needs one waits for it (retried) "
                   "until it ends")
                    .arg(s.pid)
                    .arg(s.user, s.application, ActivityAge::text(s.transactionMs)));
}

void WorkloadRunObserver::keepWorkloadSnapshot(PgConnection &connection,
                                               const QList<MigrationStatus> &plan, const Say &say)
{
    const Result<InsightsCapabilities> caps = InsightsCapabilities::read(connection);
    if (!caps || !caps.value().installed(QLatin1String(InsightsCapabilities::kStatements)))
        return; // nothing to keep: the database has no statement statistics
    QStringList versions;
    for (const MigrationStatus &s : plan)
        versions << s.migration->version.text();
    WorkloadSnapshots snapshots(connection, caps.value());
    const Result<qint64> id = snapshots.take(versions);
    if (id)
        say(tr("workload snapshot %1 kept: insights since %2 compares the statements with it")
                .arg(id.value())
                .arg(versions.last())
            + (snapshots.notPlanned().isEmpty() ? QString()
                                                : u' '
                       + tr("(not every statement with its plan: %1)")
                             .arg(snapshots.notPlanned())));
    else
        say(tr("no workload snapshot kept (insights since cannot compare this run): %1")
                .arg(id.error().toString()));
}

} // namespace uaip
