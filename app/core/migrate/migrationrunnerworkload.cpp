// MigrationRunner: the workload snapshot an up run keeps before it applies anything.
#include "migrationrunner.h"

#include "insights/insightscapabilities.h"
#include "insights/workloadsnapshots.h"

namespace uaip {

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
                         .arg(versions.last()));
    else
        emit message(tr("no workload snapshot kept (insights since cannot compare this run): %1")
                         .arg(id.error().message));
}

} // namespace uaip
